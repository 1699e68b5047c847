"""Printed deadlines ("Quý III", "Trước ngày 01/12", "Thường xuyên", ...) to due dates."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from parcli.text import fold

DueKind = Literal["date", "ongoing", "regulation"]
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass(frozen=True)
class Due:
    kind: DueKind
    date: date | None = None

    @property
    def quarter(self) -> int | None:
        return (self.date.month - 1) // 3 + 1 if self.date else None


_YEAR = r"(?:\s+(?:năm\s+)?(?P<year>\d{4})|\s+(?P<next>năm\s+sau))?"
_FORMS = [
    ("quarter", re.compile(r"^(?:trong\s+)?quý\s+(?P<q>iv|iii|ii|i)" + _YEAR + "$")),
    ("day", re.compile(r"^(?:trước|chậm nhất|hạn)?\s*(?:ngày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})"
                       r"(?:/(?P<year>\d{4})|\s+(?P<next>năm\s+sau))?$")),
    ("month", re.compile(r"^(?:trong\s+)?tháng\s+(?P<m>\d{1,2})(?:/(?P<year>\d{4}))?$")),
    ("year", re.compile(r"^(?:trong\s+)?năm(?:\s+(?P<year>\d{4})|\s+(?P<next>sau))?$")),
]
_ONGOING = re.compile(r"^thường\s+xuyên\b")
_REGULATION = re.compile(r"^theo\s+quy\s+định\b")


def parse_deadline(text: str, year: int) -> Due | None:
    """The due date of a printed deadline in plan year `year`; None when not understood."""
    folded = fold(text).rstrip(".;")
    if _ONGOING.match(folded):
        return Due("ongoing")
    if _REGULATION.match(folded):
        return Due("regulation")
    for form, pattern in _FORMS:
        match = pattern.match(folded)
        if match is None:
            continue
        groups = match.groupdict()
        when = (int(groups["year"]) if groups.get("year")
                else year + (1 if groups.get("next") else 0))
        try:
            return Due("date", _date(form, groups, when))
        except ValueError:
            return None
    return None


def _date(form: str, groups: dict[str, str | None], year: int) -> date:
    if form == "quarter":
        month = QUARTERS[str(groups["q"])] * 3
        return date(year, month, calendar.monthrange(year, month)[1])
    if form == "day":
        return date(year, int(str(groups["m"])), int(str(groups["d"])))
    if form == "month":
        month = int(str(groups["m"]))
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 12, 31)
