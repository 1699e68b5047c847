"""A leaf criterion no assignment covers: points nobody has been asked to win."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.gap import leaf_points
from parcli.problems import Problem
from parcli.render import number
from parcli.rules import Context, RuleInfo

ID = "uncovered-criterion"
RULES = [RuleInfo(ID, "warning", "a leaf criterion has no assignment",
                  "tiêu chí lá chưa được phân công")]
NEEDS = ("criteria", "assignments")
MESSAGE = ("criterion {code} has no assignment (gain {gain}, lost {lost} points)",
           "tiêu chí {code} chưa được phân công (tăng {gain}, mất {lost} điểm)")


def check(context: Context) -> Iterator[Problem]:
    for node in context.tree.leaves:
        # A group heading (code and title only) assigns nothing to anyone: it does not cover.
        if not any(not item.is_heading for item in context.mapped.get(node.code, [])):
            points = leaf_points(node.row)
            yield context.criterion_problem(
                ID, "warning", node.index,
                context.say(MESSAGE, code=node.code, gain=number(points.gain),
                            lost=number(points.lost)))
