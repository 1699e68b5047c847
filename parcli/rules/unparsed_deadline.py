"""A deadline parcli cannot read will never show up as due or overdue.

Failing: `deadline: sớm nhất có thể`. Passing: every form in docs/DEADLINES.md, such as
`Quý III`, `Trước ngày 01/12`, `Tháng 6/2023`, `Thường xuyên`.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "unparsed-deadline"
LEVEL = "warning"
ORDER = 220
DESCRIPTION = Text("a deadline cannot be parsed", "không đọc được thời gian hoàn thành")
NEEDS = ("assignments",)
MESSAGE = Text("deadline {deadline!r} of {code} is not a form parcli knows (see "
               "docs/DEADLINES.md)",
               "thời gian hoàn thành {deadline!r} của {code} không theo dạng parcli đọc được "
               "(xem docs/DEADLINES.md)")


def check(context: Context) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule, `check` runs without assignments.
    from parcli.engine.deadlines import parse_deadline

    data = context.dataset.assignments_file
    for index, item in enumerate(data.assignments):
        if item.deadline and parse_deadline(item.deadline, data.year) is None:
            yield context.assignment(
                index, MESSAGE.format(deadline=item.deadline, code=item.code), "deadline")
