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

DueKind = Literal["date", "ongoing", "regulation", "recurring", "unscheduled"]
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
    ("Quý I, II/2020", "several quarters (also và, Quý I, Quý II): each last day, in order"),
    ("Trước quý III", "strictly before a quarter: the last day of the one before"),
    ("Đến hết quý III", "by the end of a quarter (also Cuối quý): its last day"),
    ("Hoàn thành trong Quý II/2020", "Hoàn thành (complete) may precede any dated form"),
    ("Tháng 12", "a month 1-12: its last day, plan year"),
    ("Trong tháng 11", "within a month: its last day"),
    ("Tháng 12 năm 2023", "a month of an explicit year"),
    ("Tháng 6/2021", "a month of an explicit year"),
    ("06/2020", "month/year: the month's last day"),
    ("Tháng 1 năm sau", "a month of the year after the plan year"),
    ("Trước tháng 6/2020", "strictly before a month: the last day of the month before"),
    ("6 tháng đầu năm", "first half of the plan year: 30/06"),
    ("6 tháng cuối năm", "second half of the plan year: 31/12"),
    ("6 tháng cuối năm 2020", "a half of an explicit year"),
    ("Trong năm", "the plan year: 31/12"),
    ("Năm 2020", "an explicit year: 31/12"),
    ("Trong năm 2020", "an explicit year: 31/12"),
    ("Trong năm sau", "the year after the plan year: 31/12"),
    ("Cuối năm", "the end of the plan year: 31/12"),
    ("Cuối năm 2020", "the end of an explicit year: 31/12"),
    ("Cả năm", "the whole plan year: 31/12"),
    ("Đến hết năm 2020", "by the end of a year: 31/12"),
    ("Trước năm 2021", "strictly before a year: 31/12 of the year before"),
    ("Đầu năm", "the start of the plan year: by the end of its first quarter, 31/03"),
    ("Đầu năm 2021", "the start of an explicit year: 31/03"),
    ("Đến 30/9", "on or by a day: that day (year rule)"),
    ("Đến ngày 30 tháng 9", "on or by a day, in words: that day (year rule)"),
    ("Chậm nhất ngày 30/6", "at the latest on a day: that day (year rule)"),
    ("Hạn ngày 15/10", "due on a day: that day (year rule)"),
    ("Hạn chót 30/6", "a final deadline on a day: that day (year rule)"),
    ("Trong ngày 30/9", "within a day: that day (year rule)"),
    ("01/12", "a bare day/month: that day (year rule)"),
    ("Ngày 30/6/2020", "a day of an explicit year: that day"),
    ("30.6.2020", "a day written with dots (or dashes): that day"),
    ("30/6/20", "a two-digit year after a day: the nearest such year to the plan year"),
    ("Trước ngày 01/12", "strictly before a day: the day before (year rule)"),
    ("Trước ngày 15/01", "strictly before a day: the day before (year rule)"),
    ("Trước 30/6", "strictly before a day, without ngày: the day before (year rule)"),
    ("Chậm nhất trước ngày 30/6", "at the latest strictly before a day: the day before"),
    ("Trước ngày 31/01 năm sau", "strictly before a day of the next year: the day before"),
    ("Trước ngày 01/01/2021", "strictly before a day of an explicit year: the day before"),
    ("Trước ngày 30 tháng 6 năm 2023", "strictly before a day, in words: the day before"),
    ("Trước ngày 30-6-2020", "strictly before a day written with dashes: the day before"),
    ("Hằng tháng", "recurring: each month end"),
    ("Hàng tháng", "recurring: each month end"),
    ("Hằng quý", "recurring: each quarter end"),
    ("Hàng quý", "recurring: each quarter end"),
    ("Hằng năm", "recurring: each 31/12"),
    ("Hàng năm", "recurring: each 31/12"),
    ("Định kỳ hằng quý", "Định kỳ (periodically) may precede a recurring form"),
    ("Trước ngày 15 hằng tháng", "recurring on a day of each month: the day before it"),
    ("Ngày 5 hằng tháng", "recurring on a day of each month (a shorter month: its end)"),
    ("Trước ngày 20/12 hằng năm", "recurring on a day of each year: the day before it"),
    ("Thường xuyên", "ongoing, no due date (any text starting so)"),
    ("Theo quy định của Bộ Nội vụ", "per regulation, no due date (any text starting so)"),
    ("Theo kế hoạch", "as planned elsewhere: no due date, said so (any text starting so)"),
    ("Khi có yêu cầu", "when requested: no due date, said so (any text starting so)"),
]


@dataclass(frozen=True)
class Due:
    """When a deadline falls due: a date (or several), a recurring period end or day, ongoing,
    per regulation, or unscheduled (the deadline itself says it has no date)."""

    kind: DueKind
    date: Day | None = None  # the first due date
    every: Every | None = None
    later: tuple[Day, ...] = ()  # further due dates ("Quý I, II"), in order
    day: int | None = None  # recurring on a day: of each month, or with `month` of each year
    month: int | None = None
    before: bool = False  # recurring strictly before that day: due the day before

    def __post_init__(self) -> None:
        if (self.kind == "date") != (self.date is not None):
            raise ValueError(f"kind {self.kind!r} and date {self.date!r} do not go together")
        if (self.kind == "recurring") != (self.every is not None):
            raise ValueError(f"kind {self.kind!r} and every {self.every!r} do not go together")
        if self.later and (self.date is None or list(self.later) != sorted(self.later)
                           or self.later[0] <= self.date):
            raise ValueError(f"later dates {self.later!r} must follow {self.date!r} in order")
        if self.day is not None and self.every not in ("month", "year"):
            raise ValueError("a day goes with a monthly or yearly recurrence only")
        if (self.month is not None) != (self.day is not None and self.every == "year"):
            raise ValueError("a yearly recurrence on a day needs its month, and only it")

    @property
    def dates(self) -> tuple[Day, ...]:
        """Every due date, earliest first; none for a recurring or undated deadline."""
        return (self.date, *self.later) if self.date is not None else ()

    @property
    def quarter(self) -> int | None:
        return (self.date.month - 1) // 3 + 1 if self.date else None

    def next_on_or_after(self, as_of: Day) -> Day:
        """The date due: for a recurring deadline, the first occurrence on or after `as_of`
        (a period end, or its day); for a dated one, its (first) date.

        Raises ValueError for "ongoing", "regulation" and "unscheduled", which have no due date.
        """
        if self.date is not None:
            return self.date
        if self.day is not None:
            return self._next_day(as_of)
        if self.every == "month":
            return _month_end(as_of.year, as_of.month)
        if self.every == "quarter":
            return _month_end(as_of.year, ((as_of.month - 1) // 3 + 1) * 3)
        if self.every == "year":
            return Day(as_of.year, 12, 31)
        raise ValueError(f"a {self.kind!r} deadline has no due date")

    def _next_day(self, as_of: Day) -> Day:
        """The first occurrence of a recurrence on a day ("Trước ngày 15 hằng tháng") on or
        after `as_of`: that day of each month (or of `month` each year), moved back to the
        month's last day in a shorter month, and a day earlier when `before`."""
        if self.every == "month":
            index = as_of.year * 12 + as_of.month - 1
            periods = [divmod(i, 12) for i in range(index - 1, index + 3)]
            months = [(year, month + 1) for year, month in periods]
        else:
            months = [(year, int(self.month or 0)) for year in
                      range(as_of.year - 1, as_of.year + 2)]
        found = []
        for year, month in months:
            try:
                day = _month_end(year, month)
                day = day.replace(day=min(int(self.day or 0), day.day))
                found.append(day - timedelta(days=1) if self.before else day)
            except (ValueError, OverflowError):  # beyond year 1 or 9999
                continue
        return min((day for day in found if day >= as_of), default=max(found))


_DONE = r"(?:hoàn\s+thành\s+)?"  # "Hoàn thành trong quý II": complete within
_ON = r"(?:đến|chậm\s+nhất|hạn\s+chót|hạn|trong)"
_BEFORE = rf"(?:{_ON}\s+)?(?P<before>trước)"  # "Chậm nhất trước ngày 30/6": strictly before
_END = r"(?:hết|cuối)"  # "Đến hết năm", "Cuối quý II": by the end of
# an explicit year ("/2021", " 2021", " năm 2021") or " năm sau"
_SUFFIX = r"(?:/(?P<y1>\d{4})|\s+(?:năm\s+)?(?P<y2>\d{4})|\s+(?P<next>năm\s+sau))?"
# after a day and month, also a two-digit year ("30/6/20")
_DAY_SUFFIX = (r"(?:/(?P<y1>\d{4})|/(?P<yy>\d{2})|\s+(?:năm\s+)?(?P<y2>\d{4})"
               r"|\s+(?P<next>năm\s+sau))?")
# after a word that is already "năm": " 2021" or " sau"
_AFTER_NAM = r"(?:\s+(?P<y2>\d{4})|\s+(?P<next>sau))?"
_DAY_PREFIX = rf"{_DONE}(?:(?:{_BEFORE}|{_ON})\s+)?(?:ngày\s+)?"
_PERIOD_PREFIX = rf"{_DONE}(?:(?:{_BEFORE}|{_ON}(?:\s+{_END})?|{_END})\s+)?"
_ON_PREFIX = rf"{_DONE}(?:{_ON}\s+)?"
_Q = r"(?:iv|iii|ii|i|[1-4])"
_FORMS = [
    ("quarter", re.compile(
        rf"^{_PERIOD_PREFIX}quý\s+(?P<q>{_Q})"
        rf"(?P<more>(?:(?:\s*,\s*|\s+và\s+)(?:quý\s+)?{_Q})*){_SUFFIX}$")),
    ("month", re.compile(rf"^{_PERIOD_PREFIX}tháng\s+(?P<m>\d{{1,2}}){_SUFFIX}$")),
    ("month", re.compile(rf"^{_PERIOD_PREFIX}(?P<m>\d{{1,2}})/(?P<y1>\d{{4}})$")),
    ("half", re.compile(
        rf"^{_ON_PREFIX}0?6\s+tháng\s+(?P<half>đầu|cuối)\s+năm{_AFTER_NAM}$")),
    ("year", re.compile(rf"^{_PERIOD_PREFIX}(?:cả\s+)?năm{_AFTER_NAM}$")),
    ("start", re.compile(rf"^{_ON_PREFIX}đầu\s+năm{_AFTER_NAM}$")),
    ("day", re.compile(
        rf"^{_DAY_PREFIX}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}}){_DAY_SUFFIX}$")),
    ("day", re.compile(
        rf"^{_DAY_PREFIX}(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}}){_SUFFIX}$")),
]
_RECURRING = re.compile(r"^(?:định\s+kỳ\s+)?h[ằà]ng\s+(?P<every>tháng|quý|năm)$")
_RECURRING_DAY = re.compile(
    rf"^{_DAY_PREFIX}(?P<d>\d{{1,2}})(?:/(?P<m>\d{{1,2}})\s+h[ằà]ng\s+(?P<year>năm)"
    r"|\s+h[ằà]ng\s+tháng)$")
_EVERY: dict[str, Every] = {"tháng": "month", "quý": "quarter", "năm": "year"}
_ONGOING = re.compile(r"^thường\s+xuyên\b")
_REGULATION = re.compile(r"^theo\s+quy\s+định\b")
_UNSCHEDULED = re.compile(r"^(?:theo\s+kế\s+hoạch|khi\s+có\s+yêu\s+cầu)\b")


@functools.lru_cache(maxsize=4096)  # a plan repeats its deadlines ("Tháng 12/2020"); Due is frozen
def parse_deadline(text: str, year: int, *, issued: date | None = None) -> Due | None:
    """The due date of a printed deadline in plan year `year`; None when not understood.

    `issued` is the date the plan was issued, when the data records it: a day and month
    without a year whose due date would fall before it is taken to be next year's.
    """
    folded = fold(text).rstrip(" .;")
    folded = re.sub(r"(?<=\d)\s*[-.]\s*(?=\d)", "/", folded)  # 30-6-2020, 30.6.2020
    folded = re.sub(r"\s*/\s*", "/", folded)
    if _ONGOING.match(folded):
        return Due("ongoing")
    if _REGULATION.match(folded):
        return Due("regulation")
    if _UNSCHEDULED.match(folded):
        return Due("unscheduled")
    recurring = _RECURRING.match(folded)
    if recurring:
        return Due("recurring", every=_EVERY[recurring["every"]])
    on_day = _RECURRING_DAY.match(folded)
    if on_day:
        return _recurring_day(on_day)
    for form, pattern in _FORMS:
        match = pattern.match(folded)
        if match is None:
            continue
        groups = match.groupdict()
        explicit = groups.get("y1") or groups.get("y2")
        when = int(explicit) if explicit else year + (1 if groups.get("next") else 0)
        if groups.get("yy"):
            explicit = str(groups["yy"])
            when = _nearest_year(int(explicit), year)
        try:
            dues = [_date(form, groups, when, quarter) for quarter in _quarters(groups)]
            if form == "day" and issued is not None and not explicit and not groups.get("next") \
                    and dues[0] < issued:
                dues = [_date(form, groups, when + 1)]
        except (ValueError, OverflowError):  # no such day, month or year
            return None
        first, *later = sorted(set(dues))
        return Due("date", first, later=tuple(later))
    return None


def _quarters(groups: dict[str, str | None]) -> list[int | None]:
    """The quarters a quarter form names ("Quý I, II" names two); [None] for other forms."""
    if groups.get("q") is None:
        return [None]
    named = [str(groups["q"]), *re.findall(_Q, re.sub(r"quý|và", " ", groups.get("more") or ""))]
    return [QUARTERS[q] for q in named]


def _recurring_day(match: re.Match[str]) -> Due | None:
    day, month = int(match["d"]), int(match["m"]) if match["m"] else None
    try:  # a day that exists in that month of a leap year, or in some month
        date(2000, month or 1, day)
    except ValueError:
        return None
    every: Every = "year" if match["year"] else "month"
    return Due("recurring", every=every, day=day, month=month, before=bool(match["before"]))


def _nearest_year(two_digits: int, year: int) -> int:
    """A two-digit year ("30/6/20") as the year ending so that is nearest the plan year."""
    century = year - year % 100
    return min((century + offset + two_digits for offset in (-100, 0, 100)),
               key=lambda candidate: (abs(candidate - year), candidate))


def _date(form: str, groups: dict[str, str | None], year: int,
          quarter: int | None = None) -> date:
    """The due date: the last day of the period named, or with "trước" (strictly before) the
    day before the period starts."""
    before = bool(groups.get("before"))
    if form == "quarter":
        last = int(quarter or 0) * 3
        return _month_end(year, last - 3) if before else _month_end(year, last)
    if form == "month":
        month = int(str(groups["m"]))
        date(year, month, 1)  # a month that exists
        return _month_end(year, month - 1) if before else _month_end(year, month)
    if form == "half":
        return _month_end(year, 6 if groups["half"] == "đầu" else 12)
    if form == "start":
        return _month_end(year, 3)
    if form == "day":
        day = date(year, int(str(groups["m"])), int(str(groups["d"])))
        return day - timedelta(days=1) if before else day
    return date(year - 1, 12, 31) if before else date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    """The last day of a month; month 0 is December of the year before."""
    if month == 0:
        return date(year - 1, 12, 31)
    return date(year, month, calendar.monthrange(year, month)[1])
