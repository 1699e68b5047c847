"""Check sums: every printed subtotal and the grand total against what their rows add up to."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from parcli.engine.tree import CriteriaTree
from parcli.models import COLUMNS, Column, Scored

Status = Literal["rounding", "acknowledged", "error"]
TOTAL = "total"
DEFAULT_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class Finding:
    code: str
    column: Column
    printed: Decimal
    computed: Decimal
    status: Status
    reason: str | None
    row_index: int | None  # None for the grand total

    @property
    def difference(self) -> Decimal:
        """Printed minus computed: how much more the document prints than its rows hold."""
        return self.printed - self.computed


@dataclass(frozen=True)
class ColumnTotal:
    column: Column
    printed: Decimal
    computed: Decimal | None


@dataclass(frozen=True)
class CheckResult:
    totals: list[ColumnTotal]
    findings: list[Finding]
    tolerance: Decimal

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.status == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check(tree: CriteriaTree, tolerance: Decimal = DEFAULT_TOLERANCE) -> CheckResult:
    findings: list[Finding] = []
    for node in tree.nodes:
        if node.children:
            for column in COLUMNS:
                findings += _compare(node.row, node.code, column, node.row.value(column),
                                     tree.children_sum(node, column), tolerance, node.index)
    total = tree.data.total
    for column in COLUMNS:
        findings += _compare(total, TOTAL, column, total.value(column), tree.fields_sum(column),
                             tolerance, None)
    totals = [ColumnTotal(column, total.value(column) or Decimal(0), tree.total(column))
              for column in COLUMNS]
    return CheckResult(totals, findings, tolerance)


def _compare(row: Scored, code: str, column: Column, printed: Decimal | None,
             computed: Decimal | None, tolerance: Decimal, index: int | None) -> list[Finding]:
    if printed is None or computed is None or printed == computed:
        return []
    reason = row.acknowledged.get(column)
    if abs(printed - computed) <= tolerance:
        status: Status = "rounding"
    else:
        status = "acknowledged" if reason else "error"
    return [Finding(code, column, printed, computed, status, reason, index)]
