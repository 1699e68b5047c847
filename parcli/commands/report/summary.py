"""`parcli report`: the meeting report. Its one-page summary (the headline, with the rank
the scores would buy when given --peers; the changes since the last report; the agencies
with the most points still needed; the criteria that lost the most; what is due before the
next meeting) is here; the annex and the changes since come from `annex` and `since`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.report import annex, letter, since
from parcli.commands.report.options import Options
from parcli.engine.agencies import Registry
from parcli.engine.checksum import CheckResult, check_sums
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
from parcli.i18n import date_text, t
from parcli.numbers import minus, number
from parcli.output import Chart, Column, Output, Section, Table
from parcli.text import Lang

if TYPE_CHECKING:
    from parcli.engine.ranking import Standing


def run(checked: Checked, options: Options) -> Output:
    """One page of summary (headline, changes since the last report, the agencies with the
    most points still needed, the criteria that lost the most, what is due before the next
    meeting), then an annex (fields, data problems, uncovered criteria, deadlines), then a
    small footer naming the files read."""
    lang, top = options.common.lang, options.top
    dataset = checked.dataset
    data = dataset.criteria_file
    registry = dataset.registry
    gaps = leaf_gaps(dataset.tree, registry, dataset.mapped)
    sums = check_sums(dataset.tree, checked.tolerance)

    as_of, year_over = options.deadlines_at(data.target_year)
    headline = _headline(checked, sums, lang)
    if options.peers is not None:
        headline += _ranks(checked, options.peers, gaps, lang)
    if year_over:
        headline.append(t("due_year_over", lang, year=data.target_year,
                          as_of=date_text(as_of, lang)))
    title = t("report_title", lang, index=data.index.label_text.in_(lang), year=data.target_year,
              province=_province(data.province.text.in_(lang), lang))
    sections = [Section(title, list(headline), level=1)]
    figures = since.figures(checked, sums, gaps)
    if options.since is not None:
        sections.append(since.section(options.since, figures, lang))
    agency_section, agency_rows = _top_agencies(gaps, registry, lang, top)
    sections.append(agency_section)
    worst = with_ties(rank_leaves(gaps, "lost"), top, lambda g: g.points.lost)
    worst_table = annex.criteria_table(worst, registry, lang)
    criteria_blocks: list[str | Table] = [worst_table]
    if len(worst) > top:
        criteria_blocks.append(t("report_ties", lang, n=len(worst) - top))
    sections.append(Section(t("report_criteria", lang, n=min(top, len(worst)),
                              year=data.baseline_year), criteria_blocks))
    plan, soon = _schedule(checked, as_of, options.next_meeting)
    if plan is not None:
        sections.append(Section(t("report_next", lang, days=options.next_meeting),
                                _due_soon(soon, registry, lang, top, data.target_year)))

    after = annex.run(checked, sums, gaps, plan, as_of, lang, top)
    annex_at = len(sections)  # Word: "Nơi nhận" and the signer block go before the annex
    sections += after.sections
    for footer in (s for s in after.sections if s.heading == t("report_footer", lang)):
        footer.blocks[0] = letter.provenance(checked, lang)  # no install path
    json_data = {
        "title": title, "as_of": as_of.isoformat(), "headline": headline, "figures": figures,
        "fields": after.fields,
        "agencies": [{"agency": row["id"], "name": agency_text(registry, str(row["id"])).vi,
                      "name_en": agency_text(registry, str(row["id"])).en, "gain": row["gain"],
                      "lost": row["lost"], "criteria": row["count"]} for row in agency_rows],
        # the table's own values: a leaf's points are worked out on each use (LeafGap)
        "criteria": [{"code": g.node.code, "name": g.node.row.name,
                      "name_en": g.node.row.name_en, "gain": row["gain"],
                      "lost": row["lost"], "lead": list(g.leads)}
                     for g, row in zip(worst, worst_table.rows, strict=True)],
        "uncovered": after.uncovered,
        "problems": after.problems,
        "deadlines": annex.deadlines_json(plan, soon, registry, data.target_year),
        "files": after.files,
    }
    return Output([], json_data, sections=sections, annex=annex_at,
                  letter=letter.letter(checked, "report", lang, as_of.year))


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
