"""The `table` format: aligned columns, with colour (Rich) in a terminal, plain otherwise.

Tables fit the width: `width` when given, else `COLUMNS`, else the terminal's, else
`PIPED_WIDTH` (a pipe or a file). Cells wrap at spaces only, never inside a word, an
id, a date or a number; headers wrap first, then the widest columns give way; a table
whose longest words cannot stand side by side is shown as records (`label  value`).
Titles and notes wrap at spaces too. `wide` never wraps. `Output.lines` (validate's
`file:line:col: ...` problems) are never split, whatever the width.

What is hand-written here, and why (issue 17 asks for rich or tabulate where they can)
    Rich draws the coloured table (box, styles, alignment) and prints every line; parcli keeps
    only the choice of widths (`_fit`, `_level`), the wrapping at spaces with the indentation
    kept (`_wrap`), the records layout (`_records`) and, for the plain table, the layout of
    the lines (`_columns`), because neither library keeps the behaviour. Measured with rich
    15 (`Table(box=SIMPLE_HEAD)`, each column's `min_width` its longest word) and tabulate
    0.10 (`simple`, cells pre-wrapped), on this module's tests:

    * headers wrap first: at 40 columns, "Name" / "Points still needed" over "Department of
      Home Affairs" / "4.36", rich narrows the widest column (its collapse takes from the
      widest first, header or not) and prints the name over two lines ("Department of Home"
      / "Affairs"); parcli wraps the header "Points still needed" and keeps the row on one;
    * continuation lines keep a tree's indentation ("    Consistency and uniformity" under
      "2.4.1" at 30 columns): rich and tabulate start them at the column's left edge;
    * never inside a word: when the longest words cannot stand side by side (Code, Title,
      Product, Lead with "information-communications" at 40 columns) rich goes below
      `min_width` and folds "information-communications" (or cuts it with `ellipsis`);
      parcli shows the table as records, which neither library has;
    * the plain layout: tabulate's `simple` tops a wrapped header (parcli puts it on the
      bottom lines, by the dashes) and pads a header by two more columns than parcli does.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from parcli.output import CONTEXT, Column, Output, Table
from parcli.render.base import (
    PIPED_WIDTH,
    Line,
    Reporter,
    Writes,
    cell_pieces,
    human_columns,
    places,
    shown_tables,
    terminal_width,
    use_color,
)
from parcli.text import Lang

ORDER = 10  # its place among the formats (help lists them in this order)

__all__ = ["PIPED_WIDTH", "PlainReporter", "RichReporter", "TableReporter", "terminal_width",
           "text_width"]

class TableReporter(Reporter):
    """The `table` format: Rich in a terminal when colour is on, plain columns otherwise."""

    name = "table"
    help = "aligned columns (with colour in a terminal)"
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "problems"})
    suffix = "txt"

    @classmethod
    def create(cls, color: str = "auto", **settings: Any) -> Reporter:
        return (RichReporter(color, **settings) if use_color(color)
                else PlainReporter(color, **settings))

    def render(self, output: Output) -> str:
        return self.create(self.color, **self.settings).render(output)


class PlainReporter(TableReporter, register=False):
    """The `table` format when colour is off or stdout is not a terminal: columns two spaces
    apart under a line of dashes (tabulate's `simple` layout), fitted to the width."""

    def render(self, output: Output) -> str:
        if output.lines is not None:  # validate's problems: one line each, never split
            return "".join(f"{line}\n" for line in output.lines + output.notes)
        width = self.fit_width()
        parts = []
        for table in shown_tables(output):
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


class RichReporter(TableReporter, register=False):
    """The `table` format in a terminal with colour. Text goes in as `rich.text.Text`, never
    as a str, so that `[bold]` or `[/x]` in a name is shown, not read as Rich markup (which
    may also raise) and `:smile:` is not turned into an emoji. parcli wraps the cells itself
    (at spaces, as the plain table does) and gives Rich fixed widths, so Rich never folds a
    word; rows for context are dim, untranslated names italic, remarks dim."""

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
        for table in shown_tables(output):
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

_ROW_STYLES = {"footer": "bold", "context": "dim"}
_PIECE_STYLES = {"untranslated": "italic", "remark": "dim"}


def _grid(table: Table, lang: Lang) -> _Grid:
    columns = human_columns(table)
    digits = [places(table, c) for c in columns]  # one precision per column: 0.60 by 0.66
    rows = [_Row([cell_pieces(c, row, lang, i == 0, d)
                  for i, (c, d) in enumerate(zip(columns, digits, strict=True))],
                 "context" if row.get(CONTEXT) else "") for row in table.rows]
    rows += [_Row([cell_pieces(c, row, lang, False, d)
                   for c, d in zip(columns, digits, strict=True)], "footer")
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

    Widths per column: `full` (every cell and the header on one line), `body` (the cells on
    one line, the header wrapped), `least` (the longest word), and the same two with the
    header kept to `HEADER_LINES` lines (`body3`, `least3`). Headers wrap first, to at most
    three lines; then the widest cells give way (a long name wraps before a header stacks a
    word a line); only then the headers wrap further. Each step caps the widest columns at
    one width found by bisection."""
    full, body, least, body3, least3 = [], [], [], [], []
    for index, header in enumerate(grid.headers):
        cells = [row.cells[index] for row in grid.rows]
        words = _least([(header, "text")], measure)
        three = _header_width(header, words, measure)
        widest = max((_natural(pieces, measure) for pieces in cells), default=0)
        longest = max([words, *(_least(pieces, measure) for pieces in cells)])
        full.append(max(measure(header) + header_pad, widest))
        body.append(max(words, widest))
        least.append(longest)
        body3.append(max(three, widest))
        least3.append(max(three, longest))
    if width is None:
        return full
    budget = width - (total(full) - sum(full))  # what the columns' text may take
    if sum(full) <= budget:
        return full
    if sum(body3) <= budget:
        return _level(body3, full, budget)
    if sum(least3) <= budget:
        return _level(least3, body3, budget)
    if sum(body) <= budget:
        return _level(body, full, budget)
    if sum(least) > budget:
        return None
    return _level(least, body, budget)


HEADER_LINES = 3  # a header wraps to at most this many lines while the table can afford it


def _header_width(header: str, words: int, measure: Callable[[str], int]) -> int:
    """The narrowest width at which `header` wraps to at most `HEADER_LINES` lines (at least
    its longest word)."""
    width = words
    while len(_wrap([(header, "text")], width, measure)) > HEADER_LINES:
        width += 1
    return width


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

