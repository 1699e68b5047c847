"""`parcli assignments`: who delivers what, by when."""

from __future__ import annotations

from dataclasses import dataclass

from parcli.agency_text import agency_of, agency_text, listed_under
from parcli.checking import Checked
from parcli.commands import body_of, part_names
from parcli.commands.base import Common, Spec
from parcli.engine.deadlines import Due
from parcli.engine.schedule import deliverables
from parcli.i18n import date_text, t
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import Lang

SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("plan",))


@dataclass(frozen=True)
class Options:
    common: Common
    agency: str | None = None
    criterion: str | None = None
    body: bool = False  # also the plan file's Part II tasks and Part III duties



def due_text(due: Due | None, lang: Lang) -> str:
    if due is None:
        return ""
    if due.date is not None and due.kind == "date":
        return date_text(due.date, lang)  # ISO in English, dd/mm/yyyy as the plan writes
    if due.kind == "recurring" and due.every is not None:
        return t(f"every_{due.every}", lang)
    if due.kind in ("ongoing", "unscheduled"):
        return t(due.kind, lang)
    return t("per_regulation", lang)


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    registry = dataset.registry
    agency, criterion = options.agency, options.criterion
    if agency is not None:
        agency = agency_of(registry, agency, "", lang)
    notes = []
    if agency is not None:  # an agency that ceased before the year: its successor's list
        agency, moved = listed_under(registry, agency, dataset.assignments_file.year)
        notes += [moved.in_(lang)] if moved is not None else []
    codes = [row.code for row in dataset.criteria_file.criteria]
    codes += [item.code for item in dataset.assignments_file.assignments]
    if criterion is not None and not _within(criterion, codes):
        # like `parcli tree 9.9`: a code that names nothing is a typo, not an empty result
        raise UsageError(t("err_no_code", lang, code=criterion))
    rows: list[dict[str, object]] = []
    involved: dict[str, None] = {}
    for found in deliverables(dataset.tree, dataset.tasks(), dataset.assignments_file.year,
                              dataset.assignments_file.issued):
        item, due = found.item, found.due
        year = dataset.assignments_file.year  # a merged agency's tasks go to its successor
        lead, implementers = (registry.current_ids(item.lead, year),
                              registry.current_ids(item.implementers, year))
        if agency is not None and agency not in lead + implementers:
            continue
        if criterion is not None and not _within(criterion, [found.criterion or "", item.code]):
            continue
        involved.update(dict.fromkeys(lead + implementers))
        rows.append({"code": item.code, "criterion": found.criterion, "title": item.title,
                     "title_en": item.title_en, "label": item.text.shown(lang),
                     "product": item.product, "requirement": item.requirement,
                     "deadline": item.deadline, "due": found.dated.isoformat()
                     if found.dated else None,
                     "due_text": due_text(due, lang), "lead": lead, "implementers": implementers})
    if options.body:
        rows = [row | {"part": "appendix"} for row in rows]
        rows += _body_rows(checked, agency, criterion, lang, involved)
    names = {a: agency_text(registry, a).shown(lang) for a in involved}
    source = [Column("part", t("task_source", lang), values=part_names(lang))] \
        if options.body else []
    table = Table([*source,
                   Column("code", t("code", lang)), Column("criterion", t("criterion", lang)),
                   Column("label", t("title", lang)), Column("product", t("product", lang)),
                   Column("deadline", t("deadline", lang)), Column("due_text", t("due", lang)),
                   Column("lead", t("lead", lang), values=names),
                   Column("implementers", t("implementers", lang), values=names)],
                  rows, t("assignments_title", lang))
    keys: tuple[str, ...] = ("code", "criterion", "title", "title_en", "product",
                             "requirement", "deadline", "due", "lead", "implementers")
    if options.body:
        keys = ("part", *keys)
    return Output([table], [{k: row[k] for k in keys} for row in rows], notes=notes)


def _body_rows(checked: Checked, agency: str | None, criterion: str | None, lang: Lang,
               involved: dict[str, None]) -> list[dict[str, object]]:
    """The plan file's tasks and duties as rows: no product, deadline or lead of their own;
    a duty's agencies are its implementers. With --agency, the duties naming it and the
    tasks of the fields it leads criteria in."""
    from parcli.engine.body import for_agency, led_codes
    from parcli.engine.gap import leaf_gaps

    items = body_of(checked, lang)
    if agency is not None:
        dataset = checked.dataset
        gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
        items = for_agency(items, agency, led_codes(gaps, agency))
    if criterion is not None:
        items = [i for i in items if _within(criterion, list(i.criteria))]
    rows: list[dict[str, object]] = []
    for item in items:
        involved.update(dict.fromkeys(item.agencies))
        # a duty names who carries it out, not who leads it
        rows.append({"part": item.part, "code": item.code,
                     "criterion": ", ".join(item.criteria) or None,
                     "title": item.words.vi, "title_en": item.words.en
                     if item.words.en != item.words.vi else None,
                     "label": item.words.shown(lang), "product": None, "requirement": None,
                     "deadline": None, "due": None, "due_text": "",
                     "lead": [], "implementers": list(item.agencies)})
    return rows


def _within(code: str, codes: list[str]) -> bool:
    return any(known == code or known.startswith(code + ".") for known in codes)
