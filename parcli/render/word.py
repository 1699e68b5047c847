"""The `docx` format: a Word document laid out as a Vietnamese administrative document
(Decree 30/2020/NĐ-CP, Appendix I), binary: `write(output)` gives the file's bytes, in the
reporter's `lang`. python-docx is imported only when a document is written, matplotlib (the
optional extra `charts`) only when a table declares a chart (`Table.chart`).

A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13 pt
for the text and the tables, headings in bold (the title 14 pt, centred); paragraphs
justified with a 1.27 cm first-line indent, 6 pt before, single line spacing; page numbers
centred in the top margin from the second page on. The report's sections become headings,
paragraphs (whose only markup, `**bold**`, becomes bold runs) and real Word tables; every
table's header row repeats on each page it runs onto; a row stays on one page unless it is
tall (then it may split rather than leave a page half empty); numbers are right-aligned; a
table whose longest words would not fit side by side at 13 pt is set at 12 or 11 pt, and a
hyphen inside a word is non-breaking, so that no word, date or code is cut. A document that
declares its Decree 30 parts (`Output.letter`) gets them around its body (`decree30.py`: the
header block, number, place and date, type and summary; "Nơi nhận" and the signer block
before the annex, with the body's last paragraph, so that the signature never stands alone
on a page); its annex (`Output.annex`) starts a new page, under "PHỤ LỤC", in a landscape
section when its tables need one. A body section that is a list (`Section.brief`) is one
line in the body, naming what the annex lists, and its blocks open the annex: the body is
the summary, one page without charts. A table command's document holds its tables and
notes, and is laid out landscape when its tables are too wide for a portrait page (the decree
allows this for a document made of tables). The language of the text is set (vi-VN or
en-GB) so that Word checks the spelling in the right language. Numbers and dates in table
cells are written as the language writes them: `8,67` and `30/09/2020` in Vietnamese.

Charts: a table that declares a `Chart` gets a bar chart (a PNG image drawn by
`parcli.render.charts`) below it, with a numbered caption ("Biểu đồ 1: …") kept with it, of
exactly the columns the chart names. Without matplotlib the document has no charts and says
nothing of it; `Output.stderr_notes` gets the note for stderr. Text from the data may hold
characters XML cannot hold: they are written as U+FFFD (`clean`) instead of failing the whole
file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from parcli.i18n import t
from parcli.output import CONTEXT, CONTEXT_MARK, Output, Section, Table, Untranslated, cell
from parcli.render.base import (
    Reporter,
    Writes,
    bold_pieces,
    clean,
    display,
    human_columns,
    places,
    shown_tables,
)
from parcli.render.decree30 import MARGINS_MM, PAGE_MM, cell_margins, text_mm

ORDER = 60  # its place among the formats (help lists them in this order)

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell, _Row

    from parcli.text import Lang

__all__ = ["DocxReporter", "column_widths", "text_mm", "word_document"]

FONT = "Times New Roman"
BODY_PT = 13
TITLE_PT = 14
TABLE_PT = 13
FIRST_LINE_INDENT_CM = 1.27
_CELL_PAD_MM = 1.3  # left and right inside a table cell


class DocxReporter(Reporter):
    name = "docx"
    help = "a Word document (A4, Decree 30/2020/NĐ-CP layout)"
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "documents", "problems"})
    suffix = "docx"
    binary = True

    def write(self, output: Output) -> bytes:
        self.check(output)
        return word_document(output, self.lang)


def word_document(output: Output, lang: Lang) -> bytes:
    """The Output as a .docx file (see the module's docstring for the layout)."""
    from docx import Document

    document = Document()
    if output.sections is not None:
        landscape = False
    else:
        landscape = any(_too_wide(table, lang) for table in shown_tables(output))
    usable = _setup_page(document, landscape)
    _setup_styles(document, lang)
    title = None
    charts = _Charts(document, lang, usable, output)
    letter = output.letter
    if output.sections is not None:
        annex_at = len(output.sections) if output.annex is None else output.annex
        # the body's lists (`Section.brief`) go to the annex: a short body, then the lists
        moved = [replace(s, level=3) for s in output.sections[:annex_at]
                 if s.brief is not None and s.moves and annex_at < len(output.sections)]
        if letter is not None:
            from parcli.render.decree30 import closing, letterhead

            letterhead(document, letter, lang, usable)
            title = letter.subject
        for index, section in enumerate(output.sections):
            if index < annex_at < len(output.sections) and section.brief is not None:
                for line in section.brief:  # (data text: no markup read into it)
                    _paragraph(document, line)
                continue
            if index == annex_at:
                if letter is not None:
                    from parcli.render.decree30 import closing

                    closing(document, letter, lang, usable)
                tables = [b for s in [*moved, *output.sections[annex_at:]] for b in s.blocks
                          if isinstance(b, Table)]
                portrait = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
                from parcli.render.decree30 import new_section

                usable = new_section(document, any(  # landscape: words would not fit
                    sum(_natural_widths(b, lang)[1]) > portrait for b in tables))
                charts.usable = usable
                _heading(document, t("doc_annex", lang), 1)
                for part in moved:
                    _heading(document, part.heading, part.level)
                    _blocks(document, part, lang, usable, charts)
                if not section.blocks:  # the annex's own heading: its title is written
                    continue
            if not (index == 0 and letter is not None and section.level == 1):
                _heading(document, section.heading, section.level)  # (the letter's title
            title = title or section.heading  # stands for the summary's heading)
            _blocks(document, section, lang, usable, charts)
        if letter is not None and annex_at >= len(output.sections):
            from parcli.render.decree30 import closing

            closing(document, letter, lang, usable)
    elif output.lines is not None:
        for line in output.lines + output.notes:
            _paragraph(document, line, plain=True)
    else:
        for table in shown_tables(output):
            if table.title:
                _heading(document, table.title, 2)
                title = title or table.title
            _word_table(document, table, lang, usable)
            charts.draw(table, table.title or "")
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


def _blocks(document: WordDocument, section: Section, lang: Lang, usable: float,
            charts: _Charts) -> None:
    for block in section.blocks:
        if isinstance(block, str):
            _paragraph(document, block, markup=True)
            continue
        _word_table(document, block, lang, usable)
        charts.draw(block, section.heading)


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
    digits = [places(table, c) for c in columns]  # one precision per column: 0,60 by 0,66
    rows = []
    for row in table.rows + table.footer:
        context = bool(row.get(CONTEXT))
        cells = [_Text(display(c, row, lang, n), isinstance(c.shown(row.get(c.key)),
                                                              Untranslated), context)
                 for c, n in zip(columns, digits, strict=True)]
        if context and cells:
            text = cells[0].text
            depth = len(text) - len(text.lstrip(" "))
            cells[0] = _Text(f"{text[:depth]}{CONTEXT_MARK} {text[depth:]}", cells[0].italic,
                             True)
        rows.append(cells)
    return rows


def _natural_widths(table: Table, lang: Lang,
                    size: float = TABLE_PT) -> tuple[list[float], list[float]]:
    """Each column's width with its cells on one line (a number column's header on about
    two), and its least width (its widest word), in mm, cell padding included."""
    natural, least = [], []
    body = _word_rows(table, lang)
    pad = 2 * _CELL_PAD_MM + 0.5
    for index, column in enumerate(human_columns(table)):
        texts = [row[index].text.strip() for row in body]
        header_words = max((text_mm(word, bold=True, size_pt=size)
                            for word in column.label.split()), default=0.0)
        header = text_mm(column.label, bold=True, size_pt=size)
        if column.numeric:
            header = max(header_words, header / 2)
        widest = max((text_mm(text, size_pt=size) for text in texts), default=0.0)
        words = max((text_mm(word, size_pt=size) for text in texts for word in text.split()),
                    default=0.0)
        natural.append(max(widest, header, 4.0) + pad)
        least.append(max(words, header_words, 4.0) + pad)
    return natural, least


def table_size(table: Table, lang: Lang, usable: float) -> float:
    """The table's font size, pt: 13, or down to 11 when its longest words would not fit
    side by side at 13 (a word, a date or a code is never broken where a smaller size
    keeps it whole)."""
    for size in (TABLE_PT, 12, 11):
        if sum(_natural_widths(table, lang, size)[1]) <= usable:
            return size
    return 11


def _too_wide(table: Table, lang: Lang) -> bool:
    natural, least = _natural_widths(table, lang)
    portrait = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
    return sum(least) > portrait or sum(natural) > 1.5 * portrait


def column_widths(table: Table, lang: Lang, usable: float,
                  size: float = TABLE_PT) -> list[float]:
    """Widths (mm) that fill the text width: each column gets its longest word, then the
    room left is shared in proportion to how much more each needs to fit on one line; when
    even the longest words do not fit, all shrink alike (Word then breaks the words). A table
    that fits on one line gives the room to spare to its text columns."""
    natural, least = _natural_widths(table, lang, size)
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
    size = table_size(table, lang, usable)
    widths = column_widths(table, lang, usable, size)
    word = document.add_table(rows=1, cols=len(columns))
    word.style = document.styles["Table Grid"]
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    cell_margins(word._tbl, _CELL_PAD_MM)
    header = word.rows[0]
    _row_flags(header, header=True)
    for target, column in zip(header.cells, columns, strict=True):
        _fill(target, _Text(column.label), bold=True, align="center", size=size)
        _shade(target, "D9D9D9")
    for index, texts in enumerate(_word_rows(table, lang)):
        row = word.add_row()
        _row_flags(row, header=False, split=_tall(texts, widths, size))
        bold = index >= len(table.rows)  # a footer (total) row
        for target, column, text in zip(row.cells, columns, texts, strict=True):
            _fill(target, text, bold=bold, align="right" if column.numeric else "left",
                  size=size)
    for column, width in zip(word.columns, widths, strict=True):
        column.width = Mm(width)
        for target in column.cells:
            target.width = Mm(width)


def _tall(texts: list[_Text], widths: list[float], size: float) -> bool:
    """Whether a row would take more than an eighth of a page: such a row may split across
    pages (a page left half empty is worse); a shorter one is kept whole."""
    import math

    pad = 2 * _CELL_PAD_MM + 0.5
    lines = max((math.ceil(text_mm(text.text.strip(), size_pt=size) / max(width - pad, 1.0))
                 for text, width in zip(texts, widths, strict=True)), default=1)
    return lines * size * 1.15 * 25.4 / 72 > (PAGE_MM[1] - 40) / 8


def _fill(target: _Cell, text: _Text, *, bold: bool, align: str,
          size: float = TABLE_PT) -> None:
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
        _no_break_hyphens(run._r)
        if size != TABLE_PT:
            run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = text.italic or None
        if text.grey:
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if align == "center":
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _no_break_hyphens(run: Any) -> None:
    """A hyphen inside a word ("21/NQ-CP", "KT-XH") as Word's non-breaking hyphen, so that
    no line ends inside a code; the text reads back the same."""
    import re

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for text in run.findall(qn("w:t")):
        pieces = re.split(r"(?<=\S)-(?=\S)", text.text or "")
        if len(pieces) == 1:
            continue
        text.text = pieces[0]
        text.set(qn("xml:space"), "preserve")
        after = text
        for piece in pieces[1:]:
            hyphen = OxmlElement("w:noBreakHyphen")
            after.addnext(hyphen)
            rest = OxmlElement("w:t")
            rest.text = piece
            rest.set(qn("xml:space"), "preserve")
            hyphen.addnext(rest)
            after = rest


def _row_flags(row: _Row, *, header: bool, split: bool = False) -> None:
    """A row does not split across pages unless `split` (a tall one); the header row
    repeats on every page."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    if not split:
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


class _Charts:
    """Draws the charts tables declare, below them, each with a numbered caption ("Biểu đồ
    1: …") kept on the page of its chart; without matplotlib, none, and the Output gets a
    note for stderr (the document itself stays clean)."""

    def __init__(self, document: WordDocument, lang: Lang, usable: float,
                 output: Output) -> None:
        self.document, self.lang, self.usable, self.output = document, lang, usable, output
        self.count = 0

    def draw(self, table: Table, heading: str) -> None:
        labels, values = table.chart_columns()
        if not values or not table.rows:
            return
        from parcli.render.charts import available, bar_chart_png, png_size

        if not available():
            note = t("charts_not_drawn", self.lang)
            if note not in self.output.stderr_notes:
                self.output.stderr_notes.append(note)
            return
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Mm, Pt

        rows = table.rows
        categories = []
        for row in rows:
            parts = [cell(c.shown(row.get(c.key)), self.lang).strip() for c in labels]
            categories.append(". ".join(part for part in parts if part))
        series = [(c.label, [_chart_value(row.get(c.key)) for row in rows]) for c in values]
        image = bar_chart_png(categories, series, lang=self.lang,
                              axis=t("chart_axis", self.lang))
        width = min(self.usable, 160.0)
        pixels_w, pixels_h = png_size(image)
        page_height = min(PAGE_MM) if self.usable > PAGE_MM[0] else max(PAGE_MM)
        room = page_height - MARGINS_MM["top"] - MARGINS_MM["bottom"] - 30  # and its caption
        if pixels_w and width * pixels_h / pixels_w > room:
            width = room * pixels_w / pixels_h
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = True  # with its caption
        paragraph.add_run().add_picture(io.BytesIO(image), width=Mm(width))
        self.count += 1
        caption = self.document.add_paragraph()
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.first_line_indent = Cm(0)
        caption.paragraph_format.space_after = Pt(6)
        title = " ".join((table.chart.title if table.chart and table.chart.title
                          else heading).split())
        caption.add_run(clean(t("chart_caption", self.lang, n=self.count, title=title))
                        ).italic = True


def _chart_value(value: Any) -> Decimal | int | None:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        return None
    return value
