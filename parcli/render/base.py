"""What every format shares: the `Reporter` base class, the registry of formats, and the
helpers several formats need (colour and width of the terminal, a cell's pieces, the office
formats' text).

Every `Reporter` subclass declares what it is (`name`, `help`, `suffix`), what it can write
(`writes`: tables, documents, problems), and how (`binary`, `for_machines`); defining the class
registers it in `REPORTERS`. What the CLI offers comes from these declarations only
(`formats()`), never from a format's name.

Text from the data, and values from parcli
    A cell whose value is a str (or a list holding strs) came from the data files or the
    translations and may hold anything; Decimals, ints, dates and None are values parcli
    produced. The text formats treat the two differently: markdown escapes text and leaves
    parcli's numbers alone; csv neutralises text that a spreadsheet would run as a formula
    and leaves numbers numbers.

The reader's language (`lang`)
    Human formats (table, md, docx, xlsx) write decimals as the reader does: `8,67` in
    Vietnamese, `8.67` in English; machine formats (json, csv, github) always write the dot.
    Only values parcli produced change: a code such as `8.1` or a date is text and stays. A
    name that is `Untranslated` (Vietnamese standing in for a missing English name) is in
    italics in Markdown, Word and the Rich terminal.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from decimal import Decimal
from importlib import import_module
from typing import Any, ClassVar, Literal

from parcli.output import (
    CONTEXT,
    CONTEXT_MARK,
    Column,
    Output,
    Table,
    Untranslated,
    cell,
    list_separator,
)
from parcli.text import Lang

__all__ = ["DEFAULTS", "KINDS", "PIPED_WIDTH", "REPORTERS", "Line", "Piece", "Reporter",
           "Writes", "bold_pieces", "cell_pieces", "clean", "display", "formats",
           "human_columns", "is_text", "places", "reporter", "shown_tables", "terminal_width",
           "use_color"]

Writes = Literal["tables", "documents", "problems"]
"""What a command outputs: tables (most commands), a document (an Output with sections: the
report, an agency's task sheet), or problems (check, validate: tables, plus each problem on its
file and line)."""
KINDS: tuple[Writes, ...] = ("tables", "documents", "problems")
DEFAULTS: dict[Writes, str] = {"tables": "table", "documents": "md", "problems": "table"}
"""The format a command uses when none is given, by what it writes: listed first."""

REPORTERS: dict[str, type[Reporter]] = {}
"""Every format, by name, in the order the classes are defined (see `formats()`)."""

PIPED_WIDTH = 100
"""The width tables fit when `COLUMNS` is not set and stdout is no terminal (a pipe, a file)."""
NARROWEST = 20  # a narrower width is taken as this one


class Reporter:
    """A format. Settings every reporter receives (`reporter()` passes them on):

    * `color`: auto, always or never (only `table` uses it);
    * `lang`: the reader's language. Human formats (table, md) write decimals with a comma
      in Vietnamese ("8,67"); machine formats (json, csv, github) always keep the dot;
    * `width`: the columns a `table` fits; None: `COLUMNS`, else the terminal's, else
      `PIPED_WIDTH`;
    * `wide`: never wrap (`--wide`): every cell on one line, however long.

    A registered subclass declares `name`, `help`, `writes` and `suffix` (and `binary`,
    `for_machines` when true); a text format implements `render` (its text), a binary one
    overrides `write`. A subclass that overrides `__init__` or `create` passes `**settings`
    on."""

    name: ClassVar[str]  # the `--format` value
    help: ClassVar[str]  # one line for `--help`
    writes: ClassVar[frozenset[Writes]]  # which outputs it can write
    suffix: ClassVar[str]  # a file's extension, without the dot
    binary: ClassVar[bool] = False  # a file format (docx, xlsx): bytes, never a console
    for_machines: ClassVar[bool] = False  # its output is parsed: errors go there too

    def __init_subclass__(cls, *, register: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not register:
            return
        if cls.name in REPORTERS:
            raise TypeError(f"two reporters are named {cls.name!r}")
        missing = [attribute for attribute in ("help", "writes", "suffix")
                   if not hasattr(cls, attribute)]
        if missing:
            raise TypeError(f"reporter {cls.name!r} does not declare {', '.join(missing)}")
        unknown = set(cls.writes) - set(KINDS)
        if not cls.writes or unknown:
            raise TypeError(f"reporter {cls.name!r}: `writes` must name some of {KINDS}")
        REPORTERS[cls.name] = cls

    def __init__(self, color: str = "auto", *, lang: Lang = "en", width: int | None = None,
                 wide: bool = False) -> None:
        self.color = color
        self.lang: Lang = lang
        self.width = width
        self.wide = wide

    @property
    def settings(self) -> dict[str, Any]:
        """The keyword settings, to hand to another reporter (see `TableReporter`)."""
        return {"lang": self.lang, "width": self.width, "wide": self.wide}

    @classmethod
    def create(cls, color: str = "auto", **settings: Any) -> Reporter:
        """The reporter that renders this format (the factory `reporter()` calls)."""
        return cls(color, **settings)

    def write(self, output: Output) -> str | bytes:
        """The output in this format: text for a text format, the bytes of a file for a
        binary one (and for a text format whose file needs bytes, csv-excel's BOM)."""
        self.check(output)
        return visible(self.render(output))

    def render(self, output: Output) -> str:
        """A text format's text."""
        raise TypeError(f"{self.name} is a binary format: call write()")

    def check(self, output: Output) -> None:
        """Refuse an output this format does not declare it can write."""
        if output.sections is not None and "documents" not in self.writes:
            raise ValueError(f"{self.name} cannot write a document "
                             f"(it writes {', '.join(sorted(self.writes))})")

    def fit_width(self) -> int | None:
        """The width a table must fit, None under `wide`."""
        if self.wide:
            return None
        return max(self.width if self.width is not None else terminal_width(), NARROWEST)

    @property
    def numbers_lang(self) -> Lang:
        """The language numbers are written in: the reader's in human formats, else English."""
        return "en" if self.for_machines else self.lang


def formats(writes: Writes) -> tuple[str, ...]:
    """The names of the registered formats that declare they can write `writes`: the
    default first (`DEFAULTS`), then in the order of their modules' `ORDER` (and, within a
    module, of definition)."""
    default = DEFAULTS[writes]
    found = [(name != default, getattr(import_module(cls.__module__), "ORDER", 0), index, name)
             for index, (name, cls) in enumerate(REPORTERS.items()) if writes in cls.writes]
    return tuple(name for *_, name in sorted(found))


def reporter(name: str, color: str = "auto", *, lang: Lang = "en", wide: bool = False,
             width: int | None = None) -> Reporter:
    """The reporter for `--format name`; `table` is rich only when colour makes sense. The
    CLI calls `reporter(common.format, common.color, lang=common.lang, wide=common.wide)`."""
    return REPORTERS[name].create(color, lang=lang, width=width, wide=wide)


def use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def terminal_width() -> int:
    """`COLUMNS` when set to a positive number, else the terminal's width, else (a pipe, or a
    pseudo-terminal that reports 0 columns, as docker -t and CI runners do) `PIPED_WIDTH`."""
    text = os.environ.get("COLUMNS", "").strip()
    if text.isdigit() and int(text) > 0:
        return int(text)
    try:
        columns = os.get_terminal_size().columns
    except (OSError, ValueError):
        columns = 0
    return columns if columns > 0 else PIPED_WIDTH


def shown_tables(output: Output) -> list[Table]:
    """The tables worth showing a reader: an empty one says nothing (the notes say why)."""
    return [table for table in output.tables
            if (table.rows or table.footer) and any(column.human for column in table.columns)]


def human_columns(table: Table) -> list[Column]:
    """The columns a reader sees (not the csv-only ones)."""
    return [column for column in table.columns if column.human]


def is_text(value: Any) -> bool:
    """Whether a cell's value is text (from the data) rather than a value parcli produced."""
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return False
    if isinstance(value, (list, tuple)):
        return any(is_text(item) for item in value)
    return True


# --- the human text formats' cells (table, md) -------------------------------------------
#
# A cell shown to a reader is a list of pieces, (text, kind), so that each format can mark
# what needs marking: "text" is from the data or the translations (markdown escapes it),
# "value" is parcli's own (a number in the reader's language, a date), "untranslated" is a
# Vietnamese name standing in for a missing English one, "remark" qualifies the cell (a
# lead "(inherited)"), "sep" is parcli's punctuation (", " between items).

Piece = tuple[str, str]
Line = list[Piece]


def _pieces(value: Any, lang: Lang) -> Line:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        pieces: Line = []
        separator = list_separator(value, lang)
        for index, item in enumerate(value):
            if index:
                pieces.append((separator, "sep"))
            pieces += _pieces(item, lang)
        return pieces
    if isinstance(value, Untranslated):
        return [(str(value), "untranslated")]
    if is_text(value):
        return [(str(value), "text")]
    return [(cell(value, lang), "value")]


def places(table: Table, column: Column) -> int:
    """The most decimal places of a numeric column's numbers (rows and footer): the human
    formats write each of its numbers with as many, so that 0,6 beside 0,66 reads 0,60."""
    if not column.numeric:
        return 0
    found = 0
    for row in (*table.rows, *table.footer):
        value = row.get(column.key)
        if isinstance(value, Decimal) and value.is_finite() and value != value.to_integral():
            exponent = value.normalize().as_tuple().exponent
            found = max(found, -exponent if isinstance(exponent, int) else 0)
    return found


def _padded(value: Any, lang: Lang, digits: int) -> Line | None:
    """A number written with `digits` decimal places (exact: only zeros are added)."""
    if digits <= 0 or isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return None
    text = cell(value, lang)
    mark = "," if lang == "vi" else "."
    whole, _, decimals = text.partition(mark)
    return [(f"{whole}{mark}{decimals.ljust(digits, '0')}", "value")]


def cell_pieces(column: Column, row: dict[str, Any], lang: Lang, first: bool,
                digits: int = 0) -> Line:
    """A cell's pieces; the `first` cell of a row for context starts with the mark. `digits`:
    the decimal places of the column's numbers (`places`)."""
    value = row.get(column.key)
    pieces = _padded(value, lang, digits) or _pieces(column.shown(value), lang)
    remark = column.remark_of(row)
    if remark and pieces:
        pieces += [(" ", "sep"), (f"({remark})", "remark")]
    if first and row.get(CONTEXT):
        pieces = [(f"{CONTEXT_MARK} ", "sep"), *pieces]
    return pieces


# Bidirectional controls reorder what a reader sees ("Trojan Source"): a name holding one could
# show as another. parcli never writes them itself, so in text output every one comes from the
# data and is shown as its escape (`\u202e`; in JSON that escape is the same string).
_BIDI = {code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                             0x200E, 0x200F, 0x061C)}


def visible(text: str) -> str:
    """`text` with every bidirectional control written as its escape."""
    return text.translate(_BIDI)


# --- the office formats' text (docx, xlsx) -------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
NUMBER_TEXT = re.compile(r"-?\d+(?:[.,]\d+)?%?")  # a comma in Vietnamese prose


def clean(text: str) -> str:
    """Text as XML can hold it: control characters and lone surrogates become U+FFFD (text
    from the data may hold what XML cannot; the file is written rather than failing), and
    bidirectional controls their escape, as in the text formats."""
    return visible(_NOT_XML.sub("\ufffd", text))


def bold_pieces(text: str) -> list[tuple[str, bool]]:
    """A paragraph's text as (piece, bold) runs, read as `md_paragraph` reads it: the text
    between a pair of `**` is bold; an unpaired `**`, or a pair around nothing, is text."""
    pieces = " ".join(text.split()).split("**")
    if len(pieces) % 2 == 0:
        pieces[-2:] = [pieces[-2] + "**" + pieces[-1]]
    runs: list[tuple[str, bool]] = []
    for index, piece in enumerate(pieces):
        bold = index % 2 == 1 and bool(piece.strip())
        piece = piece if bold or index % 2 == 0 else f"**{piece}**"
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + piece, bold)
        elif piece:
            runs.append((piece, bold))
    return runs


def display(column: Column, row: dict[str, Any], lang: Lang, digits: int = 0) -> str:
    """A table cell as a reader sees it in Word: enumerations and agencies by their names,
    numbers and dates in the language's form (a percentage parcli wrote as text, `76.5%`,
    too; `digits`: the column's decimal places, as `places` gives them), then the column's
    remark in parentheses, as the table format shows it."""
    from parcli.i18n import date_text

    shown = column.shown(row.get(column.key))
    padded = _padded(shown, lang, digits)
    if padded is not None:
        text = padded[0][0]
    elif isinstance(shown, date):
        text = date_text(shown, lang)
    else:
        text = cell(shown, lang)
        if column.numeric and lang == "vi" and NUMBER_TEXT.fullmatch(text):
            text = text.replace(".", ",")
    remark = column.remark_of(row)
    return f"{text} ({remark})" if remark and text.strip() else text
