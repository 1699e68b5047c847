"""The report's goals: each goal of the plan file and where it stands (met, not met, unknown
and why), in the summary; the body's measurable targets, in the annex. Without a plan file
the report has neither."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parcli.checking import Checked
from parcli.i18n import t
from parcli.numbers import number
from parcli.output import Column, Section, Table
from parcli.rules.base import threshold_text
from parcli.text import Lang

if TYPE_CHECKING:
    from parcli.engine.goals import GoalState
    from parcli.models.results import PeersFile


def sections(checked: Checked, lang: Lang, peers: PeersFile | None) -> tuple[
        Section | None, Section | None, list[dict[str, Any]] | None]:
    """The goals' section, the targets' section (either None when there are none), and the
    JSON rows; all None without a plan file."""
    from parcli.engine.goals import goal_states, published_places

    dataset = checked.dataset
    if not dataset.has("plan"):
        return None, None, None
    data = dataset.criteria_file
    published = None
    if peers is not None:
        published = published_places(peers, data.province.name, data.target_year)
    states = goal_states(dataset.plan_file, dataset.results_file if dataset.has("results")
                         else None, data.rank, published)
    goals = [s for s in states if s.kind == "goal"]
    targets = [s for s in states if s.kind == "target"]
    goal_section = None
    if goals:
        counted = _counted(goals, "goals_summary", lang)
        # Word: one line in the body, the table at the head of the annex
        goal_section = Section(t("goals_heading", lang), [_table(goals, "goal_text", lang),
                                                          f"{counted}."],
                               brief=[t("goals_brief", lang, counts=counted)])
    target_section = (Section(t("targets_heading", lang), [
        _table(targets, "target_text", lang), _counted(targets, "targets_summary", lang) + "."],
        level=3) if targets else None)
    return goal_section, target_section, [_json(s) for s in states]


def _counted(states: list[GoalState], key: str, lang: Lang) -> str:
    counts = {state: sum(s.state == state for s in states) for state in
              ("met", "not-met", "unknown")}
    return t(key, lang, met=counts["met"], not_met=counts["not-met"], unknown=counts["unknown"])


def _table(states: list[GoalState], label: str, lang: Lang) -> Table:
    return Table([Column("code", t("goal_where", lang)), Column("text", t(label, lang)),
                  Column("threshold", t("goal_threshold", lang)),
                  Column("measured", t("goal_measured", lang)),
                  Column("state", t("goal_state", lang))],
                 [_row(s, lang) for s in states])


def _row(state: GoalState, lang: Lang) -> dict[str, Any]:
    if state.threshold is not None:
        threshold = threshold_text(state.threshold).in_(lang)
    elif state.baseline_rank is not None:
        threshold = t("goal_rank_better", lang, position=state.baseline_rank.position,
                      of=state.baseline_rank.of)
    else:
        threshold = ""
    if state.places:
        measured = t("goal_rank_place", lang, places="–".join(map(str, state.places)),
                     by=t(f"goal_by_{state.measured_by}", lang))
    elif state.measured is not None:
        unit = state.threshold.unit if state.threshold is not None else ""
        measured = number(state.measured, lang) + (unit if unit == "%" else
                                                   f" {unit}" if unit else "")
    else:
        measured = ""
    judged = (t(f"goal_why_{state.why}", lang) if state.why is not None
              else t(f"goal_{state.state}", lang))
    # a target by its own code: the id a results file gives its measured value under
    return {"code": state.id if state.kind == "target" else state.code,
            "text": state.words.in_(lang), "threshold": threshold,
            "measured": measured, "state": judged}


def _json(state: GoalState) -> dict[str, Any]:
    threshold = state.threshold
    return {"id": state.id, "code": state.code, "kind": state.kind, "text": state.words.vi,
            "threshold": None if threshold is None else {
                "comparison": threshold.comparison, "value": threshold.value,
                "unit": threshold.unit},
            "baseline_rank": None if state.baseline_rank is None else {
                "position": state.baseline_rank.position, "of": state.baseline_rank.of},
            "measured": state.measured, "measured_by": state.measured_by,
            "places": list(state.places), "state": state.state, "why": state.why}
