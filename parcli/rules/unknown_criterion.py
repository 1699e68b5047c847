"""An assignment must belong to a criterion: its own code or its nearest ancestor's.

Failing: assignment `9.1` when the criteria file has no field 9. Passing: `1.3.1` when
`1.3` exists (it maps to 1.3; see `assignment-without-criterion` when 1.3.1 was a criterion).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "unknown-criterion"
LEVEL = "error"
ORDER = 80
DESCRIPTION = Text("an assignment's code maps to no criterion",
                   "mã nhiệm vụ không thuộc tiêu chí nào")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("assignment {code} maps to no criterion (no {code} nor any ancestor of it in "
               "the criteria file)",
               "nhiệm vụ {code} không thuộc tiêu chí nào (tệp tiêu chí không có {code} hay "
               "tiêu chí cấp trên nào của nó)")


def check(context: Context) -> Iterator[Found]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if context.tree.nearest(item.code) is None:
            yield context.assignment(index, MESSAGE.format(code=item.code))
