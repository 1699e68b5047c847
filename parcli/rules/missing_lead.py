"""An assignment task without its lead cannot be chased.

Failing: an item with a deliverable or a deadline but no `lead`. Passing: `lead: [Sở Nội vụ]`.
A heading (code and title only) needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules._missing import missing
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "missing-lead"
LEVEL = "warning"
ORDER = 200
DESCRIPTION = Text("an assignment has no lead agency", "nhiệm vụ thiếu cơ quan chủ trì")
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Found]:
    yield from missing(context, "lead", Text("no lead agency", "cơ quan chủ trì"))
