"""`parcli gap`: where the points are, per leaf criterion, per agency, per field or per
scoring method."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from parcli.agency_text import agency_text, merge_note
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import (
    GroupGap,
    LeadSource,
    LeafGap,
    by_agency,
    by_field,
    by_method,
    leaf_gaps,
    only_field,
    province,
    rank,
    rank_leaves,
)
from parcli.i18n import label, t
from parcli.numbers import minus, number
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import LANGS, Lang, Text
from parcli.vocabulary import BASES, Basis, Shared

# assignments: unless --no-assignments
View = Literal["leaves", "agencies", "fields", "methods"]
SPEC = Spec(needs=("criteria", "assignments", "agencies"))


@dataclass(frozen=True)
class Options:
    common: Common
    view: View = "leaves"
    basis: Basis = "gain"
    shared: Shared = "split"
    top: int | None = None
    field: str | None = None
    verbose: bool = False

SOURCES = {lang: {source: t(source, lang) for source in get_args(LeadSource)}
           for lang in LANGS}


def run(checked: Checked, options: Options) -> Output:
    lang, top, basis = options.common.lang, options.top, options.basis
    dataset = checked.dataset
    tree = dataset.tree
    gaps = leaf_gaps(tree, dataset.registry, dataset.mapped)
    if options.field is not None:
        kept = only_field(tree, gaps, options.field)
        if kept is None:
            raise UsageError(t("err_no_field", lang, code=options.field,
                               fields=", ".join(root.code for root in tree.roots)))
        gaps = kept
    points = [Column(b, t(b, lang), True) for b in BASES]
    total = province(gaps)
    total_row: dict[str, object] = {"code": t("total", lang), "key": t("total", lang),
                                    **_sums(total), "count": len(gaps)}
    notes = _notes(checked, options, total)
    year = tree.data.target_year
    merged = {lead: dataset.registry.merged_into(lead, year)
              for lead in dict.fromkeys(lead for gap in gaps for lead in gap.leads)}
    if options.view in ("leaves", "agencies"):  # whose points the leads' rows now hold
        notes += [note.in_(lang) for agencies in merged.values() for agency in agencies
                  if (note := merge_note(dataset.registry, agency.id, year)) is not None]
    if options.view == "leaves":
        ranked = rank_leaves(gaps, basis)
        _label_total(total_row, len(ranked), top, lang, "criteria")
        rows = [_leaf_row(gap, lang) for gap in ranked[:top]]
        table = Table([Column("code", t("code", lang)), Column("label", t("leaf_name", lang)),
                       *points, Column("lead", t("lead", lang), values={
                           a: agency_text(dataset.registry, a).shown(lang)
                           for gap in ranked[:top] for a in gap.leads}),
                       Column("lead_source", t("lead_source", lang), values=SOURCES[lang])],
                      rows, t("gap_leaves", lang, basis=t(basis, lang).lower()), [total_row])
        data = [{k: row[k] for k in ("code", "name", "name_en", "gain", "lost", "headroom",
                                     "lead", "lead_source")} for row in rows]
        return Output([table], data, notes=notes)
    names: dict[str, Text]
    if options.view == "agencies":
        groups = rank(by_agency(gaps, options.shared), basis)
        names = {g.key: agency_text(dataset.registry, g.key) for g in groups}
        title = t("gap_agencies", lang, basis=t(basis, lang).lower(),
                  shared=t(options.shared, lang))
        key_label, json_key = t("agency", lang), "agency"
    elif options.view == "methods":
        groups = rank(by_method(gaps), basis)
        names = {g.key: label(g.key) for g in groups}
        title = t("gap_methods", lang, basis=t(basis, lang).lower())
        key_label, json_key = t("method", lang), "method"
    else:
        groups = rank(by_field(gaps), basis)
        names = {g.key: tree.by_code[g.key].row.text for g in groups}
        title = t("gap_fields", lang, basis=t(basis, lang).lower())
        key_label, json_key = t("field", lang), "field"
    if options.view == "fields":  # a field's figures can also be read from its printed row
        points = [Column(b, t(f"{b}_summed", lang), True) for b in BASES]
    _label_total(total_row, len(groups), top, lang, options.view)
    rows = [_group_row(g, names[g.key], lang) for g in groups[:top]]
    # a method is a key, not a name: people read it in their language (csv, json keep keys)
    shown = ({g.key: names[g.key].in_(lang) for g in groups} if options.view == "methods"
             else None)
    # an agency reads by its name: its id only in csv and json
    agencies = options.view == "agencies"
    if agencies:
        total_row["label"] = total_row["key"]
    columns = [Column("key", key_label, values=shown, human=not agencies),
               Column("label", t("name" if not agencies else "agency", lang)), *points,
               Column("count", t("criteria_count", lang), True)]
    if options.verbose:
        columns.append(Column("criteria", t("criteria_codes", lang)))
    footer = [total_row]
    if options.shared == "full" and options.view == "agencies":
        footer = []  # under `full` a shared criterion counts once per lead: no true total
    data = [{json_key: row["key"], "name": row["name"], "name_en": row["name_en"],
             "gain": row["gain"], "lost": row["lost"], "headroom": row["headroom"],
             "criteria": row["criteria"]}
            | ({"merged": [{"id": agency.id, "until": agency.until.isoformat()
                            if agency.until else None}
                           for agency in merged[str(row["key"])]]}
               if options.view == "agencies" and merged.get(str(row["key"])) else {})
            for row in rows]
    return Output([Table(columns, rows, title, footer)], data, notes=notes)


def _notes(checked: Checked, options: Options, total: GroupGap) -> list[str]:
    """The leaves' gain next to what the printed rows imply (the grand total's, or with
    --field that field's own printed row), and how many values are unknown."""
    lang = options.common.lang
    dataset = checked.dataset
    printed = (dataset.tree.by_code[options.field].row if options.field is not None
               else dataset.criteria_file.total)
    notes = []
    printed_gain = minus(printed.target, printed.baseline)
    if printed_gain is not None and printed.target is not None and printed.baseline is not None:
        summed = total.shown("gain")  # the sum of unknowns is unknown, not 0
        notes.append(t("gap_total_note", lang, leaves=number(summed, lang)
                       if summed is not None else t("unknown_value", lang),
                       printed_target=number(printed.target, lang),
                       printed_baseline=number(printed.baseline, lang),
                       printed_gain=number(printed_gain, lang)))
    unknown = {basis: n for basis, n in total.unknown.items() if n}
    if unknown:
        notes.append(t("gap_unknown_note", lang, counts=", ".join(
            t("unknown_count", lang, measure=t(basis, lang).lower(), n=n)
            for basis, n in unknown.items())))
    if not dataset.has("assignments"):
        notes.append(t("no_assignments_note", lang))
    return notes


def _label_total(row: dict[str, object], count: int, top: int | None, lang: Lang,
                 unit: str) -> None:
    """Under --top the total still covers every row, and its label says so (and of what)."""
    if top is not None and top < count:
        row["code"] = row["key"] = t("total_all", lang, n=count, unit=t(f"unit_{unit}", lang))


def _leaf_row(gap: LeafGap, lang: Lang) -> dict[str, object]:
    row, points = gap.node.row, gap.points
    return {"code": row.code, "name": row.name, "name_en": row.name_en,
            "label": row.text.shown(lang), "gain": points.gain,
            "lost": points.lost, "headroom": points.headroom, "lead": list(gap.leads),
            "lead_source": gap.lead_source}


def _group_row(group: GroupGap, name: Text, lang: Lang) -> dict[str, object]:
    return {"key": group.key, "name": name.vi, "name_en": name.en if name.en != name.vi
            else None, "label": name.in_(lang), **_sums(group),
            "count": len(group.criteria), "criteria": group.criteria}


def _sums(group: GroupGap) -> dict[str, object]:
    return {basis: group.shown(basis) for basis in BASES}
