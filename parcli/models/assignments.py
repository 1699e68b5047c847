"""The assignments file: the plan's numbered items, each mapped to a criterion by code."""

from __future__ import annotations

from datetime import date
from typing import Literal

from parcli.models.common import Code, NonEmpty, RowModel, Source, StrictModel, Year, described
from parcli.text import Text

CarriedField = Literal["product", "requirement", "deadline", "lead", "implementers"]


class Assignment(RowModel):
    code: Code = described("The item's number as printed; maps to the criterion with the "
                            "same code, else the nearest ancestor.")
    title: NonEmpty = described("Title as printed.")
    title_en: NonEmpty | None = described("English title (optional).", default=None)
    product: NonEmpty | None = described("Deliverable (sản phẩm).", default=None)
    requirement: NonEmpty | None = described("Quality requirement (yêu cầu chất lượng).",
                                              default=None)
    deadline: NonEmpty | None = described("Deadline as printed (thời gian hoàn thành).",
                                           default=None)
    lead: list[NonEmpty] = described("Lead agencies (chủ trì), one item per agency.",
                                      default=[])
    implementers: list[NonEmpty] = described("Implementing agencies (thực hiện).", default=[])
    carried: list[CarriedField] = described("Fields whose printed cell spans several rows.",
                                             default=[])
    note: NonEmpty | None = described("Free text about the transcription.", default=None)

    @property
    def is_heading(self) -> bool:
        """A group heading carries only a code and a title; every other item is a task."""
        return not (self.product or self.requirement or self.deadline or self.lead
                    or self.implementers)

    @property
    def text(self) -> Text:
        return Text(self.title_en or self.title, self.title, en_fallback=self.title_en is None)


class AssignmentsFile(StrictModel):
    year: Year = described("The plan year: relative deadlines refer to it.")
    province: NonEmpty | None = described("The province (checked against the criteria "
                                           "file's).", default=None)
    issued: date | None = described("The day the plan was issued: a deadline's day and "
                                     "month before it fall in the next year.", default=None)
    source: Source | None = described("The document transcribed.", default=None)
    assignments: list[Assignment] = described("Every numbered item, in document order.",
                                               min_length=1)


