"""plan-mismatch (error): a plan file of another year or province than the criteria file
(tests/fixtures/clean/, edited)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_another_year(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("year: 2030", "year: 2031")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "plan-mismatch") == [{
        "level": "error", "rule": "plan-mismatch", "code": None,
        "file": case.file("plan"), "line": case.line("plan", "year: 2031"), "column": 7,
        "message": "a plan of 2031 with criteria whose target year is 2030 "
                   f"({case.file('criteria')})"}]


def test_another_province(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[("province: Tỉnh Thử", "province: Tỉnh Khác")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "plan-mismatch") == [{
        "level": "error", "rule": "plan-mismatch", "code": None,
        "file": case.file("plan"), "line": case.line("plan", "province: Tỉnh Khác"),
        "column": 11, "message": "a plan of Tỉnh Khác with the criteria of Tỉnh Thử"}]


def test_the_same_year_and_province_pass(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path, plan=[]))
    assert (code, problems(data, "plan-mismatch")) == (0, [])
