"""What the four missing-* rules share: an assignment task without one of its columns."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

MESSAGE = Text("assignment {code} has {what}", "nhiệm vụ {code} thiếu {what}")


def missing(context: Context, key: str, what: Text) -> Iterator[Found]:
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        if not item.is_heading and not getattr(item, key):
            yield context.assignment(index, MESSAGE.format(code=item.code, what=what))
