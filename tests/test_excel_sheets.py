"""The Excel workbook as an office prints and sorts it (issue 19, items 15 and 16).

Every workbook is written by the reporter and read back with openpyxl: dates are date cells
with the reader's number format, every sheet prints A4 landscape fitted to the page's width
with its header row repeated, each chart is on a chart sheet of its own (one printed page),
its bars named by the field or agency, sheet names are meaningful, unique and within 31
characters, and rows are as high as their wrapped text. `csv-excel` is headed by the
columns' labels, `csv` by their keys.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import pytest

from parcli.output import Chart, Column, Output, Section, Table
from parcli.render import reporter
from parcli.render.excel import _lines, _SheetNames
from tests.conftest import ROOT

openpyxl = pytest.importorskip("openpyxl")

LONG = ("Tỷ lệ cơ quan chuyên môn cấp tỉnh và đơn vị hành chính cấp huyện được kiểm tra "
        "trong năm về công tác cải cách hành chính, có báo cáo kết quả kiểm tra gửi Sở Nội vụ")


def _workbook(output: Output, lang: str = "vi"):
    return openpyxl.load_workbook(io.BytesIO(reporter("xlsx", lang=lang).write(output)))


def _dated_table(lang: str) -> Table:
    """Dates the three ways commands give them: a `date`, an ISO key shown through `values`
    (due), and text in the reader's form (the report's tables)."""
    vi = lang == "vi"
    days = [date(2020, 9, 30), date(2020, 12, 31)]
    shown = {day.isoformat(): day.strftime("%d/%m/%Y") if vi else day.isoformat()
             for day in days}
    rows = [{"code": "1.3.1", "title": LONG, "deadline": "Quý III", "due": days[0].isoformat(),
             "when": shown[days[0].isoformat()], "day": days[0], "odd": "31/02/2020"},
            {"code": "1.3.2", "title": "Ngắn", "deadline": "31/12/2020",
             "due": days[1].isoformat(), "when": "", "day": None, "odd": "Thường xuyên"}]
    return Table([Column("code", "STT"), Column("title", "Nội dung"),
                  Column("deadline", "Thời gian hoàn thành"),
                  Column("due", "Ngày đến hạn", values=shown),
                  Column("when", "Hạn"), Column("day", "Ngày"), Column("odd", "Khác")], rows,
                 title="Nhiệm vụ đến hạn trước kỳ họp tới (trong 30 ngày)")


# --- item 15: dates -------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "number_format"), [("vi", "dd/mm/yyyy"),
                                                     ("en", "yyyy-mm-dd")])
def test_dates_are_date_cells_in_the_readers_format(lang, number_format):
    sheet = _workbook(Output([_dated_table(lang)], {}), lang).worksheets[0]
    for coordinate in ("D2", "E2", "F2", "D3"):
        target = sheet[coordinate]
        assert target.is_date and target.data_type == "d", coordinate
        assert isinstance(target.value, datetime)
        assert target.number_format == number_format
    assert sheet["D2"].value.date() == date(2020, 9, 30)
    assert sheet["D3"].value.date() == date(2020, 12, 31)
    assert sheet["E3"].value is None and sheet["F3"].value is None  # no date: empty
    # Text stays text: the plan's words, an impossible date, a code.
    assert sheet["C2"].value == "Quý III" and sheet["C2"].data_type == "s"
    assert sheet["G2"].value == "31/02/2020" and sheet["G2"].data_type == "s"
    assert sheet["A2"].data_type == "s"
    # The plan's own "31/12/2020" is a date in Vietnamese; in English parcli writes ISO.
    assert sheet["C3"].is_date if lang == "vi" else sheet["C3"].data_type == "s"


def test_the_due_command_writes_date_cells(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "due.xlsx"
    result = cli("due", "--as-of", "2020-09-15", "--lang", "vi", "-f", "xlsx", "-o", target)
    assert result.code == 0, result.err
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]]
    column = header.index("Ngày đến hạn") + 1
    dates = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)
             if sheet.cell(row, column).value is not None]
    assert dates and all(c.is_date and c.number_format == "dd/mm/yyyy" for c in dates)


# --- item 15: printing, charts, names, heights ---------------------------------------------


def _report(lang: str) -> Output:
    from parcli.checking import DataRequest, open_data
    from parcli.commands import report
    from parcli.commands.base import Common
    from tests.test_office import _report_options

    common = Common(DataRequest(), lang, "xlsx")
    checked = open_data(common.data, "report", report.SPEC.needs, report.SPEC.optional, lang,
                        report.SPEC.tolerated)
    return report.run(checked, _report_options(common))


@pytest.fixture(scope="module", params=["vi", "en"])
def report_workbook(request):
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    try:
        yield request.param, _workbook(_report(request.param), request.param)
    finally:
        mp.undo()


def test_every_sheet_prints_landscape_fitted_to_the_width(report_workbook):
    _, workbook = report_workbook
    assert len(workbook.worksheets) > 3
    for sheet in workbook.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert int(setup.paperSize) == 9  # A4
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # Each table's header row on every page: read back on the sheet it was written for
    # (the chart sheets come last, so the sheet numbers Excel and openpyxl use agree).
    for sheet in workbook.worksheets[1:]:
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.auto_filter.ref.startswith("A1:")
    assert workbook.worksheets[0].print_title_rows is None  # the report's text
    kinds = [type(sheet).__name__ for sheet in workbook._sheets]
    assert kinds == sorted(kinds, key=lambda kind: kind == "Chartsheet")


def test_charts_are_on_chart_sheets_of_their_own_named_by_field_and_agency(report_workbook):
    lang, workbook = report_workbook
    charts = workbook.chartsheets
    assert len(charts) == 2
    for page in charts:
        assert len(page._charts) == 1
        assert page.pageSetup.orientation == "landscape"
        assert page.title.startswith("Biểu đồ - " if lang == "vi" else "Chart - ")
    assert all(len(sheet._charts) == 0 for sheet in workbook.worksheets)
    # The fields chart's categories: the fields' names, not their codes 1…8.
    fields = next(sheet for sheet in workbook.worksheets
                  if sheet.title in ("Các lĩnh vực", "Fields"))
    chart = next(page._charts[0] for page in charts if fields.title in page.title)
    categories = chart.series[0].cat.numRef or chart.series[0].cat.strRef
    assert categories.f == f"'{fields.title}'!$B$2:$B${fields.max_row}"
    assert fields["B1"].value in ("Lĩnh vực", "Field")
    assert len(fields["B2"].value) > 10  # a name, not "1"


def test_sheet_names_are_meaningful_unique_and_short(report_workbook):
    lang, workbook = report_workbook
    names = workbook.sheetnames
    assert all(len(name) <= 31 for name in names)
    assert len({name.casefold() for name in names}) == len(names)
    assert not any(name.endswith(")") for name in names)  # no "Thời hạn (2)"
    last = {name.split()[-1].casefold() for name in names}
    assert not last & {"của", "cần", "có", "và", "các", "of", "the", "with", "that"}
    if lang == "vi":
        assert {"Cơ quan có điểm cần tăng", "Tiêu chí thành phần bị mất điểm",
                "Vấn đề về dữ liệu", "Vấn đề về dữ liệu - Tiêu chí",
                "Thời hạn"} <= set(names)
    else:
        assert {"Agencies with points needed", "Leaf criteria that lost points",
                "Data problems", "Data problems - Criterion"} <= set(names)


def test_sheet_names_shorten_at_a_word_and_distinguish_by_a_word():
    names = _SheetNames("vi")
    assert names.add("5 cơ quan có nhiều điểm cần tăng nhất") == "Cơ quan có điểm cần tăng"
    assert names.add("Nhiệm vụ đến hạn trước kỳ họp tới (trong 30 ngày)") == (
        "Nhiệm vụ đến hạn trước kỳ họp")  # the parenthesis, then a cut at a word
    assert names.add("Thời hạn") == "Thời hạn"
    assert names.add("Thời hạn", ["Nội dung", "Chủ trì"]) == "Thời hạn - Nội dung"
    assert names.add("Thời hạn", ["Nội dung", "Chủ trì"]) == "Thời hạn - Chủ trì"
    assert names.add("Thời hạn", ["Nội dung"]) == "Thời hạn (2)"  # no word left: a number
    long = "Các tiêu chí thành phần chưa có nhiệm vụ trong Phụ lục II"
    first, second = names.add(long), names.add(long, ["Tiêu chí"])
    assert first != second and len(first) <= 31 and len(second) <= 31
    assert second.endswith(" - Tiêu chí")
    english = _SheetNames("en")
    assert english.add("The 5 agencies with the most points still needed") == (
        "Agencies with points needed")


def _wrapped_table() -> Table:
    rows = [{"code": "1", "name": LONG, "gain": Decimal("1.5")},
            {"code": "2", "name": "Ngắn", "gain": Decimal("0.25")},
            {"code": "3", "name": LONG + " " + LONG, "gain": Decimal("2")}]
    return Table([Column("code", "STT"), Column("name", "Tiêu chí"),
                  Column("gain", "Điểm cần tăng theo kế hoạch năm 2020", True)], rows,
                 chart=Chart(("code", "name"), ("gain",)))


def test_rows_are_as_high_as_their_wrapped_text():
    output = Output([], {}, sections=[
        Section("Tóm tắt", ["Một đoạn dài. " * 40, "Ngắn."], level=1),
        Section("Các tiêu chí", [_wrapped_table()])])
    workbook = _workbook(output)
    sheet = workbook["Các tiêu chí"]
    width = sheet.column_dimensions["B"].width
    assert sheet["B2"].alignment.wrap_text
    heights = {row: sheet.row_dimensions[row].height for row in (1, 2, 3, 4)}
    assert heights[2] == 15 * _lines(LONG, width) and heights[2] >= 30
    assert heights[3] is None  # one line: the default height
    assert heights[4] >= 2 * heights[2] - 15  # twice the text, about twice the lines
    label = "Điểm cần tăng theo kế hoạch năm 2020"  # bold: a tenth wider
    assert heights[1] == 15 * _lines(label, sheet.column_dimensions["C"].width / 1.1) >= 30
    summary = workbook["Báo cáo"]
    assert summary["A2"].alignment.wrap_text
    assert summary.row_dimensions[2].height == 15 * _lines("Một đoạn dài. " * 40, 110) >= 60
    assert summary.row_dimensions[3].height is None


def test_lines_keep_words_whole():
    assert _lines("", 20) == 1
    assert _lines("a" * 10, 20) == 1
    assert _lines("aaaa " * 8, 20) == 3  # 4 words (19 characters) a line, room 18.5: 3 a line
    assert _lines("x" * 50, 20) == 3  # a word longer than the column breaks
    assert _lines("one\ntwo", 60) == 2
    assert (_lines("ĐIỀU HÀNH", 12), _lines("điều hành", 12)) == (2, 1)  # capitals are wider


# --- item 16: csv-excel ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_excel_is_headed_by_the_labels_csv_by_the_keys(cli, monkeypatch, lang):
    monkeypatch.chdir(ROOT)
    excel = cli("gap", "--by-agency", "--lang", lang, "-f", "csv-excel")
    plain = cli("gap", "--by-agency", "--lang", lang, "-f", "csv")
    assert excel.code == 0 and plain.code == 0, excel.err + plain.err
    excel_rows = list(csv.reader(io.StringIO(excel.out.lstrip("\ufeff"))))
    plain_rows = list(csv.reader(io.StringIO(plain.out)))
    assert excel.out.startswith("\ufeff")
    assert plain_rows[0][:4] == ["key", "label", "gain", "lost"]
    if lang == "vi":
        assert excel_rows[0][0] == "Cơ quan" and "Điểm cần tăng" in excel_rows[0]
    else:
        assert "Points needed" in excel_rows[0]
    assert excel_rows[1:] == plain_rows[1:]  # the same values: only the header is for people
