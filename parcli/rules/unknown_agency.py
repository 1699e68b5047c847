"""Every agency text must resolve to the registry, or its points would belong to no one."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "unknown-agency"
RULES = [RuleInfo(ID, "error", "an agency text matches no id, name or alias in the registry",
                  "tên cơ quan không khớp mã, tên hay cách viết nào trong danh mục")]
NEEDS = ("criteria", "agencies")
MESSAGE = ("unknown agency {text!r}: add it (or this spelling as an alias) to the registry",
           "cơ quan {text!r} không có trong danh mục: thêm cơ quan (hoặc cách viết này làm "
           "cách viết khác) vào danh mục")


def check(context: Context) -> Iterator[Problem]:
    registry = context.registry
    for index, row in enumerate(context.dataset.criteria_file.criteria):
        for n, text in enumerate(row.lead):
            if registry.resolve(text) is None:
                yield context.criteria.document.problem(
                    ID, context.say(MESSAGE, text=text), ("criteria", index, "lead", n), "error",
                    row.code)
    if not context.has("assignments"):
        return
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        for key in ("lead", "implementers"):
            for n, text in enumerate(getattr(item, key)):
                if registry.resolve(text) is None:
                    yield context.assignments.document.problem(
                        ID, context.say(MESSAGE, text=text), ("assignments", index, key, n),
                        "error", item.code)
