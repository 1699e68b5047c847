"""An assignment that lacks a deliverable, a requirement, a deadline or a lead cannot be chased."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

FIELDS = {
    "product": ("missing-product", "no deliverable", "sản phẩm"),
    "requirement": ("missing-requirement", "no quality requirement", "yêu cầu chất lượng"),
    "deadline": ("missing-deadline", "no deadline", "thời hạn"),
    "lead": ("missing-lead", "no lead agency", "cơ quan chủ trì"),
}
RULES = [RuleInfo(rule, "warning", f"an assignment has {what}", f"nhiệm vụ thiếu {what_vi}")
         for rule, what, what_vi in FIELDS.values()]
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Problem]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if item.is_heading:
            continue
        for key, (rule, what, what_vi) in FIELDS.items():
            if not getattr(item, key):
                message = ("assignment {code} has " + what, "nhiệm vụ {code} thiếu " + what_vi)
                yield context.assignment_problem(rule, "warning", index,
                                                 context.say(message, code=item.code))
