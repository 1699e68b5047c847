"""Any methodology, through the CLI: survey-scored criteria (the Ninh Thuận 2022 fixture under
Decision 876), bonus and penalty points, Roman-numeral and letter codes with scoring bands,
and agencies that merged before the plan year (the invented department-level fixture
`dept2026`). Numbers are checked in exact decimals."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from parcli.engine.agencies import Registry
from parcli.models.agencies import AgencyRegistry
from parcli.models.common import code_key, roman_value
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
PAR2022 = FIXTURES / "par2022"
DEPT = FIXTURES / "dept2026"
PAR_CRITERIA = PAR2022 / "criteria_2023.yaml"
DEPT_CRITERIA = DEPT / "criteria_2026.yaml"
ALL_COMMANDS: list[tuple[str, ...]] = [
    ("validate",), ("check",), ("tree",), ("tree", "--depth", "1"), ("gap",),
    ("gap", "--by-agency"), ("gap", "--by-field"), ("gap", "--by-method"),
    ("gap", "--by-agency", "--format", "csv"),
    ("agencies",), ("assignments",), ("report", "--as-of", "2026-06-30"),
    ("report", "--format", "json", "--as-of", "2026-06-30"),
]


def _json(result: Any) -> Any:
    assert result.code == 0, result.out + result.err
    return json.loads(result.out, parse_float=D)


def _rows(result: Any) -> list[dict[str, Any]]:
    return _json(result)["rows"]  # type: ignore[no-any-return]


def _copy(folder: Path, tmp_path: Path, **edits: list[tuple[str, str]]) -> Path:
    """The fixture folder copied, with (old, new) edits of its files (each must match once);
    returns the copied criteria file."""
    target = tmp_path / folder.name
    shutil.copytree(folder, target)
    for name, pairs in edits.items():
        path = next(target.glob(f"{name}*.yaml"))
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return next(target.glob("criteria*.yaml"))


def _points(rows: list[dict[str, Any]], key: str) -> list[tuple[Any, ...]]:
    return [(row[key], row["gain"], row["lost"], row["headroom"], row["criteria"])
            for row in rows]


# --- every command on both fixtures ------------------------------------------------------------

@pytest.mark.parametrize("criteria", [PAR_CRITERIA, DEPT_CRITERIA], ids=["par2022", "dept2026"])
@pytest.mark.parametrize("command", ALL_COMMANDS, ids=" ".join)
def test_every_command_runs_on_the_other_methodologies(cli, criteria: Path,
                                                       command: tuple[str, ...]) -> None:
    result = cli(*command, "--criteria", criteria)
    assert result.code == 0, result.out + result.err
    assert result.out.strip()


def test_schema_validates_the_new_keys(cli, tmp_path: Path) -> None:
    assert cli("schema", "--install", tmp_path).code == 0
    schema = json.loads((tmp_path / "criteria.schema.json").read_text(encoding="utf-8"))
    row = schema["$defs"]["Criterion"]["properties"]
    assert row["kind"]["anyOf"][0]["enum"] == ["normal", "bonus", "penalty"]
    assert row["min"]["anyOf"][0] == {"type": "number", "maximum": 0}
    assert row["scoring"]["items"]["type"] == "string"
    assert "minimum" not in row["baseline"]["anyOf"][0]  # a deduction is negative
    agency = json.loads((tmp_path / "agencies.schema.json").read_text(encoding="utf-8"))
    assert set(agency["$defs"]["Agency"]["properties"]) >= {"until", "successor"}


# --- method: survey (Ninh Thuận 2022) ---------------------------------------------------------

def test_par2022_validates_with_its_survey_rows(cli) -> None:
    result = cli("validate", "--criteria", PAR_CRITERIA, "--format", "json")
    data = _json(result)
    assert data["errors"] == []
    assert {w["rule"] for w in data["warnings"]} == {"lead-mismatch"}


def test_a_survey_row_needs_no_lead(cli, tmp_path: Path) -> None:
    # 2.1 (SIPAS) loses its own lead and its assignment's: nobody leads it, and that is fine
    no_lead = [("    method: survey\n    lead: [Văn phòng UBND tỉnh]  # invented\n",
                "    method: survey\n")]
    unassigned = [('    deadline: "Tháng 10"\n    lead: ["Văn phòng UBND tỉnh"]\n',
                   '    deadline: "Tháng 10"\n')]
    criteria = _copy(PAR2022, tmp_path / "survey", criteria=no_lead, assignments=unassigned)
    data = _json(cli("validate", "--criteria", criteria, "--format", "json"))
    assert [p for p in data["errors"] + data["warnings"] if p["rule"] == "no-lead"] == []
    leaves = {row["code"]: row for row in _rows(cli("gap", "--criteria", criteria, "--format",
                                                     "json"))}
    assert (leaves["2.1"]["lead"], leaves["2.1"]["lead_source"]) == (["survey"], "survey")
    # the same row scored on evidence: nobody is responsible, an error
    evidence = _copy(PAR2022, tmp_path / "evidence",
                     criteria=[(no_lead[0][0], "")], assignments=unassigned)
    result = cli("validate", "--criteria", evidence, "--format", "json")
    assert result.code == 1
    assert [(p["rule"], p["code"]) for p in json.loads(result.out)["errors"]] == [
        ("no-lead", "2.1")]


def test_par2022_gap_by_agency_has_a_survey_row(cli) -> None:
    rows = _rows(cli("gap", "--by-agency", "--criteria", PAR_CRITERIA, "--format", "json"))
    # 2.1 is led by ppc-office and 2.2 by home-affairs in the data: survey points are charged
    # to neither
    assert _points(rows, "agency") == [
        ("home-affairs", D("2.3"), D("7.3"), D("5"), ["1"]),
        ("survey", D("1.52"), D("5.72"), D("4.2"), ["2.1", "2.2"]),
        ("planning-investment", D("0.29"), D("1.19"), D("0.9"), ["2.3"]),
    ]
    table = cli("gap", "--by-agency", "--criteria", PAR_CRITERIA).out.splitlines()
    survey = [line for line in table if line.startswith("(survey-scored) ")]  # no id
    assert len(survey) == 1
    assert survey[0].split()[-4:] == ["1.52", "5.72", "4.2", "2"]


def test_par2022_gap_by_method(cli) -> None:
    rows = _rows(cli("gap", "--by-method", "--criteria", PAR_CRITERIA, "--format", "json"))
    assert _points(rows, "method") == [
        ("evidence", D("2.59"), D("8.49"), D("5.9"), ["1", "2.3"]),
        ("survey", D("1.52"), D("5.72"), D("4.2"), ["2.1", "2.2"]),
    ]
    # appraisal and survey points add up to the leaves' total: 4.11 = 89.9 − 85.79
    assert sum(row["gain"] for row in rows) == D("4.11")


def test_par2022_agencies_and_report_leave_survey_points_to_the_survey(cli) -> None:
    led = {row["id"]: (row["criteria_led"], row["at_stake"])
           for row in _rows(cli("agencies", "--criteria", PAR_CRITERIA, "--format", "json"))}
    assert led["ppc-office"] == (0, 0) and led["home-affairs"] == (1, D("7.3"))
    report = _json(cli("report", "--criteria", PAR_CRITERIA, "--format", "json",
                       "--as-of", "2023-06-30"))
    # the report's agencies: home-affairs, the survey bucket, planning-investment
    assert [(row["gain"], row["lost"]) for row in report["agencies"]] == [
        (D("2.3"), D("7.3")), (D("1.52"), D("5.72")), (D("0.29"), D("1.19"))]


# --- kind: bonus and penalty ------------------------------------------------------------------

def test_check_counts_bonus_points_on_top_of_the_max(cli) -> None:
    data = _json(cli("check", "--criteria", DEPT_CRITERIA, "--format", "json"))
    assert data["totals"] == {"max": {"printed": 100, "computed": 100},
                              "baseline": {"printed": D("82.5"), "computed": D("82.5")},
                              "target": {"printed": 94, "computed": 94}}
    assert data["findings"] == [] and data["not_checkable"] == []


def test_a_total_max_that_counts_the_bonus_is_a_checksum_error(cli, tmp_path: Path) -> None:
    criteria = _copy(DEPT, tmp_path, criteria=[("  max: 100\n", "  max: 105\n")])
    result = cli("check", "--criteria", criteria, "--format", "json")
    assert result.code == 1
    assert [(f["code"], f["column"], f["printed"], f["computed"], f["status"])
            for f in json.loads(result.out)["findings"]] == [("total", "max", 105, 100, "error")]


def test_penalties_add_up_as_negative_numbers(cli, tmp_path: Path) -> None:
    # field IV prints −1 where its rows deduct 1 and 0.5: −1.5
    criteria = _copy(DEPT, tmp_path, criteria=[("    baseline: -1.5\n", "    baseline: -1\n"),
                                               ("  baseline: 82.5", "  baseline: 83")])
    result = cli("check", "--criteria", criteria, "--format", "json")
    assert result.code == 1
    findings = json.loads(result.out, parse_float=D)["findings"]
    assert [(f["code"], f["column"], f["printed"], f["computed"], f["difference"])
            for f in findings] == [("IV", "baseline", -1, D("-1.5"), D("0.5"))]


def test_gap_bonus_loses_nothing_and_penalty_loses_its_deduction(cli) -> None:
    leaves = {row["code"]: row for row in _rows(cli("gap", "--criteria", DEPT_CRITERIA,
                                                     "--format", "json"))}
    points = {code: (row["gain"], row["lost"], row["headroom"]) for code, row in leaves.items()}
    assert points["III.1"] == (0, 0, 0)
    assert points["III.2"] == (1, 0, 2)  # 0 of 3 bonus points: none lost, 2 not aimed for
    assert points["IV.1"] == (1, 1, 0)  # −1 → 0: one point deducted, won back
    assert points["IV.2"] == (D("0.5"), D("0.5"), 0)
    fields = _rows(cli("gap", "--by-field", "--criteria", DEPT_CRITERIA, "--format", "json"))
    assert _points(fields, "field") == [
        ("II", 5, 12, 7, [f"II.{n}" for n in range(1, 11)]),
        ("I", 4, 6, 2, ["I.1", "I.2.a", "I.2.b"]),
        ("IV", D("1.5"), D("1.5"), 0, ["IV.1", "IV.2"]),
        ("III", 1, 0, 2, ["III.1", "III.2"]),
    ]


def test_score_range_uses_min_and_max(cli, tmp_path: Path) -> None:
    cases = {
        "deduction beyond min": (("    baseline: -1\n", "    baseline: -6\n"),
                                 "criteria[20].baseline: baseline -6 is outside [-5, 0]"),
        "negative on a normal row": (("max: 6, baseline: 5, target: 6}",
                                      "max: 6, baseline: -1, target: 6}"),
                                     "criteria[6].baseline: baseline -1 is outside [0, 6]"),
        "positive penalty max": (("    min: -5\n    max: 0\n    baseline: -1\n",
                                  "    min: -5\n    max: 1\n    baseline: -1\n"),
                                 "criteria[20].max: max 1 on a penalty row: a deduction earns "
                                 "no points, write max: 0 (and the largest deduction as min)"),
        "positive min": (("    min: -10\n", "    min: 1\n"),
                         "criteria[19].min: min 1 is above 0: min is the lowest score, 0 or "
                         "below (a deduction of 2 points is min: -2)"),
    }
    for n, (edit, message) in enumerate(cases.values()):
        criteria = _copy(DEPT, tmp_path / str(n), criteria=[edit])
        result = cli("validate", "--criteria", criteria, "--format", "json")
        assert result.code == 1, message
        assert [(p["rule"], p["message"]) for p in json.loads(result.out)["errors"]] == [
            ("score-range", message)]


def test_a_penalty_row_gives_its_min(cli, tmp_path: Path) -> None:
    # IV.2 inherits kind: penalty from IV; a penalty row without min is a data error at the
    # row, whether its kind is inherited or its own
    without_min = ("    min: -5\n    max: 0\n    baseline: -0.5\n",
                   "    max: 0\n    baseline: -0.5\n")
    for name, edit in (("inherited", without_min),
                       ("own", (without_min[0], "    kind: penalty\n    max: 0\n"
                                                "    baseline: -0.5\n"))):
        criteria = _copy(DEPT, tmp_path / name, criteria=[edit])
        result = cli("validate", "--criteria", criteria, "--format", "json")
        assert result.code == 1, name
        errors = json.loads(result.out)["errors"]
        assert [(p["rule"], p["message"]) for p in errors] == [
            ("score-range", "criteria[21]: IV.2 is a penalty row without min: give its "
             "largest deduction as min (e.g. min: -2)")], name
        assert errors[0]["line"] > 0 and errors[0]["column"] > 0


def test_a_subtotal_with_bonus_rows_below_may_pass_its_max(cli, tmp_path: Path) -> None:
    # a bonus criterion inside field I: the field's max (40) and the total's (100) stay without
    # it, their scores count it and pass their max (41 of 40, 102 of 100)
    bonus = ('    name_en: Annual report\n    max: 18\n    baseline: 15\n    target: 16\n',
             '    name_en: Annual report\n    max: 18\n    baseline: 15\n    target: 16\n'
             '  - code: "I.3"\n    name: Thưởng\n    kind: bonus\n    max: 8\n    baseline: 7\n'
             '    target: 8\n')
    criteria = _copy(DEPT, tmp_path, criteria=[
        bonus, ("    max: 40\n    baseline: 34\n    target: 38\n",
                "    max: 40\n    baseline: 41\n    target: 46\n"),
        ("  baseline: 82.5", "  baseline: 89.5"), ("  target: 94\n", "  target: 102\n")])
    assert cli("validate", "--criteria", criteria).code == 0
    data = _json(cli("check", "--criteria", criteria, "--format", "json"))
    assert data["findings"] == []
    assert data["totals"] == {"max": {"printed": 100, "computed": 100},
                              "baseline": {"printed": D("89.5"), "computed": D("89.5")},
                              "target": {"printed": 102, "computed": 102}}
    # without kind: bonus the same row is an ordinary one, and 41 of 40 is out of range
    plain = _copy(DEPT, tmp_path / "plain", criteria=[
        (bonus[0], bonus[1].replace("    kind: bonus\n", "")),
        ("    max: 40\n    baseline: 34\n    target: 38\n",
         "    max: 40\n    baseline: 41\n    target: 46\n")])
    result = cli("validate", "--criteria", plain, "--format", "json")
    assert result.code == 1
    assert "criteria[0].baseline: baseline 41 is outside [0, 40]" in [
        p["message"] for p in json.loads(result.out)["errors"]]


# --- codes and scoring bands ------------------------------------------------------------------

def test_natural_order_of_codes() -> None:
    codes = ["1.10", "1.9", "1.b", "1.a", "X", "IX", "IV", "II", "1", "10", "2"]
    assert sorted(codes, key=code_key) == ["1", "1.9", "1.10", "1.a", "1.b", "2", "10", "II",
                                           "IV", "IX", "X"]
    assert [roman_value(n) for n in ("I", "IV", "IX", "XIV", "XL", "MCMXCIX")] == [
        1, 4, 9, 14, 40, 1999]


def test_gap_ranks_tied_fields_in_natural_order(cli, tmp_path: Path) -> None:
    rows = "\n".join(f'  - {{code: "{code}", name: F{code}, max: 1, baseline: 0, target: 1, '
                     f'lead: [Sở Nội vụ]}}' for code in ("10", "9", "IX", "IV", "a"))
    folder = tmp_path / "codes"
    folder.mkdir()
    (folder / "criteria.yaml").write_text(
        "index: {name: x, short: x}\nprovince: {name: p}\ntarget_year: 2030\n"
        f"total: {{max: 5, baseline: 0, target: 5}}\ncriteria:\n{rows}\n", encoding="utf-8")
    (folder / "agencies.yaml").write_text("agencies:\n  - {id: home-affairs, name: Sở Nội vụ}\n",
                                          encoding="utf-8")
    fields = _rows(cli("gap", "--by-field", "--no-assignments", "--criteria",
                       folder / "criteria.yaml", "--format", "json"))
    assert [row["field"] for row in fields] == ["9", "10", "IV", "IX", "a"]


def test_roman_and_letter_codes_make_the_hierarchy(cli) -> None:
    rows = _rows(cli("tree", "--criteria", DEPT_CRITERIA, "--format", "json"))
    tree = {row["code"]: row for row in rows}
    assert (tree["I.2.a"]["parent"], tree["II.10"]["parent"], tree["IV"]["parent"]) == (
        "I.2", "II", None)
    assert tree["I.2.b"]["scoring"] == ["Đúng hạn, đủ nội dung: 18 điểm",
                                        "Đúng hạn, thiếu nội dung: 12 điểm", "Chậm hạn: 0 điểm"]
    assert tree["I.1"]["scoring"] == []
    assert [(tree[c]["kind"], tree[c]["min"]) for c in ("I", "III.2", "IV", "IV.1")] == [
        ("normal", None), ("bonus", None), ("penalty", D(-10)), ("penalty", D(-5))]
    sub = _rows(cli("tree", "I.2", "--criteria", DEPT_CRITERIA, "--format", "json"))
    assert [row["code"] for row in sub] == ["I.2", "I.2.a", "I.2.b"]


@pytest.mark.parametrize("code", ["A", "1.ab", "IIII", "1.Đ"])
def test_a_code_that_is_none_of_the_forms_is_a_schema_error(cli, tmp_path: Path,
                                                             code: str) -> None:
    criteria = _copy(DEPT, tmp_path, criteria=[('code: "II.5"', f'code: "{code}"')])
    result = cli("validate", "--criteria", criteria, "--format", "json")
    assert result.code == 1
    assert [(p["rule"], p["message"]) for p in json.loads(result.out)["errors"]][:1] == [
        ("schema", f"criteria[10].code: code '{code}' is not a dotted code such as 4.3.2, "
                   "1.1.a or II.3 (numbers, one letter a-z or đ, Roman numerals)")]


# --- agencies over time -----------------------------------------------------------------------

MERGED = [{"id": "planning-investment", "until": "2025-03-01"}]


def test_gap_gives_a_merged_agencys_points_to_its_successor(cli) -> None:
    rows = _rows(cli("gap", "--by-agency", "--criteria", DEPT_CRITERIA, "--format", "json"))
    assert [(r["agency"], r["gain"], r["lost"], r["headroom"], len(r["criteria"]),
             r.get("merged")) for r in rows] == [
        ("home-affairs", D("5.5"), D("7.5"), 2, 6, None),
        ("finance", 5, 12, 7, 10, MERGED),
        ("science-technology", 1, 0, 2, 1,
         [{"id": "information-communications", "until": "2025-03-01"}]),
    ]
    table = cli("gap", "--by-agency", "--criteria", DEPT_CRITERIA)
    notes = [line for line in table.out.splitlines() if "→" in line]
    assert notes[0] == ("Department of Planning and Investment → Department of Finance "
                        "(merged 2025-03-01)")
    vi = cli("gap", "--by-agency", "--criteria", DEPT_CRITERIA, "--lang", "vi")
    assert ("Sở Kế hoạch và Đầu tư → Sở Tài chính (sáp nhập ngày 01/03/2025)"
            in vi.out.splitlines())
    leaves = {r["code"]: r for r in _rows(cli("gap", "--criteria", DEPT_CRITERIA, "--format",
                                               "json"))}
    assert (leaves["II.3"]["lead"], leaves["II.3"]["lead_source"]) == (["finance"], "own")


def test_agencies_say_who_took_over(cli) -> None:
    rows = {r["id"]: r for r in _rows(cli("agencies", "--criteria", DEPT_CRITERIA,
                                           "--format", "json"))}
    assert rows["planning-investment"] | {"aliases": []} == {
        "id": "planning-investment", "name": "Sở Kế hoạch và Đầu tư",
        "name_en": "Department of Planning and Investment", "aliases": [],
        "criteria_led": 0, "at_stake": 0, "until": "2025-03-01", "successor": "finance",
        "current": "finance"}
    assert (rows["finance"]["criteria_led"], rows["finance"]["current"]) == (10, "finance")
    table = cli("agencies", "--criteria", DEPT_CRITERIA).out
    assert "(merged 2025-03-01)" in table


def test_assignments_of_a_merged_agency_go_to_its_successor(cli) -> None:
    rows = _rows(cli("assignments", "--agency", "finance", "--criteria", DEPT_CRITERIA,
                     "--format", "json"))
    assert [row["code"] for row in rows] == [f"II.{n}" for n in range(1, 11)]
    assert {tuple(row["lead"]) for row in rows} == {("finance",)}


def test_before_the_merger_the_old_agency_keeps_its_points(cli, tmp_path: Path) -> None:
    # the same plan for 2025: the year began before the merger of 2025-03-01
    criteria = _copy(DEPT, tmp_path, criteria=[
        ("baseline_year: 2025\ntarget_year: 2026\n", "baseline_year: 2024\ntarget_year: 2025\n")],
        assignments=[("year: 2026\n", "year: 2025\n"), ("issued: 2026-01-15\n", "")])
    criteria = criteria.rename(criteria.with_name("criteria_2025.yaml"))
    (criteria.parent / "assignments_2026.yaml").rename(criteria.parent / "assignments_2025.yaml")
    data = _json(cli("validate", "--criteria", criteria, "--format", "json"))
    assert [p for p in data["warnings"] if p["rule"] == "agency-superseded"] == []
    rows = _rows(cli("gap", "--by-agency", "--criteria", criteria, "--format", "json"))
    criteria_of = {r["agency"]: r["criteria"] for r in rows}
    assert (criteria_of["planning-investment"], criteria_of["information-communications"]) == (
        ["II.3", "II.7"], ["III.2"])
    assert all("merged" not in r for r in rows)


def test_successors_are_followed_transitively_and_stop_at_a_cycle() -> None:
    registry = Registry(AgencyRegistry.model_validate({"agencies": [
        {"id": "a", "name": "A", "until": "2024-12-31", "successor": "b"},
        {"id": "b", "name": "B", "until": "2025-06-30", "successor": "c"},
        {"id": "c", "name": "C"},
        {"id": "x", "name": "X", "until": "2020-01-01", "successor": "y"},
        {"id": "y", "name": "Y", "until": "2020-01-01", "successor": "x"},
    ]}))
    assert [registry.current("a", year) for year in (2024, 2025, 2026)] == ["a", "b", "c"]
    assert registry.current("x", 2026) in ("x", "y")  # a cycle stops (successor-chain reports it)
    assert [a.id for a in registry.merged_into("c", 2026)] == ["a", "b"]
    assert registry.current_ids(["A", "B", "C"], 2026) == ["c"]

