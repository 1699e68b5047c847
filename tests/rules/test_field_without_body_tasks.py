"""field-without-body-tasks (warning): a field of the index for which the plan's Part II
lists no task (tests/fixtures/clean/, edited); and uncovered-criterion, with a plan file,
naming what Part II does for the leaf's field."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_a_section_without_tasks(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("    tasks:\n      - code: II.2.1\n        text: Rà soát các "
                                 "quy định.\n", "    tasks: []\n")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "field-without-body-tasks") == [{
        "level": "warning", "rule": "field-without-body-tasks", "code": "2",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "2"'),
        "column": 11, "message": "field 2 has no task in the plan's Part II"}]


def test_every_field_with_tasks_passes(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path, plan=[]))
    assert (code, problems(data, "field-without-body-tasks")) == (0, [])


def test_uncovered_criterion_names_the_section(cli, tmp_path: Path) -> None:
    # leaf 2.1 loses its only assignment (2.1.1)
    case = Case(tmp_path, plan=[], assignments=[('code: "2.1.1"', 'code: "1.2.9"')])
    _, data = validate(cli, case)
    [found] = problems(data, "uncovered-criterion")
    assert found["message"].endswith(
        "; Part II.2 lists 1 tasks for field 2, none names it")
    _, data = validate(cli, case, "--lang", "vi")
    [found] = problems(data, "uncovered-criterion")
    assert found["message"].endswith(
        "; mục II.2 của Kế hoạch có 1 nhiệm vụ cho lĩnh vực 2, không nhiệm vụ nào nêu tiêu chí "
        "này")
