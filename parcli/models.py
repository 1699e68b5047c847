"""The schema of parcli's data files: strict, year-generic pydantic models.

Row-level rules live here (types, ranges, code syntax).  Rules that need the whole file or
several files (duplicate codes, missing parents, unknown agencies) live in `parcli.rules`,
so that each finding keeps its own rule id and position.
"""

from __future__ import annotations

import re
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
)
from pydantic_core import PydanticCustomError

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
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


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
# The before-validators only give clearer messages; the Field constraints feed the JSON Schema.
Text = Annotated[str, Field(min_length=1, pattern=r"\S"), BeforeValidator(_text)]
Code = Annotated[str, Field(pattern=CODE_PATTERN), BeforeValidator(_code_format),
                 BeforeValidator(_code)]
AgencyId = Annotated[str, Field(pattern=AGENCY_ID_PATTERN),
                     BeforeValidator(_agency_id)]
Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Agency(_Strict):
    id: AgencyId
    name: Text
    name_en: Text
    aliases: list[Text] = []


class AgencyRegistry(_Strict):
    agencies: list[Agency] = Field(min_length=1)


class Named(_Strict):
    name: Text
    name_en: Text


class IndexInfo(Named):
    short: Text


class Source(_Strict):
    title: Text
    title_en: Text
    file: Text | None = None
    appendix: Text | None = None


class Rank(_Strict):
    position: int = Field(ge=1)
    of: int = Field(ge=1)


class Sipas(_Strict):
    baseline: Number
    target: Number
    target_text: Text | None = None
    target_text_en: Text | None = None


def _within_max(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    if value is None:
        return value
    top = info.data.get("max")
    if value < 0 or (top is not None and value > top):
        raise PydanticCustomError(
            "score_range", "{column} {value} is outside [0, {max}]",
            {"column": info.field_name, "value": str(value), "max": str(top)})
    return value


class Scored(_Strict):
    """A row with the three printed columns; the order of fields matters: max comes first."""

    max: Number | None = None
    baseline: Number | None = None
    target: Number | None = None
    acknowledged: dict[Column, Text] = {}

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
    code: Code
    name: Text
    name_en: Text
    lead: list[Text] = []
    note: Text | None = None

    @property
    def parent_code(self) -> str | None:
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None


class Total(Scored):
    max: Number
    baseline: Number
    target: Number


class CriteriaFile(_Strict):
    index: IndexInfo
    province: Named
    baseline_year: Year
    target_year: Year
    source: Source
    rank: Rank | None = None
    sipas: Sipas | None = None
    total: Total
    criteria: list[Criterion] = Field(min_length=1)


CarriedField = Literal["product", "requirement", "deadline", "lead", "implementers"]


class Assignment(_Strict):
    code: Code
    title: Text
    title_en: Text
    product: Text | None = None
    requirement: Text | None = None
    deadline: Text | None = None
    lead: list[Text] = []
    implementers: list[Text] = []
    carried: list[CarriedField] = []
    note: Text | None = None

    @property
    def is_heading(self) -> bool:
        """A group heading carries only a code and a title."""
        return not (self.product or self.requirement or self.deadline or self.lead
                    or self.implementers)


SCHEMAS: dict[str, type[BaseModel]] = {}  # filled below: `parcli schema NAME`


class AssignmentsFile(_Strict):
    year: Year
    source: Source
    assignments: list[Assignment] = Field(min_length=1)


SCHEMAS.update(criteria=CriteriaFile, assignments=AssignmentsFile, agencies=AgencyRegistry)
