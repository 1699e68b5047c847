"""The year's cycle through the CLI: progress, simulate, due, rank, report --agency.
Data: the bundled plan (data/*_2020.yaml, pinned by tests/conftest.py) and the made-up results
in tests/fixtures/results/ (not real results), the partial ranking in tests/fixtures/peers/."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import ROOT

D = Decimal
RESULTS = ROOT / "tests" / "fixtures" / "results"
HALF = RESULTS / "results_2020_half.yaml"
FULL = RESULTS / "results_2020_full.yaml"
PEERS = ROOT / "tests" / "fixtures" / "peers" / "par_index_2019.yaml"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out, parse_float=D)


def test_progress_without_results_takes_every_criterion_at_its_baseline(cli) -> None:
    data = _json(cli("progress", "--format", "json"))
    assert data["total"] == {"max": 100, "baseline": D("79.53"), "target": D("92.79"),
                             "projected": D("79.53"), "won": 0, "to_target": D("13.26"),
                             "above_target": 0, "to_max": D("20.47"), "unknown": 0,
                             "bounds": {"low": D("79.53"), "high": D("79.53")}}
    assert {row["basis"] for row in data["rows"]} == {"assumed"}
    table = cli("progress")
    assert "No results file: every criterion is taken at its assumption." in table.out


def test_progress_at_mid_year_reconciles_to_the_cent(cli) -> None:
    data = _json(cli("progress", "--results", HALF, "--format", "json"))
    rows = {row["code"]: row for row in data["rows"]}
    # 2.3: the appraised score (1.25) beats the self-assessment; it lost 0.25 on its baseline
    assert (rows["2.3"]["score"], rows["2.3"]["stage"], rows["2.3"]["won"]) == (
        D("1.25"), "appraised", D("-0.25"))
    assert (rows["1.4"]["basis"], rows["1.4"]["projected"]) == ("assumed", 1)
    assert data["total"]["projected"] == D("80.37") == sum(r["projected"] for r in rows.values())
    assert data["total"]["won"] == D("0.84")
    assert len(data["below_target"]) == 42
    agencies = _json(cli("progress", "--results", HALF, "--by-agency", "--format", "json"))
    assert sum(row["projected"] for row in agencies["rows"]) == D("80.37")
    home = next(row for row in agencies["rows"] if row["agency"] == "home-affairs")
    assert (home["projected"], home["to_target"]) == (D("30.94"), D("4.01"))


def test_progress_assuming_targets(cli) -> None:
    data = _json(cli("progress", "--results", HALF, "--assume", "target", "--format", "json"))
    rows = {row["code"]: row for row in data["rows"]}
    assert rows["4.1.2"]["projected"] == D("1.5")  # not scored: at its target
    assert rows["2.3"]["projected"] == D("1.25")  # scored: its score, whatever --assume


def test_simulate_sets_values_and_agencies(cli) -> None:
    data = _json(cli("simulate", "--set", "8.1=10", "--assume-met", "justice", "--format",
                     "json"))
    assert data["total"]["projected"] == D("82.73")  # 79.53 + 2.46 (8.1) + 0.74 (justice)
    assert data["set"]["8.1"] == 10 and data["set"]["2.4.1"] == D("0.9")
    assert [row["code"] for row in data["short"]][:2] == ["finance", "ppc-office"]


@pytest.mark.parametrize("args, message", [
    (["--set", "8.1=11"], "--set 8.1=11: outside [0, 10] for 8.1"),
    (["--set", "9.9=1"], "--set 9.9=1: no criterion 9.9"),
    (["--set", "8=1"], "--set 8=1: 8 has rows below it; set those"),
    (["--set", "8.1=abc"], "--set 8.1=abc: 'abc' is not a number"),
    (["--assume-met", "justise"], "--assume-met: no agency with id or name 'justise'; did you mean "
                                  "justice?"),
])
def test_simulate_refuses_what_names_nothing_or_breaks_a_bound(cli, args, message) -> None:
    result = cli("simulate", *args)
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == f"parcli: error: {message}"


def test_due_without_results_never_says_overdue(cli) -> None:
    data = _json(cli("due", "--as-of", "2020-10-01", "--format", "json"))
    assert data["counts"] == {"overdue": 0, "passed": 2, "soon": 0, "ongoing": 3,
                              "regulation": 1, "undated": 2}
    assert [(i["state"], i["code"], i["due"]) for i in data["items"][:2]] == [
        ("passed", "1.3.1", "2020-09-30"), ("passed", "1.3.2", "2020-09-30")]
    table = cli("due", "--as-of", "2020-10-01")
    assert "due date passed" in table.out and "overdue" not in table.out.split("\n\n")[0]


def test_due_with_results_says_overdue_and_drops_what_is_done(cli) -> None:
    data = _json(cli("due", "--as-of", "2020-10-01", "--results", HALF, "--format", "json"))
    assert [(i["state"], i["code"], i["status"]) for i in data["items"][:2]] == [
        ("overdue", "1.3.1", "in-progress"), ("overdue", "1.3.2", "not-started")]
    assert data["counts"]["regulation"] == 0  # 1.2 is done in the results: it drops out


def test_due_takes_its_year_from_the_data_not_the_clock(cli) -> None:
    result = cli("due")  # today is long after 2020
    assert "The plan year 2020 is over: shown as at 2020-12-31." in result.out
    assert _json(cli("due", "--format", "json"))["as_of"] == "2020-12-31"


def test_rank_with_a_partial_published_table_gives_bounds(cli) -> None:
    # 76: below its own old 79.53 (rank 50, so 49 provinces above), above Bến Tre (63rd)
    data = _json(cli("rank", "--peers", PEERS, "--score", "76", "--format", "json"))
    assert (data["position"], data["lowest_position"], data["of"]) == (50, 62, 63)
    assert data["above"] == {"province": "Tây Ninh", "score": D("80.05"), "rank": 44}
    exact = _json(cli("rank", "--peers", PEERS, "--score", "84.4", "--format", "json"))
    assert (exact["position"], exact["lowest_position"]) == (4, 4)


def test_report_for_one_agency(cli) -> None:
    data = _json(cli("report", "--agency", "justice", "--as-of", "2020-10-15", "--results",
                     HALF, "--format", "json"))
    assert [row["code"] for row in data["criteria"]] == ["2.1", "2.2", "2.3", "2.4.1",
                                                          "2.4.2", "2.4.3", "2.4.4"]
    assert [(task["code"], task["role"]) for task in data["tasks"]] == [
        ("1.5", "implementer"), ("2.1.1", "lead"), ("2.1.2", "lead"), ("2.2", "lead"),
        ("2.3", "lead")]
    typo = cli("report", "--agency", "justise")
    assert (typo.code, typo.err.splitlines()[-1]) == (
        2, "parcli: error: --agency: no agency with id or name 'justise'; did you mean justice?")


def test_report_per_agency_writes_one_sheet_each(cli, tmp_path: Path) -> None:
    result = cli("report", "--per-agency", tmp_path / "sheets", "--as-of", "2020-10-15")
    assert result.code == 0, result.err
    written = sorted(p.name for p in (tmp_path / "sheets").iterdir())
    assert "home-affairs.md" in written and "justice.md" in written
    assert (tmp_path / "sheets" / "justice.md").read_text("utf-8").startswith(
        "# Department of Justice: tasks under the Plan to improve the Public Administration ")


def test_init_results_then_progress(cli, tmp_path: Path) -> None:
    for name in ("criteria_2020.yaml", "assignments_2020.yaml", "agencies.yaml"):
        (tmp_path / name).write_bytes((ROOT / "data" / name).read_bytes())
    made = cli("init-results", "--criteria", tmp_path / "criteria_2020.yaml")
    assert made.code == 0, made.err
    assert (tmp_path / "results_2020.yaml").is_file()
    again = cli("init-results", "--criteria", tmp_path / "criteria_2020.yaml")
    assert again.code == 2
    # the skeleton sits beside the plan: progress reads it, with nothing scored yet
    data = _json(cli("progress", "--criteria", tmp_path / "criteria_2020.yaml", "--format",
                     "json"))
    assert [s["kind"] for s in data["sources"]][-1] == "results"
    assert data["total"]["projected"] == D("79.53")


SCENARIO = RESULTS / "scenario_2020.yaml"
PAR2022 = ROOT / "tests" / "fixtures" / "par2022"


def test_simulate_a_scenario_file(cli) -> None:
    """8.1 at 10 (+2.46) and 2.4.x at their maxima (+1.34): 79.53 + 3.8."""
    data = _json(cli("simulate", "--scenario", SCENARIO, "--format", "json"))
    assert data["total"] == {"baseline": D("79.53"), "target": D("92.79"),
                             "projected": D("83.33"), "won": D("3.8"),
                             "to_target": D("9.46"), "above_target": 0, "unknown": 0,
                             "bounds": {"low": D("83.33"), "high": D("83.33")}}


def test_the_cycle_on_the_second_methodology(cli) -> None:
    """tests/fixtures/par2022 (Decision 876 components; its results file is made up)."""
    criteria = PAR2022 / "criteria_2023.yaml"
    progress = _json(cli("progress", "--criteria", criteria, "--format", "json"))
    assert [s["kind"] for s in progress["sources"]] == ["criteria", "assignments", "agencies",
                                                         "results"]
    # 1 scored 55.1 (+0.9), 2.3 scored 5.5 (+0.19), 2.1 and 2.2 at their baselines
    assert (progress["total"]["projected"], progress["total"]["won"]) == (D("86.88"),
                                                                          D("1.09"))
    due = _json(cli("due", "--criteria", criteria, "--as-of", "2023-07-01", "--format",
                    "json"))
    assert [(i["state"], i["code"]) for i in due["items"]] == [
        ("overdue", "1.3"), ("passed", "1.5"), ("ongoing", "1.4"), ("regulation", "2.2")]
    simulated = _json(cli("simulate", "--criteria", criteria, "--set", "2.2=22", "--format",
                          "json"))
    assert (simulated["total"]["projected"], simulated["total"]["to_target"],
            simulated["total"]["above_target"]) == (D("90.83"), 0, D("0.93"))
