"""`parcli report`: the one-page summary for the monthly reform meeting."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

from parcli import __version__
from parcli.commands import pick
from parcli.commands.assignments import items
from parcli.commands.gap import compute
from parcli.commands.validate import collect
from parcli.dataset import Dataset
from parcli.engine.checksum import check
from parcli.engine.gap import LeafGap, by_agency, rank, rank_leaves
from parcli.i18n import Lang, date_text, t
from parcli.registry import NO_LEAD
from parcli.render import Column, Output, Section, Table, number

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def percent(part: Decimal | None, whole: Decimal | None) -> str:
    if part is None or not whole:
        return ""
    return f"{(part * 100 / whole).quantize(Decimal('0.1'))}%"


def run(dataset: Dataset, lang: Lang, top: int, as_of: date, tolerance: Decimal) -> Output:
    tree, gaps = compute(dataset)
    data = dataset.criteria_file
    registry = dataset.registry
    sums = check(tree, tolerance)

    # 1. Headline
    total = data.total
    rank_text = f"{data.rank.position}/{data.rank.of}" if data.rank else "—"
    headline: list[str | Table] = [t("report_headline", lang, baseline_year=data.baseline_year,
                  baseline=number(total.baseline), rank=rank_text,
                  target_year=data.target_year, target=number(total.target),
                  gain=number(total.target - total.baseline))]
    for column_total in sums.totals:
        if column_total.computed is not None and column_total.computed != column_total.printed:
            why = "; ".join(
                t("report_why", lang, code=f.code, column=t(f.column, lang).lower(),
                  printed=number(f.printed), computed=number(f.computed))
                for f in sums.findings
                if f.column == column_total.column and f.status != "rounding")
            headline.append(t("report_computed", lang, column=t(column_total.column, lang).lower(),
                              computed=number(column_total.computed),
                              printed=number(column_total.printed), why=why or "—"))
    if data.sipas:
        target_text = pick(data.sipas.target_text or "", data.sipas.target_text_en or "", lang) \
            or f"{number(data.sipas.target)}%"
        headline.append(t("report_sipas", lang, baseline=number(data.sipas.baseline),
                          baseline_year=data.baseline_year, target=target_text))
    title = t("report_title", lang, index=data.index.short, year=data.target_year,
              province=pick(data.province.name, data.province.name_en, lang))
    sections = [Section(title, headline, level=1)]

    # 2. Fields
    years = {"baseline": data.baseline_year, "target": data.target_year}
    points = [Column("max", t("max", lang), True),
              Column("baseline", t("score_of", lang, year=years["baseline"]), True),
              Column("target", t("target_of", lang, year=years["target"]), True),
              Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True)]
    # The fields as the document prints them, so that each row adds up across; where a
    # printed subtotal disagrees with its rows, "Data problems" says so.
    field_rows = []
    for root in tree.roots:
        row = root.row
        field_rows.append({
            "code": root.code, "name": pick(row.name, row.name_en, lang), "max": row.max,
            "baseline": row.baseline, "target": row.target,
            "gain": _minus(row.target, row.baseline), "lost": _minus(row.max, row.baseline),
            "baseline_pct": percent(row.baseline, row.max),
            "target_pct": percent(row.target, row.max)})
    sections.append(Section(t("report_fields", lang), [Table(
        [Column("code", t("code", lang)), Column("name", t("field", lang)), *points,
         Column("baseline_pct", t("pct_of", lang, year=years["baseline"]), True),
         Column("target_pct", t("pct_of", lang, year=years["target"]), True)], field_rows)]))

    # 3. Agencies
    ranked = rank(by_agency(gaps, "split"), "gain")
    shown = ranked[:top] + [g for g in ranked[top:] if g.key == NO_LEAD]
    agency_rows = [{"agency": pick(*registry.names(g.key), lang), "gain": g.points.gain,
                    "lost": g.points.lost, "count": len(g.criteria)} for g in shown]
    sections.append(Section(t("report_agencies", lang, n=min(top, len(ranked))), [Table(
        [Column("agency", t("agency", lang)), Column("gain", t("gain", lang), True),
         Column("lost", t("lost", lang), True),
         Column("count", t("criteria_count", lang), True)], agency_rows)]))

    # 4. Criteria by lost points
    worst = rank_leaves(gaps, "lost")[:top]
    sections.append(Section(t("report_criteria", lang, n=len(worst), year=data.baseline_year),
                            [_criteria_table(worst, dataset, lang)]))

    # 5. Data problems
    problems = collect(dataset, tolerance)
    counts = Counter((p.rule, p.level) for p in problems)
    status = Counter(f.status for f in sums.findings)
    uncovered_codes = {p.code for p in problems if p.rule == "uncovered-criterion"}
    uncovered = [g for g in gaps if g.node.code in uncovered_codes]
    blocks: list[str | Table] = [t("report_checksums", lang, errors=status["error"],
                                   acknowledged=status["acknowledged"],
                                   rounding=status["rounding"])]
    if counts:
        from parcli.rules import catalogue

        meaning = {info.id: pick(info.description_vi, info.description, lang)
                   for info in catalogue()}
        blocks.append(Table([Column("rule", t("rule", lang)),
                             Column("meaning", t("meaning", lang)),
                             Column("level", t("level", lang)),
                             Column("count", t("count", lang), True)],
                            [{"rule": rule, "meaning": meaning.get(rule, ""),
                              "level": t(level, lang), "count": n}
                             for (rule, level), n in sorted(counts.items())],
                            title=None))
    if uncovered:
        blocks.append(t("report_uncovered", lang, n=len(uncovered),
                        gain=number(sum((g.points.gain for g in uncovered), Decimal(0))),
                        lost=number(sum((g.points.lost for g in uncovered), Decimal(0)))))
        blocks.append(_criteria_table(uncovered, dataset, lang))
    sections.append(Section(t("report_problems", lang), blocks))

    # 6. Deadlines
    sections.append(Section(t("report_deadlines", lang), _deadlines(dataset, lang, as_of, top)))

    # 7. Footer
    files = [dataset.criteria.file, dataset.assignments.file, dataset.agencies.file]
    paths = [dataset.paths.criteria, dataset.paths.assignments_path, dataset.paths.agencies_path]
    sections.append(Section(t("report_footer", lang), [
        Table([Column("file", t("file", lang)), Column("sha256", t("sha256", lang))],
              [{"file": f, "sha256": _sha256(p)} for f, p in zip(files, paths, strict=True)]),
        t("report_generated", lang, version=__version__, date=date_text(as_of, lang))]))
    json_data = {
        "title": title, "headline": headline, "fields": field_rows, "agencies": agency_rows,
        "criteria": [{"code": g.node.code, "lost": g.points.lost, "lead": list(g.leads)}
                     for g in worst],
        "problems": {f"{rule}:{level}": n for (rule, level), n in sorted(counts.items())},
        "files": [{"file": f, "sha256": _sha256(p)} for f, p in zip(files, paths, strict=True)],
    }
    return Output([], json_data, sections=sections)


def _minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else a - b


def _criteria_table(gaps: list[LeafGap], dataset: Dataset, lang: Lang) -> Table:
    registry = dataset.registry
    rows = [{"code": g.node.code, "name": pick(g.node.row.name, g.node.row.name_en, lang),
             "lost": g.points.lost, "gain": g.points.gain,
             "lead": ", ".join(pick(*registry.names(a), lang) for a in g.leads)} for g in gaps]
    return Table([Column("code", t("code", lang)), Column("name", t("criterion", lang)),
                  Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True),
                  Column("lead", t("lead", lang))], rows)


def _deadlines(dataset: Dataset, lang: Lang, as_of: date, top: int) -> list[str | Table]:
    by_quarter: Counter[tuple[int, int]] = Counter()
    overdue_by_quarter: Counter[tuple[int, int]] = Counter()
    undated = 0
    overdue = []
    for item, _code, due in items(dataset):
        if due is None or due.date is None:
            undated += 1
            continue
        key = (due.date.year, due.quarter or 0)
        by_quarter[key] += 1
        if due.date < as_of:
            overdue_by_quarter[key] += 1
            overdue.append((due.date, item))
    rows: list[dict[str, object]] = [
        {"quarter": t("quarter_label", lang, q=ROMAN[q] if lang == "vi" else q, year=year),
         "items": n, "overdue": overdue_by_quarter[(year, q)]}
        for (year, q), n in sorted(by_quarter.items())]
    if undated:
        rows.append({"quarter": f"{t('ongoing', lang)} / {t('per_regulation', lang)} / "
                                f"{t('no_date', lang)}", "items": undated, "overdue": ""})
    dated = sum(by_quarter.values())
    blocks: list[str | Table] = [
        Table([Column("quarter", t("quarter", lang)), Column("items", t("items", lang), True),
               Column("overdue", t("overdue", lang), True)], rows),
        t("report_overdue", lang, as_of=date_text(as_of, lang), n=len(overdue), total=dated)]
    overdue.sort(key=lambda pair: (pair[0], pair[1].code))
    if overdue:
        registry = dataset.registry
        blocks.append(Table(
            [Column("code", t("code", lang)), Column("title", t("title", lang)),
             Column("deadline", t("deadline", lang)), Column("due", t("due", lang)),
             Column("lead", t("lead", lang))],
            [{"code": item.code, "title": pick(item.title, item.title_en, lang),
              "deadline": item.deadline, "due": date_text(when, lang),
              "lead": ", ".join(pick(*registry.names(a), lang)
                                for a in registry.ids(item.lead))}
             for when, item in overdue[:top]],
            title=None))
        if len(overdue) > top:
            blocks.append(t("report_more", lang, n=len(overdue) - top))
    return blocks


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
