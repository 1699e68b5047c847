"""The `json` format: the command's data as JSON, numbers exact; and `decimal_text`, the one
way parcli writes a Decimal as JSON's number text."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, ClassVar

from parcli.output import Output
from parcli.render.base import Reporter, Writes

ORDER = 40  # its place among the formats (help lists them in this order)

__all__ = ["JsonReporter", "decimal_text", "json_text"]

class JsonReporter(Reporter):
    """The command's data as JSON (`ensure_ascii=False, indent=2`).

    Numbers are JSON numbers in exact decimal text: a Decimal is written with all its digits
    and no exponent, trailing zeros dropped (`8.67`, `8.50` as `8.5`, `100`,
    `1234567890.123456789`), never as a string. A reader that parses into binary floats may
    round beyond 15-17 significant digits; one that parses into decimals keeps them all.
    """

    name = "json"
    help = "the data as JSON"
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "documents", "problems"})
    suffix = "json"
    for_machines = True

    def render(self, output: Output) -> str:
        return json_text(output.data) + "\n"


def json_text(value: Any, indent: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, except that Decimals are allowed
    and written as exact number tokens (`decimal_text`). `indent` is the current line's."""
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = indent + "  "
        items = [f"{inner}{_json_key(key)}: {json_text(item, inner)}"
                 for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = indent + "  "
        return "[\n" + ",\n".join(inner + json_text(item, inner) for item in value) + (
            f"\n{indent}]")
    return json.dumps(value, ensure_ascii=False)


def _json_key(key: Any) -> str:
    """A key as `json.dumps` writes it: str keys as they are, numbers, booleans and None as
    their JSON text in quotes; Decimals as their exact text."""
    if isinstance(key, Decimal):
        key = decimal_text(key)
    elif not isinstance(key, str):
        if key is not None and not isinstance(key, (bool, int, float)):
            raise TypeError(f"keys must be str, int, float, bool or None, not {type(key)}")
        key = json.dumps(key)
    return json.dumps(key, ensure_ascii=False)


def decimal_text(value: Decimal) -> str:
    """The exact decimal text of a Decimal, without exponent or trailing zeros: `8.50` as
    `8.5`, `1E+3` as `1000`, `-0.00` as `0`. Unlike `Decimal.normalize()`, which rounds to
    the context's 28 digits, it keeps every digit. NaN and infinities are written as
    `json.dumps` writes the floats (`NaN`, `Infinity`, `-Infinity`)."""
    if value.is_nan():
        return "NaN"
    if value.is_infinite():
        return "-Infinity" if value < 0 else "Infinity"
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text

