"""no-lead (error): a leaf criterion nobody leads, not even through an assignment."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate

OWN_LEAD = ("    target: 3.5\n    lead: [Sở Gamma]\n", "    target: 3.5\n")


def test_no_lead_anywhere_fails(cli, tmp_path: Path) -> None:
    # 2.1 loses its own lead; field 2 has none and its assignment 2.1.1 loses its lead too.
    case = Case(tmp_path, criteria=[OWN_LEAD],
                assignments=[("    deadline: Thường xuyên\n    lead: [Sở Gamma]\n",
                              "    deadline: Thường xuyên\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "no-lead") == [{
        "level": "error", "rule": "no-lead", "code": "2.1",
        "message": "criterion 2.1 has nobody responsible (1.5 points lost): give it a lead "
                   "here or in an assignment",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "2.1"'),
        "column": 11}]


def test_lead_from_assignments_is_enough(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[OWN_LEAD])
    code, data = validate(cli, case)
    assert problems(data, "no-lead") == []
    assert code == 0


def test_an_inherited_lead_is_enough(cli, tmp_path: Path) -> None:
    # 1.1 has no lead of its own: it inherits field 1's
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "no-lead") == []
