"""An assignment titled differently from the criterion with its code may point at the
wrong one.

Failing: assignment `8.5` "Tỷ lệ tăng tổng sản phẩm trên địa bàn tỉnh (GRDP)" for criterion
`8.5` "Tỷ lệ tăng tổng sản phẩm trên địa bàn (GRDP)". Passing: the same title, case and
spacing aside. Plans often shorten titles: `disable = ["title-mismatch"]` in parcli.toml.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "title-mismatch"
LEVEL = "warning"
ORDER = 230
DESCRIPTION = Text("an assignment's title differs from its criterion's name",
                   "tên nhiệm vụ khác tên tiêu chí cùng mã")
NEEDS = ("criteria", "assignments")
MESSAGE = Text("{code} is titled {title!r} here but {name!r} in the criteria file",
               "mục {code} ở Phụ lục II có tên {title!r}, khác tên ở Phụ lục I: {name!r}")


def check(context: Context) -> Iterator[Found]:
    by_code = context.tree.by_code
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        node = by_code.get(item.code)
        if node is not None and fold(item.title) != fold(node.row.name):
            yield context.assignment(index, MESSAGE.format(
                code=item.code, title=item.title, name=node.row.name), "title")
