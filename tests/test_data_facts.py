"""Facts of the source document (Đắk Lắk, 2020 plan) pinned in the shipped data files.

The files are read here with plain PyYAML (numbers as exact decimals), independently of
parcli's loader, and the expected values were checked against the printed document
(shared/seeds/000_6c07113d2ed200cb.txt), not copied from parcli's output.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from parcli.engine.plan import Plan
from parcli.files.dataset import DataPaths

DATA = Path(__file__).resolve().parent.parent / "data"
CRITERIA = DATA / "criteria_2020.yaml"
ASSIGNMENTS = DATA / "assignments_2020.yaml"
AGENCIES = DATA / "agencies.yaml"
D = Decimal


class _ExactLoader(yaml.SafeLoader):
    """PyYAML's safe loader, but with numbers as exact decimals."""


_ExactLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: D(loader.construct_scalar(node)))
_ExactLoader.add_constructor(
    "tag:yaml.org,2002:int", lambda loader, node: D(loader.construct_scalar(node)))


def _read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ExactLoader)


@pytest.fixture(scope="module")
def criteria() -> dict[str, Any]:
    return _read(CRITERIA)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def rows(criteria: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["code"]: row for row in criteria["criteria"]}


@pytest.fixture(scope="module")
def assignments() -> list[dict[str, Any]]:
    return _read(ASSIGNMENTS)["assignments"]  # type: ignore[no-any-return]


# --- Appendix I: the criteria ---------------------------------------------------------------

def test_printed_grand_total(criteria: dict[str, Any]) -> None:
    total = criteria["total"]
    assert (total["max"], total["baseline"], total["target"]) == (D(100), D("79.53"), D("92.81"))


def test_rows_per_field(criteria: dict[str, Any]) -> None:
    per_field = Counter(row["code"].split(".")[0] for row in criteria["criteria"])
    assert per_field == {"1": 7, "2": 9, "3": 6, "4": 17, "5": 16, "6": 20, "7": 21, "8": 7}
    assert len(criteria["criteria"]) == 103


def test_rows_per_level_and_leaves(criteria: dict[str, Any]) -> None:
    codes = [row["code"] for row in criteria["criteria"]]
    assert Counter(code.count(".") + 1 for code in codes) == {1: 8, 2: 43, 3: 52}
    assert len(set(codes)) == len(codes)
    parents = {code.rpartition(".")[0] for code in codes}
    assert sum(code not in parents for code in codes) == 80


def test_document_order(criteria: dict[str, Any]) -> None:
    """Every parent comes before its children, and fields appear as 1..8."""
    seen: set[str] = set()
    for row in criteria["criteria"]:
        parent = row["code"].rpartition(".")[0]
        assert not parent or parent in seen, row["code"]
        seen.add(row["code"])
    assert [r["code"] for r in criteria["criteria"] if "." not in r["code"]] == \
        [str(n) for n in range(1, 9)]


@pytest.mark.parametrize(("code", "max_", "baseline", "target", "lead"), [
    ("1", "8.5", "6.5", "8", None),
    ("1.6", "1.5", "0.5", "1", ["Văn phòng UBND tỉnh"]),
    ("2", "10", "8.67", "9.4", None),
    ("2.4", "5", "3.66", "4.4", ["Sở Tư pháp"]),
    ("2.4.1", "1", "0.78", "0.9", ["Sở Tư pháp"]),
    ("3", "14", "13.22", "13.7", None),
    ("3.2", "3.5", "2.75", "3.2", ["Văn phòng UBND tỉnh"]),
    ("3.4", "5", "4.97", "4.98", ["Văn phòng UBND tỉnh"]),
    ("4", "12", "7.74", "10.9", None),
    ("4.1.2", "1.5", "0.5", "1.5", ["Sở Nội vụ"]),
    ("4.3.1", "0.25", "0.25", "0.25", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính",
                                        "Sở Tài nguyên và Môi trường",
                                        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nội vụ"]),
    ("4.3.3", "1", "0", "1", None),
    ("5", "14", "11.47", "12.21", None),
    ("5.9.4", "1", "0.57", "0.62", ["Sở Nội vụ"]),
    ("6", "12.5", "8.41", "11.9", ["Sở Tài chính"]),
    ("6.1.1", "1", "0.86", "1", ["Sở Kế hoạch và Đầu tư"]),
    ("6.4.3", "1", "0.79", "0.85", ["Sở Tài chính"]),
    ("7", "13", "10.16", "12.5", None),
    ("7.1.6", "1", "0", "1", ["Văn phòng UBND tỉnh"]),
    ("7.4", "1", "1", "1", ["Sở Khoa học và Công nghệ"]),
    ("8", "16", "13.36", "14.2", None),
    ("8.1", "10", "7.54", "8.2", ["Sở Nội vụ"]),
    ("8.3", "2", "1.82", "2", None),
    ("8.6", "1", "1", "1", ["Sở Kế hoạch và Đầu tư"]),
])
def test_row_as_printed(rows: dict[str, dict[str, Any]], code: str, max_: str, baseline: str,
                        target: str, lead: list[str] | None) -> None:
    row = rows[code]
    assert (row["max"], row["baseline"], row["target"]) == (D(max_), D(baseline), D(target))
    assert row.get("lead") == lead


def test_rows_without_a_printed_lead(criteria: dict[str, Any]) -> None:
    no_lead = [row["code"] for row in criteria["criteria"] if not row.get("lead")]
    assert no_lead == ["1", "2", "3", "4", "4.1", "4.2", "4.3", "4.3.2", "4.3.3", "4.4", "5",
                       "5.8", "5.9", "6.1", "6.2", "6.3", "6.4", "7", "7.1", "7.2", "7.3", "7.5",
                       "8", "8.3"]


def test_sums_recomputed_independently(criteria: dict[str, Any]) -> None:
    """Where the printed subtotals disagree with their rows (computed here without parcli)."""
    table = criteria["criteria"]
    codes = {row["code"] for row in table}
    leaves = [row for row in table if not any(c.startswith(row["code"] + ".") for c in codes)]
    assert [sum(row[col] for row in leaves) for col in ("max", "baseline", "target")] == \
        [D(100), D("79.53"), D("92.79")]
    fields = [row for row in table if "." not in row["code"]]
    assert [sum(row[col] for row in fields) for col in ("max", "baseline", "target")] == \
        [D(100), D("79.53"), D("92.81")]
    differences = []
    for row in table:
        children = [r for r in table if r["code"].rpartition(".")[0] == row["code"]]
        for col in ("max", "baseline", "target") if children else ():
            computed = sum(child[col] for child in children)
            if computed != row[col]:
                differences.append((row["code"], col, row[col], computed))
    assert differences == [
        ("2", "baseline", D("8.67"), D("8.66")),
        ("3", "target", D("13.7"), D("13.68")),
        ("4", "baseline", D("7.74"), D("7.73")),
        ("5", "baseline", D("11.47"), D("11.48")),
        ("6", "baseline", D("8.41"), D("8.42")),
    ]
    # The only difference beyond the 0.01 tolerance carries a reason in the file.
    acknowledged = {row["code"]: row["acknowledged"] for row in table if "acknowledged" in row}
    assert acknowledged == {"3": {"target": {
        "vi": "giữ nguyên số liệu ghi trong kế hoạch: các tiêu chí của lĩnh vực cộng lại được "
              "13,68",
        "en": "as printed in the source: children sum to 13.68"}}}
    assert "acknowledged" not in criteria["total"]


def test_metadata(criteria: dict[str, Any]) -> None:
    assert criteria["rank"] == {"position": D(50), "of": D(63)}
    assert criteria["sipas"]["baseline"] == D("75.07")
    assert criteria["sipas"]["target"] == D(80)
    assert criteria["sipas"]["target_text"] == "trên 80%"
    assert (criteria["baseline_year"], criteria["target_year"]) == (D(2019), D(2020))
    assert criteria["province"]["name"] == "Đắk Lắk"
    assert criteria["source"]["appendix"] == "Phụ lục I"


def test_parcli_reads_the_printed_numbers_exactly() -> None:
    data = Plan(DataPaths(CRITERIA, ASSIGNMENTS, AGENCIES)).criteria_file
    assert data.total.baseline == D("79.53") and str(data.total.baseline) == "79.53"
    assert data.sipas is not None and data.sipas.baseline == D("75.07")
    assert data.rank is not None and (data.rank.position, data.rank.of) == (50, 63)
    row = next(r for r in data.criteria if r.code == "2.4.1")
    assert (row.max, row.baseline, row.target) == (D(1), D("0.78"), D("0.9"))
    assert all(isinstance(r.baseline, Decimal) for r in data.criteria)


# --- Appendix II: the assignments -----------------------------------------------------------

def test_assignment_counts(assignments: list[dict[str, Any]]) -> None:
    assert len(assignments) == 118
    assert sum(1 for item in assignments if item.get("product")) == 86
    headings = [item["code"] for item in assignments
                if set(item) <= {"code", "title", "title_en", "note"}]
    assert len(headings) == 32
    assert len(headings) + 86 == 118  # every item is either a heading or has a deliverable
    codes = [item["code"] for item in assignments]
    assert len(set(codes)) == 118


def test_assignments_per_field(assignments: list[dict[str, Any]]) -> None:
    per_field = Counter(item["code"].split(".")[0] for item in assignments)
    assert per_field == {"1": 11, "2": 6, "3": 24, "4": 13, "5": 17, "6": 15, "7": 18, "8": 14}


def test_assignment_rows_as_printed(assignments: list[dict[str, Any]]) -> None:
    by_code = {item["code"]: item for item in assignments}
    assert by_code["5.6"]["deadline"] == "Trước ngày 31/01 năm sau"
    assert by_code["1.2"]["deadline"] == "Theo quy định của Bộ Nội vụ"
    assert by_code["3.4.4"]["lead"] == ["Các sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"]
    assert by_code["4.3.1"]["lead"] == ["Sở Nội vụ", "Sở Xây dựng", "Sở Tài nguyên và Môi trường",
                                        "Sở Kế hoạch và Đầu tư", "Sở Tài chính"]
    # printed without a deadline (and without implementers) in the source
    assert "deadline" not in by_code["8.5"] and "deadline" not in by_code["8.6"]
    assert "requirement" not in by_code["6.2.2"]
    assert "5.2" not in by_code  # the document prints 5.2.1 and 5.2.2 without a 5.2 heading


def test_assignments_metadata() -> None:
    data = _read(ASSIGNMENTS)
    assert data["year"] == D(2020)
    assert data["source"]["appendix"] == "Phụ lục II"


# --- Text hygiene and agency resolution -----------------------------------------------------

def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, str):
        yield path, value


@pytest.mark.parametrize("path", [CRITERIA, ASSIGNMENTS, AGENCIES], ids=lambda p: p.name)
def test_text_is_clean(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    strings = list(_strings(_read(path)))
    assert len(strings) > 50
    bad = [(where, text) for where, text in strings
           if "ƣ" in text or "Ƣ" in text or "  " in text or text != text.strip()
           or "\n" in text or "\t" in text or not unicodedata.is_normalized("NFC", text)]
    assert bad == []


def _agency_texts(criteria: dict[str, Any], assignments: list[dict[str, Any]]) -> list[str]:
    texts = [text for row in criteria["criteria"] for text in row.get("lead", [])]
    texts += [text for item in assignments for key in ("lead", "implementers")
              for text in item.get(key, [])]
    return texts


def test_every_agency_text_resolves(criteria: dict[str, Any],
                                    assignments: list[dict[str, Any]]) -> None:
    registry = Plan(DataPaths(CRITERIA, ASSIGNMENTS, AGENCIES)).registry
    texts = _agency_texts(criteria, assignments)
    assert len(texts) > 300
    assert [text for text in texts if registry.resolve(text) is None] == []
    used = {registry.resolve(text).id for text in texts}  # type: ignore[union-attr]
    # provincial-council is named in no lead or implementer; the Fatherland Front and the
    # Veterans' Association only in the plan's body (data/plan_2020.yaml, Part III.5)
    assert used == {agency.id for agency in registry.agencies} - {
        "provincial-council", "fatherland-front", "veterans-association"}


def test_registry_ids_and_names_are_unique() -> None:
    agencies = _read(AGENCIES)["agencies"]
    assert len(agencies) == 20
    ids = [agency["id"] for agency in agencies]
    assert len(set(ids)) == len(ids)
    spellings = [" ".join(text.split()).casefold() for agency in agencies
                 for text in (agency["name"], *agency.get("aliases", []))]
    assert len(set(spellings)) == len(spellings)
