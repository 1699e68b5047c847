from __future__ import annotations

from pathlib import Path

from tests.rules.results_case import RESULTS, column_of, line_of, results_case, validate_results


def test_results_of_another_year(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace("year: 2030", "year: 2029"))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-date-outside-year", "code": None,
                      "message": "results of 2029 for a plan whose target year is 2030",
                      "file": str(results), "line": 1, "column": 7}]


def test_a_self_assessment_dated_after_the_year(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace("2030-06-30", "2031-01-05"))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-date-outside-year", "code": "1.1",
                      "message": "the self score of 1.1 dated 2031-01-05, outside 2030",
                      "file": str(results), "line": line_of(results, "2031-01-05"),
                      "column": column_of(results, "2031-01-05")}]


def test_an_official_score_published_the_next_year_passes(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace(
        "{stage: appraised, date: 2030-11-15", "{stage: official, date: 2031-05-20"))
    assert validate_results(cli, case, results)[0] == 0
