"""Where the province stands during the year: each leaf's latest score (or an assumption
for those not yet scored), what it has won against the baseline and what is still missing,
rolled up by agency and by field. The same projection answers "what if" (simulate).

Every projected total is the exact sum of its rows; a value that is unknown (no score, and
the assumption is unknown too) is left out and counted, never taken as zero. A projected sum
that leaves unknown criteria out is only a lower bound: `Tally.bounds` gives the sum with
them at their lowest score (0, or a penalty row's min) and at their max.

Against the target a row (a leaf, or a group netting its leaves: one above its target makes
up for one below) either still needs points (`to_target`) or exceeds it (`above_target`);
both are 0 or more, never a negative need.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from parcli.engine.gap import LeafGap, split
from parcli.engine.tree import Node
from parcli.numbers import minus
from parcli.vocabulary import Assume

Measure = Literal["max", "baseline", "target", "projected", "won", "to_target", "to_max",
                  "above_target", "low", "high"]
# What a tally sums (to_target signed: target - projected; above_target is its reverse;
# low and high: the projection with unknown criteria at their lowest score and at their max)
MEASURES: tuple[Measure, ...] = ("max", "baseline", "target", "projected", "won", "to_target",
                                 "to_max", "low", "high")
REPORTED: tuple[Measure, ...] = ("max", "baseline", "target", "projected", "won", "to_target",
                                 "above_target", "to_max")
Basis = Literal["score", "set", "assumed", "unknown"]  # where a projected value comes from


@dataclass(frozen=True)
class LeafProgress:
    gap: LeafGap
    score: Decimal | None  # the latest score, if any
    stage: str | None  # its stage (self, appraised, official), or "set" for a what-if value
    projected: Decimal | None
    basis: Basis

    @property
    def node(self) -> Node:
        return self.gap.node

    def signed(self, measure: Measure) -> Decimal | None:
        """The value a tally sums: `to_target` signed (target - projected)."""
        row = self.node.row
        if measure in ("max", "baseline", "target"):
            return row.value(measure)
        if measure == "projected":
            return self.projected
        if measure == "won":
            return minus(self.projected, row.baseline)
        if measure == "to_target":
            return minus(row.target, self.projected)
        if measure == "low":
            low = getattr(row, "min", None)
            return self.projected if self.projected is not None else (
                Decimal(0) if low is None else low)
        if measure == "high":
            return self.projected if self.projected is not None else row.max
        if measure == "above_target":
            return minus(self.projected, row.target)
        return minus(row.max, self.projected)

    def get(self, measure: Measure) -> Decimal | None:
        """`to_target` and `above_target` are 0 or more (one of them 0)."""
        value = self.signed(measure)
        if measure in ("to_target", "above_target") and value is not None:
            return max(value, Decimal(0))
        return value

    @property
    def below_target(self) -> bool:
        missing = self.get("to_target")
        return missing is not None and missing > 0


@dataclass
class Tally:
    """A group's sums of known values per measure, and how many leaves did not know one."""

    key: str
    sums: dict[Measure, Decimal] = field(default_factory=lambda: dict.fromkeys(MEASURES,
                                                                                Decimal(0)))
    unknown: Counter[Measure] = field(default_factory=Counter)
    criteria: list[str] = field(default_factory=list)

    def add(self, values: dict[Measure, Decimal | None], code: str) -> None:
        for measure in MEASURES:
            value = values[measure]
            if value is None:
                self.unknown[measure] += 1
            else:
                self.sums[measure] += value
        if code not in self.criteria:
            self.criteria.append(code)

    def shown(self, measure: Measure) -> Decimal | None:
        """The sum of the known values (None when no leaf knows one); `to_target` and
        `above_target` net the leaves and are 0 or more."""
        summed: Measure = "to_target" if measure == "above_target" else measure
        if self.unknown[summed] and self.unknown[summed] >= len(self.criteria):
            return None
        value = self.sums[summed]
        if measure == "to_target":
            return max(value, Decimal(0))
        if measure == "above_target":
            return max(-value, Decimal(0))
        return value

    @property
    def unknown_projected(self) -> int:
        """How many of its criteria have no projection (their sum leaves them out)."""
        return self.unknown["projected"]

    @property
    def partial(self) -> bool:
        """Some criteria, not all, have no projection: the projected sum is a lower bound."""
        return self.partial_in("projected")

    def partial_in(self, measure: Measure) -> bool:
        """Some criteria, not all, do not know `measure`: its sum is of the others only."""
        summed: Measure = "to_target" if measure == "above_target" else measure
        return 0 < self.unknown[summed] < len(self.criteria)

    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """The projected sum with the unknown criteria at their lowest score and at their
        max (None: some bound is unknown, e.g. a max the data does not give)."""
        low = self.sums["low"] if not self.unknown["low"] else None
        high = self.sums["high"] if not self.unknown["high"] else None
        return low, high


def project(gaps: list[LeafGap], scores: Mapping[str, tuple[Decimal, str]], assume: Assume,
            overrides: dict[str, Decimal] | None = None) -> list[LeafProgress]:
    """Each leaf's projected score: a what-if value, else its latest score, else the
    assumption (its baseline or its target)."""
    overrides = overrides or {}
    found = []
    for gap in gaps:
        code = gap.node.code
        score: Decimal | None = None
        stage: str | None = None
        if code in scores:
            score, stage = scores[code]
        projected: Decimal | None
        basis: Basis
        if code in overrides:
            projected, basis, stage = overrides[code], "set", "set"
        elif score is not None:
            projected, basis = score, "score"
        else:
            projected = gap.node.row.value(assume)
            basis = "assumed" if projected is not None else "unknown"
        found.append(LeafProgress(gap, score, stage, projected, basis))
    return found


def _values(leaf: LeafProgress) -> dict[Measure, Decimal | None]:
    return {measure: leaf.signed(measure) for measure in MEASURES}


def total(leaves: list[LeafProgress]) -> Tally:
    tally = Tally("total")
    for leaf in leaves:
        tally.add(_values(leaf), leaf.node.code)
    return tally


def by_field(leaves: list[LeafProgress]) -> list[Tally]:
    groups: dict[str, Tally] = {}
    for leaf in leaves:
        key = leaf.node.field.code
        groups.setdefault(key, Tally(key)).add(_values(leaf), leaf.node.code)
    return list(groups.values())


def by_agency(leaves: list[LeafProgress]) -> list[Tally]:
    """Each leaf's values split equally between its leads (to the cent), as gap does, so
    that the agencies add up to the province."""
    groups: dict[str, Tally] = {}
    for leaf in leaves:
        leads = leaf.gap.leads
        values = _values(leaf)
        shares = {m: split(v, len(leads)) if v is not None else [None] * len(leads)
                  for m, v in values.items()}
        for n, agency in enumerate(leads):
            groups.setdefault(agency, Tally(agency)).add(
                {m: shares[m][n] for m in MEASURES}, leaf.node.code)
    return sorted(groups.values(), key=lambda g: _by_need(g.shown("to_target"), g.key))


def _by_need(need: Decimal | None, key: str) -> tuple[bool, Decimal, str]:
    """Most still needed first; an agency whose need is unknown after every known one."""
    return (need is None, -(need or Decimal(0)), key)


def projected_tally(gaps: list[LeafGap],
                    scores: Mapping[str, tuple[Decimal, str]]) -> Tally:
    """The province's projection: each leaf at its latest score, else its baseline; its
    `shown("projected")` (None when no leaf knows either), `partial` and `bounds()`."""
    return total(project(gaps, scores, "baseline"))


def projected_total(gaps: list[LeafGap],
                    scores: Mapping[str, tuple[Decimal, str]]) -> Decimal | None:
    """The province's projected total: each leaf at its latest score, else its baseline
    (None when no leaf knows either; a lower bound when some leaf knows neither: see
    `projected_tally`)."""
    return projected_tally(gaps, scores).shown("projected")


@dataclass(frozen=True)
class Against:
    """A projection against a target: the points still needed and by how much it exceeds
    the target, each as bounds when unknown criteria leave the projection open (None: no
    bound, as an unknown criterion has no max)."""

    need_low: Decimal | None  # the least still needed (0 when it may meet the target)
    need_high: Decimal  # the most still needed
    over: Decimal  # what the projection exceeds the target by, at least (0: not known to)
    unknown: int  # the criteria without a projection


def against(target: Decimal, tally: Tally) -> Against | None:
    """`tally`'s projection against `target` (None: nothing projected)."""
    known = tally.shown("projected")
    if known is None:
        return None
    low, high = tally.bounds()
    floor = low if low is not None and tally.unknown_projected else known
    need_high = max(target - floor, Decimal(0))
    over = max(floor - target, Decimal(0))
    if not tally.unknown_projected:
        return Against(need_high, need_high, over, 0)
    need_low = max(target - high, Decimal(0)) if high is not None else None
    return Against(need_low, need_high, over, tally.unknown_projected)
