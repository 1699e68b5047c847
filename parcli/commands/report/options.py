"""What `parcli report` was asked: the meeting report, one agency's task sheet, or a folder
of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from parcli.commands.base import Common


@dataclass(frozen=True)
class Options:
    common: Common
    today: date  # the clock, used only while the plan year runs
    as_of: date | None = None
    top: int = 5
    output: Path | None = None
    agency: str | None = None  # one agency's task sheet
    per_agency: Path | None = None  # a folder: one task sheet per agency
    peers: Path | None = None  # a published ranking: the rank the scores would buy
    since: Path | None = None  # a previous report's JSON: what changed since
    next_meeting: int = 30  # days ahead: what is due before the next meeting
    body: bool = False  # task sheets: also the plan file's Part II tasks of the agency's fields

    def deadlines_at(self, year: int) -> tuple[date, bool]:
        """--as-of, else today while the plan year runs, else its last day (True)."""
        if self.as_of is not None:
            return self.as_of, False
        from parcli.engine.schedule import as_of_for

        return as_of_for(year, self.today)
