"""The commands on the shipped 2020 data: exact outputs, JSON shapes per the brief, exit codes.

Every number here was worked out from the data files independently of parcli (see
tests/test_data_facts.py for the sums), not copied from its output.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parcli import __version__
from parcli.cli import app
from tests.conftest import ACKNOWLEDGEMENT, AGENCIES, ASSIGNMENTS, CRITERIA, ROOT

# The bundled plan and registry, with a tampered copy of the assignments given instead.
BUNDLED_BUT_ASSIGNMENTS = ("--criteria", CRITERIA, "--agencies", AGENCIES)
D = Decimal


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names in messages are relative to the working directory: run from the checkout."""
    monkeypatch.chdir(ROOT)


PLAN = ROOT / "data" / "plan_2020.yaml"
WARNINGS_NOTE = "parcli: 66 warning(s) in the data; 'parcli validate' lists them\n"
# the commands that read the plan file (data/plan_2020.yaml) see its one warning too
PLAN_WARNINGS_NOTE = "parcli: 67 warning(s) in the data; 'parcli validate' lists them\n"
STALE_NOTE = "parcli: 1 warning(s) in the data; 'parcli validate' lists them\n"


def _json(result):
    """The JSON document without its `sources` (tested on their own); a list output is
    `{"sources": ..., "rows": [...]}`."""
    assert result.err in ("", WARNINGS_NOTE, PLAN_WARNINGS_NOTE, STALE_NOTE), result.err
    data = json.loads(result.out, parse_float=Decimal)
    data.pop("sources")
    return data.pop("rows") if set(data) == {"rows"} else data


def _tamper(tmp_path: Path, source: Path, old: str, new: str, count: int = 1) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == count, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    found = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if needle in line]
    assert len(found) == 1, found
    return found[0]


# --- check ----------------------------------------------------------------------------------

FINDINGS = [
    {"code": "2", "column": "baseline", "printed": D("8.67"), "computed": D("8.66"),
     "difference": D("0.01"), "status": "rounding",
     "location": "data/criteria_2020.yaml:74:15"},
    {"code": "3", "column": "target", "printed": D("13.7"), "computed": D("13.68"),
     "difference": D("0.02"), "status": "acknowledged",
     "location": "data/criteria_2020.yaml:137:13",
     "reason": "as printed in the source: children sum to 13.68",
     "reason_vi": "giữ nguyên số liệu ghi trong kế hoạch: các tiêu chí của lĩnh vực cộng lại "
                  "được 13,68"},
    {"code": "4", "column": "baseline", "printed": D("7.74"), "computed": D("7.73"),
     "difference": D("0.01"), "status": "rounding", "location": "data/criteria_2020.yaml:181:15"},
    {"code": "5", "column": "baseline", "printed": D("11.47"), "computed": D("11.48"),
     "difference": D("-0.01"), "status": "rounding",
     "location": "data/criteria_2020.yaml:297:15"},
    {"code": "6", "column": "baseline", "printed": D("8.41"), "computed": D("8.42"),
     "difference": D("-0.01"), "status": "rounding",
     "location": "data/criteria_2020.yaml:406:15"},
]
TOTALS = {"max": {"printed": 100, "computed": 100},
          "baseline": {"printed": D("79.53"), "computed": D("79.53")},
          "target": {"printed": D("92.81"), "computed": D("92.79")}}


def test_check_json(cli) -> None:
    result = cli("check", "--format", "json")
    assert result.code == 0
    assert _json(result) == {"totals": TOTALS, "findings": FINDINGS, "not_checkable": []}
    # numbers are JSON numbers written exactly (no 79.52999999)
    assert '"printed": 79.53,' in result.out and '"computed": 92.79\n' in result.out
    assert '"difference": -0.01,' in result.out


def test_check_table(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # the whole table, no cell wrapped
    result = cli("check")
    assert (result.code, result.err) == (0, "")  # check reads the criteria file only
    name3 = ("Reform of administrative procedures and implementation of the one-stop shop and "
             "inter-agency one-stop shop mechanisms")
    pad = " " * (len(name3) - len("Name"))
    rule = "-" * len(name3)
    assert result.out == (
        "Totals: printed, and added up from the leaf criteria\n"
        "Column         Printed    Computed    Difference\n"
        "-----------  ---------  ----------  ------------\n"
        "Max             100.00      100.00          0.00\n"
        "2019 score       79.53       79.53          0.00\n"
        "2020 target      92.81       92.79          0.02\n"
        "\n"
        "Check-sum findings\n"
        f"Code    Name{pad}  Column         Printed    Computed    Difference  Status        "
        "Reason\n"
        f"------  {rule}  -----------  ---------  ----------  ------------  ------------  "
        "-----------------------------------------------\n"
        + "".join(
            f"{code:<6}  {name:<{len(name3)}}  {column:<11}  {printed:>9}  {computed:>10}  "
            f"{diff:>12}  {status:<12}  {reason}".rstrip() + "\n"
            for code, name, column, printed, computed, diff, status, reason in [
                ("2", "Drafting and implementation of legal normative documents in the "
                 "province", "2019 score", "8.67", "8.66", "0.01", "rounding", ""),
                ("3", name3, "2020 target", "13.70", "13.68", "0.02", "acknowledged",
                 "as printed in the source: children sum to 13.68"),
                ("4", "Reform of the administrative apparatus", "2019 score", "7.74", "7.73",
                 "0.01", "rounding", ""),
                ("5", "Building and improving the quality of cadres, civil servants and public "
                 "employees", "2019 score", "11.47", "11.48", "-0.01", "rounding", ""),
                ("6", "Public finance reform", "2019 score", "8.41", "8.42", "-0.01", "rounding",
                 ""),
            ])
        + "\nData: data/criteria_2020.yaml (bundled with parcli)\n"
        + "\n0 error(s), 1 acknowledged, 4 rounding (tolerance 0.01)\n")


def test_check_csv_parses_back(cli) -> None:
    result = cli("check", "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["code"], r["printed"], r["computed"], r["difference"], r["status"])
            for r in rows] == [
        ("2", "8.67", "8.66", "0.01", "rounding"),
        ("3", "13.7", "13.68", "0.02", "acknowledged"),
        ("4", "7.74", "7.73", "0.01", "rounding"),
        ("5", "11.47", "11.48", "-0.01", "rounding"),
        ("6", "8.41", "8.42", "-0.01", "rounding"),
    ]
    assert list(rows[0]) == ["location", "code", "name", "column", "printed", "computed",
                             "difference",
                             "status", "reason"]
    # a name with commas survives quoting
    assert rows[3]["name"] == ("Building and improving the quality of cadres, civil servants "
                               "and public employees")


def _md_tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("|"):
            assert line.endswith("|"), line
            cells = [c.strip() for c in line[1:-1].split("|")]
            if current is None:
                current = []
                tables.append(current)
            current.append(cells)
        else:
            current = None
    return tables


def test_check_markdown_is_a_valid_table(cli) -> None:
    result = cli("check", "--format", "md")
    assert result.code == 0
    assert result.out.startswith("### Totals: printed, and added up from the leaf criteria\n\n"
                                 "| Column")
    totals, findings = _md_tables(result.out)
    for table in (totals, findings):
        assert len({len(row) for row in table}) == 1  # every row has the header's cells
        assert all(set(cell) <= set("-:") and cell for cell in table[1])  # separator row
    assert totals[2:] == [["Max", "100.00", "100.00", "0.00"],
                          ["2019 score", "79.53", "79.53", "0.00"],
                          ["2020 target", "92.81", "92.79", "0.02"]]
    assert [row[0] for row in findings[2:]] == ["2", "3", "4", "5", "6"]
    assert "\n0 error(s), 1 acknowledged, 4 rounding (tolerance 0.01)\n" in result.out


def test_check_github_format(cli) -> None:
    result = cli("check", "--format", "github")
    assert result.code == 0
    line = _line(CRITERIA, "target: 13.7")
    # An acknowledged difference is no problem: no annotation (check's table shows it).
    assert line > 0
    assert result.out == (
        "Data: data/criteria_2020.yaml (bundled with parcli)\n"
        "0 error(s), 1 acknowledged, 4 rounding (tolerance 0.01)\n")


def test_check_tolerance_zero_turns_rounding_into_errors(cli) -> None:
    result = cli("check", "--tolerance", "0", "--format", "json")
    assert result.code == 1
    data = _json(result)
    assert [(f["code"], f["status"]) for f in data["findings"]] == [
        ("2", "error"), ("3", "acknowledged"), ("4", "error"), ("5", "error"), ("6", "error")]
    assert data["totals"] == TOTALS


def test_check_tolerance_zero_github_lines(cli) -> None:
    result = cli("check", "--tolerance", "0", "--format", "github")
    assert result.code == 1
    lines = result.out.splitlines()
    # baseline lines of rows 2, 4, 5 and 6 (the only rows printing these baselines)
    expected = [(code, _line(CRITERIA, f"baseline: {printed}"), printed, computed, difference)
                for code, printed, computed, difference in [
                    ("2", "8.67", "8.66", "0.01"), ("4", "7.74", "7.73", "0.01"),
                    ("5", "11.47", "11.48", "-0.01"), ("6", "8.41", "8.42", "-0.01")]]
    errors = [entry for entry in lines if entry.startswith("::error")]
    assert errors == [
        f"::error file=data/criteria_2020.yaml,line={line},col=15,title=checksum::{code} "
        f"baseline: printed {printed}, rows add up to {computed} (difference {difference}); "
        "fix the data or acknowledge it with a reason"
        for code, line, printed, computed, difference in expected]
    assert lines[-1] == "4 error(s), 1 acknowledged, 0 rounding (tolerance 0)"


def test_check_wider_tolerance(cli) -> None:
    data = _json(cli("check", "--tolerance", "0.02", "--format", "json"))
    assert [f["status"] for f in data["findings"]] == ["rounding"] * 5


def test_check_fails_without_the_acknowledgement(cli, tmp_path: Path) -> None:
    criteria = _tamper(tmp_path, CRITERIA, ACKNOWLEDGEMENT, "")
    result = cli("check", "--criteria", criteria, "--format", "json")
    assert result.code == 1
    findings = _json(result)["findings"]
    line = _line(criteria, "target: 13.7")
    assert findings[1] == {"code": "3", "column": "target", "printed": D("13.7"),
                           "computed": D("13.68"), "difference": D("0.02"), "status": "error",
                           "location": f"{criteria}:{line}:13"}
    table = cli("check", "--criteria", criteria)
    assert table.code == 1
    assert table.out.endswith("1 error(s), 0 acknowledged, 4 rounding (tolerance 0.01)\n")
    # the error as every command prints a problem: file:line:col first (issue 18, item 24)
    assert table.err == (
        f"{criteria}:{line}:13: error 3 target: printed 13.7, rows add up to 13.68 (difference "
        "0.02); fix the data or acknowledge it with a reason [checksum]\n")
    github = cli("check", "--criteria", criteria, "--format", "github")
    assert github.code == 1
    assert f"::error file={criteria},line={line},col=13,title=checksum::3 target: printed 13.7, "\
        "rows add up to 13.68 (difference 0.02); fix the data or acknowledge it with a " \
        "reason\n" in github.out.replace("%3A", ":")


@pytest.mark.parametrize("value", ["-1", "abc", "nan", "1e999999999", "1001", "0.0000000000001"])
def test_check_bad_tolerance(cli, value: str) -> None:
    result = cli("check", "--tolerance", value)
    assert result.code == 2
    assert result.out == ""
    assert result.err == (f"parcli: error: Invalid value for '--tolerance': '{value}' is not a "
                          "number between 0 and 1000 with at most 12 decimal places "
                          "(see 'parcli check --help')\n")


# --- tree -----------------------------------------------------------------------------------

def test_tree_json_is_every_row_in_document_order(cli) -> None:
    result = cli("tree", "--format", "json")
    assert result.code == 0
    rows = _json(result)
    assert len(rows) == 103
    import yaml

    codes = [row["code"] for row in yaml.safe_load(CRITERIA.read_text("utf-8"))["criteria"]]
    assert [row["code"] for row in rows] == codes
    assert all(list(row) == ["code", "parent", "name", "name_en", "max", "baseline", "target",
                             "gain", "lead", "lead_source", "method", "kind", "min", "scoring"]
               for row in rows)
    by_code = {row["code"]: row for row in rows}
    assert by_code["2.4.1"] == {
        "code": "2.4.1", "parent": "2.4",
        "name": "Tính đồng bộ, thống nhất của hệ thống VBQPPL thuộc phạm vi quản lý Nhà nước "
                "của tỉnh",
        "name_en": "Consistency and uniformity of the system of legal normative documents "
                   "within the province's scope of state management",
        "max": 1, "baseline": D("0.78"), "target": D("0.9"), "gain": D("0.12"),
        "lead": ["justice"], "lead_source": "own", "method": "evidence", "kind": "normal",
        "min": None, "scoring": []}
    assert by_code["1"]["parent"] is None and by_code["1"]["lead"] == []
    assert by_code["1"]["lead_source"] == "none"
    # a leaf without a lead of its own or above takes its assignments' leads, as in `gap`
    assert (by_code["8.3"]["lead"], by_code["8.3"]["lead_source"]) == (
        ["planning-investment", "finance"], "assignments")
    assert by_code["4.3.1"]["lead"] == ["planning-investment", "finance",
                                        "natural-resources-environment",
                                        "agriculture-rural-development", "home-affairs"]
    assert by_code["6"]["gain"] == D("3.49")
    assert sum(1 for row in rows if row["parent"] is None) == 8


def test_tree_subtree(cli) -> None:
    result = cli("tree", "2.4", "--format", "json")
    assert result.code == 0
    rows = _json(result)
    assert [(r["code"], r["max"], r["baseline"], r["target"], r["gain"]) for r in rows] == [
        ("2.4", 5, D("3.66"), D("4.4"), D("0.74")),
        ("2.4.1", 1, D("0.78"), D("0.9"), D("0.12")),
        ("2.4.2", 1, D("0.79"), D("0.9"), D("0.11")),
        ("2.4.3", D("1.5"), D("1.04"), D("1.3"), D("0.26")),
        ("2.4.4", D("1.5"), D("1.05"), D("1.3"), D("0.25")),
    ]


def test_tree_depth_one_is_the_fields(cli) -> None:
    result = cli("tree", "--depth", "1")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Criteria"
    assert lines[-1] == ("Data: data/criteria_2020.yaml, data/assignments_2020.yaml, "
                         "data/agencies.yaml (bundled with parcli)")
    lines = lines[:-2]
    assert [line.split()[0] for line in lines[3:]] == [str(n) for n in range(1, 9)]
    # one precision per column: 6.50 beside 8.41
    assert lines[3].split()[-4:] == ["8.5", "6.50", "8.00", "1.50"]
    assert lines[8].split()[-7:] == ["12.5", "8.41", "11.90", "3.49", "Department", "of",
                                     "Finance"]  # the lead by name (the id in csv and json)
    assert len(_json(cli("tree", "--depth", "2", "--format", "json"))) == 8 + 43


def _fold(text: str) -> str:
    text = text.casefold().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_tree_search_without_diacritics(cli) -> None:
    import yaml

    rows = yaml.safe_load(CRITERIA.read_text("utf-8"))["criteria"]
    expected = [r["code"] for r in rows if "tai chinh" in _fold(r["name"] + " " + r["name_en"])]
    assert expected == ["6", "6.1", "6.1.3", "6.3.3", "6.4"]
    plain = _json(cli("tree", "--search", "tai chinh", "--format", "json"))
    accented = _json(cli("tree", "--search", "TÀI CHÍNH", "--format", "json"))
    assert [r["code"] for r in plain] == [r["code"] for r in accented] == expected
    assert all("tài chính" in r["name"].casefold() for r in plain)
    # "đầu tư" (investment): đ folds to d
    assert [r["code"] for r in _json(cli("tree", "--search", "dau tu", "--format", "json"))] \
        == [r["code"] for r in rows if "dau tu" in _fold(r["name"])] == ["6.1.1", "8.2"]


def test_tree_unknown_code(cli) -> None:
    result = cli("tree", "9.9")
    assert (result.code, result.out) == (2, "")
    assert result.err == "parcli: error: no criterion with code 9.9\n"


# --- gap ------------------------------------------------------------------------------------

AGENCY_RANKING = [  # (id, gain, lost, headroom, criteria) under --shared split
    ("home-affairs", D("4.36"), D("8.51"), D("4.15"), 30),
    ("finance", D("3.68"), D("4.34"), D("0.66"), 20),
    ("ppc-office", D("2.16"), D("3.28"), D("1.12"), 8),
    ("information-communications", D("1.22"), D("1.57"), D("0.35"), 13),
    ("justice", D("0.74"), D("1.34"), D("0.6"), 7),
    ("planning-investment", D("0.48"), D("0.54"), D("0.06"), 9),
    ("natural-resources-environment", D("0.25"), D("0.31"), D("0.06"), 4),
    ("construction", D("0.2"), D("0.2"), D(0), 2),
    ("science-technology", D("0.12"), D("0.27"), D("0.15"), 2),
    ("agriculture-rural-development", D("0.05"), D("0.11"), D("0.06"), 2),
]


def test_gap_by_agency_json(cli) -> None:
    result = cli("gap", "--by-agency", "--format", "json")
    assert result.code == 0
    rows = _json(result)
    assert all(list(row) == ["agency", "name", "name_en", "gain", "lost", "headroom",
                             "criteria"] for row in rows)
    assert [(r["agency"], r["gain"], r["lost"], r["headroom"], len(r["criteria"]))
            for r in rows] == AGENCY_RANKING
    assert rows[0]["name"] == "Sở Nội vụ"
    assert rows[0]["name_en"] == "Department of Home Affairs"
    assert rows[5]["criteria"] == ["4.3.1", "4.3.2", "4.3.3", "4.4.3", "6.1.1", "8.2", "8.3",
                                   "8.5", "8.6"]
    # split: the agencies add up to the leaves' total, exactly
    assert sum(r["gain"] for r in rows) == D("13.26")
    assert sum(r["lost"] for r in rows) == D("20.47")
    assert sum(r["headroom"] for r in rows) == D("7.21")


def test_gap_by_agency_table(cli) -> None:
    result = cli("gap", "--by-agency")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == ("Agencies ranked by points needed (a criterion with several leads is "
                        "split equally)")
    # agencies by name, in the ranking's order; their ids only in csv and json
    names = [row["name_en"] for row in _json(cli("gap", "--by-agency", "--format", "json"))]
    assert [line.startswith(f"{name}  ") for line, name in zip(lines[3:13], names,
                                                                strict=True)] == [True] * 10
    assert not any(row[0] in result.out for row in AGENCY_RANKING)
    assert lines[3].split()[-4:] == ["4.36", "8.51", "4.15", "30"]
    assert lines[13].split() == ["Total", "13.26", "20.47", "7.21", "80"]
    assert lines[-1] == ("Points needed, added up over the leaf criteria: 13.26; from the "
                         "printed totals: 92.81 − 79.53 = 13.28")


def test_gap_by_agency_full(cli) -> None:
    rows = _json(cli("gap", "--by-agency", "--shared", "full", "--format", "json"))
    assert [(r["agency"], r["gain"], r["lost"], r["headroom"]) for r in rows] == [
        ("home-affairs", D("5.36"), D("9.75"), D("4.39")),
        ("finance", D("4.77"), D("5.67"), D("0.9")),
        ("ppc-office", D("2.16"), D("3.28"), D("1.12")),
        ("planning-investment", D("1.57"), D("1.87"), D("0.3")),
        ("natural-resources-environment", D("1.25"), D("1.55"), D("0.3")),
        ("information-communications", D("1.22"), D("1.57"), D("0.35")),
        ("construction", 1, 1, 0),
        ("justice", D("0.74"), D("1.34"), D("0.6")),
        ("agriculture-rural-development", D("0.25"), D("0.55"), D("0.3")),
        ("science-technology", D("0.12"), D("0.27"), D("0.15")),
    ]
    table = cli("gap", "--by-agency", "--shared", "full")
    assert "Total" not in table.out  # credits counted once per lead: no true total
    assert table.out.splitlines()[0] == (
        "Agencies ranked by points needed (a criterion with several leads counts in full for "
        "each)")


def test_gap_by_agency_basis_lost_and_top(cli) -> None:
    rows = _json(cli("gap", "--by-agency", "--basis", "lost", "--top", "3", "--format", "json"))
    assert [(r["agency"], r["lost"]) for r in rows] == [
        ("home-affairs", D("8.51")), ("finance", D("4.34")), ("ppc-office", D("3.28"))]


def test_gap_by_agency_verbose_lists_codes(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # each row on one line
    result = cli("gap", "--by-agency", "-v", "--top", "7")
    assert result.code == 0
    lines = result.out.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    assert " ".join(lines[1:rule]).split()[-2:] == ["Criteria", "codes"]  # a header may wrap
    nre = next(line for line in lines if line.startswith("Department of Natural Resources"))
    assert nre.endswith("4.3.1, 4.3.2, 4.3.3, 4.4.3")
    assert "Criteria codes" not in cli("gap", "--by-agency").out


def test_gap_leaves(cli) -> None:
    rows = _json(cli("gap", "--format", "json"))
    assert len(rows) == 80
    assert all(list(r) == ["code", "name", "name_en", "gain", "lost", "headroom", "lead",
                           "lead_source"] for r in rows)
    assert [(r["code"], r["gain"]) for r in rows[:7]] == [
        ("4.1.2", 1), ("4.3.3", 1), ("6.1.2", 1), ("6.1.3", 1), ("7.1.6", 1),
        ("6.2.3", D("0.75")), ("8.1", D("0.66"))]
    assert [(r["code"], r["gain"], r["lost"], r["headroom"]) for r in rows] == _leaves("gain")
    assert sum(r["gain"] for r in rows) == D("13.26")
    sources = {r["code"]: r["lead_source"] for r in rows if r["lead_source"] != "own"}
    assert sources == {"4.3.2": "assignments", "4.3.3": "assignments", "8.3": "assignments"}
    assert {r["code"]: r["lead"] for r in rows}["8.3"] == ["planning-investment", "finance"]


def test_gap_leaves_top_three_table(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # each row on one line
    result = cli("gap", "--top", "3")
    lines = result.out.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    rows = [line for line in lines[rule + 1:] if line and not line[0].isspace()]  # no wraps
    assert [row.split()[0] for row in rows[:3]] == ["4.1.2", "4.3.3", "6.1.2"]
    assert rows[3].split() == ["Total", "(all", "80", "criteria)", "13.26", "20.47", "7.21"]


def _leaves(basis: str) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """Leaves with (gain, lost, headroom), ranked by `basis` then document order, computed
    here from the YAML without parcli."""
    import yaml

    text = CRITERIA.read_text("utf-8")
    rows = yaml.safe_load(text.replace("\n    max: ", "\n    max: !!str ")
                          .replace("\n    baseline: ", "\n    baseline: !!str ")
                          .replace("\n    target: ", "\n    target: !!str "))["criteria"]
    codes = {row["code"] for row in rows}
    leaves = []
    for row in rows:
        if not any(code.startswith(row["code"] + ".") for code in codes):
            top, base, target = D(row["max"]), D(row["baseline"]), D(row["target"])
            leaves.append((row["code"], target - base, top - base, top - target))
    index = {"gain": 1, "lost": 2, "headroom": 3}[basis]
    return sorted(leaves, key=lambda leaf: -leaf[index])  # stable: document order on ties


def test_gap_basis_lost_and_headroom(cli) -> None:
    lost = _json(cli("gap", "--basis", "lost", "--format", "json"))
    assert [(r["code"], r["gain"], r["lost"], r["headroom"]) for r in lost] == _leaves("lost")
    assert [(r["code"], r["lost"]) for r in lost[:2]] == [("8.1", D("2.46")), ("1.6", 1)]
    headroom = _json(cli("gap", "--basis", "headroom", "--top", "3", "--format", "json"))
    assert [(r["code"], r["headroom"]) for r in headroom] == [
        ("8.1", D("1.8")), ("1.6", D("0.5")), ("5.5", D("0.5"))]
    assert [r["code"] for r in headroom] == [leaf[0] for leaf in _leaves("headroom")[:3]]


def test_gap_by_field(cli) -> None:
    rows = _json(cli("gap", "--by-field", "--format", "json"))
    assert [(r["field"], r["gain"], r["lost"], r["headroom"], len(r["criteria"]))
            for r in rows] == [
        ("6", D("3.48"), D("4.08"), D("0.6"), 15),
        ("4", D("3.17"), D("4.27"), D("1.1"), 12),
        ("7", D("2.34"), D("2.84"), D("0.5"), 16),
        ("1", D("1.5"), 2, D("0.5"), 6),
        ("8", D("0.84"), D("2.64"), D("1.8"), 6),
        ("2", D("0.74"), D("1.34"), D("0.6"), 7),
        ("5", D("0.73"), D("2.52"), D("1.79"), 13),
        ("3", D("0.46"), D("0.78"), D("0.32"), 5),
    ]
    assert sum(r["gain"] for r in rows) == D("13.26")
    assert rows[0]["name"] == "CẢI CÁCH TÀI CHÍNH CÔNG"


def test_gap_one_field(cli) -> None:
    rows = _json(cli("gap", "--by-agency", "--field", "6", "--format", "json"))
    assert [(r["agency"], r["gain"], r["lost"], r["headroom"], len(r["criteria"]))
            for r in rows] == [("finance", D("3.34"), D("3.94"), D("0.6"), 14),
                               ("planning-investment", D("0.14"), D("0.14"), 0, 1)]
    table = cli("gap", "--by-agency", "--field", "6")
    lines = table.out.splitlines()
    assert lines[5].split() == ["Total", "3.48", "4.08", "0.6", "15"]
    # the note compares field 6's leaves with field 6's printed row (11.9 - 8.41)
    assert lines[-1] == ("Points needed, added up over the leaf criteria: 3.48; from the "
                         "printed totals: 11.9 − 8.41 = 3.49")
    leaves = _json(cli("gap", "--field", "6", "--format", "json"))
    assert len(leaves) == 15 and all(r["code"].startswith("6.") for r in leaves)


@pytest.mark.parametrize(("args", "message"), [
    (["--field", "9"], "parcli: error: no field 9 (fields: 1, 2, 3, 4, 5, 6, 7, 8)\n"),
    (["--basis", "points"], "parcli: error: Invalid value for '--basis': Value error, 'points' "
                            "is not one of 'gain', 'lost', 'headroom'. "
                            "(see 'parcli gap --help')\n"),
    (["--shared", "half"], "parcli: error: Invalid value for '--shared': Value error, 'half' is "
                           "not one of 'split', 'full'. (see 'parcli gap --help')\n"),
    (["--by-agency", "--by-field"], "parcli: error: Invalid value for '--by-agency': choose one "
                                    "of --by-agency, --by-field and --by-method (see "
                                    "'parcli gap --help')\n"),
])
def test_gap_misuse(cli, args: list[str], message: str) -> None:
    result = cli("gap", *args)
    assert (result.code, result.out, result.err) == (2, "", message)


# --- validate -------------------------------------------------------------------------------

UNCOVERED = {  # leaf criteria without an assignment: (gain, lost), from the criteria file
    "2.4.1": ("0.12", "0.22"), "2.4.2": ("0.11", "0.21"), "2.4.3": ("0.26", "0.46"),
    "2.4.4": ("0.25", "0.45"), "4.4.1": ("0.2", "0.5"), "4.4.2": ("0.29", "0.59"),
    "4.4.3": ("0.25", "0.55"), "5.8.1": ("0.08", "0.16"), "5.8.2": ("0.08", "0.16"),
    "5.9.1": ("0.07", "0.27"), "5.9.2": ("0.09", "0.24"), "5.9.3": ("0.11", "0.26"),
    "5.9.4": ("0.05", "0.43"), "6.4.1": ("0.1", "0.25"), "6.4.2": ("0.1", "0.25"),
    "6.4.3": ("0.06", "0.21"), "6.4.4": ("0.08", "0.23"), "7.5.1": ("0.1", "0.2"),
    "7.5.2": ("0.08", "0.23"), "7.5.3": ("0.1", "0.2"), "7.5.4": ("0.12", "0.27"),
}


def test_validate_shipped_data(cli) -> None:
    result = cli("validate", "--format", "json")
    assert result.code == 0
    data = _json(result)
    assert list(data) == ["errors", "warnings"]
    assert data["errors"] == []
    warnings = data["warnings"]
    assert all(list(w) == ["rule", "code", "message", "file", "line", "column"]
               for w in warnings)
    rules: dict[str, list[str]] = {}
    for warning in warnings:
        rules.setdefault(str(warning["rule"]), []).append(str(warning["code"]))
    assert {rule: len(codes) for rule, codes in rules.items()} == {
        "uncovered-criterion": 21, "missing-requirement": 1, "missing-deadline": 2,
        "lead-mismatch": 7, "title-mismatch": 35, "body-appendix-mismatch": 1}
    assert rules["missing-requirement"] == ["6.2.2"]
    assert rules["missing-deadline"] == ["8.5", "8.6"]
    assert rules["lead-mismatch"] == ["3.4.4", "4.3.1", "8.1.1", "8.1.2", "8.1.3", "8.1.4",
                                      "8.1.5"]
    uncovered = [w for w in warnings if w["rule"] == "uncovered-criterion"]
    assert [w["code"] for w in uncovered] == list(UNCOVERED)
    for warning in uncovered:
        gain, lost = UNCOVERED[str(warning["code"])]
        field = str(warning["code"])[0]
        tasks = {"6": 4, "7": 4}.get(field, 3)  # Part II of data/plan_2020.yaml
        assert warning["message"] == (f"criterion {warning['code']} has no assignment "
                                      f"(gain {gain}, lost {lost} points); Part II.{field} "
                                      f"lists {tasks} tasks for field {field}, none names it")
        assert warning["file"] == "data/criteria_2020.yaml"
        assert warning["line"] == _line(CRITERIA, f'code: "{warning["code"]}"')
    assert sum(D(g) for g, _ in UNCOVERED.values()) == D("2.70")
    assert sum(D(lost) for _, lost in UNCOVERED.values()) == D("6.34")
    mismatch = next(w for w in warnings if w["code"] == "4.3.1" and w["rule"] == "lead-mismatch")
    assert mismatch["message"] == (
        "assignment 4.3.1 is led by construction, finance, home-affairs, "
        "natural-resources-environment, planning-investment; criterion 4.3.1 by "
        "agriculture-rural-development, finance, home-affairs, natural-resources-environment, "
        "planning-investment")


def test_validate_table_and_strict(cli) -> None:
    result = cli("validate")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 69
    assert lines[-2] == ("Data: data/criteria_2020.yaml, data/assignments_2020.yaml, "
                         "data/agencies.yaml, data/plan_2020.yaml (bundled with parcli)")
    assert lines[0] == ("data/criteria_2020.yaml:104:11: warning criterion 2.4.1 has no "
                        "assignment (gain 0.12, lost 0.22 points); Part II.2 lists 3 tasks for "
                        "field 2, none names it [uncovered-criterion]")
    assert lines[-1] == "0 error(s), 67 warning(s)"
    strict = cli("validate", "--strict")
    assert strict.code == 1
    assert strict.out.splitlines()[-1] == "67 error(s), 0 warning(s)"
    data = _json(cli("validate", "--strict", "--format", "json"))
    assert (len(data["errors"]), data["warnings"]) == (67, [])


def test_validate_github_format(cli) -> None:
    result = cli("validate", "--format", "github")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == 69
    assert lines[0] == ("::warning file=data/criteria_2020.yaml,line=104,col=11,"
                        "title=uncovered-criterion::criterion 2.4.1 has no assignment "
                        "(gain 0.12, lost 0.22 points); Part II.2 lists 3 tasks for field 2, "
                        "none names it")
    assert all(line.startswith("::warning file=data/") for line in lines[:-2])
    strict = cli("validate", "--format", "github", "--strict")
    assert strict.code == 1
    assert sum(line.startswith("::error file=data/") for line in strict.out.splitlines()) == 67


def test_validate_unknown_criterion_in_tampered_assignments(cli, tmp_path: Path) -> None:
    assignments = _tamper(tmp_path, ASSIGNMENTS, '  - code: "8.6"', '  - code: "9.9"')
    line = _line(assignments, 'code: "9.9"')
    result = cli("validate", *BUNDLED_BUT_ASSIGNMENTS, "--assignments", assignments)
    assert result.code == 1
    assert (f"{assignments}:{line}:11: error assignment 9.9 maps to no criterion (no 9.9 nor "
            "any ancestor of it in the criteria file) [unknown-criterion]\n") in result.out
    # 8.6 loses its assignment, and data/plan_2020.yaml's target II.8.6.a its subject
    assert result.out.endswith("2 error(s), 67 warning(s)\n")
    data = _json(cli("validate", *BUNDLED_BUT_ASSIGNMENTS, "--assignments", assignments,
                     "--format", "json"))
    assert data["errors"] == [{
        "rule": "unknown-criterion", "code": "9.9",
        "message": "assignment 9.9 maps to no criterion (no 9.9 nor any ancestor of it in the "
                   "criteria file)",
        "file": str(assignments), "line": line, "column": 11}, {
        "rule": "plan-unknown-code", "code": "8.6",
        "message": "no item 8.6 in the assignments file", "file": "data/plan_2020.yaml",
        "line": _line(PLAN, 'subjects: ["8.6"]'), "column": 24}]


def test_validate_unknown_agency_in_tampered_assignments(cli, tmp_path: Path) -> None:
    assignments = _tamper(tmp_path, ASSIGNMENTS, 'lead: ["Sở Khoa học và Công nghệ"]',
                          'lead: ["Sở Khoa học Công nghệ"]', count=2)
    lines = [n for n, text in enumerate(assignments.read_text("utf-8").splitlines(), 1)
             if "Sở Khoa học Công nghệ" in text]
    result = cli("validate", *BUNDLED_BUT_ASSIGNMENTS, "--assignments", assignments,
                 "--format", "json")
    assert result.code == 1
    assert _json(result)["errors"] == [
        {"rule": "unknown-agency", "code": code, "file": str(assignments), "line": line,
         "column": 12, "message": "unknown agency 'Sở Khoa học Công nghệ'; did you mean "
                                  "'Sở Khoa học và Công nghệ' (science-technology)?"}
        for code, line in zip(["7.4.1", "7.4.2"], lines, strict=True)]


def test_validate_unknown_agency_in_tampered_criteria(cli, tmp_path: Path) -> None:
    text = CRITERIA.read_text("utf-8")
    old = "    lead: [Văn phòng UBND tỉnh]\n  - code: \"2\""
    assert text.count(old) == 1
    criteria = tmp_path / "criteria_2020.yaml"
    criteria.write_text(text.replace(old, "    lead: [VP UBND]\n  - code: \"2\""), "utf-8")
    line = _line(criteria, "lead: [VP UBND]")
    result = cli("validate", "--criteria", criteria, "--agencies", AGENCIES)
    assert result.code == 1
    assert (f"{criteria}:{line}:12: error unknown agency 'VP UBND': add it (or this spelling "
            "as an alias) to the registry [unknown-agency]\n") in result.out


def test_validate_malformed_file(cli, tmp_path: Path) -> None:
    broken = tmp_path / "assignments.yaml"
    broken.write_text("year: 2020\nassignments: [\n", encoding="utf-8")
    result = cli("validate", *BUNDLED_BUT_ASSIGNMENTS, "--assignments", broken, "--format", "json")
    assert result.code == 1
    errors = _json(result)["errors"]
    assert [(e["rule"], e["file"]) for e in errors] == [("yaml-syntax", str(broken))]


def test_missing_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("validate", "--criteria", tmp_path / "nope.yaml")
    assert (result.code, result.out) == (2, "")
    assert result.err == f"parcli: error: --criteria: {tmp_path / 'nope.yaml'}: no such file\n"


# --- agencies and assignments ---------------------------------------------------------------

def test_agencies_json(cli) -> None:
    result = cli("agencies", "--format", "json")
    assert result.code == 0
    rows = _json(result)
    assert len(rows) == 20
    assert all(list(r)[:4] == ["id", "name", "name_en", "aliases"] for r in rows)
    assert rows[0] == {"id": "home-affairs", "name": "Sở Nội vụ",
                       "name_en": "Department of Home Affairs", "aliases": [],
                       "criteria_led": 30, "at_stake": D("8.51"), "until": None,
                       "successor": None, "current": "home-affairs"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["district-pcs"]["aliases"] == ["UBND các huyện, thị xã, thành phố"]
    assert by_id["district-pcs"]["criteria_led"] == 0
    led = {r["id"]: (r["criteria_led"], r["at_stake"]) for r in rows if r["criteria_led"]}
    assert led == {agency: (count, lost) for agency, _, lost, _, count in AGENCY_RANKING}


def test_assignments_json(cli) -> None:
    result = cli("assignments", "--format", "json")
    assert result.code == 0
    rows = _json(result)
    assert len(rows) == 86
    assert all(list(r) == ["code", "criterion", "title", "title_en", "product", "requirement",
                           "deadline", "due", "lead", "implementers"] for r in rows)
    import yaml

    items = yaml.safe_load(ASSIGNMENTS.read_text("utf-8"))["assignments"]
    assert [r["code"] for r in rows] == [i["code"] for i in items if i.get("product")]
    by_code = {r["code"]: r for r in rows}
    assert by_code["5.6"]["deadline"] == "Trước ngày 31/01 năm sau"
    assert by_code["5.6"]["due"] == "2021-01-30"  # "Trước ngày 31/01 năm sau": before it
    assert by_code["1.2"]["due"] is None and by_code["8.5"]["deadline"] is None
    assert by_code["5.2.1"]["criterion"] == "5.2"
    assert by_code["1.4.1"]["implementers"] == ["information-communications",
                                                "radio-television", "dak-lak-newspaper",
                                                "departments", "district-pcs"]
    assert sum(r["due"] == "2020-12-31" for r in rows) == 75  # 73 "Trong năm 2020" + 1 + Quý IV


def test_assignments_filters(cli) -> None:
    finance = _json(cli("assignments", "--agency", "finance", "--format", "json"))
    assert [r["code"] for r in finance] == [
        "1.5", "4.3.1", "4.3.2", "4.3.3", "6.1.2", "6.1.3", "6.2.1", "6.2.2", "6.2.3", "6.2.4",
        "6.3.1", "6.3.2", "6.3.3", "6.3.4", "8.3.2", "8.4"]
    sipas = _json(cli("assignments", "--criterion", "8.1", "--format", "json"))
    assert [(r["code"], r["criterion"], r["due"]) for r in sipas] == [
        ("8.1.1", "8.1", "2020-12-31"), ("8.1.2", "8.1", None), ("8.1.3", "8.1", "2020-12-31"),
        ("8.1.4", "8.1", None), ("8.1.5", "8.1", None)]
    both = _json(cli("assignments", "--criterion", "7", "--agency", "provincial-post",
                     "--format", "json"))
    assert [r["code"] for r in both] == ["7.3.1", "7.3.2", "7.3.3"]
    result = cli("assignments", "--agency", "nope")
    assert (result.code, result.out) == (2, "")
    assert result.err == "parcli: error: no agency with id or name 'nope' (see 'parcli agencies')\n"
    # an assignment code that is no criterion code filters too (5.2.1 belongs to 5.2)
    only = _json(cli("assignments", "--criterion", "5.2.1", "--format", "json"))
    assert [(r["code"], r["criterion"]) for r in only] == [("5.2.1", "5.2")]
    typo = cli("assignments", "--criterion", "9.9")
    assert (typo.code, typo.out) == (2, "")
    assert typo.err == "parcli: error: no criterion or assignment with code 9.9\n"


# --- language, version, misuse, CliRunner ---------------------------------------------------

def test_lang_vi(cli) -> None:
    result = cli("tree", "8.1", "--lang", "vi")
    assert result.code == 0
    assert result.out.splitlines()[0] == "Tiêu chí"
    assert result.out.splitlines()[1].split()[:2] == ["STT", "Lĩnh"]
    assert "Lĩnh vực/Tiêu chí/Tiêu chí thành phần" in result.out.splitlines()[1]
    assert "Điểm năm 2019" in result.out and "Mục tiêu năm 2020" in result.out
    assert "Kết quả Chỉ số hài lòng (SIPAS)" in result.out
    gap = cli("gap", "--by-agency", "--top", "1", "--lang", "vi")
    assert gap.out.splitlines()[3].split()[:4] == ["Sở", "Nội", "vụ", "4,36"]  # no id
    assert gap.out.splitlines()[-1] == ("Điểm cần tăng cộng từ các tiêu chí thành phần: 13,26; "
                                        "theo tổng điểm trong kế hoạch: 92,81 − 79,53 = 13,28")


def test_lang_from_environment(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCLI_LANG", "vi")
    assert cli("check").out.endswith("0 lỗi, 1 sai lệch đã ghi nhận, 4 chênh lệch do làm tròn "
                                     "(dung sai 0,01)\n")
    result = cli("check", "--lang", "xx")
    assert result.code == 2


def test_python_m_parcli_version() -> None:
    done = subprocess.run([sys.executable, "-m", "parcli", "--version"], capture_output=True,
                          text=True, cwd=ROOT, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"parcli {__version__}\n", "")


@pytest.mark.parametrize(("args", "message"), [
    (["gap", "--top", "5x"], "parcli: error: Invalid value for '--top': Input should be a valid "
     "integer, unable to parse string as an integer (see 'parcli gap --help')\n"),
    (["due", "--within", "-1"], "parcli: error: Invalid value for '--within': Input should be "
     "greater than or equal to 0 (see 'parcli due --help')\n"),
])
def test_a_bad_whole_number_is_one_usage_line(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", message)


@pytest.mark.parametrize(("args", "message"), [
    (["check", "--bogus"],
     "parcli: error: No such option: --bogus (see 'parcli check --help')\n"),
    (["--bogus"], "parcli: error: No such option: --bogus (see 'parcli --help')\n"),
])
def test_unknown_option(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_through_click_cli_runner() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout, parse_float=Decimal)
    assert data == {"sources": [{"kind": "criteria", "path": "data/criteria_2020.yaml",
                                 "bundled": True}],
                    "totals": TOTALS, "findings": FINDINGS, "not_checkable": []}
    strict = runner.invoke(app, ["validate", "--strict", "--format", "json"])
    assert strict.exit_code == 1
    assert len(json.loads(strict.stdout)["errors"]) == 67
    gap = runner.invoke(app, ["gap", "--by-agency", "--top", "2", "--format", "csv"])
    assert gap.exit_code == 0
    assert gap.stdout == ("key,label,gain,lost,headroom,count\n"
                          "home-affairs,Department of Home Affairs,4.36,8.51,4.15,30\n"
                          "finance,Department of Finance,3.68,4.34,0.66,20\n")
    assert runner.invoke(app, ["tree", "--nope"]).exit_code == 2
    assert runner.invoke(app, ["tree", "9.9"]).exit_code == 2


def test_validate_files_parses_each_named_file_once(cli, monkeypatch) -> None:
    """`validate FILE...` (the pre-commit hook) reads each file to tell its kind; the same
    parse is then validated, not read again. Data: data/criteria_2020.yaml,
    data/assignments_2020.yaml (and data/agencies.yaml and data/plan_2020.yaml beside them,
    parsed once too)."""
    import parcli.load

    parsed: list[str] = []
    real = parcli.load.parse

    def counting(text: str | bytes, file: str) -> parcli.load.Document:
        parsed.append(file)
        return real(text, file)

    monkeypatch.setattr(parcli.load, "parse", counting)
    result = cli("validate", CRITERIA, ASSIGNMENTS)
    assert (result.code, result.out.splitlines()[-1]) == (0, "0 error(s), 67 warning(s)")
    assert sorted(parsed) == sorted({str(CRITERIA.relative_to(ROOT)),
                                     str(ASSIGNMENTS.relative_to(ROOT)),
                                     str(AGENCIES.relative_to(ROOT)),
                                     str((AGENCIES.parent / "plan_2020.yaml").relative_to(ROOT))})


def test_help_names_the_choices_the_registries_hold(cli) -> None:
    """The choices in help come from the registries the engine and the renderers use."""
    from parcli.render import formats
    from parcli.text import LANGS
    from parcli.vocabulary import ASSUMPTIONS, BASES

    assert f"<{'|'.join(BASES)}>" in cli("gap", "--help").out
    for command in ("progress", "simulate"):
        assert f"<{'|'.join(ASSUMPTIONS)}>" in cli(command, "--help").out
    assert f"<{'|'.join(LANGS)}>" in cli("check", "--help").out
    assert f"<{'|'.join(formats('problems'))}>" in cli("validate", "--help").out
    assert f"<{'|'.join(formats('documents'))}>" in cli("report", "--help").out
