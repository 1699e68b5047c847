"""Agency resolution: printed agency texts to registry entries through names and aliases."""

from __future__ import annotations

from parcli.i18n import t
from parcli.models import Agency, AgencyRegistry
from parcli.text import fold

NO_LEAD = "no-lead"


class Registry:
    def __init__(self, registry: AgencyRegistry) -> None:
        self.agencies = registry.agencies
        self.by_id = {agency.id: agency for agency in registry.agencies}
        self._by_text: dict[str, Agency] = {}
        for agency in registry.agencies:
            for text in (agency.id, agency.name, *agency.aliases):
                self._by_text.setdefault(fold(text), agency)

    def resolve(self, text: str) -> Agency | None:
        return self._by_text.get(fold(text))

    def ids(self, texts: list[str]) -> list[str]:
        """Ids of the texts, in order, without repeats. An unknown text stands as its own id:
        the `unknown-agency` rule reports it, and meanwhile its points stay visible."""
        found: list[str] = []
        for text in texts:
            agency = self.resolve(text)
            agency_id = agency.id if agency is not None else text
            if agency_id not in found:
                found.append(agency_id)
        return found

    def names(self, agency_id: str) -> tuple[str, str]:
        agency = self.by_id.get(agency_id)
        if agency is None:
            if agency_id == NO_LEAD:
                return t("no_lead", "vi"), t("no_lead", "en")
            return agency_id, agency_id
        return agency.name, agency.name_en
