"""A score's allowed range, in one place: the criteria file's rows and the results file's
scores are checked by the same rule.

- a penalty row: [min, 0]; it must give `min` (its largest deduction);
- any other row (bonus or normal): [min, max], `min` being 0 unless the row gives one;
- a row with bonus rows below it (and the printed total then) may pass its max.
A bound of None is no bound (a max not printed).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

RowKind = Literal["normal", "bonus", "penalty"]
Bounds = tuple[Decimal | None, Decimal | None]

__all__ = ["Bounds", "PenaltyWithoutMin", "RowKind", "bounds_text", "in_range", "score_range"]


class PenaltyWithoutMin(ValueError):
    """A penalty row that does not give its `min`: a data error."""


def score_range(kind: RowKind, low: Decimal | None, high: Decimal | None, *,
                bonus_below: bool = False) -> Bounds:
    """(low, high) for a row of `kind` with its own `min` (low) and `max` (high)."""
    if kind == "penalty":
        if low is None:
            raise PenaltyWithoutMin("a penalty row gives its largest deduction as min")
        return low, Decimal(0)
    return (Decimal(0) if low is None else low), (None if bonus_below and kind != "bonus"
                                                    else high)


def in_range(value: Decimal, bounds: Bounds) -> bool:
    low, high = bounds
    return (low is None or value >= low) and (high is None or value <= high)


def bounds_text(bounds: Bounds) -> str:
    low, high = bounds
    return (f"[{low}" if low is not None else "(-∞") + ", " + (
        f"{high}]" if high is not None else "∞)")
