"""stale-acknowledgement (warning): an acknowledged difference that is no longer there."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_stale_acknowledgement_on_a_row(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[
        ("    target: 5.25\n", '    target: 5.25\n    acknowledged: {max: "as printed"}\n')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "stale-acknowledgement") == [{
        "level": "warning", "rule": "stale-acknowledgement", "code": "1",
        "file": case.file("criteria"), "line": case.line("criteria", "acknowledged:"),
        "column": 25,
        "message": "1 max is acknowledged but its rows add up (within the tolerance); remove "
                   "the acknowledgement"}]
    assert validate(cli, case, "--strict")[0] == 1


def test_stale_acknowledgement_on_the_total(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "stale", criteria=[
        ("  target: 8.75\n", '  target: 8.75\n  acknowledged: {baseline: "as printed"}\n')])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "stale-acknowledgement") == [{
        "level": "warning", "rule": "stale-acknowledgement", "code": "total",
        "file": case.file("criteria"), "line": case.line("criteria", "acknowledged:"),
        "column": 28,
        "message": "total baseline is acknowledged but the fields add up; remove the "
                   "acknowledgement"}]


def test_acknowledgement_on_a_leaf_is_stale(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "leaf", criteria=[
        ("    target: 2.75\n", '    target: 2.75\n    acknowledged: {target: "x"}\n')])
    _, data = validate(cli, case)
    assert [(p["code"], p["message"]) for p in problems(data, "stale-acknowledgement")] == [
        ("1.1", "1.1 target is acknowledged but its rows add up (within the tolerance); "
                "remove the acknowledgement")]


def test_acknowledgement_of_a_real_difference_is_not_stale(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[
        ("    baseline: 2\n    target: 2.75", "    baseline: 2.5\n    target: 2.75"),
        ("    target: 5.25\n", '    target: 5.25\n    acknowledged: {baseline: "as printed"}\n')])
    _, data = validate(cli, case)
    assert problems(data, "stale-acknowledgement") == []
