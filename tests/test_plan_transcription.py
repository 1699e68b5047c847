"""The body of the Đắk Lắk 2020 plan, data/plan_2020.yaml, against the printed document
(shared/seeds/000_6c07113d2ed200cb.txt, lines 1 to the "Nơi nhận" line), line by line.

The source is a PDF extraction: lines broken mid-sentence, page numbers alone on a line, "ƣ"
for "ư". It is normalised here on its own (not with parcli's code) and cut into blocks at each
bullet and numbered heading; the YAML must hold every block's words, in the printed order, and
every number with the printed spelling. Targets and goals are read with parcli's requirement
grammar; criteria and Appendix II codes are checked against the other data files. The data
files are read with plain PyYAML.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import yaml

from parcli.engine.plan import Plan
from parcli.engine.requirements import parse_requirement
from parcli.files.dataset import DataPaths
from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA, DATA, ROOT

PLAN = DATA / "plan_2020.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "000_6c07113d2ed200cb.txt"

# Printed in the body, but the plan file has no place for them (the file's header says so).
PART_HEADINGS = {"I": "I. MỤC ĐÍCH, YÊU CẦU", "I.1": "1. Mục đích", "I.2": "2. Yêu cầu",
                 "II": "II. NỘI DUNG THỰC HIỆN", "III": "III. TỔ CHỨC THỰC HIỆN"}
NOTE = ("(Mục tiêu phấn đấu, nhiệm vụ cụ thể tại Phụ lục 1, Phụ lục 2 kèm theo Kế hoạch "
        "này)")

# A block starts at a bullet, a numbered heading (1-9, Roman, a)-z)), the preamble, the
# note after II.8 or the closing paragraph; any other line continues the block before it.
_BLOCK_START = re.compile(r"(?:- |[1-9]\. |[IVX]+\. |[a-zđ]\) |Năm 2019, |Trên đây là |"
                          r"\(Mục tiêu phấn đấu)")
_HEADING_NUMBER = re.compile(r"^(?:[1-9]\. |[IVX]+\. |[a-zđ]\) |- )")
# Numbers as printed: 79,53; 75,07%; 50/63; 24/6/2020; 9001:2015; 30c/NQ-CP; 50/2017/QĐ-TTg.
_NUMBER = re.compile(r"\d+(?:[.,:/]\d+)*(?:[a-z]?/[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-Za-zĐđ]*)*)?%?")

D = Decimal
# code: (comparison, value, unit, Appendix II subjects). Every measurable threshold of Part II.
TARGETS: dict[str, tuple[str, Decimal, str, list[str]]] = {
    "II.1.1.a": (">=", D(100), "%", ["1.1"]),
    "II.3.1.a": (">=", D(100), "%", []),
    "II.3.3.a": (">=", D(100), "%", ["3.3.1"]),
    "II.3.3.b": (">=", D(100), "%", ["3.3.2"]),
    "II.3.4.a": (">=", D(100), "%", ["3.5.1"]),
    "II.4.2.a": (">=", D(10), "%", ["4.1.3"]),
    "II.4.2.b": (">=", D(10), "%", ["4.2.3"]),
    "II.6.1.a": (">=", D(100), "%", ["6.1.1"]),
    "II.6.3.a": (">=", D(10), "%", ["6.3.4"]),
    "II.7.1.a": (">=", D(100), "%", []),
    "II.7.4.a": (">=", D(100), "%", ["7.4.1"]),
    "II.8.1.a": (">=", D(20), "%", ["8.3.1"]),
    "II.8.4.a": (">=", D(4), "%", ["8.4"]),
    "II.8.6.a": (">=", D(100), "%", ["8.6"]),
}
# Clauses given in the brief as they must be transcribed.
TARGET_TEXTS = {
    "II.1.1.a": "hoàn thành 100% Kế hoạch",
    "II.4.2.a": "tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015 đạt từ 10% trở "
                "lên",
    "II.4.2.b": "tỷ lệ giảm biên chế so với năm 2015 đạt từ 10% trở lên",
    "II.6.1.a": "Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ "
                "100%",
    "II.7.4.a": "100% sở, ban, ngành, UBND cấp huyện, UBND cấp xã công bố Hệ thống quản lý "
                "chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2015 đúng lộ trình",
    "II.8.1.a": "Tỷ lệ doanh nghiệp thành lập mới trong năm 2020 tăng từ 20% trở lên so với "
                "năm 2019",
    "II.8.4.a": "Thực hiện thu ngân sách năm 2020 của tỉnh vượt chỉ tiêu từ 4% trở lên theo Kế "
                "hoạch được Chính phủ giao",
    "II.8.6.a": "Hoàn thành 100% hoặc vượt chỉ tiêu phát triển kinh tế - xã hội do HĐND tỉnh "
                "giao",
}
TASKS_PER_FIELD = {"II.1": 5, "II.2": 3, "II.3": 6, "II.4": 3, "II.5": 3, "II.6": 4,
                   "II.7": 4, "II.8": 6}
DUTY_AGENCIES = {
    "III.1": ["departments", "district-pcs"],
    "III.2": ["home-affairs"],
    "III.3": ["finance", "home-affairs", "related-agencies"],
    "III.4": ["information-communications", "home-affairs", "radio-television",
              "dak-lak-newspaper"],
    "III.5": ["fatherland-front", "veterans-association"],
}


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("ƣ", "ư").replace("Ƣ", "Ư"))
    return " ".join(text.split())


def _read(path: Any) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    return _read(PLAN)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def blocks() -> list[str]:
    """The body's blocks, normalised: title, preamble, headings, bullets, closing."""
    if not SEED.is_file():
        pytest.skip(f"the source document is not here: {SEED} (shared/ beside the project)")
    lines = SEED.read_text(encoding="utf-8").splitlines()
    end = next(n for n, line in enumerate(lines) if line.strip().startswith("Nơi nhận"))
    found: list[str] = []
    for raw in lines[:end]:
        line = _normalise(raw)
        if not line or line.isdigit():  # blank, or a page number alone on its line
            continue
        if found and not _BLOCK_START.match(line):
            found[-1] += " " + line
        else:
            found.append(line)
    return found


def _tasks(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for field in plan["fields"]:
        yield from field["tasks"]


def _number(code: str) -> str:
    """A section's printed number: II.7 -> 7."""
    return code.split(".")[-1]


def _printed(plan: dict[str, Any]) -> list[str]:
    """The body as the plan file says it was printed: one block per bullet or heading, with
    the numbering and dashes the codes and groups stand for."""
    out = [plan["preamble"], PART_HEADINGS["I"], PART_HEADINGS["I.1"]]
    out += [f"- {item['text']}" for item in plan["purposes"]]
    out.append(PART_HEADINGS["I.2"])
    out += [f"- {item['text']}" for item in plan["requirements"]]
    out.append(PART_HEADINGS["II"])
    for field in plan["fields"]:
        out.append(f"{_number(field['code'])}. {field['title']}")
        group = None
        for task in field["tasks"]:
            if re.fullmatch(r"[a-zđ]\)", task.get("group") or ""):
                out.append(f"{task['group']} {task['text']}")  # the heading is the task
            else:
                if task.get("group") and task["group"] != group:
                    out.append(task["group"])
                out.append(f"- {task['text']}")
            group = task.get("group")
    out += [NOTE, PART_HEADINGS["III"]]
    for duty in plan["duties"]:
        items = duty["items"]
        if len(items) == 1 and duty["heading"] in items[0]["text"]:
            out.append(f"{_number(duty['code'])}. {items[0]['text']}")  # one paragraph
        else:
            out.append(f"{_number(duty['code'])}. {duty['heading']}")
            out += [f"- {item['text']}" for item in items]
    out.append(plan["closing"])
    return out


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# --- (1) every block of the body, in order -----------------------------------------------

def test_the_title_is_the_printed_one(blocks: list[str], plan: dict[str, Any]) -> None:
    assert blocks[0] == ("KẾ HOẠCH Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng về sự "
                         "phục vụ của cơ quan hành chính Nhà nước năm 2020")
    assert blocks[0].casefold() == plan["source"]["title"].casefold()
    assert plan["source"]["title"] == _read(CRITERIA)["source"]["title"]
    assert plan["source"]["file"] == "seeds/000_6c07113d2ed200cb.txt"
    assert "appendix" not in plan["source"]


def test_every_bullet_and_heading_is_transcribed_in_order(blocks: list[str],
                                                           plan: dict[str, Any]) -> None:
    printed, transcribed = blocks[1:], _printed(plan)
    assert len(printed) == 70
    assert set(printed) - set(transcribed) == set()  # nothing printed is missing
    assert set(transcribed) - set(printed) == set()  # nothing transcribed is not printed
    assert transcribed == printed


def test_the_source_is_cut_where_the_body_is(blocks: list[str]) -> None:
    bullets = [block for block in blocks if block.startswith("- ")]
    assert len(bullets) == 47  # 4 purposes, 3 requirements, 33 tasks, 7 duties
    assert [block[:3] for block in blocks if re.match(r"[a-zđ]\) ", block)] == ["a) ", "b) "]
    assert [block for block in blocks if re.match(r"[IVX]+\. ", block)] == [
        PART_HEADINGS[part] for part in ("I", "II", "III")]
    assert blocks[-1].startswith("Trên đây là Kế hoạch") and blocks[-1].endswith("./.")
    assert NOTE in blocks


def test_codes_number_the_bullets(plan: dict[str, Any]) -> None:
    assert [p["code"] for p in plan["purposes"]] == [f"I.1.{n}" for n in range(1, 5)]
    assert [r["code"] for r in plan["requirements"]] == [f"I.2.{n}" for n in range(1, 4)]
    assert [f["code"] for f in plan["fields"]] == [f"II.{n}" for n in range(1, 9)]
    for field in plan["fields"]:
        codes = [task["code"] for task in field["tasks"]]
        assert codes == [f"{field['code']}.{n}" for n in range(1, len(codes) + 1)]
    assert {f["code"]: len(f["tasks"]) for f in plan["fields"]} == TASKS_PER_FIELD
    assert [duty["code"] for duty in plan["duties"]] == [f"III.{n}" for n in range(1, 6)]
    for duty in plan["duties"]:
        codes = [item["code"] for item in duty["items"]]
        assert codes == [f"{duty['code']}.{n}" for n in range(1, len(codes) + 1)]
    assert [len(duty["items"]) for duty in plan["duties"]] == [5, 2, 1, 1, 1]


def test_section_7_groups(plan: dict[str, Any]) -> None:
    tasks = {task["code"]: task for task in _tasks(plan)}
    assert [tasks[f"II.7.{n}"].get("group") for n in range(1, 5)] == [
        "a) Về ứng dụng CNTT", "a) Về ứng dụng CNTT", "a) Về ứng dụng CNTT", "b)"]
    assert tasks["II.7.4"]["text"].startswith("Triển khai áp dụng hệ thống quản lý chất lượng")
    assert tasks["II.7.4"]["text"].endswith("đúng lộ trình.")
    assert [task["code"] for task in _tasks(plan) if task.get("group")] == [
        "II.7.1", "II.7.2", "II.7.3", "II.7.4"]


def test_text_is_clean_and_as_printed(plan: dict[str, Any]) -> None:
    strings = list(_strings(plan))
    assert len(strings) > 150
    for text in strings:
        assert text == unicodedata.normalize("NFC", text), text
        assert "ƣ" not in text and "Ƣ" not in text, text
        assert text == " ".join(text.split()), text  # single spaces, no line breaks
    tasks = {task["code"]: task["text"] for task in _tasks(plan)}
    assert "Bộ phận Tiếp nhận và Trả kết cấp huyện" in tasks["II.3.5"]  # the source's own typo
    assert tasks["II.1.1"].count("...") == 1 and tasks["II.2.1"].endswith("QPPL...")


def test_every_text_has_english(plan: dict[str, Any]) -> None:
    rows = [*plan["purposes"], *plan["requirements"], *plan["goals"], *_tasks(plan),
            *(item for duty in plan["duties"] for item in duty["items"])]
    assert len(rows) == 4 + 3 + 2 + 34 + 10
    assert [row["code"] for row in rows if not row.get("text_en")] == []
    assert [f["code"] for f in plan["fields"] if not f.get("title_en")] == []


# --- (2) every number, spelled as printed ------------------------------------------------

def _body_numbers(blocks: list[str]) -> Counter[str]:
    """Numbers of the body's text, without the headings' own numbering and the note."""
    return Counter(number for block in blocks if block != NOTE
                   for number in _NUMBER.findall(_HEADING_NUMBER.sub("", block)))


def _file_numbers(plan: dict[str, Any]) -> Counter[str]:
    texts = [plan["source"]["title"], plan["preamble"], plan["closing"],
             *(row["text"] for row in (*plan["purposes"], *plan["requirements"])),
             *(field["title"] for field in plan["fields"]),
             *(task["text"] for task in _tasks(plan)),
             *(duty["heading"] for duty in plan["duties"]),
             *(item["text"] for duty in plan["duties"] for item in duty["items"])]
    return Counter(number for text in texts for number in _NUMBER.findall(text))


def test_every_number_is_spelled_as_printed(blocks: list[str], plan: dict[str, Any]) -> None:
    printed = _body_numbers(blocks)
    assert printed == _file_numbers(plan)
    assert {number: printed[number] for number in (
        "79,53", "50/63", "75,07%", "30c/NQ-CP", "9,38%", "5426/KH-UBND", "24/6/2020",
        "100%", "10%", "20%", "4%", "80%", "50/2017/QĐ-TTg", "31/12/2017", "04/2019/NĐ-CP",
        "11/01/2019", "45/2018/TT-BTC", "07/5/2018", "9001:2015", "2015", "2019", "2020")} == {
        "79,53": 1, "50/63": 1, "75,07%": 1, "30c/NQ-CP": 1, "9,38%": 1, "5426/KH-UBND": 1,
        "24/6/2020": 1, "100%": 9, "10%": 3, "20%": 1, "4%": 1, "80%": 1,
        "50/2017/QĐ-TTg": 1, "31/12/2017": 1, "04/2019/NĐ-CP": 1, "11/01/2019": 1,
        "45/2018/TT-BTC": 1, "07/5/2018": 1, "9001:2015": 1, "2015": 3, "2019": 6,
        "2020": 16}


def test_no_number_is_respelled(plan: dict[str, Any]) -> None:
    """Decimal commas and dates stay as printed: a number written the English way is not."""
    printed = " ".join(_strings({k: v for k, v in plan.items() if k != "source"}))
    for respelled in ("79.53", "75.07", "9.38", "24/06/2020", "100 %", "07/05/2018"):
        assert respelled not in printed, respelled


# --- (3) targets and goals read by the requirement grammar -------------------------------

def test_targets_are_clauses_of_their_task_with_one_threshold(plan: dict[str, Any]) -> None:
    found: dict[str, tuple[str, Decimal, str, list[str]]] = {}
    for task in _tasks(plan):
        targets = task.get("targets", [])
        assert [t["code"] for t in targets] == [f"{task['code']}.{letter}"
                                                for letter in "abcdefgh"[:len(targets)]]
        for target in targets:
            assert target["text"] in task["text"], target["code"]
            thresholds = parse_requirement(target["text"])
            assert len(thresholds) == 1, (target["code"], thresholds)
            (threshold,) = thresholds
            assert threshold.text == target["text"]
            found[target["code"]] = (threshold.comparison, threshold.value, threshold.unit,
                                     target.get("subjects", []))
    assert found == TARGETS
    for code, text in TARGET_TEXTS.items():
        assert next(t for _, t in _targets(plan) if t["code"] == code)["text"] == text


def _targets(plan: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for task in _tasks(plan):
        for target in task.get("targets", []):
            yield task, target


def test_budget_revenue_target_is_at_least_4_percent(plan: dict[str, Any]) -> None:
    task = next(task for task in _tasks(plan) if task["code"] == "II.8.4")
    (threshold,) = parse_requirement(task["targets"][0]["text"])
    assert (threshold.comparison, threshold.value, threshold.unit) == (">=", D(4), "%")
    assert threshold.metric == ("thu ngân sách năm 2020 của tỉnh vượt chỉ tiêu theo Kế hoạch "
                                "được Chính phủ giao")


def test_every_percentage_of_part_ii_is_a_target(plan: dict[str, Any]) -> None:
    for task in _tasks(plan):
        targets = task.get("targets", [])
        assert task["text"].count("%") == len(targets), task["code"]
        if not targets:  # what the grammar would read in a task is one of its targets
            assert parse_requirement(task["text"]) == [], task["code"]
    comparatives = [task["code"] for task in _tasks(plan) if "cao hơn so với" in task["text"]
                    or "tăng so với" in task["text"]]
    assert comparatives == ["II.8.2", "II.8.3", "II.8.5"]  # no number: not targets
    assert all(not task.get("targets") for task in _tasks(plan)
               if task["code"] in comparatives)


def test_goals(plan: dict[str, Any]) -> None:
    purposes = {p["code"]: p["text"] for p in plan["purposes"]}
    goals = {goal["id"]: goal for goal in plan["goals"]}
    assert list(goals) == ["par-rank", "sipas"]
    for goal in goals.values():
        assert goal["code"] == "I.1.4"
        assert goal["text"] in purposes[goal["code"]]
    assert goals["par-rank"]["measure"] == "rank"
    assert goals["par-rank"]["text"] == ("Phấn đấu Chỉ số PAR Index của tỉnh năm 2020 tăng vị "
                                         "thứ xếp hạng so với năm 2019")
    assert parse_requirement(goals["par-rank"]["text"]) == []
    assert goals["sipas"]["measure"] == "threshold"
    assert goals["sipas"]["text"] == "Chỉ số SIPAS của tỉnh đạt trên 80%"
    (threshold,) = parse_requirement(goals["sipas"]["text"])
    assert (threshold.comparison, threshold.value, threshold.unit) == (">", D(80), "%")
    assert threshold.metric == "Chỉ số SIPAS của tỉnh"


# --- (4) codes of the other data files ---------------------------------------------------

def test_fields_serve_the_appendix_i_field_of_their_number(plan: dict[str, Any]) -> None:
    criteria = {row["code"]: row for row in _read(CRITERIA)["criteria"]}
    # section 8 prints field 8's socio-economic indicators only (8.2-8.6): SIPAS (8.1) is
    # a goal, and its lead is not the lead of these tasks
    assert {f["code"]: f["criteria"] for f in plan["fields"]} == {
        **{f"II.{n}": [str(n)] for n in range(1, 8)},
        "II.8": ["8.2", "8.3", "8.4", "8.5", "8.6"]}
    for field in plan["fields"]:
        for code in field["criteria"]:
            assert code in criteria and code.split(".")[0] == field["code"][3:], code
        assert all(not task.get("criteria") for task in field["tasks"])


def test_subjects_are_leaf_items_of_appendix_ii_with_a_requirement(
        plan: dict[str, Any]) -> None:
    items = {row["code"]: row for row in _read(ASSIGNMENTS)["assignments"]}
    subjects = [code for _, target in _targets(plan) for code in target.get("subjects", [])]
    assert len(subjects) == 12
    for code in subjects:
        assert code in items, code
        assert not any(other.startswith(code + ".") for other in items), code
        assert items[code].get("requirement"), code
    assert items["6.1.1"]["title"] == ("Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà "
                                       "nước hàng năm")
    assert items["4.1.3"]["title"] == ("Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với "
                                       "năm 2015")
    assert items["4.2.3"]["title"] == "Tỷ lệ giảm biên chế so với năm 2015"
    assert items["6.3.4"]["title"].startswith("Tỷ lệ giảm chi trực tiếp")
    assert "ISO 9001" in items["7.4.1"]["title"]


def test_duties_name_registry_agencies(plan: dict[str, Any]) -> None:
    registry = Plan(DataPaths(CRITERIA, ASSIGNMENTS, AGENCIES)).registry
    ids = {}
    for duty in plan["duties"]:
        said = " ".join([duty["heading"], *(item["text"] for item in duty["items"])])
        for name in duty["agencies"]:
            assert name.casefold() in said.casefold(), (duty["code"], name)
        ids[duty["code"]] = [registry.resolve(name).id  # type: ignore[union-attr]
                             for name in duty["agencies"]]
    assert ids == DUTY_AGENCIES
    assert [duty["heading"] for duty in plan["duties"]] == [
        "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố",
        "Sở Nội vụ (Cơ quan thường trực công tác CCHC)", "Sở Tài chính",
        "Sở Thông tin và Truyền thông",
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Cựu chiến binh tỉnh"]


def test_parcli_loads_the_file() -> None:
    body = Plan(DataPaths(CRITERIA, ASSIGNMENTS, AGENCIES, plan=PLAN)).plan_file
    assert (body.year, body.province) == (2020, "Đắk Lắk")
    assert (len(body.purposes), len(body.requirements), len(body.goals), len(body.fields),
            len(body.tasks()), len(body.targets()), len(body.duties)) == (4, 3, 2, 8, 34, 14, 5)
    assert PLAN.read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=../schema/plan.schema.json")
