"""`parcli report`: the one-page summary for the monthly reform meeting."""

from __future__ import annotations

import hashlib
from collections import Counter
from decimal import Decimal
from pathlib import Path

from parcli import __version__
from parcli.engine.checksum import CheckResult, check_sums
from parcli.engine.fields import field_summaries
from parcli.engine.gap import (
    NO_LEAD,
    SURVEY,
    LeafGap,
    by_agency,
    leaf_gaps,
    province,
    rank,
    rank_leaves,
)
from parcli.engine.progress import Standing
from parcli.engine.schedule import Schedule, deliverables, schedule
from parcli.engine.tree import uncovered_leaves
from parcli.i18n import date_text, t
from parcli.numbers import minus, number
from parcli.options import ReportOptions
from parcli.problems import Level
from parcli.registry import Registry
from parcli.render import Column, Output, Section, Table
from parcli.service import Checked
from parcli.text import Lang

NEEDS = ("criteria", "assignments", "agencies")  # assignments: unless --no-assignments
OPTIONAL = ("results",)
TOLERATED: frozenset[str] = frozenset()
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def run(checked: Checked, options: ReportOptions) -> Output:
    lang, top = options.common.lang, options.top
    dataset = checked.dataset
    tree = dataset.tree
    data = dataset.criteria_file
    registry = dataset.registry
    gaps = leaf_gaps(tree, registry, dataset.mapped)
    sums = check_sums(tree, checked.tolerance)

    as_of, year_over = options.deadlines_at(data.target_year)
    headline = _headline(checked, sums, lang)
    if options.peers is not None:
        headline += _ranks(checked, options.peers, gaps, lang)
    if year_over:
        headline.append(t("due_year_over", lang, year=data.target_year,
                          as_of=date_text(as_of, lang)))
    title = t("report_title", lang, index=data.index.short, year=data.target_year,
              province=data.province.text.in_(lang))
    sections = [Section(title, list(headline), level=1)]

    field_rows = _fields(checked, lang, sections)

    ranked = rank(by_agency(gaps, "split"), "gain")
    shown = ranked[:top] + [g for g in ranked[top:] if g.key in (NO_LEAD, SURVEY)]
    agency_rows = [{"agency": registry.text(g.key).in_(lang), "gain": g.get("gain"),
                    "lost": g.get("lost"), "count": len(g.criteria)} for g in shown]
    agency_blocks: list[str | Table] = [Table(
        [Column("agency", t("agency", lang)), Column("gain", t("gain", lang), True),
         Column("lost", t("lost", lang), True),
         Column("count", t("criteria_count", lang), True)], agency_rows)]
    unknown = province(gaps).unknown
    if any(unknown.values()):
        agency_blocks.append(t("report_unknown", lang, gain=unknown["gain"],
                               lost=unknown["lost"]))
    sections.append(Section(t("report_agencies", lang, n=min(top, len(ranked))),
                            agency_blocks))

    worst = rank_leaves(gaps, "lost")[:top]
    sections.append(Section(t("report_criteria", lang, n=len(worst), year=data.baseline_year),
                            [_criteria_table(worst, registry, lang)]))

    counts = Counter((p.rule, p.level) for p in checked.problems)
    sections.append(Section(t("report_problems", lang),
                            _problems(checked, sums, counts, gaps, lang)))

    if dataset.has("assignments"):
        items = deliverables(tree, dataset.tasks(), dataset.assignments_file.year,
                             dataset.assignments_file.issued)
        deadlines = _deadlines(schedule(items, as_of), registry, lang, top)
    else:
        deadlines = [t("no_assignments_file", lang)]
    sections.append(Section(t("report_deadlines", lang), deadlines))

    files = [(source.path, getattr(dataset, source.kind).file)
             for source in dataset.paths.sources()]
    sections.append(Section(t("report_footer", lang), [
        Table([Column("file", t("file", lang)), Column("sha256", t("sha256", lang))],
              [{"file": shown_as, "sha256": _sha256(path)} for path, shown_as in files]),
        t("report_generated", lang, version=__version__,
          date=date_text(as_of, lang))]))
    json_data = {
        "title": title, "headline": headline, "fields": field_rows, "agencies": agency_rows,
        "criteria": [{"code": g.node.code, "lost": g.points.lost, "lead": list(g.leads)}
                     for g in worst],
        "problems": {f"{rule}:{level}": n for (rule, level), n in sorted(counts.items())},
        "files": [{"file": shown_as, "sha256": _sha256(path)} for path, shown_as in files],
    }
    return Output([], json_data, sections=sections)


def _headline(checked: Checked, sums: CheckResult, lang: Lang) -> list[str]:
    data = checked.dataset.criteria_file
    total = data.total
    rank_text = f"{data.rank.position}/{data.rank.of}" if data.rank else "—"
    gain = minus(total.target, total.baseline)
    headline = [t("report_headline", lang, baseline_year=data.baseline_year or "—",
                  baseline=_known(total.baseline), rank=rank_text,
                  target_year=data.target_year, target=_known(total.target),
                  gain=_known(gain))]
    for column_total in sums.totals:
        if column_total.difference:
            why = "; ".join(
                t("report_why", lang, code=f.code, column=t(f.column, lang).lower(),
                  printed=number(f.printed), computed=number(f.computed))
                for f in sums.findings
                if f.column == column_total.column and f.status != "rounding")
            headline.append(t("report_computed", lang, column=t(column_total.column, lang)
                              .lower(), computed=number(column_total.computed),
                              printed=number(column_total.printed), why=why or "—"))
    if data.sipas and data.sipas.baseline is not None:
        sipas = data.sipas
        printed = sipas.target_text_en if lang == "en" else sipas.target_text
        target_text = printed or sipas.target_text or (
            f"{number(sipas.target)}%" if sipas.target is not None else "—")
        headline.append(t("report_sipas", lang, baseline=number(sipas.baseline),
                          baseline_year=data.baseline_year or "—", target=target_text))
    return headline


def _known(value: Decimal | None) -> str:
    return number(value) if value is not None else "—"


def _fields(checked: Checked, lang: Lang, sections: list[Section]) -> list[dict[str, object]]:
    """The fields as the document prints them, so that each row adds up across; where a
    printed subtotal disagrees with its rows, "Data problems" says so."""
    data = checked.dataset.criteria_file
    years = {"baseline": data.baseline_year, "target": data.target_year}
    points = [Column("max", t("max", lang), True),
              Column("baseline", t("score_of", lang, year=years["baseline"]), True),
              Column("target", t("target_of", lang, year=years["target"]), True),
              Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True)]
    rows: list[dict[str, object]] = [
        {"code": f.node.code, "name": f.node.row.text.in_(lang), "max": f.max,
         "baseline": f.baseline, "target": f.target, "gain": f.gain, "lost": f.lost,
         "baseline_pct": _percent(f.baseline_percent), "target_pct": _percent(f.target_percent)}
        for f in field_summaries(checked.dataset.tree)]
    sections.append(Section(t("report_fields", lang), [Table(
        [Column("code", t("code", lang)), Column("name", t("field", lang)), *points,
         Column("baseline_pct", t("pct_of", lang, year=years["baseline"]), True),
         Column("target_pct", t("pct_of", lang, year=years["target"]), True)], rows)]))
    return rows


def _percent(value: Decimal | None) -> str:
    return f"{value}%" if value is not None else ""


def _problems(checked: Checked, sums: CheckResult, counts: Counter[tuple[str, Level]],
              gaps: list[LeafGap], lang: Lang) -> list[str | Table]:
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
    uncovered_codes = {node.code for node in uncovered_leaves(dataset.tree, dataset.mapped)}
    uncovered = [g for g in gaps if g.node.code in uncovered_codes]
    if uncovered:
        blocks.append(t("report_uncovered", lang, n=len(uncovered),
                        gain=number(sum((g.points.gain or Decimal(0) for g in uncovered),
                                        Decimal(0))),
                        lost=number(sum((g.points.lost or Decimal(0) for g in uncovered),
                                        Decimal(0)))))
        blocks.append(_criteria_table(uncovered, dataset.registry, lang))
    return blocks


def _criteria_table(gaps: list[LeafGap], registry: Registry, lang: Lang) -> Table:
    rows = [{"code": g.node.code, "name": g.node.row.text.in_(lang),
             "lost": g.points.lost, "gain": g.points.gain,
             "lead": ", ".join(registry.text(a).in_(lang) for a in g.leads)} for g in gaps]
    return Table([Column("code", t("code", lang)), Column("name", t("criterion", lang)),
                  Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True),
                  Column("lead", t("lead", lang))], rows)


def _deadlines(plan: Schedule, registry: Registry, lang: Lang, top: int) -> list[str | Table]:
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
          total=plan.dated)]
    if plan.passed:
        blocks.append(Table(
            [Column("code", t("code", lang)), Column("title", t("title", lang)),
             Column("deadline", t("deadline", lang)), Column("due", t("due", lang)),
             Column("lead", t("lead", lang))],
            [{"code": d.item.code, "title": d.item.text.in_(lang), "deadline": d.item.deadline,
              "due": date_text(d.dated, lang) if d.dated else "",
              "lead": ", ".join(registry.text(a).in_(lang) for a in registry.ids(d.item.lead))}
             for d in plan.passed[:top]]))
        if len(plan.passed) > top:
            blocks.append(t("report_more", lang, n=len(plan.passed) - top))
    return blocks


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ranks(checked: Checked, peers: Path, gaps: list[LeafGap], lang: Lang) -> list[str]:
    """The rank the printed target, and the projected total when results exist, would buy
    in a published table (the province itself left out of it)."""
    from parcli.engine.progress import project, standing
    from parcli.engine.progress import total as total_of
    from parcli.load import load_model
    from parcli.result_models import PeersFile
    from parcli.text import fold

    dataset = checked.dataset
    table: PeersFile = load_model(peers, PeersFile, None).model
    province = dataset.criteria_file.province.name
    pairs = [(p.province, p.score, p.rank) for p in table.provinces]
    own = next((name for name, _, _ in pairs if fold(name) == fold(province)), None)
    lines = []
    target = dataset.criteria_file.total.target
    if target is not None:
        found = standing(target, pairs, own, table.of)
        lines.append(t("report_rank_target", lang, score=number(target),
                       position=_position(found), of=found.of, year=table.year))
    if dataset.has("results"):
        scores: dict[str, tuple[Decimal, str]] = dict(dataset.results_file.latest())
        projected = total_of(project(gaps, scores, "baseline")).shown("projected")
        if projected is not None:
            found = standing(projected, pairs, own, table.of)
            lines.append(t("report_rank_projected", lang, score=number(projected),
                           position=_position(found), of=found.of, year=table.year))
    return lines


def _position(found: Standing) -> str:
    return str(found.position) if found.exact else f"{found.position}–{found.lowest}"
