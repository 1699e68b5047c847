"""The requirement parser: printed thresholds it must read exactly, and prose it must leave."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from parcli.engine.requirements import (
    ACCEPTED_FORMS,
    Comparison,
    Threshold,
    meets,
    parse_requirement,
)
from parcli.numbers import number

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = ROOT / "data" / "assignments_2020.yaml"
PAR2022 = ROOT / "tests" / "fixtures" / "par2022" / "assignments_2023.yaml"
DOC = ROOT / "docs" / "REQUIREMENTS.md"


def th(metric: str, comparison: Comparison, value: str, unit: str, text: str) -> Threshold:
    return Threshold(metric, comparison, Decimal(value), unit, text)


def _requirements(path: Path) -> dict[str, str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {item["code"]: item["requirement"] for item in data["assignments"]
            if item.get("requirement")}


SHIPPED = _requirements(ASSIGNMENTS)

# (code in data/assignments_2020.yaml, the thresholds it must give, exactly)
PARSED = [
    ("1.1", [th("Hoàn thành Kế hoạch", ">=", "100", "%", "Hoàn thành 100% Kế hoạch.")]),
    ("1.3.1", [th("cơ quan, đơn vị", ">=", "30", "%", "Đạt từ 30% cơ quan, đơn vị trở lên")]),
    ("1.3.2", [th("số vấn đề được xử lý hoặc kiến nghị xử lý", ">=", "100", "%",
                  "100 % số vấn đề được xử lý hoặc kiến nghị xử lý")]),
    ("1.4.1", [th("Hoàn thành kế hoạch", ">=", "100", "%", "Hoàn thành 100% kế hoạch")]),
    ("1.5", [th("sáng kiến hoặc giải pháp mới trong CCHC", ">=", "3", "sáng kiến",
                "Có từ 03 sáng kiến hoặc giải pháp mới trong CCHC trở lên")]),
    ("1.6", [th("Hoàn thành đúng tiến độ nhiệm vụ được giao trong năm", ">=", "100", "%",
                "Hoàn thành đúng tiến độ 100% nhiệm vụ được giao trong năm")]),
    ("2.3", [th("Số văn bản đã được xử lý (hoặc kiến nghị xử lý)/tổng số văn bản phát hiện "
                "qua kiểm tra", ">=", "100", "%", SHIPPED["2.3"])]),
    ("3.2.1", [th("số TTHC được công bố đầy đủ, kịp thời", ">=", "100", "%",
                  "100% số TTHC được công bố đầy đủ, kịp thời")]),
    ("3.2.4", [
        th("Cổng TTĐT và Cổng Dịch vụ công tỉnh công khai TTHC thuộc thẩm quyền giải quyết "
           "của 3 cấp chính quyền tại địa phương", ">=", "100", "%",
           "Cổng TTĐT và Cổng Dịch vụ công tỉnh công khai 100% TTHC thuộc thẩm quyền giải "
           "quyết của 3 cấp chính quyền tại địa phương"),
        th("Trang TTĐT của các sở, ngành; UBND cấp huyện công khai TTHC thuộc thẩm quyền "
           "giải quyết của cơ quan, đơn vị mình", ">=", "100", "%",
           "Trang TTĐT của các sở, ngành; UBND cấp huyện công khai 100% TTHC thuộc thẩm "
           "quyền giải quyết của cơ quan, đơn vị mình."),
    ]),
    ("3.3.2", [th("số TTHC theo danh mục quy định Quyết định số 1291/QĐ-TTg ngày 07/10/2019 "
                  "được thực hiện tại Bộ phận Một cửa các cấp", ">=", "100", "%",
                  SHIPPED["3.3.2"])]),
    ("3.3.3", [th("TTHC", ">=", "50", "TTHC", "Từ 50 TTHC trở lên")]),
    ("3.3.4", [th("TTHC", ">=", "30", "TTHC", "Từ 30 TTHC trở lên")]),
    ("3.4.1", [th("Hồ sơ TTHC trong năm được giải quyết đúng hạn", ">=", "99", "%",
                  "Hồ sơ TTHC trong năm được giải quyết đúng hạn đạt tỷ lệ 99% trở lên")]),
    ("3.4.5", [
        th("UBND cấp huyện thực hiện đánh giá chất lượng giải quyết TTHC và công khai kết quả "
           "đánh giá", ">=", "100", "%",
           "100% UBND cấp huyện thực hiện đánh giá chất lượng giải quyết TTHC và công khai "
           "kết quả đánh giá"),
        th("UBND cấp xã thực hiện đánh giá chất lượng giải quyết TTHC và công khai kết quả "
           "đánh giá", ">=", "80", "%",
           "80% UBND cấp xã thực hiện đánh giá chất lượng giải quyết TTHC và công khai kết "
           "quả đánh giá."),
    ]),
    ("4.1.3", [th("giảm số đơn vị sự nghiệp công lập trên toàn tỉnh giảm so với năm 2015",
                  ">=", "10", "%", SHIPPED["4.1.3"])]),
    ("4.2.3", [th("tỷ lệ", ">=", "10", "%", "Đạt tỷ lệ 10%")]),
    ("5.2.2", [th("Việc tuyển dụng viên chức tại đơn vị sự nghiệp công lập (chỉ tính đơn vị "
                  "sự nghiệp công lập thuộc UBND tỉnh, thuộc cơ quan chuyên môn cấp tỉnh) tuân "
                  "thủ đúng trình tự, thủ tục và thời gian quy định tại Luật Viên chức và các "
                  "văn bản hướng dẫn thi hành", ">=", "100", "%", SHIPPED["5.2.2"])]),
    ("5.7.1", [th("công chức cấp xã đạt chuẩn", ">=", "100", "%",
                  "100% công chức cấp xã đạt chuẩn")]),
    ("6.1.1", [th("Giải ngân so với kế hoạch", ">=", "90", "%",
                  "Giải ngân 90% trở lên so với kế hoạch")]),
    ("6.3.4", [th("Giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015", ">=",
                  "10", "%", SHIPPED["6.3.4"])]),
    ("7.1.2", [th("Tổng số văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng "
                  "điện tử (trừ các văn bản mật)", ">=", "100", "%", SHIPPED["7.1.2"])]),
    ("7.1.4", [th("Hệ thống iGate kết nối liên thông tới sở, ngành, huyện, xã", ">=", "100",
                  "%", "Hệ thống iGate kết nối liên thông tới 100% sở, ngành, huyện, xã")]),
    ("7.2.1", [th("số TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ", ">=", "50",
                  "%", SHIPPED["7.2.1"])]),
    ("7.2.2", [th("số hồ sơ tiếp nhận trực tuyến so với tổng số hồ sơ đã tiếp nhận trong năm "
                  "của các TTHC nêu trên (cả trực tuyến và truyền thống)", ">=", "20", "%",
                  SHIPPED["7.2.2"])]),
    ("7.3.2", [th("số hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI so với tổng số hồ sơ đã tiếp "
                  "nhận trong năm (cả tiếp nhận qua dịch vụ BCCI và qua hình thức khác)", ">=",
                  "10", "%", SHIPPED["7.3.2"])]),
    ("7.4.1", [th("số cơ quan chuyên môn cấp tỉnh và ĐVHC cấp huyện đã công bố Hệ thống quản "
                  "lý chất lượng ISO 9001:2008 hoặc 9001:2015", ">=", "100", "%",
                  SHIPPED["7.4.1"])]),
    ("8.1.1", [th("Trung tâm phục vụ hành chính công tỉnh, Bộ phận Tiếp nhận và Trả kết quả "
                  "cấp huyện, cấp xã đáp ứng yêu cầu", ">=", "100", "%",
                  "Trung tâm phục vụ hành chính công tỉnh, 100% Bộ phận Tiếp nhận và Trả kết "
                  "quả cấp huyện, cấp xã đáp ứng yêu cầu")]),
    ("8.3.1", [th("Tổng số doanh nghiệp thành lập mới tăng so với năm 2019", ">=", "20", "%",
                  SHIPPED["8.3.1"])]),
]

# real requirements that are prose, with why they must stay so
PROSE = [
    "1.2",    # no number at all
    "2.1.1",  # "Đầy đủ 03 hoạt động": a count, but in no accepted form
    "4.1.2",  # "phải ít hơn so với …": relative, no number
    "4.2.1",  # "không vượt quá so với tổng số …": no number after it
    "5.5.2",  # "kỷ luật từ mức khiển trách trở lên": từ … trở lên, but not a number
    "6.2.4",  # "Nghị định 167/NĐ-CP ngày 31/12/2017": a law number and a date
    "6.3.1",  # "tăng so với năm 2019": a year
    "7.1.3",  # "liên thông 4 cấp": a count with no comparison
    "8.1.3",  # seven bullets of prose, one with "01 lần"
    "8.6",    # "kinh tế - xã hội … đạt và vượt chỉ tiêu": a dash that is no bullet
]


@pytest.mark.parametrize(("code", "expected"), PARSED, ids=[code for code, _ in PARSED])
def test_shipped_requirement_parses_exactly(code: str, expected: list[Threshold]) -> None:
    assert parse_requirement(SHIPPED[code]) == expected


@pytest.mark.parametrize("code", PROSE)
def test_shipped_prose_gives_no_threshold(code: str) -> None:
    assert parse_requirement(SHIPPED[code]) == []


@pytest.mark.parametrize("text", [
    "Từ 10% đến 20% số hồ sơ",          # a range
    "Từ 10-20% số hồ sơ",               # a range
    "Đạt 10 - 20%",                     # a range
    "không đạt 100%",                   # negated
    "chưa đạt 90% kế hoạch",            # negated
    "100% cấp huyện, 80% cấp xã",       # two phrases in one clause: which is which?
    "Công khai trên 3 cổng",            # "trên" before a count: also "on"
    "Dưới 5 ngày",                      # "dưới" before a count: also "under"
    "Từ 2015 trở lên",                  # a count of nothing
    "Từ 1.000 TTHC trở lên",            # thousands or a decimal?
    "Từ 99,125% trở lên",               # three decimals: thousands or a decimal?
    "Từ 3, 4 TTHC trở lên",             # two numbers
    "Thực hiện theo Quyết định 1291/QĐ-TTg ngày 07/10/2019",
    "ISO 9001:2015",
    "",
    "   ",
])
def test_unsafe_or_prose_text_gives_none(text: str) -> None:
    assert parse_requirement(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mức độ hài lòng đạt trên 85%", th("Mức độ hài lòng", ">", "85", "%",
                                       "Mức độ hài lòng đạt trên 85%")),
    ("Tỷ lệ hồ sơ trễ hạn dưới 1,5 %", th("Tỷ lệ hồ sơ trễ hạn", "<", "1.5", "%",
                                          "Tỷ lệ hồ sơ trễ hạn dưới 1,5 %")),
    ("Không dưới 90% hồ sơ", th("hồ sơ", ">=", "90", "%", "Không dưới 90% hồ sơ")),
    ("Thời gian giải quyết không quá 5 ngày làm việc",
     th("Thời gian giải quyết ngày làm việc", "<=", "5", "ngày làm việc",
        "Thời gian giải quyết không quá 5 ngày làm việc")),
    ("ĐẠT TỪ 30% CƠ QUAN TRỞ LÊN", th("CƠ QUAN", ">=", "30", "%",
                                      "ĐẠT TỪ 30% CƠ QUAN TRỞ LÊN")),
    ("Từ 5 ngày trở xuống", th("ngày", "<=", "5", "ngày", "Từ 5 ngày trở xuống")),
    ("Ít nhất 02 cuộc kiểm tra", th("cuộc kiểm tra", ">=", "2", "cuộc kiểm tra",
                                    "Ít nhất 02 cuộc kiểm tra")),
    # decomposed input is read as NFC
    (unicodedata.normalize("NFD", "Đạt tỷ lệ 10%"), th("tỷ lệ", ">=", "10", "%",
                                                      "Đạt tỷ lệ 10%")),
])
def test_other_forms(text: str, expected: Threshold) -> None:
    assert parse_requirement(text) == [expected]


def test_each_bullet_gives_its_own_threshold_in_order() -> None:
    assert parse_requirement("- Đạt 100%; - Từ 5 TTHC trở lên; - Đúng quy định") == [
        th("", ">=", "100", "%", "Đạt 100%"),
        th("TTHC", ">=", "5", "TTHC", "Từ 5 TTHC trở lên"),
    ]


# ---- the shipped data ----------------------------------------------------------------------

# Measured on data/assignments_2020.yaml: a change here is a change of the parser (or the data)
# and must be looked at, not just re-counted.
SHIPPED_TOTAL = 85
SHIPPED_PARSED = 51
SHIPPED_THRESHOLDS = 53
SHIPPED_PROSE = {
    "1.2", "1.4.2", "2.1.1", "2.1.2", "3.1.1", "3.2.2", "4.1.2", "4.2.1", "4.2.2", "4.3.1",
    "4.3.2", "5.3.1", "5.3.2", "5.5.1", "5.5.2", "6.1.2", "6.2.1", "6.2.3", "6.2.4", "6.3.1",
    "6.3.2", "7.1.1", "7.1.3", "7.1.5", "7.1.6", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.2",
    "8.3.2", "8.4", "8.5", "8.6",
}


def test_shipped_counts() -> None:
    parsed = {code: parse_requirement(text) for code, text in SHIPPED.items()}
    prose = {code for code, found in parsed.items() if not found}
    counts = {"total": len(parsed), "parsed": len(parsed) - len(prose), "prose": len(prose),
              "thresholds": sum(len(found) for found in parsed.values())}
    print(f"\nrequirements: {counts}")
    assert counts == {"total": SHIPPED_TOTAL, "parsed": SHIPPED_PARSED,
                      "prose": SHIPPED_TOTAL - SHIPPED_PARSED,
                      "thresholds": SHIPPED_THRESHOLDS}
    assert prose == SHIPPED_PROSE


@pytest.mark.parametrize("path", [ASSIGNMENTS, PAR2022], ids=["2020", "par2022"])
def test_every_threshold_keeps_its_printed_clause(path: Path) -> None:
    for code, text in _requirements(path).items():
        for threshold in parse_requirement(text):
            assert threshold.text in text, code
            assert threshold.unit == "%" or threshold.unit in threshold.metric, code
            assert threshold.value >= 0, code


def test_par2022_fixture() -> None:
    found = {code: parse_requirement(text) for code, text in _requirements(PAR2022).items()}
    assert found["2.1"] == [th("Mức độ hài lòng", ">", "85", "%",
                               "Mức độ hài lòng đạt trên 85%")]
    assert found["2.3.1"] == [th("Giải ngân kế hoạch vốn được giao", ">", "95", "%",
                                 "Giải ngân trên 95% kế hoạch vốn được giao")]
    assert sorted(code for code, thresholds in found.items() if thresholds) == [
        "1.2", "1.3", "1.4", "2.1", "2.3.1"]


# ---- meets -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("comparison", "measured", "expected"), [
    (">=", "99", True), (">=", "98.99", False), (">=", "100", True),
    (">", "99", False), (">", "99.01", True),
    ("<=", "99", True), ("<=", "99.01", False),
    ("<", "99", False), ("<", "98.99", True),
    ("=", "99.00", True), ("=", "99.5", False),
])
def test_meets(comparison: Comparison, measured: str, expected: bool) -> None:
    assert meets(th("x", comparison, "99", "%", "x"), Decimal(measured)) is expected


def test_meets_refuses_nan() -> None:
    with pytest.raises(ValueError, match="finite"):
        meets(th("x", ">=", "99", "%", "x"), Decimal("NaN"))


def test_a_threshold_has_a_finite_value() -> None:
    with pytest.raises(ValueError, match="finite"):
        th("x", ">=", "Infinity", "%", "x")


def test_shipped_thresholds_check_results() -> None:
    [on_time] = parse_requirement(SHIPPED["3.4.1"])
    assert meets(on_time, Decimal("99")) and meets(on_time, Decimal("99.4"))
    assert not meets(on_time, Decimal("98.99"))
    [count] = parse_requirement(SHIPPED["3.3.3"])
    assert meets(count, Decimal(50)) and not meets(count, Decimal(49))


PERCENT = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False,
                      allow_infinity=False)


@given(PERCENT, st.sampled_from([".", ","]), st.decimals(min_value=-1000, max_value=1000,
                                                         places=3, allow_nan=False,
                                                         allow_infinity=False))
def test_dat_tu_n_percent_tro_len(n: Decimal, point: str, measured: Decimal) -> None:
    printed = format(n, "f").replace(".", point)
    [threshold] = parse_requirement(f"Đạt từ {printed}% trở lên")
    assert (threshold.comparison, threshold.value, threshold.unit) == (">=", n, "%")
    assert threshold.text == f"Đạt từ {printed}% trở lên"
    assert meets(threshold, measured) is (measured >= n)
    assert meets(threshold, n)


# ---- docs/REQUIREMENTS.md --------------------------------------------------------------------

def _cell(found: list[Threshold]) -> str:
    [threshold] = found
    return (f"`{threshold.comparison} {number(threshold.value)} {threshold.unit}` | "
            f"{threshold.metric or '(none)'}")


def doc_rows() -> list[str]:
    """The rows of the table in docs/REQUIREMENTS.md; print them to regenerate the table."""
    return [f"| `{example}` | {meaning} | {_cell(parse_requirement(example))} |"
            for example, meaning in ACCEPTED_FORMS]


def test_every_accepted_form_parses_to_one_threshold() -> None:
    examples = [example for example, _ in ACCEPTED_FORMS]
    assert len(examples) == len(set(examples))
    assert all(len(parse_requirement(example)) == 1 for example in examples)


def _doc_section(title: str) -> list[str]:
    """The table rows of one "## title" section of docs/REQUIREMENTS.md."""
    doc = DOC.read_text(encoding="utf-8")
    section = doc.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if re.match(r"^\| `", line)]


def test_doc_table_matches_accepted_forms() -> None:
    assert _doc_section("Accepted forms") == doc_rows()


def test_doc_prose_examples_give_none() -> None:
    rows = _doc_section("Read as prose on purpose")
    examples = [text for row in rows for text in re.findall(r"`([^`]+)`", row.split(" | ")[0])]
    assert len(examples) >= 15
    assert [text for text in examples if parse_requirement(text)] == []
