"""The plan file's own tasks as a list beside Appendix II's: Part II's tasks (by field, no
agency named) and Part III's duties (by agency), for the commands that list tasks; and what
a change of the plan file does to its items (`parcli diff`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

    from parcli.engine.agencies import Registry
    from parcli.engine.gap import LeafGap
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


def led_codes(gaps: Iterable[LeafGap], agency: str) -> set[str]:
    """The codes of the criteria an agency leads (its leaves in `leaf_gaps`' answer), with
    their ancestors."""
    led: set[str] = set()
    for gap in gaps:
        if agency in gap.leads:
            led |= {gap.node.code, *(node.code for node in gap.node.ancestors())}
    return led


BodyPart = Literal["purpose", "requirement", "goal", "section", "task", "target", "duties",
                   "duty"]
BODY_PARTS: tuple[BodyPart, ...] = ("purpose", "requirement", "goal", "section", "task",
                                    "target", "duties", "duty")
BodyKey = Literal["text", "title", "heading", "measure", "criteria", "subjects", "agencies"]
BODY_KEYS: tuple[BodyKey, ...] = ("text", "title", "heading", "measure", "criteria",
                                  "subjects", "agencies")
BodyChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class BodyChange:
    """An item of the plan file added or removed (its main key: a task's text, a section's
    title), or one of its keys changed (by its code; a goal by its id). Lists read as their
    items joined with ", "."""

    part: BodyPart
    code: str
    key: BodyKey
    kind: BodyChangeKind
    old: str | None
    new: str | None


def compare_bodies(old: PlanFile | None, new: PlanFile | None) -> list[BodyChange]:
    """What a change of the plan file does to its items, in the new file's order, then the
    removed ones in the old file's order. A plan file on one side only: every item added
    (or removed). A change of who a duty names, which criteria a section serves or a
    target's subjects is a change: it moves work between agencies."""
    before, after = _printed(old), _printed(new)
    items_before = {(part, code) for part, code, _ in before}
    items_after = {(part, code) for part, code, _ in after}
    changes = []
    for (part, code, key), value in after.items():
        if (part, code) not in items_before:
            if key == _MAIN[part]:
                changes.append(BodyChange(part, code, key, "added", None, value))
        elif before.get((part, code, key)) != value:
            changes.append(BodyChange(part, code, key, "changed", before.get((part, code, key)),
                                      value))
    changes += [BodyChange(part, code, key, "removed", value, None)
                for (part, code, key), value in before.items()
                if (part, code) not in items_after and key == _MAIN[part]]
    return changes


_MAIN: dict[BodyPart, BodyKey] = {"purpose": "text", "requirement": "text", "goal": "text",
                                  "section": "title", "task": "text", "target": "text",
                                  "duties": "heading", "duty": "text"}


def _printed(plan: PlanFile | None) -> dict[tuple[BodyPart, str, BodyKey], str]:
    """Every item's keys by part, code and key (a goal by its id), lists joined."""
    if plan is None:
        return {}
    found: dict[tuple[BodyPart, str, BodyKey], str] = {}
    found.update({("purpose", item.code, "text"): item.text for item in plan.purposes})
    found.update({("requirement", item.code, "text"): item.text for item in plan.requirements})
    for goal in plan.goals:
        found[("goal", goal.id, "text")] = goal.text
        found[("goal", goal.id, "measure")] = goal.measure
    for field in plan.fields:
        found[("section", field.code, "title")] = field.title
        found[("section", field.code, "criteria")] = ", ".join(field.criteria)
        for task in field.tasks:
            found[("task", task.code, "text")] = task.text
            found[("task", task.code, "criteria")] = ", ".join(task.criteria)
            for target in task.targets:
                found[("target", target.code, "text")] = target.text
                found[("target", target.code, "subjects")] = ", ".join(target.subjects)
    for duty in plan.duties:
        found[("duties", duty.code, "heading")] = duty.heading
        found[("duties", duty.code, "agencies")] = ", ".join(duty.agencies)
        found.update({("duty", item.code, "text"): item.text for item in duty.items})
    return found
