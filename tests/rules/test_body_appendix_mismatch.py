"""body-appendix-mismatch (warning): a body target and the Appendix II requirement on its
subject set different numbers (tests/fixtures/clean/, edited)."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, problems, validate


def test_different_numbers_give_both_lines(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[], assignments=[("requirement: Hoàn thành 100%",
                                        "requirement: Hoàn thành 90%")])
    code, data = validate(cli, case)
    assert code == 0
    line = case.line("assignments", "Hoàn thành 90%")
    assert problems(data, "body-appendix-mismatch") == [{
        "level": "warning", "rule": "body-appendix-mismatch", "code": "II.1.1.a",
        "file": case.file("plan"), "line": case.line("plan", "text: Hoàn thành 100% kế hoạch",
                                            after="code: II.1.1.a"),
        "column": 19,
        "message": "target II.1.1.a 'Hoàn thành 100% kế hoạch' (≥ 100%) but item 1.2 requires "
                   f"'Hoàn thành 90%' (≥ 90%; the assignments file, line {line})"}]


def test_in_vietnamese(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[], assignments=[("requirement: Hoàn thành 100%",
                                        "requirement: Hoàn thành 99,5%")])
    _, data = validate(cli, case, "--lang", "vi")
    [found] = problems(data, "body-appendix-mismatch")
    assert found["message"].startswith(
        "chỉ tiêu II.1.1.a 'Hoàn thành 100% kế hoạch' (≥ 100%) nhưng mục 1.2 ở Phụ lục II yêu "
        "cầu 'Hoàn thành 99,5%' (≥ 99,5%; tệp phân công, dòng ")


def test_a_prose_requirement_is_not_compared(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, plan=[], assignments=[("requirement: Hoàn thành 100%",
                                        "requirement: Hoàn thành tốt")])
    code, data = validate(cli, case)
    assert (code, problems(data, "body-appendix-mismatch")) == (0, [])


def test_the_same_number_passes(cli, tmp_path: Path) -> None:
    code, data = validate(cli, Case(tmp_path, plan=[]))
    assert (code, problems(data, "body-appendix-mismatch")) == (0, [])
