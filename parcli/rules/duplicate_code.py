"""A code used twice in the same file makes every later lookup ambiguous.

Failing (criteria file)::

    - code: "1.1"
    - code: "1.1"

Passing: each code once per file (the same code in the criteria and the assignments file is
how they are paired, not a duplicate).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text
from parcli.vocabulary import FileKind

ID = "duplicate-code"
LEVEL = "error"
ORDER = 10
# Without it the criteria hierarchy or the registry cannot be used: it cannot be turned off.
STRUCTURAL = True
DESCRIPTION = Text("a code appears twice in the same file",
                   "một mã xuất hiện hai lần trong cùng một tệp")
NEEDS = ("criteria",)
MESSAGE = Text("duplicate code {code} (first at line {line})",
               "mã {code} bị trùng (lần đầu ở dòng {line})")


def check(context: Context) -> Iterator[Found]:
    yield from _duplicates(context, "criteria", "criteria")
    if context.has("assignments"):
        yield from _duplicates(context, "assignments", "assignments")
    if context.has("results"):
        yield from _duplicates(context, "results", "results")
        yield from _duplicates(context, "results", "statuses")


def _duplicates(context: Context, kind: FileKind, key: str) -> Iterator[Found]:
    loaded = context.loaded(kind)
    first: dict[str, int] = {}
    for index, row in enumerate(getattr(loaded.model, key)):
        if row.code in first:
            line, _ = loaded.document.position((key, first[row.code], "code"))
            yield Found(kind, (key, index, "code"), MESSAGE.format(code=row.code, line=line),
                        row.code)
        else:
            first[row.code] = index
