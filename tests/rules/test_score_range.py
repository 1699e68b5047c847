"""score-range (error, found while reading): a score outside [0, max]."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_score_outside_range(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[("    target: 2.5\n", "    target: 3.5\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert len(data["errors"]) == 1
    assert problems(data, "score-range") == [{
        "level": "error", "rule": "score-range", "code": None, "file": case.file("criteria"),
        "line": case.line("criteria", "target: 3.5", after='code: "1.2"'), "column": 13,
        "message": "criteria[2].target: target 3.5 is outside [0, 3]"}]


def test_a_score_equal_to_max_is_in_range(cli, tmp_path: Path) -> None:
    # 1.2 reaches its max of 3; field 1 and the total follow, so every sum still adds up
    case = Case(tmp_path, criteria=[("    target: 2.5\n", "    target: 3\n"),
                                    ("    target: 5.25\n", "    target: 5.75\n"),
                                    ("  target: 8.75\n", "  target: 9.25\n")])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
