"""An assignment whose own code is no criterion, though an ancestor is, and that ancestor has
criteria of its own at that level: criterion 1.6 was deleted and its assignment kept, and
the assignment now silently counts under field 1. A warning, so a deletion is never silent.
Sub-items of a leaf criterion (assignments 1.3.1 and 1.3.2 under leaf 1.3) are the plan's
own way of dividing the work and pass.

Failing: assignment `1.6` when the criteria file has `1` but no `1.6`.
Passing: assignment `1.6` with criterion `1.6`.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "assignment-without-criterion"
LEVEL = "warning"
ORDER = 150
DESCRIPTION = Text("an assignment's own code is no criterion; it counts under an ancestor",
                   "mã nhiệm vụ không phải là tiêu chí; nhiệm vụ được tính vào tiêu chí cấp trên")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("assignment {code} has no criterion {code}; it counts under {parent}",
               "nhiệm vụ {code} không có tiêu chí {code} tương ứng; được tính vào tiêu chí "
               "{parent}")


def check(context: Context) -> Iterator[Found]:
    tree = context.tree
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        node = tree.nearest(item.code)
        # Under a leaf, finer codes are the plan's own sub-items (1.3.1 under leaf 1.3); under
        # a row that has criteria at that level, the code was one of them and is gone.
        if node is not None and node.code != item.code and node.children:
            yield context.assignment(index, MESSAGE.format(code=item.code, parent=node.code))
