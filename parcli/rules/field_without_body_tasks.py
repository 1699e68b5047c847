"""A field of the index for which the plan's body (Part II) lists no task: the appendices
may assign its criteria, but the plan itself says nothing about how the field improves.

Failing: Appendix I has field 8 and no section of Part II serves it or one of its criteria
(`criteria: ["8"]`, `criteria: ["8.2", "8.3"]`), or the section that does lists no task.
Passing: a section with at least one task for every top-level criterion.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "field-without-body-tasks"
LEVEL = "warning"
ORDER = 165
DESCRIPTION = Text("a field has no task in the plan's Part II",
                   "lĩnh vực chưa có nhiệm vụ trong phần nội dung thực hiện của Kế hoạch")
NEEDS = ("criteria", "plan")
MESSAGE = Text("field {code} has no task in the plan's Part II",
               "lĩnh vực {code} chưa có nhiệm vụ trong phần nội dung thực hiện của Kế hoạch")


def check(context: Context) -> Iterator[Found]:
    by_code = context.tree.by_code
    served = {by_code[code].field.code for field in context.dataset.plan_file.fields
              if field.tasks for code in field.criteria if code in by_code}
    for node in context.tree.roots:
        if node.code not in served:
            yield context.criterion(node.index, MESSAGE.format(code=node.code))
