"""A deadline parcli cannot read will never show up as due or overdue."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.deadlines import parse_deadline
from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "unparsed-deadline"
RULES = [RuleInfo(ID, "warning", "a deadline cannot be parsed",
                  "không đọc được thời hạn")]
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Problem]:
    data = context.dataset.assignments_file
    for index, item in enumerate(data.assignments):
        if item.deadline and parse_deadline(item.deadline, data.year) is None:
            yield context.assignment_problem(
                ID, "warning", index,
                f"deadline {item.deadline!r} of {item.code} is not a form parcli knows "
                "(Quý I-IV, Trước ngày dd/mm, Tháng m, Trong năm [yyyy], Thường xuyên, "
                "Theo quy định ...)", key="deadline")
