"""One spelling that names two agencies (an alias of one and the name or alias of another):
which agency a criterion belongs to would depend on the registry's order.

Failing: `aliases: [UBND tỉnh]` on two agencies. Passing: each spelling belongs to one agency.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.models.agencies import Agency
from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "ambiguous-alias"
LEVEL = "error"
ORDER = 40
# Without it the criteria hierarchy or the registry cannot be used: it cannot be turned off.
STRUCTURAL = True
DESCRIPTION = Text("one spelling names two agencies in the registry",
                   "một cách viết chỉ hai cơ quan khác nhau trong danh mục")
NEEDS = ("agencies",)
MESSAGE = Text("{text!r} names both {first} (line {line}) and {second}",
               "{text!r} chỉ cả {first} (dòng {line}) và {second}")


def check(context: Context) -> Iterator[Found]:
    loaded = context.loaded("agencies")
    agencies = loaded.model.agencies
    for spellings in context.registry.spellings.values():
        if len(spellings) < 2:
            continue
        (first, _), *others = spellings
        line, _ = loaded.document.position(("agencies", first, "id"))
        for index, text in others:
            if _duplicates(agencies[first], agencies[index]):
                continue  # the same id or name twice: duplicate-agency reports it, once
            yield Found("agencies", _where(agencies[index], index, text),
                        MESSAGE.format(text=text, first=agencies[first].id, line=line,
                                       second=agencies[index].id), agencies[index].id)


def _duplicates(one: Agency, other: Agency) -> bool:
    return one.id == other.id or fold(one.name) == fold(other.name)


def _where(agency: object, index: int, text: str) -> tuple[str | int, ...]:
    aliases: list[str] = getattr(agency, "aliases", [])
    if text in aliases:
        return ("agencies", index, "aliases", aliases.index(text))
    return ("agencies", index, "name" if getattr(agency, "name", None) == text else "id")
