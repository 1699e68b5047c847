"""missing-deadline (warning): an assignment task without its deadline;
a heading (code and title only) needs none."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_missing_deadline(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('    deadline: Quý II\n', "")])
    code, data = validate(cli, case)
    assert code == 0
    assert data["errors"] == []
    assert len(data["warnings"]) == 1
    assert problems(data, "missing-deadline") == [{
        "level": "warning", "rule": "missing-deadline", "code": "1.1",
        "file": case.file("assignments"), "line": case.line("assignments", 'code: "1.1"'),
        "column": 11,
        "message": "assignment 1.1 has no deadline"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_heading_needs_no_deadline(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))  # item "1" has a code and a title only
    assert problems(data, "missing-deadline") == []
