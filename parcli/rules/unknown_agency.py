"""Every agency text must resolve to the registry, or its points would belong to no one,
or to a typo that ranks as an agency of its own.

Failing: `lead: [Sở Nôi vụ]` when the registry has `Sở Nội vụ` (the message suggests it).
Passing: the registry's id, name or an alias, in any case and spacing.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text
from parcli.vocabulary import FileKind

ID = "unknown-agency"
LEVEL = "error"
ORDER = 60
DESCRIPTION = Text("an agency text matches no id, name or alias in the registry",
                   "tên cơ quan không khớp mã, tên hay cách viết nào trong danh mục")
NEEDS = ("criteria", "agencies")
MESSAGE = Text("unknown agency {text!r}", "cơ quan {text!r} không có trong danh mục")
SUGGEST = Text("; did you mean {name!r} ({id})?", "; có phải là {name!r} ({id})?")
ADD = Text(": add it (or this spelling as an alias) to the registry",
           ": thêm cơ quan (hoặc cách viết này) vào danh mục")


def check(context: Context) -> Iterator[Found]:
    for index, row in enumerate(context.dataset.criteria_file.criteria):
        yield from _texts(context, "criteria", ("criteria", index, "lead"), row.lead, row.code)
    if context.has("assignments"):
        for index, item in enumerate(context.dataset.assignments_file.assignments):
            for key in ("lead", "implementers"):
                yield from _texts(context, "assignments", ("assignments", index, key),
                                  getattr(item, key), item.code)
    if context.has("plan"):
        for index, duty in enumerate(context.dataset.plan_file.duties):
            yield from _texts(context, "plan", ("duties", index, "agencies"), duty.agencies,
                              duty.code)


def _texts(context: Context, kind: FileKind, loc: tuple[str | int, ...], texts: list[str],
           code: str) -> Iterator[Found]:
    registry = context.registry
    for n, text in enumerate(texts):
        if registry.resolve(text) is None:
            near = registry.suggest(text)
            hint = SUGGEST.format(name=near.name, id=near.id) if near else ADD
            message = MESSAGE.format(text=text)
            yield Found(kind, (*loc, n), Text(message.en + hint.en, message.vi + hint.vi), code)
