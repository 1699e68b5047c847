"""`parcli progress`: where the province stands: each criterion's latest score (or the
assumption for those not scored yet), what it has won and what is still missing, by
criterion, agency or field, with a projected total that is the exact sum of its rows."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import MEASURES, LeafProgress, Measure, Tally, by_agency, by_field
from parcli.engine.progress import project as project_leaves
from parcli.engine.progress import total as total_of
from parcli.i18n import t
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.text import Lang
from parcli.vocabulary import Assume

View = Literal["criteria", "agencies", "fields"]
SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("results",))


@dataclass(frozen=True)
class Options:
    common: Common
    assume: Assume = "baseline"
    view: View = "criteria"


SHOWN: tuple[Measure, ...] = ("baseline", "target", "projected", "won", "to_target", "to_max")


def _project(checked: Checked, options: Options) -> list[LeafProgress]:
    dataset = checked.dataset
    gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
    scores: dict[str, tuple[Decimal, str]] = (
        dict(dataset.results_file.latest()) if dataset.has("results") else {})
    return project_leaves(gaps, scores, options.assume)


def _columns(lang: Lang) -> list[Column]:
    return [Column(m, t(f"progress_{m}", lang), True) for m in SHOWN]


def _tally_row(tally: Tally) -> dict[str, object]:
    return {m: tally.shown(m) for m in MEASURES} | {"count": len(tally.criteria)}


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    leaves = _project(checked, options)
    total = total_of(leaves)
    registry = dataset.registry
    names = {leaf.node.code: leaf.node.row.text.shown(lang) for leaf in leaves}
    total_row = {"key": t("total", lang), "code": t("total", lang), **_tally_row(total)}
    if options.view == "criteria":
        rows = [{"code": leaf.node.code, "name": leaf.node.row.name,
                 "name_en": leaf.node.row.name_en, "label": names[leaf.node.code],
                 "score": leaf.score, "stage": leaf.stage, "basis": leaf.basis,
                 **{m: leaf.get(m) for m in SHOWN},
                 "lead": list(leaf.gap.leads)} for leaf in leaves]
        table = Table([Column("code", t("code", lang)), Column("label", t("name", lang)),
                       *_columns(lang), Column("basis", t("progress_basis", lang),
                                              values={b: t(f"basis_{b}", lang) for b in
                                                      ("score", "set", "assumed", "unknown")}),
                       Column("lead", t("lead", lang),
                              values={a: agency_text(registry, a).in_(lang) for leaf in leaves
                                      for a in leaf.gap.leads})],
                      rows, t("progress_title", lang, assume=t(options.assume, lang).lower()),
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
        table = Table([Column("key", t(key, lang)), Column("label", t("name", lang)),
                       *_columns(lang), Column("count", t("criteria_count", lang), True)],
                      rows, t(f"progress_by_{key}", lang), [total_row])
        data = [{key: row["key"], **{m: row[m] for m in SHOWN}, "criteria": g.criteria}
                for row, g in zip(rows, groups, strict=True)]
    notes = _notes(checked, leaves, total, options)
    return Output([table], {"assume": options.assume, "rows": data,
                            "total": {m: total.shown(m) for m in MEASURES},
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
    notes = [t("progress_total", lang, projected=number(total.shown("projected"), lang),
               scored=counts["score"], assumed=counts["assumed"],
               assume=t(options.assume, lang).lower(), unknown=counts["unknown"])]
    unknown = {m: n for m, n in total.unknown.items() if n and m != "max"}
    if unknown:
        notes.append(t("gap_unknown_note", lang, counts=", ".join(
            t("unknown_count", lang, measure=t(f"progress_{m}", lang).lower(), n=n)
            for m, n in unknown.items())))
    printed = checked.dataset.criteria_file.total.target
    if printed is not None and total.shown("projected") is not None:
        notes.append(t("progress_against_target", lang, target=number(printed, lang),
                       missing=number(printed - total.sums["projected"], lang)))
    below = [leaf for leaf in leaves if leaf.below_target]
    if below:
        notes.append(t("progress_below", lang, n=len(below)))
    if not checked.dataset.has("results"):
        notes.append(t("no_results_note", lang))
    return notes
