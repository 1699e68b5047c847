"""orphan-code (error): a criterion whose parent code is not defined before it."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, extra_row, problems, validate


def test_orphan_code(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[extra_row("3.1")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "orphan-code") == [{
        "level": "error", "rule": "orphan-code", "code": "3.1", "file": case.file("criteria"),
        "line": case.line("criteria", 'code: "3.1"'), "column": 11,
        "message": "criterion 3.1 has no parent 3 before it"}]


def test_child_before_its_parent_is_an_orphan(cli, tmp_path: Path) -> None:
    row_2 = ('  - code: "2"\n    name: Lĩnh vực hai\n    name_en: Field two\n    max: 4\n'
             '    baseline: 2.5\n    target: 3.5\n')
    case = Case(tmp_path, criteria=[(row_2, ""), ("    lead: [Sở Gamma]\n",
                                                  "    lead: [Sở Gamma]\n" + row_2)])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["level"], p["code"], p["line"], p["message"])
            for p in problems(data, "orphan-code")] == [
        ("error", "2.1", case.line("criteria", 'code: "2.1"'),
         "criterion 2.1 has no parent 2 before it")]


def test_a_grandchild_needs_its_own_parent_not_only_a_field(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[extra_row("2.2.1")])
    _, data = validate(cli, case)
    assert [p["message"] for p in problems(data, "orphan-code")] == [
        "criterion 2.2.1 has no parent 2.2 before it"]


def test_no_orphan_when_parent_comes_first(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[extra_row("2.2")])
    _, data = validate(cli, case)
    assert problems(data, "orphan-code") == []
