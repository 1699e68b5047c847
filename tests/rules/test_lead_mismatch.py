"""lead-mismatch (warning): an assignment led by other agencies than its criterion."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_lead_mismatch_with_the_criterion_own_lead(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("lead: [sở beta]", "lead: [Sở Gamma]")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "lead-mismatch") == [{
        "level": "warning", "rule": "lead-mismatch", "code": "1.2",
        "file": case.file("assignments"),
        "line": case.line("assignments", "lead: [Sở Gamma]", after='code: "1.2"'),
        "column": 11, "message": "assignment 1.2 is led by gamma; criterion 1.2 by beta"}]


def test_lead_mismatch_with_an_inherited_lead(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("lead: [Sở Alpha]", "lead: [Sở Beta, Sở Alpha]")])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "lead-mismatch")] == [
        ("1.1", "assignment 1.1 is led by alpha, beta; criterion 1 by alpha")]


def test_same_leads_spelled_differently_match(cli, tmp_path: Path) -> None:
    # the clean fixture writes 'sở beta' for criterion 1.2's 'Sở Beta'
    case = Case(tmp_path, criteria=[("lead: [Sở Beta]", "lead: [Sở Beta, Sở Gamma]")],
                assignments=[("lead: [sở beta]", "lead: [Sở Gamma, Sở Beta]")])
    _, data = validate(cli, case)
    assert problems(data, "lead-mismatch") == []
