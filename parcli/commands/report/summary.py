"""`parcli report`: the one-page summary for the monthly reform meeting."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parcli import __version__
from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.report.options import Options
from parcli.engine.agencies import Registry
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
    with_ties,
)
from parcli.engine.schedule import DueItem, Schedule, deliverables, due_items, schedule
from parcli.engine.tree import uncovered_leaves
from parcli.i18n import date_text, t
from parcli.load import display_path
from parcli.numbers import minus, number
from parcli.output import Chart, Column, Output, Section, Table
from parcli.problems import Level, UsageError
from parcli.text import Lang

if TYPE_CHECKING:
    from parcli.engine.ranking import Standing

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def run(checked: Checked, options: Options) -> Output:
    """One page of summary (headline, changes since the last report, the agencies with the
    most points still needed, the criteria that lost the most, what is due before the next
    meeting), then an annex (fields, data problems, uncovered criteria, deadlines), then a
    small footer naming the files read."""
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
              province=_province(data.province.text.in_(lang), lang))
    sections = [Section(title, list(headline), level=1)]
    figures = _figures(checked, sums, gaps)

    # Summary
    if options.since is not None:
        sections.append(Section(t("report_since", lang, date=_since_date(options.since, lang)),
                                _changes(options.since, figures, lang)))
    agency_section, agency_rows = _top_agencies(gaps, registry, lang, top)
    sections.append(agency_section)
    worst = with_ties(rank_leaves(gaps, "lost"), top, lambda g: g.points.lost)
    worst_table = _criteria_table(worst, registry, lang)
    criteria_blocks: list[str | Table] = [worst_table]
    if len(worst) > top:
        criteria_blocks.append(t("report_ties", lang, n=len(worst) - top))
    sections.append(Section(t("report_criteria", lang, n=min(top, len(worst)),
                              year=data.baseline_year), criteria_blocks))
    plan, soon = _schedule(checked, as_of, options.next_meeting)
    if plan is not None:
        sections.append(Section(t("report_next", lang, days=options.next_meeting),
                                _due_soon(soon, registry, lang, top, data.target_year)))

    # Annex
    sections.append(Section(t("report_annex", lang), [], level=2))
    field_rows = _fields(checked, lang, sections)
    counts = Counter((p.rule, p.level) for p in checked.problems)
    sections.append(Section(t("report_problems", lang),
                            _problems(checked, sums, counts, gaps, lang), level=3))
    sections.append(Section(t("report_deadlines", lang),
                            _deadlines(plan, registry, lang, top, data.target_year)
                            if plan is not None
                            else [t("no_assignments_file", lang)], level=3))

    files = [(source.path, _sha256(source.path)) for source in dataset.paths.sources()]
    folder = dataset.paths.criteria.parent if dataset.paths.criteria else Path()
    sections.append(Section(t("report_footer", lang), [
        t("report_files", lang, folder=display_path(folder) + "/", files="; ".join(
            f"{_relative(path, folder)} (SHA-256 {digest[:16]}…)" for path, digest in files)),
        t("report_generated", lang, version=__version__, date=date_text(as_of, lang))],
        level=3))
    uncovered = uncovered_leaves(tree, dataset.mapped) if dataset.has("assignments") else []
    json_data = {
        "title": title, "as_of": as_of.isoformat(), "headline": headline, "figures": figures,
        "fields": [_field_json(row) for row in field_rows],
        "agencies": [{"agency": row["id"], "name": agency_text(registry, str(row["id"])).vi,
                      "name_en": agency_text(registry, str(row["id"])).en, "gain": row["gain"],
                      "lost": row["lost"], "criteria": row["count"]} for row in agency_rows],
        # the table's own values: a leaf's points are worked out on each use (LeafGap)
        "criteria": [{"code": g.node.code, "name": g.node.row.name,
                      "name_en": g.node.row.name_en, "gain": row["gain"],
                      "lost": row["lost"], "lead": list(g.leads)}
                     for g, row in zip(worst, worst_table.rows, strict=True)],
        "uncovered": [node.code for node in uncovered],
        "problems": {f"{rule}:{level}": n for (rule, level), n in sorted(counts.items())},
        "deadlines": _deadlines_json(plan, soon, registry, data.target_year),
        "files": [{"file": _relative(path, folder), "sha256": digest}
                  for path, digest in files],
    }
    return Output([], json_data, sections=sections)


def _top_agencies(gaps: list[LeafGap], registry: Registry, lang: Lang,
                  top: int) -> tuple[Section, list[dict[str, object]]]:
    """The agencies with the most points still needed (ties at the cut kept, the buckets
    that are no agency always shown), and a note on what is unknown."""
    ranked = rank(by_agency(gaps, "split"), "gain")
    shown = with_ties(ranked, top, lambda g: g.get("gain"))
    shown += [g for g in ranked if g.key in (NO_LEAD, SURVEY) and g not in shown]
    rows: list[dict[str, object]] = [
        {"id": g.key, "agency": agency_text(registry, g.key).in_(lang), "gain": g.get("gain"),
         "lost": g.get("lost"), "count": len(g.criteria)} for g in shown]
    blocks: list[str | Table] = [Table(
        [Column("agency", t("agency", lang)), Column("gain", t("gain", lang), True),
         Column("lost", t("lost", lang), True),
         Column("count", t("criteria_count", lang), True)], rows,
        chart=Chart(("agency",), ("gain",)))]
    unknown = province(gaps).unknown
    if any(unknown.values()):
        blocks.append(t("report_unknown", lang, gain=unknown["gain"], lost=unknown["lost"]))
    if len(shown) > top:
        blocks.append(t("report_ties", lang, n=len(shown) - top))
    return Section(t("report_agencies", lang, n=min(top, len(ranked))), blocks), rows


def _schedule(checked: Checked, as_of: date,
              days: int) -> tuple[Schedule | None, list[DueItem]]:
    """Deadlines by quarter, and what needs chasing before the next meeting (None, []
    without an assignments file)."""
    dataset = checked.dataset
    if not dataset.has("assignments"):
        return None, []
    items = deliverables(dataset.tree, dataset.tasks(), dataset.assignments_file.year,
                         dataset.assignments_file.issued)
    statuses = ({code: s.status for code, s in dataset.results_file.status_of().items()}
                if dataset.has("results") else {})
    soon = [d for d in due_items(items, statuses, as_of, days)
            if d.state in ("overdue", "passed", "soon")]
    return schedule(items, as_of), soon


def _field_json(row: dict[str, object]) -> dict[str, object]:
    """A fields row for JSON: percentages as numbers, whatever the language."""
    percents = row["percents"]
    assert isinstance(percents, tuple)
    return {key: value for key, value in row.items() if key != "percents"} | {
        "baseline_pct": percents[0], "target_pct": percents[1]}


def _figures(checked: Checked, sums: CheckResult, gaps: list[LeafGap]) -> dict[str, object]:
    """The figures a later report compares with (--since): totals and agencies' points."""
    total = checked.dataset.criteria_file.total
    whole = province(gaps)
    return {"baseline": total.baseline, "target": total.target,
            "computed": {c.column: c.computed for c in sums.totals},
            "gain": whole.get("gain"), "lost": whole.get("lost"),
            "agencies": {g.key: g.get("gain") for g in by_agency(gaps, "split")},
            "problems": len(checked.problems)}


def _since_date(path: Path, lang: Lang) -> str:
    previous = _previous(path)
    when = previous.get("as_of")
    return date_text(date.fromisoformat(when), lang) if isinstance(when, str) else "—"


def _previous(path: Path) -> dict[str, Any]:
    """A previous report's JSON (`report --format json`), or a usage error saying why not."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"--since: {path}: not a report's JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise UsageError(f"--since: {path}: not the JSON of `parcli report --format json` "
                         "(no figures)")
    return data


def _changes(path: Path, figures: dict[str, object], lang: Lang) -> list[str | Table]:
    then: dict[str, Any] = _previous(path)["figures"]
    rows: list[dict[str, object]] = []

    def compare(label: str, old: object, new: object) -> None:
        old_d = _number(old)
        new_d = _number(new)
        if old_d != new_d:
            rows.append({"figure": label, "then": old_d, "now": new_d,
                         "change": minus(new_d, old_d)})

    for key in ("baseline", "target", "gain", "lost", "problems"):
        compare(t(f"since_{key}", lang), then.get(key), figures.get(key))
    old_agencies: dict[str, Any] = then.get("agencies") or {}
    new_agencies = figures["agencies"]
    assert isinstance(new_agencies, dict)
    for agency in sorted(set(old_agencies) | set(new_agencies)):
        compare(t("since_agency", lang, agency=agency), old_agencies.get(agency),
                new_agencies.get(agency))
    if not rows:
        return [t("since_nothing", lang)]
    return [Table([Column("figure", t("since_figure", lang)),
                   Column("then", t("since_then", lang), True),
                   Column("now", t("since_now", lang), True),
                   Column("change", t("since_change", lang), True)], rows)]


def _number(value: object) -> Decimal | None:
    """A figure as a Decimal: numbers as they are, "76.5%" as 76.5, anything else unknown."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str) and value.endswith("%"):
        try:
            return Decimal(value[:-1])
        except ArithmeticError:
            return None
    return None


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.resolve().relative_to(folder.resolve()))
    except ValueError:
        return display_path(path)


def _due_soon(items: list[DueItem], registry: Registry, lang: Lang, top: int,
              year: int) -> list[str | Table]:
    if not items:
        return [t("report_next_none", lang)]
    rows = [{"code": d.deliverable.item.code, "title": d.deliverable.item.text.shown(lang),
             "due": date_text(d.when, lang) if d.when else "",
             "state": t(f"due_{d.state}", lang),
             "lead": ", ".join(agency_text(registry, a).in_(lang)
                               for a in registry.current_ids(d.deliverable.item.lead, year))}
            for d in items[:top * 2]]
    blocks: list[str | Table] = [Table(
        [Column("code", t("code", lang)), Column("title", t("title", lang)),
         Column("due", t("due", lang)), Column("state", t("due_state", lang)),
         Column("lead", t("lead", lang))], rows)]
    if len(items) > top * 2:
        blocks.append(t("report_more", lang, n=len(items) - top * 2))
    return blocks


def _deadlines_json(plan: Schedule | None, soon: list[DueItem], registry: Registry,
                    year: int) -> dict[str, object] | None:
    if plan is None:
        return None
    return {"quarters": [{"year": q.year, "quarter": q.quarter, "items": q.items,
                          "passed": q.passed} for q in plan.quarters],
            "undated": plan.undated,
            "passed": [{"code": d.item.code, "due": d.dated.isoformat() if d.dated else None,
                        "lead": registry.current_ids(d.item.lead, year)} for d in plan.passed],
            "next": [{"code": d.deliverable.item.code, "state": d.state,
                      "due": d.when.isoformat() if d.when else None} for d in soon]}


def _headline(checked: Checked, sums: CheckResult, lang: Lang) -> list[str]:
    data = checked.dataset.criteria_file
    total = data.total
    rank_text = f"{data.rank.position}/{data.rank.of}" if data.rank else "—"
    gain = minus(total.target, total.baseline)
    headline = [t("report_headline", lang, baseline_year=data.baseline_year or "—",
                  baseline=_known(total.baseline, lang), rank=rank_text,
                  target_year=data.target_year, target=_known(total.target, lang),
                  gain=_known(gain, lang))]
    for column_total in sums.totals:
        if column_total.difference:
            why = "; ".join(
                t("report_why", lang, code=f.code, column=t(f.column, lang).lower(),
                  printed=number(f.printed, lang), computed=number(f.computed, lang))
                for f in sums.findings
                if f.column == column_total.column and f.status != "rounding")
            headline.append(t("report_computed", lang, column=t(column_total.column, lang)
                              .lower(), computed=number(column_total.computed, lang),
                              printed=number(column_total.printed, lang), why=why or "—"))
    if data.sipas and data.sipas.baseline is not None:
        sipas = data.sipas
        printed = sipas.target_text_en if lang == "en" else sipas.target_text
        target_text = printed or sipas.target_text or (
            f"{number(sipas.target, lang)}%" if sipas.target is not None else "—")
        headline.append(t("report_sipas", lang, baseline=number(sipas.baseline, lang),
                          baseline_year=data.baseline_year or "—", target=target_text))
    return headline


def _known(value: Decimal | None, lang: Lang = "en") -> str:
    return number(value, lang) if value is not None else "—"


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
        {"code": f.node.code, "name": f.node.row.text.shown(lang), "max": f.max,
         "baseline": f.baseline, "target": f.target, "gain": f.gain, "lost": f.lost,
         "baseline_pct": _percent(f.baseline_percent, lang),
         "target_pct": _percent(f.target_percent, lang),
         "percents": (f.baseline_percent, f.target_percent)}
        for f in field_summaries(checked.dataset.tree)]
    sections.append(Section(t("report_fields", lang), [Table(
        [Column("code", t("code", lang)), Column("name", t("field", lang)), *points,
         Column("baseline_pct", t("pct_of", lang, year=years["baseline"]), True),
         Column("target_pct", t("pct_of", lang, year=years["target"]), True)], rows,
        chart=Chart(("code", "name"), ("baseline", "target", "max")))],
        level=3))
    return rows


def _percent(value: Decimal | None, lang: Lang) -> str:
    """One decimal place, always (94.0%, as a share is printed), a comma in Vietnamese."""
    if value is None:
        return ""
    text = format(value, "f")
    return (text.replace(".", ",") if lang == "vi" else text) + "%"


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
                                        Decimal(0)), lang),
                        lost=number(sum((g.points.lost or Decimal(0) for g in uncovered),
                                        Decimal(0)), lang)))
        blocks.append(_criteria_table(uncovered, dataset.registry, lang))
    return blocks


def _criteria_table(gaps: list[LeafGap], registry: Registry, lang: Lang) -> Table:
    rows = [{"code": g.node.code, "name": g.node.row.text.shown(lang),
             "lost": points.lost, "gain": points.gain,
             "lead": ", ".join(agency_text(registry, a).in_(lang) for a in g.leads)}
            for g in gaps for points in [g.points]]
    return Table([Column("code", t("code", lang)), Column("name", t("criterion", lang)),
                  Column("gain", t("gain", lang), True), Column("lost", t("lost", lang), True),
                  Column("lead", t("lead", lang))], rows)


def _deadlines(plan: Schedule, registry: Registry, lang: Lang, top: int,
               year: int) -> list[str | Table]:
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
            [{"code": d.item.code, "title": d.item.text.shown(lang), "deadline": d.item.deadline,
              "due": date_text(d.dated, lang) if d.dated else "",
              "lead": ", ".join(agency_text(registry, a).in_(lang)
                                for a in registry.current_ids(d.item.lead, year))}
             for d in plan.passed[:top]]))
        if len(plan.passed) > top:
            blocks.append(t("report_more", lang, n=len(plan.passed) - top))
    return blocks


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ranks(checked: Checked, peers: Path, gaps: list[LeafGap], lang: Lang) -> list[str]:
    """The rank the printed target, and the projected total when results exist, would buy
    in a published table (the province itself left out of it)."""
    from parcli.engine.progress import projected_total
    from parcli.engine.ranking import read_peers, standings

    dataset = checked.dataset
    table = read_peers(peers)
    projected = (projected_total(gaps, dataset.results_file.latest())
                 if dataset.has("results") else None)
    scores = [(key, score) for key, score in (
        ("report_rank_target", dataset.criteria_file.total.target),
        ("report_rank_projected", projected)) if score is not None]
    found = standings(table, dataset.criteria_file.province.name, [s for _, s in scores])
    return [t(key, lang, score=number(s.score, lang), position=_position(s), of=s.of,
              year=table.year) for (key, _), s in zip(scores, found, strict=True)]


def _position(found: Standing) -> str:
    """"50", or "45–62" when a partial table only bounds it."""
    return "–".join(str(place) for place in found.places)


def _province(name: str, lang: Lang) -> str:
    """"tỉnh Đắk Lắk", but not "tỉnh Tỉnh Hà Giang" nor "tỉnh Thành phố Hà Nội" when the
    data's name already says what it is."""
    from parcli.text import fold

    if lang == "vi" and fold(name).startswith(("tỉnh ", "thành phố ")):
        return name
    return f"tỉnh {name}" if lang == "vi" else name
