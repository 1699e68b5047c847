"""The words for agencies: a name for every agency id (the buckets that are no agency
included) and the note on an agency merged into another. The engine's `Registry` returns
data; the commands and the rules build their text here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parcli.engine.gap import NO_LEAD, SURVEY
from parcli.i18n import date_text, label, t
from parcli.problems import UsageError
from parcli.text import Lang, Text

if TYPE_CHECKING:
    from parcli.engine.agencies import Registry

__all__ = ["agency_of", "agency_text", "listed_under", "merge_note"]


def agency_text(registry: Registry, agency_id: str) -> Text:
    """The agency's name in both languages (the buckets "no lead" and "survey" included; an
    id the registry lacks stands as itself)."""
    agency = registry.by_id.get(agency_id)
    if agency is not None:
        return agency.text
    if agency_id == NO_LEAD:
        return label("no_lead")
    if agency_id == SURVEY:
        return label("survey_bucket")
    return Text.same(agency_id)


def merge_note(registry: Registry, agency_id: str, year: int) -> Text | None:
    """"Sở Kế hoạch và Đầu tư → Sở Tài chính (merged 2025-03-01)" for an agency that
    ceased before `year` and has a successor; None otherwise."""
    merged = registry.merge(agency_id, year)
    if merged is None:
        return None
    agency, now = merged
    assert agency.until is not None  # a merge has a date
    template, new = label("merge_note"), agency_text(registry, now)
    return Text(template.en.format(old=agency.text.en, new=new.en,
                                   date=date_text(agency.until, "en")),
                template.vi.format(old=agency.text.vi, new=new.vi,
                                   date=date_text(agency.until, "vi")))


def listed_under(registry: Registry, agency_id: str, year: int) -> tuple[str, Text | None]:
    """The agency whose list holds `agency_id`'s work in `year`, and, when that is its
    successor, the note saying so ("… → Sở Tài chính (merged 2025-03-01): its work in 2026
    is listed under Sở Tài chính.")."""
    now = registry.current(agency_id, year)
    merged = merge_note(registry, agency_id, year)
    if now == agency_id or merged is None:
        return agency_id, None
    template, new = label("listed_under"), agency_text(registry, now)
    return now, Text(template.en.format(merge=merged.en, new=new.en, year=year),
                     template.vi.format(merge=merged.vi, new=new.vi, year=year))


def agency_of(registry: Registry, text: str, option: str, lang: Lang) -> str:
    """The id of the agency `text` names by id, name or alias, or a usage error with the
    nearest spelling."""
    found = registry.find(text)
    if found is not None:
        return found
    near = registry.suggest(text)
    hint = (t("err_agency_near", lang, id=near.id, name=near.text.in_(lang)) if near
            else t("err_agency_hint", lang))
    raise UsageError(t("err_no_agency", lang, option=option, agency=text, hint=hint))
