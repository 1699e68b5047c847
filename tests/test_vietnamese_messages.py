"""Issue 19, items 9-14: what parcli writes itself reads as Vietnamese under `--lang vi`
(errors and usage included), agencies by name, rule descriptions, the official's wording,
headers of at most three lines, and one precision per column. Data: the bundled plan
(data/criteria_2020.yaml, assignments_2020.yaml, agencies.yaml), copies of it edited in
tmp_path, and tests/fixtures/results/results_2020_half.yaml,
tests/fixtures/peers/par_index_2019.yaml."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA, ROOT

HALF = ROOT / "tests" / "fixtures" / "results" / "results_2020_half.yaml"
PEERS = ROOT / "tests" / "fixtures" / "peers" / "par_index_2019.yaml"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # data files are named relative to the working directory


def _copy(tmp_path: Path) -> Path:
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / CRITERIA.name


def _md_rows(out: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")]
            for line in out.splitlines() if line.startswith("|")]


# --- 9. messages parcli writes itself ---------------------------------------------------


def test_a_decimal_comma_in_the_data_is_explained_in_vietnamese(cli, tmp_path) -> None:
    criteria = _copy(tmp_path)
    text = criteria.read_text("utf-8")
    assert text.count("  baseline: 79.53\n") == 1
    criteria.write_text(text.replace("  baseline: 79.53\n", '  baseline: "79,53"\n'), "utf-8")
    line = criteria.read_text("utf-8").splitlines().index('  baseline: "79,53"') + 1
    vi = cli("check", "--lang", "vi", "--criteria", criteria)
    assert vi.code == 1
    assert vi.err == (f"{criteria}:{line}:13: lỗi total.baseline: số '79,53' viết bằng dấu "
                      "phẩy thập phân: trong tệp dữ liệu hãy viết 79.53 (dấu chấm) "
                      "[decimal-comma]\n")
    en = cli("check", "--criteria", criteria)
    assert en.err == (f"{criteria}:{line}:13: error total.baseline: decimal comma in '79,53': "
                      "write 79.53 with a dot [decimal-comma]\n")
    data = json.loads(cli("check", "--lang", "vi", "-f", "json", "--criteria", criteria).out)
    assert data["errors"][0]["rule"] == "decimal-comma"  # machine keys stay


def test_a_yaml_syntax_error_in_vietnamese(cli, tmp_path) -> None:
    broken = tmp_path / "criteria_2020.yaml"
    broken.write_text("x: [1\n", "utf-8")
    result = cli("check", "--lang", "vi", "--criteria", broken)
    assert result.err.startswith(f"{broken}:2:1: lỗi cú pháp YAML không hợp lệ: ")
    assert result.err.endswith(" [yaml-syntax]\n")


def test_an_existing_output_file_in_vietnamese(cli, tmp_path) -> None:
    target = tmp_path / "gap.md"
    target.write_text("keep", "utf-8")
    result = cli("gap", "--lang", "vi", "-f", "md", "-o", target)
    assert result.code == 2
    assert result.err.endswith(f"parcli: lỗi: {target} đã có; thêm --force để ghi đè, hoặc "
                               "dùng -o để ghi ra tệp khác\n")
    assert target.read_text("utf-8") == "keep"


@pytest.mark.parametrize("args, message", [
    (["simulate", "--set", "8.1=9,5"],
     "--set 8.1=9,5: '9,5' không phải là số; hãy viết 9.5 (dấu chấm thập phân)"),
    (["simulate", "--set", "8.1=abc"], "--set 8.1=abc: 'abc' không phải là số"),
    (["simulate", "--set", "9.9=1"], "--set 9.9=1: không có tiêu chí 9.9"),
    (["rank", "--peers", str(PEERS), "--score", "79,53"],
     "--score: '79,53' không phải là số; hãy viết 79.53 (dấu chấm thập phân)"),
    (["due", "--agency", "Sở Nội vu"],
     "--agency: không có cơ quan nào có mã hoặc tên 'Sở Nội vu'; có phải là Sở Nội vụ "
     "(home-affairs)?"),
    (["assignments", "--agency", "nope"],
     "không có cơ quan nào có mã hoặc tên 'nope' (xem danh sách bằng 'parcli agencies')"),
    (["tree", "9.9"], "không có tiêu chí mã 9.9"),
    (["tree", "--search", " "], "--search cần có chữ hoặc số"),
    (["gap", "--field", "9"], "không có lĩnh vực 9 (các lĩnh vực: 1, 2, 3, 4, 5, 6, 7, 8)"),
])
def test_usage_errors_in_vietnamese(cli, args, message) -> None:
    result = cli(*args, "--lang", "vi")
    assert result.code == 2
    assert result.err.splitlines()[-1] == f"parcli: lỗi: {message}"


def test_the_english_messages_say_to_use_a_dot_too(cli) -> None:
    result = cli("simulate", "--set", "8.1=9,5")
    assert result.err == ("parcli: error: --set 8.1=9,5: '9,5' is not a number; write 9.5 "
                          "with a dot\n")


def test_typers_own_messages_follow_the_language_too(cli, monkeypatch) -> None:
    # Typer's parser errors are in Vietnamese too (tests/test_parser_messages.py has each)
    result = cli("gap", "--lang", "vi", "--bogus")
    assert result.code == 2
    assert result.err == ("parcli: lỗi: không có tùy chọn --bogus (các tùy chọn gần giống: "
                          "--verbose) (xem 'parcli gap --help')\n")
    monkeypatch.setenv("PARCLI_LANG", "vi")
    assert cli("gap", "--bogus").err.startswith("parcli: lỗi: không có tùy chọn --bogus")
    assert cli("gap", "--lang", "en", "--bogus").err.startswith("parcli: error: No such")


def test_a_binary_format_on_a_terminal_in_vietnamese(cli, monkeypatch) -> None:
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = cli("gap", "--lang", "vi", "-f", "docx")
    assert result.code == 2
    assert result.err.splitlines()[-1] == ("parcli: lỗi: định dạng này là tệp nhị phân: hãy "
                                           "dùng -o TỆP hoặc chuyển kết quả vào một tệp")


def test_a_checksum_error_never_reads_as_an_error_number(cli, tmp_path) -> None:
    criteria = _copy(tmp_path)
    text = criteria.read_text("utf-8")
    assert text.count("  target: 92.81\n") == 1
    criteria.write_text(text.replace("  target: 92.81\n", "  target: 95\n"), "utf-8")
    err = cli("check", "--lang", "vi", "--criteria", criteria).err
    assert ": lỗi ở dòng tổng, cột mục tiêu năm 2020: số liệu theo kế hoạch 95, " in err
    assert "lỗi total" not in err and not re.search(r"lỗi \d", err)


# --- 10. agencies by name ---------------------------------------------------------------


def test_agencies_by_name_in_human_formats_and_by_id_in_machine_ones(cli) -> None:
    for args in (["gap", "--by-agency"], ["progress", "--by-agency"], ["agencies"],
                 ["simulate", "--set", "8.1=10"]):
        for fmt in ("table", "md"):
            out = cli(*args, "--lang", "vi", "-f", fmt).out
            assert "Sở Nội vụ" in out or "Sở Tài chính" in out, args
            assert not re.search(r"\b(home-affairs|finance|ppc-office)\b", out), (args, fmt)
    md = _md_rows(cli("gap", "--by-agency", "--lang", "vi", "-f", "md").out)
    assert md[0][0] == "Cơ quan" and md[2][0] == "Sở Nội vụ"
    assert md[-1][0] == "Tổng"
    assert "home-affairs,Department of Home Affairs," in cli("gap", "--by-agency",
                                                             "-f", "csv").out
    rows = json.loads(cli("gap", "--by-agency", "-f", "json").out)["rows"]
    assert rows[0]["agency"] == "home-affairs"


def test_agency_option_takes_an_id_a_name_or_an_alias(cli, tmp_path) -> None:
    criteria = _copy(tmp_path)
    registry = tmp_path / AGENCIES.name
    text = registry.read_text("utf-8")
    home = "  - id: home-affairs\n    name: Sở Nội vụ\n"
    assert text.count(home) == 1
    registry.write_text(text.replace(home, home + "    aliases: [SNV]\n"), "utf-8")

    def items(agency: str) -> list[str]:
        result = cli("due", "--criteria", criteria, "--as-of", "2020-10-01",
                     "--agency", agency, "-f", "json")
        assert result.code == 0, result.err
        return [item["code"] for item in json.loads(result.out)["items"]]

    by_id = items("home-affairs")
    assert by_id and items("Sở Nội vụ") == by_id == items("SNV") == items("sở nội vụ")
    listed = json.loads(cli("assignments", "--criteria", criteria, "--agency", "SNV",
                            "-f", "json").out)
    assert listed == json.loads(cli("assignments", "--criteria", criteria, "--agency",
                                    "home-affairs", "-f", "json").out)
    met = json.loads(cli("simulate", "--criteria", criteria, "--assume-met", "Sở Tư pháp",
                         "-f", "json").out)
    assert met == json.loads(cli("simulate", "--criteria", criteria, "--assume-met",
                                 "justice", "-f", "json").out)


# --- 11. rule descriptions ---------------------------------------------------------------


def test_validate_table_shows_rule_descriptions_in_vietnamese(cli) -> None:
    md = _md_rows(cli("validate", "--lang", "vi", "-f", "md").out)
    assert md[0][:3] == ["Vị trí", "Mức độ", "Quy tắc"]
    assert md[2][2] == "tiêu chí thành phần chưa có nhiệm vụ trong Phụ lục II"
    assert not any(re.fullmatch(r"[a-z]+(-[a-z]+)+", row[2]) for row in md[2:])
    csv = cli("validate", "--lang", "vi", "-f", "csv").out.splitlines()
    assert csv[1].split(",")[2] == "uncovered-criterion"
    lines = cli("validate", "--lang", "vi").err + cli("validate", "--lang", "vi").out
    assert " [uncovered-criterion]" in lines  # file:line:col lines keep the id


# --- 12. wording --------------------------------------------------------------------------


def test_check_headers(cli) -> None:
    md = _md_rows(cli("check", "--lang", "vi", "-f", "md").out)
    assert md[0] == ["Nội dung", "Theo kế hoạch", "Tính từ các tiêu chí thành phần",
                     "Chênh lệch"]


def test_title_mismatch_names_both_appendices(cli) -> None:
    out = cli("validate", "--lang", "vi").out
    assert ("data/assignments_2020.yaml:14:12: cảnh báo mục 1 ở Phụ lục II có tên 'CÔNG TÁC "
            "CHỈ ĐẠO, ĐIỀU HÀNH', khác tên ở Phụ lục I: 'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC' "
            "[title-mismatch]") in out


def test_due_summary_and_columns(cli) -> None:
    out = cli("due", "--lang", "vi", "--as-of", "2020-07-01", "-f", "md").out
    assert _md_rows(out)[0][0] == "Thời hạn" and "Tiến độ" in _md_rows(out)[0]
    assert ("Không có nhiệm vụ quá hạn; không có nhiệm vụ đã qua thời hạn (chưa rõ kết quả); "
            "không có nhiệm vụ sắp đến hạn; 3 nhiệm vụ thực hiện thường xuyên; 1 nhiệm vụ thực "
            "hiện theo quy định; 2 nhiệm vụ không ghi thời hạn.") in out
    later = cli("due", "--lang", "vi", "--as-of", "2020-10-01").out
    assert re.search(r"Không có nhiệm vụ quá hạn; \d+ nhiệm vụ đã qua thời hạn \(chưa rõ kết "
                     r"quả\); ", " ".join(later.split()))
    english = cli("due", "--as-of", "2020-07-01").out
    assert ("0 overdue, 0 past their due date (status unknown), 0 due soon, 3 ongoing, 1 per "
            "regulation, 2 without a date.") in " ".join(english.split())


def test_progress_wording(cli) -> None:
    out = " ".join(cli("progress", "--lang", "vi").out.split())
    assert ("Tổng điểm dự kiến 79,53: 0 tiêu chí đã chấm, 80 tiêu chí tạm tính theo điểm năm "
            "2019, không có tiêu chí chưa rõ điểm.") in out
    assert "Mục tiêu năm 2020: 92,81 điểm; còn thiếu 13,28 điểm." in out
    assert "(tiêu chí chưa chấm tạm tính theo điểm năm 2019)" in out


def test_simulate_rank_gap_and_headroom_wording(cli) -> None:
    simulate = " ".join(cli("simulate", "--lang", "vi", "--set", "8.1=10", "--set",
                            "8.2=1").out.split())
    assert "(giả định điểm cho 2 tiêu chí)" in simulate
    assert "Điểm năm 2019" in simulate and "Mục tiêu năm 2020" in simulate
    rank = cli("rank", "--lang", "vi", "--peers", PEERS).out
    assert rank.startswith("Vị trí trong bảng xếp hạng năm 2019 (63 tỉnh, thành phố)\n")
    gap = cli("gap", "--lang", "vi", "--by-agency", "-f", "md").out
    assert gap.startswith("### Cơ quan xếp theo điểm cần tăng (điểm của tiêu chí có nhiều cơ "
                          "quan chủ trì được chia đều cho các cơ quan)\n")
    assert "Khoảng cách từ mục tiêu đến điểm tối đa" in gap
    assert "Điểm còn thiếu so với tối đa" not in gap
    agencies = _md_rows(cli("agencies", "--lang", "vi", "-f", "md").out)
    assert "Số tiêu chí thành phần được giao chủ trì" in agencies[0]
    assert "(dữ liệu có sẵn trong parcli)" in gap and "dữ liệu mẫu" not in gap


# --- 13. headers of at most three lines ----------------------------------------------------


def _header_heights(out: str) -> list[int]:
    """The header's height of each plain table: the lines between its title and its rule."""
    heights, block = [], []
    for line in out.splitlines():
        if re.fullmatch(r"-+( +-+)*", line):
            heights.append(len(block) - 1)  # the title's one line
            block = []
        elif not line.strip():
            block = []
        else:
            block.append(line)
    return heights


@pytest.mark.parametrize("args", [
    ["check"], ["tree"], ["gap"], ["gap", "--by-field"], ["gap", "--basis", "headroom"],
    ["agencies"], ["progress", "--results", str(HALF)],
    ["progress", "--results", str(HALF), "--by-agency"], ["simulate", "--set", "8.1=10"],
    ["due", "--as-of", "2020-10-01", "--results", str(HALF)],
])
def test_vietnamese_headers_take_at_most_three_lines_at_100_columns(cli, monkeypatch,
                                                                    args) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = cli(*args, "--lang", "vi").out
    heights = _header_heights(out)
    assert heights and max(heights) <= 3, (heights, out[:2000])
    assert max(len(line) for line in out.splitlines() if "Dữ liệu:" not in line) <= 100


# --- 14. one precision per column -----------------------------------------------------------


def test_one_precision_per_numeric_column_in_human_formats_exact_values_in_machine_ones(
        cli) -> None:
    md = _md_rows(cli("check", "--lang", "vi", "-f", "md").out)
    assert md[2:5] == [["Điểm tối đa", "100,00", "100,00", "0,00"],
                      ["Điểm năm 2019", "79,53", "79,53", "0,00"],
                      ["Mục tiêu năm 2020", "92,81", "92,79", "0,02"]]
    gap = _md_rows(cli("gap", "--lang", "vi", "--by-agency", "-f", "md").out)
    headroom = [row[3] for row in gap[2:]]
    assert "0,60" in headroom and "0,6" not in headroom
    assert all(re.fullmatch(r"\d+,\d\d", value) for value in headroom)
    rows = json.loads(cli("gap", "--by-agency", "-f", "json").out)["rows"]
    assert [row["headroom"] for row in rows if row["agency"] == "justice"] == [0.6]
    assert "justice,Department of Justice,0.74,1.34,0.6," in cli("gap", "--by-agency",
                                                                 "-f", "csv").out


def test_init_results_comments_in_vietnamese(cli, tmp_path) -> None:
    out = tmp_path / "results_2020.yaml"
    result = cli("init-results", "--lang", "vi", "-o", out)
    assert (result.code, result.err) == (0, f"đã ghi {out}\n")
    text = out.read_text("utf-8")
    assert text.splitlines()[1] == ("# Kết quả thực hiện Kế hoạch năm 2020 (PAR Index, Đắk Lắk): "
                                    "điểm đã chấm và nhiệm vụ đã")
    assert '  - code: "1.1"  # Thực hiện Kế hoạch CCHC năm (điểm tối đa 1,5)' in text
    assert "year: 2020\nresults:\n" in text and "Fill it in" not in text
    assert cli("validate", "--results", out).code == 0  # the keys stay the data format's
