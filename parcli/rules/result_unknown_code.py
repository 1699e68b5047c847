"""A result for a criterion, or a status for an assignment, that the plan does not have: a
typo, or a plan edited after the results were written. Its score or status would be lost.

Failing: `results: [{code: "9.9", ...}]` when the criteria file has no 9.9; a status for
assignment 1.7 when the assignments file has none (nor the plan file's Part II); a measured
goal `sipas2` when the plan file has no such goal or target. Passing: the plan's own codes.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "result-unknown-code"
LEVEL = "error"
ORDER = 240
DESCRIPTION = Text("a result or a status for a code the plan does not have",
                   "kết quả hoặc trạng thái của một mã không có trong kế hoạch")
NEEDS = ("criteria", "results")
CRITERION = Text("no criterion {code} in the criteria file: its score would be lost",
                 "tệp tiêu chí không có tiêu chí {code}: điểm này sẽ bị bỏ qua")
GOAL = Text("no goal or body target {code} in the plan file: its value would be lost",
            "tệp kế hoạch không có mục tiêu hay chỉ tiêu {code}: giá trị này sẽ bị bỏ qua")
ASSIGNMENT = Text("no assignment {code} in the assignments file: its status would be lost",
                  "tệp phân công không có nhiệm vụ {code}: trạng thái này sẽ bị bỏ qua")


def check(context: Context) -> Iterator[Found]:
    results = context.dataset.results_file
    known = context.tree.by_code
    for index, result in enumerate(results.results):
        if result.code not in known:
            yield Found("results", ("results", index, "code"),
                        CRITERION.format(code=result.code), result.code)
    plan = context.dataset.plan_file if context.has("plan") else None
    if plan is not None:
        goals = {goal.id for goal in plan.goals} | {t.code for _, t in plan.targets()}
        for index, entry in enumerate(results.measured):
            if entry.id not in goals:
                yield Found("results", ("measured", index, "id"), GOAL.format(code=entry.id),
                            entry.id)
    if not context.has("assignments"):
        return
    tasks = {item.code for item in context.dataset.assignments_file.assignments}
    if plan is not None:  # the plan file's tasks and duties have statuses too
        tasks |= {task.code for _, task in plan.tasks()}
        tasks |= {item.code for duty in plan.duties for item in duty.items}
    for index, status in enumerate(results.statuses):
        if status.code not in tasks:
            yield Found("results", ("statuses", index, "code"),
                        ASSIGNMENT.format(code=status.code), status.code)
