"""An assignment must belong to a criterion: its own code or its nearest ancestor's."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "unknown-criterion"
RULES = [RuleInfo(ID, "error", "an assignment's code maps to no criterion",
                  "mã nhiệm vụ không thuộc tiêu chí nào")]
NEEDS = ("criteria", "assignments")


def check(context: Context) -> Iterator[Problem]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if context.tree.nearest(item.code) is None:
            yield context.assignment_problem(
                ID, "error", index,
                f"assignment {item.code} maps to no criterion (no {item.code} nor any ancestor "
                "of it in the criteria file)")
