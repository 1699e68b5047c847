"""duplicate-agency (error): two registry entries with the same id, or the same name."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, Edit, problems, validate


def _agency(id_: str, name: str) -> Edit:
    """An edit of the registry: one more agency after the last one."""
    return ("    name_en: Gamma Department\n",
            f"    name_en: Gamma Department\n  - id: {id_}\n    name: {name}\n")


def test_duplicate_id(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_agency("alpha", "Sở Delta")])
    first, second = case.lines("agencies", "id: alpha")
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-agency") == [{
        "level": "error", "rule": "duplicate-agency", "code": "alpha",
        "file": case.file("agencies"), "line": second, "column": 9,
        "message": f"agency id 'alpha' is already used at line {first}"}]


def test_duplicate_name_case_and_spacing_aside(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_agency("delta", "sở  ALPHA")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "duplicate-agency") == [{
        "level": "error", "rule": "duplicate-agency", "code": "delta",
        "file": case.file("agencies"), "line": case.line("agencies", "name: sở  ALPHA"),
        "column": 11,
        "message": "agency name 'sở  ALPHA' is already used at line "
                   f"{case.line('agencies', 'name: Sở Alpha')}"}]


def test_every_id_and_name_once_passes(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_agency("delta", "Sở Delta")])
    code, data = validate(cli, case)
    assert problems(data, "duplicate-agency") == []
    assert code == 0
