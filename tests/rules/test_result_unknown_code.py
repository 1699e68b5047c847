from __future__ import annotations

from pathlib import Path

from tests.rules.results_case import RESULTS, line_of, results_case, validate_results


def test_the_fixture_results_pass(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path)
    assert validate_results(cli, case, results) == (0, [])


def test_a_score_for_a_criterion_the_plan_lacks(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace('code: "1.2"', 'code: "1.9"'))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-unknown-code", "code": "1.9",
                      "message": "no criterion 1.9 in the criteria file: its score would be "
                                 "lost", "file": str(results),
                      "line": line_of(results, '"1.9"'), "column": 11}]


def test_a_status_for_an_assignment_the_plan_lacks(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace(
        '  - code: "1.1"\n    status', '  - code: "7.7"\n    status'))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-unknown-code", "code": "7.7",
                      "message": "no assignment 7.7 in the assignments file: its status would "
                                 "be lost", "file": str(results),
                      "line": line_of(results, '"7.7"'), "column": 11}]
