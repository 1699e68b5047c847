"""An assignment titled differently from the criterion with its code may point at the wrong one."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo
from parcli.text import fold

ID = "title-mismatch"
RULES = [RuleInfo(ID, "warning", "an assignment's title differs from its criterion's name",
                  "tên nhiệm vụ khác tên tiêu chí cùng mã")]
NEEDS = ("criteria", "assignments")
MESSAGE = ("{code} is titled {title!r} here but {name!r} in the criteria file",
           "{code} có tên {title!r} ở đây nhưng {name!r} trong tệp tiêu chí")


def check(context: Context) -> Iterator[Problem]:
    by_code = context.tree.by_code
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        node = by_code.get(item.code)
        if node is not None and fold(item.title) != fold(node.row.name):
            yield context.assignment_problem(
                ID, "warning", index,
                context.say(MESSAGE, code=item.code, title=item.title, name=node.row.name),
                key="title")
