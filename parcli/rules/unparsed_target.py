"""A goal or a body target that parcli cannot measure: its text is not a clause of the
task it belongs to, or it holds no single threshold of the requirement grammar
(docs/REQUIREMENTS.md). Its state would never be known.

Failing: target `II.8.4.a` with text "vượt chỉ tiêu" (no number); a target whose text is
not found in its task's text; a goal `measure: threshold` with "tăng vị thứ xếp hạng".
Passing: "Thực hiện thu ngân sách năm 2020 của tỉnh vượt chỉ tiêu từ 4% trở lên" inside its
task's text (one threshold, `>= 4 %`).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "unparsed-target"
LEVEL = "error"
ORDER = 175
DESCRIPTION = Text("a goal or body target holds no single measurable threshold",
                   "mục tiêu hoặc chỉ tiêu trong Kế hoạch không đo được")
NEEDS = ("plan",)
NOT_IN_TASK = Text("target {code}: its text is not part of task {task}'s text",
                   "chỉ tiêu {code}: nội dung không có trong nhiệm vụ {task}")
NO_THRESHOLD = Text("{code}: '{text}' does not hold exactly one threshold of the requirement "
                    "grammar (docs/REQUIREMENTS.md)",
                    "{code}: '{text}' không nêu đúng một mức đo được theo cách viết yêu cầu "
                    "(docs/REQUIREMENTS.md)")


def check(context: Context) -> Iterator[Found]:
    from parcli.engine.requirements import parse_requirement

    plan = context.dataset.plan_file
    for index, goal in enumerate(plan.goals):
        if goal.measure == "threshold" and len(parse_requirement(goal.text)) != 1:
            yield Found("plan", ("goals", index, "text"), NO_THRESHOLD.format(
                code=goal.id, text=goal.text), goal.code)
    for f, field in enumerate(plan.fields):
        for n, task in enumerate(field.tasks):
            for m, target in enumerate(task.targets):
                loc = ("fields", f, "tasks", n, "targets", m, "text")
                if " ".join(target.text.split()) not in " ".join(task.text.split()):
                    yield Found("plan", loc, NOT_IN_TASK.format(code=target.code,
                                                                task=task.code), target.code)
                # two thresholds in one clause parse to none: "exactly one", not a count
                if len(parse_requirement(target.text)) != 1:
                    yield Found("plan", loc, NO_THRESHOLD.format(
                        code=target.code, text=target.text), target.code)
