"""Where the province stands during the year: each leaf's latest score (or an assumption
for those not yet scored), what it has won against the baseline and what is still missing,
rolled up by agency and by field. The same projection answers "what if" (simulate).

Every projected total is the exact sum of its rows; a value that is unknown (no score, and
the assumption is unknown too) is left out and counted, never taken as zero.
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

Measure = Literal["max", "baseline", "target", "projected", "won", "to_target", "to_max"]
MEASURES: tuple[Measure, ...] = ("max", "baseline", "target", "projected", "won", "to_target",
                                 "to_max")
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

    def get(self, measure: Measure) -> Decimal | None:
        row = self.node.row
        if measure in ("max", "baseline", "target"):
            return row.value(measure)
        if measure == "projected":
            return self.projected
        if measure == "won":
            return minus(self.projected, row.baseline)
        if measure == "to_target":
            return minus(row.target, self.projected)
        return minus(row.max, self.projected)

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
        if self.unknown[measure] and self.unknown[measure] >= len(self.criteria):
            return None
        return self.sums[measure]


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
    return {measure: leaf.get(measure) for measure in MEASURES}


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
    return sorted(groups.values(), key=lambda g: (-(g.shown("to_target") or 0), g.key))


def projected_total(gaps: list[LeafGap],
                    scores: Mapping[str, tuple[Decimal, str]]) -> Decimal | None:
    """The province's projected total: each leaf at its latest score, else its baseline
    (None when no leaf knows either)."""
    return total(project(gaps, scores, "baseline")).shown("projected")
