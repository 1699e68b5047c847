"""An assignment that lacks a deliverable, a requirement, a deadline or a lead cannot be chased."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

FIELDS = {
    "product": ("missing-product", "no deliverable"),
    "requirement": ("missing-requirement", "no quality requirement"),
    "deadline": ("missing-deadline", "no deadline"),
    "lead": ("missing-lead", "no lead agency"),
}
RULES = [RuleInfo(rule, "warning", f"an assignment has {what}") for rule, what in FIELDS.values()]
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Problem]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if item.is_heading:
            continue
        for key, (rule, what) in FIELDS.items():
            if not getattr(item, key):
                yield context.assignment_problem(rule, "warning", index,
                                                 f"assignment {item.code} has {what}")
