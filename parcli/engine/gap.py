"""Point gaps per leaf criterion, per agency, per field and per scoring method.

A value the data does not hold is unknown (None), never zero: it is left out of every sum,
and each group counts how many of its leaves were unknown so the output can say so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Literal, Protocol

from parcli.engine.tree import CriteriaTree, Node
from parcli.models import Assignment, Criterion
from parcli.numbers import minus

Basis = Literal["gain", "lost", "headroom"]
BASES: tuple[Basis, ...] = ("gain", "lost", "headroom")
Shared = Literal["split", "full"]
LeadSource = Literal["own", "inherited", "assignments", "survey", "none"]
NO_LEAD = "no-lead"
SURVEY = "survey"  # the bucket of survey-scored points: no department's evidence wins them


class AgencyIds(Protocol):
    def ids(self, texts: list[str]) -> list[str]: ...


@dataclass(frozen=True)
class Points:
    """gain, lost and headroom of one leaf; None where the data does not say."""

    gain: Decimal | None = None
    lost: Decimal | None = None
    headroom: Decimal | None = None

    def get(self, basis: Basis) -> Decimal | None:
        return getattr(self, basis)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class LeafGap:
    node: Node
    points: Points
    leads: tuple[str, ...]
    lead_source: LeadSource


@dataclass
class GroupGap:
    """An agency's, a field's or a method's share of the leaves' known points."""

    key: str
    sums: dict[Basis, Decimal] = field(default_factory=lambda: dict.fromkeys(BASES, Decimal(0)))
    unknown: Counter[Basis] = field(default_factory=Counter)
    criteria: list[str] = field(default_factory=list)

    def add(self, points: Points, code: str) -> None:
        for basis in BASES:
            value = points.get(basis)
            if value is None:
                self.unknown[basis] += 1
            else:
                self.sums[basis] += value
        if code not in self.criteria:
            self.criteria.append(code)

    def get(self, basis: Basis) -> Decimal:
        return self.sums[basis]

    def shown(self, basis: Basis) -> Decimal | None:
        """The sum to show: unknown (None) when no leaf of the group knows this value."""
        if self.unknown[basis] and self.unknown[basis] >= len(self.criteria):
            return None
        return self.sums[basis]

    @property
    def points(self) -> Points:
        """The known sums as Points (unknown leaves left out; see `unknown`)."""
        return Points(self.sums["gain"], self.sums["lost"], self.sums["headroom"])


def leaf_points(row: Criterion) -> Points:
    return Points(minus(row.target, row.baseline), minus(row.max, row.baseline),
                  minus(row.max, row.target))


def resolve_leads(node: Node, agencies: AgencyIds,
                  mapped: dict[str, list[Assignment]]) -> tuple[tuple[str, ...], LeadSource]:
    """Survey-scored: the survey bucket. Else own lead, else nearest ancestor's, else the
    criterion's assignments' leads, else none."""
    if node.method == "survey":
        return (SURVEY,), "survey"
    owner = node.lead_owner()
    if owner is not None:
        return tuple(agencies.ids(owner.row.lead)), "own" if owner is node else "inherited"
    from_assignments: list[str] = []
    for item in mapped.get(node.code, []):
        for agency_id in agencies.ids(item.lead):
            if agency_id not in from_assignments:
                from_assignments.append(agency_id)
    if from_assignments:
        return tuple(from_assignments), "assignments"
    return (NO_LEAD,), "none"


def leaf_gaps(tree: CriteriaTree, agencies: AgencyIds,
              mapped: dict[str, list[Assignment]]) -> list[LeafGap]:
    gaps = []
    for node in tree.leaves:
        leads, source = resolve_leads(node, agencies, mapped)
        gaps.append(LeafGap(node, leaf_points(node.row), leads, source))
    return gaps


def split(value: Decimal, parts: int) -> list[Decimal]:
    """`parts` shares of `value` that add up to it exactly: equal to the cent (or to the
    value's own precision when finer), the leftover cents going to the first shares."""
    if parts == 1:
        return [value]
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: the models refuse .nan and .inf
    quantum = min(Decimal("0.01"), Decimal(1).scaleb(exponent))
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    base = (magnitude / parts).quantize(quantum, rounding=ROUND_DOWN)
    extra = int((magnitude - base * parts) / quantum)
    return [sign * (base + (quantum if i < extra else 0)) for i in range(parts)]


def _shares(points: Points, parts: int) -> list[Points]:
    columns = [split(value, parts) if value is not None else [None] * parts
               for value in (points.gain, points.lost, points.headroom)]
    return [Points(*share) for share in zip(*columns, strict=True)]


def by_agency(gaps: list[LeafGap], shared: Shared = "split") -> list[GroupGap]:
    groups: dict[str, GroupGap] = {}
    for gap in gaps:
        n = len(gap.leads)
        portions = _shares(gap.points, n) if shared == "split" else [gap.points] * n
        for agency_id, portion in zip(gap.leads, portions, strict=True):
            groups.setdefault(agency_id, GroupGap(agency_id)).add(portion, gap.node.code)
    return list(groups.values())


def by_field(gaps: list[LeafGap]) -> list[GroupGap]:
    groups: dict[str, GroupGap] = {}
    for gap in gaps:
        key = gap.node.field.code
        groups.setdefault(key, GroupGap(key)).add(gap.points, gap.node.code)
    return list(groups.values())


def by_method(gaps: list[LeafGap]) -> list[GroupGap]:
    groups: dict[str, GroupGap] = {}
    for gap in gaps:
        key = gap.node.method
        groups.setdefault(key, GroupGap(key)).add(gap.points, gap.node.code)
    return list(groups.values())


def rank(groups: list[GroupGap], basis: Basis) -> list[GroupGap]:
    """Highest first; the buckets that are no agency come last among equals."""
    return sorted(groups, key=lambda g: (-g.get(basis), g.key in (NO_LEAD, SURVEY), g.key))


def rank_leaves(gaps: list[LeafGap], basis: Basis) -> list[LeafGap]:
    """Highest first; unknown values after every known one, in document order."""
    def key(gap: LeafGap) -> tuple[bool, Decimal, int]:
        value = gap.points.get(basis)
        return value is None, -(value or Decimal(0)), gap.node.index

    return sorted(gaps, key=key)


def province(gaps: list[LeafGap]) -> GroupGap:
    total = GroupGap("total")
    for gap in gaps:
        total.add(gap.points, gap.node.code)
    return total


def only_field(tree: CriteriaTree, gaps: list[LeafGap], code: str) -> list[LeafGap] | None:
    """The leaves of field `code`; None when there is no such field."""
    if code not in {root.code for root in tree.roots}:
        return None
    return [gap for gap in gaps if gap.node.field.code == code]
