"""duplicate-code (error): a code used twice in the same file."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, extra_row, problems, validate


def test_duplicate_code_in_criteria(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[extra_row("2.1")])
    first, second = case.lines("criteria", 'code: "2.1"')
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-code") == [{
        "level": "error", "rule": "duplicate-code", "code": "2.1",
        "file": case.file("criteria"), "line": second, "column": 11,
        "message": f"duplicate code 2.1 (first at line {first})"}]
    # the hierarchy cannot be computed: check refuses the file too
    result = cli("check", "--criteria", case.paths["criteria"])
    assert result.code == 1
    assert f"{case.file('criteria')}:{second}:11: error duplicate code 2.1" in result.err


def test_duplicate_code_in_assignments(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[(
        '    implementers: [Sở Alpha (cơ quan thường trực), Sở Beta]\n',
        '    implementers: [Sở Alpha (cơ quan thường trực), Sở Beta]\n'
        '  - code: "1.1"\n    title: Tiêu chí một một\n    title_en: Again\n')])
    first, second = case.lines("assignments", 'code: "1.1"')
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-code") == [{
        "level": "error", "rule": "duplicate-code", "code": "1.1",
        "file": case.file("assignments"), "line": second, "column": 11,
        "message": f"duplicate code 1.1 (first at line {first})"}]


def test_same_code_in_both_files_is_no_duplicate(cli, tmp_path: Path) -> None:
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "duplicate-code") == []
