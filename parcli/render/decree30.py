"""The parts of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I) in a
Word file, around its body: the two-column header (the issuing body over its parent, left; the
national motto with its rule, right; number and symbol; place and date), the type of document
and its summary line, and after the body "Nơi nhận" and the signer block; and the new section
the annex starts. The sizes are the decree's (points, Times New Roman): the parent 13 upper
case, the body 13 upper case bold with a short rule, the motto 13 bold and its second line 14
bold with a rule as long as it, number 13, place and date 14 italic, type and summary 14
bold, "Nơi nhận:" 12 bold italic with its list in 11, the signer's lines 13 bold. What the
`Letter` leaves out is a blank ("……") to fill in by hand. python-docx is imported inside the
functions, as in `parcli.render.word`, which calls these."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parcli.i18n import t
from parcli.output import Letter
from parcli.render.base import clean

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell

    from parcli.text import Lang

__all__ = ["BLANK", "MARGINS_MM", "PAGE_MM", "cell_margins", "closing", "letterhead",
           "new_section", "text_mm"]

PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}

BLANK = "……"  # a blank the office fills in by hand


def letterhead(document: WordDocument, letter: Letter, lang: Lang, usable: float) -> None:
    """The two-column header (issuing body over its parent, left; the national motto with its
    rule, right; number and symbol, left; place and date, right), then the type of document
    and its summary line with a short rule, centred."""
    motto_mm = text_mm(t("doc_motto", lang), bold=True)
    right_mm = min(max(motto_mm + 4, usable * 0.5), usable * 0.66)  # the motto on one line
    left_mm = usable - right_mm
    table = _layout_table(document, 2, [left_mm, right_mm])
    left, right = table.rows[0].cells
    _line(left, letter.parent or BLANK, size=13, first=True)
    issuer = letter.issuer or BLANK * 3
    _line(left, issuer, size=13, bold=True)
    _rule(left, min(max(text_mm(issuer, bold=True), 20.0) * 0.6, left_mm - 4), left_mm)
    _line(right, t("doc_motto", lang), size=13, bold=True, first=True)
    motto = t("doc_motto_line", lang)
    _line(right, motto, size=14, bold=True)
    _rule(right, text_mm(motto, bold=True, size_pt=14) / 1.04, right_mm)
    number, place = table.rows[1].cells
    _line(number, t("doc_number", lang, blank=BLANK, kind=letter.kind_code,
                    symbol=letter.symbol or BLANK), size=13, first=True)
    _line(place, t("doc_date", lang, place=letter.place or BLANK, blank=BLANK,
                   year=letter.year), size=14, italic=True, first=True)
    kind = _centred(document, letter.kind, size=14, bold=True)
    kind.paragraph_format.space_before = _pt(18)
    _centred(document, letter.subject, size=14, bold=True)
    rule = document.add_paragraph()
    _rule_paragraph(rule, 40.0, usable)
    rule.paragraph_format.space_after = _pt(6)


def closing(document: WordDocument, letter: Letter, lang: Lang, usable: float) -> None:
    """"Nơi nhận:" with its list (left) and the signer block (right): authority and title
    in bold upper case, room for the signature, a blank for the name. The body's last
    paragraph goes with them: the signature never stands on a page of its own."""
    from docx.oxml.ns import qn

    last = document.element.body[-1]
    if last.tag == qn("w:sectPr") and len(document.element.body) > 1:
        last = last.getprevious()
    if last.tag == qn("w:p"):
        from docx.text.paragraph import Paragraph

        Paragraph(last, document._body).paragraph_format.keep_with_next = True
    left_mm = usable * 0.45
    table = _layout_table(document, 1, [left_mm, usable - left_mm])
    recipients, signer = table.rows[0].cells
    _line(recipients, t("doc_recipients", lang), size=12, bold=True, italic=True, first=True,
          align="left").paragraph_format.space_before = _pt(18)
    for name in letter.recipients or (BLANK * 3 + ";", BLANK * 3 + "."):
        _line(recipients, f"- {name}", size=11, align="left")
    first = True
    if letter.authority:
        _line(signer, letter.authority, size=13, bold=True, first=True)
        first = False
    _line(signer, letter.signer or BLANK * 3, size=13, bold=True, first=first)
    for _ in range(4):  # the signature and the seal
        _line(signer, "", size=13)
    _line(signer, BLANK * 4, size=13, bold=True)
    signer.paragraphs[0].paragraph_format.space_before = _pt(18)


def _layout_table(document: WordDocument, rows: int, widths: list[float]) -> Any:
    """A table without borders that lays text out side by side; its rows never split."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "nil")
        borders.append(border)
    table._tbl.tblPr.append(borders)
    cell_margins(table._tbl, 0.5)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for target in column.cells:
            target.width = Mm(width)
    return table


def _line(target: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
          first: bool = False, align: str = "center") -> Any:
    """One line of a layout cell (its first paragraph when `first`)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = target.paragraphs[0] if first else target.add_paragraph()
    paragraph.alignment = (WD_ALIGN_PARAGRAPH.CENTER if align == "center"
                           else WD_ALIGN_PARAGRAPH.LEFT)
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(0)
    form.space_before = form.space_after = Pt(0)
    form.keep_with_next = True
    if text:
        run = paragraph.add_run(clean(text))
        run.bold, run.italic = bold or None, italic or None
        run.font.size = Pt(size)
    return paragraph


def _centred(document: WordDocument, text: str, *, size: float, bold: bool) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    form = paragraph.paragraph_format
    form.first_line_indent = Cm(0)
    form.space_before = form.space_after = Pt(0)
    form.keep_with_next = True
    run = paragraph.add_run(clean(" ".join(text.split())))
    run.bold = bold or None
    run.font.size = Pt(size)
    return paragraph


def _rule(target: _Cell, length_mm: float, width_mm: float) -> None:
    _rule_paragraph(target.add_paragraph(), length_mm, width_mm)


def _rule_paragraph(paragraph: Any, length_mm: float, width_mm: float) -> None:
    """A horizontal rule `length_mm` long, centred in `width_mm`: an empty paragraph with a
    top border, indented from both sides."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt

    form = paragraph.paragraph_format
    side = max((width_mm - length_mm) / 2, 0.0)
    form.left_indent = form.right_indent = Mm(side)
    form.first_line_indent = Cm(0)
    form.space_before = form.space_after = Pt(0)
    form.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _pt(points: float) -> Any:
    from docx.shared import Pt

    return Pt(points)


def new_section(document: WordDocument, landscape: bool) -> float:
    """A new page (and section: landscape when its tables need it) for the annex, its pages
    numbered on from the body's; returns the text width, mm."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = document.add_section(WD_SECTION.NEW_PAGE)
    _hairline(document.paragraphs[-1])  # the break: no blank page after a full body
    section.different_first_page_header_footer = False
    width, height = PAGE_MM
    if landscape:
        width, height = height, width
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    return float(width - MARGINS_MM["left"] - MARGINS_MM["right"])


def _hairline(paragraph: Any) -> None:
    """The empty paragraph that holds a section break, one point high: at the foot of a
    full page it does not spill onto a page of its own."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    form = paragraph.paragraph_format
    form.space_before = form.space_after = Pt(0)
    form.first_line_indent = Cm(0)
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(1)
    mark = paragraph._p.get_or_add_pPr()
    properties = mark.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        section = mark.find(qn("w:sectPr"))
        if section is not None:
            section.addprevious(properties)
        else:
            mark.append(properties)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    properties.append(size)


# Times New Roman's advance widths (thousandths of an em) of the letters that Vietnamese
# uses, by base letter: a letter with diacritics is as wide as its base (ể as e, Đ as D).
_TNR_WIDTHS = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;()%-/'",
    [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500,
     333, 389, 278, 500, 500, 722, 500, 500, 444,
     722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722,
     667, 556, 611, 722, 722, 944, 722, 722, 611,
     *[500] * 10, 250, 250, 250, 278, 278, 333, 333, 833, 333, 278, 180], strict=True))


def text_mm(text: str, *, bold: bool = False, size_pt: float = 13) -> float:
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


def cell_margins(table: Any, mm: float) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(mm / 25.4 * 1440)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table.tblPr.append(margins)
