"""`parcli rank`: the rank a score would take in a published table of provinces (or the
user's own peers), with the scores just above and below."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import Peer, Standing, project, standing
from parcli.engine.progress import total as total_of
from parcli.i18n import t
from parcli.load import display_path, load_model
from parcli.models.results import PeersFile
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import fold

SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("results",))


@dataclass(frozen=True)
class Options:
    common: Common
    peers: Path
    score: str | None = None  # as typed; default: the plan's projected total



def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    plan = dataset.criteria_file
    peers_file: PeersFile = load_model(options.peers, PeersFile, None).model
    if options.score is not None:
        try:
            score = Decimal(options.score)
        except InvalidOperation:
            raise UsageError(f"--score: {options.score!r} is not a number") from None
        top = plan.total.max
        if not score.is_finite() or score < 0 or (top is not None and score > top):
            bound = f"[0, {number(top)}]" if top is not None else "0 or more"
            raise UsageError(f"--score: {options.score!r} is not a score of this plan "
                             f"({bound})")
        basis = t("rank_given", lang)
    else:
        gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
        scores: dict[str, tuple[Decimal, str]] = (
            dict(dataset.results_file.latest()) if dataset.has("results") else {})
        projected = total_of(project(gaps, scores, "baseline")).shown("projected")
        if projected is None:
            raise UsageError("no projected total (unknown scores): give --score X")
        score, basis = projected, t("rank_projected", lang)
    province = plan.province.name
    peers = [(p.province, p.score, p.rank) for p in peers_file.provinces]
    found = standing(score, peers, exclude=next(
        (name for name, _, _ in peers if fold(name) == fold(province)), None), of=peers_file.of)
    rows: list[dict[str, object]] = []
    if found.above:
        rows.append({"province": found.above[0], "score": found.above[1],
                     "position": found.above[2]})
    rows.append({"province": f"{province} ({basis})", "score": score,
                 "position": position_text(found)})
    if found.below:
        rows.append({"province": found.below[0], "score": found.below[1],
                     "position": found.below[2]})
    table = Table([Column("position", t("rank_position", lang), True),
                   Column("province", t("rank_province", lang)),
                   Column("score", t("rank_score", lang), True)],
                  rows, t("rank_title", lang, year=peers_file.year, n=found.of))
    notes = [t("rank_peers", lang, path=display_path(options.peers), n=len(peers)),
             t("rank_note", lang, score=number(score, lang), position=position_text(found),
               of=found.of, year=peers_file.year)]
    if not found.exact:
        notes.append(t("rank_partial", lang, n=len(peers), of=found.of))
    highest = max(p[1] for p in peers)
    if plan.total.max is not None and highest > plan.total.max:
        notes.append(t("rank_scale", lang, highest=number(highest, lang),
                       top=number(plan.total.max, lang)))
    if plan.rank is not None:
        notes.append(t("rank_baseline", lang, position=plan.rank.position, of=plan.rank.of,
                       year=plan.baseline_year or "—"))
    return Output([table], {"score": score, "position": found.position,
                            "lowest_position": found.lowest, "of": found.of,
                            "above": _peer(found.above), "below": _peer(found.below),
                            "peers_year": peers_file.year,
                            "peers_file": display_path(options.peers)}, notes=notes)


def _peer(peer: Peer | None) -> dict[str, object] | None:
    return {"province": peer[0], "score": peer[1], "rank": peer[2]} if peer else None


def position_text(found: Standing) -> str:
    """"50", or "45–63" when a partial table only bounds it."""
    return str(found.position) if found.exact else f"{found.position}–{found.lowest}"
