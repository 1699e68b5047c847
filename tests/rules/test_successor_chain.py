"""successor-chain (error): an agency's successor is no agency of the registry, or the
successors come back to where they started."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, Edit, problems, validate


def _successor(name_en: str, successor: str) -> Edit:
    line = f"    name_en: {name_en}\n"
    return line, f"{line}    until: 2029-06-30\n    successor: {successor}\n"


def test_a_successor_that_is_no_agency(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_successor("Beta Department", "gama")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "successor-chain") == [{
        "level": "error", "rule": "successor-chain", "code": "beta",
        "file": case.file("agencies"), "line": case.line("agencies", "successor: gama"),
        "column": 16,
        "message": "agency beta: successor 'gama' is no agency id in the registry"}]


def test_a_cycle_is_reported_once(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_successor("Beta Department", "gamma"),
                                    _successor("Gamma Department", "beta")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "successor-chain") == [{
        "level": "error", "rule": "successor-chain", "code": "beta",
        "file": case.file("agencies"), "line": case.line("agencies", "successor: gamma"),
        "column": 16,
        "message": "agency beta: its successors come back to it (beta → gamma → beta); one "
                   "of them must have no successor"}]


def test_an_agency_that_succeeds_itself(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_successor("Alpha Department", "alpha")])
    _, data = validate(cli, case)
    assert [p["message"] for p in problems(data, "successor-chain")] == [
        "agency alpha: its successors come back to it (alpha → alpha); one of them must have "
        "no successor"]


def test_a_chain_that_ends_passes(cli, tmp_path: Path) -> None:
    # alpha → beta → gamma: transitive, and gamma has no successor
    case = Case(tmp_path, agencies=[_successor("Alpha Department", "beta"),
                                    _successor("Beta Department", "gamma")])
    _, data = validate(cli, case)
    assert problems(data, "successor-chain") == []


def test_a_successor_needs_a_date(cli, tmp_path: Path) -> None:
    line = "    name_en: Beta Department\n"
    case = Case(tmp_path, agencies=[(line, f"{line}    successor: gamma\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["rule"], p["message"]) for p in data["errors"]] == [
        ("schema", "agencies[1]: agency beta has a successor but no until: give the date "
                   "gamma took over")]
