"""The schema of parcli's data files: strict, year-generic pydantic models.

Row-level rules live here (types, ranges, code syntax).  Rules that need the whole file or
several files (duplicate codes, missing parents, unknown agencies) live in `parcli.rules`,
so that each finding keeps its own rule id and position.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    ModelWrapValidatorHandler,
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
    if type(value) is int:  # whole scores repeat (max: 1, 2, 10): one Decimal each
        number = _WHOLE.get(value)
        if number is None:
            number = Decimal(value)
            if len(_WHOLE) < 4096:
                _WHOLE[value] = number
    else:
        number = Decimal(value)  # a Decimal itself, not a copy
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
_WHOLE: dict[int, Decimal] = {}


def _short(value: Any) -> str:
    return shorten(str(value))


def _text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _code_format(value: Any) -> Any:
    if isinstance(value, str) and not (
            _CODE.match(value) and all(_ROMAN.match(part) for part in value.split(".")
                                       if part.isupper())):
        raise PydanticCustomError(
            "code_format", "code '{value}' is not a dotted code such as 4.3.2, 1.1.a or II.3 "
            "(numbers, lower-case letters, Roman numerals)", {"value": _short(value)})
    return value


def _agency_id(value: Any) -> Any:
    if isinstance(value, str) and not _AGENCY_ID.match(value):
        raise PydanticCustomError(
            "agency_id", "agency id '{value}' must be lower-case letters, digits and "
            "single hyphens, such as home-affairs", {"value": _short(value)})
    return value


# A code's segments, as printed: numbers ("4.3.2"), one lower-case letter ("1.1.a"), Roman
# numerals ("II.3"), at any depth; ASCII only ("１.１" and "1.1.đ" are not codes). The JSON
# Schema's pattern accepts any run of Roman letters; parcli also checks that it is a numeral.
_SEGMENT = r"(?:[0-9]+|[a-z]|[IVXLCDM]+)"
CODE_PATTERN = rf"^{_SEGMENT}(?:\.{_SEGMENT})*$"
AGENCY_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_CODE = re.compile(CODE_PATTERN)
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_AGENCY_ID = re.compile(AGENCY_ID_PATTERN)


def roman_value(numeral: str) -> int:
    """The value of a Roman numeral (IV -> 4, XII -> 12)."""
    total = 0
    for letter, after in zip(numeral, [*numeral[1:], None], strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if after is not None and _ROMAN_VALUES[after] > value else value
    return total


def code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order of codes, segment by segment: 1.9 before 1.10, a before b, Roman
    numerals by value (IV before IX before X); numbers before Roman numerals before letters
    at the same depth. Any other text (an agency id) sorts after them, as text."""
    key = []
    for part in code.split("."):
        if part.isdigit() and part.isascii():
            key.append((0, int(part), part))
        elif part and _ROMAN.match(part):
            key.append((1, roman_value(part), part))
        elif len(part) == 1 and "a" <= part <= "z":
            key.append((2, ord(part), part))
        else:
            key.append((3, 0, part))
    return tuple(key)


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
# A max and the printed total's scores are never negative; the JSON Schema says so too (a
# score within [min, max] needs parcli itself). A criterion's score may be negative: a
# deduction (`kind: penalty`), or a row with a `min` below zero.
Score = Annotated[Decimal, BeforeValidator(_number),
                  WithJsonSchema({"type": "number", "minimum": 0})]
Floor = Annotated[Decimal, BeforeValidator(_number),
                  WithJsonSchema({"type": "number", "maximum": 0})]
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
Kind = Literal["normal", "bonus", "penalty"]
KINDS: tuple[Kind, ...] = ("normal", "bonus", "penalty")


def _described(description: str, **extra: Any) -> Any:
    return Field(description=description, **extra)


class _Strict(BaseModel):
    # defer_build: a model's validator is built when it first validates, not when the class
    # is made; a command that reads no file of this kind builds none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


class _Row(_Strict):
    """A model of which a plan holds thousands (criteria, assignments). Pydantic gives each
    instance its own set of the fields the data named, about 700 bytes, a third of a
    validated row; the models are frozen and pydantic copies that set before it would ever
    change one, so the rows that name the same fields share one set, as soon as each is
    built (a large plan's peak memory, not only what it keeps)."""

    @model_validator(mode="after")
    def _share_fields_set(self) -> Any:
        fields = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(fields), fields)
        if shared is not fields:
            object.__setattr__(self, "__pydantic_fields_set__", shared)
        return self


class Agency(_Strict):
    id: AgencyId = _described("Stable id: lower-case letters, digits, single hyphens.")
    name: NonEmpty = _described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)
    aliases: list[NonEmpty] = _described("Other spellings seen in the documents.",
                                         default=[])
    until: date | None = _described(
        "The day the agency ceased (merged, renamed or dissolved), YYYY-MM-DD: in a plan "
        "whose target year starts after it, its points go to its successor.", default=None)
    successor: AgencyId | None = _described(
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


class AgencyRegistry(_Strict):
    agencies: list[Agency] = _described("Every agency the data files name.", min_length=1)


class Named(_Strict):
    name: NonEmpty = _described("Vietnamese name.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name, en_fallback=self.name_en is None)


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


@dataclass(frozen=True)
class _Place:
    """What a row's range depends on beyond its own keys: the kind it inherits, and whether
    bonus rows sit below it (then its score may pass its max)."""

    inherited: Kind | None = None
    bonus_below: bool = False


# The places of the rows of the criteria file being validated, by code (set by
# CriteriaFile for the time of its validation; a row validated alone has the default place).
_PLACES: ContextVar[dict[str | None, _Place] | None] = ContextVar("parcli_places", default=None)
_TOTAL_PLACE = None  # the key of the printed grand total in the places
_NO_PLACE = _Place()  # (frozen: one serves every row without a place of its own)


def _places(rows: Any) -> dict[str | None, _Place]:
    """Each code's place, from the raw rows (before they are validated), with the tree's
    rules: the parent is the nearest earlier row whose code is a prefix; kinds inherit."""
    effective: dict[str, Kind | None] = {}
    parent_of: dict[str, str | None] = {}
    for row in rows if isinstance(rows, list) else []:
        code = row.get("code") if isinstance(row, dict) else None
        if not isinstance(code, str) or code in effective:
            continue
        own = row.get("kind") if row.get("kind") in KINDS else None
        parent, head = None, code
        while "." in head and parent is None:
            head = head.rpartition(".")[0]
            parent = head if head in effective else None
        parent_of[code] = parent
        effective[code] = own or (effective[parent] if parent is not None else None)
    bonus_below: set[str | None] = set()
    for code, kind in effective.items():
        if kind == "bonus":
            node = parent_of[code]
            while node is not None and node not in bonus_below:
                bonus_below.add(node)
                node = parent_of[node]
            bonus_below.add(_TOTAL_PLACE)
    # A handful of distinct places: one instance each, however many rows share it.
    distinct: dict[tuple[Kind | None, bool], _Place] = {}
    places: dict[str | None, _Place] = {}
    for code in effective:
        parent = parent_of[code]
        shape = (effective[parent] if parent is not None else None, code in bonus_below)
        place = distinct.get(shape)
        if place is None:
            place = distinct[shape] = _Place(*shape)
        places[code] = place
    places[_TOTAL_PLACE] = _Place(None, _TOTAL_PLACE in bonus_below)
    return places


def _place(code: Any) -> _Place:
    """A row's place by its code (the default place for a code that did not validate)."""
    places = _PLACES.get()
    if places is None or not isinstance(code, str):
        return _NO_PLACE
    return places.get(code, _NO_PLACE)


def _bounds_text(low: Decimal | None, high: Decimal | None) -> str:
    return (f"[{low}" if low is not None else "(-∞") + ", " + (
        f"{high}]" if high is not None else "∞)")


def _out_of_range(value: Decimal, low: Decimal | None, high: Decimal | None,
                  column: str | None, hint: str = "") -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        raise PydanticCustomError(
            "score_range", "{column} {value} is outside {bounds}{hint}",
            {"column": column, "value": str(value), "bounds": _bounds_text(low, high),
             "hint": hint})


def _row_kind(info: ValidationInfo) -> Kind:
    return info.data.get("kind") or _place(info.data.get("code")).inherited or "normal"


def _criterion_range(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    """A criterion's score within [min, max]. The floor is the row's own: its `min`, else
    none on a row that says `kind: penalty` itself, else 0 (so that the JSON Schema, which
    sees one row at a time, can say the same). A penalty row's scores never pass 0, its max
    printed or not; a row with bonus rows below it may pass its max."""
    if value is None:
        return value
    kind, place = _row_kind(info), _place(info.data.get("code"))
    low: Decimal | None = info.data.get("min")
    if low is None and info.data.get("kind") != "penalty":
        low = Decimal(0)
    high: Decimal | None = info.data.get("max")
    if high is None and kind == "penalty":
        high = Decimal(0)
    if place.bonus_below and kind != "bonus":
        high = None
    hint = ("; a penalty row below 0 gives its largest deduction as min (or says kind: "
            "penalty itself)" if kind == "penalty" and low is not None and value < low
            and info.data.get("min") is None else "")
    _out_of_range(value, low, high, info.field_name, hint)
    return value


def _total_range(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    """The printed total within [0, max]; with bonus rows in the file it may pass its max
    (bonus points come on top of it)."""
    if value is None:
        return value
    total = (_PLACES.get() or {}).get(_TOTAL_PLACE, _NO_PLACE)
    high = None if total.bonus_below else info.data.get("max")
    _out_of_range(value, Decimal(0), high, info.field_name)
    return value


def _max_not_negative(value: Decimal | None) -> Decimal | None:
    if value is not None and value < 0:
        raise PydanticCustomError("score_range", "max {value} is negative",
                                  {"value": str(value)})
    return value


class Scored(_Row):
    """A row with the printed columns (the criteria's rows and the grand total). Each
    subclass declares the fields itself, in the order its validators need."""

    if TYPE_CHECKING:  # declared for the type checker only: not fields, so no order imposed
        max: Decimal | None
        baseline: Decimal | None
        target: Decimal | None
        acknowledged: dict[Column, str | Reason]

    def value(self, column: Column) -> Decimal | None:
        return getattr(self, column)  # type: ignore[no-any-return]


_ACKNOWLEDGED = ("Column -> reason: a printed subtotal that disagrees with its rows, kept as "
                 "printed. The reason is text, or {vi: ..., en: ...} to give it in both "
                 "languages.")


class Reason(_Strict):
    """An acknowledgement's reason in Vietnamese, and in English where the data has it."""

    vi: NonEmpty = _described("The reason in Vietnamese.")
    en: NonEmpty | None = _described("The reason in English (optional).", default=None)

    @property
    def text(self) -> Text:
        return Text(self.en or self.vi, self.vi, en_fallback=self.en is None)


def reason_text(reason: str | Reason) -> Text:
    """An acknowledgement's reason: a plain text serves both languages."""
    return reason.text if isinstance(reason, Reason) else Text.same(reason)


# A score below 0 needs the row's own `min` or `kind: penalty`: the JSON Schema says so too.
_NO_FLOOR: dict[str, JsonValue] = {"anyOf": [
    {"properties": {"min": {"type": "number", "description": "A floor of the row's own."}},
     "required": ["min"]},
    {"properties": {"kind": {"const": "penalty", "description": "A deduction: no floor."}},
     "required": ["kind"]}]}
_NOT_NEGATIVE: dict[str, JsonValue] = {
    "anyOf": [{"type": "number", "minimum": 0}, {"type": "null"}],
    "description": "0 or more on a row without min or kind: penalty of its own."}


class Criterion(Scored):
    """One row of the criteria table. The order of fields matters to the range checks: code,
    kind, min and max come before the scores."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, json_schema_extra={
        "if": {"not": _NO_FLOOR},
        "then": {"properties": {"baseline": _NOT_NEGATIVE, "target": _NOT_NEGATIVE}}})

    code: Code = _described("Code as printed: dotted numbers, lower-case letters or Roman "
                            "numerals (4.3.2, 1.1.a, II.3); the parent of a.b.c is a.b.")
    name: NonEmpty = _described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = _described("English name (optional).", default=None)
    kind: Kind | None = _described(
        "normal (the default), bonus (points on top of the total's max) or penalty (a "
        "deduction, scored 0 or below); inherited by the rows below.", default=None)
    min: Floor | None = _described(
        "Lowest score the row allows, 0 or below: the largest deduction of a penalty row "
        "(-2); omit for 0 (no floor on a row that says kind: penalty itself).", default=None)
    max: Score | None = _described("Maximum points, as printed; omit when not printed.",
                                   default=None)
    baseline: Number | None = _described("Score of the baseline year, as printed; omit or "
                                         "null when unknown.", default=None)
    target: Number | None = _described("Target of the plan year, as printed; omit or null "
                                       "when unknown.", default=None)
    lead: list[NonEmpty] = _described("Lead agencies as printed, one item per agency.",
                                      default=[])
    method: Method | None = _described(
        "How the points are scored: evidence (appraised, the default) or survey "
        "(sociological survey, SIPAS); inherited by the rows below.", default=None)
    scoring: list[NonEmpty] = _described(
        "The scoring bands as printed, one text per band (e.g. '0,5 điểm nếu ...').",
        default=[])
    acknowledged: dict[Column, NonEmpty | Reason] = _described(_ACKNOWLEDGED, default={})
    note: NonEmpty | None = _described("Free text about the transcription.", default=None)

    @field_validator("min")
    @classmethod
    def _min_not_positive(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and value > 0:
            raise PydanticCustomError(
                "score_range", "min {value} is above 0: min is the lowest score, 0 or below "
                "(a deduction of 2 points is min: -2)", {"value": str(value)})
        return value

    @field_validator("max")
    @classmethod
    def _max_in_range(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        _max_not_negative(value)
        if value is not None and value > 0 and _row_kind(info) == "penalty":
            raise PydanticCustomError(
                "score_range", "max {value} on a penalty row: a deduction earns no points, "
                "write max: 0 (and the largest deduction as min)", {"value": str(value)})
        return value

    _range = field_validator("baseline", "target")(_criterion_range)

    @property
    def parent_code(self) -> str | None:
        head, dot, _ = self.code.rpartition(".")
        return head if dot else None

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name, en_fallback=self.name_en is None)


class Total(Scored):
    """The printed grand-total row."""

    max: Score | None = _described("Maximum points, as printed; omit when not printed.",
                                   default=None)
    baseline: Score | None = _described("Score of the baseline year, as printed; omit or null "
                                        "when unknown.", default=None)
    target: Score | None = _described("Target of the plan year, as printed; omit or null when "
                                      "unknown.", default=None)
    acknowledged: dict[Column, NonEmpty | Reason] = _described(_ACKNOWLEDGED, default={})

    _max = field_validator("max")(_max_not_negative)
    _range = field_validator("baseline", "target")(_total_range)


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

    @model_validator(mode="wrap")
    @classmethod
    def _with_places(cls, data: Any, handler: ModelWrapValidatorHandler[CriteriaFile]
                     ) -> CriteriaFile:
        """The rows' places (inherited kind, bonus or penalty rows below) for the range
        checks of the rows and the total, which need more than their own keys."""
        token = _PLACES.set(_places(data.get("criteria") if isinstance(data, dict) else None))
        try:
            return handler(data)
        finally:
            _PLACES.reset(token)

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


class Assignment(_Row):
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
        return Text(self.title_en or self.title, self.title, en_fallback=self.title_en is None)


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
