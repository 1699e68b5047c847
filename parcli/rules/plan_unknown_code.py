"""A plan file that names a criterion or an Appendix II item the plan does not have, or
uses one of its own codes or goal ids twice: the link would lead nowhere, a measured value
would go to the wrong item.

Failing: a field with `criteria: ["9"]` when Appendix I has no 9; a target with `subjects:
["6.1.9"]` when Appendix II has none; two tasks `II.3.2`. Passing: codes of the files.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "plan-unknown-code"
LEVEL = "error"
ORDER = 115
DESCRIPTION = Text("the plan file names a code the appendices do not have, or repeats one",
                   "tệp kế hoạch ghi một mã không có trong các phụ lục, hoặc một mã bị trùng")
NEEDS = ("criteria", "plan")
CRITERION = Text("no criterion {code} in the criteria file", "tệp tiêu chí không có tiêu chí "
                 "{code}")
ITEM = Text("no item {code} in the assignments file", "tệp phân công không có mục {code}")
TWICE = Text("{code} is used twice in the plan file (first at line {line})",
             "mã {code} bị trùng trong tệp kế hoạch (lần đầu ở dòng {line})")


def check(context: Context) -> Iterator[Found]:
    plan = context.dataset.plan_file
    known = context.tree.by_code
    items = ({item.code for item in context.dataset.assignments_file.assignments}
             if context.has("assignments") else None)
    seen: dict[str, tuple[str | int, ...]] = {}
    document = context.loaded("plan").document

    def once(code: str, loc: tuple[str | int, ...]) -> Iterator[Found]:
        if code in seen:
            line, _ = document.position(seen[code])
            yield Found("plan", loc, TWICE.format(code=code, line=line), code)
        else:
            seen[code] = loc

    for index, goal in enumerate(plan.goals):
        yield from once(goal.id, ("goals", index, "id"))
    for key in ("purposes", "requirements"):
        for index, item in enumerate(getattr(plan, key)):
            yield from once(item.code, (key, index, "code"))
    for f, field in enumerate(plan.fields):
        yield from once(field.code, ("fields", f, "code"))
        for c, code in enumerate(field.criteria):
            if code not in known:
                yield Found("plan", ("fields", f, "criteria", c), CRITERION.format(code=code),
                            code)
        for n, task in enumerate(field.tasks):
            where: tuple[str | int, ...] = ("fields", f, "tasks", n)
            yield from once(task.code, (*where, "code"))
            for c, code in enumerate(task.criteria):
                if code not in known:
                    yield Found("plan", (*where, "criteria", c), CRITERION.format(code=code),
                                code)
            for m, target in enumerate(task.targets):
                yield from once(target.code, (*where, "targets", m, "code"))
                for s, code in enumerate(target.subjects):
                    if items is not None and code not in items:
                        yield Found("plan", (*where, "targets", m, "subjects", s),
                                    ITEM.format(code=code), code)
    for d, duty in enumerate(plan.duties):
        yield from once(duty.code, ("duties", d, "code"))
        for n, item in enumerate(duty.items):
            yield from once(item.code, ("duties", d, "items", n, "code"))
