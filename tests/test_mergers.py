"""Mergers (issue 18, item 14): `until` is the day an agency ceased, so one that ceased on
1 January of the plan year never worked in it; an assignment naming the successor of its
criterion's merged lead is no lead mismatch; asking for the merged agency's list gives its
successor's, and says so. Data: tests/fixtures/clean/ with gamma merged into alpha."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

CLEAN = ROOT / "tests" / "fixtures" / "clean"
MERGED = "    name_en: Gamma Department\n"


def _plan(tmp_path: Path, until: str) -> Path:
    for name in ("criteria.yaml", "assignments.yaml", "agencies.yaml"):
        shutil.copy(CLEAN / name, tmp_path / name)
    registry = tmp_path / "agencies.yaml"
    text = registry.read_text(encoding="utf-8")
    assert MERGED in text
    registry.write_text(text.replace(MERGED, f"{MERGED}    until: {until}\n"
                                             "    successor: alpha\n"), encoding="utf-8")
    return tmp_path / "criteria.yaml"


@pytest.mark.parametrize(("until", "moved"), [("2030-01-01", True), ("2030-01-02", False)])
def test_until_on_the_first_day_of_the_year_means_the_year_is_not_its(cli, tmp_path, until,
                                                                         moved) -> None:
    criteria = _plan(tmp_path, until)
    rows = json.loads(cli("agencies", "--criteria", criteria, "-f", "json").out)["rows"]
    assert next(row["current"] for row in rows if row["id"] == "gamma") == (
        "alpha" if moved else "gamma")


def test_a_merged_agency_s_list_is_its_successor_s_and_says_so(cli, tmp_path) -> None:
    criteria = _plan(tmp_path, "2029-06-01")
    result = cli("assignments", "--agency", "gamma", "--criteria", criteria, "-f", "json")
    assert result.code == 0, result.err
    assert [row["code"] for row in json.loads(result.out)["rows"]] == ["1.1", "1.2", "2.1.1"]
    table = cli("assignments", "--agency", "gamma", "--criteria", criteria, "--wide")
    assert table.out.endswith(
        "\nGamma Department → Alpha Department (merged 2029-06-01): its work in 2030 is "
        "listed under Alpha Department.\n")
    sheet = cli("report", "--agency", "gamma", "--criteria", criteria, "--as-of",
                "2030-03-01", "-f", "md", "--lang", "vi")
    assert sheet.code == 0, sheet.err
    assert ("Sở Gamma → Sở Alpha (sáp nhập ngày 01/06/2029): nhiệm vụ năm 2030 của cơ quan "
            "này được liệt kê dưới Sở Alpha.") in sheet.out
    due = cli("due", "--agency", "gamma", "--criteria", criteria, "--as-of", "2030-12-31")
    assert due.code == 0 and "merged 2029-06-01" in due.out


def test_the_successor_named_for_a_merged_lead_is_no_mismatch(cli, tmp_path) -> None:
    criteria = _plan(tmp_path, "2029-06-01")
    assignments = tmp_path / "assignments.yaml"
    text = assignments.read_text(encoding="utf-8")
    # 2.1.1 is led by Sở Gamma (merged into alpha); its criterion names Sở Gamma too: name
    # the successor in the assignment instead
    assignments.write_text(text.replace("    lead: [Sở Gamma]\n", "    lead: [Sở Alpha]\n"),
                           encoding="utf-8")
    found = json.loads(cli("validate", "--criteria", criteria, "-f", "json").out)
    assert [w for w in found["warnings"] if w["rule"] == "lead-mismatch"] == []


def test_the_meeting_report_notes_the_mergers(cli, tmp_path) -> None:
    criteria = _plan(tmp_path, "2029-06-01")
    result = cli("report", "--criteria", criteria, "--as-of", "2030-03-01", "-f", "md")
    assert result.code == 0, result.err
    assert "\nGamma Department → Alpha Department (merged 2029-06-01)\n" in result.out
