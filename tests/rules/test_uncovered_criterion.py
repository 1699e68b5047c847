"""uncovered-criterion (warning): a leaf criterion that no assignment covers."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_uncovered_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "1.1.1"')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "uncovered-criterion") == [{
        "level": "warning", "rule": "uncovered-criterion", "code": "2.1",
        "file": case.file("criteria"), "line": case.line("criteria", 'code: "2.1"'),
        "column": 11, "message": "criterion 2.1 has no assignment (gain 1, lost 1.5 points)"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_a_heading_alone_does_not_cover_a_criterion(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "heading", assignments=[
        ('  - code: "2.1.1"', '  - code: "2.1"\n    title: Tiêu chí hai một\n'
                              '    title_en: Criterion two one\n  - code: "1.1.1"')])
    _, data = validate(cli, case)
    assert [p["code"] for p in problems(data, "uncovered-criterion")] == ["2.1"]


def test_criterion_covered_through_a_sub_code(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))  # 2.1 is covered by assignment 2.1.1
    assert problems(data, "uncovered-criterion") == []
