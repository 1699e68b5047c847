"""Issue 19, items 1–6: the Word report and task sheets as a Vietnamese office sends them
(Decree 30/2020/NĐ-CP): the header block, number, place and date, type and summary from the
plan's own title, "Nơi nhận" and the signer block before the annex, the annex on a new page,
the task table on a landscape page with no word cut, chart captions, provenance without an
install path. Data: a copy of data/*_2020.yaml (with a parcli.toml beside it where the test
needs the office's `[document]`), or the bundled plan. Where LibreOffice is installed, two
documents are converted to PDF and read page by page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA, ROOT

docx = pytest.importorskip("docx")

AS_OF = "2020-10-15"
DOCUMENT = """\
[document]
issuer = "SỞ NỘI VỤ"
symbol = "SNV"
place = "Đắk Lắk"
recipients = ["UBND tỉnh (để b/c);", "Các sở, ban, ngành;", "Lưu: VT, CCHC."]
signer_authority = "KT. GIÁM ĐỐC"
signer_title = "PHÓ GIÁM ĐỐC"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        (data / path.name).write_bytes(path.read_bytes())
    return tmp_path


def _word(cli, tmp_path: Path, *args: str | Path, name: str = "out.docx"):
    target = tmp_path / name
    result = cli("report", *args, "-f", "docx", "-o", target)
    assert result.code == 0, result.err
    return docx.Document(io.BytesIO(target.read_bytes())), result


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _body_order(document) -> list[str]:
    """The body's paragraphs and tables in order: a paragraph's text, a table as "<table:
    first cell>"."""
    found = []
    for child in document.element.body:
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            text = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            if text:
                found.append(text)
        elif tag == "tbl":
            first = "".join(node.text or "" for node in child.iter() if node.tag.endswith("}t"))
            found.append(f"<table: {first[:40]}>")
    return found


def test_report_header_number_date_title_recipients_signer_from_the_configuration(cli, repo,
                                                                                   tmp_path):
    (repo / "parcli.toml").write_text(DOCUMENT, encoding="utf-8")
    document, _ = _word(cli, tmp_path, "--criteria", repo / "data" / CRITERIA.name,
                        "--lang", "vi", "--as-of", AS_OF)
    header = _cells(document.tables[0])
    assert header[0][0].split("\n") == ["UBND TỈNH ĐẮK LẮK", "SỞ NỘI VỤ", ""]  # a short rule
    assert header[0][1].split("\n") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                        "Độc lập - Tự do - Hạnh phúc", ""]
    assert header[1] == ["Số: ……/BC-SNV", "Đắk Lắk, ngày …… tháng …… năm 2020"]
    issuer = document.tables[0].rows[0].cells[0].paragraphs[1].runs[0]
    assert issuer.bold and issuer.font.size.pt == 13
    date_run = document.tables[0].rows[1].cells[1].paragraphs[0].runs[0]
    assert date_run.italic and date_run.font.size.pt == 14
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:2] == ["BÁO CÁO", "Tình hình thực hiện Kế hoạch nâng cao Chỉ số cải cách hành "
                         "chính và Chỉ số hài lòng về sự phục vụ của cơ quan hành chính Nhà nước "
                         "năm 2020"]
    assert texts[2].startswith("Điểm năm 2019")  # the summary follows, no second title
    assert document.core_properties.title == texts[1]
    closing = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    recipients, signer = (cell.text.split("\n") for cell in closing.rows[0].cells)
    assert recipients == ["Nơi nhận:", "- UBND tỉnh (để b/c);", "- Các sở, ban, ngành;",
                          "- Lưu: VT, CCHC."]
    assert signer[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and signer[-1] == "……" * 4
    assert set(signer[2:-1]) == {""}  # room for the signature
    label = closing.rows[0].cells[0].paragraphs[0].runs[0]
    assert label.bold and label.italic and label.font.size.pt == 12
    assert closing.rows[0].cells[0].paragraphs[1].runs[0].font.size.pt == 11
    # "Nơi nhận" and the signer block after the body, before the annex, which opens a new
    # section (a new page) under its heading
    order = _body_order(document)
    closing_at = next(i for i, item in enumerate(order) if item.startswith("<table: Nơi nhận:"))
    assert closing_at < order.index("PHỤ LỤC")
    assert "Phần chi tiết" not in order  # the annex's own heading is the PHỤ LỤC title
    assert len(document.sections) == 2
    assert not document.sections[1].different_first_page_header_footer  # numbered on


def test_without_a_configuration_the_office_parts_are_blanks_never_invented(cli, tmp_path):
    document, _ = _word(cli, tmp_path, "--lang", "vi", "--as-of", AS_OF)
    header = _cells(document.tables[0])
    assert header[0][0].split("\n")[:2] == ["UBND TỈNH ĐẮK LẮK", "………………"]  # from the data
    assert header[1] == ["Số: ……/BC-……", "……, ngày …… tháng …… năm 2020"]
    closing = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    recipients, signer = (cell.text.split("\n") for cell in closing.rows[0].cells)
    assert recipients == ["Nơi nhận:", "- ………………;", "- ………………."]
    assert signer[0] == "………………" and signer[-1] == "……" * 4
    text = "\n".join(p.text for p in document.paragraphs)
    assert "SỞ NỘI VỤ" not in text and "GIÁM ĐỐC" not in text


def test_english_output_has_the_same_structure_in_english(cli, tmp_path):
    document, _ = _word(cli, tmp_path, "--lang", "en", "--as-of", AS_OF)
    header = _cells(document.tables[0])
    assert header[0][0].startswith("DAK LAK PROVINCIAL PEOPLE'S COMMITTEE")
    assert header[0][1].split("\n")[:2] == ["SOCIALIST REPUBLIC OF VIETNAM",
                                            "Independence - Freedom - Happiness"]
    assert header[1] == ["No.: ……/BC-……", "……, …… 2020"]
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "REPORT"
    assert texts[1].startswith("Implementation of the Plan to improve the Public Administration")
    order = _body_order(document)
    assert any(item.startswith("<table: Recipients:") for item in order)
    assert order.index("ANNEX") > next(i for i, item in enumerate(order)
                                       if item.startswith("<table: Recipients:"))


def test_the_body_names_its_lists_and_the_annex_holds_them(cli, tmp_path, monkeypatch):
    # issue 19, item 2: a short body; the criteria that lost the most and the due tasks are
    # in the annex, the body says what and where; md keeps them in place
    monkeypatch.chdir(ROOT)
    document, _ = _word(cli, tmp_path, "--lang", "vi", "--as-of", AS_OF)
    order = _body_order(document)
    closing = next(i for i, item in enumerate(order) if item.startswith("<table: Nơi nhận:"))
    body, annex = order[:closing], order[closing + 1:]
    assert body[-2:] == [
        "5 tiêu chí thành phần bị mất nhiều điểm nhất năm 2019: 8.1, 1.6, 4.1.2, 4.3.3, "
        "6.1.2, 6.1.3, 7.1.6 (danh sách ở Phụ lục).",
        "Nhiệm vụ đến hạn trước kỳ họp tới (trong 30 ngày): 2 nhiệm vụ (2 đã qua thời hạn "
        "nhưng chưa rõ kết quả), danh sách ở Phụ lục (mục Thời hạn)."]
    assert [item[:20] for item in body if item.startswith("<table:")] == [
        "<table: UBND TỈNH ĐẮ", "<table: Cơ quanĐiểm "]  # the header, the top agencies
    assert [item[:20] for item in annex[:6]] == [
        "PHỤ LỤC", "Mục tiêu của Kế hoạc", "<table: MụcMục tiêuM", "Mục tiêu của Kế hoạc",
        "5 tiêu chí thành phầ", "<table: STTTiêu chíĐ"]
    assert annex.count("Nhiệm vụ đến hạn trước kỳ họp tới (trong 30 ngày)") == 0  # listed
    assert "Thời hạn" in annex  # under the annex's Deadlines, in full
    markdown = cli("report", "--lang", "vi", "--as-of", AS_OF, "-f", "md").out
    assert "## 5 tiêu chí thành phần bị mất nhiều điểm nhất năm 2019\n" in markdown
    assert "danh sách ở Phụ lục)." not in markdown
    # with a results file the standing names the agencies behind: the other agency table,
    # and its chart, go to the annex too, without a line in the body repeating them
    document, _ = _word(cli, tmp_path, "--lang", "en", "--as-of", AS_OF, "--results",
                        "tests/fixtures/results/results_2020_half.yaml", name="standing.docx")
    order = _body_order(document)
    closing = next(i for i, item in enumerate(order) if item.startswith("<table: Recipients:"))
    assert order[closing - 3] == (
        "The plan's goals: 0 met, 0 not met, 2 unknown (listed in the annex).")
    assert not any(item.startswith("The 5 agencies with") for item in order[:closing])
    assert order[closing - 1] == (
        "Due before the next meeting (within 30 days): 2 tasks (2 overdue), listed in the "
        "annex (Deadlines).")
    assert order[closing + 1:closing + 3] == ["ANNEX", "The plan's goals"]
    assert "The 5 agencies with the most points still needed" in order[closing + 3:]


def test_unknown_or_malformed_document_keys_are_usage_errors_at_their_line(cli, repo):
    criteria = repo / "data" / CRITERIA.name
    (repo / "parcli.toml").write_text('[document]\nissuer = "SỞ NỘI VỤ"\nsigner = "X"\n',
                                      encoding="utf-8")
    result = cli("report", "--criteria", criteria, "-f", "md")
    assert result.code == 2
    assert result.err.startswith(f"parcli: error: {repo / 'parcli.toml'}:3: unknown key "
                                 "'signer' in [document] (known: issuer, ")
    (repo / "parcli.toml").write_text('[document]\nrecipients = "Lưu: VT"\n', encoding="utf-8")
    result = cli("report", "--criteria", criteria, "-f", "md")
    assert result.code == 2 and ":2: recipients is a list of texts" in result.err


def test_task_sheet_names_the_plan_and_keeps_words_whole_on_a_landscape_annex(cli, tmp_path):
    from parcli.render.decree30 import text_mm

    document, _ = _word(cli, tmp_path, "--agency", "finance", "--lang", "vi")
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:2] == ["THÔNG BÁO", "Nhiệm vụ của Sở Tài chính trong Kế hoạch nâng cao Chỉ số "
                         "cải cách hành chính và Chỉ số hài lòng về sự phục vụ của cơ quan hành "
                         "chính Nhà nước năm 2020"]
    assert _cells(document.tables[0])[1][0] == "Số: ……/TB-……"
    whole = "\n".join(texts).lower()
    assert "kế hoạch cải cách hành chính năm" not in whole  # a different document
    body, annex = document.sections
    assert round(body.page_width.mm) == 210
    assert round(annex.page_width.mm) == 297 and round(annex.page_height.mm) == 210
    tasks = document.tables[-1]
    assert len(tasks.columns) == 10 and tasks.rows[0].cells[0].text == "STT"
    pad = 2 * 1.3
    for column in tasks.columns:
        size = 13
        for cell in column.cells:
            for run in cell.paragraphs[0].runs:
                size = run.font.size.pt if run.font.size else size
        header, *cells = column.cells
        widest = max([text_mm(w, bold=True, size_pt=size) for w in header.text.split()]
                     + [text_mm(w, size_pt=size) for cell in cells for w in cell.text.split()])
        assert column.width.mm - pad >= widest / 1.04 - 0.1, header.text
    # rows may split across pages when tall; the header row repeats
    assert tasks.rows[0]._tr.trPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None


def test_a_short_title_names_the_plan_in_sentences(cli, repo, tmp_path):
    criteria = repo / "data" / CRITERIA.name
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(text.replace("  appendix: Phụ lục I\n", "  appendix: Phụ lục I\n"
                                     "  short_title: Kế hoạch nâng cao Chỉ số CCHC và Chỉ số "
                                     "SIPAS năm 2020\n", 1), encoding="utf-8")
    sheet = cli("report", "--criteria", criteria, "--agency", "finance", "--lang", "vi",
                "-f", "md")
    assert sheet.code == 0, sheet.err
    assert sheet.out.startswith("# Sở Tài chính: nhiệm vụ trong Kế hoạch nâng cao Chỉ số CCHC "
                                "và Chỉ số SIPAS năm 2020\n")
    document, _ = _word(cli, tmp_path, "--criteria", criteria, "--lang", "vi")
    titles = [p.text for p in document.paragraphs if p.text][:2]
    assert titles[1].endswith("Chỉ số hài lòng về sự phục vụ của cơ quan hành chính Nhà nước "
                              "năm 2020")  # the report's title line: the full title


def test_charts_have_numbered_captions_an_axis_label_and_whole_names(cli, tmp_path):
    pytest.importorskip("matplotlib")
    from parcli.render.charts import _wrapped

    document, result = _word(cli, tmp_path, "--lang", "vi", "--as-of", AS_OF)
    captions = [p.text for p in document.paragraphs if p.text.startswith("Biểu đồ ")]
    assert captions == ["Biểu đồ 1: 5 cơ quan có nhiều điểm cần tăng nhất",
                        "Biểu đồ 2: Các lĩnh vực"]
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("Biểu đồ "):
            before = paragraph._p.getprevious()
            assert "graphic" in before.xml  # the chart, kept with its caption
            assert before.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/"
                               "main}keepNext") is not None
    name = ("8. TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ CÁC CHỈ TIÊU PHÁT TRIỂN KT-XH "
            "CỦA TỈNH")
    assert " ".join(_wrapped(name, 34).split()) == name  # wrapped, never cut
    assert "pip install" not in "\n".join(p.text for p in document.paragraphs)
    assert "pip install" not in result.err  # matplotlib is installed: nothing to say


def test_provenance_is_one_line_with_digests_and_no_install_path(cli, repo, monkeypatch):
    monkeypatch.chdir(ROOT)
    bundled = cli("report", "--lang", "vi", "--as-of", AS_OF, "-f", "md").out
    line = next(x for x in bundled.splitlines() if x.startswith("Tệp dữ liệu:"))
    assert re.fullmatch(r"Tệp dữ liệu: criteria_2020\.yaml \(SHA-256 [0-9a-f]{12}\), "
                        r"assignments_2020\.yaml \(SHA-256 [0-9a-f]{12}\), agencies\.yaml "
                        r"\(SHA-256 [0-9a-f]{12}\), plan_2020\.yaml \(SHA-256 [0-9a-f]{12}\): "
                        r"dữ liệu có sẵn trong parcli "
                        r"\(Kế hoạch năm 2020 của tỉnh Đắk Lắk\)\.", line), line
    assert str(ROOT) not in bundled and "site-packages" not in bundled
    own = cli("report", "--criteria", repo / "data" / CRITERIA.name, "--as-of", AS_OF,
              "-f", "md").out
    line = next(x for x in own.splitlines() if x.startswith("Data files:"))
    assert f"{repo / 'data' / CRITERIA.name} (SHA-256 " in line and "bundled" not in line


# --- LibreOffice: the pages as printed -----------------------------------------------------


def _office() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None or shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("LibreOffice (soffice) and poppler (pdftotext, pdfinfo) are not installed; "
                    "apt-get install libreoffice-writer-nogui fonts-liberation2 poppler-utils")
    return found


def _pages(office: str, sources: list[Path], folder: Path) -> dict[str, list[str]]:
    """Each document converted to PDF (one LibreOffice run), as its pages' text."""
    profile = (folder / "profile").as_uri()
    done = subprocess.run([office, f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(folder),
                           *map(str, sources)], capture_output=True, text=True, timeout=300,
                          check=False)
    pages: dict[str, list[str]] = {}
    for source in sources:
        pdf = folder / f"{source.stem}.pdf"
        assert pdf.exists(), done.stdout + done.stderr
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                              check=True).stdout
        count = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
        pages[source.stem] = [
            subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, count + 1)]
    return pages


def _page_of(pages: list[str], text: str) -> int:
    return next(n for n, page in enumerate(pages, 1) if text in page)


def test_libreoffice_pages_of_the_report_and_a_task_sheet(cli, tmp_path, monkeypatch):
    office = _office()
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # without the chart extra
    report, sheet = tmp_path / "report.docx", tmp_path / "sheet.docx"
    standing = tmp_path / "standing.docx"
    _word(cli, tmp_path, "--lang", "vi", name=report.name)  # the default date: 31/12/2020
    _word(cli, tmp_path, "--lang", "vi", "--as-of", AS_OF, "--results",
          "tests/fixtures/results/results_2020_half.yaml", name=standing.name)
    document, _ = _word(cli, tmp_path, "--lang", "vi", "--agency", "finance", name=sheet.name)
    pages = _pages(office, [report, standing, sheet], tmp_path)
    # With a results file, page 1 leads with where the province stands and the agencies.
    for part in ("Điểm năm 2019: 79,53", "Tổng điểm dự kiến: 80,37", "Sở Nội vụ"):
        assert part in pages["standing"][0], part

    first = pages["report"][0]
    for part in ("UBND TỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: ……/BC-……", "ngày …… tháng …… năm 2020",
                 "BÁO CÁO", "Tình hình thực hiện Kế hoạch", "Điểm năm 2019: 79,53",
                 "Sở Nội vụ"):  # the top agencies start on page 1
        assert part in first, part
    for name in ("report", "standing"):
        # the body is one page without charts: header, summary, "Nơi nhận" and the signer
        # block (its blank for the name) on it, the annex from page 2, opening its page
        body = pages[name][0]
        assert "Nơi nhận:" in body and "……" * 4 in body.split("Nơi nhận:")[1], name
        assert _page_of(pages[name], "PHỤ LỤC") == 2, name
        annex = pages[name][1]
        assert "PHỤ LỤC" in annex.split("\n\n")[1], name  # it opens its page
        assert "Phụ lục" in body and "Nơi nhận:" not in annex, name
    # the lists are in the annex: the due tasks, the criteria that lost the most, the fields
    assert "Xây dựng Hệ thống thông tin báo" not in first  # 7.1.6, a top loss: listed there
    whole = "".join(pages["report"][1:])
    assert "Xây dựng Hệ thống thông tin báo" in whole and "Các lĩnh vực" in whole

    sheet_pages = pages["sheet"]
    assert "THÔNG BÁO" in sheet_pages[0] and "Nơi nhận:" in sheet_pages[0]
    assert _page_of(sheet_pages, "PHỤ LỤC") == 2
    # No word, date or code of the task table is split: every one is whole in the PDF.
    printed = {word for page in sheet_pages[1:] for word in page.split()}
    table = document.tables[-1]
    words = {word for row in table.rows[1:] for cell in row.cells
             for word in cell.text.split()}
    assert words - printed == set()
    assert any(re.fullmatch(r"\d\d/\d\d/\d{4}", word) for word in words)
    assert len(sheet_pages) <= 8  # today's 16 tasks; 10 pages before
