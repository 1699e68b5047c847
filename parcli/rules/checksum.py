"""A printed subtotal that differs from its rows beyond the tolerance, unacknowledged."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.checksum import TOTAL, Finding
from parcli.engine.checksum import check as check_sums
from parcli.i18n import Lang, t
from parcli.load import Document
from parcli.problems import Problem
from parcli.render import number
from parcli.rules import Context, RuleInfo

ID = "checksum"
RULES = [RuleInfo(ID, "error", "a printed subtotal differs from the sum of its rows",
                  "tổng phụ in trong tài liệu khác tổng các dòng của nó")]
NEEDS = ("criteria",)


MESSAGE = ("{code} {column}: printed {printed}, rows add up to {computed} (difference "
           "{difference})",
           "{code} cột {column}: số in {printed}, các dòng cộng lại được {computed} (chênh lệch "
           "{difference})")
FIX = ("fix the data or acknowledge it with a reason", "sửa dữ liệu hoặc ghi nhận kèm lý do")


def check(context: Context) -> Iterator[Problem]:
    for finding in check_sums(context.tree, context.tolerance).errors:
        yield problem(context.criteria.document, finding, context.lang)


def problem(document: Document, finding: Finding, lang: Lang = "en") -> Problem:
    """A finding at the printed value's position: an error, or a warning once acknowledged."""
    pick = 1 if lang == "vi" else 0
    column = t(finding.column, "vi").lower() if lang == "vi" else finding.column
    message = MESSAGE[pick].format(
        code=finding.code, column=column, printed=number(finding.printed),
        computed=number(finding.computed), difference=number(finding.difference))
    if finding.status == "error":
        message += f"; {FIX[pick]}"
    else:
        message += f"; {t(finding.status, lang)}" + (f": {finding.reason}" if finding.reason
                                                      else "")
    loc: tuple[str | int, ...] = ((TOTAL, finding.column) if finding.row_index is None
                                  else ("criteria", finding.row_index, finding.column))
    level = "error" if finding.status == "error" else "warning"
    return document.problem(ID, message, loc, level, finding.code)
