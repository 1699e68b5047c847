"""An assignment task without its deadline cannot be chased.

Failing: an item with a deliverable or a deadline but no `deadline`. Passing: `deadline: Quý IV`.
A heading (code and title only) needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules._missing import missing
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "missing-deadline"
LEVEL = "warning"
ORDER = 190
DESCRIPTION = Text("an assignment has no deadline", "nhiệm vụ thiếu thời gian hoàn thành")
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Found]:
    yield from missing(context, "deadline", Text("no deadline", "thời gian hoàn thành"))
