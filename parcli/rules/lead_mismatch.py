"""The two files should agree on who leads a criterion.

Failing: criterion `4.1` led by Sở Nội vụ, its assignment `4.1` led by Sở Tài chính.
Passing: the same agencies, however spelt, or an agency and its successor after a merger
before the plan year.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "lead-mismatch"
LEVEL = "warning"
ORDER = 210
DESCRIPTION = Text("an assignment's lead differs from its criterion's lead",
                   "cơ quan chủ trì của nhiệm vụ khác cơ quan chủ trì của tiêu chí")
NEEDS = ("criteria", "assignments", "agencies")
MESSAGE = Text("assignment {code} is led by {actual}; criterion {owner} by {expected}",
               "nhiệm vụ {code} do {actual} chủ trì; tiêu chí {owner} do {expected} chủ trì")


def check(context: Context) -> Iterator[Found]:
    registry = context.registry
    for index, item in enumerate(context.dataset.assignments_file.assignments):
        node = context.tree.nearest(item.code)
        owner = node.lead_owner() if node is not None and item.lead else None
        if owner is None or any(registry.resolve(text) is None
                                for text in (*owner.row.lead, *item.lead)):
            continue  # an unknown agency is the unknown-agency rule's to report, once
        # In the plan year: a criterion naming a merged agency and an assignment naming its
        # successor agree (the merger is agency-superseded's to report).
        year = context.dataset.assignments_file.year
        expected = set(registry.current_ids(owner.row.lead, year))
        actual = set(registry.current_ids(item.lead, year))
        if actual != expected:
            yield context.assignment(index, MESSAGE.format(
                code=item.code, owner=owner.code,
                actual=_names(registry, actual), expected=_names(registry, expected)), "lead")


def _names(registry: object, ids: set[str]) -> Text:
    # Imported here: the catalogue imports every rule; a run that skips it need not.
    from parcli.agency_text import agency_text
    from parcli.engine.agencies import Registry

    assert isinstance(registry, Registry)
    texts = [agency_text(registry, agency_id) for agency_id in sorted(ids)]
    return Text(", ".join(sorted(ids)), ", ".join(t.vi for t in texts))
