"""`tree` says how a row is scored: bonus and penalty rows and survey-scored leaves are marked
after their name in table and md; json and csv keep `method`, `kind` and the lead's source,
`survey` for a survey-scored leaf, as `gap` buckets it (issue 18, small words).
Data: tests/fixtures/par2022/criteria_2023.yaml (survey-scored leaves) and
tests/fixtures/dept2026/criteria_2026.yaml (bonus and penalty rows)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "par2022" / "criteria_2023.yaml"
DEPT = ROOT / "tests" / "fixtures" / "dept2026" / "criteria_2026.yaml"


def test_survey_leaves_are_marked_and_keep_their_lead(cli) -> None:
    result = cli("tree", "2.1", "--criteria", PLAN, "--wide")
    assert result.code == 0, result.err
    row = next(line for line in result.out.splitlines() if line.startswith("2.1 "))
    assert "(survey-scored)" in row and "Office of the Provincial People's Committee" in row
    data = json.loads(cli("tree", "2.1", "--criteria", PLAN, "-f", "json").out)["rows"][0]
    assert (data["method"], data["lead_source"]) == ("survey", "survey")


def test_bonus_and_penalty_rows_are_marked_in_vietnamese(cli) -> None:
    rows = json.loads(cli("tree", "--criteria", DEPT, "-f", "json").out)["rows"]
    out = cli("tree", "--criteria", DEPT, "--wide", "--lang", "vi").out.splitlines()
    for kind, word in (("bonus", "(điểm thưởng)"), ("penalty", "(điểm trừ)")):
        code = next(row["code"] for row in rows if row["kind"] == kind)
        assert word in next(line for line in out if line.startswith(f"{code} ")), kind
