"""The criteria file: the index's rows with their printed columns, and the grand total.

Row-level rules live here (types, ranges, code syntax).  Rules that need the whole file or
several files (duplicate codes, missing parents, unknown agencies) live in `parcli.rules`,
so that each finding keeps its own rule id and position.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    ConfigDict,
    JsonValue,
    ModelWrapValidatorHandler,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from parcli.models.common import (
    Code,
    Floor,
    Named,
    NonEmpty,
    NonNegative,
    Number,
    Percent,
    Reason,
    RowModel,
    Source,
    StrictModel,
    Year,
    described,
)
from parcli.models.ranges import (
    Bounds,
    PenaltyWithoutMin,
    RowKind,
    bounds_text,
    in_range,
    score_range,
)
from parcli.text import Text, shorten

ScoreColumn = Literal["max", "baseline", "target"]
SCORE_COLUMNS: tuple[ScoreColumn, ...] = ("max", "baseline", "target")
Method = Literal["evidence", "survey"]
ROW_KINDS: tuple[RowKind, ...] = ("normal", "bonus", "penalty")


class IndexInfo(Named):
    short: NonEmpty | None = described("Short name used in titles, e.g. PAR Index; omit "
                                       "when the plan has none (titles use the name).",
                                       default=None)

    @property
    def label(self) -> str:
        """What titles call the index: its short name, else its (Vietnamese) name."""
        return self.short or self.name

    @property
    def label_text(self) -> Text:
        """`label` in each language: the short name in both, else the name in each."""
        return Text.same(self.short) if self.short is not None else self.text




class Rank(StrictModel):
    position: int = described("The province's rank in the baseline year.", ge=1)
    of: int = described("Number of provinces ranked.", ge=1)

    @model_validator(mode="after")
    def _position_within(self) -> Rank:
        if self.position > self.of:
            raise PydanticCustomError("rank_range", "rank {position} of {of}: the position "
                                      "cannot exceed the number ranked",
                                      {"position": self.position, "of": self.of})
        return self


class Sipas(StrictModel):
    baseline: Percent | None = described("SIPAS in the baseline year, percent.", default=None)
    target: Percent | None = described("SIPAS target, percent.", default=None)
    target_text: NonEmpty | None = described("The target as printed, e.g. 'trên 80%'.",
                                              default=None)
    target_text_en: NonEmpty | None = described("The printed target in English.",
                                                 default=None)



@dataclass(frozen=True)
class _Place:
    """What a row's range depends on beyond its own keys: the kind it inherits, and whether
    bonus rows sit below it (then its score may pass its max)."""

    inherited: RowKind | None = None
    bonus_below: bool = False


# The places of the rows of the criteria file being validated, by code (set by
# CriteriaFile for the time of its validation; a row validated alone has the default place).
_PLACES: ContextVar[dict[str | None, _Place] | None] = ContextVar("parcli_places", default=None)
_TOTAL_PLACE = None  # the key of the printed grand total in the places
_NO_PLACE = _Place()  # (frozen: one serves every row without a place of its own)


def _places(rows: Any) -> dict[str | None, _Place]:
    """Each code's place, from the raw rows (before they are validated), with the tree's
    rules: the parent is the nearest earlier row whose code is a prefix; kinds inherit."""
    effective: dict[str, RowKind | None] = {}
    parent_of: dict[str, str | None] = {}
    for row in rows if isinstance(rows, list) else []:
        code = row.get("code") if isinstance(row, dict) else None
        if not isinstance(code, str) or code in effective:
            continue
        own = row.get("kind") if row.get("kind") in ROW_KINDS else None
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
    distinct: dict[tuple[RowKind | None, bool], _Place] = {}
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


def _out_of_range(value: Decimal, bounds: Bounds, column: str | None) -> None:
    if not in_range(value, bounds):
        raise PydanticCustomError(
            "score_range", "{column} {value} is outside {bounds}",
            {"column": column, "value": str(value), "bounds": bounds_text(bounds)})


def _row_kind(info: ValidationInfo) -> RowKind:
    return info.data.get("kind") or _place(info.data.get("code")).inherited or "normal"


def _criterion_range(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    """A criterion's score within its range (`parcli.models.ranges.score_range`, the rule
    the results file's scores are checked by too): a row with bonus rows below it may pass
    its max."""
    if value is None:
        return value
    kind, place = _row_kind(info), _place(info.data.get("code"))
    try:
        bounds = score_range(kind, info.data.get("min"), info.data.get("max"),
                             bonus_below=place.bonus_below)
    except PenaltyWithoutMin:  # reported once for the row, by Criterion._penalty_gives_min
        return value
    _out_of_range(value, bounds, info.field_name)
    return value


def _total_range(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    """The printed total within [0, max]; with bonus rows in the file it may pass its max
    (bonus points come on top of it)."""
    if value is None:
        return value
    total = (_PLACES.get() or {}).get(_TOTAL_PLACE, _NO_PLACE)
    _out_of_range(value, score_range("normal", None, info.data.get("max"),
                                     bonus_below=total.bonus_below), info.field_name)
    return value


def _max_not_negative(value: Decimal | None) -> Decimal | None:
    if value is not None and value < 0:
        raise PydanticCustomError("score_range", "max {value} is negative",
                                  {"value": str(value)})
    return value


class Scored(RowModel):
    """A row with the printed columns (the criteria's rows and the grand total). Each
    subclass declares the fields itself, in the order its validators need."""

    if TYPE_CHECKING:  # declared for the type checker only: not fields, so no order imposed
        max: Decimal | None
        baseline: Decimal | None
        target: Decimal | None
        acknowledged: dict[ScoreColumn, str | Reason]

    def value(self, column: ScoreColumn) -> Decimal | None:
        return getattr(self, column)  # type: ignore[no-any-return]


_ACKNOWLEDGED = ("Column -> reason: a printed subtotal that disagrees with its rows, kept as "
                 "printed. The reason is text, or {vi: ..., en: ...} to give it in both "
                 "languages.")



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

    code: Code = described("Code as printed: dotted numbers, single letters a-z or đ, or "
                            "Roman numerals (4.3.2, 1.1.a, 1.1.đ, II.3); the parent of a.b.c "
                            "is a.b.")
    name: NonEmpty = described("Vietnamese name, as printed.")
    name_en: NonEmpty | None = described("English name (optional).", default=None)
    kind: RowKind | None = described(
        "normal (the default), bonus (points on top of the total's max) or penalty (a "
        "deduction, scored 0 or below); inherited by the rows below.", default=None)
    min: Floor | None = described(
        "Lowest score the row allows, 0 or below: the largest deduction of a penalty row "
        "(-2); omit for 0 (no floor on a row that says kind: penalty itself).", default=None)
    max: NonNegative | None = described("Maximum points, as printed; omit when not printed.",
                                   default=None)
    baseline: Number | None = described("Score of the baseline year, as printed; omit or "
                                         "null when unknown.", default=None)
    target: Number | None = described("Target of the plan year, as printed; omit or null "
                                       "when unknown.", default=None)
    lead: list[NonEmpty] = described("Lead agencies as printed, one item per agency.",
                                      default=[])
    method: Method | None = described(
        "How the points are scored: evidence (appraised, the default) or survey "
        "(sociological survey, SIPAS); inherited by the rows below.", default=None)
    scoring: list[NonEmpty] = described(
        "The scoring bands as printed, one text per band (e.g. '0,5 điểm nếu ...').",
        default=[])
    acknowledged: dict[ScoreColumn, NonEmpty | Reason] = described(_ACKNOWLEDGED, default={})
    note: NonEmpty | None = described("Free text about the transcription.", default=None)

    @model_validator(mode="before")
    @classmethod
    def _penalty_gives_min(cls, data: Any) -> Any:
        """A penalty row (its own kind or inherited) gives its largest deduction as min."""
        if not isinstance(data, dict) or data.get("min") is not None:
            return data
        own = data.get("kind") if data.get("kind") in ROW_KINDS else None
        code = data.get("code")
        if (own or _place(code).inherited) == "penalty":
            raise PydanticCustomError(
                "score_range", "{code} is a penalty row without min: give its largest "
                "deduction as min (e.g. min: -2)", {"code": shorten(str(code))})
        return data

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

    max: NonNegative | None = described("Maximum points, as printed; omit when not printed.",
                                   default=None)
    baseline: NonNegative | None = described("Score of the baseline year, as printed; omit or null "
                                        "when unknown.", default=None)
    target: NonNegative | None = described("Target of the plan year, as printed; omit or null when "
                                      "unknown.", default=None)
    acknowledged: dict[ScoreColumn, NonEmpty | Reason] = described(_ACKNOWLEDGED, default={})

    _max = field_validator("max")(_max_not_negative)
    _range = field_validator("baseline", "target")(_total_range)


class PlanSource(Source):
    """The document a criteria file transcribes: the plan, whose title documents cite."""

    short_title: NonEmpty | None = described(
        "A shorter title that reads better in a sentence, e.g. Kế hoạch nâng cao Chỉ số CCHC "
        "và Chỉ số SIPAS năm 2020 (optional; documents use the title without it).", default=None)
    short_title_en: NonEmpty | None = described("English short title (optional).", default=None)


class CriteriaFile(StrictModel):
    index: IndexInfo = described("The index the plan is about.")
    province: Named = described("The province.")
    baseline_year: Year | None = described("Year of the baseline scores; omit in a first "
                                            "year.", default=None)
    target_year: Year = described("Year of the targets (the plan year).")
    source: PlanSource | None = described("The document transcribed.", default=None)
    rank: Rank | None = described("The province's rank in the baseline year.", default=None)
    sipas: Sipas | None = described("The satisfaction index (SIPAS).", default=None)
    total: Total = described("The printed grand-total row.")
    criteria: list[Criterion] = described("Every row of the table, in document order.",
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


