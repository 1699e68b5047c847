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
FORMS = "(Quý I-IV, Trước ngày dd/mm, Tháng m, Trong năm [yyyy], Thường xuyên, Theo quy định ...)"
MESSAGE = ("deadline {deadline!r} of {code} is not a form parcli knows " + FORMS,
           "thời hạn {deadline!r} của {code} không theo dạng parcli đọc được " + FORMS)


def check(context: Context) -> Iterator[Problem]:
    data = context.dataset.assignments_file
    for index, item in enumerate(data.assignments):
        if item.deadline and parse_deadline(item.deadline, data.year) is None:
            yield context.assignment_problem(
                ID, "warning", index,
                context.say(MESSAGE, deadline=item.deadline, code=item.code), key="deadline")
