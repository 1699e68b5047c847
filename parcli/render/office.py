"""Office formats: Word (`docx`), Excel (`xlsx`) and csv for Excel on Windows (`csv-excel`).

`docx` and `xlsx` are binary: their reporters set `binary = True` and are called through
`render_bytes(output)`, in the reporter's `lang`; `render()` refuses. python-docx and openpyxl
are imported only when one of these formats is written, matplotlib (the optional extra
`charts`) only when the Word report draws a chart.

Word: a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I)
    A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt
    for the text and the tables, headings in bold (the title 14 pt, centred); paragraphs
    justified with a 1.27 cm first-line indent, 6 pt before, single line spacing; page numbers
    centred in the top margin from the second page on. The report's sections become headings,
    paragraphs (whose only markup, `**bold**`, becomes bold runs) and real Word tables; every
    table's header row repeats on each page it runs onto, rows never split across pages,
    numbers are right-aligned. A table command's document holds its tables and notes, and is
    laid out landscape when its tables are too wide for a portrait page (the decree allows
    this for a document made of tables). The language of the text is set (vi-VN or en-GB) so
    that Word checks the spelling in the right language. Numbers and dates in table cells are
    written as the language writes them: `8,67` and `30/09/2020` in Vietnamese.

Excel
    One sheet per table, header row in bold and frozen, an autofilter over the rows, columns
    sized to their content (long text wraps), every number a number cell with a number format
    (`#,##0.00`: the reader's Excel shows it with its own separators, `8,67` on a Vietnamese
    system), percentages as percent cells, dates as date cells. Text is always stored as text:
    a name starting with `=` is never a formula, and `#N/A` is never an error value. The report
    gets a first sheet with its headings and paragraphs (each table a link to its sheet) and
    native Excel bar charts beside the fields table and the agencies table.

Charts
    Tables are recognised by their column keys: a table with `baseline`, `target` and `max` is
    the fields table (charted baseline / target / max per field), one with `agency` and `gain`
    the agencies' points still needed. Only the report (an Output with sections) gets charts.

Text from the data may hold characters XML cannot (control characters, lone surrogates):
they are written as U+FFFD instead of failing the whole file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from parcli.output import (
    CONTEXT,
    CONTEXT_MARK,
    Column,
    Output,
    Section,
    Table,
    Untranslated,
    cell,
)
from parcli.render.reporters import CsvReporter, Reporter, _shown

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell, _Row
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    from parcli.text import Lang

__all__ = ["CsvExcelReporter", "DocxReporter", "XlsxReporter", "excel_workbook",
           "word_document"]

# --- layout (Decree 30/2020/NĐ-CP, Appendix I) --------------------------------------------

PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
TABLE_PT = 13
FIRST_LINE_INDENT_CM = 1.27
_CELL_PAD_MM = 1.3  # left and right inside a table cell

# Words parcli itself writes in these files, in each language.
_WORDS: dict[str, tuple[str, str]] = {
    "no_charts": ("Charts are not drawn: they need the optional chart extra "
                  "(pip install 'parcli[charts]').",
                  "Không vẽ biểu đồ: cần cài thêm phần vẽ biểu đồ "
                  "(pip install 'parcli[charts]')."),
    "report_sheet": ("Report", "Báo cáo"),
    "notes_sheet": ("Notes", "Ghi chú"),
    "table_sheet": ("Table", "Bảng"),
    "see_sheet": ("Table: sheet “{name}”", "Bảng: trang tính “{name}”"),
}


def _word(key: str, lang: Lang, **values: str) -> str:
    text = _WORDS[key][1 if lang == "vi" else 0]
    return text.format(**values) if values else text


# --- reporters ------------------------------------------------------------------------------


class CsvExcelReporter(CsvReporter):
    """`csv` with a byte order mark: Excel on Windows reads a csv file without one in the
    system's legacy code page (Windows-1258 or 1252) and mangles every diacritic; with the BOM
    it reads UTF-8. Everything else, formula neutralising included, is `csv`'s."""

    name = "csv-excel"
    help = "csv with a UTF-8 byte order mark, for Excel on Windows"

    def render(self, output: Output) -> str:
        return "\ufeff" + super().render(output)


class _BinaryReporter(Reporter, register=False):
    binary: ClassVar[bool] = True

    def render(self, output: Output) -> str:
        raise TypeError(f"{self.name} is a binary format: call render_bytes()")


class DocxReporter(_BinaryReporter):
    name = "docx"
    help = "a Word document (A4, Decree 30/2020/NĐ-CP layout)"

    def render_bytes(self, output: Output) -> bytes:
        return word_document(output, self.lang)


class XlsxReporter(_BinaryReporter):
    name = "xlsx"
    help = "an Excel workbook, one sheet per table"

    def render_bytes(self, output: Output) -> bytes:
        return excel_workbook(output, self.lang)


# --- shared -----------------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NUMBER_TEXT = re.compile(r"-?\d+(?:[.,]\d+)?%?")  # a comma in Vietnamese prose
_EXCEL_CELL_MAX = 32767
_WIDEST = 60  # a column wider than this many characters wraps its text


def clean(text: str) -> str:
    """Text as XML can hold it: control characters and lone surrogates become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


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


def display(column: Column, row: dict[str, Any], lang: Lang) -> str:
    """A table cell as a reader sees it in Word: enumerations and agencies by their names,
    numbers and dates in the language's form (a percentage parcli wrote as text, `76.5%`,
    too), then the column's remark in parentheses, as the table format shows it."""
    from parcli.i18n import date_text

    shown = column.shown(row.get(column.key))
    if isinstance(shown, date):
        text = date_text(shown, lang)
    else:
        text = cell(shown, lang)
        if column.numeric and lang == "vi" and _NUMBER_TEXT.fullmatch(text):
            text = text.replace(".", ",")
    remark = column.remark_of(row)
    return f"{text} ({remark})" if remark and text.strip() else text


def human_columns(table: Table) -> list[Column]:
    """The columns a reader sees (not the csv-only ones)."""
    return [column for column in table.columns if column.human]


@dataclass(frozen=True)
class ChartSpec:
    """Which table a chart draws, and with which columns."""

    keys: frozenset[str]  # the table has these columns
    category: tuple[str, ...]  # the label of a bar group: these columns, joined by ". "
    excel_category: str  # the column the Excel chart labels its bars with
    series: tuple[str, ...]  # one bar per group for each


CHARTS = (
    ChartSpec(frozenset({"code", "baseline", "target", "max"}), ("code", "name"), "code",
              ("baseline", "target", "max")),
    ChartSpec(frozenset({"agency", "gain"}), ("agency",), "agency", ("gain",)),
)


def chart_for(table: Table) -> ChartSpec | None:
    keys = {column.key for column in human_columns(table)}
    return next((spec for spec in CHARTS if spec.keys <= keys), None)


# --- Word -----------------------------------------------------------------------------------


def word_document(output: Output, lang: Lang) -> bytes:
    """The Output as a .docx file (see the module's docstring for the layout)."""
    from docx import Document

    document = Document()
    if output.sections is not None:
        landscape = False
    else:
        landscape = any(_too_wide(table, lang) for table in _shown(output))
    usable = _setup_page(document, landscape)
    _setup_styles(document, lang)
    title = None
    if output.sections is not None:
        charts_noted = False
        for section in output.sections:
            _heading(document, section.heading, section.level)
            title = title or section.heading
            for block in section.blocks:
                if isinstance(block, str):
                    _paragraph(document, block, markup=True)
                    continue
                _word_table(document, block, lang, usable)
                spec = chart_for(block)
                if spec is None or not block.rows:
                    continue
                from parcli.render import charts

                if charts.available():
                    _word_chart(document, block, spec, lang, usable)
                elif not charts_noted:
                    _paragraph(document, _word("no_charts", lang), note=True)
                    charts_noted = True
    elif output.lines is not None:
        for line in output.lines + output.notes:
            _paragraph(document, line, plain=True)
    else:
        for table in _shown(output):
            if table.title:
                _heading(document, table.title, 2)
                title = title or table.title
            _word_table(document, table, lang, usable)
        for note in output.notes:
            _paragraph(document, note, plain=True)
    properties = document.core_properties
    properties.title = clean(title or "")
    properties.author = properties.last_modified_by = "parcli"
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now  # not the template's 2013
    properties.revision = 1
    properties.language = "vi-VN" if lang == "vi" else "en-GB"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _setup_page(document: WordDocument, landscape: bool) -> float:
    """A4 with the decree's margins, page numbers from page 2; returns the text width, mm."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    section = document.sections[0]
    width, height = PAGE_MM
    if landscape:
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(width), Mm(height)
    # Word keeps margins in twips: round up, so that 15 mm is not read back as 14.99 mm.
    section.top_margin, section.bottom_margin = _twips(MARGINS_MM["top"]), _twips(
        MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = _twips(MARGINS_MM["left"]), _twips(
        MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Mm(0)
    _page_field(paragraph._p)
    return float(width - MARGINS_MM["left"] - MARGINS_MM["right"])


def _twips(mm: float) -> Any:
    import math

    from docx.shared import Twips

    return Twips(math.ceil(mm / 25.4 * 1440))


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph.append(field)


def _fonts(element: Any, size_pt: float | None = None, lang: Lang | None = None) -> None:
    """Times New Roman for every script on a style's (or the defaults') run properties; the
    theme font attributes go, since they win over named fonts."""
    from docx.oxml.ns import qn

    properties = element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.insert(0, fonts)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            size = properties.find(qn(tag))
            if size is None:
                size = properties.makeelement(qn(tag), {})
                properties.append(size)
            size.set(qn("w:val"), str(round(size_pt * 2)))
    if lang is not None:
        language = properties.find(qn("w:lang"))
        if language is None:
            language = properties.makeelement(qn("w:lang"), {})
            properties.append(language)
        language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")


def _setup_styles(document: WordDocument, lang: Lang) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    styles = document.styles
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        run_defaults = defaults.find(qn("w:rPrDefault"))
        if run_defaults is not None:
            _fonts(_RunDefaults(run_defaults), BODY_PT, lang)
    normal = styles["Normal"]
    _fonts(normal.element, BODY_PT, lang)
    body = normal.paragraph_format
    body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    body.space_before, body.space_after = Pt(6), Pt(0)
    body.line_spacing_rule = WD_LINE_SPACING.SINGLE
    body.widow_control = True
    for level, size in ((1, TITLE_PT), (2, BODY_PT), (3, BODY_PT)):
        style = styles[f"Heading {level}"]
        _fonts(style.element, size)
        font = style.font
        font.bold, font.italic = True, level == 3
        font.color.rgb = RGBColor(0, 0, 0)
        color = style.element.rPr.find(qn("w:color")) if style.element.rPr is not None else None
        if color is not None:
            for attribute in ("themeColor", "themeShade", "themeTint"):
                color.attrib.pop(qn(f"w:{attribute}"), None)
        heading = style.paragraph_format
        heading.first_line_indent = Cm(0) if level == 1 else Cm(FIRST_LINE_INDENT_CM)
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER if level == 1 else WD_ALIGN_PARAGRAPH.LEFT
        heading.space_before = Pt(0 if level == 1 else 12)
        heading.space_after = Pt(12 if level == 1 else 6)
        heading.keep_with_next = True
    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    _fonts(table_text.element, TABLE_PT)
    cells = table_text.paragraph_format
    cells.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cells.first_line_indent = Cm(0)
    cells.space_before = cells.space_after = Pt(1)
    note = styles.add_style("Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic = True


class _RunDefaults:
    """`w:rPrDefault` with the one method `_fonts` needs."""

    def __init__(self, element: Any) -> None:
        self.element = element

    def get_or_add_rPr(self) -> Any:
        from docx.oxml.ns import qn

        properties = self.element.find(qn("w:rPr"))
        if properties is None:
            properties = self.element.makeelement(qn("w:rPr"), {})
            self.element.append(properties)
        return properties


def _heading(document: WordDocument, text: str, level: int) -> None:
    document.add_paragraph(clean(" ".join(text.split())), style=f"Heading {min(max(level, 1), 3)}")


def _paragraph(document: WordDocument, text: str, *, markup: bool = False, plain: bool = False,
               note: bool = False) -> None:
    """A body paragraph; with `markup` its `**bold**` pairs become bold runs. `plain` lines
    (notes, validate's lines) are left-aligned without the first-line indent."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    paragraph = document.add_paragraph(style="Note" if note else None)
    if plain:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.first_line_indent = Cm(0)
    for piece, bold in bold_pieces(text) if markup else [(text, False)]:
        paragraph.add_run(clean(piece)).bold = bold or None


@dataclass(frozen=True)
class _Text:
    """A Word table cell: its text (leading spaces: a tree's indentation), italic for a name
    shown untranslated, grey for a row shown for context only."""

    text: str
    italic: bool = False
    grey: bool = False


def _word_rows(table: Table, lang: Lang) -> list[list[_Text]]:
    """The reader's cells of the rows, then of the footer rows."""
    columns = human_columns(table)
    rows = []
    for row in table.rows + table.footer:
        context = bool(row.get(CONTEXT))
        cells = [_Text(display(c, row, lang), isinstance(c.shown(row.get(c.key)), Untranslated),
                       context) for c in columns]
        if context and cells:
            text = cells[0].text
            depth = len(text) - len(text.lstrip(" "))
            cells[0] = _Text(f"{text[:depth]}{CONTEXT_MARK} {text[depth:]}", cells[0].italic,
                             True)
        rows.append(cells)
    return rows


# Times New Roman's advance widths (thousandths of an em) of the letters that Vietnamese
# uses, by base letter: a letter with diacritics is as wide as its base (ể as e, Đ as D).
_TNR_WIDTHS = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;()%-/'",
    [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500,
     333, 389, 278, 500, 500, 722, 500, 500, 444,
     722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
     667, 556, 611, 722, 722, 944, 722, 722, 611,
     *[500] * 10, 250, 250, 250, 278, 278, 333, 333, 833, 333, 278, 180], strict=True))


def text_mm(text: str, *, bold: bool = False, size_pt: float = TABLE_PT) -> float:
    """About how wide `text` is on one line in Times New Roman (or its metric twin Liberation
    Serif), in mm: the font's widths by base letter, bold 8% wider, 4% to spare."""
    import unicodedata

    em = size_pt * 25.4 / 72
    units = 0
    for char in text:
        base = unicodedata.normalize("NFD", char)[:1] or char
        if base == "Đ" or base == "đ":
            base = "D" if base == "Đ" else "d"
        units += _TNR_WIDTHS.get(base, 722 if base.isupper() else 556)
    return units / 1000 * em * (1.08 if bold else 1.0) * 1.04


def _natural_widths(table: Table, lang: Lang) -> tuple[list[float], list[float]]:
    """Each column's width with its cells on one line (a number column's header on about
    two), and its least width (its widest word), in mm, cell padding included."""
    natural, least = [], []
    body = _word_rows(table, lang)
    pad = 2 * _CELL_PAD_MM + 0.5
    for index, column in enumerate(human_columns(table)):
        texts = [row[index].text.strip() for row in body]
        header_words = max((text_mm(word, bold=True) for word in column.label.split()),
                           default=0.0)
        header = text_mm(column.label, bold=True)
        if column.numeric:
            header = max(header_words, header / 2)
        widest = max((text_mm(text) for text in texts), default=0.0)
        words = max((text_mm(word) for text in texts for word in text.split()), default=0.0)
        natural.append(max(widest, header, 4.0) + pad)
        least.append(max(words, header_words, 4.0) + pad)
    return natural, least


def _too_wide(table: Table, lang: Lang) -> bool:
    natural, least = _natural_widths(table, lang)
    portrait = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    return sum(least) > portrait or sum(natural) > 1.5 * portrait


def column_widths(table: Table, lang: Lang, usable: float) -> list[float]:
    """Widths (mm) that fill the text width: each column gets its longest word, then the
    room left is shared in proportion to how much more each needs to fit on one line; when
    even the longest words do not fit, all shrink alike (Word then breaks the words). A table
    that fits on one line gives the room to spare to its text columns."""
    natural, least = _natural_widths(table, lang)
    if sum(natural) <= usable:
        text = [n if not c.numeric else 0.0
                for n, c in zip(natural, human_columns(table), strict=True)]
        weights = text if sum(text) else natural
        extra = usable - sum(natural)
        return [n + extra * w / sum(weights) for n, w in zip(natural, weights, strict=True)]
    if sum(least) >= usable:
        return [w * usable / sum(least) for w in least]
    room = usable - sum(least)
    wants = [n - w for n, w in zip(natural, least, strict=True)]
    return [w + room * want / sum(wants) for w, want in zip(least, wants, strict=True)]


def _word_table(document: WordDocument, table: Table, lang: Lang, usable: float) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    columns = human_columns(table)
    if not columns:
        return
    widths = column_widths(table, lang, usable)
    word = document.add_table(rows=1, cols=len(columns))
    word.style = document.styles["Table Grid"]
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    _cell_margins(word._tbl, _CELL_PAD_MM)
    header = word.rows[0]
    _row_flags(header, header=True)
    for target, column in zip(header.cells, columns, strict=True):
        _fill(target, _Text(column.label), bold=True, align="center")
        _shade(target, "D9D9D9")
    for index, texts in enumerate(_word_rows(table, lang)):
        row = word.add_row()
        _row_flags(row, header=False)
        bold = index >= len(table.rows)  # a footer (total) row
        for target, column, text in zip(row.cells, columns, texts, strict=True):
            _fill(target, text, bold=bold, align="right" if column.numeric else "left")
    for column, width in zip(word.columns, widths, strict=True):
        column.width = Mm(width)
        for target in column.cells:
            target.width = Mm(width)


def _fill(target: _Cell, text: _Text, *, bold: bool, align: str) -> None:
    """One cell's paragraph: leading spaces (a tree's indentation) become an indent."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    paragraph = target.paragraphs[0]
    paragraph.style = "Table Text"
    paragraph.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER,
                           "right": WD_ALIGN_PARAGRAPH.RIGHT}.get(align, WD_ALIGN_PARAGRAPH.LEFT)
    depth = len(text.text) - len(text.text.lstrip(" "))
    if depth:
        paragraph.paragraph_format.left_indent = Pt(3 * depth)
    if text.text.strip():
        run = paragraph.add_run(clean(text.text.strip()))
        run.bold = bold or None
        run.italic = text.italic or None
        if text.grey:
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if align == "center":
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _row_flags(row: _Row, *, header: bool) -> None:
    """A row never splits across pages; the header row repeats on every page."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _shade(target: _Cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    target._tc.get_or_add_tcPr().append(shading)


def _cell_margins(table: Any, mm: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(mm / 25.4 * 1440)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table.tblPr.append(margins)


def _word_chart(document: WordDocument, table: Table, spec: ChartSpec, lang: Lang,
                usable: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm

    from parcli.render.charts import bar_chart_png

    columns = {column.key: column for column in table.columns}
    labels = {key: column.label for key, column in columns.items()}
    categories = []
    for row in table.rows:
        parts = [cell(columns[key].shown(row.get(key)), lang).strip() for key in spec.category]
        categories.append(". ".join(part for part in parts if part))
    series = [(labels[key], [_chart_value(row.get(key)) for row in table.rows])
              for key in spec.series]
    image = bar_chart_png(categories, series, lang=lang)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.keep_together = True
    paragraph.add_run().add_picture(io.BytesIO(image), width=Mm(min(usable, 160)))


def _chart_value(value: Any) -> Decimal | int | None:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return None
    return value


# --- Excel ----------------------------------------------------------------------------------


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
            spec = chart_for(block)
            if spec is not None and _excel_rows(block):
                _excel_chart(sheet, block, spec, section.heading)


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
    if column.numeric and text.endswith("%") and _NUMBER_TEXT.fullmatch(text):
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


def _excel_chart(sheet: Worksheet, table: Table, spec: ChartSpec, title: str) -> None:
    """A native clustered bar chart beside the table, drawn from its cells."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    columns = human_columns(table)
    position = {column.key: index for index, column in enumerate(columns, start=1)}
    last = len(_excel_rows(table)) + 1
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = clean(" ".join(title.split()))
    for key in spec.series:
        chart.add_data(Reference(sheet, min_col=position[key], min_row=1, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=position[spec.excel_category], min_row=2,
                                   max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # the first row on top, as in the table
    chart.y_axis.crosses = "max"  # the value axis below the last row, not above the first
    chart.x_axis.delete = False  # openpyxl 3.1 hides the axes unless told
    chart.y_axis.delete = False
    chart.y_axis.number_format = "General"  # not the cells' "#,##0.00"
    if len(spec.series) == 1:
        chart.legend = None
    elif chart.legend is not None:
        chart.legend.position = "b"
    chart.width = 18
    chart.height = min(max(7.5, 0.55 * len(table.rows) * len(spec.series) + 3), 30)
    sheet.add_chart(chart, f"{get_column_letter(len(columns) + 2)}2")
