"""What each command was asked to do: the command line parsed into one frozen object.

The CLI builds these (check-jsonschema's ParseResult) and hands them to the command cores,
which never see argv.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from parcli.checking import DataRequest
from parcli.engine.gap import Basis, Shared
from parcli.engine.progress import Assume
from parcli.text import Lang

Color = Literal["auto", "always", "never"]
View = Literal["leaves", "agencies", "fields", "methods"]


@dataclass(frozen=True)
class Common:
    data: DataRequest
    lang: Lang = "en"
    format: str = "table"
    color: Color = "auto"
    debug: bool = False
    wide: bool = False  # tables: every row on one line, never wrapped


@dataclass(frozen=True)
class CheckOptions:
    common: Common


@dataclass(frozen=True)
class TreeOptions:
    common: Common
    code: str | None = None
    depth: int | None = None
    search: str | None = None
    verbose: bool = False  # also the scoring bands each row prints


@dataclass(frozen=True)
class GapOptions:
    common: Common
    view: View = "leaves"
    basis: Basis = "gain"
    shared: Shared = "split"
    top: int | None = None
    field: str | None = None
    verbose: bool = False


@dataclass(frozen=True)
class ValidateOptions:
    common: Common
    strict: bool = False
    verbosity: int = 0  # -1 with -q (errors only), 1 with -v (every rule and its count)
    files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class AgenciesOptions:
    common: Common


@dataclass(frozen=True)
class AssignmentsOptions:
    common: Common
    agency: str | None = None
    criterion: str | None = None


@dataclass(frozen=True)
class ReportOptions:
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

    def deadlines_at(self, year: int) -> tuple[date, bool]:
        """--as-of, else today while the plan year runs, else its last day (True)."""
        if self.as_of is not None:
            return self.as_of, False
        from parcli.engine.schedule import as_of_for

        return as_of_for(year, self.today)


@dataclass(frozen=True)
class ProgressOptions:
    common: Common
    assume: Assume = "baseline"
    view: Literal["criteria", "agencies", "fields"] = "criteria"


@dataclass(frozen=True)
class SimulateOptions:
    common: Common
    set_values: tuple[tuple[str, str], ...] = ()  # (code, value as typed)
    assume_met: tuple[str, ...] = ()  # agency ids whose criteria reach their targets
    scenario: Path | None = None  # a results file whose scores are the what-if values
    assume: Assume = "baseline"


@dataclass(frozen=True)
class DueOptions:
    common: Common
    today: date  # the clock, used only while the plan year runs
    as_of: date | None = None
    within: int = 30
    agency: str | None = None
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class InitResultsOptions:
    common: Common
    output: Path | None = None
    force: bool = False


@dataclass(frozen=True)
class RolloverOptions:
    common: Common
    output: Path | None = None
    force: bool = False


@dataclass(frozen=True)
class RankOptions:
    common: Common
    peers: Path
    score: str | None = None  # as typed; default: the plan's projected total
