"""The two files should agree on who leads a criterion."""

from __future__ import annotations

from collections.abc import Iterator

from parcli.problems import Problem
from parcli.rules import Context, RuleInfo

ID = "lead-mismatch"
RULES = [RuleInfo(ID, "warning", "an assignment's lead differs from its criterion's lead",
                  "cơ quan chủ trì của nhiệm vụ khác cơ quan chủ trì của tiêu chí")]
NEEDS = ("criteria", "assignments", "agencies")
MESSAGE = ("assignment {code} is led by {actual}; criterion {owner} by {expected}",
           "nhiệm vụ {code} do {actual} chủ trì; tiêu chí {owner} do {expected} chủ trì")


def check(context: Context) -> Iterator[Problem]:
    registry = context.registry
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        node = context.tree.nearest(item.code)
        if node is None or not item.lead:
            continue
        owner = next((n for n in (node, *node.ancestors()) if n.row.lead), None)
        if owner is None or any(registry.resolve(text) is None
                                for text in (*owner.row.lead, *item.lead)):
            continue  # an unknown agency is the unknown-agency rule's to report, once
        expected, actual = set(registry.ids(owner.row.lead)), set(registry.ids(item.lead))
        if actual and expected and actual != expected:
            yield context.assignment_problem(
                ID, "warning", index,
                context.say(MESSAGE, code=item.code, actual=", ".join(sorted(actual)),
                            owner=owner.code, expected=", ".join(sorted(expected))), key="lead")
