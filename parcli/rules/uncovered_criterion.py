"""A leaf criterion no assignment covers: points nobody has been asked to win.

Failing: leaf `2.4.1` with no assignment `2.4.1` (nor one of its sub-items). Passing: an
assignment with the same code that carries a task (a heading alone does not cover).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.numbers import number_text
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "uncovered-criterion"
LEVEL = "warning"
ORDER = 160
DESCRIPTION = Text("a leaf criterion has no assignment",
                   "tiêu chí thành phần chưa có nhiệm vụ trong Phụ lục II")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("criterion {code} has no assignment (gain {gain}, lost {lost} points)",
               "tiêu chí thành phần {code} chưa có nhiệm vụ trong Phụ lục II (điểm cần tăng "
               "{gain}, điểm bị mất {lost})")


def check(context: Context) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule; a run that skips it need not.
    from parcli.engine.gap import leaf_points
    from parcli.engine.tree import uncovered_leaves

    for node in uncovered_leaves(context.tree, context.mapped):
        points = leaf_points(node.row)
        yield context.criterion(node.index, MESSAGE.format(
            code=node.code, gain=_known(points.gain), lost=_known(points.lost)))


def _known(value: object) -> Text:
    from decimal import Decimal

    return number_text(value) if isinstance(value, Decimal) else Text.same("?")
