"""The assignments must be the plan of the criteria file's target year.

Failing: `criteria_2021.yaml` (target_year 2021) with `assignments_2020.yaml` (year 2020).
Passing: the same year in both.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "year-mismatch"
LEVEL = "error"
ORDER = 90
DESCRIPTION = Text("the assignments' year differs from the criteria's target year",
                   "năm của tệp phân công khác năm mục tiêu của tệp tiêu chí")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("assignments of {year} with criteria whose target year is {target} ({file})",
               "tệp phân công năm {year} nhưng năm mục tiêu của tệp tiêu chí là {target} "
               "({file})")


def check(context: Context) -> Iterator[Found]:
    year = context.dataset.assignments_file.year
    target = context.dataset.criteria_file.target_year
    if year != target:
        yield Found("assignments", ("year",),
                    MESSAGE.format(year=year, target=target, file=context.loaded("criteria")
                                   .file))
