"""An assignment task without its quality requirement cannot be chased.

Failing: an item with a deliverable or a deadline but no `requirement`.
Passing: `requirement: Hoàn thành 100%`.
A heading (code and title only) needs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules._missing import missing
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "missing-requirement"
LEVEL = "warning"
ORDER = 180
DESCRIPTION = Text("an assignment has no quality requirement", "nhiệm vụ thiếu yêu cầu chất lượng")
NEEDS = ("assignments",)


def check(context: Context) -> Iterator[Found]:
    yield from missing(context, "requirement", Text("no quality requirement", "yêu cầu chất lượng"))
