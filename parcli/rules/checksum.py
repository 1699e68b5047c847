"""A printed subtotal that differs from what its rows add up to, beyond the tolerance, and
that the data does not acknowledge.

Failing: field `3` printing `target: 13.7` while its rows add up to 13.68 (tolerance 0.01).
Passing: the rows add up (within the tolerance), or the row says
`acknowledged: {target: "as printed in the source"}` (then `check` shows it as acknowledged).
A subtotal with an unknown row cannot be checked: `check` lists it as not checkable.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.checksum import TOTAL, Finding, check_sums
from parcli.numbers import number_text
from parcli.rules.base import Context, Found, column_name
from parcli.text import Text

ID = "checksum"
LEVEL = "error"
ORDER = 110
DESCRIPTION = Text("a printed subtotal differs from the sum of its rows",
                   "điểm của lĩnh vực (tiêu chí) ghi trong kế hoạch khác tổng các dòng của nó")
NEEDS = ("criteria",)
MESSAGE = Text("{code} {column}: printed {printed}, rows add up to {computed} (difference "
               "{difference}); fix the data or acknowledge it with a reason",
               "{code}, cột {column}: số liệu theo kế hoạch {printed}, các dòng cộng lại được "
               "{computed} (chênh lệch {difference}); sửa dữ liệu hoặc ghi nhận sai lệch kèm "
               "lý do")


def check(context: Context) -> Iterator[Found]:
    for finding in check_sums(context.tree, context.tolerance).errors:
        yield found(finding, context)


def found(finding: Finding, context: Context | None = None) -> Found:
    """A finding at the printed value's position."""
    loc: tuple[str | int, ...] = ((TOTAL, finding.column) if finding.row_index is None
                                  else ("criteria", finding.row_index, finding.column))
    return Found("criteria", loc, MESSAGE.format(
        code=finding.code, column=column_name(finding.column, context),
        printed=number_text(finding.printed), computed=number_text(finding.computed),
        difference=number_text(finding.difference)), finding.code)
