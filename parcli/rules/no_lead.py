"""A leaf criterion nobody leads: no lead of its own, none inherited, none in its assignments.
Its points would belong to no one, so CI fails on it."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.gap import leaf_points, resolve_leads
from parcli.problems import Problem
from parcli.render import number
from parcli.rules import Context, RuleInfo

ID = "no-lead"
RULES = [RuleInfo(ID, "error", "a leaf criterion has no lead: none of its own, inherited or "
                  "in its assignments",
                  "tiêu chí lá không có cơ quan chủ trì, kể cả kế thừa hay từ phân công")]
NEEDS = ("criteria", "assignments", "agencies")
MESSAGE = ("criterion {code} has nobody responsible ({lost} points lost): give it a lead here "
           "or in an assignment",
           "tiêu chí {code} không có cơ quan chịu trách nhiệm (mất {lost} điểm): ghi cơ quan "
           "chủ trì ở đây hoặc trong phân công")


def check(context: Context) -> Iterator[Problem]:
    for node in context.tree.leaves:
        _, source = resolve_leads(node, context.registry, context.mapped)
        if source == "none":
            lost = leaf_points(node.row).lost
            yield context.criterion_problem(
                ID, "error", node.index, context.say(MESSAGE, code=node.code, lost=number(lost)))
