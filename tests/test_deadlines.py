"""The deadline parser: every printed form it must read, and the ones it must refuse."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from parcli.engine.deadlines import Due, parse_deadline

ASSIGNMENTS = Path(__file__).resolve().parent.parent / "data" / "assignments_2020.yaml"
YEAR = 2020


@pytest.mark.parametrize(("text", "expected"), [
    # quarters: the last day of that quarter of the plan year
    ("Quý I", date(2020, 3, 31)),
    ("Quý II", date(2020, 6, 30)),
    ("Quý III", date(2020, 9, 30)),
    ("Quý IV", date(2020, 12, 31)),
    ("quý iii", date(2020, 9, 30)),
    ("Trong quý II", date(2020, 6, 30)),
    ("Quý I năm sau", date(2021, 3, 31)),
    ("Quý IV năm 2021", date(2021, 12, 31)),
    ("Quý II 2022", date(2022, 6, 30)),
    # a day and month: that date of the plan year
    ("Trước ngày 01/12", date(2020, 12, 1)),
    ("Trước ngày 31/01 năm sau", date(2021, 1, 31)),
    ("Trước ngày 15/3/2021", date(2021, 3, 15)),
    ("Trước ngày 29/02", date(2020, 2, 29)),  # 2020 is a leap year
    ("Chậm nhất ngày 30/6", date(2020, 6, 30)),
    ("01/12", date(2020, 12, 1)),
    # the year
    ("Trong năm 2020", date(2020, 12, 31)),
    ("Trong năm", date(2020, 12, 31)),
    ("Trong năm 2021", date(2021, 12, 31)),
    ("Trong năm sau", date(2021, 12, 31)),
    # a month: its last day
    ("Tháng 6", date(2020, 6, 30)),
    ("Tháng 2", date(2020, 2, 29)),
    ("Trong tháng 11", date(2020, 11, 30)),
    ("Tháng 6/2021", date(2021, 6, 30)),
    # printed noise the parser tolerates: case, spacing, a final full stop
    ("  TRONG   NĂM   2020 ", date(2020, 12, 31)),
    ("Quý IV.", date(2020, 12, 31)),
])
def test_dated_forms(text: str, expected: date) -> None:
    due = parse_deadline(text, YEAR)
    assert due == Due("date", expected)


def test_quarter_property() -> None:
    assert parse_deadline("Quý III", YEAR).quarter == 3  # type: ignore[union-attr]
    assert parse_deadline("Trước ngày 01/12", YEAR).quarter == 4  # type: ignore[union-attr]
    assert Due("ongoing").quarter is None


@pytest.mark.parametrize("text", ["Thường xuyên", "thường xuyên, liên tục", "Thường xuyên."])
def test_ongoing(text: str) -> None:
    assert parse_deadline(text, YEAR) == Due("ongoing", None)


@pytest.mark.parametrize("text", ["Theo quy định của Bộ Nội vụ", "Theo quy định"])
def test_per_regulation(text: str) -> None:
    assert parse_deadline(text, YEAR) == Due("regulation", None)


def test_relative_forms_follow_the_plan_year() -> None:
    """Nothing about 2020 is built in: the year comes from the file."""
    assert parse_deadline("Quý I", 2031) == Due("date", date(2031, 3, 31))
    assert parse_deadline("Trước ngày 31/01 năm sau", 2031) == Due("date", date(2032, 1, 31))
    assert parse_deadline("Trong năm", 2031) == Due("date", date(2031, 12, 31))
    assert parse_deadline("Tháng 2", 2031) == Due("date", date(2031, 2, 28))


@pytest.mark.parametrize("text", [
    "Quý V",
    "Quý",
    "Quý IIII",
    "Trước ngày 31/02",
    "Trước ngày 29/02 năm sau",  # 2021 is not a leap year
    "Trước ngày 32/01",
    "Trước ngày 01/13",
    "Tháng 13",
    "Tháng 0",
    "sớm",
    "",
    "   ",
    "Trong năm 20",
    "Trong năm 20201",
    "năm ngoái",
    "Quý I, Quý II",
])
def test_rejected(text: str) -> None:
    assert parse_deadline(text, YEAR) is None


def _shipped_deadlines() -> list[str]:
    data = yaml.safe_load(ASSIGNMENTS.read_text(encoding="utf-8"))
    return [item["deadline"] for item in data["assignments"] if "deadline" in item]


def test_every_shipped_deadline_parses() -> None:
    deadlines = _shipped_deadlines()
    assert len(deadlines) == 84  # 86 items with a deliverable; 8.5 and 8.6 print no deadline
    unparsed = [text for text in deadlines if parse_deadline(text, YEAR) is None]
    assert unparsed == []


def test_shipped_deadlines_resolve_as_expected() -> None:
    results = Counter(
        (text, parse_deadline(text, YEAR)) for text in _shipped_deadlines())
    assert results == Counter({
        ("Trong năm 2020", Due("date", date(2020, 12, 31))): 73,
        ("Thường xuyên", Due("ongoing")): 3,
        ("Quý III", Due("date", date(2020, 9, 30))): 2,
        ("Trước ngày 01/12", Due("date", date(2020, 12, 1))): 2,
        ("Quý IV", Due("date", date(2020, 12, 31))): 1,
        ("Theo quy định của Bộ Nội vụ", Due("regulation")): 1,
        ("Trong năm", Due("date", date(2020, 12, 31))): 1,
        ("Trước ngày 31/01 năm sau", Due("date", date(2021, 1, 31))): 1,
    })
