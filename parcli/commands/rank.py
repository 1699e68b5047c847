"""`parcli rank`: the rank a score would take in a published table of provinces (or the
user's own peers), with the scores just above and below.

Every row with a published score and rank bounds the rank, the province's own old row
included. A projected total that leaves criteria without a projection out is only a lower
bound: the command ranks both bounds (those criteria at their lowest score and at their
max; JSON `score` the lower, `bounds` {low, high}, `unknown` their number) and gives the
rank between the better place of the higher and the worse place of the lower; it refuses
when a bound is unknown (such a criterion has no max). It needs no assignments file."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import projected_tally
from parcli.engine.ranking import Standing, TableRow, read_peers, standings
from parcli.i18n import t
from parcli.load import display_path
from parcli.models.results import PeersFile
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import Lang

# assignments: only for leads the criteria file does not give (run without: --no-assignments)
SPEC = Spec(needs=("criteria", "agencies"), optional=("assignments", "results"))


@dataclass(frozen=True)
class Options:
    common: Common
    peers: Path
    score: str | None = None  # as typed; default: the plan's projected total



def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    plan = dataset.criteria_file
    peers_file = read_peers(options.peers)
    if options.score is not None:
        try:
            score = Decimal(options.score)
        except InvalidOperation:
            raise UsageError(t("err_not_number", lang, option="--score", text=options.score,
                               hint=_dot_hint(options.score, lang))) from None
        top = plan.total.max
        if not score.is_finite() or score < 0 or (top is not None and score > top):
            bound = (f"[0, {number(top, lang)}]" if top is not None
                     else t("err_or_more", lang))
            raise UsageError(t("err_not_score", lang, text=options.score, bound=bound))
        basis = t("rank_given", lang)
    else:
        gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
        scores: dict[str, tuple[Decimal, str]] = (
            dict(dataset.results_file.latest()) if dataset.has("results") else {})
        tally = projected_tally(gaps, scores)
        projected = tally.shown("projected")
        if projected is None:
            raise UsageError(t("err_no_projection", lang))
        score, basis = projected, t("rank_projected", lang)
        low, high = tally.bounds()
        if tally.unknown_projected and (low is None or high is None):
            raise UsageError(t("err_no_bound", lang, projected=number(projected, lang),
                               n=tally.unknown_projected))
        if tally.unknown_projected and low is not None and high is not None:
            return _bounds(options, peers_file, plan.province.name, low, high,
                           tally.unknown_projected, lang)
    province = plan.province.name
    peers = peers_file.provinces
    [found] = standings(peers_file, province, [score])
    table = _table([{"province": f"{province} ({basis})", "score": score,
                     "position": position_text(found)}], found.above, found.below, lang,
                   peers_file.year, found.of)
    notes = [t("rank_peers", lang, path=display_path(options.peers), n=len(peers)),
             t("rank_note", lang, score=number(score, lang), position=position_text(found),
               of=found.of, year=peers_file.year)]
    if not found.exact:
        notes.append(t("rank_partial", lang, n=len(peers), of=found.of))
    highest = max(p.score for p in peers)
    if plan.total.max is not None and highest > plan.total.max:
        notes.append(t("rank_scale", lang, highest=number(highest, lang),
                       top=number(plan.total.max, lang)))
    if plan.rank is not None and plan.baseline_year is not None:
        notes.append(t("rank_baseline", lang, position=plan.rank.position, of=plan.rank.of,
                       year=plan.baseline_year))
    return Output([table], {"score": score, "position": found.position,
                            "lowest_position": found.lowest, "of": found.of,
                            "above": _peer(found.above), "below": _peer(found.below),
                            "peers_year": peers_file.year,
                            "peers_file": display_path(options.peers)}, notes=notes)


def _bounds(options: Options, peers_file: PeersFile, province: str, low: Decimal,
            high: Decimal, unknown: int, lang: Lang) -> Output:
    """A projection with unknown criteria: both bounds ranked, and the places between."""
    best, worst = standings(peers_file, province, [high, low])
    places = sorted({best.position, worst.lowest})
    position = "–".join(str(place) for place in places)
    table = _table([{"province": f"{province} ({t('rank_high', lang, n=unknown)})",
                     "score": high, "position": position_text(best)},
                    {"province": f"{province} ({t('rank_low', lang, n=unknown)})",
                     "score": low, "position": position_text(worst)}],
                   best.above, worst.below, lang, peers_file.year, best.of)
    notes = [t("rank_peers", lang, path=display_path(options.peers),
               n=len(peers_file.provinces)),
             t("rank_note_bounds", lang, low=number(low, lang), high=number(high, lang),
               n=unknown, position=position, of=best.of, year=peers_file.year)]
    return Output([table], {"score": low, "bounds": {"low": low, "high": high},
                            "unknown": unknown, "position": places[0],
                            "lowest_position": places[-1], "of": best.of,
                            "above": _peer(best.above), "below": _peer(worst.below),
                            "peers_year": peers_file.year,
                            "peers_file": display_path(options.peers)}, notes=notes)


def _peer(peer: TableRow | None) -> dict[str, object] | None:
    return {"province": peer.province, "score": peer.score, "rank": peer.rank} if peer else None


def position_text(found: Standing) -> str:
    """"50", or "45–62" when a partial table only bounds it."""
    return "–".join(str(place) for place in found.places)


def _dot_hint(text: str, lang: Lang) -> str:
    """"; write 9.5 with a dot" for "9,5" (a decimal comma), else nothing."""
    import re

    if re.fullmatch(r"\s*[-+]?\d+,\d+\s*", text):
        return t("err_use_dot", lang, fixed=text.strip().replace(",", "."))
    return ""


def _table(own: list[dict[str, object]], above: TableRow | None, below: TableRow | None,
           lang: Lang, year: int, of: int) -> Table:
    """The province's row(s) between the published rows just above and below it."""
    def published(peer: TableRow) -> dict[str, object]:
        return {"province": peer.province, "score": peer.score, "position": peer.rank}

    rows = ([published(above)] if above else []) + own + ([published(below)] if below else [])
    return Table([Column("position", t("rank_position", lang), True),
                  Column("province", t("rank_province", lang)),
                  Column("score", t("rank_score", lang), True)],
                 rows, t("rank_title", lang, year=year, n=of))
