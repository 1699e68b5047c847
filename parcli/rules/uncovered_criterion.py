"""A leaf criterion no assignment covers: points nobody has been asked to win.

Failing: leaf `2.4.1` with no assignment `2.4.1` (nor one of its sub-items). Passing: an
assignment with the same code that carries a task (a heading alone does not cover).

With a plan file, the message also says what the body does for the leaf's field: the tasks
its section lists, and whether one of them names the leaf (`criteria:`), so the whole truth
is in one line ("Part II.2 lists 3 tasks for field 2, none names it").
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

SECTION = Text("Part {section} lists {count} tasks for field {fields}, {named}",
               "mục {section} của Kế hoạch có {count} nhiệm vụ cho lĩnh vực {fields}, {named}")
NONE_NAMES = Text("none names it", "không nhiệm vụ nào nêu tiêu chí này")
NAMED = Text("{tasks} names it", "nhiệm vụ {tasks} nêu tiêu chí này")
NO_SECTION = Text("the plan's Part II has no section for field {field}",
                  "phần nội dung thực hiện của Kế hoạch không có mục cho lĩnh vực {field}")


def check(context: Context) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule; a run that skips it need not.
    from parcli.engine.gap import leaf_points
    from parcli.engine.tree import uncovered_leaves

    for node in uncovered_leaves(context.tree, context.mapped):
        points = leaf_points(node.row)
        message = MESSAGE.format(code=node.code, gain=_known(points.gain),
                                 lost=_known(points.lost))
        if context.has("plan"):
            message = _joined(message, _body(context, node.code,
                                             [a.code for a in node.ancestors()]))
        yield context.criterion(node.index, message)


def _body(context: Context, code: str, ancestors: list[str]) -> Text:
    """What the body's Part II does for the leaf: its section's tasks, and those naming it."""
    sections = [field for field in context.dataset.plan_file.fields
                if any(c == code or c in ancestors for c in field.criteria)]
    if not sections:
        return NO_SECTION.format(field=ancestors[-1] if ancestors else code)
    parts = []
    for field in sections:
        naming = [task.code for task in field.tasks if code in task.criteria]
        named = (NAMED.format(tasks=", ".join(naming)) if naming else NONE_NAMES)
        parts.append(SECTION.format(section=field.code, count=len(field.tasks),
                                    fields=", ".join(field.criteria), named=named))
    return Text("; ".join(p.en for p in parts), "; ".join(p.vi for p in parts))


def _joined(first: Text, second: Text) -> Text:
    return Text(f"{first.en}; {second.en}", f"{first.vi}; {second.vi}")


def _known(value: object) -> Text:
    from decimal import Decimal

    return number_text(value) if isinstance(value, Decimal) else Text.same("?")
