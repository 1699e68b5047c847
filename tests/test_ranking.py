"""The standing of a score in a published ranking (parcli.engine.ranking): table cases for
ties, first, last, outside the table and exact decimals, and properties that hold for any
table, whole or partial."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parcli.engine.ranking import Standing, TableRow, read_peers, standing, standings
from parcli.models.results import PeersFile
from tests.conftest import ROOT

D = Decimal

# A whole table of five (no published ranks needed): the rank is counted.
WHOLE = [TableRow("A", D("90"), None), TableRow("B", D("85"), None),
         TableRow("C", D("85"), None), TableRow("Own", D("79.53"), None),
         TableRow("E", D("70"), None)]

# The fixture's partial table: 8 of 63 provinces with their published ranks.
PARTIAL = [TableRow("Quảng Ninh", D("90.09"), 1), TableRow("Hà Nội", D("84.64"), 2),
           TableRow("Đồng Tháp", D("84.43"), 3), TableRow("Hải Phòng", D("84.35"), 4),
           TableRow("Long An", D("84.33"), 5), TableRow("Tây Ninh", D("80.05"), 44),
           TableRow("Đắk Lắk", D("79.53"), 50), TableRow("Bến Tre", D("73.87"), 63)]


def _brief(found: Standing) -> tuple[int, int, int, str | None, str | None]:
    return (found.position, found.lowest, found.of,
            found.above.province if found.above else None,
            found.below.province if found.below else None)


@pytest.mark.parametrize(("score", "expected"), [
    ("95", (1, 1, 6, None, "A")),  # above the table: first, nobody above
    ("90", (1, 1, 6, None, "A")),  # a tie shares the better rank
    ("89.99", (2, 2, 6, "A", "B")),
    ("85", (2, 2, 6, "A", "B")),  # tied with two: all three share 2
    ("85.00", (2, 2, 6, "A", "B")),  # the same number however it is written
    ("84.999", (4, 4, 6, "B", "Own")),  # of two tied just above, the first in the table
    ("70", (5, 5, 6, "Own", "E")),  # nothing excluded: the score joins the table
    ("69.99", (6, 6, 6, "E", None)),  # below the table: last, nobody below
])
def test_a_whole_table_counts_who_scores_more(score: str, expected: tuple[object, ...]) -> None:
    assert _brief(standing(D(score), WHOLE)) == expected


@pytest.mark.parametrize(("score", "expected"), [
    ("95", (1, 1, 5, None, "A")),
    ("90", (1, 1, 5, None, "A")),
    ("85", (2, 2, 5, "A", "B")),
    ("84.99", (4, 4, 5, "B", "E")),  # its own old row is out of the table
    ("79.53", (4, 4, 5, "B", "E")),
    ("70", (4, 4, 5, "B", "E")),  # tied with E: the better rank
    ("69.99", (5, 5, 5, "E", None)),  # last
    ("0", (5, 5, 5, "E", None)),
])
def test_the_province_is_ranked_against_the_others(score: str,
                                                   expected: tuple[object, ...]) -> None:
    assert _brief(standing(D(score), WHOLE, exclude="Own")) == expected


@pytest.mark.parametrize(("score", "expected"), [
    ("95", (1, 1, 63, None, "Quảng Ninh")),  # first, whatever the missing rows hold
    ("90.09", (1, 1, 63, None, "Quảng Ninh")),  # tied with the first
    ("84.4", (4, 4, 63, "Đồng Tháp", "Hải Phòng")),  # between two known neighbours
    ("84.35", (4, 4, 63, "Đồng Tháp", "Hải Phòng")),  # tied with rank 4
    ("84.3", (6, 44, 63, "Long An", "Tây Ninh")),  # ranks 6-43 unknown: only bounds
    ("80", (45, 50, 63, "Tây Ninh", "Bến Tre")),  # 51-62 scored at most its old 79.53
    ("79.53", (50, 50, 63, "Tây Ninh", "Bến Tre")),  # its own old score: its old place
    ("76", (50, 62, 63, "Tây Ninh", "Bến Tre")),  # the 49 above its old 79.53 stay above
    ("73.87", (62, 62, 63, "Tây Ninh", "Bến Tre")),  # tied with the last: 51-62 beat it
    ("73.86", (63, 63, 63, "Bến Tre", None)),  # last of 63
    ("0", (63, 63, 63, "Bến Tre", None)),
])
def test_a_partial_table_bounds_the_rank(score: str, expected: tuple[object, ...]) -> None:
    assert _brief(standing(D(score), PARTIAL, exclude="Đắk Lắk", of=63)) == expected


def test_exact_decimals_decide_ties_and_order() -> None:
    # 84.3500 is 84.35 (a tie), 84.3500001 is above it: no float rounding either way
    table = [TableRow("X", D("84.35"), None), TableRow("Y", D("0.3"), None)]
    assert standing(D("84.3500"), table).position == 1
    assert standing(D("84.3499999"), table).position == 2
    assert standing(D("0.1") + D("0.2"), table).position == 2  # 0.3 exactly: a tie with Y
    assert standing(D("0.30000000000000004"), table).position == 2  # the float's 0.3 is not


def test_places_give_the_rank_or_its_bounds() -> None:
    assert standing(D("84.4"), PARTIAL, "Đắk Lắk", 63).places == (4,)
    assert standing(D("76"), PARTIAL, "Đắk Lắk", 63).places == (50, 62)


def test_a_peer_without_a_published_rank_counts_only_itself() -> None:
    # Bến Tre's rank left out: it still scores more than 73, but no longer says that the
    # missing 51-62 beat 73.87; the own row (79.53, 50th) still puts 49 provinces above
    rows = [*PARTIAL[:-1], TableRow("Bến Tre", D("73.87"), None)]
    found = standing(D("73"), rows, "Đắk Lắk", 63)
    assert (found.position, found.lowest, found.of) == (51, 63, 63)
    found = standing(D("79.53"), rows, "Đắk Lắk", 63)
    assert (found.position, found.lowest, found.of) == (50, 50, 63)  # was "7 of 63"
    found = standing(D("74"), rows, "Đắk Lắk", 63)
    assert (found.position, found.lowest, found.of) == (50, 62, 63)  # Bến Tre below it


def test_standings_find_the_province_by_name_and_keep_the_order_of_the_scores() -> None:
    peers = read_peers(ROOT / "tests" / "fixtures" / "peers" / "par_index_2019.yaml")
    assert isinstance(peers, PeersFile) and peers.provinces[0].score == D("90.09")
    found = standings(peers, "  đắk LẮK ", [D("84.4"), D("79.53"), D("95")])
    assert [f.places for f in found] == [(4,), (50,), (1,)]
    assert [f.score for f in found] == [D("84.4"), D("79.53"), D("95")]
    # a province the table does not hold is ranked against all of it
    # (its old place is one of the missing ones, perhaps among the 49 above Đắk Lắk's 79.53)
    assert standings(peers, "Lâm Đồng", [D("79.53")])[0].places == (49, 50)
    assert standings(peers, "Đắk Lắk", []) == []


# --- properties ---

SCORES = st.decimals(min_value=0, max_value=100, places=2)


def _ranked(scores: list[Decimal]) -> list[TableRow]:
    """A whole published table: each province's rank is 1 + how many score more."""
    return [TableRow(f"P{n}", score, 1 + sum(other > score for other in scores))
            for n, score in enumerate(scores)]


@given(st.lists(SCORES, min_size=1, max_size=12), SCORES)
def test_the_rank_is_one_plus_the_others_scoring_more(scores: list[Decimal],
                                                      score: Decimal) -> None:
    table = _ranked(scores)
    own = table[0].province
    found = standing(score, table, exclude=own)
    others = table[1:]
    assert found.exact and found.of == len(table)
    assert found.position == 1 + sum(p.score > score for p in others)
    if found.above is not None:
        assert found.above.score == min(p.score for p in others if p.score > score)
    else:
        assert found.position == 1
    if found.below is not None:
        assert found.below.score == max(p.score for p in others if p.score <= score)
    else:
        assert found.position == found.of


@given(st.lists(SCORES, min_size=2, max_size=12), SCORES, st.data())
def test_a_partial_table_bounds_the_rank_the_whole_table_gives(
        scores: list[Decimal], score: Decimal, data: st.DataObject) -> None:
    table = _ranked(scores)
    own = table[0]
    truth = standing(score, table, exclude=own.province).position
    kept = data.draw(st.lists(st.sampled_from(table[1:]), unique=True))
    found = standing(score, [own, *kept], exclude=own.province, of=len(table))
    assert 1 <= found.position <= truth <= found.lowest <= found.of == len(table)
    assert found.places == ((truth,) if found.exact else (found.position, found.lowest))


# --- issue 18, item 8: the province's own published row bounds the rank too ---

def test_the_own_published_row_bounds_the_rank_issue_18_item_8() -> None:
    # the issue's case: the province 73.64 at rank 51, neighbours ranked 40 and 63; every
    # province ranked 52-62 scored at most 73.64, so 76 ranks 41-51, not 41-62
    table = [TableRow("North", D("80"), 40), TableRow("Own", D("73.64"), 51),
             TableRow("South", D("63"), 63)]
    found = standing(D("76"), table, exclude="Own", of=63)
    assert (found.position, found.lowest, found.of) == (41, 51, 63)
    assert found.places == (41, 51)
    # below its old score: the 50 above 73.64 stay above, 52-62 are unknown
    assert standing(D("70"), table, exclude="Own", of=63).places == (51, 62)


@pytest.mark.parametrize(("score", "expected"), [
    ("95", (1, 1, 63, None, "Quảng Ninh")),  # above every peer
    ("84.64", (2, 2, 63, "Quảng Ninh", "Hà Nội")),  # a tie with a peer shares its rank
    ("80.05", (44, 44, 63, "Hải Phòng", "Tây Ninh")),  # a tie with the 44th
])
def test_rank_bounds_above_every_peer_and_tied(score: str,
                                               expected: tuple[object, ...]) -> None:
    rows = [row for row in PARTIAL if row.province != "Long An"]
    assert _brief(standing(D(score), rows, exclude="Đắk Lắk", of=63)) == expected
