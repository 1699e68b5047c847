"""Every command in every format its `--format` offers (the formats that declare they can
write what the command writes), in English and in Vietnamese: exit 0 and a result its
format's reader accepts. Data: the bundled plan (Đắk Lắk 2020, `data/*_2020.yaml`),
`tests/fixtures/results/results_2020_half.yaml`, `tests/fixtures/peers/par_index_2019.yaml`,
`tests/fixtures/clean/` and `tests/fixtures/gap/` (diff's old and new plans: small, so that
the Word and Excel diffs stay quick)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parcli.cli import app

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "tests" / "fixtures" / "results" / "results_2020_half.yaml"
PEERS = ROOT / "tests" / "fixtures" / "peers" / "par_index_2019.yaml"

# Each command that takes --format, with the arguments a real use needs.
RUNS: dict[str, list[str]] = {
    "check": ["check"],
    "tree": ["tree", "--depth", "2"],
    "gap": ["gap", "--by-agency"],
    "validate": ["validate"],
    "agencies": ["agencies"],
    "assignments": ["assignments", "--criterion", "1.1"],
    "report": ["report", "--as-of", "2020-07-01", "--results", str(RESULTS)],
    "report --agency": ["report", "--agency", "home-affairs", "--as-of", "2020-07-01"],
    "progress": ["progress", "--results", str(RESULTS), "--by-field"],
    "simulate": ["simulate", "--set", "1.1=1"],
    "due": ["due", "--as-of", "2020-07-01"],
    "rank": ["rank", "--peers", str(PEERS), "--score", "80"],
    "rule": ["rule"],
    "diff": ["diff", "tests/fixtures/clean", "tests/fixtures/gap"],
}


def _help(command: str) -> str:
    return CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout


def _formats(command: str) -> list[str]:
    """The choices of a command's --format, as its help lists them."""
    found = re.search(r"--format <([^>]+)>", _help(command))
    return found.group(1).split("|") if found else ["table"]


def test_every_command_that_writes_output_is_in_the_matrix() -> None:
    names = re.findall(r"^  ([a-z-]+) ", CliRunner().invoke(app, ["--help"]).stdout, re.M)
    with_format = {name for name in names if "--format" in _help(name)}
    assert with_format == {run.split()[0] for run in RUNS} - {"rule"}


CASES = [(run, fmt, lang) for run in RUNS for fmt in _formats(RUNS[run][0])
         for lang in ("en", "vi")]


@pytest.mark.parametrize(("run", "fmt", "lang"), CASES)
def test_the_command_writes_its_format(cli, tmp_path, monkeypatch, run, fmt, lang) -> None:
    monkeypatch.chdir(ROOT)
    args = [*RUNS[run], "--lang", lang]
    if fmt in ("docx", "xlsx"):
        target = tmp_path / f"out.{fmt}"
        result = cli(*args, "--format", fmt, "-o", target)
        assert result.code == 0, result.err
        _opens(target, fmt)
        return
    if RUNS[run][0] != "rule":
        args += ["--format", fmt]
    result = cli(*args)
    assert result.code == 0, result.err
    _parses(result.out, fmt)


def _parses(text: str, fmt: str) -> None:
    assert text.strip()
    if fmt == "json":
        json.loads(text)
    elif fmt in ("csv", "csv-excel"):
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows and all(len(row) == len(rows[0]) for row in rows)
    elif fmt == "md":
        assert any(line.startswith(("#", "|")) for line in text.splitlines())
    elif fmt == "github":
        annotations = [line for line in text.splitlines() if line.startswith("::")]
        assert all(re.match(r"::(error|warning|notice) file=[^,]+,line=\d+", line)
                   for line in annotations)


def _opens(path: Path, fmt: str) -> None:
    if fmt == "docx":
        import docx

        assert docx.Document(str(path)).paragraphs
    else:
        import openpyxl

        assert openpyxl.load_workbook(path).sheetnames
