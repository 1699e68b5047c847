"""What every data file's models share: the strict base classes, texts, numbers, codes,
agency ids and years, with the validators that give clear messages."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from parcli.text import Text, shorten

_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")


def _decimal(value: Any) -> Any:
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
            "(numbers, one letter a-z or đ, Roman numerals)", {"value": _short(value)})
    return value


def _slug(noun: str, example: str) -> Callable[[Any], Any]:
    """The check of an id of lower-case ASCII words joined by hyphens, named in its message
    as what it identifies ("agency id 'X' must be ..., such as home-affairs")."""
    def check(value: Any) -> Any:
        if isinstance(value, str) and not _AGENCY_ID.match(value):
            raise PydanticCustomError(
                f"{noun}_id", f"{noun} id '{{value}}' must be ASCII letters a-z (lower case, no "
                f"diacritics), digits and single hyphens, such as {example}",
                {"value": _short(value)})
        return value

    return check


# A code's segments, as printed: numbers ("4.3.2"), one lower-case letter ("1.1.a"; "1.1.đ",
# as Vietnamese enumerations run a, b, c, d, đ, e, g), Roman numerals ("II.3"), at any depth;
# ASCII digits only ("１.１" is not a code). The JSON Schema's pattern accepts any run of
# Roman letters; parcli also checks that it is a numeral.
_LETTERS = "abcdđefghijklmnopqrstuvwxyz"  # a segment's letters, in their order (đ after d)
_LETTER_ORDER = {letter: n for n, letter in enumerate(_LETTERS)}
_SEGMENT = r"(?:[0-9]+|[a-zđ]|[IVXLCDM]+)"
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
    at the same depth, the letters in Vietnamese order (d, đ, e). Any other text (an agency
    id) sorts after them, as text."""
    key = []
    for part in code.split("."):
        if part.isdigit() and part.isascii():
            key.append((0, int(part), part))
        elif part and _ROMAN.match(part):
            key.append((1, roman_value(part), part))
        elif part in _LETTER_ORDER:
            key.append((2, _LETTER_ORDER[part], part))
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


Number = Annotated[Decimal, BeforeValidator(_decimal), WithJsonSchema({"type": "number"})]
# A max and the printed total's scores are never negative; the JSON Schema says so too (a
# score within [min, max] needs parcli itself). A criterion's score may be negative: a
# deduction (`kind: penalty`), or a row with a `min` below zero.
NonNegative = Annotated[Decimal, BeforeValidator(_decimal),
                  WithJsonSchema({"type": "number", "minimum": 0})]
Floor = Annotated[Decimal, BeforeValidator(_decimal),
                  WithJsonSchema({"type": "number", "maximum": 0})]
Percent = Annotated[Decimal, BeforeValidator(_decimal), Field(ge=0, le=100),
                    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100})]
# The before-validators only give clearer messages; the Field constraints feed the JSON Schema.
NonEmpty = Annotated[str, Field(min_length=1, pattern=r"\S"), BeforeValidator(_text)]
Code = Annotated[str, Field(pattern=CODE_PATTERN), BeforeValidator(_code_format),
                 BeforeValidator(_code)]
AgencyId = Annotated[str, Field(pattern=AGENCY_ID_PATTERN),
                     BeforeValidator(_slug("agency", "home-affairs"))]


GoalId = Annotated[str, Field(pattern=AGENCY_ID_PATTERN),
                   BeforeValidator(_slug("goal", "par-rank"))]
Year = Annotated[int, Field(ge=1900, le=2200, strict=True)]


def described(description: str, **extra: Any) -> Any:
    return Field(description=description, **extra)


class StrictModel(BaseModel):
    # defer_build: a model's validator is built when it first validates, not when the class
    # is made; a command that reads no file of this kind builds none.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}


class RowModel(StrictModel):
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




class Named(StrictModel):
    name: NonEmpty = described("Vietnamese name.")
    name_en: NonEmpty | None = described("English name (optional).", default=None)

    @property
    def text(self) -> Text:
        return Text(self.name_en or self.name, self.name, en_fallback=self.name_en is None)




class Source(StrictModel):
    title: NonEmpty = described("Title of the source document, as printed.")
    title_en: NonEmpty | None = described("English title (optional).", default=None)
    file: NonEmpty | None = described("Where the source can be found.", default=None)
    appendix: NonEmpty | None = described("The appendix transcribed.", default=None)




class Reason(StrictModel):
    """An acknowledgement's reason in Vietnamese, and in English where the data has it."""

    vi: NonEmpty = described("The reason in Vietnamese.")
    en: NonEmpty | None = described("The reason in English (optional).", default=None)

    @property
    def text(self) -> Text:
        return Text(self.en or self.vi, self.vi, en_fallback=self.en is None)


def reason_text(reason: str | Reason) -> Text:
    """An acknowledgement's reason: a plain text serves both languages."""
    return reason.text if isinstance(reason, Reason) else Text.same(reason)


