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
    published table ranks, when the file holds only some of them with their ranks."""
    own = next((peer for peer in peers if peer.province == exclude), None)
    others = [peer for peer in peers if peer.province != exclude]
    higher = sorted((p for p in others if p.score > score), key=lambda p: p.score)
    lower = sorted((p for p in others if p.score <= score), key=lambda p: -p.score)
    above, below = (higher[0] if higher else None), (lower[0] if lower else None)
    total = of if of is not None else len(others) + 1
    if of is None or len(others) + 1 >= of or not all(p.rank is not None for p in others):
        position = len(higher) + 1  # the whole table (or no ranks to go by): count
        return Standing(score, position, position, total, above, below)

    def among_others(peer: TableRow) -> int:
        """A peer's published rank once the province has left its old place."""
        rank = peer.rank or 0
        moved_up = own is not None and own.rank is not None and own.rank < rank
        return rank - 1 if moved_up else rank

    low = among_others(above) + 1 if above is not None else 1
    high = among_others(below) if below is not None else total
    return Standing(score, low, max(low, high), total, above, below)
