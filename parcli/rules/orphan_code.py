"""A row whose parent code does not come before it has no place in the hierarchy."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "orphan-code"
RULES = [RuleInfo(ID, "error", "a criterion's parent code is not defined before it",
                  "mã cha của tiêu chí không được khai báo trước nó")]
NEEDS = ("criteria",)
MESSAGE = ("criterion {code} has no parent {parent} before it",
           "tiêu chí {code} không có tiêu chí cha {parent} ở phía trước")


def check(context: Context) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, row in enumerate(context.dataset.criteria_file.criteria):
        parent = row.parent_code
        if parent is not None and parent not in seen:
            yield context.criterion_problem(
                ID, "error", index, context.say(MESSAGE, code=row.code, parent=parent))
        seen.add(row.code)
