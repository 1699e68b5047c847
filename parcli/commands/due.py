"""`parcli due`: which deliverables need chasing at a date: due dates passed (overdue only
where a results file says the task is not done), due dates within N days, and the ongoing
and per-regulation tasks apart. The year comes from the data, never from the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parcli.agency_text import agency_of, agency_text, listed_under
from parcli.checking import Checked
from parcli.commands import part_names
from parcli.commands.base import Common, Spec
from parcli.engine.requirements import meets, parse_requirement
from parcli.engine.schedule import DueItem, as_of_for, deliverables, due_items, statuses_at
from parcli.i18n import date_text, t
from parcli.models.results import AssignmentStatus
from parcli.output import Column, Output, Table
from parcli.text import Lang

SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("plan", "results"))


@dataclass(frozen=True)
class Options:
    common: Common
    today: date  # the clock, used only while the plan year runs
    as_of: date | None = None
    within: int = 30
    agency: str | None = None
    statuses: tuple[str, ...] = ()
    body: bool = False  # also the plan file's tasks and duties: ongoing, all year

STATES = ("overdue", "passed", "soon", "ongoing", "regulation", "undated")


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    registry = dataset.registry
    plan = dataset.assignments_file
    notes: list[str] = []
    if options.as_of is not None:
        as_of = options.as_of
    else:
        as_of, over = as_of_for(plan.year, options.today)
        if over:
            notes.append(t("due_year_over", lang, year=plan.year,
                           as_of=date_text(as_of, lang)))
    wanted = (agency_of(registry, options.agency, "--agency: ", lang)
              if options.agency is not None else None)
    recorded = statuses_at(dataset.results_file.statuses, as_of) \
        if dataset.has("results") else {}
    statuses: dict[str, str] = {code: status.status for code, status in recorded.items()}
    items = due_items(deliverables(dataset.tree, dataset.tasks(), plan.year, plan.issued),
                      statuses, as_of, options.within)
    if wanted is not None:  # one that ceased before the year: its successor's list
        agency, moved = listed_under(registry, wanted, plan.year)
        notes += [moved.in_(lang)] if moved is not None else []
        items = [d for d in items if agency in registry.current_ids(
            d.deliverable.item.lead + d.deliverable.item.implementers, plan.year)]
    if options.statuses:
        items = [d for d in items if (d.status or "unknown") in options.statuses]
    leads = [registry.current_ids(d.deliverable.item.lead, plan.year) for d in items]
    rows = [_row(d, lead) | {"threshold": threshold_state(
        d.deliverable.item.requirement, recorded.get(d.deliverable.item.code))}
        for d, lead in zip(items, leads, strict=True)]
    titles = [d.deliverable.item.text.shown(lang) for d in items]
    if options.body:
        rows = [row | {"part": "appendix"} for row in rows]
        body = _body_rows(checked, wanted and listed_under(registry, wanted, plan.year)[0],
                          statuses, options.statuses, lang)
        rows += [row for row, _, _ in body]
        titles += [title for _, title, _ in body]
        leads += [lead for _, _, lead in body]
    states = {state: t(f"due_{state}", lang) for state in STATES}
    names = {a: agency_text(registry, a).in_(lang) for lead in leads for a in lead}
    part = [Column("part", t("task_source", lang), values=part_names(lang))] \
        if options.body else []
    table = Table(
        [*part, Column("state", t("due_state", lang), values=states),
         Column("code", t("code", lang)), Column("title", t("title", lang)),
         Column("deadline", t("deadline", lang)),
         Column("due", t("due", lang), values={  # csv keeps the ISO date, whatever --lang
             d.when.isoformat(): date_text(d.when, lang) for d in items if d.when}),
         Column("status", t("due_status", lang), values={s: t(f"status_{s}", lang) for s in
                                                      ("not-started", "in-progress")}),
         Column("lead", t("lead", lang), values=names),
         Column("threshold", t("threshold", lang),
                values={s: t(f"threshold_{s}", lang) for s in THRESHOLD_STATES})],
        [row | {"title": title} for row, title in zip(rows, titles, strict=True)],
        t("due_title", lang, as_of=date_text(as_of, lang), within=options.within))
    counts = {state: sum(row["state"] == state for row in rows) for state in STATES}
    notes.append(due_summary(counts, lang))
    if not dataset.has("results"):
        notes.append(t("due_no_results", lang))
    return Output([table], {"as_of": as_of.isoformat(), "within": options.within,
                            "items": rows, "counts": counts}, notes=notes)


def due_summary(counts: dict[str, int], lang: Lang) -> str:
    """"2 overdue, 0 due soon, …"; in Vietnamese "Không có nhiệm vụ quá hạn; 2 nhiệm vụ đã
    qua thời hạn (chưa rõ kết quả); …" (a zero is said in words)."""
    parts = [t("due_part" if counts[state] else "due_part_none", lang, n=counts[state],
               what=t(f"due_what_{state}", lang)) for state in STATES]
    text = t("due_part_sep", lang).join(parts)
    return text[:1].upper() + text[1:] + "."



THRESHOLD_STATES = ("met", "not-met", "not-measured", "several")


def threshold_state(requirement: str | None, status: AssignmentStatus | None) -> str | None:
    """Whether a task's measurable requirement is met by the value the results record: None
    when the requirement is prose (or absent)."""
    thresholds = parse_requirement(requirement) if requirement else []
    if not thresholds:
        return None
    if len(thresholds) > 1:
        return "several"  # one measured value cannot answer two thresholds
    if status is None or status.measured is None:
        return "not-measured"
    return "met" if meets(thresholds[0], status.measured) else "not-met"


def _body_rows(checked: Checked, agency: str | None, statuses: dict[str, str],
               wanted: tuple[str, ...], lang: Lang,
               ) -> list[tuple[dict[str, object], str, list[str]]]:
    """The plan file's tasks and duties, each with its display title: the body gives them no
    deadline, so they are undated; their status as recorded."""
    from parcli.commands import body_of
    from parcli.engine.body import for_agency, led_codes
    from parcli.engine.gap import leaf_gaps

    items = body_of(checked, lang)
    if agency is not None:
        dataset = checked.dataset
        gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
        items = for_agency(items, agency, led_codes(gaps, agency))
    found: list[tuple[dict[str, object], str, list[str]]] = []
    for item in items:
        status = statuses.get(item.code)
        if wanted and (status or "unknown") not in wanted:
            continue
        if status in ("done", "dropped"):
            continue  # never due
        # the body prints no deadline and no lead: undated, and a duty's agencies carry it
        # out (its text names them) rather than lead it
        found.append(({"part": item.part, "state": "undated", "code": item.code,
                       "title": item.words.vi, "deadline": None, "due": None, "dues": [],
                       "status": status, "lead": [], "threshold": None},
                      item.words.shown(lang), []))
    return found


def _row(item: DueItem, lead: list[str]) -> dict[str, object]:
    """A row of the JSON: `due` is the date the task is judged by, `dues` every due date
    ("Quý I, II" has two; a recurring deadline lists its next one)."""
    assignment, due = item.deliverable.item, item.deliverable.due
    dues = due.dates if due is not None and due.kind == "date" else \
        (item.when,) if item.when else ()
    return {"state": item.state, "code": assignment.code, "title": assignment.title,
            "deadline": assignment.deadline,
            "due": item.when.isoformat() if item.when else None,
            "dues": [day.isoformat() for day in dues],
            "status": item.status, "lead": lead}
