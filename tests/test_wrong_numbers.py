"""Issue 18, "tests that would catch a wrong number": each fails if parcli were to report a
number (or an all-clear) it cannot stand behind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.rules.conftest import Case, problems, validate
from tests.rules.results_case import RESULTS, column_of, line_of, results_case, validate_results

# Field 2 and its one row 2.1 without a target: the total's target cannot be checked.
NO_TARGET_2 = [("    baseline: 2.5\n    target: 3.5\n  - code", "    baseline: 2.5\n  - code"),
               ("    baseline: 2.5\n    target: 3.5\n    lead", "    baseline: 2.5\n    lead")]


def test_check_with_an_unknown_field_says_not_checkable(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=NO_TARGET_2)
    text = cli("check", "--criteria", case.paths["criteria"])
    assert text.code == 0  # unknown is no error; it is not an all-clear either
    assert "Every printed subtotal equals the sum of its rows" not in text.out
    assert "1 printed subtotal(s) not checkable: rows unknown." in text.out
    [row] = [line.split() for line in text.out.splitlines() if line.startswith("total ")]
    assert row == ["total", "Total", "2030", "target", "8.75", "2"]
    data = json.loads(cli("check", "--criteria", case.paths["criteria"], "--format",
                          "json").out)
    assert data["totals"]["target"] == {"printed": 8.75, "computed": None}
    assert data["not_checkable"] == [{"code": "total", "column": "target", "printed": 8.75,
                                      "unknown": ["2"]}]
    assert data["findings"] == []


def test_a_successor_chain_that_loops_back_to_a_later_agency_stops(tmp_path: Path) -> None:
    """alpha → beta → gamma → beta: the walk from alpha never comes back to alpha; validate
    must still end, with the cycle through beta as an error."""
    def successor(name_en: str, to: str) -> tuple[str, str]:
        line = f"    name_en: {name_en}\n"
        return line, f"{line}    until: 2029-06-30\n    successor: {to}\n"

    case = Case(tmp_path, agencies=[successor("Alpha Department", "beta"),
                                    successor("Beta Department", "gamma"),
                                    successor("Gamma Department", "beta")])
    for command in (["validate", "--format", "json"], ["gap", "--by-agency"]):
        done = subprocess.run([sys.executable, "-m", "parcli", *command, *case.args()],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 1, (command, done.stderr)
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "parcli", "validate", "--format", "json", *case.args()],
        capture_output=True, text=True, timeout=60, check=False).stdout)
    assert problems(data, "successor-chain") == [{
        "level": "error", "rule": "successor-chain", "code": "beta",
        "file": case.file("agencies"), "line": case.line("agencies", "successor: gamma"),
        "column": 16,
        "message": "agency beta: its successors come back to it (beta → gamma → beta); one "
                   "of them must have no successor"}]


def test_a_score_exactly_at_its_minimum_is_valid(cli, tmp_path: Path) -> None:
    # 1.2 at 0 in the plan (field 1 and the total follow), and a self-assessment of 0
    case = Case(tmp_path, criteria=[("    baseline: 2\n    target: 2.5\n",
                                     "    baseline: 0\n    target: 2.5\n"),
                                    ("    baseline: 4\n", "    baseline: 2\n"),
                                    ("  baseline: 6.5\n", "  baseline: 4.5\n")])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
    plan, results = results_case(tmp_path / "results", RESULTS.replace("value: 2.5}",
                                                                       "value: 0}"))
    assert validate_results(cli, plan, results) == (0, [])
    below = RESULTS.replace("value: 2.5}", "value: -0.25}")
    code, found = validate_results(cli, *results_case(tmp_path / "below", below))
    assert code == 1
    assert [p["message"] for p in found] == ["self score -0.25 of 1.1 is outside [0, 3]"]


def test_a_status_dated_outside_the_plan_year_is_an_error(cli, tmp_path: Path) -> None:
    case, results = results_case(tmp_path, RESULTS.replace("date: 2030-05-01",
                                                           "date: 2029-12-31"))
    code, found = validate_results(cli, case, results)
    assert code == 1
    assert found == [{"level": "error", "rule": "result-date-outside-year", "code": "1.1",
                      "message": "the status of 1.1 dated 2029-12-31, outside 2030",
                      "file": str(results), "line": line_of(results, "2029-12-31"),
                      "column": column_of(results, "2029-12-31")}]


def test_missing_number_when_the_total_omits_a_column_rows_print(cli, tmp_path: Path) -> None:
    # the total prints no baseline, the rows do: 1.1 without one is still a missing number
    case = Case(tmp_path, criteria=[("  baseline: 6.5\n", ""),
                                    ("    baseline: 2\n    target: 2.75\n",
                                     "    target: 2.75\n")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "missing-number") == [{
        "level": "warning", "rule": "missing-number", "code": "1.1",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "1.1"'),
        "column": 11,
        "message": "criterion 1.1 has no baseline: unknown, left out of every sum"}]
