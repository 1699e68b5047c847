"""`parcli report`: the meeting report. Its one-page summary (the headline, with the rank
the scores would buy when given --peers; the changes since the last report; the agencies
with the most points still needed; the criteria that lost the most; what is due before the
next meeting) is here; the annex and the changes since come from `annex` and `since`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from parcli.agency_text import agency_text, merge_note
from parcli.checking import Checked
from parcli.commands.report import annex, goals, letter, since, standing
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
from parcli.engine.schedule import (
    DueItem,
    Schedule,
    deliverables,
    due_items,
    schedule,
    statuses_at,
)
from parcli.i18n import date_text, t
from parcli.numbers import minus, number
from parcli.output import Chart, Column, Output, Section, Table
from parcli.text import Lang

if TYPE_CHECKING:
    from parcli.engine.ranking import Standing
    from parcli.models.results import PeersFile

T = TypeVar("T")


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
    peers = None
    if options.peers is not None:  # read once: the headline and the rank goal use it
        from parcli.engine.ranking import read_peers

        peers = read_peers(options.peers)
        headline += _ranks(checked, peers, gaps, lang)
    if year_over:
        headline.append(t("due_year_over", lang, year=data.target_year,
                          as_of=date_text(as_of, lang)))
    title = t("report_title", lang, index=data.index.label_text.in_(lang), year=data.target_year,
              province=letter.province_name(data.province.text.in_(lang), lang))
    sections = [Section(title, list(headline), level=1)]
    stands = standing.section(checked, gaps, lang, top)
    if stands is not None:
        sections.append(stands[0])
    goal_section, target_section, goal_rows = goals.sections(checked, lang, peers)
    if goal_section is not None:
        sections.append(goal_section)
    plan, soon = _schedule(checked, as_of, options.next_meeting)
    figures = since.figures(checked, sums, gaps, soon, as_of)
    if options.since is not None:
        sections.append(since.section(options.since, figures, checked, lang))
    agency_section, agency_rows = _top_agencies(gaps, registry, lang, top)
    # agencies merged before the year: their points are counted under their successors
    agency_section.blocks += [note.in_(lang) for agency in registry.agencies
                              if (note := merge_note(registry, agency.id, data.target_year))]
    if stands is not None:  # the standing names the agencies behind: this list to the annex,
        agency_section.brief = []  # without a line in the body repeating them
    sections.append(agency_section)
    criteria_section, worst, worst_table = _top_criteria(gaps, registry, lang, top,
                                                         data.baseline_year)
    sections.append(criteria_section)
    if plan is not None:
        heading = t("report_next", lang, days=options.next_meeting)
        sections.append(Section(heading, _due_soon(soon, registry, lang, top, data.target_year),
                                brief=_due_brief(heading, soon, lang), moves=False))

    after = annex.run(checked, sums, gaps, plan, as_of, lang, soon, options.next_meeting)
    annex_at = len(sections)  # Word: "Nơi nhận" and the signer block go before the annex
    sections += after.sections
    if target_section is not None:  # after the annex's heading and its fields
        sections.insert(annex_at + 2, target_section)
    for footer in (s for s in after.sections if s.heading == t("report_footer", lang)):
        footer.blocks[0] = letter.provenance(checked, lang)  # no install path
    json_data = {
        "title": title, "as_of": as_of.isoformat(), "headline": headline, "figures": figures,
        "standing": stands[1] if stands is not None else None,
        "goals": goal_rows,
        "fields": after.fields,
        "agencies": [{"agency": row["id"], "name": name.vi,
                      "name_en": name.en if name.en != name.vi else None,  # as gap's JSON
                      "gain": row["gain"], "lost": row["lost"], "criteria": row["count"]}
                     for row in agency_rows
                     for name in [agency_text(registry, str(row["id"]))]],
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
    """The agencies with the most points still needed (ties at the cut kept up to twice
    `top`, the rest counted; the buckets that are no agency always shown), and a note on what
    is unknown. When no criterion's points needed are known, nothing is ranked: the agencies
    are listed in registry order under a heading that says so."""
    ranked = rank(by_agency(gaps, "split"), "gain")
    known = province(gaps).shown("gain") is not None
    shown, tied, rest = _bounded(ranked, top, lambda g: g.shown("gain"))
    shown += [g for g in ranked if g.key in (NO_LEAD, SURVEY) and g not in shown]
    rows: list[dict[str, object]] = [
        {"id": g.key, "agency": agency_text(registry, g.key).shown(lang),
         "gain": g.shown("gain"), "lost": g.shown("lost"), "count": len(g.criteria)}
        for g in shown]
    blocks: list[str | Table] = [Table(
        [Column("agency", t("agency", lang)), Column("gain", t("gain", lang), True),
         Column("lost", t("lost", lang), True),
         Column("count", t("criteria_count", lang), True)], rows,
        chart=Chart(("agency",), ("gain",)))]
    unknown = province(gaps).unknown
    if any(unknown.values()):
        blocks.append(t("report_unknown", lang, gain=unknown["gain"], lost=unknown["lost"]))
    if tied:
        blocks.append(t("report_ties_agencies", lang, n=tied))
    if rest:
        value = shown[top - 1].shown("gain")
        blocks.append(t("report_rest_agencies", lang, n=_count(rest, lang),
                        value=number(value, lang), points=_points(value))
                      if value is not None and known
                      else t("report_rest_agencies_unknown", lang, n=_count(rest, lang)))
    heading = (t("report_agencies", lang, n=min(top, len(ranked))) if known
               else t("report_agencies_unknown", lang))
    return Section(heading, blocks), rows


def _top_criteria(gaps: list[LeafGap], registry: Registry, lang: Lang, top: int,
                  year: int | None) -> tuple[Section, list[LeafGap], Table]:
    """The leaf criteria that lost the most points: only those whose points lost are known
    (the others counted), ties at the cut kept up to twice `top` and the rest counted. When
    none is known there is no ranking, only a line saying why."""
    known = [g for g in gaps if g.points.lost is not None]
    worst, tied, rest = _bounded(rank_leaves(known, "lost"), top, lambda g: g.points.lost)
    table = annex.criteria_table(worst, registry, lang)
    if not known:
        return (Section(t("report_criteria_none", lang), [t("report_lost_unknown", lang)]),
                worst, table)
    blocks: list[str | Table] = [table]
    if tied:
        blocks.append(t("report_ties", lang, n=tied))
    if rest:
        value = worst[-1].points.lost
        blocks.append(t("report_rest_criteria", lang, n=_count(rest, lang),
                        value=number(value, lang), points=_points(value)))
    if len(known) < len(gaps):
        blocks.append(t("report_lost_unranked", lang, n=len(gaps) - len(known)))
    n = min(top, len(worst))
    heading = (t("report_criteria", lang, n=n, year=year) if year is not None
               else t("report_criteria_no_year", lang, n=n))
    brief = t("report_brief_criteria", lang, heading=heading,
              codes=", ".join(g.node.code for g in worst))
    return Section(heading, blocks, brief=[brief]), worst, table


def _bounded(ranked: list[T], top: int,
             value: Callable[[T], Decimal | None]) -> tuple[list[T], int, int]:
    """The first `top` and the ties at the cut (`with_ties`), at most twice `top` of them:
    the rows to show, how many of them are ties beyond `top`, how many tied rows are left
    out (a 10,000-row plan can tie thousands of rows at the cut)."""
    shown = with_ties(ranked, top, value)
    bound = 2 * top
    rest = max(0, len(shown) - bound)
    shown = shown[:bound]
    return shown, max(0, len(shown) - top), rest


def _count(n: int, lang: Lang) -> str:
    """A count of rows: 8,120 (8.120 in Vietnamese)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def _points(value: Decimal | None) -> str:
    return "point" if value == 1 else "points"


def _schedule(checked: Checked, as_of: date,
              days: int) -> tuple[Schedule | None, list[DueItem]]:
    """Deadlines by quarter, and what needs chasing before the next meeting (None, []
    without an assignments file)."""
    dataset = checked.dataset
    if not dataset.has("assignments"):
        return None, []
    items = deliverables(dataset.tree, dataset.tasks(), dataset.assignments_file.year,
                         dataset.assignments_file.issued)
    statuses = ({code: s.status for code, s in
                 statuses_at(dataset.results_file.statuses, as_of).items()}
                if dataset.has("results") else {})
    soon = [d for d in due_items(items, statuses, as_of, days)
            if d.state in ("overdue", "passed", "soon")]
    return schedule(items, as_of), soon


def _due_soon(items: list[DueItem], registry: Registry, lang: Lang, top: int,
              year: int) -> list[str | Table]:
    if not items:
        return [t("report_next_none", lang)]
    leads = [registry.current_ids(d.deliverable.item.lead, year) for d in items[:top * 2]]
    rows = [{"code": d.deliverable.item.code, "title": d.deliverable.item.text.shown(lang),
             "due": date_text(d.when, lang) if d.when else "",
             "state": t(f"due_{d.state}", lang), "lead": lead}
            for d, lead in zip(items, leads, strict=False)]
    blocks: list[str | Table] = [Table(
        [Column("code", t("code", lang)), Column("title", t("title", lang)),
         Column("due", t("due", lang)), Column("state", t("due_state", lang)),
         Column("lead", t("lead", lang), values=annex.agency_names(
             registry, [a for lead in leads for a in lead], lang))], rows)]
    if len(items) > top * 2:
        blocks.append(t("report_more", lang, n=len(items) - top * 2))
    return blocks


def _due_brief(heading: str, items: list[DueItem], lang: Lang) -> list[str] | None:
    """What is due before the next meeting, counted, in a paged document's body (the annex
    lists every one under Deadlines); None when nothing is due (the body says so)."""
    if not items:
        return None
    states = Counter(d.state for d in items)
    counts = "; ".join(t(f"report_brief_{state}", lang, n=states[state])
                       for state in ("overdue", "passed", "soon") if states[state])
    return [t("report_brief_due", lang, heading=heading, n=len(items), counts=counts)]


def _headline(checked: Checked, sums: CheckResult, lang: Lang) -> list[str]:
    """The totals as printed and the points they need; a first year (no baseline year) says
    so instead of showing unknown scores; no rank, no "(rank …)"."""
    data = checked.dataset.criteria_file
    total = data.total
    target = _known(total.target, lang)
    if data.baseline_year is None:
        headline = [t("report_headline_first", lang, target_year=data.target_year,
                      target=target)]
    else:
        gain = minus(total.target, total.baseline)
        rank_text = (t("report_rank_in", lang, rank=f"{data.rank.position}/{data.rank.of}")
                     if data.rank else "")
        needs = (t("report_needs", lang, gain=number(gain, lang)) if gain is not None
                 else t("report_needs_unknown", lang))
        headline = [t("report_headline", lang, baseline_year=data.baseline_year,
                      baseline=_known(total.baseline, lang), rank=rank_text,
                      target_year=data.target_year, target=target, needs=needs)]
    for column_total in sums.totals:
        if column_total.difference and column_total.computed is not None \
                and column_total.printed is not None:
            why = "; ".join(
                t("report_why", lang, code=f.code, column=t(f.column, lang).lower(),
                  printed=number(f.printed, lang), computed=number(f.computed, lang))
                for f in sums.findings
                if f.column == column_total.column and f.status != "rounding")
            difference = column_total.computed - column_total.printed
            headline.append(t("report_computed", lang, column=t(column_total.column, lang)
                              .lower(), computed=number(column_total.computed, lang),
                              printed=number(column_total.printed, lang),
                              difference=number(abs(difference), lang),
                              direction=t("report_lower" if difference < 0
                                          else "report_higher", lang),
                              why=why or t("report_within_tolerance", lang,
                                           tolerance=number(sums.tolerance, lang))))
    if data.sipas and data.sipas.baseline is not None:
        sipas = data.sipas
        printed = sipas.target_text_en if lang == "en" else sipas.target_text
        target_text = printed or sipas.target_text or (
            f"{number(sipas.target, lang)}%" if sipas.target is not None
            else t("not_given", lang))
        if data.baseline_year is None:
            headline.append(t("report_sipas_first", lang, baseline=number(sipas.baseline, lang),
                              target=target_text, target_year=data.target_year))
        else:
            headline.append(t("report_sipas", lang, baseline=number(sipas.baseline, lang),
                              baseline_year=data.baseline_year, target=target_text,
                              target_year=data.target_year))
    return headline


def _known(value: Decimal | None, lang: Lang = "en") -> str:
    """A printed total, or "not given": never a bare dash, never Python's None."""
    return number(value, lang) if value is not None else t("not_given", lang)


def _ranks(checked: Checked, table: PeersFile, gaps: list[LeafGap], lang: Lang) -> list[str]:
    """The rank the printed target, and the projected total when results exist, would buy
    in a published table (the province itself left out of it). A projection that lacks some
    criteria is a lower bound, not a total: it is not ranked, and the report says why."""
    from parcli.engine.progress import projected_tally
    from parcli.engine.ranking import standings

    dataset = checked.dataset
    tally = projected_tally(gaps, dataset.results_file.latest()) if dataset.has("results") \
        else None
    projected = tally.shown("projected") if tally is not None and not tally.partial else None
    scores = [(key, score) for key, score in (
        ("report_rank_target", dataset.criteria_file.total.target),
        ("report_rank_projected", projected)) if score is not None]
    found = standings(table, dataset.criteria_file.province.name, [s for _, s in scores])
    lines = [t(key, lang, score=number(s.score, lang), position=_position(s), of=s.of,
               year=table.year) for (key, _), s in zip(scores, found, strict=True)]
    if tally is not None and tally.partial:
        lines.append(t("report_rank_partial", lang, n=tally.unknown_projected,
                       score=number(tally.shown("projected"), lang)))
    return lines


def _position(found: Standing) -> str:
    """"50", or "45–62" when a partial table only bounds it."""
    return "–".join(str(place) for place in found.places)
