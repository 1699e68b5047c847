"""title-mismatch (warning): an assignment titled otherwise than the criterion of its code."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_title_mismatch(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[("title: Tiêu chí một một", "title: Tiêu chí khác")])
    code, data = validate(cli, case)
    assert code == 0
    assert problems(data, "title-mismatch") == [{
        "level": "warning", "rule": "title-mismatch", "code": "1.1",
        "file": case.file("assignments"),
        "line": case.line("assignments", "title: Tiêu chí khác"), "column": 12,
        "message": "1.1 is titled 'Tiêu chí khác' here but 'Tiêu chí một một' in the "
                   "criteria file"}]


def test_title_differing_only_in_case_and_spaces_matches(cli, tmp_path: Path) -> None:
    # the clean fixture titles 1.2 'TIÊU CHÍ  MỘT HAI' for 'Tiêu chí một hai'
    _, data = validate(cli, Case(tmp_path))
    assert problems(data, "title-mismatch") == []
