"""An assignment task without its deliverable cannot be chased.

Failing: an item with a deliverable or a deadline but no `product`. Passing: `product: Báo cáo`.
A heading (code and title only) needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules._missing import missing
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "missing-product"
LEVEL = "warning"
ORDER = 170
DESCRIPTION = Text("an assignment has no deliverable", "nhiệm vụ thiếu sản phẩm")
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Found]:
    yield from missing(context, "product", Text("no deliverable", "sản phẩm"))
