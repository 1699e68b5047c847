"""The `xlsx` format: an Excel workbook, binary (`write(output)` gives the file's bytes, in
the reporter's `lang`); openpyxl is imported only when a workbook is written.

One sheet per table, header row in bold and frozen, an autofilter over the rows, columns
sized to their content (long text wraps, and each row is as high as its wrapped text), every
number a number cell with a number format (`#,##0.00`: the reader's Excel shows it with its
own separators, `8,67` on a Vietnamese system), percentages as percent cells, dates as date
cells (`dd/mm/yyyy` in Vietnamese, `yyyy-mm-dd` in English: they sort and filter as dates),
whether a command gave a `date` or wrote it as text (ISO, or the reader's `dd/mm/yyyy`).
Text is always stored as text: a name starting with `=` is never a formula, and `#N/A` is
never an error value. A document (the report) gets a first sheet with its headings and
paragraphs (each table a link to its sheet). A table that declares a `Chart` (`Table.chart`)
gets a native Excel bar chart of exactly its columns on a chart sheet of its own (a chart
sheet prints on one page; they come after the worksheets), its bars named by the chart's last
label column (the field's or agency's name, not its code).

Printing: every sheet is A4 landscape, fitted to the page's width (as many pages down as it
takes), with the header row repeated on each page. Sheet names come from the table's title
or its section's heading, shortened to Excel's 31 characters at a word boundary (fillers and
a leading count dropped first, never a dangling "của" or "of"), and made unique by a word
from the table (its name column's label) rather than a number.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
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
    from openpyxl.chart import BarChart
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
    "chart_sheet": ("Chart", "Biểu đồ"),
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
            sheet = sheets.new(names.add(table.title or f"{_word('table_sheet', lang)} {index}",
                                         _distinguishing(table)))
            _sheet_table(sheet, table, lang)
            _excel_chart(sheets, names, sheet, table, table.title or "", lang)
        lines = output.notes if output.tables else (output.lines or []) + output.notes
        if lines or not output.tables:
            sheet = sheets.new(names.add(_word("notes_sheet", lang)))
            for number, line in enumerate(lines, start=1):
                _text_cell(sheet.cell(number, 1), line)
            sheet.column_dimensions["A"].width = min(max(map(len, lines), default=10) + 2, 120)
            _print_setup(sheet, title_rows=False)
    sheets.finish()
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
        self.charts: list[tuple[str, BarChart]] = []

    def new(self, title: str) -> Worksheet:
        sheet = self.first if self.first is not None else self.workbook.create_sheet()
        self.first = None
        sheet.title = title
        return sheet

    def chart(self, title: str, chart: BarChart) -> None:
        """A chart sheet, made by `finish` after every worksheet: openpyxl numbers a sheet's
        print titles and filter by its place among the worksheets, Excel among all sheets."""
        self.charts.append((title, chart))

    def finish(self) -> None:
        from openpyxl.worksheet.page import PrintPageSetup

        for title, chart in self.charts:
            page = self.workbook.create_chartsheet(title)
            page.pageSetup = PrintPageSetup(orientation="landscape", paperSize=9)  # 9: A4
            page.add_chart(chart)


def _print_setup(sheet: Worksheet, *, title_rows: bool) -> None:
    """A4 landscape, as wide as the page and as many pages down as it takes; the header row
    on every page."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True  # the cells have no borders


class _SheetNames:
    """Sheet names Excel accepts: at most 31 characters, none of `[]:*?/\\`, not starting or
    ending with an apostrophe, unique regardless of case. A name already taken gets the first
    of the `words` (from the table) that makes it unique, " - Tiêu chí"; a number, " (2)",
    only when none does."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.taken: set[str] = set()

    def add(self, wanted: str, words: list[str] | tuple[str, ...] = (), *,
            prefix: str = "") -> str:
        base = self._plain(wanted) or _word("table_sheet", self.lang)
        name = prefix + _short(base, _SHEET_MAX - len(prefix))
        candidates = [f"{prefix}{_short(base, _SHEET_MAX - len(prefix) - len(end))}{end}"
                      for end in (f" - {self._plain(word)}" for word in words)
                      if len(end) <= _SHEET_MAX // 2]
        number = 1
        while name.casefold() in self.taken:
            if candidates:
                name = candidates.pop(0)
                continue
            number += 1
            suffix = f" ({number})"
            name = prefix + _short(base, _SHEET_MAX - len(prefix) - len(suffix)) + suffix
        self.taken.add(name.casefold())
        return name

    @staticmethod
    def _plain(text: str) -> str:
        text = re.sub(r"[\[\]:*?/\\]", " ", clean(" ".join(text.split())))
        return " ".join(text.split()).strip("'").strip()


_SHEET_MAX = 31  # Excel's limit on a sheet's name
# Dropped, in this order, from a title too long for a sheet's name: a parenthesis, a count
# ("5 cơ quan …", "The 5 agencies …"), words that only grade ("nhiều", "most"); a cut never
# leaves a word that wants a following one ("của", "of").
_COUNT = re.compile(r"^(?:the\s+)?\d+\s+", re.IGNORECASE)
_FILLERS = frozenset({"nhiều", "nhất", "the", "most", "still"})
_LINKS = frozenset({"có", "with"})  # dropped only when the fillers were not enough
_DANGLING = frozenset({
    "có", "cần", "của", "và", "các", "những", "cho", "về", "với", "theo", "trong", "để", "là",
    "bị", "được", "đến", "từ", "mà", "tại", "ở", "khi", "đã", "chưa", "-", "a", "an", "the",
    "of", "with", "and", "to", "for", "in", "that", "by", "on", "at", "from", "or", "than"})


def _short(text: str, limit: int) -> str:
    """`text` within `limit` characters, read as a name: see `_FILLERS` and `_DANGLING`."""
    if len(text) <= limit:
        return text
    shorter = " ".join(re.sub(r"\([^()]*\)", " ", text).split())
    if len(shorter) <= limit and shorter:
        return shorter
    words = [word for word in _COUNT.sub("", shorter).split()
             if word.casefold() not in _FILLERS]
    if len(" ".join(words)) > limit:
        words = [word for word in words if word.casefold() not in _LINKS]
    shorter = " ".join(words)
    if shorter != text:
        shorter = shorter[:1].upper() + shorter[1:]
    if not shorter:
        return _cut(text, limit)
    cut = _cut(shorter, limit)
    words = cut.split()
    while len(words) > 1 and words[-1].casefold() in _DANGLING and cut != shorter:
        words.pop()
    return " ".join(words)


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when there is one in the second half."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)
    return (text[:space] if space > limit // 2 else text[:limit]).rstrip()


def _distinguishing(table: Table) -> list[str]:
    """Words that tell a table from another of the same name: its text columns' labels
    (the name column first), not a code's."""
    return [column.label for column in human_columns(table)
            if not column.numeric and column.key != "code" and column.label.strip()]


def _report_sheets(sheets: _Sheets, sections: list[Section], names: _SheetNames,
                   lang: Lang) -> None:
    """The report: its text on the first sheet, each table on a sheet of its own (linked from
    the text), and the charts beside their tables."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    summary = sheets.new(names.add(_word("report_sheet", lang)))
    summary.column_dimensions["A"].width = _SUMMARY_WIDTH
    _print_setup(summary, title_rows=False)
    row = 0
    for section in sections:
        row += 1 if row == 0 else 2
        heading = " ".join(section.heading.split())
        _text_cell(summary.cell(row, 1), heading)
        size = 14 if section.level == 1 else 12
        summary.cell(row, 1).font = Font(bold=True, size=size)
        summary.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        summary.row_dimensions[row].height = _height(
            _lines(heading, _SUMMARY_WIDTH * 11 / size / 1.1), size)
        for block in section.blocks:
            row += 1
            target = summary.cell(row, 1)
            if isinstance(block, str):
                _rich_cell(target, block)
                target.alignment = Alignment(wrap_text=True, vertical="top")
                lines = _lines(" ".join(block.replace("**", "").split()), _SUMMARY_WIDTH)
                if lines > 1:
                    summary.row_dimensions[row].height = _height(lines)
                continue
            sheet = sheets.new(names.add(block.title or section.heading, _distinguishing(block)))
            _sheet_table(sheet, block, lang)
            _text_cell(target, _word("see_sheet", lang, name=sheet.title))
            target.hyperlink = Hyperlink(target.coordinate, location="'{}'!A1".format(
                sheet.title.replace("'", "''")))
            target.style = "Hyperlink"
            _excel_chart(sheets, names, sheet, block, section.heading, lang)


_SUMMARY_WIDTH = 110  # the report sheet's one column, in characters


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
        return shown, _date_format(lang)
    text = cell(shown)
    day = None if column.numeric else _as_date(text.strip(), lang)
    if day is not None and column.remark_of(row) is None:
        return day, _date_format(lang)
    if column.numeric and text.endswith("%") and NUMBER_TEXT.fullmatch(text):
        percent = Decimal(text[:-1].replace(",", "."))
        places = _places(percent)
        return percent / 100, "0" + ("." + "0" * places if places else "") + "%"
    if not text.strip():
        return None, None
    remark = column.remark_of(row)
    return (f"{text} ({remark})" if remark else text), None


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VI_DATE = re.compile(r"\d{2}/\d{2}/\d{4}")


def _as_date(text: str, lang: Lang) -> date | None:
    """The date a cell's text is, when it is one as parcli writes dates (ISO, which csv keeps
    whatever the language; `dd/mm/yyyy` in Vietnamese); None for any other text."""
    try:
        if _ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
        if lang == "vi" and _VI_DATE.fullmatch(text):
            return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:  # 31/02/2020: text, as written
        return None
    return None


def _date_format(lang: Lang) -> str:
    return "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"


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
    texts = [[""] * len(columns) for _ in rows]  # each cell's text, as a reader sees it
    for row_index, line in enumerate(values, start=2):
        footer = row_index - 2 >= len(body)
        for index, (value, number_format) in enumerate(line):
            target = sheet.cell(row_index, index + 1)
            if isinstance(value, str):
                depth = len(value) - len(value.lstrip(" "))
                _text_cell(target, value.strip())
                if depth:
                    target.alignment = Alignment(indent=min(depth // 2, 15))
                texts[row_index - 2][index] = " " * depth + value.strip()
            elif value is not None:
                target.value = value
                column_places = places[index]
                if (isinstance(value, Decimal) and column_places is not None
                        and number_format is not None and "%" not in number_format):
                    number_format = _decimal_format(column_places)
                if number_format:
                    target.number_format = number_format
                texts[row_index - 2][index] = display(columns[index], rows[row_index - 2],
                                                      lang) + " "
            if footer:
                target.font = bold
    widths, wrapped = [], []
    for index, column in enumerate(columns):
        longest = max((len(line[index]) for line in texts), default=0)
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
    # Row heights for the wrapped cells: neither Excel nor LibreOffice fits a row to its
    # wrapped text when it opens a file. The header is bold: a tenth wider.
    labels = [column.label for column in columns]
    for row_index, shown in enumerate([labels, *texts], start=1):
        height = max((_lines(text, width / 1.1 if row_index == 1 else width)
                      for text, width, wraps in zip(shown, widths, wrapped, strict=True)
                      if wraps or row_index == 1), default=1)
        if height > 1:
            sheet.row_dimensions[row_index].height = _height(height)
    sheet.freeze_panes = "A2"
    if body:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(body) + 1}"
    _print_setup(sheet, title_rows=True)


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` wide, words kept whole as Excel
    keeps them (Excel's width unit is about one digit; a capital letter is a fifth wider, a
    word longer than the column breaks where it must)."""
    room = max(width - 1.5, 1.0)  # the cell's padding
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            size = sum(1.2 if letter.isupper() else 1.0 for letter in word)
            if used and used + 1 + size > room:
                lines += 1
                used = size
            else:
                used += (1 if used else 0) + size
            while used > room:
                lines += 1
                used -= room
    return max(lines, 1)


def _height(lines: int, size: float = 11) -> float:
    """A row's height in points for `lines` lines of text in a `size`-point font."""
    return round(lines * size * 15 / 11, 1)


def _excel_rows(table: Table) -> list[dict[str, Any]]:
    return [row for row in table.rows if not row.get(CONTEXT)]


def _excel_chart(sheets: _Sheets, names: _SheetNames, sheet: Worksheet, table: Table,
                 title: str, lang: Lang) -> None:
    """The chart the table declares, if any: a native clustered bar chart on a chart sheet
    of its own (one printed page, landscape), drawn from the table's cells, its bars
    labelled by the chart's last label column (the name, where the first is a code)."""
    from openpyxl.chart import BarChart, Reference

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
    chart.set_categories(Reference(sheet, min_col=position[labels[-1].key], min_row=2,
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
    sheets.chart(names.add(sheet.title, prefix=_word("chart_sheet", lang) + " - "), chart)
