"""Point gaps per leaf criterion, per agency and per field, and who leads each criterion."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Literal

from parcli.engine.tree import CriteriaTree, Node
from parcli.models import Assignment, Criterion
from parcli.registry import NO_LEAD, Registry

Basis = Literal["gain", "lost", "headroom"]
Shared = Literal["split", "full"]
LeadSource = Literal["own", "inherited", "assignments", "none"]
BASES: tuple[Basis, ...] = ("gain", "lost", "headroom")


@dataclass(frozen=True)
class Points:
    gain: Decimal = Decimal(0)
    lost: Decimal = Decimal(0)
    headroom: Decimal = Decimal(0)

    def __add__(self, other: Points) -> Points:
        return Points(self.gain + other.gain, self.lost + other.lost,
                      self.headroom + other.headroom)

    def get(self, basis: Basis) -> Decimal:
        return getattr(self, basis)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class LeafGap:
    node: Node
    points: Points
    leads: tuple[str, ...]
    lead_source: LeadSource


@dataclass
class GroupGap:
    """An agency's or a field's share of the leaves' points."""

    key: str
    points: Points = field(default_factory=Points)
    criteria: list[str] = field(default_factory=list)


def map_assignments(tree: CriteriaTree,
                    assignments: Iterable[Assignment]) -> dict[str, list[Assignment]]:
    """Criterion code -> the assignments that map to it (same code, else nearest ancestor)."""
    mapped: dict[str, list[Assignment]] = {}
    for item in assignments:
        node = tree.nearest(item.code)
        if node is not None:
            mapped.setdefault(node.code, []).append(item)
    return mapped


def resolve_leads(node: Node, registry: Registry,
                  mapped: dict[str, list[Assignment]]) -> tuple[tuple[str, ...], LeadSource]:
    """Own lead, else nearest ancestor's, else the criterion's assignments' leads, else none."""
    if node.row.lead:
        return tuple(registry.ids(node.row.lead)), "own"
    for ancestor in node.ancestors():
        if ancestor.row.lead:
            return tuple(registry.ids(ancestor.row.lead)), "inherited"
    from_assignments: list[str] = []
    for item in mapped.get(node.code, []):
        for agency_id in registry.ids(item.lead):
            if agency_id not in from_assignments:
                from_assignments.append(agency_id)
    if from_assignments:
        return tuple(from_assignments), "assignments"
    return (NO_LEAD,), "none"


def leaf_gaps(tree: CriteriaTree, registry: Registry,
              mapped: dict[str, list[Assignment]]) -> list[LeafGap]:
    gaps = []
    for node in tree.leaves:
        leads, source = resolve_leads(node, registry, mapped)
        gaps.append(LeafGap(node, leaf_points(node.row), leads, source))
    return gaps


def leaf_points(row: Criterion) -> Points:
    """gain, lost and headroom of a row. A column the row does not print is unknown, not
    zero: a difference involving it counts as 0 (reading a missing target as 0 would turn
    the gain into minus the baseline)."""
    return Points(_minus(row.target, row.baseline), _minus(row.max, row.baseline),
                  _minus(row.max, row.target))


def _minus(a: Decimal | None, b: Decimal | None) -> Decimal:
    return a - b if a is not None and b is not None else Decimal(0)


def split(value: Decimal, parts: int) -> list[Decimal]:
    """`parts` shares of `value` that add up to it exactly: equal to the cent (or to the
    value's own precision when finer), the leftover cents going to the first shares."""
    if parts == 1:
        return [value]
    quantum = min(Decimal("0.01"), Decimal(1).scaleb(value.as_tuple().exponent))  # type: ignore[arg-type]
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    base = (magnitude / parts).quantize(quantum, rounding=ROUND_DOWN)
    extra = int((magnitude - base * parts) / quantum)
    return [sign * (base + (quantum if i < extra else 0)) for i in range(parts)]


def by_agency(gaps: list[LeafGap], shared: Shared = "split") -> list[GroupGap]:
    groups: dict[str, GroupGap] = {}
    for gap in gaps:
        n = len(gap.leads)
        if shared == "split":
            shares = zip(split(gap.points.gain, n), split(gap.points.lost, n),
                         split(gap.points.headroom, n), strict=True)
            portions = [Points(*share) for share in shares]
        else:
            portions = [gap.points] * n
        for agency_id, portion in zip(gap.leads, portions, strict=True):
            group = groups.setdefault(agency_id, GroupGap(agency_id))
            group.points += portion
            group.criteria.append(gap.node.code)
    return list(groups.values())


def by_field(gaps: list[LeafGap]) -> list[GroupGap]:
    groups: dict[str, GroupGap] = {}
    for gap in gaps:
        group = groups.setdefault(gap.node.field.code, GroupGap(gap.node.field.code))
        group.points += gap.points
        group.criteria.append(gap.node.code)
    return list(groups.values())


def rank(groups: list[GroupGap], basis: Basis) -> list[GroupGap]:
    return sorted(groups, key=lambda g: (-g.points.get(basis), g.key == NO_LEAD, g.key))


def rank_leaves(gaps: list[LeafGap], basis: Basis) -> list[LeafGap]:
    return sorted(gaps, key=lambda g: (-g.points.get(basis), g.node.index))


def province(gaps: list[LeafGap]) -> Points:
    total = Points()
    for gap in gaps:
        total += gap.points
    return total
