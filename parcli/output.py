"""One output layer: commands build an `Output`; a reporter, chosen by name, renders it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from parcli.numbers import number
from parcli.problems import Problem
from parcli.text import Lang, Untranslated

__all__ = ["CONTEXT", "CONTEXT_MARK", "Chart", "Column", "Letter", "Output", "Section", "Table",
           "Untranslated", "cell", "list_separator", "number"]

CONTEXT = "_context"
"""A row key: a row whose value here is true is shown for context only (the ancestors of a
search's matches). The human formats mark it (`CONTEXT_MARK` before its first cell, dim in
colour); csv leaves it out, as json does (its rows are the command's `data`)."""
CONTEXT_MARK = "·"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    # How values read in the human formats (table, md): an enumeration's words, or an
    # agency's name for its id (a list of ids maps item by item); csv and json keep the
    # values themselves, so a spreadsheet or a script sees the same whatever --lang is. A
    # display value may be `Untranslated` (from `Text.shown`): the human formats mark it.
    values: dict[str, str] | None = None
    # Human formats only: when the row's value under `remark` is a key of `remarks`, its text
    # follows the cell in parentheses (dim in colour), e.g. a lead "(inherited)".
    remark: str | None = None
    remarks: dict[str, str] | None = None
    human: bool = True  # False: for csv only (e.g. the key that `remark` reads)

    def shown(self, value: Any) -> Any:
        if self.values is not None:
            if isinstance(value, str):
                return self.values.get(value, value)
            if isinstance(value, (list, tuple)):
                return [self.values.get(item, item) if isinstance(item, str) else item
                        for item in value]
        return value

    def remark_of(self, row: dict[str, Any]) -> str | None:
        """The remark the human formats add to this column's cell in `row`, if any."""
        if self.remark is None or self.remarks is None:
            return None
        key = row.get(self.remark)
        return self.remarks.get(key) if isinstance(key, str) else None


@dataclass(frozen=True)
class Chart:
    """A bar chart of its table, which the formats that draw charts (docx, xlsx) draw beside
    it: one group of bars per row (not the footer), labelled by the
    values under `label_keys` joined by ". " (a native Excel chart labels its bars by the
    first of them alone), and one bar per column of `value_keys`, named by the column's label.
    A chart is drawn only where a command declares one; a `Table` refuses a chart that names
    a column it does not have, so renaming a column cannot drop a chart silently."""

    label_keys: tuple[str, ...]
    value_keys: tuple[str, ...]
    title: str | None = None  # None: the heading of the section the table is in

    def __post_init__(self) -> None:
        if not self.label_keys or not self.value_keys:
            raise ValueError("a chart needs a label column and at least one value column")


@dataclass
class Table:
    columns: list[Column]
    rows: list[dict[str, Any]]
    title: str | None = None
    footer: list[dict[str, Any]] = field(default_factory=list)  # e.g. a total row
    chart: Chart | None = None  # a bar chart of the rows, drawn by docx and xlsx

    def __post_init__(self) -> None:
        self.chart_columns()

    def chart_columns(self) -> tuple[list[Column], list[Column]]:
        """The chart's label columns and value columns; ValueError when the chart names a
        column the table does not show (a renamed key, say). No chart: two empty lists."""
        if self.chart is None:
            return [], []
        shown = {column.key: column for column in self.columns if column.human}
        missing = [key for key in (*self.chart.label_keys, *self.chart.value_keys)
                   if key not in shown]
        if missing:
            raise ValueError(f"the chart names {', '.join(map(repr, missing))}, which the "
                             f"table has no column for (its columns: {', '.join(shown)})")
        return ([shown[key] for key in self.chart.label_keys],
                [shown[key] for key in self.chart.value_keys])


@dataclass
class Section:
    """A part of a document (the meeting report): a heading, then paragraphs and tables."""

    heading: str
    blocks: list[str | Table] = field(default_factory=list)
    level: int = 2
    # A list in a document with an annex: a paged format (docx) writes these lines in the
    # body in place of the heading and the blocks, and the blocks at the start of the annex
    # (or nowhere when `moves` is False: the annex lists them already). md writes it whole.
    brief: list[str] | None = None
    moves: bool = True


@dataclass(frozen=True)
class Letter:
    """The parts of an administrative document (Decree 30/2020/NĐ-CP, Appendix I) around its
    body, in the output's language. None (or an empty list) is a blank the office fills in
    by hand: nothing here is made up. The Word format lays them out; the other formats
    ignore them.

    `kind` and `kind_code` are the type of document ("BÁO CÁO", "BC"); `subject` its summary
    line; `symbol` the issuer's abbreviation ("SNV" gives "Số: …/BC-SNV"); `year` the year of
    the date line ("Đắk Lắk, ngày … tháng … năm 2020"); `authority` and `signer` the signer
    block's two upper-case lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")."""

    kind: str
    kind_code: str
    subject: str
    year: int
    parent: str | None = None
    issuer: str | None = None
    symbol: str | None = None
    place: str | None = None
    recipients: tuple[str, ...] = ()
    authority: str | None = None
    signer: str | None = None


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
    letter: Letter | None = None  # a document's Decree 30 parts (docx lays them out)
    annex: int | None = None  # the index of the first section of the annex ("Phụ lục"):
    #                           docx puts "Nơi nhận" and the signer block before it, and
    #                           starts it on a new page
    stderr_notes: list[str] = field(default_factory=list)  # said on stderr after writing
    #                  (a reporter adds them, e.g. docx: "charts not drawn: no matplotlib")


def cell(value: Any, lang: Lang = "en") -> str:
    """A value as text; `lang="vi"` writes decimals with a comma (human formats only), and
    then separates a list holding decimals with "; " so that "1,5; 2" stays two numbers."""
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return number(value, lang)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return list_separator(value, lang).join(cell(item, lang) for item in value)
    return str(value)


def list_separator(items: list[Any] | tuple[Any, ...], lang: Lang = "en") -> str:
    decimals = lang == "vi" and any(isinstance(item, Decimal) for item in items)
    return "; " if decimals else ", "


@dataclass
class Documents:
    """Several outputs for one folder (`report --per-agency DIR`): each written as
    `<stem>.<the format's suffix>`."""

    folder: Path
    outputs: dict[str, Output]


@dataclass
class Files:
    """Texts for one folder, each under its file name (`schema --install DIR`)."""

    folder: Path
    texts: dict[str, str]
