"""unknown-criterion (error): an assignment whose code maps to no criterion, nor an ancestor."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_unknown_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "9.9"')])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unknown-criterion") == [{
        "level": "error", "rule": "unknown-criterion", "code": "9.9",
        "file": case.file("assignments"), "line": case.line("assignments", 'code: "9.9"'),
        "column": 11,
        "message": "assignment 9.9 maps to no criterion (no 9.9 nor any ancestor of it in the "
                   "criteria file)"}]


def test_assignment_mapping_to_an_ancestor_is_known(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "1.2.7.3"')])
    _, data = validate(cli, case)
    assert problems(data, "unknown-criterion") == []
