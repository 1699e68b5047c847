from __future__ import annotations

from pathlib import Path

from tests.rules.results_case import RESULTS, column_of, line_of, results_case, validate_results


def test_a_score_above_the_max(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace("value: 2.25", "value: 3.25"))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-out-of-range", "code": "1.1",
                      "message": "appraised score 3.25 of 1.1 is outside [0, 3]",
                      "file": str(results), "line": line_of(results, "3.25"),
                      "column": column_of(results, "3.25")}]


def test_a_score_at_the_max_passes(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace("value: 2.25", "value: 3"))
    assert validate_results(cli, case, results)[0] == 0
