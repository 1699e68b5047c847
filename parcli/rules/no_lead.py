"""A leaf criterion nobody leads: no lead of its own, none inherited, none in its
assignments. Its points would belong to no one, so CI fails on it. Survey-scored criteria
(`method: survey`) need no lead: no department's evidence wins their points.

Failing: a leaf without `lead`, under a field without `lead`, and no assignment with a lead.
Passing: `lead: [Sở Nội vụ]` on the leaf or an ancestor, or an assignment of it with a lead.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.numbers import number_text
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "no-lead"
LEVEL = "error"
ORDER = 140
DESCRIPTION = Text("a leaf criterion has no lead: none of its own, inherited or in its "
                   "assignments",
                   "tiêu chí thành phần không có cơ quan chủ trì, kể cả của tiêu chí cấp trên "
                   "hay ở nhiệm vụ")
NEEDS = ("criteria", "assignments", "agencies")
MESSAGE = Text("criterion {code} has nobody responsible ({lost} points lost): give it a lead "
               "here or in an assignment",
               "tiêu chí thành phần {code} không có cơ quan chịu trách nhiệm ({lost} điểm bị "
               "mất): ghi cơ quan chủ trì ở đây hoặc ở nhiệm vụ")


def check(context: Context) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule; a run that skips it need not.
    from parcli.engine.gap import leaf_points, resolve_leads

    mapped = context.mapped
    for node in context.tree.leaves:
        _, source = resolve_leads(node, context.registry, mapped)
        if source == "none":
            lost = leaf_points(node.row).lost
            yield context.criterion(node.index, MESSAGE.format(
                code=node.code, lost=number_text(lost) if lost is not None else "?"))
