"""Agency resolution: printed agency texts to registry entries through names and aliases,
and agencies over time: one that ceased (`until`) before a plan year stands, in that year,
for its successor (transitively). Data only: the words for them are built by
`parcli.agency_text`."""

from __future__ import annotations

import difflib

from parcli.models.agencies import Agency, AgencyRegistry
from parcli.text import fold, fold_diacritics


class Registry:
    def __init__(self, registry: AgencyRegistry) -> None:
        self.agencies = registry.agencies
        self.by_id: dict[str, Agency] = {}
        self.spellings: dict[str, list[tuple[int, str]]] = {}  # folded text -> (index, as written)
        self._resolved: dict[str, Agency | None] = {}
        for index, agency in enumerate(registry.agencies):
            self.by_id.setdefault(agency.id, agency)
            for text in dict.fromkeys((agency.id, agency.name, *agency.aliases)):
                found = self.spellings.setdefault(fold(text), [])
                if all(i != index for i, _ in found):
                    found.append((index, text))

    def resolve(self, text: str) -> Agency | None:
        try:
            return self._resolved[text]
        except KeyError:  # each spelling folded once: a plan names the same leads over and over
            found = self.spellings.get(fold(text))
            agency = self._resolved[text] = self.agencies[found[0][0]] if found else None
            return agency

    def ids(self, texts: list[str]) -> list[str]:
        """Ids of the texts, in order, without repeats. An unknown text stands as its own id
        (commands stop on unknown agencies first; `validate` still lists every other rule)."""
        found: list[str] = []
        for text in texts:
            agency = self.resolve(text)
            agency_id = agency.id if agency is not None else text
            if agency_id not in found:
                found.append(agency_id)
        return found

    def current(self, agency_id: str, year: int) -> str:
        """The agency that does `agency_id`'s work in `year`: itself, or, when it ceased
        before the year began, its successor's current agency. A successor the registry
        lacks, or a cycle, stops the walk (the rule `successor-chain` reports both)."""
        seen = {agency_id}
        agency = self.by_id.get(agency_id)
        while (agency is not None and agency.successor is not None
               and agency.superseded(year) and agency.successor in self.by_id
               and agency.successor not in seen):
            seen.add(agency.successor)
            agency = self.by_id[agency.successor]
        return agency.id if agency is not None else agency_id

    def current_ids(self, texts: list[str], year: int) -> list[str]:
        """`ids`, each standing for its current agency in `year`, without repeats."""
        return list(dict.fromkeys(self.current(agency_id, year)
                                  for agency_id in self.ids(texts)))

    def merged_into(self, agency_id: str, year: int) -> list[Agency]:
        """The agencies whose work `agency_id` does in `year` (it is their successor)."""
        return [agency for agency in self.agencies
                if agency.id != agency_id and agency.superseded(year)
                and self.current(agency.id, year) == agency_id]

    def merge(self, agency_id: str, year: int) -> tuple[Agency, str] | None:
        """The agency and the id of the agency doing its work in `year`, when it ceased
        before `year` and has a successor; None otherwise (text: `parcli.agency_text`)."""
        agency = self.by_id.get(agency_id)
        now = self.current(agency_id, year)
        if agency is None or agency.until is None or now == agency_id:
            return None
        return agency, now

    def find(self, text: str) -> str | None:
        """The id of the agency an option names by its id, its name or an alias ("home-affairs",
        "Sở Nội vụ", "SNV"; case and spacing aside); None when it names none."""
        if text in self.by_id:
            return text
        agency = self.resolve(text)
        return agency.id if agency is not None else None

    def suggest(self, text: str) -> Agency | None:
        """The agency whose id, name or alias is nearest to a misspelt text, diacritics and
        case aside (so "Sở Nôi vụ" finds "Sở Nội vụ")."""
        folded = {fold_diacritics(spelling): index
                  for spellings in self.spellings.values() for index, spelling in spellings}
        close = difflib.get_close_matches(fold_diacritics(text), list(folded), n=1, cutoff=0.75)
        return self.agencies[folded[close[0]]] if close else None
