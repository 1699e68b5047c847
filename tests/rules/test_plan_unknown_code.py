"""plan-unknown-code (error): the plan file names a criterion or an Appendix II item the
plan lacks, or repeats one of its codes (tests/fixtures/clean/, edited)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_a_field_serving_no_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[('criteria: ["2"]', 'criteria: ["9"]')])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "plan-unknown-code") == [{
        "level": "error", "rule": "plan-unknown-code", "code": "9",
        "file": case.file("plan"), "line": case.line("plan", 'criteria: ["9"]'), "column": 16,
        "message": "no criterion 9 in the criteria file"}]


def test_a_subject_that_is_no_item(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[('subjects: ["1.2"]', 'subjects: ["1.9"]')])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "plan-unknown-code") == [{
        "level": "error", "rule": "plan-unknown-code", "code": "1.9",
        "file": case.file("plan"), "line": case.line("plan", 'subjects: ["1.9"]'),
        "column": 24, "message": "no item 1.9 in the assignments file"}]


def test_a_code_twice(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("code: III.1.1", "code: II.2.1")])
    code, data = validate(cli, case)
    assert code == 1
    first, second = case.lines("plan", "code: II.2.1")
    assert problems(data, "plan-unknown-code") == [{
        "level": "error", "rule": "plan-unknown-code", "code": "II.2.1",
        "file": case.file("plan"), "line": second, "column": 15,
        "message": f"II.2.1 is used twice in the plan file (first at line {first})"}]


def test_the_files_own_codes_pass(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path, plan=[]))
    assert (code, problems(data, "plan-unknown-code")) == (0, [])


def test_a_goal_id_is_checked_as_a_goal_id(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("id: sipas", "id: Chỉ số SIPAS")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "schema") == [{
        "level": "error", "rule": "schema", "code": None, "file": case.file("plan"),
        "line": case.line("plan", "id: Chỉ số SIPAS"), "column": 9,
        "message": "goals[1].id: goal id 'Chỉ số SIPAS' must be ASCII letters a-z (lower case, "
                   "no diacritics), digits and single hyphens, such as par-rank"}]
