"""Reporters, one per `--format`, looked up by name; each turns an Output into text.

Every `Reporter` subclass declares its `name` and a one-line `help`, and defining the class
registers it in `REPORTERS`: that registry is the one list of formats (`formats()`).

Text from the data, and values from parcli
    A cell whose value is a str (or a list holding strs) came from the data files or the
    translations and may hold anything; Decimals, ints, dates and None are values parcli
    produced. The text formats treat the two differently: markdown escapes text and leaves
    parcli's numbers alone; csv neutralises text that a spreadsheet would run as a formula
    and leaves numbers numbers.

Markdown escaping (`md_escape`, `md_paragraph`)
    The aim: a name such as `<script>`, `*x*`, `&amp;` or `[a](javascript:x)` shows verbatim
    on GitHub and GitLab (cmark-gfm, comrak), through `pandoc -f gfm` and markdown-it.
    CommonMark lets a backslash stand before any ASCII punctuation, so escaping all of it
    would be safe too; but then every `.` and `-` in "8.67", "2020-09-30" or "error(s)"
    would carry a backslash and the markdown, which people read and paste as it is, would
    be ugly. So the escaping is targeted, and each rule says why:

    * always: `\\` `` ` `` `*` `[` `]` `<` `>` `&` `|` `#` `~` `!` `$` `{` `}` `@`, the
      characters that open inline markup, raw HTML and autolinks, character references,
      table cells, headings, strikethrough, images, math (GitHub, GitLab, pandoc), e-mail
      autolinks and @mentions, GitLab's `{+ +}` inline diffs and `#123` / `!123` / `~label`
      references;
    * `_` unless a letter or digit stands on both sides: `a_b` can neither open nor close
      emphasis, so file names like `criteria_2020.yaml` stay as they are;
    * `:` before `//` (`http://` would become a link: GFM's extended autolinks) or when it
      opens an emoji shortcode such as `:smile:` (pandoc's gfm, GitHub); the `.` of `www.`;
    * at the start of the text only: `-`, `+`, `=` and the `.` or `)` of `1. ` / `1) `,
      which would begin a list, a thematic break or a setext underline there and nowhere
      else (`8.1`, a criterion's code, or `76.5%` cannot begin a list and stay as they are).

    `(` and `)` stay as they are: they only matter after `]`, and `]` is always escaped.
    Line breaks (and runs of white space) become one space, so text never starts a block
    of its own. Cells that hold parcli's own values (numbers, dates) are not escaped.

The reader's language (`lang`)
    Human formats (table, md) write decimals as the reader does: `8,67` in Vietnamese,
    `8.67` in English; machine formats (json, csv, github) always write the dot. Only
    values parcli produced change: a code such as `8.1` or a date is text and stays. A name
    that is `Untranslated` (Vietnamese standing in for a missing English name) is in
    italics in Markdown and in the Rich terminal, as it is in plain text.

The terminal (`table`)
    Tables fit the width: `width` when given, else `COLUMNS`, else the terminal's, else
    `PIPED_WIDTH` (a pipe or a file). Cells wrap at spaces only, never inside a word, an
    id, a date or a number; headers wrap first, then the widest columns give way; a table
    whose longest words cannot stand side by side is shown as records (`label  value`).
    Titles and notes wrap at spaces too. `wide` never wraps. `Output.lines` (validate's
    `file:line:col: ...` problems) are never split, whatever the width.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from parcli.output import (
    CONTEXT,
    CONTEXT_MARK,
    Column,
    Output,
    Section,
    Table,
    Untranslated,
    cell,
    list_separator,
)
from parcli.text import Lang

REPORTERS: dict[str, type[Reporter]] = {}
"""Every `--format`, by name, in the order the classes are defined (see `formats()`)."""

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

    A subclass that overrides `__init__` or `create` passes `**settings` on."""

    name: ClassVar[str]  # the `--format` value
    help: ClassVar[str]  # one line for `--help`
    for_machines: ClassVar[bool] = False  # its output is parsed: errors go there too
    problems_only: ClassVar[bool] = False  # only for commands that report problems
    binary: ClassVar[bool] = False  # a file format (docx, xlsx): call render_bytes, not render

    def __init_subclass__(cls, *, register: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if register:
            if cls.name in REPORTERS:
                raise TypeError(f"two reporters are named {cls.name!r}")
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

    def render(self, output: Output) -> str:
        raise NotImplementedError

    def render_bytes(self, output: Output) -> bytes:
        """The output as the bytes of a file: a binary format's own, a text format's UTF-8."""
        return self.render(output).encode("utf-8")

    def fit_width(self) -> int | None:
        """The width a table must fit, None under `wide`."""
        if self.wide:
            return None
        return max(self.width if self.width is not None else terminal_width(), NARROWEST)

    @property
    def numbers_lang(self) -> Lang:
        """The language numbers are written in: the reader's in human formats, else English."""
        return "en" if self.for_machines else self.lang


def formats(*, problems: bool = False) -> tuple[str, ...]:
    """The `--format` names, in registration order; `github` only with `problems=True`
    (annotations only make sense for commands that report problems: check, validate)."""
    return tuple(name for name, cls in REPORTERS.items() if problems or not cls.problems_only)


def reporter(name: str, color: str = "auto", *, lang: Lang = "en", width: int | None = None,
             wide: bool = False) -> Reporter:
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


class TableReporter(Reporter):
    """The `table` format: Rich in a terminal when colour is on, plain columns otherwise."""

    name = "table"
    help = "aligned columns (with colour in a terminal)"

    @classmethod
    def create(cls, color: str = "auto", **settings: Any) -> Reporter:
        return (RichReporter(color, **settings) if use_color(color)
                else PlainReporter(color, **settings))

    def render(self, output: Output) -> str:
        return self.create(self.color, **self.settings).render(output)


class PlainReporter(Reporter, register=False):
    """The `table` format when colour is off or stdout is not a terminal: columns two spaces
    apart under a line of dashes (tabulate's `simple` layout), fitted to the width."""

    name = "table"
    help = TableReporter.help

    def render(self, output: Output) -> str:
        if output.lines is not None:  # validate's problems: one line each, never split
            return "".join(f"{line}\n" for line in output.lines + output.notes)
        width = self.fit_width()
        parts = []
        for table in _shown(output):
            grid = _grid(table, self.numbers_lang)
            lines = [_plain(line) for line in _wrapped(grid.title, width)]
            widths = _fit(grid, width, text_width, _plain_width, header_pad=2)
            if widths is None:
                assert width is not None  # unbounded, every table fits
                lines += [_plain(line) for _, line in _records(grid, width, text_width)]
            else:
                lines += [_plain(line) for _, line in _columns(grid, widths, text_width)]
            parts.append("\n".join(lines))
        parts += ["\n".join(_plain(line) for line in _wrapped(note, width))
                  for note in output.notes]
        return "\n\n".join(parts) + "\n"


class RichReporter(Reporter, register=False):
    """The `table` format in a terminal with colour. Text goes in as `rich.text.Text`, never
    as a str, so that `[bold]` or `[/x]` in a name is shown, not read as Rich markup (which
    may also raise) and `:smile:` is not turned into an emoji. parcli wraps the cells itself
    (at spaces, as the plain table does) and gives Rich fixed widths, so Rich never folds a
    word; rows for context are dim, untranslated names italic, remarks dim."""

    name = "table"
    help = TableReporter.help

    def render(self, output: Output) -> str:
        from rich.box import HEAVY_HEAD
        from rich.cells import cell_len
        from rich.table import Table as RichTable

        buffer = io.StringIO()
        width = self.fit_width()
        printed: list[_Printed] = []
        if output.lines is not None:  # validate's problems: one line each, never split
            for text in output.lines + output.notes:
                printed.append(_Printed(_rich_line([(text, "text")]), cell_len(text)))
            return _rich_print(printed, width, buffer)
        for table in _shown(output):
            grid = _grid(table, self.numbers_lang)
            for line in _wrapped(grid.title, width):
                printed.append(_Printed(_rich_line(line, "italic"), _line_width(line, cell_len)))
            widths = _fit(grid, width, cell_len, _rich_width)
            if widths is None:
                assert width is not None
                for kind, line in _records(grid, width, cell_len):
                    printed.append(_Printed(_rich_line(line, _ROW_STYLES.get(kind)),
                                            _line_width(line, cell_len)))
                continue
            rich_table = RichTable(box=HEAVY_HEAD, header_style="bold")
            for column, column_width, header in zip(grid.columns, widths, grid.headers,
                                                    strict=True):
                rich_table.add_column(_rich_lines(_wrap([(header, "text")], column_width,
                                                        cell_len)),
                                      justify="right" if column.numeric else "left",
                                      width=column_width, no_wrap=True)
            last_body = max((i for i, row in enumerate(grid.rows) if row.kind != "footer"),
                            default=-1)
            for index, row in enumerate(grid.rows):
                cells = [_rich_lines(_wrap(pieces, column_width, cell_len))
                         for pieces, column_width in zip(row.cells, widths, strict=True)]
                # a rule between the rows and the total(s) below them
                rich_table.add_row(*cells, style=_ROW_STYLES.get(row.kind),
                                   end_section=index == last_body < len(grid.rows) - 1)
            printed.append(_Printed(rich_table, _rich_width(widths), table=True))
        for note in output.notes:
            for line in _wrapped(note, width):
                printed.append(_Printed(_rich_line(line), _line_width(line, cell_len)))
        return _rich_print(printed, width, buffer)


@dataclass
class _Printed:
    renderable: Any
    width: int  # the columns it needs
    table: bool = False  # a Rich table; else a line parcli has wrapped already


def _rich_print(printed: list[_Printed], width: int | None, buffer: io.StringIO) -> str:
    """Print on a console as wide as the widest thing, at least `width`: what parcli wrapped
    is never wrapped again, and what it could not fit overflows instead of being cut."""
    from rich.console import Console

    needed = max((each.width for each in printed), default=0)
    console = Console(file=buffer, force_terminal=True, soft_wrap=False, highlight=False,
                      width=max(needed, width or 0, 1))
    for each in printed:
        console.print(each.renderable, soft_wrap=not each.table)
    return buffer.getvalue()


def _shown(output: Output) -> list[Table]:
    """The tables worth showing a reader: an empty one says nothing (the notes say why)."""
    return [table for table in output.tables
            if (table.rows or table.footer) and any(column.human for column in table.columns)]


def _is_text(value: Any) -> bool:
    """Whether a cell's value is text (from the data) rather than a value parcli produced."""
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return False
    if isinstance(value, (list, tuple)):
        return any(_is_text(item) for item in value)
    return True


# --- the human formats' cells -----------------------------------------------------------
#
# A cell shown to a reader is a list of pieces, (text, kind), so that each format can mark
# what needs marking: "text" is from the data or the translations (markdown escapes it),
# "value" is parcli's own (a number in the reader's language, a date), "untranslated" is a
# Vietnamese name standing in for a missing English one, "remark" qualifies the cell (a
# lead "(inherited)"), "sep" is parcli's punctuation (", " between items).

Piece = tuple[str, str]
Line = list[Piece]


@dataclass
class _Row:
    cells: list[Line]
    kind: str = ""  # "", "footer" or "context"


@dataclass
class _Grid:
    """A table as a reader sees it: the human columns, and each cell's pieces."""

    title: str | None
    columns: list[Column]
    headers: list[str]
    rows: list[_Row]


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
    if _is_text(value):
        return [(str(value), "text")]
    return [(cell(value, lang), "value")]


def _cell_pieces(column: Column, row: dict[str, Any], lang: Lang, first: bool) -> Line:
    pieces = _pieces(column.shown(row.get(column.key)), lang)
    remark = column.remark_of(row)
    if remark and pieces:
        pieces += [(" ", "sep"), (f"({remark})", "remark")]
    if first and row.get(CONTEXT):
        pieces = [(f"{CONTEXT_MARK} ", "sep"), *pieces]
    return pieces


_ROW_STYLES = {"footer": "bold", "context": "dim"}
_PIECE_STYLES = {"untranslated": "italic", "remark": "dim"}


def _grid(table: Table, lang: Lang) -> _Grid:
    columns = [column for column in table.columns if column.human]
    rows = [_Row([_cell_pieces(c, row, lang, i == 0) for i, c in enumerate(columns)],
                 "context" if row.get(CONTEXT) else "") for row in table.rows]
    rows += [_Row([_cell_pieces(c, row, lang, False) for c in columns], "footer")
             for row in table.footer]
    return _Grid(table.title, columns, [c.label for c in columns], rows)


# --- fitting a width --------------------------------------------------------------------
#
# Cells wrap at spaces only, never inside a word, an id, a date or a number: a column is
# never narrower than its longest word (with the cell's indentation, which continuation
# lines keep). When the table is too wide, the widest columns give way first (the widths
# are capped at one level, found by bisection). When even the longest words cannot stand
# side by side, the table is shown one record at a time: "label  value" lines.

PLAIN_GAP = 2  # two spaces between plain columns


def _plain_width(widths: list[int]) -> int:
    """A plain table's width: its columns two spaces apart."""
    return sum(widths) + PLAIN_GAP * (len(widths) - 1)


def _rich_width(widths: list[int]) -> int:
    """A Rich table's width: a border and a space either side of each cell, one more border."""
    return sum(widths) + 3 * len(widths) + 1


def text_width(text: str) -> int:
    """Columns a text takes in a terminal: wide (East Asian) characters 2, combining 0."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _text(pieces: Line) -> str:
    return "".join(text for text, _ in pieces)


def _line_width(pieces: Line, measure: Callable[[str], int]) -> int:
    return measure(_text(pieces))


def _words(pieces: Line) -> tuple[int, list[Line]]:
    """The leading indentation, and the words (a word may join pieces: "name" + ",")."""
    text = _text(pieces)
    indent = len(text) - len(text.lstrip(" "))
    words: list[Line] = []
    joined = False  # whether the next piece continues the last word
    for content, kind in pieces:
        for part in re.split(r"(\s+)", content):
            if not part:
                continue
            if part.isspace():
                joined = False
                continue
            if joined:
                words[-1].append((part, kind))
            else:
                words.append([(part, kind)])
            joined = True
    return indent, words


def _wrap(pieces: Line, width: int | None, measure: Callable[[str], int]) -> list[Line]:
    """The cell's lines at most `width` wide (None: one line), broken at spaces only (a
    longer word stands alone on its line). A line break or a tab in the text is a space."""
    text = _text(pieces)
    if not any(char in text for char in "\n\r\t") and (width is None or measure(text) <= width):
        return [pieces]
    if width is None:
        width = sys.maxsize
    indent, words = _words(pieces)
    lines: list[Line] = []
    line: Line = []
    used = 0
    for word in words:
        size = sum(measure(content) for content, _ in word)
        if line and used + 1 + size > width:
            lines.append(line)
            line = []
        if not line:
            line = [(" " * indent, "sep")] if indent else []
            used = indent
        else:
            line.append((" ", "sep"))
            used += 1
        line += word
        used += size
    if line:
        lines.append(line)
    return lines or [[]]


def _wrapped(text: str | None, width: int | None) -> list[Line]:
    """A title's or a note's lines."""
    return [] if text is None else _wrap([(text, "text")], width, text_width)


def _natural(pieces: Line, measure: Callable[[str], int]) -> int:
    """The width of the cell on one line."""
    return _line_width(_wrap(pieces, None, measure)[0], measure)


def _least(pieces: Line, measure: Callable[[str], int]) -> int:
    """The width of the cell's longest word, with its indentation."""
    indent, words = _words(pieces)
    return max((indent + sum(measure(content) for content, _ in word) for word in words),
               default=0)


def _fit(grid: _Grid, width: int | None, measure: Callable[[str], int],
         total: Callable[[list[int]], int], header_pad: int = 0) -> list[int] | None:
    """Each column's width so that the table fits `width` (None: no limit; `total`: the
    table's width from its columns', `header_pad`: room a header keeps when there is room);
    None when the longest words alone are too wide.

    Three widths per column: `full` (every cell and the header on one line), `body` (the
    cells on one line, the header wrapped), `least` (the longest word). Headers wrap first;
    then the widest columns give way, capped at one width found by bisection."""
    full, body, least = [], [], []
    for index, header in enumerate(grid.headers):
        cells = [row.cells[index] for row in grid.rows]
        words = _least([(header, "text")], measure)
        widest = max((_natural(pieces, measure) for pieces in cells), default=0)
        full.append(max(measure(header) + header_pad, widest))
        body.append(max(words, widest))
        least.append(max([words, *(_least(pieces, measure) for pieces in cells)]))
    if width is None:
        return full
    budget = width - (total(full) - sum(full))  # what the columns' text may take
    if sum(full) <= budget:
        return full
    if sum(body) <= budget:
        return _level(body, full, budget)
    if sum(least) > budget:
        return None
    return _level(least, body, budget)


def _level(low: list[int], high: list[int], budget: int) -> list[int]:
    """Between `low` and `high` (which does not fit): the widest columns are cut down to a
    common cap, the largest whose total fits `budget`; what remains goes one column each to
    the columns at the cap."""
    def capped(cap: int) -> list[int]:
        return [max(lo, min(hi, cap)) for lo, hi in zip(low, high, strict=True)]

    bottom, top = 0, max(high)  # sum(capped(bottom)) <= budget < sum(capped(top))
    while top - bottom > 1:
        middle = (bottom + top) // 2
        if sum(capped(middle)) <= budget:
            bottom = middle
        else:
            top = middle
    widths = capped(bottom)
    spare = budget - sum(widths)
    for index, (size, most) in enumerate(zip(widths, high, strict=True)):
        if spare and size == bottom and size < most:
            widths[index] += 1
            spare -= 1
    return widths


def _columns(grid: _Grid, widths: list[int],
             measure: Callable[[str], int]) -> list[tuple[str, Line]]:
    """The plain table's lines: headers (wrapped, at the bottom), dashes, rows."""
    def pad(pieces: Line, size: int, right: bool) -> Line:
        room = (" " * (size - _line_width(pieces, measure)), "sep")
        return [room, *pieces] if right else [*pieces, room]

    def joined(cells: list[list[Line]], kind: str) -> list[tuple[str, Line]]:
        height = max((len(lines) for lines in cells), default=1)
        out = []
        for index in range(height):
            line: Line = []
            for column_index, (lines, size) in enumerate(zip(cells, widths, strict=True)):
                if column_index:
                    line.append((" " * PLAIN_GAP, "sep"))
                line += pad(lines[index] if index < len(lines) else [], size,
                            grid.columns[column_index].numeric)
            out.append((kind, _rstrip(line)))
        return out

    headers = [_wrap([(header, "text")], size, measure)
               for header, size in zip(grid.headers, widths, strict=True)]
    height = max(len(lines) for lines in headers)
    headers = [[[]] * (height - len(lines)) + lines for lines in headers]
    rule: Line = [("  ".join("-" * size for size in widths), "sep")]
    lines = [*joined(headers, "header"), ("", rule)]
    for row in grid.rows:
        lines += joined([_wrap(pieces, size, measure)
                         for pieces, size in zip(row.cells, widths, strict=True)], row.kind)
    return lines


def _records(grid: _Grid, width: int, measure: Callable[[str], int]) -> list[tuple[str, Line]]:
    """A table too wide for `width` even with every cell wrapped: one record after another,
    a line `label  value` per non-empty cell (continuations under the value), a blank line
    between records."""
    longest = max(measure(header) for header in grid.headers)
    words = max(_least([(header, "text")], measure) for header in grid.headers)
    label_width = min(longest, max(width // 3, words))
    value_width = max(width - label_width - PLAIN_GAP, 1)
    out: list[tuple[str, Line]] = []
    for row in grid.rows:
        if out:
            out.append((row.kind, []))
        for index, (header, pieces) in enumerate(zip(grid.headers, row.cells, strict=True)):
            if not pieces and index:
                continue
            labels = _wrap([(header, "label")], label_width, measure)
            values = _wrap(_lstrip(pieces), value_width, measure)
            for number_index in range(max(len(labels), len(values))):
                label = labels[number_index] if number_index < len(labels) else []
                value = values[number_index] if number_index < len(values) else []
                room = label_width - _line_width(label, measure) + PLAIN_GAP
                out.append((row.kind, _rstrip([*label, (" " * room, "sep"), *value])))
    return out


def _lstrip(pieces: Line) -> Line:
    """Without the indentation (a record has no tree to show)."""
    out = list(pieces)
    while out and not out[0][0].strip():
        out.pop(0)
    if out:
        out[0] = (out[0][0].lstrip(), out[0][1])
    return out


def _rstrip(pieces: Line) -> Line:
    out = list(pieces)
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


def _plain(line: Line | tuple[str, Line]) -> str:
    return _text(line[1] if isinstance(line, tuple) else line)


def _rich_line(pieces: Line, style: str | None = None) -> Any:
    from rich.text import Text

    text = Text(style=style or "")
    for content, kind in pieces:
        text.append(content, style="bold" if kind == "label" else _PIECE_STYLES.get(kind))
    return text


def _rich_lines(lines: list[Line]) -> Any:
    from rich.text import Text

    return Text("\n").join(_rich_line(line) for line in lines)


# --- markdown ---------------------------------------------------------------------------

_MD_ALWAYS = frozenset("\\`*[]<>&|#~!${}@")
_EMOJI_AFTER_COLON = re.compile(r"[A-Za-z0-9_+\-]+:")
_WWW_BEFORE = re.compile(r"(?<![^\W_])www$", re.IGNORECASE)
_MD_SPECIAL = re.compile("[" + re.escape("".join(sorted(_MD_ALWAYS)) + "_:.") + "]")
_BLOCK_START = re.compile(r"[-+=]|\d{1,9}[.)](?= |$)")  # text is flattened: " " only


def md_escape(text: str) -> str:
    """Plain text as markdown that shows exactly that text, on one line: safe in a table
    cell, a heading or a paragraph of its own (the module docstring gives the rules)."""
    return _md_block_start(_md_inline(" ".join(text.split())))


def md_paragraph(text: str) -> str:
    """A paragraph whose only markup is `**bold**`: the text between the `**` pairs is
    escaped as `md_escape` does, the pairs stay. `**` is the only markup a paragraph (a str
    block of a `Section`) may carry; an unpaired `**`, or a pair around nothing, is escaped."""
    pieces = " ".join(text.split()).split("**")
    if len(pieces) % 2 == 0:  # an odd number of `**`: the last one has no partner
        pieces[-2:] = [pieces[-2] + "**" + pieces[-1]]
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            parts.append(_md_inline(piece))
        elif piece.strip():
            parts.append(f"**{_md_inline(piece)}**")
        else:
            parts.append(f"\\*\\*{_md_inline(piece)}\\*\\*")
    return _md_block_start("".join(parts))


def _md_inline(text: str) -> str:
    """The escaping rules, applied at the characters they concern (found by one regular
    expression; a large table's cells are mostly letters and digits)."""
    out = []
    last = 0
    for found in _MD_SPECIAL.finditer(text):
        index = found.start()
        char = text[index]
        if char in _MD_ALWAYS:
            escaped = "\\" + char
        elif char == "_":
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            escaped = "_" if before.isalnum() and after.isalnum() else "\\_"
        elif char == ":":
            escaped = ("\\:" if text.startswith("//", index + 1)
                       or _EMOJI_AFTER_COLON.match(text, index + 1) else ":")
        else:  # "."
            escaped = "\\." if _WWW_BEFORE.search(text, 0, index) else "."
        out.append(text[last:index])
        out.append(escaped)
        last = index + 1
    if not last:
        return text
    out.append(text[last:])
    return "".join(out)


def _md_block_start(text: str) -> str:
    """Escape what would begin a list, a thematic break or a setext line at the start."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    end = match.end()
    return f"{text[:end - 1]}\\{text[end - 1:]}"


def _md_cell(pieces: Line) -> str:
    """parcli's own values go in as they are ("-0.5", "2020-09-30"); text is escaped; an
    untranslated name is in italics; the context mark and separators are parcli's own."""
    out = []
    for content, kind in pieces:
        if kind in ("value", "sep"):
            out.append(content)
        elif kind == "untranslated" and md_escape(content):
            out.append(f"*{md_escape(content)}*")
        else:
            out.append(md_escape(content))
    return "".join(out)


class MarkdownReporter(Reporter):
    name = "md"
    help = "GitHub-flavoured Markdown"

    def render(self, output: Output) -> str:
        if output.sections is not None:
            return markdown_document(output.sections, self.lang)
        return "\n".join(markdown_table(table, lang=self.lang) for table in _shown(output)) + (
            "".join(f"\n{md_escape(note)}\n" for note in output.notes))


def markdown_table(table: Table, heading: str = "###", lang: Lang = "en") -> str:
    """A GFM pipe table; numeric columns are right-aligned (`---:`), the others left as
    they are (no colon: left by default). Decimals are written in `lang` ("8,67" in
    Vietnamese); a row for context starts with "·"."""
    return "\n".join(markdown_table_lines(table, heading, lang)) + "\n"


def markdown_table_lines(table: Table, heading: str = "###", lang: Lang = "en") -> list[str]:
    """`markdown_table`'s lines. Each cell goes to its Markdown text at once and the lines
    are joined once, by the caller: a plan's annex may have 100,000 rows, and each copy of
    its text is tens of megabytes."""
    columns = [column for column in table.columns if column.human]
    rows = [[_md_cell(_cell_pieces(c, row, lang, i == 0)) for i, c in enumerate(columns)]
            for row in table.rows]
    rows += [[_md_cell(_cell_pieces(c, row, lang, False)) for c in columns]
             for row in table.footer]
    lines = _github_lines(rows, [md_escape(column.label) for column in columns],
                          ["right" if c.numeric else "left" for c in columns])
    del rows
    # tabulate's `pipe` would mark the text columns `:---` too; only the numbers need it.
    segments = lines[1].split("|")
    for index, column in enumerate(columns, start=1):
        if column.numeric:
            segments[index] = segments[index][:-1] + ":"
    lines[1] = "|".join(segments)
    if table.title:
        lines[:0] = [f"{heading} {md_escape(table.title)}", ""]
    return lines


# What tabulate gives a cell a meaning of its own for: ANSI codes (not counted in widths), line
# breaks (a cell over several lines), and its separating-line marker.
_TABULATE_SPECIAL = re.compile("[\x1b\r\n\x01]")


def _github_lines(rows: list[list[str]], headers: list[str], aligns: list[str]) -> list[str]:
    """The lines of what `tabulate(rows, headers, tablefmt="github", disable_numparse=True,
    colalign=aligns)` returns, byte for byte, without importing tabulate (whose import
    reads the installed packages' metadata: a tenth of a report's start-up) and in one
    pass over a large table. Cells are stripped and padded to the widest cell or the
    header's width plus two; with no rows, the headers are left-aligned. Anything tabulate
    treats specially goes to tabulate itself."""
    width = len(headers)
    if not width or any(len(row) != width or any(_TABULATE_SPECIAL.search(value)
                                                  for value in row) for row in rows) or any(
            _TABULATE_SPECIAL.search(header) for header in headers):
        from tabulate import tabulate

        return str(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True,
                            colalign=aligns)).split("\n")
    for row in rows:  # in place: a second copy of a large table is what peaks
        row[:] = [value.strip() for value in row]
    cells = rows
    widths = [len(header) + 2 for header in headers]
    for row in cells:
        for column, value in enumerate(row):
            if len(value) > widths[column]:
                widths[column] = len(value)
    right = [align == "right" and bool(rows) for align in aligns]
    lines = ["| " + " | ".join(header.rjust(size) if flush else header.ljust(size)
                               for header, size, flush in zip(headers, widths, right,
                                                              strict=True)) + " |",
             "|" + "|".join("-" * (size + 2) for size in widths) + "|"]
    lines += ["| " + " | ".join(value.rjust(size) if flush else value.ljust(size)
                                for value, size, flush in zip(row, widths, right, strict=True))
              + " |" for row in cells]
    return lines


def markdown_document(sections: list[Section], lang: Lang = "en") -> str:
    """GFM that renders the same on GitHub, GitLab and through `pandoc -f gfm`. Headings and
    tables are escaped; a str block is a paragraph whose only markup may be `**bold**`
    (`md_paragraph`). Decimals in tables are written in `lang`; paragraphs are the command's
    own text (`number(value, lang)` writes its numbers)."""
    parts = []
    for section in sections:
        parts.append(f"{'#' * section.level} {md_escape(section.heading)}")
        for block in section.blocks:
            parts.append("\n".join(markdown_table_lines(block, lang=lang))
                         if isinstance(block, Table) else md_paragraph(block))
    if not parts:
        return "\n"
    parts[-1] += "\n"  # the closing newline: a copy of the last part, not of the whole text
    return "\n\n".join(parts)


# --- csv --------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class CsvReporter(Reporter):
    """One table as comma-separated values.

    Formula injection: Excel and LibreOffice run a cell that starts with `=`, `+`, `-`, `@`,
    a tab or a carriage return as a formula. As OWASP advises, such a cell gets a leading
    single quote (`'- product` for `- product`), but only when its value is text (a str, or
    a list holding strs): numbers parcli produces, such as a difference of `-0.01`, stay
    numbers a spreadsheet can add up.
    """

    name = "csv"
    help = "one table as comma-separated values"

    def render(self, output: Output) -> str:
        import csv

        table = output.tables[output.csv_table]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.key for c in table.columns])
        for row in table.rows:
            if not row.get(CONTEXT):  # rows shown for context are no result
                writer.writerow([_csv_cell(row.get(c.key)) for c in table.columns])
        return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    # Leading spaces indent the tree for eyes; csv holds values.
    text = cell(value).strip()
    return f"'{text}" if _is_text(value) and text.startswith(_FORMULA_START) else text


# --- json -------------------------------------------------------------------------------


class JsonReporter(Reporter):
    """The command's data as JSON (`ensure_ascii=False, indent=2`).

    Numbers are JSON numbers in exact decimal text: a Decimal is written with all its digits
    and no exponent, trailing zeros dropped (`8.67`, `8.50` as `8.5`, `100`,
    `1234567890.123456789`), never as a string. A reader that parses into binary floats may
    round beyond 15-17 significant digits; one that parses into decimals keeps them all.
    """

    name = "json"
    help = "the data as JSON"
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


# --- github -----------------------------------------------------------------------------


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one annotation per problem, on its file and line."""

    name = "github"
    help = "GitHub Actions annotations, one per problem"
    for_machines = True
    problems_only = True

    def render(self, output: Output) -> str:
        lines = []
        for problem in output.problems:
            where = f"file={_gh(problem.file)}"
            if problem.line is not None:
                where += f",line={problem.line}"
                if problem.column is not None:
                    where += f",col={problem.column}"
            where += f",title={_gh(problem.rule)}"
            lines.append(f"::{problem.level} {where}::{_gh_message(problem.message)}")
        lines += output.notes
        return "\n".join(lines) + "\n" if lines else ""


def _gh(text: str) -> str:
    return (text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


def _gh_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


# The office formats register themselves (csv-excel, docx, xlsx); last, as they subclass these.
from parcli.render import office  # noqa: E402, F401
