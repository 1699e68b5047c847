"""Deadline forms provinces write that parcli did not read before issue 18 (item 15).

Data: none; every case is a printed deadline parsed for plan year 2020 (`YEAR`), as in
tests/test_deadlines.py. The `due` command's use of them is in tests/test_due_as_of.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from parcli.engine.deadlines import Due, parse_deadline

YEAR = 2020


def on(year: int, month: int, day: int) -> Due:
    return Due("date", date(year, month, day))


@pytest.mark.parametrize(("text", "expected"), [
    # other separators between day, month and year
    ("Trước ngày 30-6-2020", on(2020, 6, 29)),
    ("30.6.2020", on(2020, 6, 30)),
    ("Đến 30 - 9", on(2020, 9, 30)),
    # a two-digit year after a day and month: the nearest such year to the plan year
    ("30/6/20", on(2020, 6, 30)),
    ("Trước ngày 15/01/21", on(2021, 1, 14)),
    ("31/12/99", on(1999, 12, 31)),  # 1999 is nearer 2020 than 2099
    # the year's end, the whole year, the start of the year
    ("Cuối năm", on(2020, 12, 31)),
    ("Cuối năm 2020", on(2020, 12, 31)),
    ("Cuối năm sau", on(2021, 12, 31)),
    ("Cả năm", on(2020, 12, 31)),
    ("Cả năm 2021", on(2021, 12, 31)),
    ("Năm 2020", on(2020, 12, 31)),
    ("Đầu năm", on(2020, 3, 31)),
    ("Đầu năm 2021", on(2021, 3, 31)),
    ("Đầu năm sau", on(2021, 3, 31)),
    # "đến hết" / "cuối": by the end of a period
    ("Đến hết năm 2020", on(2020, 12, 31)),
    ("Đến hết năm", on(2020, 12, 31)),
    ("Đến hết quý III", on(2020, 9, 30)),
    ("Đến cuối tháng 6", on(2020, 6, 30)),
    ("Cuối quý II/2020", on(2020, 6, 30)),
    # "hoàn thành" (complete) before any form
    ("Hoàn thành trong Quý II/2020", on(2020, 6, 30)),
    ("Hoàn thành trước ngày 30/6", on(2020, 6, 29)),
    ("Hoàn thành trong năm 2020", on(2020, 12, 31)),
    # at the latest strictly before a day; a final deadline
    ("Chậm nhất trước ngày 30/6", on(2020, 6, 29)),
    ("Hạn chót 30/6", on(2020, 6, 30)),
    ("Hạn chót ngày 30/6/2020", on(2020, 6, 30)),
    # strictly before a month, a quarter or a year: the last day of the one before
    ("Trước tháng 6/2020", on(2020, 5, 31)),
    ("Trước tháng 6", on(2020, 5, 31)),
    ("Trước tháng 3", on(2020, 2, 29)),
    ("Trước quý III", on(2020, 6, 30)),
    ("Trước quý I", on(2019, 12, 31)),
    ("Trước quý I năm sau", on(2020, 12, 31)),
    ("Trước năm 2021", on(2020, 12, 31)),
    # already read, now listed in docs/DEADLINES.md
    ("6 tháng cuối năm 2020", on(2020, 12, 31)),
    ("Ngày 30/6/2020", on(2020, 6, 30)),
    ("Trước 30/6", on(2020, 6, 29)),
])
def test_dated_forms(text: str, expected: Due) -> None:
    assert parse_deadline(text, YEAR) == expected


@pytest.mark.parametrize(("text", "dates"), [
    ("Quý I, II/2020", (date(2020, 3, 31), date(2020, 6, 30))),
    ("Quý I, II", (date(2020, 3, 31), date(2020, 6, 30))),
    ("Quý I và Quý III", (date(2020, 3, 31), date(2020, 9, 30))),
    ("Quý I, Quý II", (date(2020, 3, 31), date(2020, 6, 30))),
    ("Quý IV, I năm sau", (date(2021, 3, 31), date(2021, 12, 31))),  # sorted
    ("Quý II, IV/2021", (date(2021, 6, 30), date(2021, 12, 31))),
])
def test_several_quarters_give_several_due_dates(text: str, dates: tuple[date, ...]) -> None:
    due = parse_deadline(text, YEAR)
    assert due == Due("date", dates[0], later=dates[1:])
    assert due is not None and due.dates == dates and due.date == dates[0]


def test_one_due_date_lists_itself() -> None:
    assert on(2020, 6, 30).dates == (date(2020, 6, 30),)
    assert Due("recurring", every="quarter").dates == ()
    assert Due("ongoing").dates == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("Định kỳ hằng quý", Due("recurring", every="quarter")),
    ("Định kỳ hàng tháng", Due("recurring", every="month")),
    ("Định kỳ hằng năm", Due("recurring", every="year")),
    ("Trước ngày 15 hằng tháng", Due("recurring", every="month", day=15, before=True)),
    ("Ngày 5 hàng tháng", Due("recurring", every="month", day=5)),
    ("Trước ngày 20/12 hằng năm", Due("recurring", every="year", day=20, month=12,
                                      before=True)),
    ("Đến ngày 31/3 hàng năm", Due("recurring", every="year", day=31, month=3)),
])
def test_recurring_forms(text: str, expected: Due) -> None:
    assert parse_deadline(text, YEAR) == expected


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    ("Trước ngày 15 hằng tháng", date(2020, 10, 1), date(2020, 10, 14)),
    ("Trước ngày 15 hằng tháng", date(2020, 10, 14), date(2020, 10, 14)),
    ("Trước ngày 15 hằng tháng", date(2020, 10, 15), date(2020, 11, 14)),
    ("Trước ngày 15 hằng tháng", date(2020, 12, 20), date(2021, 1, 14)),
    ("Trước ngày 1 hằng tháng", date(2020, 2, 10), date(2020, 2, 29)),  # before 1/3
    ("Ngày 31 hằng tháng", date(2021, 2, 1), date(2021, 2, 28)),  # a short month: its end
    ("Trước ngày 20/12 hằng năm", date(2020, 10, 1), date(2020, 12, 19)),
    ("Trước ngày 20/12 hằng năm", date(2020, 12, 20), date(2021, 12, 19)),
    ("Trước ngày 01/01 hằng năm", date(2020, 10, 1), date(2020, 12, 31)),
    ("Trước ngày 01/03 hằng năm", date(2020, 1, 1), date(2020, 2, 29)),
    ("Ngày 29/02 hằng năm", date(2021, 1, 1), date(2021, 2, 28)),
])
def test_recurring_on_a_day_next_on_or_after(text: str, as_of: date, expected: date) -> None:
    due = parse_deadline(text, YEAR)
    assert due is not None
    assert due.next_on_or_after(as_of) == expected


@pytest.mark.parametrize(("text", "kind"), [
    ("Theo kế hoạch", "unscheduled"),
    ("Theo kế hoạch của UBND tỉnh", "unscheduled"),
    ("Khi có yêu cầu", "unscheduled"),
    ("Khi có yêu cầu của Bộ Nội vụ", "unscheduled"),
])
def test_no_date_said_so(text: str, kind: str) -> None:
    due = parse_deadline(text, YEAR)
    assert due == Due("unscheduled")
    assert due is not None and due.kind == kind and due.dates == ()
    with pytest.raises(ValueError, match="no due date"):
        due.next_on_or_after(date(2020, 1, 1))


@pytest.mark.parametrize("text", [
    "Trước ngày 32 hằng tháng",
    "Trước ngày 0 hằng tháng",
    "Trước ngày 30/02 hằng năm",
    "Quý V, II",
    "Quý II/20",  # a two-digit year only after a day and month
    "30/6/2020/1",
    "Trước cuối năm",
    "Đầu tháng 6",
    "Định kỳ",
    "Khi cần",
])
def test_still_rejected(text: str) -> None:
    assert parse_deadline(text, YEAR) is None


def test_inconsistent_new_fields_are_refused() -> None:
    with pytest.raises(ValueError):
        Due("recurring", every="quarter", day=15)  # a day within a quarter: not a form
    with pytest.raises(ValueError):
        Due("recurring", every="month", day=15, month=3)
    with pytest.raises(ValueError):
        Due("recurring", every="year", month=3)
    with pytest.raises(ValueError):
        Due("ongoing", later=(date(2020, 1, 1),))
    with pytest.raises(ValueError):
        Due("date", date(2020, 6, 30), later=(date(2020, 3, 31),))  # not in order
