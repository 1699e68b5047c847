"""Printed deadlines ("Quý III", "Trước ngày 01/12", "Hằng quý", ...) to due dates.

Every accepted form is listed in `ACCEPTED_FORMS` and, with its due date for plan year 2020,
in docs/DEADLINES.md. The rules, in short:

- The due date is the last day that still meets the deadline: a quarter, a month or a year
  is due on its last day; "Đến", "Chậm nhất", "Hạn", "Trong" + a day mean on or by that day;
  "Trước ngày D/M" means strictly before, so it is due the day before D/M.
- Year: an explicit year wins; "năm sau" is the plan year + 1; a day and month without a
  year whose due date would fall before the plan's issue date (`issued`, when known) is
  next year's; anything else is in the plan year.
- "Hằng tháng/quý/năm" recur: `Due.next_on_or_after(as_of)` gives the next period end.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parcli.text import fold

DueKind = Literal["date", "ongoing", "regulation", "recurring"]
Every = Literal["month", "quarter", "year"]
Day = date  # `Due.date` shadows the type inside the class body
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# (example as printed, meaning); docs/DEADLINES.md and the tests parse every example.
ACCEPTED_FORMS: list[tuple[str, str]] = [
    ("Quý III", "a quarter, Roman I-IV: its last day, plan year"),
    ("Quý 2", "a quarter, Arabic 1-4: its last day, plan year"),
    ("Trong quý III", "within a quarter: its last day"),
    ("Đến quý III", "by a quarter (also Chậm nhất, Hạn): its last day"),
    ("Quý II/2020", "a quarter of an explicit year"),
    ("Quý 2 năm 2020", "a quarter of an explicit year"),
    ("Quý IV 2021", "a quarter of an explicit year"),
    ("Quý I năm sau", "a quarter of the year after the plan year"),
    ("Tháng 12", "a month 1-12: its last day, plan year"),
    ("Trong tháng 11", "within a month: its last day"),
    ("Tháng 12 năm 2023", "a month of an explicit year"),
    ("Tháng 6/2021", "a month of an explicit year"),
    ("06/2020", "month/year: the month's last day"),
    ("Tháng 1 năm sau", "a month of the year after the plan year"),
    ("6 tháng đầu năm", "first half of the plan year: 30/06"),
    ("6 tháng cuối năm", "second half of the plan year: 31/12"),
    ("Trong năm", "the plan year: 31/12"),
    ("Trong năm 2020", "an explicit year: 31/12"),
    ("Trong năm sau", "the year after the plan year: 31/12"),
    ("Đến 30/9", "on or by a day: that day (year rule)"),
    ("Đến ngày 30 tháng 9", "on or by a day, in words: that day (year rule)"),
    ("Chậm nhất ngày 30/6", "at the latest on a day: that day (year rule)"),
    ("Hạn ngày 15/10", "due on a day: that day (year rule)"),
    ("Trong ngày 30/9", "within a day: that day (year rule)"),
    ("01/12", "a bare day/month: that day (year rule)"),
    ("Trước ngày 01/12", "strictly before a day: the day before (year rule)"),
    ("Trước ngày 15/01", "strictly before a day: the day before (year rule)"),
    ("Trước ngày 31/01 năm sau", "strictly before a day of the next year: the day before"),
    ("Trước ngày 01/01/2021", "strictly before a day of an explicit year: the day before"),
    ("Trước ngày 30 tháng 6 năm 2023", "strictly before a day, in words: the day before"),
    ("Hằng tháng", "recurring: each month end"),
    ("Hàng tháng", "recurring: each month end"),
    ("Hằng quý", "recurring: each quarter end"),
    ("Hàng quý", "recurring: each quarter end"),
    ("Hằng năm", "recurring: each 31/12"),
    ("Hàng năm", "recurring: each 31/12"),
    ("Thường xuyên", "ongoing, no due date (any text starting so)"),
    ("Theo quy định của Bộ Nội vụ", "per regulation, no due date (any text starting so)"),
]


@dataclass(frozen=True)
class Due:
    """When a deadline falls due: a date, a recurring period end, ongoing or per regulation."""

    kind: DueKind
    date: Day | None = None
    every: Every | None = None

    def __post_init__(self) -> None:
        if (self.kind == "date") != (self.date is not None):
            raise ValueError(f"kind {self.kind!r} and date {self.date!r} do not go together")
        if (self.kind == "recurring") != (self.every is not None):
            raise ValueError(f"kind {self.kind!r} and every {self.every!r} do not go together")

    @property
    def quarter(self) -> int | None:
        return (self.date.month - 1) // 3 + 1 if self.date else None

    def next_on_or_after(self, as_of: Day) -> Day:
        """The date due: for a recurring deadline, the first period end on or after `as_of`.

        Raises ValueError for "ongoing" and "regulation", which have no due date.
        """
        if self.date is not None:
            return self.date
        if self.every == "month":
            return _month_end(as_of.year, as_of.month)
        if self.every == "quarter":
            return _month_end(as_of.year, ((as_of.month - 1) // 3 + 1) * 3)
        if self.every == "year":
            return Day(as_of.year, 12, 31)
        raise ValueError(f"a {self.kind!r} deadline has no due date")


_ON = r"(?:đến|chậm\s+nhất|hạn|trong)"
# an explicit year ("/2021", " 2021", " năm 2021") or " năm sau"
_SUFFIX = r"(?:/(?P<y1>\d{4})|\s+(?:năm\s+)?(?P<y2>\d{4})|\s+(?P<next>năm\s+sau))?"
# after a word that is already "năm": " 2021" or " sau"
_AFTER_NAM = r"(?:\s+(?P<y2>\d{4})|\s+(?P<next>sau))?"
_DAY_PREFIX = rf"(?:(?:(?P<before>trước)|{_ON})\s+)?(?:ngày\s+)?"
_PERIOD_PREFIX = rf"(?:{_ON}\s+)?"
_FORMS = [
    ("quarter", re.compile(
        rf"^{_PERIOD_PREFIX}quý\s+(?P<q>iv|iii|ii|i|[1-4]){_SUFFIX}$")),
    ("month", re.compile(rf"^{_PERIOD_PREFIX}tháng\s+(?P<m>\d{{1,2}}){_SUFFIX}$")),
    ("month", re.compile(rf"^{_PERIOD_PREFIX}(?P<m>\d{{1,2}})/(?P<y1>\d{{4}})$")),
    ("half", re.compile(
        rf"^{_PERIOD_PREFIX}0?6\s+tháng\s+(?P<half>đầu|cuối)\s+năm{_AFTER_NAM}$")),
    ("year", re.compile(rf"^{_PERIOD_PREFIX}năm{_AFTER_NAM}$")),
    ("day", re.compile(rf"^{_DAY_PREFIX}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_SUFFIX}$")),
    ("day", re.compile(
        rf"^{_DAY_PREFIX}(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}}){_SUFFIX}$")),
]
_RECURRING = re.compile(r"^h[ằà]ng\s+(?P<every>tháng|quý|năm)$")
_EVERY: dict[str, Every] = {"tháng": "month", "quý": "quarter", "năm": "year"}
_ONGOING = re.compile(r"^thường\s+xuyên\b")
_REGULATION = re.compile(r"^theo\s+quy\s+định\b")


@functools.lru_cache(maxsize=4096)  # a plan repeats its deadlines ("Tháng 12/2020"); Due is frozen
def parse_deadline(text: str, year: int, *, issued: date | None = None) -> Due | None:
    """The due date of a printed deadline in plan year `year`; None when not understood.

    `issued` is the date the plan was issued, when the data records it: a day and month
    without a year whose due date would fall before it is taken to be next year's.
    """
    folded = re.sub(r"\s*/\s*", "/", fold(text).rstrip(" .;"))
    if _ONGOING.match(folded):
        return Due("ongoing")
    if _REGULATION.match(folded):
        return Due("regulation")
    recurring = _RECURRING.match(folded)
    if recurring:
        return Due("recurring", every=_EVERY[recurring["every"]])
    for form, pattern in _FORMS:
        match = pattern.match(folded)
        if match is None:
            continue
        groups = match.groupdict()
        explicit = groups.get("y1") or groups.get("y2")
        when = int(explicit) if explicit else year + (1 if groups.get("next") else 0)
        try:
            due = _date(form, groups, when)
            if form == "day" and issued is not None and not explicit and not groups.get("next") \
                    and due < issued:
                due = _date(form, groups, when + 1)
        except (ValueError, OverflowError):  # no such day, month or year
            return None
        return Due("date", due)
    return None


def _date(form: str, groups: dict[str, str | None], year: int) -> date:
    if form == "quarter":
        return _month_end(year, QUARTERS[str(groups["q"])] * 3)
    if form == "month":
        return _month_end(year, int(str(groups["m"])))
    if form == "half":
        return _month_end(year, 6 if groups["half"] == "đầu" else 12)
    if form == "day":
        day = date(year, int(str(groups["m"])), int(str(groups["d"])))
        return day - timedelta(days=1) if groups.get("before") else day
    return date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
