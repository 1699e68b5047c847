"""unparsed-deadline (warning): a deadline in no form parcli reads (docs/DEADLINES.md)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_unparsed_deadline(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", "deadline: Quý V")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "unparsed-deadline") == [{
        "level": "warning", "rule": "unparsed-deadline", "code": "1.1",
        "file": case.file("assignments"), "line": case.line("assignments", "deadline: Quý V"),
        "column": 15,
        "message": "deadline 'Quý V' of 1.1 is not a form parcli knows (see docs/DEADLINES.md)"}]


def test_known_deadline_forms_pass(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", "deadline: Trong năm 2030")])
    _, data = validate(cli, case)
    assert problems(data, "unparsed-deadline") == []
