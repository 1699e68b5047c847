"""Check sums: every printed subtotal and the grand total against what their rows add up to.

A subtotal with an unknown row cannot be checked: it is listed as not checkable, never as
agreeing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from parcli.engine.tree import CriteriaTree, Node
from parcli.models.common import reason_text
from parcli.models.criteria import SCORE_COLUMNS, ScoreColumn, Scored
from parcli.text import Text

Status = Literal["rounding", "acknowledged", "error"]
STATUSES: tuple[Status, ...] = ("error", "acknowledged", "rounding")
TOTAL = "total"
DEFAULT_TOLERANCE = Decimal("0.01")  # the one default: --tolerance, rules and service


@dataclass(frozen=True)
class Finding:
    code: str
    column: ScoreColumn
    printed: Decimal
    computed: Decimal
    status: Status
    reason: Text | None
    row_index: int | None  # None for the grand total
    # A max that differs by exactly the max of the bonus rows below it (a bonus-inclusive
    # printed maximum, "100 điểm (+5 điểm thưởng)" written as 105): their max, and codes.
    bonus: Decimal | None = None
    bonus_rows: tuple[str, ...] = ()

    @property
    def difference(self) -> Decimal:
        """Printed minus computed: how much more the document prints than its rows hold."""
        return self.printed - self.computed


@dataclass(frozen=True)
class Unverifiable:
    """A printed subtotal whose rows include unknown values."""

    code: str
    column: ScoreColumn
    printed: Decimal
    unknown: tuple[str, ...]  # the codes of the rows that are unknown


@dataclass(frozen=True)
class ColumnTotal:
    column: ScoreColumn
    printed: Decimal | None
    computed: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        if self.printed is None or self.computed is None:
            return None
        return self.printed - self.computed


@dataclass(frozen=True)
class CheckResult:
    totals: list[ColumnTotal]
    findings: list[Finding]
    unverifiable: list[Unverifiable]
    tolerance: Decimal

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.status == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> Counter[Status]:
        """How many findings of each status, every status present (0 when none)."""
        counts: Counter[Status] = Counter(dict.fromkeys(STATUSES, 0))
        counts.update(finding.status for finding in self.findings)
        return counts


def check_sums(tree: CriteriaTree, tolerance: Decimal = DEFAULT_TOLERANCE) -> CheckResult:
    findings: list[Finding] = []
    unverifiable: list[Unverifiable] = []
    for node in tree.nodes:
        if node.children:
            for column in SCORE_COLUMNS:
                printed = node.row.value(column)
                unknown = tree.unknown_children(node, column)
                if printed is not None and unknown:
                    unverifiable.append(Unverifiable(node.code, column, printed, tuple(unknown)))
                found = _compare(node.row, node.code, column, printed,
                                 tree.children_sum(node, column), tolerance, node.index)
                if found and column == "max" and node.kind != "bonus":
                    found = _bonus_hint(tree, found, node.children)
                findings += found
    total = tree.data.total
    for column in SCORE_COLUMNS:
        printed = total.value(column)
        unknown = tree.unknown_fields(column)
        if printed is not None and unknown:
            unverifiable.append(Unverifiable(TOTAL, column, printed, tuple(unknown)))
        found = _compare(total, TOTAL, column, printed, tree.fields_sum(column),
                         tolerance, None)
        if found and column == "max":
            found = _bonus_hint(tree, found, tree.roots)
        findings += found
    totals = [ColumnTotal(column, total.value(column), tree.total(column))
              for column in SCORE_COLUMNS]
    return CheckResult(totals, findings, unverifiable, tolerance)


def _compare(row: Scored, code: str, column: ScoreColumn, printed: Decimal | None,
             computed: Decimal | None, tolerance: Decimal, index: int | None) -> list[Finding]:
    if printed is None or computed is None or printed == computed:
        return []
    printed_reason = row.acknowledged.get(column)
    reason = reason_text(printed_reason) if printed_reason is not None else None
    if abs(printed - computed) <= tolerance:
        status: Status = "rounding"
    else:
        status = "acknowledged" if reason else "error"
    return [Finding(code, column, printed, computed, status, reason, index)]


def _bonus_hint(tree: CriteriaTree, found: list[Finding], rows: Iterable[Node]) -> list[Finding]:
    """The finding on a max, with the bonus rows it leaves out when its difference is exactly
    their max: the printed maximum counts the bonus points that come on top of it."""
    bonus: list[Node] = []
    stack = list(rows)[::-1]
    while stack:  # the top-most bonus rows below (a bonus row's own rows are in its max)
        node = stack.pop()
        if node.kind == "bonus":
            bonus.append(node)
        else:
            stack += node.children[::-1]
    values = [node.row.max if node.row.max is not None else tree.computed(node, "max")
              for node in bonus]
    if not bonus or any(value is None for value in values):
        return found
    points = sum((value for value in values if value is not None), Decimal(0))
    return [replace(finding, bonus=points, bonus_rows=tuple(node.code for node in bonus))
            if points and finding.difference == points else finding for finding in found]
