"""An acknowledgement that no longer covers a real disagreement hides nothing but misleads."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "stale-acknowledgement"
RULES = [RuleInfo(ID, "warning", "a column is acknowledged but adds up within the tolerance",
                  "cột được ghi nhận chênh lệch nhưng đã khớp trong dung sai")]
NEEDS = ("criteria",)
ROW = ("{code} {column} is acknowledged but its rows add up (within the tolerance); remove the "
       "acknowledgement",
       "{code} cột {column} được ghi nhận chênh lệch nhưng các dòng đã khớp (trong dung sai); "
       "hãy bỏ ghi nhận")
TOTAL = ("total {column} is acknowledged but the fields add up; remove the acknowledgement",
         "tổng cột {column} được ghi nhận chênh lệch nhưng các lĩnh vực đã khớp; hãy bỏ ghi nhận")


def check(context: Context) -> Iterator[Problem]:
    tree = context.tree
    for node in tree.nodes:
        for column in node.row.acknowledged:
            printed, computed = node.row.value(column), tree.children_sum(node, column)
            if not node.children or printed is None or computed is None or \
                    abs(printed - computed) <= context.tolerance:
                yield context.criteria.document.problem(
                    ID, context.say(ROW, code=node.code, column=context.column(column)),
                    ("criteria", node.index, "acknowledged", column), "warning", node.code)
    total = context.dataset.criteria_file.total
    for column in total.acknowledged:
        computed = tree.fields_sum(column)
        if computed is None or abs(total.value(column) - computed) <= context.tolerance:  # type: ignore[operator]
            yield context.criteria.document.problem(
                ID, context.say(TOTAL, column=context.column(column)),
                ("total", "acknowledged", column), "warning", "total")
