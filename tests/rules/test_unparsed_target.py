"""unparsed-target (error): a goal or body target holding no single threshold, or a target
that is not part of its task's text (tests/fixtures/clean/, edited)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_a_target_without_a_number(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("text: Hoàn thành 100% kế hoạch\n",
                                 "text: Hoàn thành kế hoạch\n"),
                                ("Hoàn thành 100% kế hoạch trong năm.",
                                 "Hoàn thành kế hoạch trong năm.")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unparsed-target") == [{
        "level": "error", "rule": "unparsed-target", "code": "II.1.1.a",
        "file": case.file("plan"), "line": case.line("plan", "text: Hoàn thành kế hoạch\n"[:-1],
                                                     after="code: II.1.1.a"),
        "column": 19, "message": "II.1.1.a: 'Hoàn thành kế hoạch' does not hold exactly one "
                                 "threshold of the requirement grammar (docs/REQUIREMENTS.md)"}]


def test_a_target_not_in_its_task(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("text: Hoàn thành 100% kế hoạch\n",
                                 "text: Hoàn thành 90% kế hoạch\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unparsed-target") == [{
        "level": "error", "rule": "unparsed-target", "code": "II.1.1.a",
        "file": case.file("plan"), "line": case.line("plan", "Hoàn thành 90% kế hoạch"),
        "column": 19, "message": "target II.1.1.a: its text is not part of task II.1.1's text"}]


def test_a_threshold_goal_without_a_threshold(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("text: Chỉ số hài lòng đạt trên 80%",
                                 "text: Chỉ số hài lòng tăng")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unparsed-target") == [{
        "level": "error", "rule": "unparsed-target", "code": "I.1.1",
        "file": case.file("plan"), "line": case.line("plan", "Chỉ số hài lòng tăng"),
        "column": 11, "message": "sipas: 'Chỉ số hài lòng tăng' does not hold exactly one "
                                 "threshold of the requirement grammar (docs/REQUIREMENTS.md)"}]


def test_one_threshold_inside_the_task_passes(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path, plan=[]))
    assert (code, problems(data, "unparsed-target")) == (0, [])
