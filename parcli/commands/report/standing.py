"""`parcli report` with a results file: where the province stands, first in the report. The
projected total (each leaf criterion at its latest score, else its baseline) against the
printed target, with the criteria it cannot count said (a lower bound, and the range they
leave open); the points won since the baseline; the points still needed, or by how much the
projection exceeds the target; and the agencies furthest behind on their share (as
`progress --by-agency`)."""

from __future__ import annotations

from decimal import Decimal

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.engine.gap import LeafGap
from parcli.engine.progress import Tally, against, by_agency, project, total
from parcli.i18n import score_label, t
from parcli.numbers import number
from parcli.output import Column, Section, Table
from parcli.text import Lang


def section(checked: Checked, gaps: list[LeafGap], lang: Lang,
            top: int) -> tuple[Section, dict[str, object]] | None:
    """The standing section and its JSON; None without a results file."""
    dataset = checked.dataset
    if not dataset.has("results"):
        return None
    data = dataset.criteria_file
    leaves = project(gaps, dataset.results_file.latest(), "baseline")
    tally = total(leaves)
    projected = tally.shown("projected")
    target = data.total.target if data.total.target is not None else tally.shown("target")
    scored = sum(1 for leaf in leaves if leaf.basis == "score")
    low, high = tally.bounds()
    years = {"baseline": data.baseline_year, "target": data.target_year}
    baseline = score_label("baseline", years).in_(lang).lower()
    blocks: list[str | Table] = [_projected_line(tally, target, scored, len(leaves), baseline,
                                                 lang)]
    won = tally.shown("won")
    if won is not None and data.baseline_year is not None:
        blocks.append(t("report_won", lang, won=_signed(won, lang), year=data.baseline_year,
                        scored=scored))
    position = against(target, tally) if target is not None else None
    if position is not None:
        blocks.append(_need_line(position.need_low, position.need_high, position.over,
                                 position.unknown, lang))
    agencies = [g for g in by_agency(leaves) if (g.shown("to_target") or 0) > 0][:top]
    rows: list[dict[str, object]] = [
        {"id": g.key, "agency": agency_text(dataset.registry, g.key).shown(lang),
         "projected": g.shown("projected"), "target": g.shown("target"),
         "to_target": g.shown("to_target")} for g in agencies]
    if rows:
        blocks.append(t("report_behind", lang, n=len(rows)))
        blocks.append(Table(
            [Column("agency", t("agency", lang)),
             Column("projected", t("progress_projected", lang), True),
             Column("target", score_label("target", years).in_(lang), True),
             Column("to_target", t("report_still_needed", lang), True)], rows))
    heading = t("report_standing", lang, file=dataset.paths.results.name
                if dataset.paths.results else "")
    json_data: dict[str, object] = {
        "projected": projected, "partial": tally.partial, "unknown": tally.unknown_projected,
        "low": low, "high": high, "won": won, "scored": scored, "criteria": len(leaves),
        "target": target,
        "need": position.need_high if position is not None else None,
        "need_low": position.need_low if position is not None else None,
        "over": position.over if position is not None else None,
        "agencies": [{"agency": row["id"], "projected": row["projected"],
                      "target": row["target"], "to_target": row["to_target"]}
                     for row in rows]}
    return Section(heading, blocks), json_data


def _projected_line(tally: Tally, target: Decimal | None, scored: int, leaves: int,
                    baseline: str, lang: Lang) -> str:
    projected = tally.shown("projected")
    target_text = number(target, lang) if target is not None else t("not_given", lang)
    if projected is None:
        return t("report_projected_unknown", lang, target=target_text, baseline=baseline)
    line = t("report_projected", lang, projected=number(projected, lang), target=target_text,
             scored=scored, leaves=leaves, baseline=baseline)
    if tally.partial:
        low, high = tally.bounds()
        line += " " + (t("report_projected_partial", lang, n=tally.unknown_projected,
                         low=number(low, lang), high=number(high, lang), baseline=baseline)
                       if low is not None and high is not None
                       else t("report_projected_partial_open", lang,
                              n=tally.unknown_projected, baseline=baseline))
    return line


def _need_line(need_low: Decimal | None, need_high: Decimal, over: Decimal, unknown: int,
               lang: Lang) -> str:
    if over > 0:
        return t("report_exceeds" if not unknown else "report_exceeds_at_least", lang,
                 over=number(over, lang))
    if need_high == 0:
        return t("report_reached", lang)
    if not unknown:
        return t("report_still", lang, need=number(need_high, lang))
    if need_low is None:
        return t("report_still_at_most", lang, need=number(need_high, lang))
    return t("report_still_range", lang, low=number(need_low, lang),
             high=number(need_high, lang))


def _signed(value: Decimal, lang: Lang) -> str:
    return ("+" if value > 0 else "") + number(value, lang)

