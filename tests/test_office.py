"""The office formats: Word (docx), Excel (xlsx) and csv for Excel (csv-excel).

Each file is written from an Output built here (the report's shape, with hostile text) and
read back with python-docx, openpyxl or the zip itself: page size, margins, fonts, the
repeated header row, number cells, frozen panes, charts. Where LibreOffice is installed, the
Word file is converted to PDF and its first page rasterised, and must not be blank.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import MISSING, fields
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from parcli.output import CONTEXT, Chart, Column, Output, Section, Table
from parcli.render import REPORTERS, formats, reporter
from parcli.render.base import bold_pieces
from parcli.render.excel import _SheetNames
from parcli.render.word import FONT, MARGINS_MM, column_widths, text_mm
from parcli.text import Untranslated
from tests.conftest import ROOT

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE = "=HYPERLINK(\"http://x\",\"y\")"

# --- a report-shaped Output ------------------------------------------------------------------


def _fields_table(lang: str) -> Table:
    vi = lang == "vi"
    rows = [
        {"code": "1", "name": "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "max": Decimal("8.5"),
         "baseline": Decimal("6.5"), "target": Decimal("8"), "gain": Decimal("1.5"),
         "lost": Decimal("2.0"), "baseline_pct": "76.5%"},
        {"code": "2", "name": "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT TẠI TỈNH",
         "max": Decimal("10"), "baseline": Decimal("8.67"), "target": Decimal("9.4"),
         "gain": Decimal("0.73"), "lost": Decimal("1.33"), "baseline_pct": "86.7%"},
        {"code": "3", "name": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "max": Decimal("14"),
         "baseline": Decimal("13.22"), "target": Decimal("13.7"), "gain": Decimal("0.48"),
         "lost": Decimal("0.78"), "baseline_pct": "94.4%"},
    ]
    return Table([Column("code", "STT" if vi else "Code"),
                  Column("name", "Lĩnh vực" if vi else "Field"),
                  Column("max", "Điểm tối đa" if vi else "Max", True),
                  Column("baseline", "Điểm năm 2019" if vi else "Score 2019", True),
                  Column("target", "Mục tiêu năm 2020" if vi else "Target 2020", True),
                  Column("gain", "Điểm cần tăng" if vi else "Gain", True),
                  Column("lost", "Điểm bị mất" if vi else "Lost", True),
                  Column("baseline_pct", "Năm 2019 (% điểm tối đa)" if vi else "2019 (% of max)",
                         True)], rows,
                 chart=Chart(("code", "name"), ("baseline", "target", "max")))


def _agencies_table(lang: str) -> Table:
    names = {"home-affairs": "Sở Nội vụ" if lang == "vi" else "Department of Home Affairs",
             "finance": "Sở Tài chính" if lang == "vi" else Untranslated("Sở Tài chính"),
             "justice": "Sở Tư pháp" if lang == "vi" else "Department of Justice"}
    rows = [{"agency": "home-affairs", "gain": Decimal("4.36"), "lost": Decimal("8.51"),
             "count": 30, "source": "own"},
            {"agency": "finance", "gain": Decimal("3.68"), "lost": Decimal("4.34"), "count": 20,
             "source": "inherited"},
            {"agency": "justice", "gain": Decimal("0.74"), "lost": Decimal("1.34"), "count": 7,
             "source": "own"}]
    return Table([Column("agency", "Cơ quan" if lang == "vi" else "Agency", values=names,
                         remark="source", remarks={"inherited": "kế thừa" if lang == "vi"
                                                   else "inherited"}),
                  Column("gain", "Điểm cần tăng" if lang == "vi" else "Gain", True),
                  Column("lost", "Điểm bị mất" if lang == "vi" else "Lost", True),
                  Column("count", "Số tiêu chí" if lang == "vi" else "Criteria", True),
                  Column("source", "source", human=False)], rows,
                 chart=Chart(("agency",), ("gain",)))


def _long_table() -> Table:
    """Enough rows to run onto a second page, some with text a spreadsheet would run."""
    rows = [{"code": f"5.{i}", "name": f"Tiêu chí thành phần số {i} về cải cách hành chính",
             "due": date(2020, 9, 30), "lost": Decimal(i) / 100} for i in range(1, 61)]
    rows[0]["name"] = HOSTILE
    rows[1]["name"] = "#N/A"
    rows[2]["name"] = "- sản phẩm\x01 <script>alert(1)</script> **x**"
    return Table([Column("code", "STT"), Column("name", "Tiêu chí"), Column("due", "Hạn"),
                  Column("lost", "Điểm bị mất", True)], rows,
                 footer=[{"code": "", "name": "Tổng", "lost": Decimal("18.3")}])


def report_output(lang: str = "vi") -> Output:
    vi = lang == "vi"
    sections = [
        Section("PAR Index năm 2020: tỉnh Đắk Lắk" if vi else "PAR Index 2020: Đắk Lắk province",
                ["**Điểm năm 2019: 79,53** (xếp hạng 50/63) → **mục tiêu năm 2020: 92,81**."
                 if vi else "**2019 score: 79.53** (rank 50/63) → **2020 target: 92.81**.",
                 "SIPAS: 75,07% năm 2019." if vi else "SIPAS: 75.07% in 2019."], level=1),
        Section("Các lĩnh vực" if vi else "Fields", [_fields_table(lang)]),
        Section("5 cơ quan có nhiều điểm cần tăng nhất" if vi else "Top agencies",
                [_agencies_table(lang)]),
        Section("Phụ lục: tiêu chí chưa phân công" if vi else "Annex: uncovered criteria",
                ["Một đoạn có ** lẻ" if vi else "A paragraph with a lone ** in it",
                 _long_table()]),
        Section("Không có gì" if vi else "Nothing here", []),
    ]
    return Output([], {}, sections=sections)


def _docx(output: Output, lang: str = "vi"):
    data = reporter("docx", lang=lang).write(output)
    return data, docx.Document(io.BytesIO(data))


def _xlsx(output: Output, lang: str = "vi"):
    data = reporter("xlsx", lang=lang).write(output)
    return data, openpyxl.load_workbook(io.BytesIO(data))


# --- the registry --------------------------------------------------------------------------


def test_the_office_formats_are_registered():
    assert {"csv-excel", "docx", "xlsx"} <= set(formats("tables"))
    assert {"docx", "xlsx"} <= set(formats("documents"))
    assert REPORTERS["docx"].binary and REPORTERS["xlsx"].binary
    assert not REPORTERS["csv-excel"].binary and not REPORTERS["csv"].binary
    assert (REPORTERS["docx"].suffix, REPORTERS["xlsx"].suffix) == ("docx", "xlsx")
    with pytest.raises(TypeError, match="binary"):
        reporter("docx").render(report_output())
    assert isinstance(reporter("docx").write(report_output()), bytes)
    # A text format writes its text.
    output = Output([_fields_table("vi")], {})
    assert reporter("csv").write(output) == reporter("csv").render(output)


def test_importing_the_cli_loads_no_office_library():
    code = ("import sys, parcli.cli, parcli.render; "
            "print(sorted(m for m in ('docx', 'openpyxl', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


# --- csv-excel -------------------------------------------------------------------------------


def test_csv_excel_is_csv_with_a_byte_order_mark():
    output = Output([_long_table()], {})
    plain = reporter("csv").render(output)
    text = reporter("csv-excel").render(output)
    # the same rows; the header holds the labels, for people (csv keeps the keys)
    assert text.split("\n", 1)[1] == plain.split("\n", 1)[1]
    assert plain.startswith("code,name,due,lost\n")
    data = reporter("csv-excel").write(output)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["STT", "Tiêu chí", "Hạn", "Điểm bị mất"]
    assert rows[1][1] == "'" + HOSTILE  # neutralised as csv does
    assert rows[4][1] == "Tiêu chí thành phần số 4 về cải cách hành chính"


# --- Word ------------------------------------------------------------------------------------


def test_docx_page_layout_follows_decree_30():
    _, document = _docx(report_output())
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == MARGINS_MM["top"] == 20
    assert round(section.bottom_margin.mm) == MARGINS_MM["bottom"] == 20
    assert round(section.left_margin.mm) == MARGINS_MM["left"] == 30
    assert round(section.right_margin.mm) == MARGINS_MM["right"] == 15
    assert 20 <= section.top_margin.mm <= 25 and 30 <= section.left_margin.mm <= 35
    assert 15 <= section.right_margin.mm <= 20
    # Page numbers in the header, from the second page on.
    assert section.different_first_page_header_footer
    assert 'w:instr="PAGE"' in section.header._element.xml


def test_docx_fonts_are_times_new_roman_13_to_14_pt():
    _, document = _docx(report_output())
    styles = document.styles
    normal = styles["Normal"]
    assert normal.font.name == FONT == "Times New Roman"
    assert normal.font.size.pt == 13
    for name in ("Heading 1", "Heading 2", "Table Text"):
        style = styles[name]
        assert style.font.name == FONT, name
        assert 13 <= style.font.size.pt <= 14, name
        fonts = style.element.rPr.find(f"{W}rFonts")
        # Theme fonts would win over the named font: none is left.
        assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a], name
        assert fonts.get(f"{W}eastAsia") == fonts.get(f"{W}cs") == FONT
    assert styles["Heading 1"].font.size.pt == 14 and styles["Heading 1"].font.bold
    defaults = styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr")
    assert defaults.find(f"{W}rFonts").get(f"{W}ascii") == FONT
    assert defaults.find(f"{W}lang").get(f"{W}val") == "vi-VN"
    first_line = normal.paragraph_format.first_line_indent
    assert 10 <= first_line.mm <= 12.7 + 0.1
    assert normal.paragraph_format.space_before.pt >= 6
    # Every run that sets a size sets 13 or 14 pt.
    sizes = {run.font.size.pt for p in document.paragraphs for run in p.runs if run.font.size}
    assert sizes <= {13, 14}


def test_docx_headings_paragraphs_and_bold_markup():
    _, document = _docx(report_output())
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs[0] == ("Heading 1", "PAR Index năm 2020: tỉnh Đắk Lắk")
    assert ("Heading 2", "Các lĩnh vực") in paragraphs
    assert ("Heading 2", "Không có gì") in paragraphs  # a section without blocks
    headline = next(p for p in document.paragraphs if p.text.startswith("Điểm năm 2019"))
    assert headline.text == "Điểm năm 2019: 79,53 (xếp hạng 50/63) → mục tiêu năm 2020: 92,81."
    assert [(r.text, bool(r.bold)) for r in headline.runs] == [
        ("Điểm năm 2019: 79,53", True), (" (xếp hạng 50/63) → ", False),
        ("mục tiêu năm 2020: 92,81", True), (".", False)]
    lone = next(p for p in document.paragraphs if p.text.startswith("Một đoạn"))
    assert lone.text == "Một đoạn có ** lẻ" and not any(r.bold for r in lone.runs)


def test_docx_tables_repeat_their_header_and_right_align_numbers():
    _, document = _docx(report_output())
    tables = document.tables
    assert len(tables) == 3
    for table in tables:
        header = table.rows[0]._tr
        assert header.trPr.find(f"{W}tblHeader") is not None
        assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
        assert not any(row._tr.trPr.find(f"{W}tblHeader") is not None
                       for row in table.rows[1:])
        assert table.style.name == "Table Grid"
    fields = tables[0]
    assert [c.text for c in fields.rows[0].cells][:3] == ["STT", "Lĩnh vực", "Điểm tối đa"]
    assert all(p.runs[0].bold for c in fields.rows[0].cells for p in c.paragraphs)
    first = fields.rows[1].cells
    # one precision per column (0,60 beside 0,66): 8,0 in a column holding 13,5
    assert [c.text for c in first] == ["1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "8,5", "6,50",
                                       "8,0", "1,50", "2,00", "76,5%"]
    right = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert [c.paragraphs[0].alignment == right for c in first] == [False, False] + [True] * 6
    # The csv-only column is not shown; the remark is; agencies by their names.
    agencies = tables[1]
    assert len(agencies.columns) == 4
    assert agencies.rows[2].cells[0].text == "Sở Tài chính (kế thừa)"
    # The long table: dates as the language writes them, hostile text verbatim, the
    # character XML cannot hold replaced, the footer row bold.
    long = tables[2]
    assert len(long.rows) == 1 + 60 + 1
    assert long.rows[1].cells[1].text == HOSTILE and long.rows[1].cells[2].text == "30/09/2020"
    assert long.rows[2].cells[1].text == "#N/A"
    assert long.rows[3].cells[1].text == "- sản phẩm\ufffd <script>alert(1)</script> **x**"
    assert long.rows[-1].cells[1].paragraphs[0].runs[0].bold
    # Column widths fill the text width (210 − 30 − 15 = 165 mm).
    for table in tables:
        widths = [column.width.mm for column in table.columns]
        assert sum(widths) == pytest.approx(165, abs=0.5)


def test_docx_in_english_keeps_dots_and_marks_untranslated_names():
    _, document = _docx(report_output("en"), "en")
    fields = document.tables[0]
    assert [c.text for c in fields.rows[2].cells][2:5] == ["10.0", "8.67", "9.4"]
    finance = document.tables[1].rows[2].cells[0].paragraphs[0].runs[0]
    assert finance.text == "Sở Tài chính (inherited)" and finance.italic
    long = document.tables[2]
    assert long.rows[1].cells[2].text == "2020-09-30"
    styles = document.styles.element
    assert styles.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr").find(
        f"{W}lang").get(f"{W}val") == "en-GB"


def test_docx_report_charts_are_images_when_matplotlib_is_installed():
    pytest.importorskip("matplotlib")
    data, document = _docx(report_output())
    assert len(document.inline_shapes) == 2  # the fields, the agencies
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        images = [n for n in archive.namelist() if n.startswith("word/media/")]
        assert len(images) == 2
        assert all(archive.read(name).startswith(b"\x89PNG") for name in images)
    # The chart follows its table.
    body = [child.tag.split("}")[1] for child in document.element.body]
    first_table = body.index("tbl")
    assert body[first_table + 1] == "p"
    assert "graphic" in document.element.body[first_table + 1].xml


def test_a_chart_naming_a_column_the_table_lacks_fails_loudly():
    table = _fields_table("en")
    renamed = [Column("score", c.label, c.numeric) if c.key == "baseline" else c
               for c in table.columns]
    with pytest.raises(ValueError, match=r"'baseline'.*no column for"):
        Table(renamed, table.rows, chart=table.chart)
    with pytest.raises(ValueError, match="'source'"):  # a csv-only column is not shown
        Table(_agencies_table("en").columns, [], chart=Chart(("source",), ("gain",)))
    with pytest.raises(ValueError, match="needs a label column"):
        Chart((), ("gain",))


def test_charts_are_drawn_where_declared_and_only_there():
    pytest.importorskip("matplotlib")
    fields = _fields_table("vi")
    undeclared = Table(fields.columns, fields.rows)  # the same keys, no chart declared
    sections = [Section("A", [undeclared]), Section("B", [fields])]
    _, document = _docx(Output([], {}, sections=sections))
    assert len(document.inline_shapes) == 1
    _, workbook = _xlsx(Output([], {}, sections=sections))
    assert [len(sheet._charts) for sheet in workbook.worksheets] == [0, 0, 0]
    assert [(sheet.title, len(sheet._charts)) for sheet in workbook.chartsheets] == [
        ("Biểu đồ - B", 1)]
    # A table command's tables get the charts they declare too.
    _, document = _docx(Output([fields], {}))
    assert len(document.inline_shapes) == 1


def test_docx_without_matplotlib_is_clean_and_says_so_on_stderr(monkeypatch):
    """No chart extra: no charts and no "pip install" sentence in the document; the Output
    carries the note the runner prints on stderr, once."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    output = report_output()
    _, document = _docx(output)
    assert len(document.inline_shapes) == 0
    assert not [p for p in document.paragraphs if "pip install" in p.text]
    assert len(output.stderr_notes) == 1 and "parcli[charts]" in output.stderr_notes[0]
    assert output.stderr_notes[0].startswith("parcli: tệp Word không có biểu đồ")
    english = report_output("en")
    _docx(english, "en")
    assert english.stderr_notes[0].startswith("parcli: the Word file has no charts")


def test_docx_of_a_table_command():
    tree = Table([Column("code", "Code"), Column("name", "Name"), Column("max", "Max", True),
                  Column("baseline", "Baseline", True), Column("target", "Target", True),
                  Column("gain", "Gain", True), Column("lead", "Lead")],
                 [{"code": "2.4", "name": "Impact of reform on the quality of legal normative "
                   "documents issued by the province", "max": 5, "baseline": Decimal("3.66"),
                   "target": Decimal("4.4"), "gain": Decimal("0.74"), "lead": "justice"},
                  {"code": "2.4.1", "name": "  Consistency and uniformity of the system of legal "
                   "normative documents within the province's scope of state management",
                   "max": 1, "baseline": Decimal("0.78"), "target": Decimal("0.9"),
                   "gain": Decimal("0.12"), "lead": "justice", CONTEXT: True}],
                 title="Criteria")
    empty = Table([Column("code", "Code")], [], title="Nothing")
    output = Output([tree, empty], {}, notes=["Data: data/criteria_2020.yaml (bundled)"])
    _, document = _docx(output, "en")
    assert [p.text for p in document.paragraphs if p.text] == [
        "Criteria", "Data: data/criteria_2020.yaml (bundled)"]
    assert len(document.tables) == 1  # an empty table says nothing, as in the text formats
    context = document.tables[0].rows[2].cells
    assert context[0].text == "· 2.4.1"  # a row shown for context, marked as `table` does
    assert context[0].paragraphs[0].runs[0].font.color.rgb == docx.shared.RGBColor(89, 89, 89)
    child = context[1].paragraphs[0]
    assert child.text.startswith("Consistency")
    assert child.paragraph_format.left_indent.pt == 6  # the tree's two spaces
    # A portrait page could not hold it: landscape, as the decree allows for tables.
    section = document.sections[0]
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert sum(c.width.mm for c in document.tables[0].columns) == pytest.approx(297 - 45,
                                                                                 abs=0.5)
    lines = Output([], {}, lines=["f.yaml:1:1: error bad [rule]"], notes=["1 error(s)"])
    _, document = _docx(lines, "en")
    assert [p.text for p in document.paragraphs] == ["f.yaml:1:1: error bad [rule]", "1 error(s)"]


def test_column_widths_keep_every_word_whole_when_they_can():
    table = _fields_table("vi")
    widths = column_widths(table, "vi", 165)
    assert sum(widths) == pytest.approx(165)
    for column, width in zip(table.columns, widths, strict=True):
        words = [column.label, *(str(row[column.key]) for row in table.rows)]
        widest = max(text_mm(w, bold=True) for text in words for w in text.split())
        assert width > widest, column.key


def test_bold_pieces_reads_as_markdown_does():
    assert bold_pieces("a **b** c") == [("a ", False), ("b", True), (" c", False)]
    assert bold_pieces("a ** b") == [("a ** b", False)]
    assert bold_pieces("a **  ** b") == [("a ** ** b", False)]  # white space as in md
    assert bold_pieces("**x** **y") == [("x", True), (" **y", False)]
    assert bold_pieces("") == []


# --- Excel -------------------------------------------------------------------------------------


def test_xlsx_report_has_a_sheet_per_table_with_numbers_as_numbers():
    _, workbook = _xlsx(report_output())
    assert workbook.sheetnames == ["Báo cáo", "Các lĩnh vực", "Cơ quan có điểm cần tăng",
                                   "Phụ lục tiêu chí chưa phân công",
                                   "Biểu đồ - Các lĩnh vực", "Biểu đồ - Cơ quan điểm cần tăng"]
    summary = workbook["Báo cáo"]
    assert summary["A1"].value == "PAR Index năm 2020: tỉnh Đắk Lắk"
    assert summary["A1"].font.b
    assert summary["A2"].value == ("Điểm năm 2019: 79,53 (xếp hạng 50/63) → mục tiêu năm 2020: "
                                   "92,81.")
    links = [c for c in summary["A"] if c.hyperlink is not None]
    assert links[0].hyperlink.location == "'Các lĩnh vực'!A1"  # a link inside the workbook
    fields = workbook["Các lĩnh vực"]
    assert fields.freeze_panes == "A2"
    assert fields.auto_filter.ref == "A1:H4"
    assert [c.value for c in fields[1]] == ["STT", "Lĩnh vực", "Điểm tối đa", "Điểm năm 2019",
                                           "Mục tiêu năm 2020", "Điểm cần tăng", "Điểm bị mất",
                                           "Năm 2019 (% điểm tối đa)"]
    assert all(c.font.b for c in fields[1])
    row = fields[3]
    assert row[0].value == "2" and row[0].data_type == "s"  # a code is text
    assert row[1].value.startswith("XÂY DỰNG VÀ TỔ CHỨC")
    assert [c.value for c in row[2:7]] == [10, 8.67, 9.4, 0.73, 1.33]
    assert all(c.data_type == "n" for c in row[2:8])
    # One format per column: the most decimal places in it.
    assert row[2].number_format == "#,##0.0" and row[3].number_format == "#,##0.00"
    assert row[7].value == pytest.approx(0.867) and row[7].number_format == "0.0%"
    widths = {key: dim.width for key, dim in fields.column_dimensions.items()}
    assert widths["B"] == 60 and 5 <= widths["A"] <= 12
    assert fields["B3"].alignment.wrap_text  # a name longer than the column wraps


def test_xlsx_text_stays_text():
    _, workbook = _xlsx(report_output())
    long = workbook["Phụ lục tiêu chí chưa phân công"]
    assert long["B2"].value == HOSTILE and long["B2"].data_type == "s"
    assert long["B3"].value == "#N/A" and long["B3"].data_type == "s"
    assert long["B4"].value == "- sản phẩm\ufffd <script>alert(1)</script> **x**"
    assert long["C2"].is_date and long["C2"].value.date() == date(2020, 9, 30)
    assert long["C2"].number_format == "dd/mm/yyyy"
    assert long["D62"].value == 18.3 and long["D62"].font.b  # the footer, outside the filter
    assert long.auto_filter.ref == "A1:D61"
    with zipfile.ZipFile(io.BytesIO(reporter("xlsx", lang="vi").write(
            report_output()))) as archive:
        sheets = "".join(archive.read(n).decode() for n in archive.namelist()
                         if n.startswith("xl/worksheets/sheet"))
    assert "<f>" not in sheets  # no formula anywhere


def test_xlsx_report_charts_are_native_bar_charts():
    data, workbook = _xlsx(report_output())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
        assert len(charts) == 2
        fields, agencies = (archive.read(n).decode() for n in charts)
    assert "<barChart>" in fields and '<barDir val="bar"/>' in fields
    assert fields.count("<ser>") == 3  # baseline, target, max
    # Drawn from the cells, in the order baseline, target, max; the names label the bars.
    refs = ["'Các lĩnh vực'!$D$2:$D$4", "'Các lĩnh vực'!$E$2:$E$4",
            "'Các lĩnh vực'!$C$2:$C$4"]
    assert [fields.index(ref) for ref in refs] == sorted(fields.index(ref) for ref in refs)
    assert "'Các lĩnh vực'!D1<" in fields  # the series' name: its header cell
    assert "'Các lĩnh vực'!$B$2:$B$4" in fields
    assert agencies.count("<ser>") == 1
    assert "$B$2:$B$4" in agencies and "$A$2:$A$4" in agencies
    sheet = workbook["Cơ quan có điểm cần tăng"]
    assert sheet["A3"].value == "Sở Tài chính (kế thừa)"
    assert sheet.max_column == 4  # the csv-only column is not there


def test_xlsx_of_a_table_command_and_its_notes():
    tree = Table([Column("code", "Code"), Column("max", "Max", True)],
                 [{"code": "1", "max": Decimal("8.5")},
                  {"code": "1.1", "max": 1, CONTEXT: True}], title="Criteria: all / some?")
    output = Output([tree, Table([Column("code", "Code")], [])], {}, notes=["Data: x.yaml"])
    _, workbook = _xlsx(output, "en")
    assert workbook.sheetnames == ["Criteria all some", "Table 2", "Notes"]
    sheet = workbook["Criteria all some"]
    assert sheet.max_row == 2  # a row shown for context only is left out, as in csv
    assert sheet["B2"].value == 8.5 and sheet["B2"].number_format == "#,##0.0"
    assert workbook["Table 2"]["A1"].value == "Code"
    assert workbook["Notes"]["A1"].value == "Data: x.yaml"
    assert workbook.properties.language == "en-GB"


def test_sheet_names_excel_accepts():
    names = _SheetNames("vi")
    assert names.add("a" * 40) == "a" * 31
    assert names.add("A" * 40) == "A" * 27 + " (2)"  # unique regardless of case
    assert names.add("'[x]:*?/\\'") == "x"
    assert names.add("") == "Bảng"
    assert names.add("Thời hạn cho các nhiệm vụ của năm 2020 và sau đó") == (
        "Thời hạn cho các nhiệm vụ")  # never a dangling "của"


# --- the real report -----------------------------------------------------------------------


def _report_options(common):
    from parcli.commands.report import Options as ReportOptions

    needed = {f.name: date(2020, 7, 1) for f in fields(ReportOptions)
              if f.name != "common" and f.default is MISSING and f.default_factory is MISSING}
    return ReportOptions(common, **needed)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_bundled_report_as_docx_and_xlsx(lang, monkeypatch):
    from parcli.checking import DataRequest, open_data
    from parcli.commands import report
    from parcli.commands.base import Common

    monkeypatch.chdir(ROOT)
    common = Common(DataRequest(), lang, "docx")
    checked = open_data(common.data, "report", report.SPEC.needs, report.SPEC.optional, lang,
                        report.SPEC.tolerated)
    output = report.run(checked, _report_options(common))
    _, document = _docx(output, lang)
    # Decree 30's header first: the header table, then the type and the plan's title
    assert document.tables[0].rows[0].cells[0].paragraphs[0].text == (
        "UBND TỈNH ĐẮK LẮK" if lang == "vi" else "DAK LAK PROVINCIAL PEOPLE'S COMMITTEE")
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == ("BÁO CÁO" if lang == "vi" else "REPORT")
    assert texts[1].startswith("Tình hình thực hiện Kế hoạch nâng cao" if lang == "vi"
                               else "Implementation of the Plan to improve")
    # the fields table (in the annex, after the summary's tables): 9 columns, field 1 first
    fields = next(table for table in document.tables if len(table.columns) == 9)
    assert fields.rows[1].cells[0].text == "1"
    assert fields.rows[1].cells[2].text == "8,5" if lang == "vi" else "8.5"
    _, workbook = _xlsx(output, lang)
    sheet = next(ws for ws in workbook.worksheets[1:] if ws["A2"].value == "1")
    assert sheet["C2"].value == 8.5 and sheet["D2"].value == 6.5
    assert sheet.freeze_panes == "A2"


# --- LibreOffice ---------------------------------------------------------------------------


def _office() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice (soffice) and poppler (pdftoppm) are not installed")
    return found


def _convert(office: str, source: Path, tmp_path: Path) -> Path:
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run([office, f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=240, check=False)
    pdf = tmp_path / f"{source.stem}.pdf"
    assert pdf.exists(), done.stdout + done.stderr
    return pdf


def _ink(pdf: Path, tmp_path: Path, page: int = 1) -> float:
    """The share of the page's pixels that are not white (a greyscale PGM from pdftoppm)."""
    stem = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=60)
    raw = (tmp_path / f"page{page}.pgm").read_bytes()
    magic, width, height, _, pixels = raw.split(maxsplit=4)
    assert magic == b"P5"
    pixels = pixels[: int(width) * int(height)]
    return sum(1 for value in pixels if value < 200) / len(pixels)


def test_libreoffice_opens_the_docx_and_its_first_page_is_not_blank(tmp_path):
    office = _office()
    path = tmp_path / "report.docx"
    path.write_bytes(reporter("docx", lang="vi").write(report_output()))
    pdf = _convert(office, path, tmp_path)
    assert _ink(pdf, tmp_path) > 0.005
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        assert "(A4)" in info
        pages = int(next(line.split()[-1] for line in info.splitlines()
                         if line.startswith("Pages:")))
        assert pages >= 2  # the long table runs on
        if shutil.which("pdftotext"):
            texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                                    capture_output=True, text=True, check=True).stdout
                     for n in range(1, pages + 1)]
            assert "PAR Index năm 2020: tỉnh Đắk Lắk" in texts[0]
            # Every page the long table runs onto starts it with its header row.
            runs_onto = [text for text in texts if "Tiêu chí thành phần số" in text]
            assert len(runs_onto) >= 2
            assert all("STT" in text and "Hạn" in text for text in runs_onto)


def test_libreoffice_opens_the_xlsx(tmp_path):
    office = _office()
    program = Path(os.path.realpath(office)).parent
    if not any(program.glob("libsclo.*")):  # Debian's libreoffice-calc(-nogui)
        pytest.skip("LibreOffice Calc is not installed (only Writer): cannot open an xlsx")
    path = tmp_path / "report.xlsx"
    path.write_bytes(reporter("xlsx", lang="vi").write(report_output()))
    pdf = _convert(office, path, tmp_path)
    assert _ink(pdf, tmp_path) > 0.001


# --- charts ----------------------------------------------------------------------------------


def test_chart_images_are_deterministic_pngs_and_show_text_as_it_is():
    pytest.importorskip("matplotlib")
    from parcli.render.charts import bar_chart_png

    categories = ["Sở $x$ và $", "Tiêu chí\x01 rất dài " * 8, ""]
    series = [("Điểm năm 2019", [Decimal("6.5"), None, 0]),
              ("Mục tiêu $", [Decimal("8"), Decimal("1.25"), 3])]
    image = bar_chart_png(categories, series, lang="vi")
    assert image.startswith(b"\x89PNG") and b"Software" not in image
    assert bar_chart_png(categories, series, lang="vi") == image
    assert bar_chart_png(["Sở Nội vụ"], [("Điểm", [Decimal("4.36")])]).startswith(b"\x89PNG")
