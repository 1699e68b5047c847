"""An assignment must belong to a criterion: its own code or its nearest ancestor's."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "unknown-criterion"
RULES = [RuleInfo(ID, "error", "an assignment's code maps to no criterion",
                  "mã nhiệm vụ không thuộc tiêu chí nào")]
NEEDS = ("criteria", "assignments")
MESSAGE = ("assignment {code} maps to no criterion (no {code} nor any ancestor of it in the "
           "criteria file)",
           "nhiệm vụ {code} không thuộc tiêu chí nào (tệp tiêu chí không có {code} hay mã cha "
           "nào của nó)")


def check(context: Context) -> Iterator[Problem]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if context.tree.nearest(item.code) is None:
            yield context.assignment_problem(
                ID, "error", index, context.say(MESSAGE, code=item.code))
