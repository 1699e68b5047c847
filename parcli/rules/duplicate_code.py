"""A code used twice in the same file makes every later lookup ambiguous."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "duplicate-code"
RULES = [RuleInfo(ID, "error", "a code appears twice in the same file",
                  "một mã xuất hiện hai lần trong cùng một tệp")]
NEEDS = ("criteria",)
MESSAGE = ("duplicate code {code} (first at line {line})",
           "mã {code} bị trùng (lần đầu ở dòng {line})")


def check(context: Context) -> Iterator[Problem]:
    yield from _duplicates(context, "criteria")
    if context.has("assignments"):
        yield from _duplicates(context, "assignments")


def _duplicates(context: Context, kind: str) -> Iterator[Problem]:
    loaded = context.criteria if kind == "criteria" else context.assignments
    rows = getattr(loaded.model, kind)
    first: dict[str, int] = {}
    for index, row in enumerate(rows):
        if row.code in first:
            line, _ = loaded.document.position((kind, first[row.code], "code"))
            problem = (context.criterion_problem if kind == "criteria"
                       else context.assignment_problem)
            yield problem(ID, "error", index, context.say(MESSAGE, code=row.code, line=line))
        else:
            first[row.code] = index
