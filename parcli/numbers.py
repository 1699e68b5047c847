"""How parcli writes a number in text: exact, without float noise or trailing zeros."""

from __future__ import annotations

from decimal import Decimal


def number(value: Decimal | int | None) -> str:
    """79.53 stays 79.53; 8.50 prints as 8.5; 100 as 100; nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def minus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """a − b, unknown when either is unknown (a missing number is never zero)."""
    return None if a is None or b is None else a - b
