"""A deadline that falls due in a year other than the plan year, by a year written in it
(`Quý III/2018` in a 2020 plan: a typo for 2020, or a line copied from an older plan), or
by a day that without a year falls before the plan year (`Trước ngày 01/01` is due 31/12 of
the year before). `năm sau` says the next year on purpose and is not reported; nor is a day
the plan's issue date moves into the next year (docs/DEADLINES.md, the year rule). A
deadline with several due dates is reported when any of them is outside.

Failing: `deadline: Quý III/2018` in a 2020 plan; `deadline: Quý I/2021` in a 2020 plan.
Passing: `deadline: Quý III/2020`, `Quý I năm sau`, `Trước ngày 31/01 năm sau`,
`Trước ngày 01/01/2021` (due 31/12/2020), `Thường xuyên`, `Hằng quý`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from parcli.i18n import date_text
from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "deadline-outside-year"
LEVEL = "warning"
ORDER = 225  # right after unparsed-deadline (220); title-mismatch is 230
DESCRIPTION = Text("a deadline falls due outside the plan year",
                   "thời gian hoàn thành nằm ngoài năm kế hoạch")
NEEDS = ("assignments",)
MESSAGE = Text("deadline {deadline!r} of {code} falls due on {due}, outside the plan year "
               "{year} (write 'năm sau' if the next year is meant)",
               "thời gian hoàn thành {deadline!r} của {code} đến hạn ngày {due}, ngoài năm kế "
               "hoạch {year} (ghi 'năm sau' nếu là năm tiếp theo)")


def check(context: Context) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule; a run that skips it need not.
    from parcli.engine.deadlines import parse_deadline

    data = context.dataset.assignments_file
    for index, item in enumerate(data.assignments):
        if not item.deadline or "năm sau" in fold(item.deadline):
            continue
        due = parse_deadline(item.deadline, data.year, issued=data.issued)
        plain = parse_deadline(item.deadline, data.year)  # without the issue date's move
        if due is None or plain is None:
            continue
        outside = [day for day in due.dates if day.year != data.year]
        if outside and any(day.year != data.year for day in plain.dates):
            yield context.assignment(index, MESSAGE.format(
                deadline=item.deadline, code=item.code, due=_date(outside[0]), year=data.year),
                "deadline")


def _date(day: date) -> Text:
    """ISO in English, dd/mm/yyyy in Vietnamese, as every other date parcli writes."""
    return Text(date_text(day, "en"), date_text(day, "vi"))
