"""The plan file, `plan_<year>.yaml`: the body the appendices serve.

Part I (purposes, requirements, and the goals among them), Part II (the plan's own tasks, by
field, some with measurable targets) and Part III (the standing duties of agencies), each
item as printed. Optional: a plan without this file works as without it.
"""

from __future__ import annotations

from typing import Literal

from parcli.models.common import (
    Code,
    GoalId,
    NonEmpty,
    RowModel,
    Source,
    StrictModel,
    Year,
    described,
)
from parcli.text import Text

GoalMeasure = Literal["rank", "threshold"]


class Printed(RowModel):
    """An item printed in the body: its place and its words."""

    code: Code = described("Its place in the body, by part, section and bullet: II.8.1 is "
                           "the first bullet of section 8 of Part II.")
    text: NonEmpty = described("The text as printed.")
    text_en: NonEmpty | None = described("English text (optional).", default=None)

    @property
    def words(self) -> Text:
        return Text(self.text_en or self.text, self.text, en_fallback=self.text_en is None)


class Goal(RowModel):
    """A goal of the plan with its measure: where it stands is checked, not only printed."""

    id: GoalId = described("A short id for the goal (lower case, hyphens): results files "
                             "give its measured value under this id.")
    code: Code = described("Where the goal is printed (the bullet's code, e.g. I.1.4).")
    text: NonEmpty = described("The goal's clause, as printed.")
    text_en: NonEmpty | None = described("English text (optional).", default=None)
    measure: GoalMeasure = described(
        "rank: the index's rank is to be better than the baseline year's (the criteria "
        "file's `rank`), measured from a table of peers (--peers) or a results file; "
        "threshold: `text` holds one threshold of the requirement grammar "
        "(docs/REQUIREMENTS.md), measured by a value in the results file.")

    @property
    def words(self) -> Text:
        return Text(self.text_en or self.text, self.text, en_fallback=self.text_en is None)


class Target(RowModel):
    """A measurable target inside a body task: one clause, one threshold."""

    code: Code = described("The task's code and a letter (II.4.2.a): results files give "
                           "its measured value under this code.")
    text: NonEmpty = described("The clause of the task's text that holds the threshold, as "
                               "printed (part of the task's `text`).")
    subjects: list[Code] = described(
        "Appendix II items on the same subject (the transcriber's link: the body cites "
        "none); a different number there is reported (body-appendix-mismatch).", default=[])


class BodyTask(Printed):
    group: NonEmpty | None = described("The sub-heading it is printed under, as printed "
                                       "(e.g. 'a) Về ứng dụng CNTT').", default=None)
    targets: list[Target] = described("Its measurable targets.", default=[])
    criteria: list[Code] = described("Criteria of Appendix I the task names (none when "
                                     "it names none; its field's criteria apply).", default=[])


class BodyField(RowModel):
    """A section of Part II: the body's tasks for one field of the index."""

    code: Code = described("The section's code (II.1).")
    title: NonEmpty = described("Its heading, as printed.")
    title_en: NonEmpty | None = described("English heading (optional).", default=None)
    criteria: list[Code] = described("The criteria of Appendix I the section serves "
                                     "(usually one field, e.g. ['1']).", min_length=1)
    tasks: list[BodyTask] = described("Its bullets, in order.", default=[])

    @property
    def words(self) -> Text:
        return Text(self.title_en or self.title, self.title, en_fallback=self.title_en is None)


class Duty(RowModel):
    """A section of Part III: what named agencies must do throughout the year."""

    code: Code = described("The section's code (III.2).")
    heading: NonEmpty = described("Who, as printed (e.g. 'Sở Nội vụ (Cơ quan thường trực "
                                  "công tác CCHC)').")
    agencies: list[NonEmpty] = described("The agencies it names, one per item, as the "
                                         "registry knows them (name, alias or id).",
                                         min_length=1)
    items: list[Printed] = described("Its duties, in order (one item when printed as one "
                                     "paragraph).", min_length=1)


class PlanFile(StrictModel):
    year: Year = described("The plan year.")
    province: NonEmpty | None = described("The province (checked against the criteria "
                                           "file's).", default=None)
    source: Source | None = described("The document transcribed.", default=None)
    preamble: NonEmpty | None = described("The opening paragraph, as printed.", default=None)
    purposes: list[Printed] = described("Part I.1, purposes (mục đích).", default=[])
    requirements: list[Printed] = described("Part I.2, requirements (yêu cầu).", default=[])
    goals: list[Goal] = described("The plan's goals with their measure (from Part I).")
    fields: list[BodyField] = described("Part II, tasks by field (nội dung thực hiện).",
                                        default=[])
    duties: list[Duty] = described("Part III, duties by agency (tổ chức thực hiện).",
                                   default=[])
    closing: NonEmpty | None = described("The closing paragraph, as printed.", default=None)

    def tasks(self) -> list[tuple[BodyField, BodyTask]]:
        return [(field, task) for field in self.fields for task in field.tasks]

    def targets(self) -> list[tuple[BodyTask, Target]]:
        return [(task, target) for _, task in self.tasks() for target in task.targets]
