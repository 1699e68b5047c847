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
    would be safe too; but then every `.` and `-` in "79.53", "2020-09-30" or "error(s)"
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
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from parcli.render import Output, Section, Table, cell

REPORTERS: dict[str, type[Reporter]] = {}
"""Every `--format`, by name, in the order the classes are defined (see `formats()`)."""


class Reporter:
    name: ClassVar[str]  # the `--format` value
    help: ClassVar[str]  # one line for `--help`
    for_machines: ClassVar[bool] = False  # its output is parsed: errors go there too
    problems_only: ClassVar[bool] = False  # only for commands that report problems

    def __init_subclass__(cls, *, register: bool = True, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if register:
            if cls.name in REPORTERS:
                raise TypeError(f"two reporters are named {cls.name!r}")
            REPORTERS[cls.name] = cls

    def __init__(self, color: str = "auto") -> None:
        self.color = color

    @classmethod
    def create(cls, color: str = "auto") -> Reporter:
        """The reporter that renders this format (the factory `reporter()` calls)."""
        return cls(color)

    def render(self, output: Output) -> str:
        raise NotImplementedError


def formats(*, problems: bool = False) -> tuple[str, ...]:
    """The `--format` names, in registration order; `github` only with `problems=True`
    (annotations only make sense for commands that report problems: check, validate)."""
    return tuple(name for name, cls in REPORTERS.items() if problems or not cls.problems_only)


def reporter(name: str, color: str = "auto") -> Reporter:
    """The reporter for `--format name`; `table` is rich only when colour makes sense."""
    return REPORTERS[name].create(color)


def use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


class TableReporter(Reporter):
    """The `table` format: Rich in a terminal when colour is on, plain columns otherwise."""

    name = "table"
    help = "aligned columns (with colour in a terminal)"

    @classmethod
    def create(cls, color: str = "auto") -> Reporter:
        return RichReporter(color) if use_color(color) else PlainReporter(color)

    def render(self, output: Output) -> str:
        return self.create(self.color).render(output)


class PlainReporter(Reporter, register=False):
    """The `table` format when colour is off or stdout is not a terminal."""

    name = "table"
    help = TableReporter.help

    def render(self, output: Output) -> str:
        from tabulate import tabulate

        if output.lines is not None:
            return "".join(f"{line}\n" for line in output.lines + output.notes)
        parts = []
        for table in _shown(output):
            rows = [[cell(c.shown(row.get(c.key))) for c in table.columns]
                    for row in table.rows + table.footer]
            # Leading spaces carry the tree's indentation: keep them.
            text = tabulate(rows, headers=[c.label for c in table.columns], tablefmt="simple",
                            disable_numparse=True, preserve_whitespace=True,
                            colalign=["right" if c.numeric else "left" for c in table.columns])
            parts.append(f"{table.title}\n{text}" if table.title else text)
        parts += output.notes
        return "\n\n".join(parts) + "\n"


class RichReporter(Reporter, register=False):
    """The `table` format in a terminal with colour. Text goes in as `rich.text.Text`, never
    as a str, so that `[bold]` or `[/x]` in a name is shown, not read as Rich markup (which
    may also raise) and `:smile:` is not turned into an emoji."""

    name = "table"
    help = TableReporter.help

    def render(self, output: Output) -> str:
        from rich.console import Console
        from rich.table import Table as RichTable
        from rich.text import Text

        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, soft_wrap=False,
                          width=_terminal_width())
        if output.lines is not None:
            for line in output.lines + output.notes:
                console.print(Text(line), highlight=False)
            return buffer.getvalue()
        for table in _shown(output):
            rich_table = RichTable(title=Text(table.title) if table.title else None,
                                   title_justify="left", show_footer=False, header_style="bold")
            for column in table.columns:
                rich_table.add_column(Text(column.label),
                                      justify="right" if column.numeric else "left",
                                      overflow="fold")
            for row in table.rows:
                rich_table.add_row(*(Text(cell(c.shown(row.get(c.key))))
                                     for c in table.columns))
            for index, row in enumerate(table.footer):
                rich_table.add_row(*(Text(cell(c.shown(row.get(c.key))))
                                     for c in table.columns),
                                   style="bold", end_section=index == 0)
            console.print(rich_table)
        for note in output.notes:
            console.print(Text(note), highlight=False)
        return buffer.getvalue()


def _shown(output: Output) -> list[Table]:
    """The tables worth showing a reader: an empty one says nothing (the notes say why)."""
    return [table for table in output.tables if table.rows or table.footer]


def _terminal_width() -> int:
    # Some pseudo-terminals (docker -t, CI runners) report 0 columns: that is no width.
    try:
        columns = os.get_terminal_size().columns
    except OSError:
        columns = 0
    return columns if columns > 0 else 120


def _is_text(value: Any) -> bool:
    """Whether a cell's value is text (from the data) rather than a value parcli produced."""
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        return False
    if isinstance(value, (list, tuple)):
        return any(_is_text(item) for item in value)
    return True


# --- markdown ---------------------------------------------------------------------------

_MD_ALWAYS = frozenset("\\`*[]<>&|#~!${}@")
_EMOJI_AFTER_COLON = re.compile(r"[A-Za-z0-9_+\-]+:")
_WWW_BEFORE = re.compile(r"(?<![^\W_])www$", re.IGNORECASE)
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
    out = []
    for index, char in enumerate(text):
        if char in _MD_ALWAYS:
            out.append("\\" + char)
        elif char == "_":
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        elif char == ":" and (text.startswith("//", index + 1)
                              or _EMOJI_AFTER_COLON.match(text, index + 1)):
            out.append("\\:")
        elif char == "." and _WWW_BEFORE.search(text, 0, index):
            out.append("\\.")
        else:
            out.append(char)
    return "".join(out)


def _md_block_start(text: str) -> str:
    """Escape what would begin a list, a thematic break or a setext line at the start."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    end = match.end()
    return f"{text[:end - 1]}\\{text[end - 1:]}"


def _md_cell(value: Any) -> str:
    """parcli's own values go in as they are ("-0.5", "2020-09-30"); text is escaped."""
    return md_escape(cell(value)) if _is_text(value) else cell(value)


class MarkdownReporter(Reporter):
    name = "md"
    help = "GitHub-flavoured Markdown"

    def render(self, output: Output) -> str:
        if output.sections is not None:
            return markdown_document(output.sections)
        return "\n".join(markdown_table(table) for table in _shown(output)) + "".join(
            f"\n{md_escape(note)}\n" for note in output.notes)


def markdown_table(table: Table, heading: str = "###") -> str:
    """A GFM pipe table; numeric columns are right-aligned (`---:`), the others left as
    they are (no colon: left by default)."""
    from tabulate import tabulate

    rows = [[_md_cell(c.shown(row.get(c.key))) for c in table.columns]
            for row in table.rows + table.footer]
    text = tabulate(rows, headers=[md_escape(c.label) for c in table.columns],
                    tablefmt="github", disable_numparse=True,
                    colalign=["right" if c.numeric else "left" for c in table.columns])
    lines = text.split("\n")
    # tabulate's `pipe` would mark the text columns `:---` too; only the numbers need it.
    segments = lines[1].split("|")
    for index, column in enumerate(table.columns, start=1):
        if column.numeric:
            segments[index] = segments[index][:-1] + ":"
    lines[1] = "|".join(segments)
    title = f"{heading} {md_escape(table.title)}\n\n" if table.title else ""
    return title + "\n".join(lines) + "\n"


def markdown_document(sections: list[Section]) -> str:
    """GFM that renders the same on GitHub, GitLab and through `pandoc -f gfm`. Headings and
    tables are escaped; a str block is a paragraph whose only markup may be `**bold**`
    (`md_paragraph`)."""
    parts = []
    for section in sections:
        parts.append(f"{'#' * section.level} {md_escape(section.heading)}")
        for block in section.blocks:
            parts.append(markdown_table(block).rstrip("\n") if isinstance(block, Table)
                         else md_paragraph(block))
    return "\n\n".join(parts) + "\n"


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
    and no exponent, trailing zeros dropped (`79.53`, `8.50` as `8.5`, `100`,
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
