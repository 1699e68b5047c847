"""The schema of a results file, `results_<year>.yaml`: what has been scored and done.

Per leaf criterion, its scores by stage (self-assessment, appraisal, as published); per
assignment, its status; and a table of peers (`parcli rank`). Kept apart from the plan's
models, and imported only when such a file is read, because a plan is reviewed once and
results are written all year; the same strict rules apply (unknown keys refused, exact
decimals, NFC text).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Literal

from pydantic import Field

from parcli.models.common import Code, NonEmpty, Number, StrictModel, Year

Stage = Literal["self", "appraised", "official"]
STAGES: tuple[Stage, ...] = ("self", "appraised", "official")  # later stages win
Status = Literal["not-started", "in-progress", "done", "dropped"]
STATUSES: tuple[Status, ...] = ("not-started", "in-progress", "done", "dropped")


class Score(StrictModel):
    stage: Stage = Field(description="self = self-assessment, appraised = after the appraisal "
                         "council, official = as published.")
    date: datetime.date = Field(description="When this score was given.")
    value: Number = Field(description="The score, as given.")
    evidence: list[NonEmpty] = Field(default=[], description="Documents or links behind it.")
    note: NonEmpty | None = Field(default=None, description="Free text.")


class CriterionResult(StrictModel):
    code: Code = Field(description="A leaf criterion's code in the criteria file.")
    scores: list[Score] = Field(default=[], description="Its scores, any order; the latest "
                                "stage wins, then the latest date (one score per stage and "
                                "date: result-duplicate-score).")

    def latest(self) -> Score | None:
        if not self.scores:
            return None
        return max(self.scores, key=lambda s: (STAGES.index(s.stage), s.date))


class AssignmentStatus(StrictModel):
    code: Code = Field(description="An assignment's code in the assignments file.")
    status: Status = Field(description="not-started, in-progress, done or dropped.")
    date: datetime.date | None = Field(default=None, description="When the status was last set.")
    evidence: list[NonEmpty] = Field(default=[], description="Documents or links behind it.")
    measured: Number | None = Field(default=None, description="The measured value of a "
                                    "threshold requirement (e.g. 35 for 'from 30% upward').")
    note: NonEmpty | None = Field(default=None, description="Free text.")


class Measured(StrictModel):
    id: NonEmpty = Field(description="A goal's id or a body target's code in the plan file "
                         "(e.g. sipas, II.8.4.a).")
    value: Number = Field(description="The measured value, in the goal's unit (82.5 for "
                          "82.5%; a rank position for a rank goal).")
    date: datetime.date | None = Field(default=None, description="When it was measured.")
    evidence: list[NonEmpty] = Field(default=[], description="Documents or links behind it.")
    note: NonEmpty | None = Field(default=None, description="Free text.")


class ResultsFile(StrictModel):
    year: Year = Field(description="The plan year the results belong to.")
    results: list[CriterionResult] = Field(default=[], description="Per leaf criterion.")
    statuses: list[AssignmentStatus] = Field(default=[], description="Per assignment (and "
                                             "per task of the plan file's Part II).")
    measured: list[Measured] = Field(default=[], description="Per goal and body target of "
                                     "the plan file: its measured value.")

    def latest(self) -> dict[str, tuple[Decimal, Stage]]:
        """Leaf code -> its winning score and stage (codes without scores left out)."""
        found: dict[str, tuple[Decimal, Stage]] = {}
        for result in self.results:
            score = result.latest()
            if score is not None:
                found[result.code] = (score.value, score.stage)
        return found

    def status_of(self) -> dict[str, AssignmentStatus]:
        return {status.code: status for status in self.statuses}

    def measured_values(self) -> dict[str, Measured]:
        """Goal id or target code -> its measured value (the latest dated one)."""
        found: dict[str, Measured] = {}
        for entry in self.measured:
            kept = found.get(entry.id)
            if kept is None or (entry.date or datetime.date.min) >= (kept.date or
                                                                      datetime.date.min):
                found[entry.id] = entry
        return found


class Peer(StrictModel):
    province: NonEmpty = Field(description="The province, as the source names it.")
    score: Number = Field(description="Its published score.")
    rank: int | None = Field(default=None, ge=1, description="Its published rank.")


class PeersFile(StrictModel):
    """A published ranking (cite it in the file), or the user's own list of peers."""

    year: Year = Field(description="The year the scores are of.")
    index: NonEmpty | None = Field(default=None, description="Which index, e.g. PAR Index.")
    source: dict[str, NonEmpty] | None = Field(default=None, description="Where the table "
                                               "comes from: title, file or URL.")
    of: int | None = Field(default=None, ge=1, description="How many provinces the published "
                           "table ranks (when the file holds only some of them).")
    provinces: list[Peer] = Field(min_length=1, description="The provinces ranked (all, or "
                                  "some with their published `rank`).")
