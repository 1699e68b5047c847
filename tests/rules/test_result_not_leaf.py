from __future__ import annotations

from pathlib import Path

from tests.rules.results_case import RESULTS, line_of, results_case, validate_results


def test_a_score_for_a_field(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace('code: "1.2"', 'code: "1"'))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-not-leaf", "code": "1",
                      "message": "criterion 1 has rows below it (1.1, 1.2); give their scores "
                                 "instead", "file": str(results),
                      "line": line_of(results, 'code: "1"'), "column": 11}]


def test_scores_for_leaves_pass(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path)
    assert validate_results(cli, case, results)[0] == 0
