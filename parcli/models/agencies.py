"""The agency registry: every agency the data files name, with its spellings and its
successor after a merger."""

from __future__ import annotations

from datetime import date

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from parcli.models.common import AgencyId, NonEmpty, StrictModel, described
from parcli.text import Text


class Agency(StrictModel):
    id: AgencyId = described("Stable id: lower-case letters, digits, single hyphens.")
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
        """Whether the agency had ceased before `year` began."""
        return self.until is not None and self.until < date(year, 1, 1)


class AgencyRegistry(StrictModel):
    agencies: list[Agency] = described("Every agency the data files name.", min_length=1)

