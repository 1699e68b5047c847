"""The delimited formats: `csv` (one table as comma-separated values, headed by the columns'
keys, for programs) and `csv-excel` (the same values with a UTF-8 byte order mark, headed by
the columns' labels in the reader's language, for people opening it in Excel on Windows)."""

from __future__ import annotations

import io
from typing import Any, ClassVar

from parcli.output import CONTEXT, Column, Output, cell
from parcli.render.base import Reporter, Writes, is_text, visible

ORDER = 30  # its place among the formats (help lists them in this order)

__all__ = ["CsvExcelReporter", "CsvReporter"]

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
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "problems"})
    suffix = "csv"

    def render(self, output: Output) -> str:
        import csv

        table = output.tables[output.csv_table]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([_csv_cell(self.header(c)) for c in table.columns])
        for row in table.rows:
            if not row.get(CONTEXT):  # rows shown for context are no result
                writer.writerow([_csv_cell(row.get(c.key)) for c in table.columns])
        return buffer.getvalue()

    def header(self, column: Column) -> str:
        """A column's header: its key, which a program reads whatever `--lang` is."""
        return column.key


def _csv_cell(value: Any) -> str:
    # Leading spaces indent the tree for eyes; csv holds values.
    text = cell(value).strip()
    return f"'{text}" if is_text(value) and text.startswith(_FORMULA_START) else text



class CsvExcelReporter(CsvReporter):
    """`csv` with a byte order mark: Excel on Windows reads a csv file without one in the
    system's legacy code page (Windows-1258 or 1252) and mangles every diacritic; with the BOM
    it reads UTF-8. It is read by people, not programs: its header row holds the columns'
    labels in the reader's language ("Điểm cần tăng" under `--lang vi`), not their keys.
    Everything else, the values and formula neutralising included, is `csv`'s. `write` gives
    bytes: a legacy console encoding could not write the BOM."""

    name = "csv-excel"
    help = "csv with a UTF-8 byte order mark, for Excel on Windows"

    def header(self, column: Column) -> str:
        return " ".join(column.label.split()) or column.key

    def render(self, output: Output) -> str:
        return "\ufeff" + super().render(output)

    def write(self, output: Output) -> bytes:
        self.check(output)
        return visible(self.render(output)).encode("utf-8")
