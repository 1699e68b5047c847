"""The schema of parcli's data files: strict, year-generic pydantic models.

Row-level rules live here (types, ranges, code syntax).  Rules that need the whole file or
several files (duplicate codes, missing parents, unknown agencies) live in `parcli.rules`,
so that each finding keeps its own rule id and position.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from parcli.text import Text, shorten

Column = Literal["max", "baseline", "target"]
COLUMNS: tuple[Column, ...] = ("max", "baseline", "target")

_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        if isinstance(value, str) and _DECIMAL_COMMA.match(value):
            raise PydanticCustomError(
                "decimal_comma", "decimal comma in '{value}': write {fixed} with a dot",
                {"value": value.strip(), "fixed": value.strip().replace(",", ".")})
        if isinstance(value, float):
            raise PydanticCustomError("number_type", "binary floats are not accepted; "
                                      "use Decimal or int")
        raise PydanticCustomError("number_type", "expected a number, found {found}",
                                  {"found": _describe(value)})
    if isinstance(value, Decimal) and not value.is_finite():
        raise PydanticCustomError("number_type", "expected a finite number")
    number = Decimal(value)
    # Kept to 24 significant digits, so that sums of thousands of them stay exact within
    # Decimal's 28-digit context (beyond it, arithmetic rounds or overflows).
    if number and number.adjusted() >= _MAX_DIGITS:
        raise PydanticCustomError("number_range", "{value} is too large (at most {digits} "
                                  "digits before the point)",
                                  {"value": _short(value), "digits": _MAX_DIGITS})
    if number.as_tuple().exponent < -_MAX_PLACES:  # type: ignore[operator]
        raise PydanticCustomError("number_range", "{value} has too many decimal places "
                                  "(at most {places})",
                                  {"value": _short(value), "places": _MAX_PLACES})
    return number


_MAX_DIGITS = _MAX_PLACES = 12


def _short(value: Any) -> str:
    return shorten(str(value))


def _text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _code_format(value: Any) -> Any:
    if isinstance(value, str) and not _CODE.match(value):
        raise PydanticCustomError(
            "code_format", "code '{value}' is not dotted numbers such as 4 or 4.3.2",
            {"value": _short(value)})
    return value


def _agency_id(value: Any) -> Any:
    if isinstance(value, str) and not _AGENCY_ID.match(value):
        raise PydanticCustomError(
            "agency_id", "agency id '{value}' must be lower-case letters, digits and "
            "single hyphens, such as home-affairs", {"value": _short(value)})
    return value


CODE_PATTERN = r"^[0-9]+(\.[0-9]+)*$"  # ASCII digits only: "１.１" is not a code
AGENCY_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_CODE = re.compile(CODE_PATTERN)
_AGENCY_ID = re.compile(AGENCY_ID_PATTERN)


def _code(value: Any) -> Any:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        raise PydanticCustomError("code_type", "a code is text: quote it, e.g. code: \"{value}\"",
                                  {"value": str(value)})
    return value


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"text {value!r}"
    return {"list": "a list", "dict": "a mapping", "bool": "true/false"}.get(
        type(value).__name__, type(value).__name__)


Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema({"type": "number"})]
# Scores are never negative; the JSON Schema says so too (score <= max needs parcli itself).
Score = Annotated[Decimal, BeforeValidator(_number),
                  WithJsonSchema({"type": "number", "minimum": 0})]
Percent = Annotated[Decimal, BeforeValidator(_number), Field(ge=0, le=100),
                    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]
# The before-validators only give clearer messages; the Field constraints feed the JSON Schema.
NonEmpty = Annotated[str, Field(min_length=1, pattern=r"\S"), BeforeValidator(_text)]
Code = Annotated[str, Field(pattern=CODE_PATTERN), BeforeValidator(_code_format),
                 BeforeValidator(_code)]
AgencyId = Annotated[str, Field(pattern=AGENCY_ID_PATTERN),
                     BeforeValidator(_agency_id)]
Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]
Method = Literal["evidence", "survey"]


def _described(description: str, **extra: Any) -> Any:
    return Field(description=description, **extra)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Agency(_Strict):
    id: AgencyId = _described("Stable id: lower-case letters, digits, single hyphens.")
    name: NonEmpty = _described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)
    aliases: list[NonEmpty] = _described("Other spellings seen in the documents.",
                                         default=[])

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name)


class AgencyRegistry(_Strict):
    agencies: list[Agency] = _described("Every agency the data files name.", min_length=1)


class Named(_Strict):
    name: NonEmpty = _described("Vietnamese name.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name)


class IndexInfo(Named):
    short: NonEmpty = _described("Short name used in titles, e.g. PAR Index.")


class Source(_Strict):
    title: NonEmpty = _described("Title of the source document, as printed.")
    title_en: NonEmpty | None = _described("English title (optional).", default=None)
    file: NonEmpty | None = _described("Where the source can be found.", default=None)
    appendix: NonEmpty | None = _described("The appendix transcribed.", default=None)


class Rank(_Strict):
    position: int = _described("The province's rank in the baseline year.", ge=1)
    of: int = _described("Number of provinces ranked.", ge=1)

    @model_validator(mode="after")
    def _position_within(self) -> Rank:
        if self.position > self.of:
            raise PydanticCustomError("rank_range", "rank {position} of {of}: the position "
                                      "cannot exceed the number ranked",
                                      {"position": self.position, "of": self.of})
        return self


class Sipas(_Strict):
    baseline: Percent | None = _described("SIPAS in the baseline year, percent.", default=None)
    target: Percent | None = _described("SIPAS target, percent.", default=None)
    target_text: NonEmpty | None = _described("The target as printed, e.g. 'trên 80%'.",
                                              default=None)
    target_text_en: NonEmpty | None = _described("The printed target in English.",
                                                 default=None)


def _within_max(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    if value is None:
        return value
    top = info.data.get("max")
    if value < 0 or (top is not None and value > top):
        bounds = f"[0, {top}]" if top is not None else "[0, ∞)"
        raise PydanticCustomError(
            "score_range", "{column} {value} is outside {bounds}",
            {"column": info.field_name, "value": str(value), "bounds": bounds})
    return value


class Scored(_Strict):
    """A row with the three printed columns; the order of fields matters: max comes first."""

    max: Score | None = _described("Maximum points, as printed; omit when not printed.",
                                   default=None)
    baseline: Score | None = _described("Score of the baseline year, as printed; omit or null "
                                        "when unknown.", default=None)
    target: Score | None = _described("Target of the plan year, as printed; omit or null when "
                                      "unknown.", default=None)
    acknowledged: dict[Column, NonEmpty] = _described(
        "Column -> reason: a printed subtotal that disagrees with its rows, kept as printed.",
        default={})

    @field_validator("max")
    @classmethod
    def _max_not_negative(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value < 0:
            raise PydanticCustomError("score_range", "max {value} is negative",
                                      {"value": str(value)})
        return value

    _range = field_validator("baseline", "target")(_within_max)

    def value(self, column: Column) -> Decimal | None:
        return getattr(self, column)  # type: ignore[no-any-return]


class Criterion(Scored):
    code: Code = _described("Dotted code as printed; the parent of a.b.c is a.b.")
    name: NonEmpty = _described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)
    lead: list[NonEmpty] = _described("Lead agencies as printed, one item per agency.",
                                      default=[])
    method: Method | None = _described(
        "How the points are scored: evidence (appraised, the default) or survey "
        "(sociological survey, SIPAS); inherited by the rows below.", default=None)
    note: NonEmpty | None = _described("Free text about the transcription.", default=None)

    @property
    def parent_code(self) -> str | None:
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name)


class Total(Scored):
    """The printed grand-total row."""


class CriteriaFile(_Strict):
    index: IndexInfo = _described("The index the plan is about.")
    province: Named = _described("The province.")
    baseline_year: Year | None = _described("Year of the baseline scores; omit in a first "
                                            "year.", default=None)
    target_year: Year = _described("Year of the targets (the plan year).")
    source: Source | None = _described("The document transcribed.", default=None)
    rank: Rank | None = _described("The province's rank in the baseline year.", default=None)
    sipas: Sipas | None = _described("The satisfaction index (SIPAS).", default=None)
    total: Total = _described("The printed grand-total row.")
    criteria: list[Criterion] = _described("Every row of the table, in document order.",
                                           min_length=1)

    @field_validator("target_year")
    @classmethod
    def _years_in_order(cls, value: int, info: ValidationInfo) -> int:
        baseline = info.data.get("baseline_year")
        if baseline is not None and baseline >= value:
            raise PydanticCustomError(
                "year_order", "target_year {target} must come after baseline_year {baseline}",
                {"baseline": baseline, "target": value})
        return value


CarriedField = Literal["product", "requirement", "deadline", "lead", "implementers"]


class Assignment(_Strict):
    code: Code = _described("The item's number as printed; maps to the criterion with the "
                            "same code, else the nearest ancestor.")
    title: NonEmpty = _described("Title as printed.")
    title_en: NonEmpty | None = _described("English title (optional).", default=None)
    product: NonEmpty | None = _described("Deliverable (sản phẩm).", default=None)
    requirement: NonEmpty | None = _described("Quality requirement (yêu cầu chất lượng).",
                                              default=None)
    deadline: NonEmpty | None = _described("Deadline as printed (thời gian hoàn thành).",
                                           default=None)
    lead: list[NonEmpty] = _described("Lead agencies (chủ trì), one item per agency.",
                                      default=[])
    implementers: list[NonEmpty] = _described("Implementing agencies (thực hiện).", default=[])
    carried: list[CarriedField] = _described("Fields whose printed cell spans several rows.",
                                             default=[])
    note: NonEmpty | None = _described("Free text about the transcription.", default=None)

    @property
    def is_heading(self) -> bool:
        """A group heading carries only a code and a title; every other item is a task."""
        return not (self.product or self.requirement or self.deadline or self.lead
                    or self.implementers)

    @property
    def text(self) -> Text:
        return Text(self.title_en or self.title, self.title)


class AssignmentsFile(_Strict):
    year: Year = _described("The plan year: relative deadlines refer to it.")
    province: NonEmpty | None = _described("The province (checked against the criteria "
                                           "file's).", default=None)
    issued: date | None = _described("The day the plan was issued: a deadline's day and "
                                     "month before it fall in the next year.", default=None)
    source: Source | None = _described("The document transcribed.", default=None)
    assignments: list[Assignment] = _described("Every numbered item, in document order.",
                                               min_length=1)


SCHEMAS: dict[str, type[BaseModel]] = {
    "criteria": CriteriaFile, "assignments": AssignmentsFile, "agencies": AgencyRegistry}
