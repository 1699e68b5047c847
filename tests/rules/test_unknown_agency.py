"""unknown-agency (error): an agency text that matches no id, name or alias of the registry;
the message suggests the nearest agency, diacritics aside."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, Edit, problems, validate

ADD = "add it (or this spelling as an alias) to the registry"
# The registry gains Sở Nội vụ; criterion 1.2's lead becomes a typo of it.
HOME_AFFAIRS: Edit = ("    name_en: Gamma Department\n",
                      "    name_en: Gamma Department\n  - id: home-affairs\n    name: Sở Nội vụ\n")


def _typo(text: str) -> dict[str, list[Edit]]:
    return {"criteria": [("lead: [Sở Beta]", f"lead: [{text}]")], "agencies": [HOME_AFFAIRS]}


def test_unknown_agency_in_both_files(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [Sở Delta]")],
                assignments=[("implementers: [Sở Alpha, Sở Gamma]",
                              "implementers: [Sở Alpha, Sở Gama]")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "unknown-agency") == [
        {"level": "error", "rule": "unknown-agency", "code": "1.2",
         "file": case.file("criteria"), "line": case.line("criteria", "Sở Delta"), "column": 12,
         "message": "unknown agency 'Sở Delta'; did you mean 'Sở Beta' (beta)?"},
        {"level": "error", "rule": "unknown-agency", "code": "1.2",
         "file": case.file("assignments"), "line": case.line("assignments", "Sở Gama]"),
         "column": 30, "message": "unknown agency 'Sở Gama'; did you mean 'Sở Gamma' (gamma)?"},
    ]


def test_unknown_agency_table_names_file_and_line(cli, tmp_path: Path) -> None:
    # nothing in the registry is near 'Sở Omega': the message says to add it
    case = Case(tmp_path, assignments=[("lead: [Sở Gamma]", "lead: [Sở Omega]")])
    result = cli("validate", *case.args())
    assert result.code == 1
    line = case.line("assignments", "Sở Omega")
    assert (f"{case.file('assignments')}:{line}:12: error unknown agency 'Sở Omega': {ADD} "
            "[unknown-agency]\n") in result.out
    assert result.out.endswith("1 error(s), 0 warning(s)\n")


def test_a_typo_suggests_the_nearest_agency(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, **_typo("Sở Nôi vụ"))
    code, data = validate(cli, case)
    assert code == 1
    assert data == {"errors": [{
        "rule": "unknown-agency", "code": "1.2", "file": case.file("criteria"),
        "line": case.line("criteria", "lead: [Sở Nôi vụ]"), "column": 12,
        "message": "unknown agency 'Sở Nôi vụ'; did you mean 'Sở Nội vụ' (home-affairs)?"}],
        "warnings": []}


def test_the_suggestion_folds_diacritics_and_case(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, **_typo("SO NOI VU"))
    _, data = validate(cli, case)
    assert [p["message"] for p in problems(data, "unknown-agency")] == [
        "unknown agency 'SO NOI VU'; did you mean 'Sở Nội vụ' (home-affairs)?"]


def test_the_suggestion_in_vietnamese(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, **_typo("Sở Nôi vụ"))
    _, data = validate(cli, case, "--lang", "vi")
    assert [p["message"] for p in problems(data, "unknown-agency")] == [
        "cơ quan 'Sở Nôi vụ' không có trong danh mục; có phải là 'Sở Nội vụ' (home-affairs)?"]


def test_gap_by_agency_stops_on_a_typo(cli, tmp_path: Path) -> None:
    """No ranking is printed from data with an unknown agency: its points would rank as an
    agency of their own."""
    case = Case(tmp_path, **_typo("Sở Nôi vụ"))
    result = cli("gap", "--by-agency", *case.args())
    assert result.code == 1
    assert result.out == ""
    line = case.line("criteria", "lead: [Sở Nôi vụ]")
    assert result.err == (f"{case.file('criteria')}:{line}:12: error unknown agency "
                          "'Sở Nôi vụ'; did you mean 'Sở Nội vụ' (home-affairs)? "
                          "[unknown-agency]\n")


def test_gap_by_agency_runs_once_the_typo_is_fixed(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, **_typo("Sở Nội vụ"))
    result = cli("gap", "--by-agency", *case.args())
    assert result.code == 0
    assert "Sở Nội vụ" in result.out and "home-affairs" not in result.out  # by name


def test_agency_spellings_that_resolve(cli, tmp_path: Path) -> None:
    """Case, doubled spaces and aliases all resolve (the clean fixture uses each)."""
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [SỞ   BETA]")],
                assignments=[("lead: [Sở Alpha]", "lead: [alpha]")])  # an id resolves too
    _, data = validate(cli, case)
    assert problems(data, "unknown-agency") == []
