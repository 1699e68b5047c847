"""The deadline parser: every printed form it must read, and the ones it must refuse."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from parcli.engine.deadlines import ACCEPTED_FORMS, Due, parse_deadline

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENTS = ROOT / "data" / "assignments_2020.yaml"
DOC = ROOT / "docs" / "DEADLINES.md"
YEAR = 2020


def on(year: int, month: int, day: int) -> Due:
    return Due("date", date(year, month, day))


@pytest.mark.parametrize(("text", "expected"), [
    # quarters: the last day of that quarter, Roman or Arabic numerals
    ("Quý I", on(2020, 3, 31)),
    ("Quý II", on(2020, 6, 30)),
    ("Quý III", on(2020, 9, 30)),
    ("Quý IV", on(2020, 12, 31)),
    ("Quý 1", on(2020, 3, 31)),
    ("Quý 2", on(2020, 6, 30)),
    ("Quý 3", on(2020, 9, 30)),
    ("Quý 4", on(2020, 12, 31)),
    ("quý iii", on(2020, 9, 30)),
    ("Trong quý II", on(2020, 6, 30)),
    ("Trong quý III", on(2020, 9, 30)),
    ("Đến quý III", on(2020, 9, 30)),
    ("Quý I năm sau", on(2021, 3, 31)),
    ("Quý IV năm 2021", on(2021, 12, 31)),
    ("Quý II 2022", on(2022, 6, 30)),
    ("Quý II/2020", on(2020, 6, 30)),
    ("Quý II / 2021", on(2021, 6, 30)),
    ("Quý 2 năm 2020", on(2020, 6, 30)),
    ("Quý 4/2021", on(2021, 12, 31)),
    # a month: its last day
    ("Tháng 6", on(2020, 6, 30)),
    ("Tháng 2", on(2020, 2, 29)),  # 2020 is a leap year
    ("Tháng 12", on(2020, 12, 31)),
    ("Tháng 06", on(2020, 6, 30)),
    ("Trong tháng 11", on(2020, 11, 30)),
    ("Tháng 6/2021", on(2021, 6, 30)),
    ("Tháng 12 năm 2023", on(2023, 12, 31)),
    ("Tháng 1 năm sau", on(2021, 1, 31)),
    ("06/2020", on(2020, 6, 30)),
    ("2/2021", on(2021, 2, 28)),
    ("Đến 06/2021", on(2021, 6, 30)),
    # half years
    ("6 tháng đầu năm", on(2020, 6, 30)),
    ("6 tháng cuối năm", on(2020, 12, 31)),
    ("Trong 6 tháng đầu năm", on(2020, 6, 30)),
    ("06 tháng đầu năm 2021", on(2021, 6, 30)),
    ("6 tháng cuối năm sau", on(2021, 12, 31)),
    # the year
    ("Trong năm 2020", on(2020, 12, 31)),
    ("Trong năm", on(2020, 12, 31)),
    ("Trong năm 2021", on(2021, 12, 31)),
    ("Trong năm sau", on(2021, 12, 31)),
    # on or by a day: that day
    ("Đến 30/9", on(2020, 9, 30)),
    ("Đến ngày 30/9", on(2020, 9, 30)),
    ("Đến ngày 30 tháng 9", on(2020, 9, 30)),
    ("Chậm nhất ngày 30/6", on(2020, 6, 30)),
    ("Chậm nhất 30/6/2021", on(2021, 6, 30)),
    ("Hạn ngày 15/10", on(2020, 10, 15)),
    ("Hạn 15/10", on(2020, 10, 15)),
    ("Trong ngày 30/9", on(2020, 9, 30)),
    ("01/12", on(2020, 12, 1)),
    ("Ngày 15/01 năm 2021", on(2021, 1, 15)),
    # strictly before a day: the day before
    ("Trước ngày 01/12", on(2020, 11, 30)),
    ("Trước ngày 15/01", on(2020, 1, 14)),
    ("Trước ngày 31/01 năm sau", on(2021, 1, 30)),
    ("Trước ngày 15/3/2021", on(2021, 3, 14)),
    ("Trước ngày 01/01/2021", on(2020, 12, 31)),
    ("Trước ngày 01/03", on(2020, 2, 29)),  # leap year
    ("Trước ngày 29/02", on(2020, 2, 28)),
    ("Trước ngày 30 tháng 6 năm 2023", on(2023, 6, 29)),
    ("Trước ngày 1 tháng 7", on(2020, 6, 30)),
    ("Trước 15/12", on(2020, 12, 14)),
    # recurring
    ("Hằng tháng", Due("recurring", every="month")),
    ("Hàng tháng", Due("recurring", every="month")),
    ("Hằng quý", Due("recurring", every="quarter")),
    ("Hàng quý", Due("recurring", every="quarter")),
    ("Hằng năm", Due("recurring", every="year")),
    ("Hàng năm", Due("recurring", every="year")),
    # printed noise the parser tolerates: case, spacing, a final full stop or semicolon
    ("  TRONG   NĂM   2020 ", on(2020, 12, 31)),
    ("Quý IV.", on(2020, 12, 31)),
    ("Quý IV ;", on(2020, 12, 31)),
    ("ĐẾN  30 / 9.", on(2020, 9, 30)),
    ("HẰNG QUÝ.", Due("recurring", every="quarter")),
])
def test_forms(text: str, expected: Due) -> None:
    assert parse_deadline(text, YEAR) == expected


@pytest.mark.parametrize("text", ["Trước ngày 30 tháng 6 năm 2023", "Hằng quý", "Quý II/2020",
                                  "6 tháng đầu năm", "Đến 30/9"])
def test_decomposed_unicode(text: str) -> None:
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert parse_deadline(nfd, YEAR) == parse_deadline(text, YEAR) is not None


def test_quarter_property() -> None:
    assert parse_deadline("Quý III", YEAR).quarter == 3  # type: ignore[union-attr]
    assert parse_deadline("Trước ngày 01/12", YEAR).quarter == 4  # type: ignore[union-attr]
    assert parse_deadline("Trước ngày 01/10", YEAR).quarter == 3  # type: ignore[union-attr]
    assert Due("ongoing").quarter is None
    assert Due("recurring", every="quarter").quarter is None


@pytest.mark.parametrize("text", ["Thường xuyên", "thường xuyên, liên tục", "Thường xuyên.",
                                  "Thường xuyên (hằng năm)"])
def test_ongoing(text: str) -> None:
    assert parse_deadline(text, YEAR) == Due("ongoing", None)


@pytest.mark.parametrize("text", ["Theo quy định của Bộ Nội vụ", "Theo quy định"])
def test_per_regulation(text: str) -> None:
    assert parse_deadline(text, YEAR) == Due("regulation", None)


def test_relative_forms_follow_the_plan_year() -> None:
    """Nothing about 2020 is built in: the year comes from the file."""
    assert parse_deadline("Quý I", 2031) == on(2031, 3, 31)
    assert parse_deadline("Trước ngày 31/01 năm sau", 2031) == on(2032, 1, 30)
    assert parse_deadline("Trong năm", 2031) == on(2031, 12, 31)
    assert parse_deadline("Tháng 2", 2031) == on(2031, 2, 28)
    assert parse_deadline("6 tháng đầu năm", 2031) == on(2031, 6, 30)
    assert parse_deadline("Trước ngày 01/03", 2031) == on(2031, 2, 28)


# ---- the year rule ------------------------------------------------------------------------

def test_without_issue_date_a_day_is_in_the_plan_year() -> None:
    assert parse_deadline("Trước ngày 15/01", 2020) == on(2020, 1, 14)
    assert parse_deadline("Đến 30/9", 2020) == on(2020, 9, 30)
    # a literal consequence: "before 1 January" without a year ends the previous year
    assert parse_deadline("Trước ngày 01/01", 2020) == on(2019, 12, 31)


@pytest.mark.parametrize(("text", "issued", "expected"), [
    # due before the plan was issued: next year's
    ("Trước ngày 15/01", date(2020, 2, 10), on(2021, 1, 14)),
    ("Đến 30/01", date(2020, 2, 10), on(2021, 1, 30)),
    ("Trước ngày 01/01", date(2020, 2, 10), on(2020, 12, 31)),
    ("Đến ngày 15 tháng 1", date(2020, 2, 10), on(2021, 1, 15)),
    ("01/02", date(2020, 2, 10), on(2021, 2, 1)),
    # on or after the issue date: the plan year
    ("Trước ngày 15/03", date(2020, 2, 10), on(2020, 3, 14)),
    ("Đến 10/02", date(2020, 2, 10), on(2020, 2, 10)),  # due on the issue day itself
    # "Trước ngày 10/02" issued 10/02 would be due 09/02, already past: next year
    ("Trước ngày 10/02", date(2020, 2, 10), on(2021, 2, 9)),
    ("Trước ngày 11/02", date(2020, 2, 10), on(2020, 2, 10)),
    # a plan issued late in the previous year: its January dates are the plan year's
    ("Trước ngày 15/01", date(2019, 12, 20), on(2020, 1, 14)),
    # an explicit year always wins, "năm sau" is always the plan year + 1
    ("Trước ngày 15/01/2020", date(2020, 2, 10), on(2020, 1, 14)),
    ("Đến 30 tháng 1 năm 2020", date(2020, 2, 10), on(2020, 1, 30)),
    ("Trước ngày 15/01 năm sau", date(2020, 2, 10), on(2021, 1, 14)),
    ("Trước ngày 15/01 năm sau", date(2019, 12, 20), on(2021, 1, 14)),
    # quarters, months, half years and years ignore the issue date
    ("Quý I", date(2020, 5, 1), on(2020, 3, 31)),
    ("Tháng 1", date(2020, 5, 1), on(2020, 1, 31)),
    ("6 tháng đầu năm", date(2020, 7, 1), on(2020, 6, 30)),
    ("Trong năm", date(2021, 1, 5), on(2020, 12, 31)),
    ("Hằng quý", date(2020, 5, 1), Due("recurring", every="quarter")),
])
def test_year_rule_with_issue_date(text: str, issued: date, expected: Due) -> None:
    assert parse_deadline(text, 2020, issued=issued) == expected


def test_next_year_must_exist() -> None:
    # 29/02/2020 is before the issue date, and 29/02/2021 does not exist
    assert parse_deadline("Đến 29/02", 2020, issued=date(2020, 3, 1)) is None


@pytest.mark.parametrize("text", [
    "Quý V",
    "Quý",
    "Quý IIII",
    "Quý 0",
    "Quý 5",
    "Quý II/20",
    "Trước ngày 31/02",
    "Trước ngày 31/2",
    "Đến 31/4",
    "Đến ngày 31 tháng 6",
    "Trước ngày 29/02 năm sau",  # 2021 is not a leap year
    "Trước ngày 32/01",
    "Trước ngày 01/13",
    "Trước ngày 00/12",
    "Trước ngày 01/01/0001",  # the day before does not exist
    "Tháng 13",
    "Tháng 0",
    "13/2020",
    "00/2020",
    "Hằng tuần",
    "Hằng",
    "3 tháng đầu năm",
    "6 tháng giữa năm",
    "sớm",
    "",
    "   ",
    ".",
    "Trong năm 20",
    "Trong năm 20201",
    "năm ngoái",
    "Quý I, Tháng 6",  # a list of quarters reads (tests/test_deadline_forms.py), no mix
    "Quý IV (năm 2020)",  # a remark after a dated form is not dropped
    "Hằng quý, báo cáo Sở Nội vụ",
])
def test_rejected(text: str) -> None:
    assert parse_deadline(text, YEAR) is None


# ---- recurring deadlines -------------------------------------------------------------------

@pytest.mark.parametrize(("every", "as_of", "expected"), [
    ("quarter", date(2020, 9, 30), date(2020, 9, 30)),
    ("quarter", date(2020, 10, 1), date(2020, 12, 31)),
    ("quarter", date(2020, 1, 1), date(2020, 3, 31)),
    ("quarter", date(2020, 3, 31), date(2020, 3, 31)),
    ("quarter", date(2020, 4, 1), date(2020, 6, 30)),
    ("quarter", date(2020, 12, 31), date(2020, 12, 31)),
    ("quarter", date(2021, 1, 1), date(2021, 3, 31)),
    ("month", date(2020, 2, 1), date(2020, 2, 29)),
    ("month", date(2021, 2, 28), date(2021, 2, 28)),
    ("month", date(2021, 3, 1), date(2021, 3, 31)),
    ("year", date(2020, 12, 31), date(2020, 12, 31)),
    ("year", date(2021, 1, 1), date(2021, 12, 31)),
])
def test_next_on_or_after(every: str, as_of: date, expected: date) -> None:
    due = parse_deadline({"month": "Hằng tháng", "quarter": "Hàng quý", "year": "Hằng năm"}[every],
                         YEAR)
    assert due is not None and due.kind == "recurring" and due.every == every
    assert due.next_on_or_after(as_of) == expected


def test_next_on_or_after_other_kinds() -> None:
    due = on(2020, 11, 30)
    assert due.next_on_or_after(date(2020, 1, 1)) == date(2020, 11, 30)
    assert due.next_on_or_after(date(2021, 1, 1)) == date(2020, 11, 30)  # overdue stays due
    for kind in ("ongoing", "regulation"):
        with pytest.raises(ValueError, match="no due date"):
            Due(kind).next_on_or_after(date(2020, 1, 1))


def test_due_rejects_inconsistent_fields() -> None:
    with pytest.raises(ValueError):
        Due("date")
    with pytest.raises(ValueError):
        Due("recurring")
    with pytest.raises(ValueError):
        Due("ongoing", every="year")
    with pytest.raises(ValueError):
        Due("recurring", date(2020, 1, 1), every="year")


@given(st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 31)),
       st.booleans(), st.integers(min_value=1900, max_value=2100),
       st.none() | st.dates(), st.sampled_from(["Đến", "Đến ngày", "Chậm nhất ngày", "Hạn", ""]))
def test_explicit_day_property(day: date, pad: bool, plan_year: int, issued: date | None,
                               prefix: str) -> None:
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if pad else (str(day.day), str(day.month))
    printed = f"{d}/{m}/{day.year:04d}"
    assert parse_deadline(f"{prefix} {printed}", plan_year, issued=issued) == Due("date", day)
    before = parse_deadline(f"Trước ngày {printed}", plan_year, issued=issued)
    assert before == Due("date", day - timedelta(days=1))
    in_words = parse_deadline(f"Trước ngày {d} tháng {m} năm {day.year:04d}", plan_year)
    assert in_words == before


# ---- the documented forms ------------------------------------------------------------------

def _due_cell(due: Due) -> str:
    if due.kind == "date":
        return ", ".join(map(str, due.dates))
    if due.kind == "recurring" and due.day is not None:
        on = f"{due.day:02d}/{due.month:02d}" if due.month else f"day {due.day}"
        return f"each {due.every}, {'the day before ' if due.before else ''}{on} (recurring)"
    if due.kind == "recurring":
        return f"each {due.every} end (recurring)"
    return f"none ({due.kind})"


def doc_rows(year: int = YEAR) -> list[str]:
    """The rows of the table in docs/DEADLINES.md; print them to regenerate the table."""
    rows = []
    for example, meaning in ACCEPTED_FORMS:
        due = parse_deadline(example, year)
        assert due is not None, example
        rows.append(f"| `{example}` | {meaning} | {_due_cell(due)} |")
    return rows


def test_every_accepted_form_parses() -> None:
    examples = [example for example, _ in ACCEPTED_FORMS]
    assert len(examples) == len(set(examples))
    assert all(parse_deadline(example, YEAR) is not None for example in examples)


def test_doc_table_matches_accepted_forms() -> None:
    doc = DOC.read_text(encoding="utf-8")
    table = [line for line in doc.splitlines() if re.match(r"^\| `", line)]
    assert table[:len(ACCEPTED_FORMS)] == doc_rows()
    # and every example of the doc is one of the code's
    assert len(table) == len(ACCEPTED_FORMS)


# ---- the shipped data ----------------------------------------------------------------------

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
        ("Trong năm 2020", on(2020, 12, 31)): 73,
        ("Thường xuyên", Due("ongoing")): 3,
        ("Quý III", on(2020, 9, 30)): 2,
        ("Trước ngày 01/12", on(2020, 11, 30)): 2,  # strictly before 1 December
        ("Quý IV", on(2020, 12, 31)): 1,
        ("Theo quy định của Bộ Nội vụ", Due("regulation")): 1,
        ("Trong năm", on(2020, 12, 31)): 1,
        ("Trước ngày 31/01 năm sau", on(2021, 1, 30)): 1,  # strictly before 31 January
    })
