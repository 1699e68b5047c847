"""The models: strict, year-generic rows; good rows load, bad rows say exactly what is wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from parcli.models.agencies import AgencyRegistry
from parcli.models.assignments import Assignment, AssignmentsFile
from parcli.models.criteria import CriteriaFile, Criterion

D = Decimal


def criterion(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"code": "4.3.2", "name": "Tiêu chí", "name_en": "Criterion",
                           "max": D("1.5"), "baseline": D("0.75"), "target": D("1.5")}
    row.update(changes)
    return {key: value for key, value in row.items() if value is not ...}


def criteria_file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": {"name": "Chỉ số", "name_en": "Index", "short": "PAR Index"},
        "province": {"name": "Đắk Lắk", "name_en": "Dak Lak"},
        "baseline_year": 2019, "target_year": 2020,
        "source": {"title": "Kế hoạch", "title_en": "Plan"},
        "total": {"max": 100, "baseline": D("79.53"), "target": D("92.81")},
        "criteria": [criterion(code="1"), criterion(code="1.1")],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}


def assignment(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"code": "1.1", "title": "Kế hoạch CCHC năm",
                           "title_en": "Annual plan", "product": "Kế hoạch",
                           "deadline": "Quý IV", "lead": ["Sở Nội vụ"],
                           "implementers": ["UBND cấp huyện"]}
    row.update(changes)
    return row


def errors(model: type[BaseModel], data: dict[str, Any]) -> list[tuple[Any, ...]]:
    with pytest.raises(ValidationError) as exc:
        model.model_validate(data)
    return [(error["loc"], error["type"], error["msg"]) for error in exc.value.errors()]


def one_error(model: type[BaseModel], data: dict[str, Any]) -> tuple[Any, ...]:
    found = errors(model, data)
    assert len(found) == 1, found
    return found[0]


# --- good rows ---------------------------------------------------------------------------

def test_good_criterion_keeps_exact_decimals() -> None:
    row = Criterion.model_validate(criterion(lead=["Sở Nội vụ"], note="x",
                                             acknowledged={"target": "as printed"}))
    assert (row.max, row.baseline, row.target) == (D("1.5"), D("0.75"), D("1.5"))
    assert all(type(v) is Decimal for v in (row.max, row.baseline, row.target))
    assert row.parent_code == "4.3"
    assert row.value("baseline") == D("0.75")
    assert row.acknowledged == {"target": "as printed"}


def test_ints_become_decimals() -> None:
    row = Criterion.model_validate(criterion(max=2, baseline=0, target=2))
    assert row.max == D(2) and type(row.max) is Decimal


def test_a_row_may_print_no_numbers() -> None:
    row = Criterion.model_validate(criterion(code="8", max=..., baseline=..., target=...))
    assert (row.max, row.baseline, row.target) == (None, None, None)
    assert row.parent_code is None


def test_bounds_are_inclusive() -> None:
    Criterion.model_validate(criterion(max=D("2"), baseline=D("0"), target=D("2")))


def test_good_criteria_file() -> None:
    data = CriteriaFile.model_validate(criteria_file(
        rank={"position": 50, "of": 63},
        sipas={"baseline": D("75.07"), "target": 80, "target_text": "trên 80%"}))
    assert data.total.baseline == D("79.53")
    assert [row.code for row in data.criteria] == ["1", "1.1"]
    assert data.rank is not None and data.rank.position == 50


def test_good_assignment_and_heading() -> None:
    item = Assignment.model_validate(assignment())
    assert not item.is_heading
    heading = Assignment.model_validate({"code": "1", "title": "A", "title_en": "A"})
    assert heading.is_heading
    AssignmentsFile.model_validate({"year": 2020, "source": {"title": "t", "title_en": "t"},
                                    "assignments": [assignment()]})


def test_good_registry() -> None:
    registry = AgencyRegistry.model_validate({"agencies": [
        {"id": "home-affairs", "name": "Sở Nội vụ", "name_en": "Department of Home Affairs",
         "aliases": ["Sở  Nội vụ"]},
        {"id": "district-pcs", "name": "UBND cấp huyện", "name_en": "District PCs"}]})
    assert [agency.id for agency in registry.agencies] == ["home-affairs", "district-pcs"]


def test_models_are_frozen() -> None:
    row = Criterion.model_validate(criterion())
    with pytest.raises(ValidationError):
        row.max = D(3)  # type: ignore[misc]


# --- unknown keys -------------------------------------------------------------------------------

@pytest.mark.parametrize(("model", "data", "loc"), [
    (Criterion, criterion(colour="red"), ("colour",)),
    (Assignment, assignment(owner="x"), ("owner",)),
    (CriteriaFile, criteria_file(year=2020), ("year",)),
    (AgencyRegistry, {"agencies": [{"id": "a", "name": "A", "name_en": "A", "short": "x"}]},
     ("agencies", 0, "short")),
])
def test_unknown_keys_are_rejected(model: type[BaseModel], data: dict[str, Any],
                                   loc: tuple[Any, ...]) -> None:
    assert one_error(model, data) == (loc, "extra_forbidden", "Extra inputs are not permitted")


def test_missing_required_keys() -> None:
    assert errors(Criterion, {"code": "1"}) == [(("name",), "missing", "Field required")]
    assert errors(CriteriaFile, {}) == [((key,), "missing", "Field required") for key in
                                        ("index", "province", "target_year", "total",
                                         "criteria")]
    assert errors(AssignmentsFile, {}) == [
        (("year",), "missing", "Field required"), (("assignments",), "missing", "Field required")]
    assert errors(Assignment, {"code": "1"}) == [(("title",), "missing", "Field required")]
    assert errors(AgencyRegistry, {"agencies": [{"id": "a"}]}) == [
        (("agencies", 0, "name"), "missing", "Field required")]
    assert one_error(CriteriaFile, criteria_file(criteria=[]))[1] == "too_short"
    assert one_error(AgencyRegistry, {"agencies": []})[1] == "too_short"


def test_english_names_source_and_baseline_year_are_optional() -> None:
    row = Criterion.model_validate(criterion(name_en=...))
    assert row.name_en is None
    assert (row.text.en, row.text.vi) == ("Tiêu chí", "Tiêu chí")  # English falls back
    data = CriteriaFile.model_validate(criteria_file(
        index={"name": "Chỉ số", "short": "PAR Index"}, province={"name": "Đắk Lắk"},
        source=..., baseline_year=..., criteria=[criterion(code="1", name_en=...)]))
    assert (data.source, data.baseline_year, data.province.name_en) == (None, None, None)
    item = Assignment.model_validate({key: value for key, value in assignment().items()
                                      if key != "title_en"})
    assert item.title_en is None and item.text.en == "Kế hoạch CCHC năm"
    AssignmentsFile.model_validate({"year": 2020, "source": {"title": "t"},
                                    "assignments": [assignment()]})
    registry = AgencyRegistry.model_validate({"agencies": [{"id": "a", "name": "Sở A"}]})
    assert registry.agencies[0].text.en == "Sở A"


# --- codes --------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["1", "4.3.2", "10.12", "1.1.1.1", "1.a", "a", "I.1",
                                  "II.3", "1.1.a", "IV.2.b.XII", "MCMXCIX", "1.1.đ", "đ"])
def test_good_codes(code: str) -> None:
    assert Criterion.model_validate(criterion(code=code)).code == code


@pytest.mark.parametrize("code", ["1.", ".1", "1..2", "1 .2", "", "A", "1.ab", "IIII", "VX",
                                  "1.Đ", "1.dd", "１.１", "i.V.A"])
def test_bad_code_format(code: str) -> None:
    assert one_error(Criterion, criterion(code=code)) == (
        ("code",), "code_format", f"code '{code}' is not a dotted code such as 4.3.2, 1.1.a "
        "or II.3 (numbers, one letter a-z or đ, Roman numerals)")


@pytest.mark.parametrize(("value", "shown"), [(D("1.1"), "1.1"), (1, "1"), (1.1, "1.1")])
def test_unquoted_numeric_code_gets_a_hint_to_quote(value: Any, shown: str) -> None:
    assert one_error(Criterion, criterion(code=value)) == (
        ("code",), "code_type", f'a code is text: quote it, e.g. code: "{shown}"')
    assert one_error(Assignment, assignment(code=value))[1] == "code_type"


def test_unquoted_two_part_code_is_read_as_a_number_and_refused() -> None:
    # "1.10" unquoted would be the number 1.1: the hint keeps what was written.
    assert one_error(Criterion, criterion(code=D("1.10")))[2] == \
        'a code is text: quote it, e.g. code: "1.10"'


# --- scores -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("column", "value", "message"), [
    ("baseline", D("-0.25"), "baseline -0.25 is outside [0, 1.5]"),
    ("baseline", D("1.51"), "baseline 1.51 is outside [0, 1.5]"),
    ("target", D("2"), "target 2 is outside [0, 1.5]"),
    ("target", -1, "target -1 is outside [0, 1.5]"),
])
def test_scores_outside_zero_to_max(column: str, value: Any, message: str) -> None:
    assert one_error(Criterion, criterion(**{column: value})) == (
        (column,), "score_range", message)


def test_negative_max() -> None:
    found = errors(Criterion, criterion(max=D("-1"), baseline=0, target=0))
    assert found == [(("max",), "score_range", "max -1 is negative")]


def test_total_scores_are_range_checked_too() -> None:
    data = criteria_file(total={"max": 100, "baseline": D("100.01"), "target": 90})
    assert one_error(CriteriaFile, data) == (
        ("total", "baseline"), "score_range", "baseline 100.01 is outside [0, 100]")


def test_total_columns_are_optional_as_in_a_first_year() -> None:
    data = CriteriaFile.model_validate(criteria_file(baseline_year=..., total={"max": 100},
                                                     criteria=[criterion(baseline=...)]))
    assert (data.total.max, data.total.baseline, data.total.target) == (D(100), None, None)
    assert data.criteria[0].baseline is None
    assert CriteriaFile.model_validate(criteria_file(total={})).total.max is None


def test_scores_without_a_max_are_only_bounded_below() -> None:
    assert one_error(Criterion, criterion(max=..., baseline=D("-0.5"))) == (
        ("baseline",), "score_range", "baseline -0.5 is outside [0, ∞)")
    assert one_error(CriteriaFile, criteria_file(total={"target": -1})) == (
        ("total", "target"), "score_range", "target -1 is outside [0, ∞)")
    row = Criterion.model_validate(criterion(max=..., baseline=D("1000"), target=D("1000")))
    assert row.baseline == D(1000)


@pytest.mark.parametrize("baseline_year", [2020, 2021])
def test_baseline_year_comes_before_target_year(baseline_year: int) -> None:
    assert one_error(CriteriaFile, criteria_file(baseline_year=baseline_year)) == (
        ("target_year",), "year_order",
        f"target_year 2020 must come after baseline_year {baseline_year}")
    CriteriaFile.model_validate(criteria_file(baseline_year=2019))


@pytest.mark.parametrize(("column", "value", "error"), [
    ("baseline", D("100.01"), "less_than_equal"),
    ("target", D("-0.01"), "greater_than_equal"),
    ("target", 101, "less_than_equal"),
])
def test_sipas_is_a_percentage(column: str, value: Any, error: str) -> None:
    assert one_error(CriteriaFile, criteria_file(sipas={column: value}))[:2] == (
        ("sipas", column), error)
    data = CriteriaFile.model_validate(criteria_file(sipas={"baseline": 0, "target": 100}))
    assert data.sipas is not None and (data.sipas.baseline, data.sipas.target) == (0, 100)


def test_rank_position_is_at_most_the_number_ranked() -> None:
    assert one_error(CriteriaFile, criteria_file(rank={"position": 64, "of": 63})) == (
        ("rank",), "rank_range", "rank 64 of 63: the position cannot exceed the number ranked")
    data = CriteriaFile.model_validate(criteria_file(rank={"position": 63, "of": 63}))
    assert data.rank is not None and data.rank.position == data.rank.of == 63


def test_criterion_method_is_evidence_or_survey() -> None:
    assert Criterion.model_validate(criterion()).method is None
    for method in ("evidence", "survey"):
        assert Criterion.model_validate(criterion(method=method)).method == method
    assert one_error(Criterion, criterion(method="poll")) == (
        ("method",), "literal_error", "Input should be 'evidence' or 'survey'")


def test_assignments_file_may_name_its_province_and_issue_date() -> None:
    data = AssignmentsFile.model_validate({"year": 2020, "province": "Đắk Lắk",
                                           "issued": "2020-03-02", "assignments": [assignment()]})
    assert (data.province, data.issued) == ("Đắk Lắk", date(2020, 3, 2))
    plain = AssignmentsFile.model_validate({"year": 2020, "assignments": [assignment()]})
    assert (plain.province, plain.issued, plain.source) == (None, None, None)
    assert one_error(AssignmentsFile, {"year": 2020, "province": " ",
                                       "assignments": [assignment()]})[:2] == (
        ("province",), "empty_text")
    assert one_error(AssignmentsFile, {"year": 2020, "issued": "2020-02-30",
                                       "assignments": [assignment()]})[0] == ("issued",)


def test_floats_are_rejected() -> None:
    assert one_error(Criterion, criterion(baseline=0.75)) == (
        ("baseline",), "number_type", "binary floats are not accepted; use Decimal or int")


@pytest.mark.parametrize(("value", "message"), [
    ("0.75", "expected a number, found text '0.75'"),
    (True, "expected a number, found true/false"),
    ([1], "expected a number, found a list"),
    ({"a": 1}, "expected a number, found a mapping"),
])
def test_non_numbers_are_rejected(value: Any, message: str) -> None:
    assert one_error(Criterion, criterion(baseline=value)) == (
        ("baseline",), "number_type", message)


@pytest.mark.parametrize("value", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_non_finite_decimals_are_rejected(value: Decimal) -> None:
    assert one_error(Criterion, criterion(target=value)) == (
        ("target",), "number_type", "expected a finite number")


@pytest.mark.parametrize(("text", "fixed"), [("79,53", "79.53"), (" 0,5 ", "0.5"),
                                             ("-1,25", "-1.25")])
def test_decimal_comma_says_to_use_a_dot(text: str, fixed: str) -> None:
    assert one_error(Criterion, criterion(baseline=text)) == (
        ("baseline",), "decimal_comma",
        f"decimal comma in '{text.strip()}': write {fixed} with a dot")


def test_numbers_too_large_or_too_fine_to_stay_exact() -> None:
    assert one_error(Criterion, criterion(max=D("1E+999999999"))) == (
        ("max",), "number_range", "1E+999999999 is too large (at most 12 digits before the point)")
    assert one_error(Criterion, criterion(baseline=D("1E-30"))) == (
        ("baseline",), "number_range", "1E-30 has too many decimal places (at most 12)")
    Criterion.model_validate(criterion(max=D("999999999999"), baseline=D("0.000000000001"),
                                       target=0))


# --- text ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_names_are_rejected(name: str) -> None:
    assert one_error(Criterion, criterion(name=name)) == (("name",), "empty_text",
                                                          "must not be empty")
    assert one_error(Assignment, assignment(title_en=name))[:2] == (("title_en",), "empty_text")


def test_a_name_must_be_text() -> None:
    assert one_error(Criterion, criterion(name=5))[:2] == (("name",), "string_type")


def test_years_are_strict_ints_in_range() -> None:
    assert one_error(CriteriaFile, criteria_file(baseline_year="2019"))[:2] == (
        ("baseline_year",), "int_type")
    assert one_error(CriteriaFile, criteria_file(target_year=1800))[:2] == (
        ("target_year",), "greater_than_equal")


def test_assignment_carried_fields_are_a_closed_list() -> None:
    Assignment.model_validate(assignment(carried=["deadline", "lead"]))
    assert one_error(Assignment, assignment(carried=["colour"]))[:2] == (
        ("carried", 0), "literal_error")


def test_assignment_lead_must_be_a_list() -> None:
    assert one_error(Assignment, assignment(lead="Sở Nội vụ"))[:2] == (("lead",), "list_type")


@pytest.mark.parametrize("agency_id", ["Home-Affairs", "home affairs", "home--affairs",
                                       "-home", "sở-nội-vụ", ""])
def test_bad_agency_ids(agency_id: str) -> None:
    data = {"agencies": [{"id": agency_id, "name": "A", "name_en": "A"}]}
    assert one_error(AgencyRegistry, data) == (
        ("agencies", 0, "id"), "agency_id",
        f"agency id '{agency_id}' must be ASCII letters a-z (lower case, no diacritics), "
        "digits and single hyphens, such as home-affairs")


def test_empty_alias_is_rejected() -> None:
    data = {"agencies": [{"id": "a", "name": "A", "name_en": "A", "aliases": ["ok", " "]}]}
    assert one_error(AgencyRegistry, data)[:2] == (("agencies", 0, "aliases", 1), "empty_text")
