"""Where the plan's goals and the body's measurable targets stand: met, not met, or unknown
with the reason. Each is measured where the data has it: a goal or target by the value a
results file gives under its id; the rank goal also by a published table of the plan year
that holds the province (`--peers`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from parcli.engine.requirements import Threshold, meets, parse_requirement

if TYPE_CHECKING:
    from parcli.models.body import PlanFile
    from parcli.models.criteria import Rank
    from parcli.models.results import PeersFile, ResultsFile
    from parcli.text import Text

State = Literal["met", "not-met", "unknown"]
Unknown = Literal["no-results", "not-measured", "no-threshold", "no-baseline-rank",
                  "rank-between", "peers-other-year", "peers-without-province"]
"""Why a state is unknown: no results file; the results file gives no value; the text holds
no single threshold; no baseline rank to improve on; a partial table bounds the rank
across the baseline; the table given (--peers) is of another year, or does not hold the
province (and no results file gives the place)."""
Published = tuple[int, ...] | Literal["peers-other-year", "peers-without-province"]
"""The province's place in a published table of the plan year (two places: the bounds a
partial table leaves), or why the table given does not say it."""


@dataclass(frozen=True)
class GoalState:
    id: str  # a goal's id, or a target's code
    code: str  # where it is printed
    kind: Literal["goal", "target"]
    words: Text
    threshold: Threshold | None  # None for the rank goal
    baseline_rank: Rank | None  # the rank goal's: the position to improve on
    measured: Decimal | None
    measured_by: Literal["results", "peers"] | None
    places: tuple[int, ...]  # the rank goal's measured place (two: the bounds of a range)
    state: State
    why: Unknown | None = None


def goal_states(plan: PlanFile, results: ResultsFile | None, baseline_rank: Rank | None,
                published: Published | None = None) -> list[GoalState]:
    """Each goal, then each body target, in the plan file's order. `published`: the
    province's place in a table of the plan year (when one was given and holds it; two
    places when a partial table only bounds it)."""
    from parcli.text import Text

    measured = results.measured_values() if results is not None else {}
    states: list[GoalState] = []
    for goal in plan.goals:
        entry = measured.get(goal.id)
        value = entry.value if entry is not None else None
        if goal.measure == "rank":
            states.append(_rank_state(goal.id, goal.code, goal.words, baseline_rank, value,
                                      published, results is not None))
        else:
            states.append(_threshold_state(goal.id, goal.code, "goal", goal.words, goal.text,
                                           value, results is not None))
    for task, target in plan.targets():
        entry = measured.get(target.code)
        states.append(_threshold_state(target.code, task.code, "target",
                                       Text.same(target.text), target.text,
                                       entry.value if entry is not None else None,
                                       results is not None))
    return states


def single_threshold(text: str) -> Threshold | None:
    """The one threshold a goal's or a target's text holds, else None."""
    found = parse_requirement(text)
    return found[0] if len(found) == 1 else None


def _threshold_state(id_: str, code: str, kind: Literal["goal", "target"], words: Text,
                     text: str, value: Decimal | None, have_results: bool) -> GoalState:
    threshold = single_threshold(text)
    why: Unknown | None = None
    state: State = "unknown"
    if threshold is None:
        why = "no-threshold"
    elif value is None:
        why = "not-measured" if have_results else "no-results"
    else:
        state = "met" if meets(threshold, value) else "not-met"
    return GoalState(id_, code, kind, words, threshold, None, value,
                     "results" if value is not None else None, (), state, why)


def _rank_state(id_: str, code: str, words: Text, baseline: Rank | None, value: Decimal | None,
                published: Published | None, have_results: bool) -> GoalState:
    """Better than the baseline year's place: a published table of the plan year first,
    else the place a results file gives."""
    places: tuple[int, ...] = ()
    by: Literal["results", "peers"] | None = None
    if isinstance(published, tuple):
        places, by = published, "peers"
    elif value is not None:
        places, by = (int(value),), "results"
    why: Unknown | None = None
    state: State = "unknown"
    if baseline is None:
        why = "no-baseline-rank"
    elif not places:
        why = (published if isinstance(published, str) else
               "not-measured" if have_results else "no-results")
    elif max(places) < baseline.position:
        state = "met"
    elif min(places) >= baseline.position:
        state = "not-met"
    else:
        why = "rank-between"
    # the place measured: a partial table's bounds leave it unknown (null), `places` has them
    measured = Decimal(places[0]) if len(places) == 1 else None
    return GoalState(id_, code, "goal", words, None, baseline, measured, by, places, state,
                     why)


def published_places(peers: PeersFile, province: str, year: int) -> Published:
    """The province's place in a published table of `year` that holds it: its published
    rank, else the place its score takes among the others (bounds for a partial table);
    else why the table does not say."""
    from parcli.engine.ranking import standings
    from parcli.text import fold

    if peers.year != year:
        return "peers-other-year"
    own = next((p for p in peers.provinces if fold(p.province) == fold(province)), None)
    if own is None:
        return "peers-without-province"
    if own.rank is not None:
        return (own.rank,)
    return standings(peers, province, [own.score])[0].places
