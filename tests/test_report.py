"""The meeting report: whole-output snapshots in both languages, Markdown that cannot break,
csv that parses back, and `-o` that never leaves a half-written file."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from parcli.output import Column, Output, Section, Table
from parcli.render import reporter
from parcli.render.markdown import markdown_document, markdown_table
from tests.conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2020-10-15"


@pytest.fixture(autouse=True)
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    # The footer names the data files relative to the working directory.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_report_matches_golden_file(cli, lang):
    result = cli("report", "--lang", lang, "--as-of", AS_OF)
    assert result.code == 0, result.err
    assert result.out == (GOLDEN / f"report_{lang}.md").read_text(encoding="utf-8")


def test_report_headline_states_printed_and_computed_totals(cli):
    out = cli("report", "--as-of", AS_OF).out
    assert "**2019 score 79.53** (rank 50/63) → **2020 target 92.81** (as printed)" in out
    assert ("To reach the target, **13.28** more points are needed (from the total printed "
            "in the plan).") in out
    assert ("The target of the leaf criteria adds up to **92.79** points, 0.02 points lower "
            "than the total of 92.81 printed in the plan, because field 3's printed target "
            "subtotal is 13.7, its rows add up to 13.68.") in out
    assert "The SIPAS index reached 75.07% in 2019; 2020 target: above 80%." in out


def test_report_in_vietnamese_uses_printed_names(cli):
    out = cli("report", "--lang", "vi", "--as-of", AS_OF).out
    assert out.startswith("# PAR Index năm 2020: tỉnh Đắk Lắk\n")
    assert "| Sở Nội vụ " in out
    assert "CẢI CÁCH TÀI CHÍNH CÔNG" in out
    assert "Department of" not in out


def test_overdue_depends_on_as_of(cli):
    early = cli("report", "--as-of", "2020-01-01").out
    late = cli("report", "--as-of", "2021-06-01").out
    assert "At 2020-01-01, no task has fallen due yet." in early
    assert "At 2021-06-01, 80 of 80 dated assignments are past their due date." in late
    assert "overdue" not in early + late  # no status is known: a passed date is not overdue


def test_report_json_is_structured(cli):
    data = json.loads(cli("report", "--format", "json", "--as-of", AS_OF).out)
    assert [f["code"] for f in data["fields"]] == [str(n) for n in range(1, 9)]
    assert (data["fields"][0]["baseline_pct"], data["fields"][0]["target_pct"]) == (76.5, 94.1)
    assert data["agencies"][0] == {"agency": "home-affairs", "name": "Sở Nội vụ",
                                   "name_en": "Department of Home Affairs", "gain": 4.36,
                                   "lost": 8.51, "criteria": 30}
    # a six-way tie at the cut of the top five is shown whole
    assert [c["code"] for c in data["criteria"]] == ["8.1", "1.6", "4.1.2", "4.3.3", "6.1.2",
                                                     "6.1.3", "7.1.6"]
    assert len(data["uncovered"]) == 21
    assert data["deadlines"]["passed"][0] == {"code": "1.3.1", "due": "2020-09-30",
                                              "lead": ["home-affairs"]}
    assert data["as_of"] == AS_OF
    # paths relative to the data folder, with the whole hash
    assert {f["file"] for f in data["files"]} == {
        "criteria_2020.yaml", "assignments_2020.yaml", "agencies.yaml", "plan_2020.yaml"}
    assert all(len(f["sha256"]) == 64 for f in data["files"])


def _table_widths(markdown: str) -> list[list[int]]:
    """Column count of every row, table by table (a row is a line starting with '|')."""
    tables: list[list[int]] = []
    previous_was_row = False
    for line in markdown.splitlines():
        is_row = line.startswith("|")
        if is_row:
            cells = line.replace("\\|", "").strip("|").split("|")
            if not previous_was_row:
                tables.append([])
            tables[-1].append(len(cells))
        previous_was_row = is_row
    return tables


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_markdown_table_has_a_consistent_column_count(cli, lang):
    out = cli("report", "--lang", lang, "--as-of", AS_OF).out
    tables = _table_widths(out)
    assert len(tables) >= 6
    for widths in tables:
        assert len(set(widths)) == 1, widths


def test_hostile_names_cannot_break_a_markdown_table():
    hostile = ["a | b", "pipe at end |", "| pipe at start", "back\\slash |", "line\nbreak",
               "`code | span`", "**bold|x**"]
    table = Table([Column("name", "Na|me"), Column("value", "Value", True)],
                  [{"name": name, "value": 1} for name in hostile])
    text = markdown_document([Section("Head | ing", [table])])
    widths = _table_widths(text)
    assert widths == [[2] * (len(hostile) + 2)]
    assert "line break" in text


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_report_renders_through_pandoc_without_warnings(lang, tmp_path):
    source = GOLDEN / f"report_{lang}.md"
    done = subprocess.run(["pandoc", "-f", "gfm", "-t", "html", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.count("<table>") == len(_table_widths(source.read_text("utf-8")))


@pytest.mark.parametrize("command", [["check"], ["tree"], ["gap"], ["gap", "--by-agency"],
                                     ["validate"], ["agencies"], ["assignments"]])
def test_csv_has_a_header_and_parses_back(cli, command):
    result = cli(*command, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.out)))
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows)
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if re.fullmatch(r"-?\d+(\.\d+)?[eE][-+]?\d+", c)]  # no 1e-05
    assert not [c for c in cells if re.fullmatch(r"-?\d+\.\d*9999\d*", c)]  # no float noise


def test_csv_keeps_exact_numbers(cli):
    rows = list(csv.DictReader(io.StringIO(cli("tree", "--format", "csv").out)))
    by_code = {row["code"]: row for row in rows}
    assert by_code["2.4.1"]["baseline"] == "0.78"
    assert by_code["3"]["target"] == "13.7"


def test_output_writes_atomically_and_says_where(cli, tmp_path):
    target = tmp_path / "hop-giao-ban.md"
    result = cli("report", "--lang", "vi", "-o", target, "--as-of", AS_OF)
    assert result.code == 0
    assert result.out == ""
    assert result.err == ("parcli: dữ liệu có 67 cảnh báo; xem bằng 'parcli validate'\n"
                          f"đã ghi {target}\n")
    assert target.read_text("utf-8") == (GOLDEN / "report_vi.md").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["hop-giao-ban.md"]


def test_failed_write_leaves_the_old_file_intact(cli, tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = cli("report", "-o", target, "--as-of", AS_OF, "--force")
    assert result.code == 1
    assert result.err == ("parcli: 67 warning(s) in the data; 'parcli validate' lists them\n"
                          f"parcli: error: cannot write {target}: No space left on device\n")
    assert target.read_text("utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_output_into_a_missing_folder_is_a_usage_error(cli, tmp_path):
    target = tmp_path / "nope" / "r.md"
    result = cli("report", "-o", target, "--as-of", AS_OF)
    assert (result.code, result.out) == (2, "")
    assert result.err.splitlines()[-1] == (
        f"parcli: error: {target}: the folder {tmp_path / 'nope'} does not exist")


def test_plain_table_reporter_is_used_without_colour(monkeypatch):
    output = Output([Table([Column("a", "A")], [{"a": "x"}])], None)
    assert reporter("table", "auto").render(output) == "A\n---\nx\n"
    assert "\x1b[" in reporter("table", "always").render(output)
    assert markdown_table(output.tables[0]) == "| A   |\n|-----|\n| x   |\n"
