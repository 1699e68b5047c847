"""What holds for every rule at once: the clean fixture passes them all, the catalogue lists
each id once with its level, each rule module documents itself and has its own test file,
README's rule table agrees with the catalogue, and the output formats place a problem."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from parcli.rules import MODULES, catalogue, checks
from tests.conftest import ROOT
from tests.rules.conftest import Case, validate

HERE = Path(__file__).resolve().parent


def test_clean_fixture_passes_every_rule(cli, tmp_path: Path) -> None:
    case = Case(tmp_path)
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
    assert validate(cli, case, "--strict") == (0, {"errors": [], "warnings": []})
    result = cli("validate", *case.args())
    files = ", ".join(case.file(kind) for kind in ("criteria", "assignments", "agencies"))
    assert (result.code, result.out) == (
        0, f"Data: {files}\nNo problems found.\n0 error(s), 0 warning(s)\n")


def test_catalogue_lists_every_rule_with_its_level() -> None:
    """Problems found while reading a file first, then the rules in report order."""
    assert [(rule.id, rule.level) for rule in catalogue()] == [
        ("unreadable", "error"), ("file-too-large", "error"), ("encoding", "error"),
        ("empty-file", "error"), ("yaml-syntax", "error"), ("duplicate-key", "error"),
        ("yaml-alias", "error"), ("yaml-tag", "error"), ("too-deep", "error"),
        ("not-finite", "error"), ("schema", "error"), ("decimal-comma", "error"),
        ("score-range", "error"),
        ("duplicate-code", "error"), ("orphan-code", "error"), ("duplicate-agency", "error"),
        ("ambiguous-alias", "error"), ("successor-chain", "error"), ("unknown-agency", "error"),
        ("agency-superseded", "warning"), ("unknown-criterion", "error"),
        ("year-mismatch", "error"),
        ("province-mismatch", "error"), ("checksum", "error"), ("missing-number", "warning"),
        ("stale-acknowledgement", "warning"), ("no-lead", "error"),
        ("assignment-without-criterion", "warning"), ("uncovered-criterion", "warning"),
        ("missing-product", "warning"), ("missing-requirement", "warning"),
        ("missing-deadline", "warning"), ("missing-lead", "warning"),
        ("lead-mismatch", "warning"), ("unparsed-deadline", "warning"),
        ("title-mismatch", "warning"), ("result-unknown-code", "error"),
        ("result-not-leaf", "error"), ("result-out-of-range", "error"),
        ("result-date-outside-year", "error"),
    ]


def test_every_id_in_the_catalogue_is_unique() -> None:
    ids = [rule.id for rule in catalogue()]
    assert sorted(ids) == sorted(set(ids))


@pytest.mark.parametrize("name", MODULES)
def test_every_rule_module_documents_a_failing_and_a_passing_example(name: str) -> None:
    module = importlib.import_module(f"parcli.rules.{name}")
    doc = module.__doc__ or ""
    assert "Failing" in doc, name
    assert "Passing" in doc, name
    assert name == module.ID.replace("-", "_")
    assert module.LEVEL in ("error", "warning")
    assert module.DESCRIPTION.en and module.DESCRIPTION.vi


@pytest.mark.parametrize("rule", [rule.id for rule in checks()])
def test_every_rule_has_its_own_test_file(rule: str) -> None:
    assert (HERE / f"test_{rule.replace('-', '_')}.py").is_file()


def _readme_rule_table() -> dict[str, str]:
    """README's table under `### \\`parcli validate`: each id in the `rule` column (several
    per row allowed, each in backticks) with the row's level."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^### `parcli validate\b.*?$(.*?)(?=^#)", text, re.M | re.S)
    assert section, "README has no ### `parcli validate` section"
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.group(1).splitlines() if line.lstrip().startswith("|")]
    header, body = rows[0], [row for row in rows[1:] if not set("".join(row)) <= set("-: ")]
    rule, level = header.index("rule"), header.index("level")
    listed: dict[str, str] = {}
    for row in body:
        for rule_id in re.findall(r"`([^`]+)`", row[rule]):
            assert rule_id not in listed, f"{rule_id} listed twice"
            listed[rule_id] = row[level]
    return listed


def test_readme_rule_table_lists_exactly_the_catalogue() -> None:
    assert _readme_rule_table() == {rule.id: rule.level for rule in catalogue()}


def test_github_format_points_at_file_and_line(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, assignments=[('code: "2.1.1"', 'code: "9.9"')])
    result = cli("validate", "--format", "github", *case.args())
    assert result.code == 1
    line = case.line("assignments", 'code: "9.9"')
    file = case.file("assignments").replace(":", "%3A").replace(",", "%2C")
    criteria_line = case.line("criteria", 'code: "2.1"')
    criteria_file = case.file("criteria").replace(":", "%3A").replace(",", "%2C")
    files = ", ".join(case.file(kind) for kind in ("criteria", "assignments", "agencies"))
    assert result.out == (
        f"::error file={file},line={line},col=11,title=unknown-criterion::assignment 9.9 maps "
        "to no criterion (no 9.9 nor any ancestor of it in the criteria file)\n"
        f"::warning file={criteria_file},line={criteria_line},col=11,"
        "title=uncovered-criterion::criterion 2.1 has no assignment (gain 1, lost 1.5 points)\n"
        f"Data: {files}\n"
        "1 error(s), 1 warning(s)\n")
