"""Both files name a province, and not the same one: a plan paired with another's data.

Failing: `province: Khánh Hòa` in the assignments with a Đắk Lắk criteria file.
Passing: the same name (case and spacing aside), or no province in the assignments file.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "province-mismatch"
LEVEL = "error"
ORDER = 100
DESCRIPTION = Text("the two files name different provinces",
                   "hai tệp ghi hai tỉnh khác nhau")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("assignments of {theirs} with the criteria of {ours}",
               "tệp phân công ghi {theirs} nhưng tệp tiêu chí ghi {ours}")


def check(context: Context) -> Iterator[Found]:
    theirs = context.dataset.assignments_file.province
    province = context.dataset.criteria_file.province
    if theirs is not None and fold(theirs) not in {fold(province.name),
                                                   fold(province.name_en or province.name)}:
        yield Found("assignments", ("province",),
                    MESSAGE.format(theirs=theirs, ours=province.name))
