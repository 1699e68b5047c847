"""A printed subtotal that differs from what its rows add up to, beyond the tolerance, and
that the data does not acknowledge.

Failing: field `3` printing `target: 13.7` while its rows add up to 13.68 (tolerance 0.01).
Passing: the rows add up (within the tolerance), or the row says
`acknowledged: {target: "as printed in the source"}` (then `check` shows it as acknowledged).
A subtotal with an unknown row cannot be checked: `check` lists it as not checkable.

Bonus rows (`kind: bonus`) are outside the maximum: "100 điểm (+5 điểm thưởng)" is
`total.max: 100` with a bonus row of `max: 5`. A max that differs from its rows by exactly
the max of its bonus rows (`total.max: 105`) is still an error, and the message says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.engine.checksum import TOTAL, Finding, check_sums
from parcli.numbers import number, number_text
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
               "ở {where}, cột {column}: số liệu theo kế hoạch {printed}, các dòng cộng lại được "
               "{computed} (chênh lệch {difference}); sửa dữ liệu hoặc ghi nhận sai lệch kèm "
               "lý do")

BONUS = Text("{code} {column}: printed {printed}, rows add up to {computed} (difference "
             "{difference}), exactly the max of its bonus rows ({rows}): bonus rows are "
             "outside the maximum, their points come on top of it; write max: {fixed}, "
             "the maximum without them",
             "ở {where}, cột {column}: số liệu theo kế hoạch {printed}, các dòng cộng lại được "
             "{computed} (chênh lệch {difference}), đúng bằng điểm tối đa của các dòng điểm "
             "thưởng ({rows}): điểm thưởng nằm ngoài điểm tối đa, được cộng thêm vào đó; ghi "
             "max: {fixed}, điểm tối đa không kể điểm thưởng")


def check(context: Context) -> Iterator[Found]:
    for finding in check_sums(context.tree, context.tolerance).errors:
        yield found(finding, context)


def found(finding: Finding, context: Context | None = None) -> Found:
    """A finding at the printed value's position."""
    loc: tuple[str | int, ...] = ((TOTAL, finding.column) if finding.row_index is None
                                  else ("criteria", finding.row_index, finding.column))
    # "lỗi ở mục 1, cột …", "lỗi ở dòng tổng, cột …": never "lỗi 1" (error number 1)
    where = Text(finding.code, "dòng tổng" if finding.row_index is None
                 else f"mục {finding.code}")
    values = {"code": finding.code, "where": where,
              "column": column_name(finding.column, context),
              "printed": number_text(finding.printed),
              "computed": number_text(finding.computed),
              "difference": number_text(finding.difference)}
    if finding.bonus is not None:
        rows, bonus = ", ".join(finding.bonus_rows), number_text(finding.bonus)
        return Found("criteria", loc, BONUS.format(
            rows=Text(f"{rows}: {bonus.en}", f"{rows}: {bonus.vi}"),
            fixed=number(finding.computed), **values), finding.code)  # as YAML writes it
    return Found("criteria", loc, MESSAGE.format(**values), finding.code)
