"""The plan file's own tasks as a list beside Appendix II's: Part II's tasks (by field, no
agency named) and Part III's duties (by agency), for the commands that list tasks; and what
a change of the plan file does to its items (`parcli diff`)."""

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


BodyPart = Literal["purpose", "requirement", "goal", "task", "target", "duty"]
BODY_PARTS: tuple[BodyPart, ...] = ("purpose", "requirement", "goal", "task", "target", "duty")
BodyChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class BodyChange:
    """An item of the plan file added, removed, or with another text (by its code; a goal
    by its id)."""

    part: BodyPart
    code: str
    kind: BodyChangeKind
    old: str | None
    new: str | None


def compare_bodies(old: PlanFile | None, new: PlanFile | None) -> list[BodyChange]:
    """What a change of the plan file does to its items, in the new file's order, then the
    removed ones in the old file's order. A plan file on one side only: every item added
    (or removed)."""
    before, after = _printed(old), _printed(new)
    changes = [BodyChange(part, code, "added" if (part, code) not in before else "changed",
                          before.get((part, code)), text)
               for (part, code), text in after.items() if before.get((part, code)) != text]
    changes += [BodyChange(part, code, "removed", text, None)
                for (part, code), text in before.items() if (part, code) not in after]
    return changes


def _printed(plan: PlanFile | None) -> dict[tuple[BodyPart, str], str]:
    """Every item's text by part and code (a goal by its id)."""
    if plan is None:
        return {}
    found: dict[tuple[BodyPart, str], str] = {}
    found.update({("purpose", item.code): item.text for item in plan.purposes})
    found.update({("requirement", item.code): item.text for item in plan.requirements})
    found.update({("goal", goal.id): goal.text for goal in plan.goals})
    for _, task in plan.tasks():
        found[("task", task.code)] = task.text
        found.update({("target", target.code): target.text for target in task.targets})
    for duty in plan.duties:
        found.update({("duty", item.code): item.text for item in duty.items})
    return found
