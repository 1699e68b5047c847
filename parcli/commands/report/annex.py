"""The meeting report's annex, after the one-page summary: the fields as printed, the data
problems (with the criteria no agency covers), the deadlines by quarter, and a footer
naming the files read with their SHA-256."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from parcli import __version__
from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.engine.agencies import Registry
from parcli.engine.checksum import CheckResult
from parcli.engine.fields import field_summaries
from parcli.engine.gap import LeafGap, province
from parcli.engine.schedule import DueItem, Schedule
from parcli.engine.tree import uncovered_leaves
from parcli.i18n import date_text, score_label, t
from parcli.load import display_path
from parcli.numbers import number
from parcli.output import Chart, Column, Section, Table
from parcli.problems import Level
from parcli.text import Lang

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Annex:
    """The annex's sections, and what the report's JSON says of the same things."""

    sections: list[Section]
    fields: list[dict[str, object]]
    uncovered: list[str]  # the codes of the leaves no assignment covers
    problems: dict[str, int]  # "rule:level" -> how many
    files: list[dict[str, str]]


def run(checked: Checked, sums: CheckResult, gaps: list[LeafGap], plan: Schedule | None,
        as_of: date, lang: Lang, soon: list[DueItem], days: int) -> Annex:
    """The annex (`plan`, the deadlines by quarter, is None without an assignments file;
    `soon`, what falls due within `days`, listed in full), its footer dated `as_of`."""
    dataset = checked.dataset
    registry = dataset.registry
    year = dataset.criteria_file.target_year
    sections = [Section(t("report_annex", lang), [], level=2)]
    field_rows, field_table, field_note = _fields(checked, lang)
    sections.append(Section(t("report_fields", lang), [field_table, field_note], level=3))
    counts = Counter((p.rule, p.level) for p in checked.problems)
    uncovered = ([node.code for node in uncovered_leaves(dataset.tree, dataset.mapped)]
                 if dataset.has("assignments") else [])
    sections.append(Section(t("report_problems", lang),
                            _problems(checked, sums, counts, gaps, uncovered, lang), level=3))
    sections.append(Section(t("report_deadlines", lang),
                            _deadlines(plan, soon, days, registry, lang, year)
                            if plan is not None
                            else [t("no_assignments_file", lang)], level=3))

    # The digest of the bytes that were parsed (read once), not of the file as it is now.
    files = [(source.path, getattr(dataset, source.kind).document.sha256 or "")
             for source in dataset.paths.sources()]
    folder = dataset.paths.criteria.parent if dataset.paths.criteria else Path()
    sections.append(Section(t("report_footer", lang), [
        t("report_files", lang, folder=display_path(folder) + "/", files="; ".join(
            f"{_relative(path, folder)} (SHA-256 {digest[:16]}…)" for path, digest in files)),
        t("report_generated", lang, version=__version__, date=date_text(as_of, lang))],
        level=3))
    return Annex(
        sections, [_field_json(row) for row in field_rows],
        uncovered,
        {f"{rule}:{level}": n for (rule, level), n in sorted(counts.items())},
        [{"file": _relative(path, folder), "sha256": digest} for path, digest in files])


def criteria_table(gaps: list[LeafGap], registry: Registry, lang: Lang) -> Table:
    """Leaf criteria with their points and leads: the summary's top losses, the annex's
    uncovered criteria."""
    rows = [{"code": g.node.code, "name": g.node.row.text.shown(lang),
             "lost": points.lost, "gain": points.gain, "lead": list(g.leads)}
            for g in gaps for points in [g.points]]
    return Table([Column("code", t("code", lang)), Column("name", t("criterion", lang)),
                  Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True),
                  Column("lead", t("lead", lang), values=agency_names(
                      registry, [a for g in gaps for a in g.leads], lang))], rows)


def agency_names(registry: Registry, ids: list[str], lang: Lang) -> dict[str, str]:
    """How the agencies `ids` read in `lang` (a Vietnamese-only name is `Untranslated` in
    English, marked as a criterion's name is), for a column of agency ids."""
    return {a: agency_text(registry, a).shown(lang) for a in dict.fromkeys(ids)}


def deadlines_json(plan: Schedule | None, soon: list[DueItem], registry: Registry,
                   year: int) -> dict[str, object] | None:
    """The deadlines by quarter, those passed, and what is due before the next meeting."""
    if plan is None:
        return None
    return {"quarters": [{"year": q.year, "quarter": q.quarter, "items": q.items,
                          "passed": q.passed} for q in plan.quarters],
            "undated": plan.undated,
            "passed": [{"code": d.item.code, "due": d.dated.isoformat() if d.dated else None,
                        "lead": registry.current_ids(d.item.lead, year)} for d in plan.passed],
            "next": [{"code": d.deliverable.item.code, "state": d.state,
                      "due": d.when.isoformat() if d.when else None} for d in soon]}


def _fields(checked: Checked, lang: Lang) -> tuple[list[dict[str, object]], Table, str]:
    """The fields as the document prints them, so that each row adds up across; where a
    printed subtotal disagrees with its rows, "Data problems" says so. Points needed and lost
    are labelled "as printed", and a note says so: `gap --by-field` adds up the leaves."""
    data = checked.dataset.criteria_file
    years = {"baseline": data.baseline_year, "target": data.target_year}
    points = [Column("max", t("max", lang), True),
              Column("baseline", score_label("baseline", years).in_(lang), True),
              Column("target", score_label("target", years).in_(lang), True),
              Column("gain", t("gain_printed", lang), True),
              Column("lost", t("lost_printed", lang), True)]
    rows: list[dict[str, object]] = [
        {"code": f.node.code, "name": f.node.row.text.shown(lang), "max": f.max,
         "baseline": f.baseline, "target": f.target, "gain": f.gain, "lost": f.lost,
         "baseline_pct": _percent(f.baseline_percent, lang),
         "target_pct": _percent(f.target_percent, lang),
         "percents": (f.baseline_percent, f.target_percent)}
        for f in field_summaries(checked.dataset.tree)]
    return rows, Table(
        [Column("code", t("code", lang)), Column("name", t("field", lang)), *points,
         Column("baseline_pct", _pct_label(years["baseline"], "pct_baseline", lang), True),
         Column("target_pct", _pct_label(years["target"], "pct_target", lang), True)], rows,
        chart=Chart(("code", "name"), ("baseline", "target", "max"))), t("report_fields_note",
                                                                       lang)


def _pct_label(year: int | None, otherwise: str, lang: Lang) -> str:
    return t("pct_of", lang, year=year) if year is not None else t(otherwise, lang)


def _field_json(row: dict[str, object]) -> dict[str, object]:
    """A fields row for JSON: percentages as numbers, whatever the language."""
    percents = row["percents"]
    assert isinstance(percents, tuple)
    return {key: value for key, value in row.items() if key != "percents"} | {
        "baseline_pct": percents[0], "target_pct": percents[1],
        "from": "printed"}  # the field's own row, not the sum of its leaf criteria


def _percent(value: Decimal | None, lang: Lang) -> str:
    """One decimal place, always (94.0%, as a share is printed), a comma in Vietnamese."""
    if value is None:
        return ""
    text = format(value, "f")
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


def _problems(checked: Checked, sums: CheckResult, counts: Counter[tuple[str, Level]],
              gaps: list[LeafGap], uncovered_codes: list[str], lang: Lang) -> list[str | Table]:
    from parcli.rules import catalogue

    status = sums.counts()
    blocks: list[str | Table] = [t("report_checksums", lang, errors=status["error"],
                                   acknowledged=status["acknowledged"],
                                   rounding=status["rounding"])]
    if counts:
        meaning = {rule.id: rule.description.in_(lang) for rule in catalogue()}
        blocks.append(Table([Column("rule", t("rule", lang)),
                             Column("meaning", t("meaning", lang)),
                             Column("level", t("level", lang)),
                             Column("count", t("count", lang), True)],
                            [{"rule": rule, "meaning": meaning.get(rule, ""),
                              "level": t(level, lang), "count": n}
                             for (rule, level), n in sorted(counts.items())]))
    dataset = checked.dataset
    if not dataset.has("assignments"):
        return [*blocks, t("no_assignments_file", lang)]
    codes = set(uncovered_codes)
    uncovered = [g for g in gaps if g.node.code in codes]
    if uncovered:
        summed = province(uncovered)  # the known values; unknown when none is known
        gain, lost = summed.shown("gain"), summed.shown("lost")
        blocks.append(t("report_uncovered", lang, n=len(uncovered),
                        gain=number(gain, lang) if gain is not None else t("unknown", lang),
                        lost=number(lost, lang) if lost is not None else t("unknown", lang)))
        blocks.append(criteria_table(uncovered, dataset.registry, lang))
    return blocks


def _deadlines(plan: Schedule, soon: list[DueItem], days: int, registry: Registry,
               lang: Lang, year: int) -> list[str | Table]:
    """The deadlines by quarter, then every task whose due date has passed and every one
    falling due within `days` (the summary lists the first of them only)."""
    rows: list[dict[str, object]] = [
        {"quarter": t("quarter_label", lang, q=ROMAN[q.quarter] if lang == "vi" else q.quarter,
                      year=q.year), "items": q.items, "overdue": q.passed}
        for q in plan.quarters]
    if plan.undated:
        rows.append({"quarter": f"{t('ongoing', lang)} / {t('per_regulation', lang)} / "
                                f"{t('no_date', lang)}", "items": plan.undated, "overdue": ""})
    blocks: list[str | Table] = [
        Table([Column("quarter", t("quarter", lang)), Column("items", t("items", lang), True),
               Column("overdue", t("overdue", lang), True)], rows),
        t("report_overdue", lang, as_of=date_text(plan.as_of, lang), n=len(plan.passed),
          total=plan.dated) if plan.passed
        else t("report_overdue_none", lang, as_of=date_text(plan.as_of, lang))]
    if plan.passed:
        leads = [registry.current_ids(d.item.lead, year) for d in plan.passed]
        blocks.append(Table(
            [Column("code", t("code", lang)), Column("title", t("title", lang)),
             Column("deadline", t("deadline", lang)), Column("due", t("due", lang)),
             Column("lead", t("lead", lang), values=agency_names(
                 registry, [a for lead in leads for a in lead], lang))],
            [{"code": d.item.code, "title": d.item.text.shown(lang), "deadline": d.item.deadline,
              "due": date_text(d.dated, lang) if d.dated else "", "lead": lead}
             for d, lead in zip(plan.passed, leads, strict=True)]))
    coming = [d for d in soon if d.state == "soon"]
    if coming:
        leads = [registry.current_ids(d.deliverable.item.lead, year) for d in coming]
        blocks.append(t("report_soon_list", lang, days=days, as_of=date_text(plan.as_of, lang)))
        blocks.append(Table(
            [Column("code", t("code", lang)), Column("title", t("title", lang)),
             Column("deadline", t("deadline", lang)), Column("due", t("due", lang)),
             Column("lead", t("lead", lang), values=agency_names(
                 registry, [a for lead in leads for a in lead], lang))],
            [{"code": d.deliverable.item.code, "title": d.deliverable.item.text.shown(lang),
              "deadline": d.deliverable.item.deadline,
              "due": date_text(d.when, lang) if d.when else "", "lead": lead}
             for d, lead in zip(coming, leads, strict=True)]))
    return blocks




def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.resolve().relative_to(folder.resolve()))
    except ValueError:
        return display_path(path)
