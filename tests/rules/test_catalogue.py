"""What holds for every rule at once: the clean fixture passes them all, the catalogue lists
each id once, each rule module documents itself and has its own test file, README sends
the reader to `parcli rule` rather than copying the catalogue, and the output formats place a
problem."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from parcli.rules import catalogue, checks, rule_modules
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


def test_catalogue_lists_reading_problems_then_every_rule_module() -> None:
    """Problems found while reading a file first, then each module of parcli/rules/ (but
    base, reading and private helpers) once, in the order their ORDER gives."""
    from parcli.rules.reading import READING

    on_disk = sorted(path.stem for path in (ROOT / "parcli" / "rules").glob("*.py")
                     if path.stem not in ("__init__", "base", "reading")
                     and not path.stem.startswith("_"))
    modules = rule_modules()
    assert sorted(modules) == on_disk
    orders = [importlib.import_module(f"parcli.rules.{name}").ORDER for name in modules]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    assert [rule.id for rule in catalogue()] == [
        *(rule.id for rule in READING),
        *(importlib.import_module(f"parcli.rules.{name}").ID for name in modules)]


def test_structural_rules_come_first_and_cannot_be_turned_off() -> None:
    rules = checks()
    fixed = [rule.fixed for rule in rules]
    assert fixed == sorted(fixed, reverse=True) and any(fixed)


def test_every_id_in_the_catalogue_is_unique() -> None:
    ids = [rule.id for rule in catalogue()]
    assert sorted(ids) == sorted(set(ids))


@pytest.mark.parametrize("name", rule_modules())
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


def test_readme_sends_the_reader_to_the_catalogue_instead_of_copying_it() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`parcli rule`" in text
    assert not any(f"| `{rule.id}` |" in text for rule in catalogue())


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
