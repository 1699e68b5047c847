"""A leaf criterion without a number the file otherwise prints (max, baseline or target):
its points are unknown. parcli never reads a missing number as zero: gap, agencies and the
report leave it out of every sum and say so, and `check` cannot verify the subtotals above it.

Failing: a leaf with `max: 1` and `target: 1` but no `baseline`, in a file whose total prints
a baseline. Passing: all three numbers; or none of a column anywhere (a first year without
baselines), or `baseline: null` on purpose — still reported, as unknown is unknown.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.models.criteria import SCORE_COLUMNS
from parcli.rules.base import Context, Found, column_name
from parcli.text import Text

ID = "missing-number"
LEVEL = "warning"
ORDER = 120
DESCRIPTION = Text("a leaf criterion lacks max, baseline or target: its points are unknown",
                   "tiêu chí thành phần thiếu điểm tối đa, điểm năm trước hoặc mục tiêu: "
                   "chưa biết điểm")
NEEDS = ("criteria",)
MESSAGE = Text("criterion {code} has no {column}: unknown, left out of every sum",
               "tiêu chí thành phần {code} không có {column}: chưa biết điểm, không cộng vào "
               "tổng nào")


def check(context: Context) -> Iterator[Found]:
    data = context.dataset.criteria_file
    used = [column for column in SCORE_COLUMNS
            if data.total.value(column) is not None
            or any(row.value(column) is not None for row in data.criteria)]
    for node in context.tree.leaves:
        for column in used:
            if node.row.value(column) is None:
                yield context.criterion(node.index, MESSAGE.format(
                    code=node.code, column=column_name(column, context)))
