"""Where a score stands in a published table of provinces (or the user's own peers): the
rank it would take, the nearest provinces above and below it, and, when the table holds
only some provinces with their published ranks, the bounds the rank is known to lie in.

`parcli rank` and `parcli report --peers` both ask `standings`; they word the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from parcli.load import load_model
from parcli.models.results import PeersFile
from parcli.text import fold


class TableRow(NamedTuple):
    """One province of a ranking table, as the engine compares it (the file's row is the
    model `parcli.models.results.Peer`)."""

    province: str
    score: Decimal
    rank: int | None  # its published rank, if given


@dataclass(frozen=True)
class Standing:
    """Where a score would rank among published peers (ties share the better rank). With a
    partial table (some provinces and their published ranks), the rank is only known to
    lie between `position` and `lowest`."""

    score: Decimal
    position: int
    lowest: int
    of: int
    above: TableRow | None  # the nearest peer scoring more
    below: TableRow | None  # the nearest peer scoring the same or less

    @property
    def exact(self) -> bool:
        return self.position == self.lowest

    @property
    def places(self) -> tuple[int] | tuple[int, int]:
        """The rank (one place), or the bounds a partial table leaves it within (two)."""
        return (self.position,) if self.exact else (self.position, self.lowest)


def read_peers(path: Path) -> PeersFile:
    """The ranking table a file holds (a DataError, file:line:col, when it holds none)."""
    peers: PeersFile = load_model(path, PeersFile, None).model
    return peers


def standings(peers: PeersFile, province: str, scores: Sequence[Decimal]) -> list[Standing]:
    """Each score's standing in the table, the province itself (found by its name, case
    and spacing aside) taken out of it: it is ranked against the others."""
    table = [TableRow(p.province, p.score, p.rank) for p in peers.provinces]
    own = next((row.province for row in table if fold(row.province) == fold(province)), None)
    return [standing(score, table, own, peers.of) for score in scores]


def standing(score: Decimal, peers: Sequence[TableRow], exclude: str | None = None,
             of: int | None = None) -> Standing:
    """`score` among `peers`; `exclude` takes the province itself out of the table, so that
    it is ranked against the others at its new score; `of` is how many provinces the
    published table ranks, when the file holds only some of them with their ranks.

    With `of`, every row with a published score and rank bounds the provinces the file
    does not hold, the province's own old row included: a row scoring S or more at rank r
    has r - 1 provinces scoring more than it, so more than S; a row scoring S or less at
    rank r has `of` - r + 1 provinces scoring at most what it does, so at most S. A row
    without a rank says only where it stands itself. A province the file does not hold is
    one of the `of`, and its old place one of the missing ones."""
    own = next((peer for peer in peers if peer.province == exclude), None)
    others = [peer for peer in peers if peer.province != exclude]
    higher = sorted((p for p in others if p.score > score), key=lambda p: p.score)
    lower = sorted((p for p in others if p.score <= score), key=lambda p: -p.score)
    above, below = (higher[0] if higher else None), (lower[0] if lower else None)
    if of is None:
        position = len(higher) + 1  # the whole table: count
        return Standing(score, position, position, len(others) + 1, above, below)
    held = [*others, *([own] if own is not None else [])]
    missing_others = max(0, of - 1 - len(others))  # provinces the file does not hold
    own_missing = 1 if own is None else 0  # the province's old place is one of them
    ranked = [row for row in held if row.rank is not None]

    def forced_above() -> int:
        """Missing provinces that must score more than `score`."""
        counts = [(row.rank or 0) - 1 - sum(other.score > row.score for other in held)
                  for row in ranked if row.score >= score]
        return max(0, *counts) - own_missing if counts else 0

    def forced_below() -> int:
        """Missing provinces that must score `score` or less."""
        counts = [of - (row.rank or 0) + 1 - sum(other.score <= row.score for other in held)
                  for row in ranked if row.score <= score]
        return max(0, *counts) - own_missing if counts else 0

    surely_above = len(higher) + min(missing_others, max(0, forced_above()))
    surely_below = len(lower) + min(missing_others, max(0, forced_below()))
    position = min(of, surely_above + 1)
    lowest = max(position, min(of, len(others) + missing_others + 1 - surely_below))
    return Standing(score, position, lowest, of, above, below)
