"""The `xlsx` format: an Excel workbook, binary (`write(output)` gives the file's bytes, in
the reporter's `lang`); openpyxl is imported only when a workbook is written.

One sheet per table, header row in bold and frozen, an autofilter over the rows, columns
sized to their content (long text wraps), every number a number cell with a number format
(`#,##0.00`: the reader's Excel shows it with its own separators, `8,67` on a Vietnamese
system), percentages as percent cells, dates as date cells. Text is always stored as text:
a name starting with `=` is never a formula, and `#N/A` is never an error value. A document
(the report) gets a first sheet with its headings and paragraphs (each table a link to its
sheet). A table that declares a `Chart` (`Table.chart`) gets a native Excel bar chart of
exactly its columns beside it.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from parcli.output import CONTEXT, Column, Output, Section, Table, cell
from parcli.render.base import (
    NUMBER_TEXT,
    Reporter,
    Writes,
    bold_pieces,
    clean,
    display,
    human_columns,
)

ORDER = 70  # its place among the formats (help lists them in this order)

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from parcli.text import Lang

__all__ = ["XlsxReporter", "excel_value", "excel_workbook"]

# Words parcli itself writes in a workbook, in each language.
_WORDS: dict[str, tuple[str, str]] = {
    "report_sheet": ("Report", "Báo cáo"),
    "notes_sheet": ("Notes", "Ghi chú"),
    "table_sheet": ("Table", "Bảng"),
    "see_sheet": ("Table: sheet “{name}”", "Bảng: trang tính “{name}”"),
}
_EXCEL_CELL_MAX = 32767
_WIDEST = 60  # a column wider than this many characters wraps its text


def _word(key: str, lang: Lang, **values: str) -> str:
    text = _WORDS[key][1 if lang == "vi" else 0]
    return text.format(**values) if values else text


class XlsxReporter(Reporter):
    name = "xlsx"
    help = "an Excel workbook, one sheet per table"
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "documents", "problems"})
    suffix = "xlsx"
    binary = True

    def write(self, output: Output) -> bytes:
        self.check(output)
        return excel_workbook(output, self.lang)



def excel_workbook(output: Output, lang: Lang) -> bytes:
    """The Output as a .xlsx file (see the module's docstring)."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    names = _SheetNames(lang)
    active = workbook.active
    assert isinstance(active, Worksheet)
    sheets = _Sheets(workbook, active)
    if output.sections is not None:
        _report_sheets(sheets, output.sections, names, lang)
    else:
        for index, table in enumerate(output.tables, start=1):
            sheet = sheets.new(names.add(table.title or f"{_word('table_sheet', lang)} {index}"))
            _sheet_table(sheet, table, lang)
            _excel_chart(sheet, table, table.title or "")
        lines = output.notes if output.tables else (output.lines or []) + output.notes
        if lines or not output.tables:
            sheet = sheets.new(names.add(_word("notes_sheet", lang)))
            for number, line in enumerate(lines, start=1):
                _text_cell(sheet.cell(number, 1), line)
            sheet.column_dimensions["A"].width = min(max(map(len, lines), default=10) + 2, 120)
    workbook.properties.creator = "parcli"
    workbook.properties.language = "vi-VN" if lang == "vi" else "en-GB"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Sheets:
    """New sheets, the workbook's first (empty) one used first."""

    def __init__(self, workbook: Workbook, first: Worksheet) -> None:
        self.workbook = workbook
        self.first: Worksheet | None = first

    def new(self, title: str) -> Worksheet:
        sheet = self.first if self.first is not None else self.workbook.create_sheet()
        self.first = None
        sheet.title = title
        return sheet


class _SheetNames:
    """Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\\`, not starting or
    ending with an apostrophe, unique regardless of case."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.taken: set[str] = set()

    def add(self, wanted: str) -> str:
        base = re.sub(r"[\[\]:*?/\\]", " ", clean(" ".join(wanted.split())))
        base = " ".join(base.split()).strip("'").strip() or _word("table_sheet", self.lang)
        name, number = _cut(base, 31), 1
        while name.casefold() in self.taken:
            number += 1
            suffix = f" ({number})"
            name = _cut(base, 31 - len(suffix)) + suffix
        self.taken.add(name.casefold())
        return name


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when there is one in the second half."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)
    return (text[:space] if space > limit // 2 else text[:limit]).rstrip()


def _report_sheets(sheets: _Sheets, sections: list[Section], names: _SheetNames,
                   lang: Lang) -> None:
    """The report: its text on the first sheet, each table on a sheet of its own (linked from
    the text), and the charts beside their tables."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    summary = sheets.new(names.add(_word("report_sheet", lang)))
    summary.column_dimensions["A"].width = 110
    row = 0
    for section in sections:
        row += 1 if row == 0 else 2
        _text_cell(summary.cell(row, 1), " ".join(section.heading.split()))
        summary.cell(row, 1).font = Font(bold=True, size=14 if section.level == 1 else 12)
        for block in section.blocks:
            row += 1
            target = summary.cell(row, 1)
            if isinstance(block, str):
                _rich_cell(target, block)
                target.alignment = Alignment(wrap_text=True, vertical="top")
                continue
            sheet = sheets.new(names.add(block.title or section.heading))
            _sheet_table(sheet, block, lang)
            _text_cell(target, _word("see_sheet", lang, name=sheet.title))
            target.hyperlink = Hyperlink(target.coordinate, location="'{}'!A1".format(
                sheet.title.replace("'", "''")))
            target.style = "Hyperlink"
            _excel_chart(sheet, block, section.heading)


def _text_cell(target: Any, text: str) -> None:
    """Text stays text: never a formula (`=…`) nor an error value (`#N/A`)."""
    target.value = _excel_text(text)
    target.data_type = "s"


def _excel_text(text: str) -> str:
    text = clean(text)
    return text if len(text) <= _EXCEL_CELL_MAX else text[:_EXCEL_CELL_MAX - 1] + "…"


def _rich_cell(target: Any, text: str) -> None:
    """A paragraph whose `**bold**` pairs are bold: an inline rich-text string."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    runs = bold_pieces(text)
    if not any(bold for _, bold in runs):
        _text_cell(target, " ".join(text.split()))
        return
    target.value = CellRichText([TextBlock(InlineFont(b=True), _excel_text(piece)) if bold
                                 else _excel_text(piece) for piece, bold in runs])


def excel_value(column: Column, row: dict[str, Any], lang: Lang) -> tuple[Any, str | None]:
    """A cell's value and number format: numbers (and percentages parcli wrote as text,
    `76.5%`) as numbers, dates as dates, the rest as the text a reader sees (None: empty),
    with the column's remark. A Decimal's format shows its own decimal places;
    `_sheet_table` evens a column's out."""
    shown = column.shown(row.get(column.key))
    if isinstance(shown, bool):
        return cell(shown), None
    if isinstance(shown, int):
        return shown, "#,##0"
    if isinstance(shown, Decimal):
        if not shown.is_finite():
            return None, None
        return shown, _decimal_format(_places(shown))
    if isinstance(shown, date):
        return shown, "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"
    text = cell(shown)
    if column.numeric and text.endswith("%") and NUMBER_TEXT.fullmatch(text):
        percent = Decimal(text[:-1].replace(",", "."))
        places = _places(percent)
        return percent / 100, "0" + ("." + "0" * places if places else "") + "%"
    if not text.strip():
        return None, None
    remark = column.remark_of(row)
    return (f"{text} ({remark})" if remark else text), None


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return min(max(-exponent, 0), 6) if isinstance(exponent, int) else 0


def _decimal_format(places: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "")


def _sheet_table(sheet: Worksheet, table: Table, lang: Lang) -> None:
    """A table on its sheet: bold frozen header, autofilter, sized columns; the Decimals of a
    column share one number format, with the most decimal places any of them has. Rows shown
    for context only (a search's ancestors) are left out, as csv leaves them out."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = human_columns(table)
    body = _excel_rows(table)
    rows = body + table.footer
    values = [[excel_value(column, row, lang) for column in columns] for row in rows]
    places = [max((_places(value) for value, number_format in (line[index] for line in values)
                   if isinstance(value, Decimal) and "%" not in (number_format or "")),
                  default=None)
              for index in range(len(columns))]
    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        target = sheet.cell(1, index)
        _text_cell(target, column.label)
        target.font = bold
        target.fill = PatternFill("solid", fgColor="D9D9D9")
        target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    lengths = [[0] * len(columns) for _ in rows]  # each cell's text, in characters
    for row_index, line in enumerate(values, start=2):
        footer = row_index - 2 >= len(body)
        for index, (value, number_format) in enumerate(line):
            target = sheet.cell(row_index, index + 1)
            if isinstance(value, str):
                depth = len(value) - len(value.lstrip(" "))
                _text_cell(target, value.strip())
                if depth:
                    target.alignment = Alignment(indent=min(depth // 2, 15))
                lengths[row_index - 2][index] = len(value.strip()) + depth
            elif value is not None:
                target.value = value
                column_places = places[index]
                if (isinstance(value, Decimal) and column_places is not None
                        and number_format is not None and "%" not in number_format):
                    number_format = _decimal_format(column_places)
                if number_format:
                    target.number_format = number_format
                lengths[row_index - 2][index] = len(
                    display(columns[index], rows[row_index - 2], lang)) + 1
            if footer:
                target.font = bold
    widths, wrapped = [], []
    for index, column in enumerate(columns):
        longest = max((line[index] for line in lengths), default=0)
        words = max((len(word) for word in column.label.split()), default=0)
        header = min(len(column.label), max(words, 14))
        widths.append(min(max(longest, header, 4) + 2, _WIDEST))
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
        wrapped.append(longest + 2 > _WIDEST and not column.numeric)
        if wrapped[-1]:
            for row_index in range(2, len(rows) + 2):
                target = sheet.cell(row_index, index + 1)
                target.alignment = Alignment(wrap_text=True, vertical="top",
                                             indent=target.alignment.indent)
    # Row heights for the wrapped cells: LibreOffice does not fit them when it opens a file.
    labels = [len(column.label) for column in columns]
    for row_index, counts in enumerate([labels, *lengths], start=1):
        height = max((_lines(length, width) for length, width, wraps
                      in zip(counts, widths, wrapped, strict=True) if wraps or row_index == 1),
                     default=1)
        if height > 1:
            sheet.row_dimensions[row_index].height = 15 * height
    sheet.freeze_panes = "A2"
    if body:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(body) + 1}"


def _lines(length: int, width: float) -> int:
    """About how many lines a text of `length` characters wraps to in a column `width` wide
    (Excel's width unit is about one character; words do not break, hence the 15% more)."""
    return max(1, -(-int(length * 1.15) // max(int(width) - 1, 1)))


def _excel_rows(table: Table) -> list[dict[str, Any]]:
    return [row for row in table.rows if not row.get(CONTEXT)]


def _excel_chart(sheet: Worksheet, table: Table, title: str) -> None:
    """The chart the table declares, if any: a native clustered bar chart beside the table,
    drawn from its cells, its bars labelled by the chart's first label column."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    labels, values = table.chart_columns()
    if not values or not _excel_rows(table):
        return
    assert table.chart is not None
    columns = human_columns(table)
    position = {column.key: index for index, column in enumerate(columns, start=1)}
    last = len(_excel_rows(table)) + 1
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = clean(" ".join((table.chart.title or title).split()))
    for column in values:
        chart.add_data(Reference(sheet, min_col=position[column.key], min_row=1, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=position[labels[0].key], min_row=2,
                                   max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # the first row on top, as in the table
    chart.y_axis.crosses = "max"  # the value axis below the last row, not above the first
    chart.x_axis.delete = False  # openpyxl 3.1 hides the axes unless told
    chart.y_axis.delete = False
    chart.y_axis.number_format = "General"  # not the cells' "#,##0.00"
    if len(values) == 1:
        chart.legend = None
    elif chart.legend is not None:
        chart.legend.position = "b"
    chart.width = 18
    chart.height = min(max(7.5, 0.55 * len(table.rows) * len(values) + 3), 30)
    sheet.add_chart(chart, f"{get_column_letter(len(columns) + 2)}2")
