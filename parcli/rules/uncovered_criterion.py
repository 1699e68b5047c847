"""A leaf criterion no assignment covers: points nobody has been asked to win."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.render import number
from parcli.rules import Context, RuleInfo

ID = "uncovered-criterion"
RULES = [RuleInfo(ID, "warning", "a leaf criterion has no assignment")]
NEEDS = ("criteria", "assignments")


def check(context: Context) -> Iterator[Problem]:
    for node in context.tree.leaves:
        if node.code not in context.mapped:
            row = node.row
            gain = (row.target or 0) - (row.baseline or 0)
            lost = (row.max or 0) - (row.baseline or 0)
            yield context.criterion_problem(
                ID, "warning", node.index,
                f"criterion {node.code} has no assignment (gain {number(gain)}, "
                f"lost {number(lost)} points)")
