"""The plan file's own tasks as a list beside Appendix II's: Part II's tasks (by field, no
agency named) and Part III's duties (by agency), for the commands that list tasks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from parcli.engine.agencies import Registry
    from parcli.engine.plan import Plan
    from parcli.models.body import PlanFile
    from parcli.text import Text


@dataclass(frozen=True)
class BodyItem:
    code: str
    part: Literal["task", "duty"]
    words: Text
    criteria: tuple[str, ...]  # a task's: those it names, else its section's
    agencies: tuple[str, ...]  # a duty's: the registry ids of the agencies it names


def body_items(plan: PlanFile, registry: Registry, year: int) -> list[BodyItem]:
    """Every task of Part II, then every duty of Part III, in the file's order."""
    items = [BodyItem(task.code, "task", task.words,
                      tuple(task.criteria or field.criteria), ())
             for field, task in plan.tasks()]
    for duty in plan.duties:
        agencies = tuple(registry.current_ids(duty.agencies, year))
        items += [BodyItem(item.code, "duty", item.words, (), agencies)
                  for item in duty.items]
    return items


def for_agency(items: list[BodyItem], agency: str, led: set[str]) -> list[BodyItem]:
    """An agency's part of the body: the duties naming it, and the tasks of the fields in
    which it leads a criterion (`led`: the codes it leads, with their ancestors)."""
    return [item for item in items
            if (item.part == "duty" and agency in item.agencies)
            or (item.part == "task" and any(code in led for code in item.criteria))]


def led_codes(dataset: Plan, agency: str) -> set[str]:
    """The codes of the criteria an agency leads, with their ancestors."""
    from parcli.engine.gap import leaf_gaps

    led: set[str] = set()
    for gap in leaf_gaps(dataset.tree, dataset.registry, dataset.mapped):
        if agency in gap.leads:
            led |= {gap.node.code, *(node.code for node in gap.node.ancestors())}
    return led
