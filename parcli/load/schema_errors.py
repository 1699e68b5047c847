"""Pydantic's validation errors to problems at their file, line and column (the third of
the loader's three steps)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from parcli.load.document import Document
from parcli.problems import Problem
from parcli.text import shorten

if TYPE_CHECKING:
    from pydantic import ValidationError

MAX_PROBLEMS = 50
_RULES_BY_ERROR_TYPE = {"score_range": "score-range", "decimal_comma": "decimal-comma"}
_BOUNDS = {"less_than_equal": "above the highest allowed,", "greater_than_equal":
           "below the lowest allowed,", "less_than": "not below", "greater_than": "not above"}
_EXPECTED = {"model_type": "a mapping of keys", "dict_type": "a mapping of keys",
             "list_type": "a list", "string_type": "text", "int_type": "a whole number"}


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, Decimal)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {shorten(value)!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__


def schema_problems(document: Document, exc: ValidationError) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PROBLEMS]:
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        rule = _RULES_BY_ERROR_TYPE.get(error["type"], "schema")
        key = error["type"] == "extra_forbidden"  # point at the key, not its value
        line, column = document.position(loc, key=key)
        path = _dotted(loc[:-1] if loc and loc[-1] == "[key]" else loc)
        problems.append(Problem(rule, "error", f"{path}: {_message(error)}", document.file,
                                line, column))
    if len(errors) > MAX_PROBLEMS:
        problems.append(Problem("schema", "error", f"{len(errors) - MAX_PROBLEMS} more schema "
                                "problems not shown; fix these first", document.file))
    return problems


def _message(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if error["loc"] and error["loc"][-1] == "[key]":
        return "key " + str(msg).removeprefix("Input ")
    if kind in _EXPECTED:  # pydantic's "Input should be a valid dictionary or instance of X"
        return f"expected {_EXPECTED[kind]}, found {kind_of(error.get('input'))}"
    if kind in _BOUNDS:
        limit = next(iter((error.get("ctx") or {}).values()), "?")
        return f"{error.get('input')} is {_BOUNDS[kind]} {limit}"
    ctx = error.get("ctx") or {}
    if kind == "literal_error":  # pydantic's "Input should be 'rank' or 'threshold'"
        return f"must be one of {ctx.get('expected', '?').replace(' or ', ', ')}"
    if kind == "too_short":
        return (f"needs at least {ctx.get('min_length', '?')} item(s), found "
                f"{ctx.get('actual_length', '?')}")
    if kind.startswith(("date_", "datetime_")):
        return f"expected a date YYYY-MM-DD, found {kind_of(error.get('input'))}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {kind_of(error.get('input'))}"
    return str(msg).removeprefix("Value error, ")


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"
