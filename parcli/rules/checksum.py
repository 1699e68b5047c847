"""A printed subtotal that differs from its rows beyond the tolerance, unacknowledged."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.checksum import check as check_sums
from parcli.problems import Problem
from parcli.render import number
from parcli.rules import Context, RuleInfo

ID = "checksum"
RULES = [RuleInfo(ID, "error", "a printed subtotal differs from the sum of its rows")]
NEEDS = ("criteria",)


def check(context: Context) -> Iterator[Problem]:
    for finding in check_sums(context.tree, context.tolerance).errors:
        message = (f"{finding.code} {finding.column}: printed {number(finding.printed)}, "
                   f"rows add up to {number(finding.computed)} (difference "
                   f"{number(finding.difference)}); fix the data or acknowledge it with a reason")
        if finding.row_index is None:
            yield context.criteria.document.problem(ID, message, ("total", finding.column),
                                                    "error", finding.code)
        else:
            yield context.criterion_problem(ID, "error", finding.row_index, message,
                                            key=finding.column)
