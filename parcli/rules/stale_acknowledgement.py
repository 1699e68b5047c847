"""An acknowledgement that no longer covers a real disagreement hides nothing but misleads.

Failing: `acknowledged: {max: "..."}` on a row whose children add up to its max, or on a
leaf (which has no rows to add up). Passing: an acknowledgement where the difference exceeds
the tolerance.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found, column_name
from parcli.text import Text

ID = "stale-acknowledgement"
LEVEL = "warning"
ORDER = 130
DESCRIPTION = Text("a column is acknowledged but adds up within the tolerance",
                   "cột được ghi nhận sai lệch nhưng các dòng đã khớp trong dung sai")
NEEDS = ("criteria",)
ROW = Text("{code} {column} is acknowledged but its rows add up (within the tolerance); "
           "remove the acknowledgement",
           "ở mục {code}, cột {column} được ghi nhận sai lệch nhưng các dòng đã khớp (trong dung "
           "sai); hãy bỏ ghi nhận")
TOTAL = Text("total {column} is acknowledged but the fields add up; remove the "
             "acknowledgement",
             "ở dòng tổng, cột {column} được ghi nhận sai lệch nhưng các lĩnh vực cộng lại đã "
             "khớp; hãy bỏ ghi nhận")


def check(context: Context) -> Iterator[Found]:
    tree = context.tree
    for node in tree.nodes:
        for column in node.row.acknowledged:
            printed, computed = node.row.value(column), tree.children_sum(node, column)
            if not node.children or printed is None or computed is None or \
                    abs(printed - computed) <= context.tolerance:
                yield Found("criteria", ("criteria", node.index, "acknowledged", column),
                            ROW.format(code=node.code, column=column_name(column, context)),
                            node.code)
    total = context.dataset.criteria_file.total
    for column in total.acknowledged:
        printed, computed = total.value(column), tree.fields_sum(column)
        if printed is None or computed is None or abs(printed - computed) <= context.tolerance:
            yield Found("criteria", ("total", "acknowledged", column),
                        TOTAL.format(column=column_name(column, context)), "total")
