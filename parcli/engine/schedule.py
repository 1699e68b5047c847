"""Deliverables and their due dates: what is due when, and what has passed its due date."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from parcli.engine.deadlines import Due, parse_deadline
from parcli.engine.tree import CriteriaTree
from parcli.models import Assignment


@dataclass(frozen=True)
class Deliverable:
    item: Assignment
    criterion: str | None  # the criterion it maps to (same code, else nearest ancestor)
    due: Due | None  # None: no deadline, or one parcli cannot read

    @property
    def dated(self) -> date | None:
        return self.due.date if self.due is not None and self.due.kind == "date" else None


@dataclass(frozen=True)
class QuarterLoad:
    year: int
    quarter: int
    items: int
    passed: int  # due dates before the as-of date


@dataclass(frozen=True)
class Schedule:
    quarters: list[QuarterLoad]
    undated: int  # ongoing, per regulation, recurring, no or unreadable deadline
    passed: list[Deliverable]  # due date before as_of, earliest first
    as_of: date

    @property
    def dated(self) -> int:
        return sum(q.items for q in self.quarters)


def deliverables(tree: CriteriaTree, tasks: list[Assignment], year: int,
                 issued: date | None = None) -> list[Deliverable]:
    """Every task with its criterion code and due date, in document order."""
    result = []
    for item in tasks:
        node = tree.nearest(item.code)
        due = parse_deadline(item.deadline, year, issued=issued) if item.deadline else None
        result.append(Deliverable(item, node.code if node else None, due))
    return result


def schedule(items: list[Deliverable], as_of: date) -> Schedule:
    by_quarter: Counter[tuple[int, int]] = Counter()
    passed_by_quarter: Counter[tuple[int, int]] = Counter()
    undated = 0
    passed = []
    for deliverable in items:
        when = deliverable.dated
        if when is None:
            undated += 1
            continue
        key = (when.year, (when.month - 1) // 3 + 1)
        by_quarter[key] += 1
        if when < as_of:
            passed_by_quarter[key] += 1
            passed.append(deliverable)
    passed.sort(key=lambda d: (d.dated, d.item.code))
    quarters = [QuarterLoad(year, quarter, n, passed_by_quarter[(year, quarter)])
                for (year, quarter), n in sorted(by_quarter.items())]
    return Schedule(quarters, undated, passed, as_of)
