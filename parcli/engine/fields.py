"""The fields as the document prints them: each row adds up across (max, baseline, target,
gain, lost, shares of max)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from parcli.engine.tree import CriteriaTree, Node
from parcli.numbers import minus

PERCENT_PLACES = Decimal("0.1")


@dataclass(frozen=True)
class FieldSummary:
    node: Node
    max: Decimal | None
    baseline: Decimal | None
    target: Decimal | None

    @property
    def gain(self) -> Decimal | None:
        return minus(self.target, self.baseline)

    @property
    def lost(self) -> Decimal | None:
        """Points lost at baseline; a bonus field loses nothing, a penalty field loses what
        was deducted (as a leaf of that kind does)."""
        kind = getattr(self.node, "kind", "normal")
        if kind == "bonus":
            return Decimal(0)
        if kind == "penalty":
            return -self.baseline if self.baseline is not None else None
        return minus(self.max, self.baseline)

    @property
    def baseline_percent(self) -> Decimal | None:
        return percent(self.baseline, self.max)

    @property
    def target_percent(self) -> Decimal | None:
        return percent(self.target, self.max)


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part as a percentage of whole, to one decimal place; unknown when either is."""
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(PERCENT_PLACES)


def field_summaries(tree: CriteriaTree) -> list[FieldSummary]:
    return [FieldSummary(root, root.row.max, root.row.baseline, root.row.target)
            for root in tree.roots]
