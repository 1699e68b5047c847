"""year-mismatch (error): assignments of another year than the criteria's target year."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_year_mismatch(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("year: 2030", "year: 2029")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "year-mismatch") == [{
        "level": "error", "rule": "year-mismatch", "code": None,
        "file": case.file("assignments"), "line": case.line("assignments", "year: 2029"),
        "column": 7,
        "message": "assignments of 2029 with criteria whose target year is 2030 "
                   f"({case.file('criteria')})"}]


def test_the_target_year_in_both_passes(cli, tmp_path: Path) -> None:
    # the clean fixture: assignments of 2030, criteria with target_year 2030
    code, data = validate(cli, Case(tmp_path))
    assert problems(data, "year-mismatch") == []
    assert code == 0


def test_another_year_in_both_passes(cli, tmp_path: Path) -> None:
    # a plan for 2029 with the criteria targeting 2029
    case = Case(tmp_path, assignments=[("year: 2030", "year: 2029")],
                criteria=[("target_year: 2030", "target_year: 2029"),
                          ("baseline_year: 2029", "baseline_year: 2028")])
    code, data = validate(cli, case)
    assert problems(data, "year-mismatch") == []
    assert code == 0
