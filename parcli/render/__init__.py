"""One output layer: commands build an `Output`; a reporter, chosen by name, renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parcli.numbers import number
from parcli.problems import Problem

__all__ = ["Column", "Output", "Section", "Table", "cell", "number"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    # How an enumeration's values read in the human formats (table, md); csv and json keep
    # the values themselves, so a spreadsheet or a script sees the same whatever --lang is.
    values: dict[str, str] | None = None

    def shown(self, value: Any) -> Any:
        if self.values is not None and isinstance(value, str):
            return self.values.get(value, value)
        return value


@dataclass
class Table:
    columns: list[Column]
    rows: list[dict[str, Any]]
    title: str | None = None
    footer: list[dict[str, Any]] = field(default_factory=list)  # e.g. a total row


@dataclass
class Section:
    """A part of a document (the meeting report): a heading, then paragraphs and tables."""

    heading: str
    blocks: list[str | Table] = field(default_factory=list)
    level: int = 2


@dataclass
class Output:
    """What a command has to say, in every shape a reporter may need."""

    tables: list[Table]
    data: Any  # the JSON document (brief's shapes), Decimals allowed
    problems: list[Problem] = field(default_factory=list)  # for `--format github`
    notes: list[str] = field(default_factory=list)  # summary lines below the tables
    csv_table: int = 0  # which table csv writes: csv holds one table only
    failed: bool = False  # the data did not pass: exit code 1
    lines: list[str] | None = None  # text formats print these instead of the tables
    sections: list[Section] | None = None  # a document: md renders it whole
    name_sources: bool = True  # a "Data: ..." line among the notes (not under validate -q)


def cell(value: Any) -> str:
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return number(value)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    return str(value)
