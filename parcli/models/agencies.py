"""The agency registry: every agency the data files name, with its spellings and its
successor after a merger."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from parcli.models.common import AgencyId, NonEmpty, StrictModel, described
from parcli.text import Text
from parcli.vocabulary import RESERVED_AGENCY_IDS

# What parcli means by each reserved id, for the message that refuses it.
_RESERVED_FOR = {"survey": "the survey-scored points", "no-lead": "the points of criteria "
                 "without a lead"}


def _not_reserved(value: Any) -> Any:
    if value in RESERVED_AGENCY_IDS:
        raise PydanticCustomError(
            "agency_id_reserved", "agency id '{value}' is reserved: parcli's gap --by-agency "
            "and agencies use it for {meaning}; choose another id",
            {"value": value, "meaning": _RESERVED_FOR.get(value, "a bucket of its own")})
    return value


# An agency's own id: not one of the words parcli gives its own buckets.
OwnId = Annotated[AgencyId, AfterValidator(_not_reserved),
                  Field(json_schema_extra={"not": {"enum": list(RESERVED_AGENCY_IDS)}})]


class Agency(StrictModel):
    id: OwnId = described("Stable id: ASCII letters a-z, digits, single hyphens; not "
                          "survey nor no-lead (parcli's own buckets).")
    name: NonEmpty = described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = described("English name (optional).", default=None)
    aliases: list[NonEmpty] = described("Other spellings seen in the documents.",
                                         default=[])
    until: date | None = described(
        "The day the agency ceased (merged, renamed or dissolved), YYYY-MM-DD: in a plan "
        "whose target year starts after it, its points go to its successor.", default=None)
    successor: AgencyId | None = described(
        "Id of the agency that took over its work on `until` (needs `until`).", default=None)

    @model_validator(mode="after")
    def _successor_has_a_date(self) -> Agency:
        if self.successor is not None and self.until is None:
            raise PydanticCustomError(
                "successor_date", "agency {id} has a successor but no until: give the date "
                "{successor} took over", {"id": self.id, "successor": self.successor})
        return self

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name, en_fallback=self.name_en is None)

    def superseded(self, year: int) -> bool:
        """Whether `year` is no longer the agency's: `until` is the day it ceased (the first
        day its successor does its work), so an agency with `until` on 1 January of `year`
        or before never worked in it."""
        return self.until is not None and self.until <= date(year, 1, 1)


class AgencyRegistry(StrictModel):
    agencies: list[Agency] = described("Every agency the data files name.", min_length=1)

