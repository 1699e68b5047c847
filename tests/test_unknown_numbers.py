"""A missing number is unknown, never zero (issue: "Missing numbers counted as zero").
Data: copies of data/criteria_2020.yaml with one number deleted, the 2020 assignments and
registry beside them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA

D = Decimal


def _plan(tmp_path: Path, code: str, column: str) -> tuple[Path, int]:
    """The 2020 plan with `column` deleted from row `code`; returns the file and the row's
    line."""
    lines = CRITERIA.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f'  - code: "{code}"\n')
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - code:"))
    [doomed] = [i for i in range(start, end) if lines[i].startswith(f"    {column}: ")]
    del lines[doomed]
    for source in (ASSIGNMENTS, AGENCIES):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    path = tmp_path / CRITERIA.name
    path.write_text("".join(lines), encoding="utf-8")
    return path, start + 1


def test_a_leaf_without_its_max_is_a_missing_number_warning(cli, tmp_path: Path) -> None:
    criteria, line = _plan(tmp_path, "1.2", "max")
    result = cli("validate", "--criteria", criteria, "--format", "json")
    assert result.code == 0
    [found] = [w for w in json.loads(result.out)["warnings"] if w["rule"] == "missing-number"]
    assert found == {"rule": "missing-number", "code": "1.2", "file": str(criteria),
                     "line": line, "column": 11,
                     "message": "criterion 1.2 has no max: unknown, left out of every sum"}


def test_check_lists_the_subtotals_it_cannot_verify(cli, tmp_path: Path) -> None:
    criteria, _ = _plan(tmp_path, "1.2", "max")
    result = cli("check", "--criteria", criteria, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out, parse_float=D)
    # field 1's printed max still checks the grand total; the total from the leaves is unknown
    assert data["not_checkable"] == [
        {"code": "1", "column": "max", "printed": D("8.5"), "unknown": ["1.2"]}]
    assert data["totals"]["max"] == {"printed": 100, "computed": None}
    table = cli("check", "--criteria", criteria)
    assert "1 printed subtotal(s) not checkable: rows unknown." in table.out.splitlines()


def test_gap_shows_an_unknown_target_as_unknown_and_leaves_it_out(cli, tmp_path: Path) -> None:
    criteria, _ = _plan(tmp_path, "4.1.2", "target")
    result = cli("gap", "--criteria", criteria, "--format", "json")
    assert result.code == 0
    rows = {row["code"]: row for row in json.loads(result.out, parse_float=D)["rows"]}
    assert (rows["4.1.2"]["gain"], rows["4.1.2"]["lost"], rows["4.1.2"]["headroom"]) == (
        None, 1, None)
    agencies = cli("gap", "--by-agency", "--criteria", criteria, "--format", "json")
    home = next(r for r in json.loads(agencies.out, parse_float=D)["rows"]
                if r["agency"] == "home-affairs")
    # 4.36 with 4.1.2's point of gain: not moved to anyone, not counted as zero either
    assert (home["gain"], home["lost"]) == (D("3.36"), D("8.51"))
    table = cli("gap", "--by-agency", "--criteria", criteria)
    assert ("Unknown, so left out of the sums: points needed of 1 criteria, headroom of 1 "
            "criteria."
            in table.out.splitlines())


def test_a_first_year_without_baselines_shows_gain_and_lost_as_unknown(cli,
                                                                      tmp_path: Path) -> None:
    text = CRITERIA.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True)
            if not line.startswith(("    baseline: ", "  baseline: ", "baseline_year: "))
            and not line.startswith("rank:")
            and not line.startswith("sipas:")]
    for source in (ASSIGNMENTS, AGENCIES):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    criteria = tmp_path / CRITERIA.name
    criteria.write_text("".join(kept), encoding="utf-8")
    result = cli("gap", "--by-agency", "--criteria", criteria, "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out, parse_float=D)["rows"]
    assert {(row["gain"], row["lost"]) for row in rows} == {(None, None)}
    assert all(row["headroom"] is not None for row in rows)
