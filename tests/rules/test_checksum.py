"""checksum (error): a printed subtotal that its rows do not add up to, unacknowledged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rules.conftest import Case, problems, validate

CLEAN_RESULT = (0, {"errors": [], "warnings": []})


def test_checksum_on_a_subtotal(cli, tmp_path: Path) -> None:
    # 1.1's baseline 2 -> 2.5: row "1" prints 4 but its rows now add up to 4.5
    case = Case(tmp_path, criteria=[("    baseline: 2\n    target: 2.75",
                                     "    baseline: 2.5\n    target: 2.75")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "checksum") == [{
        "level": "error", "rule": "checksum", "code": "1", "file": case.file("criteria"),
        "line": case.line("criteria", "baseline: 4"), "column": 15,
        "message": "1 baseline: printed 4, rows add up to 4.5 (difference -0.5); fix the data "
                   "or acknowledge it with a reason"}]


def test_checksum_on_the_grand_total(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("  target: 8.75", "  target: 9")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "checksum") == [{
        "level": "error", "rule": "checksum", "code": "total", "file": case.file("criteria"),
        "line": case.line("criteria", "  target: 9"), "column": 11,
        "message": "total target: printed 9, rows add up to 8.75 (difference 0.25); fix the "
                   "data or acknowledge it with a reason"}]


def test_checksum_within_tolerance_or_acknowledged_passes(cli, tmp_path: Path) -> None:
    rounding = Case(tmp_path / "rounding", criteria=[("    baseline: 2\n    target: 2.75",
                                                      "    baseline: 2.01\n    target: 2.75")])
    assert validate(cli, rounding) == CLEAN_RESULT
    # the same difference fails under --tolerance 0
    code, data = validate(cli, rounding, "--tolerance", "0")
    assert code == 1
    assert [p["message"] for p in problems(data, "checksum")] == [
        "1 baseline: printed 4, rows add up to 4.01 (difference -0.01); fix the data or "
        "acknowledge it with a reason"]


def test_acknowledged_difference_is_no_error(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "acknowledged", criteria=[
        ("    baseline: 2\n    target: 2.75", "    baseline: 2.5\n    target: 2.75"),
        ("    target: 5.25\n", '    target: 5.25\n    acknowledged: {baseline: "as printed"}\n')])
    assert validate(cli, case) == CLEAN_RESULT
    result = cli("check", "--criteria", case.paths["criteria"], "--format", "json")
    assert result.code == 0
    line = case.line("criteria", "baseline: 4")
    assert json.loads(result.out)["findings"] == [
        {"code": "1", "column": "baseline", "printed": 4, "computed": 4.5, "difference": -0.5,
         "status": "acknowledged", "reason": "as printed",
         "location": f"{case.file('criteria')}:{line}:15"}]
