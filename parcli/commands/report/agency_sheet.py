"""`parcli report --agency ID` (and `--per-agency DIR`): the task sheet the Department of
Home Affairs sends one department: the criteria it leads with the points at stake (a shared
criterion's share shown as a share), its deliverables with requirement, deadline, status,
co-leads and implementers, and what has passed its due date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from parcli.agency_text import agency_text, listed_under
from parcli.checking import Checked
from parcli.commands.report import letter
from parcli.engine.agencies import Registry
from parcli.engine.body import led_codes
from parcli.engine.gap import LeafGap, leaf_gaps, split
from parcli.engine.schedule import deliverables, due_items
from parcli.i18n import date_text, t
from parcli.models.results import STATUSES
from parcli.output import Column, Output, Section, Table
from parcli.text import Lang


def run(checked: Checked, agency: str, lang: Lang, as_of: date, body: bool = False) -> Output:
    dataset = checked.dataset
    registry = dataset.registry
    year = dataset.criteria_file.target_year
    # An agency that ceased before the year: the sheet is its successor's, and says so.
    agency, moved = listed_under(registry, agency, year)
    name = agency_text(registry, agency).in_(lang)
    gaps = [g for g in leaf_gaps(dataset.tree, registry, dataset.mapped) if agency in g.leads]
    criteria_rows = [_criterion_row(gap, agency, registry, lang) for gap in gaps]
    plan = dataset.assignments_file
    statuses = ({code: s.status for code, s in dataset.results_file.status_of().items()}
                if dataset.has("results") else {})
    tasks = [d for d in deliverables(dataset.tree, dataset.tasks(), plan.year, plan.issued)
             if agency in registry.current_ids(d.item.lead + d.item.implementers, year)]
    task_rows = []
    for found in tasks:
        item = found.item
        leads = registry.current_ids(item.lead, year)
        task_rows.append({
            "code": item.code, "title": item.text.shown(lang), "product": item.product,
            "requirement": item.requirement, "deadline": item.deadline,
            "due": found.dated.isoformat() if found.dated else None,
            "due_text": date_text(found.dated, lang) if found.dated else "",
            "role": t("role_lead" if agency in leads else "role_implementer", lang),
            "co_leads": [agency_text(registry, a).shown(lang) for a in leads if a != agency],
            "implementers": [agency_text(registry, a).shown(lang)
                             for a in registry.current_ids(item.implementers, year) if a != agency],
            "status": statuses.get(item.code)})
    late = [d for d in due_items(tasks, statuses, as_of, 0) if d.state in ("overdue", "passed")]
    criteria_table = Table(
        [Column("code", t("code", lang)), Column("name", t("criterion", lang)),
         Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True),
         Column("share", t("share", lang)), Column("co_leads", t("co_leads", lang))],
        criteria_rows, t("sheet_criteria", lang, agency=name))
    task_table = Table(
        [Column("code", t("code", lang)), Column("title", t("title", lang)),
         Column("role", t("role", lang)), Column("product", t("product", lang)),
         Column("requirement", t("requirement", lang)),
         Column("deadline", t("deadline", lang)), Column("due_text", t("due", lang)),
         Column("status", t("status", lang), values={
             s: t(f"status_{s}", lang) for s in STATUSES}),
         Column("co_leads", t("co_leads", lang)),
         Column("implementers", t("implementers", lang))],
        task_rows, t("sheet_tasks", lang, agency=name))
    late_line = (t("sheet_late", lang, n=len(late), as_of=date_text(as_of, lang),
                   codes=", ".join(d.deliverable.item.code for d in late)) if late
                 else t("sheet_none_late", lang, as_of=date_text(as_of, lang)))
    title = t("sheet_title_plan", lang, agency=name, plan=letter.plan_name(checked, lang))
    moved_lines = [moved.in_(lang)] if moved is not None else []
    sections = [Section(title, [*moved_lines, t("sheet_intro", lang, n=len(gaps),
                                                tasks=len(tasks)), late_line], level=1),
                Section(t("sheet_criteria", lang, agency=name),
                        [replace(criteria_table, title=None)]),
                Section(t("sheet_tasks", lang, agency=name), [replace(task_table, title=None)])]
    duties, duty_rows = _duties(checked, agency, name, lang, body, led_codes(gaps, agency))
    sections[2:2] = duties  # before the tasks: Word gives the task table the landscape pages
    data = {"agency": agency, "name": agency_text(registry, agency).vi,
            "name_en": registry.by_id[agency].name_en, "criteria": criteria_rows,
            "tasks": [{k: v for k, v in row.items() if k != "due_text"} for row in task_rows],
            "late": [d.deliverable.item.code for d in late],
            **({"duties": duty_rows} if duty_rows is not None else {}),
            "as_of": as_of.isoformat()}
    return Output([criteria_table, task_table], data, notes=[*moved_lines, late_line],
                  sections=sections,
                  letter=letter.letter(checked, "sheet", lang, as_of.year, name), annex=1)


def _duties(checked: Checked, agency: str, name: str, lang: Lang, body: bool,
            led: set[str]) -> tuple[list[Section], list[dict[str, object]] | None]:
    """The plan file's duties naming the agency (Part III) and, with `body`, the Part II
    tasks of the fields it leads criteria in, each in its own section; nothing without a
    plan file."""
    from parcli.commands import body_of
    from parcli.engine.body import for_agency

    if not checked.dataset.has("plan") and not body:
        return [], None
    items = for_agency(body_of(checked, lang), agency, led)
    rows: list[dict[str, object]] = [
        {"code": item.code, "part": item.part, "text": item.words.shown(lang)}
        for item in items if body or item.part == "duty"]
    sections = []
    for part, heading, label in (("task", t("body_tasks_heading", lang), "body_task_text"),
                                 ("duty", t("duties_heading", lang), "duty_text")):
        if part == "task" and not body:
            continue
        mine = [row for row in rows if row["part"] == part]
        if not mine:
            sections.append(Section(heading, [t(f"{part}_none", lang, agency=name)]))
            continue
        sections.append(Section(heading, [Table(
            [Column("code", t("goal_where", lang)), Column("text", t(label, lang))], mine)]))
    return sections, rows


def _criterion_row(gap: LeafGap, agency: str, registry: Registry,
                   lang: Lang) -> dict[str, object]:
    """The agency's share of the criterion's points: the same cent-exact split as gap."""
    n = len(gap.leads)
    index = gap.leads.index(agency)
    gain = split(gap.points.gain, n)[index] if gap.points.gain is not None else None
    lost = split(gap.points.lost, n)[index] if gap.points.lost is not None else None
    return {"code": gap.node.code, "name": gap.node.row.text.shown(lang), "gain": gain,
            "lost": lost, "share": f"1/{n}" if n > 1 else "",
            "co_leads": [agency_text(registry, a).shown(lang) for a in gap.leads if a != agency],
            "points": {"gain": gap.points.gain, "lost": gap.points.lost}}


