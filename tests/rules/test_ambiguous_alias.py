"""ambiguous-alias (error): one spelling that names two agencies of the registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules.conftest import Case, Edit, problems, validate


def _gamma_aliases(*aliases: str) -> Edit:
    return ("    name_en: Gamma Department\n",
            f"    name_en: Gamma Department\n    aliases: [{', '.join(aliases)}]\n")


def test_an_alias_that_is_another_agency_name(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_gamma_aliases("Sở Beta")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "ambiguous-alias") == [{
        "level": "error", "rule": "ambiguous-alias", "code": "gamma",
        "file": case.file("agencies"), "line": case.line("agencies", "aliases: [Sở Beta]"),
        "column": 15,
        "message": f"'Sở Beta' names both beta (line {case.line('agencies', 'id: beta')}) "
                   "and gamma"}]


def test_an_alias_of_two_agencies(cli, tmp_path: Path) -> None:
    shared = "Sở Alpha (cơ quan thường trực)"  # already an alias of alpha
    case = Case(tmp_path, agencies=[_gamma_aliases("Sở Gamma mới", shared)])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["level"], p["line"], p["column"], p["message"])
            for p in problems(data, "ambiguous-alias")] == [
        ("error", case.line("agencies", "Sở Gamma mới"), 29,
         f"'{shared}' names both alpha (line {case.line('agencies', 'id: alpha')}) and gamma")]


def test_an_agency_own_spellings_may_repeat_each_other(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_gamma_aliases("SỞ  GAMMA", "gamma", "Sở Gamma mới")])
    code, data = validate(cli, case)
    assert problems(data, "ambiguous-alias") == []
    assert code == 0


@pytest.mark.parametrize("agency", [
    "  - id: alpha\n    name: Sở Delta\n",   # a duplicate id
    "  - id: delta\n    name: Sở Alpha\n",   # a duplicate name
], ids=["id", "name"])
def test_a_duplicate_agency_is_reported_once(cli, tmp_path: Path, agency: str) -> None:
    """Two entries with one id or one name are duplicate-agency's to report: one mistake,
    one message (not also "'alpha' names both alpha (line 2) and alpha")."""
    case = Case(tmp_path, agencies=[("    name_en: Gamma Department\n",
                                     "    name_en: Gamma Department\n" + agency)])
    code, data = validate(cli, case)
    assert code == 1
    assert [p["rule"] for p in data["errors"]] == ["duplicate-agency"]
