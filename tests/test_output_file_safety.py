"""`-o` never destroys what a command reads or what is already there (issue 18, items 18-20).
Data: copies of the bundled plan, data/criteria_2020.yaml, data/assignments_2020.yaml and
data/agencies.yaml, in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA

WARNINGS = "parcli: 66 warning(s) in the data; 'parcli validate' lists them\n"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    for source in (CRITERIA, ASSIGNMENTS, AGENCIES):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path


@pytest.mark.parametrize("name", ["criteria_2020.yaml", "agencies.yaml"])
def test_output_onto_an_input_file_is_refused_and_the_file_kept(cli, plan, name) -> None:
    target = plan / name
    before = target.read_bytes()
    result = cli("gap", "--by-agency", "--criteria", plan / "criteria_2020.yaml", "-o", target,
                 "--force")
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"{WARNINGS}parcli: error: {target} is a file this command reads; "
                          "write the output to another file\n")
    assert target.read_bytes() == before


def test_a_report_as_docx_onto_the_registry_is_refused(cli, plan) -> None:
    target = plan / "agencies.yaml"
    result = cli("report", "-f", "docx", "--criteria", plan / "criteria_2020.yaml", "-o",
                 target, "--as-of", "2020-07-01")
    assert result.code == 2
    assert target.read_bytes() == AGENCIES.read_bytes()


def test_an_existing_file_needs_force(cli, plan) -> None:
    target = plan / "gap.txt"
    target.write_text("keep me\n", encoding="utf-8")
    result = cli("gap", "--criteria", plan / "criteria_2020.yaml", "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"{WARNINGS}parcli: error: {target} already exists; pass --force to "
                          "overwrite it, or -o to write another file\n")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = cli("gap", "--criteria", plan / "criteria_2020.yaml", "-o", target, "--force")
    assert forced.code == 0 and target.read_text(encoding="utf-8").startswith("Leaf criteria")


def test_a_read_only_file_is_refused_even_with_force(cli, plan) -> None:
    target = plan / "gap.txt"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    result = cli("gap", "--criteria", plan / "criteria_2020.yaml", "-o", target, "--force")
    assert result.code == 2
    assert result.err.endswith(f"parcli: error: {target} is read-only; make it writable or "
                               "write another file\n")
    assert target.read_text(encoding="utf-8") == "keep me\n"


@pytest.mark.parametrize(("name", "expected"), [
    ("r.docx", b"PK"), ("r.xlsx", b"PK"), ("r.json", b"{"), ("r.md", b"# ")])
def test_the_extension_chooses_the_format(cli, tmp_path, name, expected) -> None:
    target = tmp_path / name
    result = cli("report", "-o", target, "--as-of", "2020-07-01")
    assert result.code == 0, result.err
    assert target.read_bytes().startswith(expected)


def test_a_format_and_an_extension_that_disagree_are_refused(cli, tmp_path) -> None:
    target = tmp_path / "g.json"
    result = cli("gap", "-f", "csv", "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"parcli: error: Invalid value for '-o': {target} is a .json file but "
                          "--format is csv; give -f json or another file name (see 'parcli gap "
                          "--help')\n")
    assert not target.exists()


def test_gap_to_an_xlsx_file_writes_a_workbook(cli, tmp_path) -> None:
    target = tmp_path / "g.xlsx"
    assert cli("gap", "-o", target).code == 0
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(("value", "message"), [
    ("", "the path is empty"),
    ("new.md/", "new.md/ names a folder; give a file name"),
])
def test_odd_output_paths_are_usage_errors(cli, value, message) -> None:
    result = cli("check", "-o", value)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"parcli: error: Invalid value for '--output' / '-o': {message} "
                          "(see 'parcli check --help')\n")
