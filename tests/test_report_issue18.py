"""Issue 18 (report, agencies, gap): unknown is not 0 nor "None", the sum of nothing is
unknown, a label means one thing, ties at a cut are bounded, small wrong words.
Data: copies of tests/fixtures/clean/ (criteria.yaml, assignments.yaml, agencies.yaml)
edited per test; a generated plan of 30 tied leaves; data/criteria_2020.yaml (bundled)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import ROOT

D = Decimal
CLEAN = ROOT / "tests" / "fixtures" / "clean"
AS_OF = "2030-03-01"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _clean(tmp_path: Path, edit: dict[str, Callable[[str], str]] | None = None) -> list[str]:
    """tests/fixtures/clean copied to tmp_path, each file passed through its `edit`; the
    arguments that name the three files."""
    for source in CLEAN.glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        (tmp_path / source.name).write_text((edit or {}).get(source.name, lambda s: s)(text),
                                            encoding="utf-8")
    return ["--criteria", str(tmp_path / "criteria.yaml"),
            "--assignments", str(tmp_path / "assignments.yaml"),
            "--agencies", str(tmp_path / "agencies.yaml")]


def _first_year(text: str) -> str:
    """A first year's plan: no baseline_year, no baseline anywhere (documented, accepted)."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not re.match(r"\s*baseline(_year)?:", line))


def _md_rows(out: str, heading: str) -> list[list[str]]:
    """The cells of the first Markdown table after `heading`."""
    lines = out.split(heading + "\n", 1)[1].splitlines()
    rows = []
    for line in lines[1:]:
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return [rows[0], *rows[2:]]  # the header, then the rows (no separator)


# Item 1: a first-year plan ----------------------------------------------------------------

def test_first_year_report_in_english_says_there_is_no_baseline_year(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _first_year})
    result = cli("report", *files, "--as-of", AS_OF)
    assert result.code == 0, result.err
    out = result.out
    assert out.splitlines()[2] == (
        "**2030 target 8.75** (as printed). The plan has no baseline year (a first year): the "
        "points needed and the points lost are not known.")
    assert "None" not in out and "—" not in out
    assert "lost the most points in" not in out
    assert _md_rows(out, "## The agencies and their criteria (points needed not known, so not "
                         "ranked)") == [
        ["Agency", "Points needed", "Points lost", "Criteria"],
        ["Alpha Department", "", "", "1"], ["Beta Department", "", "", "1"],
        ["Gamma Department", "", "", "1"]]
    assert ("## Leaf criteria that lost the most points\n\nNot known: no leaf criterion has a "
            "baseline score, so none is ranked by points lost.\n") in out
    assert _md_rows(out, "### Fields")[0] == [
        "Code", "Field", "Max", "Baseline", "2030 target", "Points needed (as printed)",
        "Points lost (as printed)", "Baseline % of max", "2030 % of max"]


def test_first_year_report_in_vietnamese(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _first_year})
    out = cli("report", *files, "--as-of", AS_OF, "--lang", "vi").out
    assert out.splitlines()[2] == (
        "**Mục tiêu năm 2030: 8,75** (theo kế hoạch). Kế hoạch không có điểm năm trước (năm "
        "đầu tiên): chưa biết điểm cần tăng và điểm bị mất.")
    assert "None" not in out and "—" not in out and "Điểm năm None" not in out
    assert _md_rows(out, "### Các lĩnh vực")[0][3] == "Điểm năm trước"
    assert _md_rows(out, "## Các cơ quan chủ trì và số tiêu chí (chưa biết điểm cần tăng nên "
                         "không xếp thứ tự)")[1] == ["Sở Alpha", "", "", "1"]


def test_first_year_report_json_has_null_not_zero(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _first_year})
    data = json.loads(cli("report", *files, "--as-of", AS_OF, "-f", "json").out,
                      parse_float=D)
    assert data["figures"] == {"baseline": None, "target": D("8.75"),
                               "computed": {"max": 10, "baseline": None, "target": D("8.75")},
                               "gain": None, "lost": None,
                               "agencies": {"alpha": None, "beta": None, "gamma": None},
                               "problems": 0, "projected": None, "scores": {}, "stages": {},
                               "statuses": {}, "overdue": [], "passed": []}
    assert [(a["agency"], a["gain"], a["lost"]) for a in data["agencies"]] == [
        ("alpha", None, None), ("beta", None, None), ("gamma", None, None)]
    assert data["criteria"] == []  # no ranking built on unknowns
    assert data["headline"] == [
        "**2030 target 8.75** (as printed). The plan has no baseline year (a first year): the "
        "points needed and the points lost are not known."]


def test_first_year_report_xlsx_and_docx_leave_unknown_empty(cli, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    docx = pytest.importorskip("docx")
    files = _clean(tmp_path, {"criteria.yaml": _first_year})
    book = tmp_path / "report.xlsx"
    assert cli("report", *files, "--as-of", AS_OF, "-f", "xlsx", "-o", book).code == 0
    workbook = openpyxl.load_workbook(book)
    agencies = workbook[next(name for name in workbook.sheetnames
                             if name.startswith("The agencies"))]
    assert [[c.value for c in row] for row in agencies.iter_rows()] == [
        ["Agency", "Points needed", "Points lost", "Criteria"],
        ["Alpha Department", None, None, 1], ["Beta Department", None, None, 1],
        ["Gamma Department", None, None, 1]]
    document = tmp_path / "report.docx"
    assert cli("report", *files, "--as-of", AS_OF, "-f", "docx", "-o", document).code == 0
    text = "\n".join(p.text for p in docx.Document(document).paragraphs)
    assert "None" not in text and "—" not in text
    cells = [[c.text for c in row.cells] for table in docx.Document(document).tables
             for row in table.rows]
    assert ["Alpha Department", "", "", "1"] in cells


def test_first_year_agencies_points_lost_are_unknown(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _first_year})
    data = json.loads(cli("agencies", *files, "-f", "json").out)
    assert [(row["id"], row["criteria_led"], row["at_stake"]) for row in data["rows"]] == [
        ("alpha", 1, None), ("beta", 1, None), ("gamma", 1, None)]
    lines = cli("agencies", *files).out.splitlines()
    assert lines[4].split() == ["Beta", "Department", "1"]  # no "0" points lost; no id


# Item 3: the sum of nothing ---------------------------------------------------------------

def _leaves_without_baseline(text: str) -> str:
    """Every leaf's baseline removed (1.1, 1.2, 2.1); the printed subtotals kept."""
    out, leaf = [], False
    for line in text.splitlines(keepends=True):
        if line.startswith("  - code:"):
            leaf = "." in line
        if not (leaf and line.startswith("    baseline:")):
            out.append(line)
    return "".join(out)


def test_gap_note_says_unknown_when_no_leaf_value_is_known(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _leaves_without_baseline})
    out = cli("gap", *files).out
    assert ("Points needed, added up over the leaf criteria: unknown (not known for any of "
            "them); from the printed totals: 8.75 − 6.5 = 2.25" in out.splitlines())


def _uncovered(text: str) -> str:
    """Assignments for field 1's leaves only: 2.1 is uncovered."""
    return text.split('  - code: "2.1.1"')[0]


def test_report_uncovered_note_says_unknown_not_zero(cli, tmp_path):
    files = _clean(tmp_path, {"criteria.yaml": _first_year, "assignments.yaml": _uncovered})
    out = cli("report", *files, "--as-of", AS_OF).out
    assert ("1 leaf criteria have no assignment (unknown points needed, unknown points lost):"
            in out.splitlines())


# Item 6: one number per label -------------------------------------------------------------

def test_field_points_needed_say_printed_in_report_and_summed_in_gap(cli):
    """data/criteria_2020.yaml: field 4's printed rows give 3.16, its leaves add up to 3.17."""
    report = cli("report", "--as-of", "2020-10-15").out
    rows = _md_rows(report, "### Fields")
    assert rows[0][5:7] == ["Points needed (as printed)", "Points lost (as printed)"]
    assert [row[5] for row in rows if row[0] == "4"] == ["3.16"]
    assert ("Each field as printed in the plan: its own row, so that a row adds up across. "
            "'parcli gap --by-field' adds up the leaf criteria instead (sum of the criteria); "
            "the two differ where a printed subtotal does not add up (see Data problems)."
            in report.splitlines())
    gap = cli("gap", "--by-field", "-f", "md").out
    header = next(line for line in gap.splitlines() if line.startswith("| "))
    assert [c.strip() for c in header.strip("|").split("|")][2:5] == [
        "Points needed (sum of the criteria)", "Points lost (sum of the criteria)",
        "Headroom (sum of the criteria)"]
    field4 = next(line for line in gap.splitlines() if line.startswith("| 4 "))
    assert field4.split("|")[3].strip() == "3.17"
    data = json.loads(cli("report", "--as-of", "2020-10-15", "-f", "json").out, parse_float=D)
    assert [(f["gain"], f["from"]) for f in data["fields"] if f["code"] == "4"] == [
        (D("3.16"), "printed")]


def test_vietnamese_field_labels_say_which(cli):
    report = cli("report", "--as-of", "2020-10-15", "--lang", "vi").out
    assert _md_rows(report, "### Các lĩnh vực")[0][5:7] == [
        "Điểm cần tăng (theo kế hoạch)", "Điểm bị mất (theo kế hoạch)"]
    gap = cli("gap", "--by-field", "-f", "md", "--lang", "vi").out
    assert "Điểm cần tăng (tính từ các tiêu chí thành phần)" in gap.splitlines()[2]


# Item 11: ties at the cut, bounded --------------------------------------------------------

def _tied_plan(tmp_path: Path, n: int = 30) -> list[str]:
    """One field of `n` leaves, each max 1, baseline 0, target 1, each led by its own agency:
    every leaf loses 1 point and every agency needs 1."""
    leaves = "".join(f'  - code: "1.{i}"\n    name: Tiêu chí {i}\n    max: 1\n    baseline: 0\n'
                     f"    target: 1\n    lead: [Sở {i}]\n" for i in range(1, n + 1))
    (tmp_path / "criteria.yaml").write_text(
        "index: {name: Chỉ số thử, short: TI}\nprovince: {name: Tỉnh Thử}\n"
        "baseline_year: 2029\ntarget_year: 2030\nsource: {title: Kế hoạch thử}\n"
        f"total: {{max: {n}, baseline: 0, target: {n}}}\ncriteria:\n"
        f'  - code: "1"\n    name: Lĩnh vực một\n    max: {n}\n    baseline: 0\n'
        f"    target: {n}\n" + leaves, encoding="utf-8")
    (tmp_path / "agencies.yaml").write_text("agencies:\n" + "".join(
        f"  - id: a{i}\n    name: Sở {i}\n    name_en: Department {i}\n"
        for i in range(1, n + 1)), encoding="utf-8")
    return ["--criteria", str(tmp_path / "criteria.yaml"), "--no-assignments",
            "--agencies", str(tmp_path / "agencies.yaml")]


def test_report_shows_ties_up_to_twice_top_and_counts_the_rest(cli, tmp_path):
    files = _tied_plan(tmp_path)
    result = cli("report", *files, "--as-of", AS_OF)
    assert result.code == 0, result.err
    out = result.out
    criteria = out.split("## The 5 leaf criteria that lost the most points in 2029\n")[1]
    criteria = criteria.split("\n## ")[0]
    assert [row[0] for row in _md_rows(out, "## The 5 leaf criteria that lost the most "
                                            "points in 2029")[1:]] == [
        f"1.{i}" for i in range(1, 11)]
    assert criteria.strip().splitlines()[-3:] == [
        "5 more criteria tie with the last one, so they are listed too.", "",
        "… and 20 more with 1 point lost: see 'parcli gap --basis lost'."]
    agencies = _md_rows(out, "## The 5 agencies with the most points still needed")
    assert len(agencies) == 1 + 10
    assert ("… and 20 more agencies with 1 point needed: see 'parcli gap --by-agency'."
            in out.splitlines())
    data = json.loads(cli("report", *files, "--as-of", AS_OF, "-f", "json").out)
    assert len(data["criteria"]) == 10 and len(data["agencies"]) == 10


def test_report_counts_in_vietnamese_group_thousands(cli, tmp_path):
    """The rest is counted with Vietnamese digit grouping (1.190 = one thousand one
    hundred and ninety)."""
    files = _tied_plan(tmp_path, 1200)
    out = cli("report", *files, "--as-of", AS_OF, "--lang", "vi").out
    assert ("… và 1.190 tiêu chí thành phần khác cùng bị mất 1 điểm: xem "
            "'parcli gap --basis lost'." in out.splitlines())


# Small wrong words ------------------------------------------------------------------------

def test_no_rank_and_a_rounding_difference_are_said_in_words(cli, tmp_path):
    """The clean plan has no rank; its total baseline printed as 6.51 (rows: 6.5) is within
    the tolerance."""
    files = _clean(tmp_path, {"criteria.yaml": lambda s: s.replace(
        "  baseline: 6.5\n", "  baseline: 6.51\n", 1)})
    lines = cli("report", *files, "--as-of", AS_OF).out.splitlines()
    assert lines[2] == ("**2029 score 6.51** → **2030 target 8.75** (as printed). To reach "
                        "the target, **2.24** more points are needed (from the total printed "
                        "in the plan).")
    assert lines[4] == ("The baseline of the leaf criteria adds up to **6.5** points, 0.01 "
                        "points lower than the total of 6.51 printed in the plan, because of "
                        "rounding (within the tolerance of 0.01).")
    vi = cli("report", *files, "--as-of", AS_OF, "--lang", "vi").out.splitlines()
    assert vi[4] == ("Cộng điểm năm trước của các tiêu chí thành phần được **6,5** điểm, thấp "
                     "hơn 0,01 điểm so với tổng 6,51 ghi trong Kế hoạch, do làm tròn (trong "
                     "phạm vi dung sai 0,01).")


def _beta_without_english(text: str) -> str:
    return text.replace("    name_en: Beta Department\n", "")


def test_report_json_name_en_is_null_without_an_english_name(cli, tmp_path):
    files = _clean(tmp_path, {"agencies.yaml": _beta_without_english})
    report = json.loads(cli("report", *files, "--as-of", AS_OF, "-f", "json").out)
    gap = json.loads(cli("gap", "--by-agency", *files, "-f", "json").out)
    assert [(a["agency"], a["name"], a["name_en"]) for a in report["agencies"]] == [
        ("gamma", "Sở Gamma", "Gamma Department"), ("alpha", "Sở Alpha", "Alpha Department"),
        ("beta", "Sở Beta", None)]
    assert [a["name_en"] for a in gap["rows"] if a["agency"] == "beta"] == [None]


def test_untranslated_agency_names_are_italic_in_english(cli, tmp_path):
    files = _clean(tmp_path, {"agencies.yaml": _beta_without_english})
    out = cli("report", *files, "--as-of", AS_OF).out
    assert _md_rows(out, "## The 3 agencies with the most points still needed")[3][0] == (
        "*Sở Beta*")
    assert _md_rows(out, "## The 3 leaf criteria that lost the most points in 2029")[3] == [
        "1.2", "Criterion one two", "0.50", "1.0", "*Sở Beta*"]  # one precision per column
    vi = cli("report", *files, "--as-of", AS_OF, "--lang", "vi").out
    assert "*Sở Beta*" not in vi and "| Sở Beta " in vi


def test_agency_sheet_marks_untranslated_names_and_says_none_is_late(cli, tmp_path):
    files = _clean(tmp_path, {"agencies.yaml": _beta_without_english})
    out = cli("report", "--agency", "alpha", *files, "--as-of", AS_OF).out
    assert "At 2030-03-01, no task is past its due date." in out.splitlines()
    assert "—" not in out
    tasks = _md_rows(out, "## Tasks of Alpha Department")
    assert [row[-2:] for row in tasks[1:]] == [["", "*Sở Beta*"],
                                               ["*Sở Beta*", "Gamma Department"],
                                               ["Gamma Department", "*Sở Beta*"]]
    vi = cli("report", "--agency", "alpha", *files, "--as-of", AS_OF, "--lang", "vi").out
    assert "Đến ngày 01/03/2030, chưa có nhiệm vụ nào đã qua thời hạn." in vi.splitlines()


def test_vietnamese_annex_is_phu_luc_as_the_glossary_says(cli, tmp_path):
    out = cli("report", *_clean(tmp_path), "--as-of", AS_OF, "--lang", "vi").out
    assert "## Phụ lục" in out.splitlines() and "Phần chi tiết" not in out
