"""A row whose parent code does not come before it has no place in the hierarchy.

Failing: `1.2.1` with no `1.2` above it (or `1.2` written after it). Passing: `1`, `1.2`,
`1.2.1`, in that order.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "orphan-code"
LEVEL = "error"
ORDER = 20
# Without it the criteria hierarchy or the registry cannot be used: it cannot be turned off.
STRUCTURAL = True
DESCRIPTION = Text("a criterion's parent code is not defined before it",
                   "tiêu chí cấp trên của tiêu chí không được khai báo trước nó")
NEEDS = ("criteria",)
MESSAGE = Text("criterion {code} has no parent {parent} before it",
               "tiêu chí {code} không có tiêu chí cấp trên {parent} ở phía trước")


def check(context: Context) -> Iterator[Found]:
    seen: set[str] = set()
    for index, row in enumerate(context.dataset.criteria_file.criteria):
        parent = row.parent_code
        if parent is not None and parent not in seen:
            yield context.criterion(index, MESSAGE.format(code=row.code, parent=parent))
        seen.add(row.code)
