"""checksum (error), issue 18 item 17: a printed maximum that counts the bonus points
("100 điểm (+5 điểm thưởng)" written as max 105) says that bonus rows are outside the
maximum and how to write it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.rules.conftest import Case, problems, validate

LAST_LEAD = "    lead: [Sở Gamma]\n"
BONUS_FIELD = (LAST_LEAD, LAST_LEAD + '  - code: "3"\n    name: Điểm thưởng\n    kind: bonus\n'
               "    max: 1.5\n    baseline: 0\n    target: 0\n    lead: [Sở Gamma]\n")


def test_a_total_max_that_counts_the_bonus_rows(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[BONUS_FIELD, ("  max: 10\n", "  max: 11.5\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "checksum") == [{
        "level": "error", "rule": "checksum", "code": "total", "file": case.file("criteria"),
        "line": case.line("criteria", "  max: 11.5"), "column": 8,
        "message": "total max: printed 11.5, rows add up to 10 (difference 1.5), exactly the "
                   "max of its bonus rows (3: 1.5): bonus rows are outside the maximum, their "
                   "points come on top of it; write max: 10, the maximum without them"}]
    vi = json.loads(cli("validate", "--format", "json", "--lang", "vi", *case.args()).out)
    assert [p["message"] for p in vi["errors"] if p["rule"] == "checksum"] == [
        "ở dòng tổng, cột điểm tối đa: số liệu theo kế hoạch 11,5, các dòng cộng lại được 10 "
        "(chênh lệch 1,5), đúng bằng điểm tối đa của các dòng điểm thưởng (3: 1,5): điểm "
        "thưởng nằm ngoài điểm tối đa, được cộng thêm vào đó; ghi max: 10, điểm tối đa "
        "không kể điểm thưởng"]


def test_a_subtotal_max_that_counts_its_bonus_row(cli, tmp_path: Path) -> None:
    bonus_row = ("    target: 2.5\n    lead: [Sở Beta]\n",
                 '    target: 2.5\n    lead: [Sở Beta]\n  - code: "1.3"\n    name: Thưởng\n'
                 "    kind: bonus\n    max: 0.5\n    baseline: 0\n    target: 0\n")
    case = Case(tmp_path, criteria=[bonus_row, ("    max: 6\n", "    max: 6.5\n")])
    _, data = validate(cli, case)
    # (the total then adds field 1's printed 6.5: its own, plain, checksum error)
    assert [(p["code"], p["line"], p["message"]) for p in problems(data, "checksum")
            if p["code"] == "1"] == [
        ("1", case.line("criteria", "max: 6.5"),
         "1 max: printed 6.5, rows add up to 6 (difference 0.5), exactly the max of its bonus "
         "rows (1.3: 0.5): bonus rows are outside the maximum, their points come on top of "
         "it; write max: 6, the maximum without them")]


def test_another_difference_keeps_the_plain_message(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[BONUS_FIELD, ("  max: 10\n", "  max: 11\n")])
    _, data = validate(cli, case)
    assert [p["message"] for p in problems(data, "checksum")] == [
        "total max: printed 11, rows add up to 10 (difference 1); fix the data or acknowledge "
        "it with a reason"]


def test_a_max_without_the_bonus_rows_passes(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[BONUS_FIELD])
    _, data = validate(cli, case)
    assert problems(data, "checksum") == []
