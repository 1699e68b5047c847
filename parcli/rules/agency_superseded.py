"""A plan names an agency that had ceased (`until` in the registry) before its year began.
Its points and assignments already go to the successor; the file should name the successor.

Failing, with `planning-investment` registered `until: 2025-03-01` and
`successor: finance`: a criteria file with `target_year: 2026` (or an assignments file with
`year: 2026`) whose `lead` or `implementers` says `Sở Kế hoạch và Đầu tư`.

Passing: `lead: [Sở Tài chính]` in 2026; or `Sở Kế hoạch và Đầu tư` in a 2025 plan (the year
began before the merger).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.i18n import date_text
from parcli.rules.base import Context, Found
from parcli.text import Text
from parcli.vocabulary import FileKind

ID = "agency-superseded"
LEVEL = "warning"
ORDER = 70
DESCRIPTION = Text("a file names an agency that had ceased before the plan year",
                   "tệp ghi tên cơ quan đã thôi hoạt động trước năm kế hoạch")
NEEDS = ("criteria", "agencies")
MERGED = Text("{text!r} is {id}, which ceased on {date}, before {year}: its points go to "
              "{new} ({new_id}); name {new_name!r} here",
              "{text!r} là {id}, đã thôi hoạt động từ ngày {date}, trước năm {year}: điểm "
              "của cơ quan này chuyển cho {new} ({new_id}); hãy ghi {new_name!r}")
CEASED = Text("{text!r} is {id}, which ceased on {date}, before {year}, with no successor",
              "{text!r} là {id}, đã thôi hoạt động từ ngày {date}, trước năm {year}, không "
              "có cơ quan kế thừa")


def check(context: Context) -> Iterator[Found]:
    year = context.dataset.criteria_file.target_year
    for index, row in enumerate(context.dataset.criteria_file.criteria):
        yield from _texts(context, "criteria", ("criteria", index, "lead"), row.lead,
                          row.code, year)
    if context.has("assignments"):
        plan = context.dataset.assignments_file
        for index, item in enumerate(plan.assignments):
            for key in ("lead", "implementers"):
                yield from _texts(context, "assignments", ("assignments", index, key),
                                  getattr(item, key), item.code, plan.year)


def _texts(context: Context, kind: FileKind, loc: tuple[str | int, ...], texts: list[str],
           code: str, year: int) -> Iterator[Found]:
    # Imported here: the catalogue imports every rule, and most runs find no ceased agency.
    from parcli.agency_text import agency_text

    registry = context.registry
    for n, text in enumerate(texts):
        agency = registry.resolve(text)
        if agency is None or agency.until is None or not agency.superseded(year):
            continue
        now = registry.current(agency.id, year)
        dates = Text(date_text(agency.until, "en"), date_text(agency.until, "vi"))
        if now == agency.id:
            message = CEASED.format(text=text, id=agency.id, date=dates, year=year)
        else:
            new = registry.by_id[now]
            message = MERGED.format(text=text, id=agency.id, date=dates, year=year,
                                    new=agency_text(registry, now), new_id=now, new_name=new.name)
        yield Found(kind, (*loc, n), message, code)
