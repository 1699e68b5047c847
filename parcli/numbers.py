"""How parcli writes a number in text: exact, without float noise or trailing zeros."""

from __future__ import annotations

from decimal import Decimal

from parcli.text import Lang, Text


def number(value: Decimal | int | None, lang: Lang = "en") -> str:
    """8.67 stays 8.67; 8.50 prints as 8.5; 100 as 100; nothing as an empty cell. For a
    Vietnamese reader (`lang="vi"`) the decimal mark is a comma, as the plans print it:
    8,67 (no thousands grouping). Machine formats (json, csv) always keep the dot."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "vi" else text


def number_text(value: Decimal | int | None) -> Text:
    """A number as each language writes it, for a message built in both languages
    (`Text.format` puts a Text value in each language's own): Text("8.67", "8,67")."""
    return Text(number(value), number(value, "vi"))


def minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """a − b, unknown when either is unknown (a missing number is never zero)."""
    return None if a is None or b is None else a - b
