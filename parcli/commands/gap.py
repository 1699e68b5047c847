"""`parcli gap`: where the points are, per leaf criterion, per agency or per field."""

from __future__ import annotations

from typing import Literal

from parcli.commands import ensure_structure, pick
from parcli.dataset import Dataset
from parcli.engine.gap import (
    Basis,
    GroupGap,
    LeafGap,
    Shared,
    by_agency,
    by_field,
    leaf_gaps,
    province,
    rank,
    rank_leaves,
)
from parcli.engine.tree import CriteriaTree
from parcli.i18n import Lang, t
from parcli.problems import UsageError
from parcli.render import Column, Output, Table, number

View = Literal["leaves", "agencies", "fields"]


def compute(dataset: Dataset, field: str | None = None) -> tuple[CriteriaTree, list[LeafGap]]:
    ensure_structure(dataset)
    tree = dataset.tree
    gaps = leaf_gaps(tree, dataset.registry, dataset.mapped)
    if field is not None:
        if field not in {root.code for root in tree.roots}:
            raise UsageError(f"no field {field} (fields: "
                             f"{', '.join(root.code for root in tree.roots)})")
        gaps = [gap for gap in gaps if gap.node.field.code == field]
    return tree, gaps


def run(dataset: Dataset, lang: Lang, view: View, basis: Basis, shared: Shared,
        top: int | None, field: str | None, verbose: bool) -> Output:
    tree, gaps = compute(dataset, field)
    points = [Column(b, t(b, lang), True) for b in ("gain", "lost", "headroom")]
    total = province(gaps)
    total_row = {"code": t("total", lang), "key": t("total", lang), "gain": total.gain,
                 "lost": total.lost, "headroom": total.headroom, "count": len(gaps)}
    # The leaves' gain next to what the printed rows imply: the grand total's, or with
    # --field that field's own printed row (the province's would compare unlike with like).
    printed = tree.by_code[field].row if field is not None else dataset.criteria_file.total
    note = ""
    if printed.target is not None and printed.baseline is not None:
        note = t("gap_total_note", lang, leaves=number(total.gain),
                 printed_target=number(printed.target),
                 printed_baseline=number(printed.baseline),
                 printed_gain=number(printed.target - printed.baseline))
    if view == "leaves":
        ranked = rank_leaves(gaps, basis)
        _label_total(total_row, len(ranked), top, lang)
        rows = [_leaf_row(gap, lang) for gap in ranked[:top]]
        table = Table([Column("code", t("code", lang)), Column("label", t("name", lang)), *points,
                       Column("lead", t("lead", lang)),
                       Column("source_label", t("lead_source", lang))],
                      rows, t("gap_leaves", lang, basis=t(basis, lang).lower()), [total_row])
        data = [{k: row[k] for k in ("code", "name", "name_en", "gain", "lost", "headroom",
                                     "lead", "lead_source")} for row in rows]
        return Output([table], data, notes=[note] if note else [])
    if view == "agencies":
        groups = rank(by_agency(gaps, shared), basis)
        names = {g.key: dataset.registry.names(g.key) for g in groups}
        title = t("gap_agencies", lang, basis=t(basis, lang).lower(), shared=t(shared, lang))
        label = Column("key", t("agency", lang))
    else:
        groups = rank(by_field(gaps), basis)
        names = {g.key: (tree.by_code[g.key].row.name, tree.by_code[g.key].row.name_en)
                 for g in groups}
        title = t("gap_fields", lang, basis=t(basis, lang).lower())
        label = Column("key", t("field", lang))
    _label_total(total_row, len(groups), top, lang)
    rows = [_group_row(g, names[g.key], lang) for g in groups[:top]]
    columns = [label, Column("label", t("name", lang)), *points,
               Column("count", t("criteria_count", lang), True)]
    if verbose:
        columns.append(Column("criteria", t("criteria_codes", lang)))
    if shared == "full" and view == "agencies":
        total_row = {}  # under `full` a shared criterion counts once per lead: no true total
    data = [{"agency" if view == "agencies" else "field": row["key"], "name": row["name"],
             "name_en": row["name_en"], "gain": row["gain"], "lost": row["lost"],
             "headroom": row["headroom"], "criteria": row["criteria"]} for row in rows]
    return Output([Table(columns, rows, title, [total_row] if total_row else [])], data,
                  notes=[note] if note else [])


def _label_total(row: dict[str, object], count: int, top: int | None, lang: Lang) -> None:
    """Under --top the total still covers every row, and its label says so."""
    if top is not None and top < count:
        row["code"] = row["key"] = t("total_all", lang, n=count)


def _leaf_row(gap: LeafGap, lang: Lang) -> dict[str, object]:
    row = gap.node.row
    return {"code": row.code, "name": row.name, "name_en": row.name_en,
            "label": pick(row.name, row.name_en, lang), "gain": gap.points.gain,
            "lost": gap.points.lost, "headroom": gap.points.headroom, "lead": list(gap.leads),
            "lead_source": gap.lead_source, "source_label": t(gap.lead_source, lang)}


def _group_row(group: GroupGap, names: tuple[str, str], lang: Lang) -> dict[str, object]:
    return {"key": group.key, "name": names[0], "name_en": names[1],
            "label": pick(names[0], names[1], lang), "gain": group.points.gain,
            "lost": group.points.lost, "headroom": group.points.headroom,
            "count": len(group.criteria), "criteria": group.criteria}
