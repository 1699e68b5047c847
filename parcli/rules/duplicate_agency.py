"""Two registry entries with the same id, or the same name, leave it to the registry's order
who receives the points.

Failing::

    - id: home-affairs
      name: Sở Nội vụ
    - id: home-affairs
      name: Sở Nội vụ (Ban Tổ chức)

Passing: every id and every name once.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "duplicate-agency"
LEVEL = "error"
ORDER = 30
# Without it the criteria hierarchy or the registry cannot be used: it cannot be turned off.
STRUCTURAL = True
DESCRIPTION = Text("two agencies in the registry share an id or a name",
                   "hai cơ quan trong danh mục trùng mã hoặc trùng tên")
NEEDS = ("agencies",)
MESSAGE = Text("agency {key} {value!r} is already used at line {line}",
               "{key_vi} {value!r} đã dùng cho cơ quan ở dòng {line}")


def check(context: Context) -> Iterator[Found]:
    loaded = context.loaded("agencies")
    for key, key_vi in (("id", "mã"), ("name", "tên")):
        first: dict[str, int] = {}
        for index, agency in enumerate(loaded.model.agencies):
            value = getattr(agency, key)
            if fold(value) in first:
                line, _ = loaded.document.position(("agencies", first[fold(value)], key))
                yield Found("agencies", ("agencies", index, key),
                            MESSAGE.format(key=key, key_vi=key_vi, value=value, line=line),
                            agency.id)
            else:
                first[fold(value)] = index
