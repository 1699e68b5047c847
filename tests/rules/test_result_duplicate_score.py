"""result-duplicate-score (error), issue 18 item 21: two scores of one criterion with the
same stage and date; the first listed won silently, so swapping them changed `progress`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rules.results_case import RESULTS, column_of, line_of, results_case, validate_results

TWICE = RESULTS.replace(
    "      - {stage: appraised, date: 2030-11-15, value: 2.25}\n",
    "      - {stage: appraised, date: 2030-11-15, value: 2.25}\n"
    "      - {stage: appraised, date: 2030-11-15, value: 2.5}\n")


def test_two_appraised_scores_on_one_day(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, TWICE)
    code, found = validate_results(cli, case, results)
    assert code == 1
    second_score = "{stage: appraised, date: 2030-11-15, value: 2.5}"
    first, second = line_of(results, "value: 2.25"), line_of(results, second_score)
    assert found == [{"level": "error", "rule": "result-duplicate-score", "code": "1.1",
                      "message": f"1.1 has two appraised scores dated 2030-11-15: 2.25 at line "
                                 f"{first} and 2.5 at line {second}; which one counts depends "
                                 "on their order: keep one",
                      "file": str(results), "line": second,
                      "column": column_of(results, second_score)}]
    vi = json.loads(cli("validate", "--format", "json", "--lang", "vi", *case.args(),
                        "--results", results).out)
    assert [p["message"] for p in vi["errors"]] == [
        f"1.1 có hai điểm thẩm định cùng ngày 15/11/2030: 2,25 ở dòng {first} và 2,5 ở dòng "
        f"{second}; điểm nào được tính phụ thuộc vào thứ tự ghi: chỉ giữ một điểm"]


def test_progress_refuses_rather_than_picking_one(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, TWICE)
    result = cli("progress", *case.args(), "--results", results)
    assert result.code == 1
    assert "result-duplicate-score" in result.err


def test_same_stage_on_other_days_or_other_stages_pass(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace(
        "      - {stage: appraised, date: 2030-11-15, value: 2.25}\n",
        "      - {stage: appraised, date: 2030-11-15, value: 2.25}\n"
        "      - {stage: appraised, date: 2030-11-20, value: 2.5}\n"
        "      - {stage: self, date: 2030-11-15, value: 2.5}\n"))
    assert validate_results(cli, case, results) == (0, [])


def test_two_measured_values_of_a_goal_on_one_day(cli, tmp_path: Path) -> None:
    # tests/fixtures/clean/ with its plan file: the goal `sipas`
    from tests.rules.conftest import Case

    case = Case(tmp_path, plan=[])
    results = tmp_path / "results.yaml"
    results.write_text("year: 2030\nmeasured:\n  - {id: sipas, value: 81, date: 2030-11-30}\n"
                       "  - {id: sipas, value: 79, date: 2030-11-30}\n"
                       "  - {id: sipas, value: 82, date: 2030-12-15}\n", encoding="utf-8")
    result = cli("validate", "--format", "json", *case.args(), "--results", results)
    assert result.code == 1
    assert [(p["rule"], p["line"], p["message"]) for p in json.loads(result.out)["errors"]] == [
        ("result-duplicate-score", 4, "sipas has two values measured on 2030-11-30: 81 at line "
         "3 and 79 at line 4; which one counts depends on their order: keep one")]
