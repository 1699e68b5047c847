"""The report during the year (issue 19, items 7, 8 and 12): with a results file it leads with
where the province stands; `--since` lists the scores, statuses and overdue tasks that changed;
the annex lists every due task; the wording an official writes. Data: the bundled plan
(data/criteria_2020.yaml, assignments_2020.yaml, agencies.yaml) and the half-year fixture
tests/fixtures/results/results_2020_half.yaml."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

HALF = ROOT / "tests" / "fixtures" / "results" / "results_2020_half.yaml"
AS_OF = "2020-10-15"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _section(out: str, heading: str) -> list[str]:
    """The lines of the `## heading` section (up to the next heading of level 2)."""
    part = out.split(f"## {heading}\n", 1)[1]
    return part.split("\n## ", 1)[0].strip().splitlines()


def _previous(cli, tmp_path: Path) -> Path:
    """A report's JSON of 1 July, before any result was recorded."""
    result = cli("report", "-f", "json", "--as-of", "2020-07-01")
    assert result.code == 0, result.err
    path = tmp_path / "report_2020-07-01.json"
    path.write_text(result.out, encoding="utf-8")
    return path


def test_since_lists_new_scores_changed_statuses_and_new_overdue_tasks(cli, tmp_path):
    previous = _previous(cli, tmp_path)
    result = cli("report", "--lang", "vi", "--results", HALF, "--since", previous,
                 "--as-of", AS_OF)
    assert result.code == 0, result.err
    lines = [re.sub(r" +", " ", line) for line in
             _section(result.out, "Thay đổi so với báo cáo ngày 01/07/2020")]
    assert "Không có chỉ số nào thay đổi." not in lines
    assert lines[0] == "Điểm mới có hoặc thay đổi (14 tiêu chí thành phần):"
    scores = [line for line in lines if line.startswith("| ") and "chưa có |" in line
              and ("(tự đánh giá)" in line or "(thẩm định)" in line)]
    assert [line.split(" | ")[0][2:] for line in scores] == [
        "1.1", "1.2", "1.3", "1.5", "2.1", "2.2", "2.3", "2.4.1", "2.4.2", "2.4.3", "2.4.4",
        "4.3.1", "4.3.2", "4.3.3"]
    assert "| 1.1 | Thực hiện Kế hoạch CCHC năm | chưa có | 1,5 (tự đánh giá) |" in lines
    # 2.3: the appraised score wins over the self-assessment
    assert ("| 2.3 | Xử lý văn bản phát hiện sai phạm qua kiểm tra | chưa có | 1,25 (thẩm định) |"
            in lines)
    assert "Nhiệm vụ thay đổi tiến độ (5 nhiệm vụ):" in lines
    assert "| 1.2 | Thực hiện chế độ báo cáo CCHC định kỳ | chưa có | đã hoàn thành |" in lines
    assert ("| 1.3.2 | Xử lý các vấn đề phát hiện qua kiểm tra | chưa có | chưa thực hiện |"
            in lines)
    assert "Nhiệm vụ mới quá hạn (2 nhiệm vụ): 1.3.1, 1.3.2." in lines
    assert "| Tổng điểm dự kiến | | 80,37 | |" in lines


def test_since_in_english_and_nothing_changed(cli, tmp_path):
    previous = _previous(cli, tmp_path)
    out = cli("report", "--results", HALF, "--since", previous, "--as-of", AS_OF).out
    lines = _section(out, "Since the report of 2020-07-01")
    assert lines[0] == "Scores new or changed (14 leaf criteria):"
    assert "Became overdue (2): 1.3.1, 1.3.2." in lines
    # the same report again: nothing has changed
    again = tmp_path / "again.json"
    again.write_text(cli("report", "--results", HALF, "-f", "json", "--as-of", AS_OF).out,
                     encoding="utf-8")
    out = cli("report", "--results", HALF, "--since", again, "--as-of", AS_OF).out
    assert _section(out, "Since the report of 2020-10-15") == ["No figure has changed."]


def test_report_json_carries_what_since_needs(cli):
    data = json.loads(cli("report", "--results", HALF, "-f", "json", "--as-of", AS_OF).out)
    figures = data["figures"]
    assert figures["scores"]["2.3"] == 1.25 and figures["stages"]["2.3"] == "appraised"
    assert len(figures["scores"]) == 14
    assert figures["statuses"] == {"1.1": "in-progress", "1.2": "done",
                                   "1.3.1": "in-progress", "1.3.2": "not-started",
                                   "1.5": "in-progress"}
    assert figures["overdue"] == ["1.3.1", "1.3.2"] and figures["passed"] == []
    for key in ("baseline", "target", "computed", "gain", "lost", "agencies", "problems"):
        assert key in figures  # nothing removed
    standing = data["standing"]
    assert (standing["projected"], standing["target"], standing["need"], standing["over"],
            standing["scored"], standing["partial"]) == (80.37, 92.81, 12.44, 0, 14, False)
    assert standing["agencies"][0] == {"agency": "home-affairs", "projected": 30.94,
                                       "target": 34.95, "to_target": 4.01}
    without = json.loads(cli("report", "-f", "json", "--as-of", AS_OF).out)
    assert without["standing"] is None and without["figures"]["scores"] == {}


def test_report_with_results_leads_with_where_the_province_stands(cli):
    out = cli("report", "--lang", "vi", "--results", HALF, "--as-of", AS_OF).out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Kết quả đến nay (theo tệp results_2020_half.yaml)"
    lines = _section(out, "Kết quả đến nay (theo tệp results_2020_half.yaml)")
    assert lines[0] == (
        "Tổng điểm dự kiến: **80,37** điểm so với mục tiêu **92,81** điểm (mỗi tiêu chí thành "
        "phần lấy điểm mới nhất, 14/80 tiêu chí đã có điểm; các tiêu chí khác lấy điểm năm "
        "2019).")
    assert lines[2] == ("Số điểm tăng so với năm 2019: **+0,84** điểm (14 tiêu chí thành phần "
                        "đã có điểm).")
    assert lines[4] == "Để đạt mục tiêu, còn cần tăng thêm **12,44** điểm."
    assert lines[6].startswith("5 cơ quan còn cần tăng nhiều điểm nhất")
    assert re.sub(r" +", " ", lines[10]) == "| Sở Nội vụ | 30,94 | 34,95 | 4,01 |"
    # no results file: no standing section
    plain = cli("report", "--lang", "vi", "--as-of", AS_OF).out
    assert "Kết quả đến nay" not in plain and "Tổng điểm dự kiến" not in plain


def _without_a_baseline(tmp_path: Path) -> list[object]:
    """The bundled plan with criterion 8.1's baseline taken out (and not scored in the
    results): its projection is unknown."""
    text = (ROOT / "data" / "criteria_2020.yaml").read_text(encoding="utf-8")
    block = text.split('  - code: "8.1"\n', 1)[1].split("  - code:", 1)[0]
    assert block.count("    baseline: ") == 1
    lines = [line for line in block.splitlines(keepends=True)
             if not line.startswith("    baseline: ")]
    path = tmp_path / "criteria_2020.yaml"
    path.write_text(text.replace(block, "".join(lines), 1), encoding="utf-8")
    return ["--criteria", path, "--assignments", ROOT / "data" / "assignments_2020.yaml",
            "--agencies", ROOT / "data" / "agencies.yaml", "--results", HALF,
            "--as-of", AS_OF]


def test_a_projection_lacking_criteria_is_a_lower_bound(cli, tmp_path):
    files = _without_a_baseline(tmp_path)
    result = cli("report", *files, "-f", "json")
    assert result.code == 0, result.err
    standing = json.loads(result.out)["standing"]
    assert (standing["partial"], standing["unknown"]) == (True, 1)
    assert (standing["low"], standing["high"]) == (standing["projected"], 82.83)
    assert (standing["need_low"], standing["need"]) == (9.98, 19.98)
    lines = _section(cli("report", *files).out, f"Where the province stands ({HALF.name})")
    assert lines[0].endswith(
        "This is a lower bound: it leaves out the 1 leaf criteria with neither a score nor a "
        "2019 score; with them the total lies between 72.83 and 82.83.")
    assert lines[4] == ("Still needed to reach the target: between 9.98 and **19.98** points, "
                        "depending on the criteria not yet known.")


def test_the_annex_lists_every_due_task_and_the_summary_stays_short(cli):
    out = cli("report", "--lang", "vi", "--as-of", "2020-12-20").out
    summary = _section(out, "Nhiệm vụ đến hạn trước kỳ họp tới (trong 30 ngày)")
    assert sum(line.startswith("| ") for line in summary) == 1 + 10  # header, top 2×5
    assert summary[-1] == ("… và 69 nhiệm vụ khác: xem danh sách đầy đủ ở Phụ lục (mục Thời "
                           "hạn).")
    annex = out.split("### Thời hạn\n", 1)[1].split("\n### ", 1)[0]
    assert "nhiệm vụ khác" not in annex
    codes = {line.split("|")[1].strip() for line in annex.splitlines()
             if line.startswith("| ") and line.split("|")[1].strip()[:1].isdigit()}
    listed = {line.split("|")[1].strip() for line in summary
              if line.startswith("| ") and line.split("|")[1].strip()[:1].isdigit()}
    assert listed <= codes and len(codes) >= 79


def test_wording_an_official_writes(cli):
    vi = cli("report", "--lang", "vi", "--as-of", AS_OF).out
    for line in (
            "Để đạt mục tiêu, cần tăng thêm **13,28** điểm (theo tổng ghi trong Kế hoạch).",
            "Cộng mục tiêu của các tiêu chí thành phần được **92,79** điểm, thấp hơn 0,02 điểm "
            "so với tổng 92,81 ghi trong Kế hoạch, do lĩnh vực 3",
            "Chỉ số SIPAS năm 2019 đạt 75,07%; mục tiêu năm 2020: trên 80%.",
            "Có thêm 2 tiêu chí bằng điểm với tiêu chí cuối nên cũng được liệt kê.",
            "dữ liệu có sẵn trong parcli (Kế hoạch năm 2020 của tỉnh Đắk Lắk)."):
        assert line in vi, line
    early = cli("report", "--lang", "vi", "--as-of", "2020-02-01").out
    assert "Đến ngày 01/02/2020, chưa có nhiệm vụ nào đến hạn." in early.splitlines()
    assert "0/80" not in early


def test_no_year_province_or_total_in_the_report_code():
    """Docstrings may give an example; the code takes the year, the province and the totals
    from the data."""
    constants = []
    for path in [*(ROOT / "parcli" / "commands" / "report").glob("*.py"),
                 ROOT / "parcli" / "i18n.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        constants += [node.value for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and id(node) not in docstrings]
    texts = [c for c in constants if isinstance(c, str)]
    for literal in ("79.53", "92.81", "79,53", "92,81", "Đắk Lắk", "Dak Lak", "2020", "2019"):
        assert not [c for c in texts if literal in c], literal
    assert not {2019, 2020} & {c for c in constants if isinstance(c, int)}
