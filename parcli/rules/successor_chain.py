"""An agency's `successor` must be another agency of the registry, and following successors
must end somewhere: a successor the registry lacks, or a chain that comes back to where it
started, would leave the points of a merged agency with no one.

Failing::

    - id: planning-investment
      name: Sở Kế hoạch và Đầu tư
      until: 2025-03-01
      successor: finanse            # no such id
    - id: finance
      name: Sở Tài chính
      until: 2025-03-01
      successor: planning-investment   # and back: a cycle

Passing: `successor: finance`, where `finance` is in the registry and has no successor (or
one that leads on to an agency without one).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.models.agencies import Agency
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "successor-chain"
LEVEL = "error"
ORDER = 50
DESCRIPTION = Text("an agency's successor is not in the registry, or successors form a cycle",
                   "cơ quan kế thừa không có trong danh mục, hoặc chuỗi kế thừa quay vòng")
NEEDS = ("agencies",)
UNKNOWN = Text("agency {id}: successor {successor!r} is no agency id in the registry",
               "cơ quan {id}: cơ quan kế thừa {successor!r} không có trong danh mục")
CYCLE = Text("agency {id}: its successors come back to it ({chain}); one of them must have "
             "no successor",
             "cơ quan {id}: chuỗi cơ quan kế thừa quay lại chính nó ({chain}); một cơ quan "
             "trong chuỗi phải không có cơ quan kế thừa")


def check(context: Context) -> Iterator[Found]:
    agencies = context.loaded("agencies").model.agencies
    by_id: dict[str, Agency] = {}
    for agency in agencies:
        by_id.setdefault(agency.id, agency)
    reported: set[str] = set()
    for index, agency in enumerate(agencies):
        if agency.successor is None:
            continue
        if agency.successor not in by_id:
            yield Found("agencies", ("agencies", index, "successor"),
                        UNKNOWN.format(id=agency.id, successor=agency.successor), agency.id)
            continue
        chain = [agency.id]
        step = by_id[agency.successor]
        while step.id not in chain and step.successor is not None and step.successor in by_id:
            chain.append(step.id)
            step = by_id[step.successor]
        if step.id == agency.id and agency.id not in reported:  # a cycle through this agency
            reported.update(chain)
            yield Found("agencies", ("agencies", index, "successor"),
                        CYCLE.format(id=agency.id, chain=" → ".join([*chain, agency.id])),
                        agency.id)
