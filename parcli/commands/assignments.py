"""`parcli assignments`: who delivers what, by when."""

from __future__ import annotations

from parcli.commands import ensure_structure, pick
from parcli.dataset import Dataset
from parcli.engine.deadlines import Due, parse_deadline
from parcli.i18n import Lang, t
from parcli.models import Assignment
from parcli.problems import UsageError
from parcli.render import Column, Output, Table


def items(dataset: Dataset) -> list[tuple[Assignment, str | None, Due | None]]:
    """Every assignment that carries a deliverable, with its criterion code and due date."""
    ensure_structure(dataset)
    tree = dataset.tree
    data = dataset.assignments_file
    result = []
    for item in data.assignments:
        if item.product:
            node = tree.nearest(item.code)
            due = parse_deadline(item.deadline, data.year) if item.deadline else None
            result.append((item, node.code if node else None, due))
    return result


def due_text(due: Due | None, lang: Lang) -> str:
    if due is None:
        return ""
    if due.date is not None:
        return due.date.isoformat()
    return t("ongoing" if due.kind == "ongoing" else "per_regulation", lang)


def run(dataset: Dataset, lang: Lang, agency: str | None, criterion: str | None) -> Output:
    registry = dataset.registry
    if agency is not None and agency not in registry.by_id:
        raise UsageError(f"no agency with id {agency!r} (see 'parcli agencies')")
    if criterion is not None and not _known_code(dataset, criterion):
        # like `parcli tree 9.9`: a code that names nothing is a typo, not an empty result
        raise UsageError(f"no criterion or assignment with code {criterion}")
    rows = []
    for item, code, due in items(dataset):
        lead, implementers = registry.ids(item.lead), registry.ids(item.implementers)
        if agency is not None and agency not in lead + implementers:
            continue
        if criterion is not None and not any(
                c == criterion or c.startswith(criterion + ".") for c in (code or "", item.code)):
            continue
        rows.append({"code": item.code, "criterion": code, "title": item.title,
                     "title_en": item.title_en, "label": pick(item.title, item.title_en, lang),
                     "product": item.product, "requirement": item.requirement,
                     "deadline": item.deadline,
                     "due": due.date.isoformat() if due and due.date else None,
                     "due_text": due_text(due, lang), "lead": lead, "implementers": implementers})
    table = Table([Column("code", t("code", lang)), Column("criterion", t("criterion", lang)),
                   Column("label", t("title", lang)), Column("product", t("product", lang)),
                   Column("deadline", t("deadline", lang)), Column("due_text", t("due", lang)),
                   Column("lead", t("lead", lang)),
                   Column("implementers", t("implementers", lang))],
                  rows, t("assignments_title", lang))
    keys = ("code", "criterion", "title", "title_en", "product", "requirement", "deadline",
            "due", "lead", "implementers")
    return Output([table], [{k: row[k] for k in keys} for row in rows])


def _known_code(dataset: Dataset, code: str) -> bool:
    codes = [row.code for row in dataset.criteria_file.criteria]
    codes += [item.code for item in dataset.assignments_file.assignments]
    return any(known == code or known.startswith(code + ".") for known in codes)
