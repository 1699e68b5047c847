"""province-mismatch (error): the assignments file names another province than the criteria."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.conftest import Case, problems, validate


def _province(name: str) -> tuple[str, str]:
    return "year: 2030\n", f"year: 2030\nprovince: {name}\n"


def test_province_mismatch(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[_province("Khánh Hòa")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "province-mismatch") == [{
        "level": "error", "rule": "province-mismatch", "code": None,
        "file": case.file("assignments"), "line": case.line("assignments", "province:"),
        "column": 11, "message": "assignments of Khánh Hòa with the criteria of Tỉnh Thử"}]


@pytest.mark.parametrize("name", ["Tỉnh Thử", "TỈNH  THỬ", "test province"])
def test_the_same_province_passes(cli, tmp_path: Path, name: str) -> None:
    """Its name or English name, case and spacing aside."""
    code, data = validate(cli, Case(tmp_path, assignments=[_province(name)]))
    assert problems(data, "province-mismatch") == []
    assert code == 0


def test_no_province_in_the_assignments_passes(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path))  # the clean fixture names none
    assert problems(data, "province-mismatch") == []
    assert code == 0
