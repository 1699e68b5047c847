"""deadline-outside-year (warning): a deadline due in a year other than the plan year.
Data: the clean fixture (tests/fixtures/clean/, plan year 2030) with one deadline edited."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.conftest import Case, problems, validate


@pytest.mark.parametrize(("deadline", "due"), [
    ("Quý III/2018", "2018-09-30"),
    ("Quý I/2031", "2031-03-31"),
    ("Quý I, II/2031", "2031-03-31"),  # several due dates: the first outside is named
    ("Trước ngày 01/01", "2029-12-31"),  # no year: the day before 1 January 2030
])
def test_deadline_outside_year(cli, tmp_path: Path, deadline: str, due: str) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", f"deadline: {deadline}")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "deadline-outside-year") == [{
        "level": "warning", "rule": "deadline-outside-year", "code": "1.1",
        "file": case.file("assignments"), "line": case.line("assignments", deadline),
        "column": 15,
        "message": f"deadline {deadline!r} of 1.1 falls due on {due}, outside the plan year "
                   "2030 (write 'năm sau' if the next year is meant)"}]
    strict, _ = validate(cli, case, "--strict")
    assert strict == 1


def test_deadline_outside_year_in_vietnamese(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", "deadline: Quý III/2018")])
    _, data = validate(cli, case, "--lang", "vi")
    assert [p["message"] for p in problems(data, "deadline-outside-year")] == [
        "thời gian hoàn thành 'Quý III/2018' của 1.1 đến hạn ngày 30/09/2018, ngoài năm kế "
        "hoạch 2030 (ghi 'năm sau' nếu là năm tiếp theo)"]


@pytest.mark.parametrize("deadline", [
    "Quý III/2030", "Quý I năm sau", "Trước ngày 31/01 năm sau", "Trong năm sau",
    "Trước ngày 01/01/2031", "Hằng quý", "Khi có yêu cầu", "Quý V/2018"])
def test_deadline_in_the_plan_year_or_said_next_year_passes(cli, tmp_path: Path,
                                                           deadline: str) -> None:
    case = Case(tmp_path, assignments=[("deadline: Quý II", f"deadline: {deadline}")])
    _, data = validate(cli, case)
    assert problems(data, "deadline-outside-year") == []


def test_a_day_the_issue_date_moves_to_next_year_passes(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[
        ("year: 2030\n", "year: 2030\nissued: 2030-02-10\n"),
        ("deadline: Quý II", "deadline: Trước ngày 15/01")])  # due 14/01/2031
    _, data = validate(cli, case)
    assert problems(data, "deadline-outside-year") == []
