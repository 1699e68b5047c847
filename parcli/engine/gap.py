"""Point gaps per leaf criterion, per agency, per field and per scoring method.

A value the data does not hold is unknown (None), never zero: it is left out of every sum,
and each group counts how many of its leaves were unknown so the output can say so.

A bonus criterion (`kind: bonus`) loses nothing: its unearned points are not lost (lost 0);
a penalty criterion (`kind: penalty`) scores 0 or below, and what it loses is the points
deducted (lost = 0 − baseline). An agency that had ceased before the plan year (`until`)
hands its points to its successor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Literal, Protocol, TypeVar

from parcli.engine.tree import CriteriaTree, Node
from parcli.models.assignments import Assignment
from parcli.models.common import code_key
from parcli.models.criteria import Criterion
from parcli.models.ranges import RowKind
from parcli.numbers import minus
from parcli.vocabulary import BASES, Basis, Shared

T = TypeVar("T")
LeadSource = Literal["own", "inherited", "assignments", "survey", "none"]
NO_LEAD = "no-lead"
SURVEY = "survey"  # the bucket of survey-scored points: no department's evidence wins them


class AgencyIds(Protocol):
    def ids(self, texts: list[str]) -> list[str]: ...

    def current(self, agency_id: str, year: int) -> str: ...


@dataclass(frozen=True, slots=True)  # slots: one per leaf, 100,000 on a large plan
class Points:
    """gain, lost and headroom of one leaf; None where the data does not say."""

    gain: Decimal | None = None
    lost: Decimal | None = None
    headroom: Decimal | None = None

    def get(self, basis: Basis) -> Decimal | None:
        return getattr(self, basis)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class LeafGap:
    node: Node
    leads: tuple[str, ...]
    lead_source: LeadSource

    @property
    def points(self) -> Points:
        """Worked out on each use, not kept: three Decimals a leaf, which on a plan of
        100,000 leaves would be 40 MB held to save microseconds."""
        return node_points(self.node)


@dataclass
class GroupGap:
    """An agency's, a field's or a method's share of the leaves' known points."""

    key: str
    sums: dict[Basis, Decimal] = field(default_factory=lambda: dict.fromkeys(BASES, Decimal(0)))
    unknown: Counter[Basis] = field(default_factory=Counter)
    criteria: list[str] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False, compare=False)

    def add(self, points: Points, code: str) -> None:
        for basis in BASES:
            value = points.get(basis)
            if value is None:
                self.unknown[basis] += 1
            else:
                self.sums[basis] += value
        if code not in self._seen:  # a set: a 10,000-row plan stays linear
            self._seen.add(code)
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


PENALTY_CEILING = Decimal(0)  # a deduction earns nothing: its best score is 0


def leaf_points(row: Criterion, kind: RowKind = "normal") -> Points:
    """gain = target − baseline; lost = max − baseline; headroom = max − target. A bonus row
    loses nothing (lost 0; headroom stays the bonus points the plan does not aim for); a
    penalty row's max is 0 (lost: the points deducted, −baseline)."""
    gain = minus(row.target, row.baseline)
    if kind == "bonus":
        return Points(gain, Decimal(0), minus(row.max, row.target))
    top = PENALTY_CEILING if kind == "penalty" else row.max
    return Points(gain, minus(top, row.baseline), minus(top, row.target))


def node_points(node: Node) -> Points:
    return leaf_points(node.row, node.kind)


def resolve_leads(node: Node, agencies: AgencyIds, mapped: dict[str, list[Assignment]],
                  year: int | None = None) -> tuple[tuple[str, ...], LeadSource]:
    """Survey-scored: the survey bucket. Else own lead, else nearest ancestor's, else the
    criterion's assignments' leads, else none. With `year`, an agency that had ceased before
    it stands for its successor."""
    if node.method == "survey":
        return (SURVEY,), "survey"
    owner = node.lead_owner()
    source: LeadSource
    if owner is not None:
        found, source = agencies.ids(owner.row.lead), "own" if owner is node else "inherited"
    else:
        found, source = [], "assignments"
        for item in mapped.get(node.code, []):
            for agency_id in agencies.ids(item.lead):
                if agency_id not in found:
                    found.append(agency_id)
        if not found:
            return (NO_LEAD,), "none"
    if year is not None:
        found = list(dict.fromkeys(agencies.current(agency_id, year) for agency_id in found))
    return tuple(found), source


def leaf_gaps(tree: CriteriaTree, agencies: AgencyIds,
              mapped: dict[str, list[Assignment]]) -> list[LeafGap]:
    """Every leaf's points and leads in the plan year (the criteria's target year)."""
    year = tree.data.target_year
    gaps = []
    for node in tree.leaves:
        leads, source = resolve_leads(node, agencies, mapped, year)
        gaps.append(LeafGap(node, leads, source))
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
        n, points = len(gap.leads), gap.points
        portions = _shares(points, n) if shared == "split" else [points] * n
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
    """Highest first; the buckets that are no agency come last among equals, then codes in
    natural order (1.9 before 1.10, II before IV)."""
    return sorted(groups, key=lambda g: (-g.get(basis), g.key in (NO_LEAD, SURVEY),
                                         code_key(g.key)))


def rank_leaves(gaps: list[LeafGap], basis: Basis) -> list[LeafGap]:
    """Highest first; unknown values after every known one; ties in natural code order (1.9
    before 1.10, numbers before Roman numerals before letters), as `rank` orders groups."""
    def key(gap: LeafGap) -> tuple[bool, Decimal, tuple[tuple[int, int, str], ...]]:
        value = gap.points.get(basis)
        return value is None, -(value or Decimal(0)), code_key(gap.node.code)

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


def with_ties(ranked: list[T], n: int, value: Callable[[T], Decimal | None]) -> list[T]:
    """The first `n` of a ranking, and every later one equal to the n-th: a tie at the cut
    is shown, never dropped by document order."""
    if len(ranked) <= n:
        return list(ranked)
    cut = value(ranked[n - 1])
    return ranked[:n] + [item for item in ranked[n:] if value(item) == cut]
