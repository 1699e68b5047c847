"""missing-number (warning): a leaf criterion without a number the file otherwise prints."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate

BASELINE_1_1 = "    baseline: 2\n    target: 2.75\n"


def test_a_leaf_without_its_baseline(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[(BASELINE_1_1, "    target: 2.75\n")])
    code, data = validate(cli, case)
    assert code == 0
    assert data["errors"] == []
    assert problems(data, "missing-number") == [{
        "level": "warning", "rule": "missing-number", "code": "1.1",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "1.1"'),
        "column": 11,
        "message": "criterion 1.1 has no baseline: unknown, left out of every sum"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_null_baseline_is_still_unknown(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[(BASELINE_1_1, "    baseline: null\n    target: 2.75\n")])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "missing-number")] == [
        ("1.1", "criterion 1.1 has no baseline: unknown, left out of every sum")]


def test_no_baseline_anywhere_passes(cli, tmp_path: Path) -> None:
    """A first year has no baselines at all: nothing is missing from the file."""
    case = Case(tmp_path, criteria=[
        ("  baseline: 6.5\n", ""), ("    baseline: 4\n", ""),
        (BASELINE_1_1, "    target: 2.75\n"),
        ("    baseline: 2\n    target: 2.5\n", "    target: 2.5\n"),
        ("    baseline: 2.5\n    target: 3.5\n  - code", "    target: 3.5\n  - code"),
        ("    baseline: 2.5\n    target: 3.5\n    lead", "    target: 3.5\n    lead")])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})


def test_every_number_present_passes(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "missing-number") == []
