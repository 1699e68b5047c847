"""Reporters, one per `--format`, looked up by name; each turns an Output into text."""

from __future__ import annotations

import io
import json
import os
import sys
from decimal import Decimal
from typing import Any, ClassVar

from parcli.render import Output, Section, Table, cell, number


class Reporter:
    name: ClassVar[str]
    for_machines: ClassVar[bool] = False  # its output is parsed: errors go there too

    def __init__(self, color: str = "auto") -> None:
        self.color = color

    def render(self, output: Output) -> str:
        raise NotImplementedError


class PlainReporter(Reporter):
    """The `table` format when colour is off or stdout is not a terminal."""

    name = "table"

    def render(self, output: Output) -> str:
        from tabulate import tabulate

        if output.lines is not None:
            return "".join(f"{line}\n" for line in output.lines + output.notes)
        parts = []
        for table in _shown(output):
            rows = [[cell(row.get(c.key)) for c in table.columns]
                    for row in table.rows + table.footer]
            # Leading spaces carry the tree's indentation: keep them.
            text = tabulate(rows, headers=[c.label for c in table.columns], tablefmt="simple",
                            disable_numparse=True, preserve_whitespace=True,
                            colalign=["right" if c.numeric else "left" for c in table.columns])
            parts.append(f"{table.title}\n{text}" if table.title else text)
        parts += output.notes
        return "\n\n".join(parts) + "\n"


class RichReporter(Reporter):
    name = "table"

    def render(self, output: Output) -> str:
        from rich.console import Console
        from rich.table import Table as RichTable

        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, soft_wrap=False,
                          width=_terminal_width())
        if output.lines is not None:
            for line in output.lines + output.notes:
                console.print(line, highlight=False, markup=False)
            return buffer.getvalue()
        for table in _shown(output):
            rich_table = RichTable(title=table.title, title_justify="left",
                                   show_footer=False, header_style="bold")
            for column in table.columns:
                rich_table.add_column(column.label, justify="right" if column.numeric else "left",
                                      overflow="fold")
            for row in table.rows:
                rich_table.add_row(*(cell(row.get(c.key)) for c in table.columns))
            for index, row in enumerate(table.footer):
                rich_table.add_row(*(cell(row.get(c.key)) for c in table.columns),
                                   style="bold", end_section=index == 0)
            console.print(rich_table)
        for note in output.notes:
            console.print(note, highlight=False, markup=False)
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


def md_escape(text: str) -> str:
    """A cell that cannot break a GFM table: pipes escaped, line breaks flattened."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


class MarkdownReporter(Reporter):
    name = "md"

    def render(self, output: Output) -> str:
        if output.sections is not None:
            return markdown_document(output.sections)
        return "\n".join(markdown_table(table) for table in _shown(output)) + "".join(
            f"\n{md_escape(note)}\n" for note in output.notes)


def markdown_table(table: Table, heading: str = "###") -> str:
    from tabulate import tabulate

    rows = [[md_escape(cell(row.get(c.key))) for c in table.columns]
            for row in table.rows + table.footer]
    text = tabulate(rows, headers=[md_escape(c.label) for c in table.columns],
                    tablefmt="github", disable_numparse=True,
                    colalign=["right" if c.numeric else "left" for c in table.columns])
    title = f"{heading} {md_escape(table.title)}\n\n" if table.title else ""
    return f"{title}{text}\n"


def markdown_document(sections: list[Section]) -> str:
    """GFM that renders the same on GitHub, GitLab and through `pandoc -f gfm`."""
    parts = []
    for section in sections:
        parts.append(f"{'#' * section.level} {md_escape(section.heading)}")
        for block in section.blocks:
            parts.append(markdown_table(block).rstrip("\n") if isinstance(block, Table)
                         else block)
    return "\n\n".join(parts) + "\n"


class CsvReporter(Reporter):
    name = "csv"

    def render(self, output: Output) -> str:
        import csv

        table = output.tables[output.csv_table]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.key for c in table.columns])
        for row in table.rows:
            # Leading spaces indent the tree for eyes; csv holds values.
            writer.writerow([cell(row.get(c.key)).strip() for c in table.columns])
        return buffer.getvalue()


class JsonReporter(Reporter):
    name = "json"
    for_machines = True

    def render(self, output: Output) -> str:
        return json.dumps(to_json(output.data), ensure_ascii=False, indent=2) + "\n"


def to_json(value: Any) -> Any:
    """Decimals as JSON numbers without float noise: ints when whole, else the float whose
    shortest repr is the decimal itself (exact for up to 15 significant digits)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        if len(value.normalize().as_tuple().digits) <= 15:
            return float(number(value))
        return number(value)
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    return value


class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one annotation per problem, on its file and line."""

    name = "github"
    for_machines = True

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


FORMATS = ("table", "md", "csv", "json", "github")


def reporter(name: str, color: str = "auto") -> Reporter:
    """The reporter for `--format name`; `table` is rich only when colour makes sense."""
    if name == "table":
        return RichReporter(color) if use_color(color) else PlainReporter(color)
    classes: dict[str, type[Reporter]] = {
        cls.name: cls for cls in (MarkdownReporter, CsvReporter, JsonReporter, GithubReporter)}
    return classes[name](color)


def use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
