"""schema (error, found while reading): a key or value that does not fit the data format."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate

CLEAN_RESULT = (0, {"errors": [], "warnings": []})


def test_unknown_key(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("    deadline: Quý II\n",
                                        "    deadline: Quý II\n    owner: nobody\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert len(data["errors"]) == 1
    assert problems(data, "schema") == [{
        "level": "error", "rule": "schema", "code": None, "file": case.file("assignments"),
        "line": case.line("assignments", "owner: nobody"), "column": 5,
        "message": "assignments[1].owner: unknown key"}]


def test_baseline_year_must_come_before_target_year(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("baseline_year: 2029", "baseline_year: 2030")])
    code, data = validate(cli, case)
    assert code == 1
    [problem] = problems(data, "schema")
    # at the year that cannot follow the other, not at the top of the file
    assert (problem["level"], problem["file"], problem["line"]) == (
        "error", case.file("criteria"), case.line("criteria", "target_year: 2030"))
    assert problem["message"] == "target_year: target_year 2030 must come after baseline_year 2030"


def test_english_names_and_titles_are_optional(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("    name_en: Field one\n", "")],
                assignments=[("    title_en: Field one\n", ""),
                             ("source: {title: Kế hoạch thử, title_en: Test plan}",
                              "source: {title: Kế hoạch thử}")],
                agencies=[("    name_en: Beta Department\n", "")])
    assert validate(cli, case) == CLEAN_RESULT


def test_assignments_may_name_their_province_and_issue_date(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("year: 2030\n",
                                        "year: 2030\nprovince: Tỉnh Thử\nissued: 2030-01-15\n")])
    assert validate(cli, case) == CLEAN_RESULT


def test_an_issue_date_must_be_a_date(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("year: 2030\n", "year: 2030\nissued: 15/01/2030\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["level"], p["line"], p["column"]) for p in problems(data, "schema")] == [
        ("error", case.line("assignments", "issued:"), 9)]
