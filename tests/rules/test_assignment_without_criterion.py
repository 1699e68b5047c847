"""assignment-without-criterion (warning): an assignment whose criterion is gone (its nearest
ancestor has criteria of its own at that level); sub-items of a leaf criterion pass."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, Edit, problems, validate


def _item(code: str, lead: str) -> Edit:
    """An edit of the assignments file: one more complete task after the last one."""
    last = "    implementers: [Sở Alpha (cơ quan thường trực), Sở Beta]\n"
    return last, (f'{last}  - code: "{code}"\n    title: Việc thêm\n    product: Báo cáo\n'
                  f"    requirement: Đầy đủ\n    deadline: Quý II\n    lead: [{lead}]\n")


def test_an_assignment_of_a_deleted_criterion(cli, tmp_path: Path) -> None:
    # field 1 has criteria 1.1 and 1.2: a 1.3 was one of them, and is gone
    case = Case(tmp_path, assignments=[_item("1.3", "Sở Alpha")])
    code, data = validate(cli, case)
    assert code == 0
    assert data["errors"] == []
    assert problems(data, "assignment-without-criterion") == [{
        "level": "warning", "rule": "assignment-without-criterion", "code": "1.3",
        "file": case.file("assignments"), "line": case.line("assignments", 'code: "1.3"'),
        "column": 11, "message": "assignment 1.3 has no criterion 1.3; it counts under 1"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_deeper_code_under_a_row_with_children(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[_item("1.3.1", "Sở Alpha")])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "assignment-without-criterion")] \
        == [("1.3.1", "assignment 1.3.1 has no criterion 1.3.1; it counts under 1")]


def test_a_sub_item_of_a_leaf_passes(cli, tmp_path: Path) -> None:
    # 1.2 is a leaf: 1.2.1 is the plan's own division of its work
    case = Case(tmp_path, assignments=[_item("1.2.1", "Sở Beta")])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})


def test_an_assignment_with_its_own_criterion_passes(cli, tmp_path: Path) -> None:
    # the clean fixture: 1, 1.1 and 1.2 are criteria; 2.1.1 is a sub-item of leaf 2.1
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "assignment-without-criterion") == []
