"""`parcli progress`: where the province stands: each criterion's latest score (or the
assumption for those not scored yet), what it has won and what is still missing, by
criterion, agency or field, with a projected total that is the exact sum of its rows.

A criterion with no score whose assumption (`--assume baseline|target`) is unknown too has
no projection: it is counted as unknown, and every sum that leaves it out says it is a lower
bound ("at least", with the sum's bounds: the unknown criteria at their lowest score and at
their max). Against the target a row either still needs points or exceeds it, never a
negative need: JSON `to_target` is 0 or more (null when unknown) and `above_target` is what
the row exceeds its target by (0 or more, null when unknown); a group nets its criteria (one
above its target makes up for one below). JSON `unknown` counts a row's criteria without a
projection; the total gives `bounds` {low, high} of the projection (high null: no max).
Without an assignments file (`--no-assignments`) leads come from the criteria file alone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import (
    REPORTED,
    LeafProgress,
    Measure,
    Tally,
    against,
    by_agency,
    by_field,
)
from parcli.engine.progress import project as project_leaves
from parcli.engine.progress import total as total_of
from parcli.i18n import CATALOGUE, score_label, t
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.text import Lang
from parcli.vocabulary import Assume

View = Literal["criteria", "agencies", "fields"]
# assignments: only for leads the criteria file does not give (run without: --no-assignments)
SPEC = Spec(needs=("criteria", "agencies"), optional=("assignments", "results"))


@dataclass(frozen=True)
class Options:
    common: Common
    assume: Assume = "baseline"
    view: View = "criteria"


SHOWN: tuple[Measure, ...] = ("baseline", "target", "projected", "won", "to_target",
                              "above_target", "to_max")


def _project(checked: Checked, options: Options) -> list[LeafProgress]:
    dataset = checked.dataset
    gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
    scores: dict[str, tuple[Decimal, str]] = (
        dict(dataset.results_file.latest()) if dataset.has("results") else {})
    return project_leaves(gaps, scores, options.assume)


def _columns(lang: Lang, years: dict[str, int | None]) -> list[Column]:
    """The measures (the baseline and the target with their years, as the plan heads them);
    a sum that leaves unknown criteria out says so: the projection reads "(at least)", the
    others "(known criteria only)"."""
    return [Column(m, score_label(m, years).in_(lang) if m in ("baseline", "target")
                   else t(f"progress_{m}", lang), True, remark=f"partial_{m}",
                   remarks={"yes": t("at_least" if m == "projected" else "known_only", lang)})
            for m in SHOWN]


def _tally_row(tally: Tally) -> dict[str, object]:
    return ({m: tally.shown(m) for m in REPORTED} | {"count": len(tally.criteria)}
            | {"unknown": tally.unknown_projected}
            | {f"partial_{m}": "yes" if tally.partial_in(m) else None for m in SHOWN})


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    leaves = _project(checked, options)
    total = total_of(leaves)
    registry = dataset.registry
    plan = dataset.criteria_file
    years = {"baseline": plan.baseline_year, "target": plan.target_year}
    names = {leaf.node.code: leaf.node.row.text.shown(lang) for leaf in leaves}
    total_row = {"key": t("total", lang), "code": t("total", lang), **_tally_row(total)}
    if options.view == "criteria":
        rows = [{"code": leaf.node.code, "name": leaf.node.row.name,
                 "name_en": leaf.node.row.name_en, "label": names[leaf.node.code],
                 "score": leaf.score, "stage": leaf.stage, "basis": leaf.basis,
                 **{m: leaf.get(m) for m in SHOWN},
                 "lead": list(leaf.gap.leads)} for leaf in leaves]
        table = Table([Column("code", t("code", lang)), Column("label", t("name", lang)),
                       *_columns(lang, years), Column("basis", t("progress_basis", lang),
                                              values={b: t(f"basis_{b}", lang) for b in
                                                      ("score", "set", "assumed", "unknown")}),
                       Column("lead", t("lead", lang),
                              values={a: agency_text(registry, a).in_(lang) for leaf in leaves
                                      for a in leaf.gap.leads})],
                      rows, t("progress_title", lang, assume=_assumed(options.assume, years, lang)),
                      [total_row])
        data: list[dict[str, object]] = [
            {k: row[k] for k in ("code", "name", "name_en", "score", "stage", "basis", *SHOWN,
                                 "lead")} for row in rows]
    else:
        groups = by_agency(leaves) if options.view == "agencies" else by_field(leaves)
        agencies = options.view == "agencies"
        rows = [{"key": g.key, "label": (agency_text(registry, g.key) if agencies else
                                         dataset.tree.by_code[g.key].row.text).in_(lang),
                 **_tally_row(g)} for g in groups]
        key = "agency" if options.view == "agencies" else "field"
        if agencies:  # an agency reads by its name: its id only in csv and json
            total_row["label"] = total_row["key"]
        table = Table([Column("key", t(key, lang), human=not agencies),
                       Column("label", t("agency" if agencies else "name", lang)),
                       *_columns(lang, years), Column("count", t("criteria_count", lang), True),
                       Column("unknown", t("progress_unknown", lang), True)],
                      rows, t(f"progress_by_{key}", lang), [total_row])
        data = [{key: row["key"], **{m: row[m] for m in SHOWN}, "unknown": row["unknown"],
                 "criteria": g.criteria} for row, g in zip(rows, groups, strict=True)]
    notes = _notes(checked, leaves, total, options)
    if options.view != "criteria":  # the printed subtotals may differ: `check` shows where
        notes.insert(0, t("progress_summed_note", lang))
    return Output([table], {"assume": options.assume, "rows": data,
                            "total": {**{m: total.shown(m) for m in REPORTED},
                                      "unknown": total.unknown_projected,
                                      "bounds": dict(zip(("low", "high"), total.bounds(),
                                                         strict=True))},
                            "below_target": [{"code": leaf.node.code,
                                              "to_target": leaf.get("to_target"),
                                              "lead": list(leaf.gap.leads)}
                                             for leaf in leaves if leaf.below_target]},
                  notes=notes)


def _notes(checked: Checked, leaves: list[LeafProgress], total: Tally,
           options: Options) -> list[str]:
    lang = options.common.lang
    counts = {basis: sum(leaf.basis == basis for leaf in leaves)
              for basis in ("score", "set", "assumed", "unknown")}
    plan = checked.dataset.criteria_file
    years = {"baseline": plan.baseline_year, "target": plan.target_year}
    notes = [total_note(total, lang, scored=counts["score"], assumed=counts["assumed"],
                        assume=_assumed(options.assume, years, lang),
                        unknown=counts["unknown"])]
    unknown = {m: n for m, n in total.unknown.items()
               if n and m not in ("max", "low", "high")}
    if unknown:
        notes.append(t("gap_unknown_note", lang, counts=", ".join(
            t("unknown_count", lang, measure=t(f"progress_{m}", lang).lower(), n=n)
            for m, n in unknown.items())))
    printed = checked.dataset.criteria_file.total.target
    if printed is not None:
        notes += target_note(printed, total, lang, score_label("target", years).in_(lang))
    below = [leaf for leaf in leaves if leaf.below_target]
    if below:
        notes.append(t("progress_below", lang, n=len(below)))
    if not checked.dataset.has("results"):
        notes.append(t("no_results_note", lang))
    if not checked.dataset.has("assignments"):
        notes.append(t("no_assignments_note", lang))
    return notes


def _assumed(assume: Assume, years: dict[str, int | None], lang: Lang) -> str:
    """What unscored criteria are taken at, in a sentence: "điểm năm 2019" (the year from
    the data) in Vietnamese, "baseline" in English."""
    word = (score_label(assume, years) if lang == "vi" else CATALOGUE[assume]).in_(lang)
    return word[:1].lower() + word[1:]


def total_note(total: Tally, lang: Lang, **counts: object) -> str:
    """"Projected total 79.53: …", or, when criteria are unknown, "at least" with bounds."""
    projected = number(total.shown("projected"), lang)
    if not total.unknown_projected:
        unknown = t("unknown_some" if counts.get("unknown") else "unknown_none", lang,
                    n=counts.get("unknown"))
        return t("progress_total", lang, projected=projected, unknown_text=unknown, **counts)
    low, high = total.bounds()
    bounds = (t("bounds_both", lang, low=number(low, lang), high=number(high, lang))
              if high is not None else t("bounds_low", lang, low=number(low, lang)))
    return t("progress_total_partial", lang, projected=projected, bounds=bounds, **counts)


def target_note(printed: Decimal, total: Tally, lang: Lang, label: str) -> list[str]:
    """The points still needed for the printed target, or what the projection exceeds it
    by: exact, or bounded by the unknown criteria; never a negative need. `label`: the
    target's name ("Mục tiêu năm 2020", the year from the data)."""
    found = against(printed, total)
    if found is None:
        return []
    target = number(printed, lang)
    if found.over:
        key = "target_exceeded_at_least" if found.unknown else "target_exceeded"
        return [t(key, lang, target=target, label=label, over=number(found.over, lang),
                  n=found.unknown)]
    if not found.unknown:
        return [t("progress_against_target", lang, target=target, label=label,
                  missing=number(found.need_high, lang))]
    if found.need_low is None:
        return [t("target_need_at_most", lang, target=target, label=label,
                  high=number(found.need_high, lang), n=found.unknown)]
    return [t("target_need_range", lang, target=target, label=label,
              low=number(found.need_low, lang),
              high=number(found.need_high, lang), n=found.unknown)]
