"""Deliverables and their due dates: what is due when, and what has passed its due date."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from parcli.engine.deadlines import Due, parse_deadline
from parcli.engine.tree import CriteriaTree
from parcli.models.assignments import Assignment
from parcli.models.common import code_key

if TYPE_CHECKING:
    from parcli.models.results import AssignmentStatus


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
    passed.sort(key=lambda d: (d.dated, code_key(d.item.code)))
    quarters = [QuarterLoad(year, quarter, n, passed_by_quarter[(year, quarter)])
                for (year, quarter), n in sorted(by_quarter.items())]
    return Schedule(quarters, undated, passed, as_of)


DueState = Literal["overdue", "passed", "soon", "ongoing", "regulation", "undated"]


@dataclass(frozen=True)
class DueItem:
    deliverable: Deliverable
    when: date | None  # the due date (for a recurring deadline, the next one from as_of)
    state: DueState
    status: str | None  # from the results file, when it has one


def as_of_for(year: int, today: date) -> tuple[date, bool]:
    """The day to judge deadlines at, from the data and not the clock: today while the plan
    year runs, its last day once it is over (True: the year is over)."""
    year_end = date(year, 12, 31)
    return (year_end, True) if today > year_end else (today, False)


def statuses_at(statuses: Iterable[AssignmentStatus], as_of: date
                ) -> dict[str, AssignmentStatus]:
    """Each task's status as it stood at `as_of`: a status counts from its date on (one dated
    after `as_of` was not yet known then, so the task's status is unknown); one without a
    date counts at any date."""
    return {status.code: status for status in statuses
            if status.date is None or status.date <= as_of}


def due_items(items: list[Deliverable], statuses: Mapping[str, str], as_of: date,
              within: int) -> list[DueItem]:
    """What needs chasing at `as_of`: a passed due date (overdue when a status says it is not
    done, else only "due date passed": parcli does not know), a due date within `within`
    days, and the ongoing or per-regulation tasks apart; an unscheduled deadline ("Khi có yêu
    cầu") is undated. Done and dropped tasks drop out. Several due dates ("Quý I, II"): the
    first one judges the task. `statuses` are as at `as_of` (`statuses_at`)."""
    try:
        horizon = as_of + timedelta(days=within)
    except OverflowError:  # past year 9999: every later date is within reach
        horizon = date.max
    found = []
    for deliverable in items:
        status = statuses.get(deliverable.item.code)
        if status in ("done", "dropped"):
            continue
        due = deliverable.due
        if due is None:
            found.append(DueItem(deliverable, None, "undated", status))
            continue
        if due.kind in ("ongoing", "regulation"):
            found.append(DueItem(deliverable, None, due.kind, status))
            continue
        if due.kind == "unscheduled":  # the deadline itself says it has no date
            found.append(DueItem(deliverable, None, "undated", status))
            continue
        when = due.next_on_or_after(as_of) if due.kind == "recurring" else due.date
        if when is None:
            continue
        if when < as_of:
            found.append(DueItem(deliverable, when, "overdue" if status else "passed", status))
        elif when <= horizon:
            found.append(DueItem(deliverable, when, "soon", status))
    order = {"overdue": 0, "passed": 1, "soon": 2, "ongoing": 3, "regulation": 4, "undated": 5}
    return sorted(found, key=lambda d: (order[d.state], d.when or as_of,
                                        code_key(d.deliverable.item.code)))
