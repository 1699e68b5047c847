"""parcli.toml / [tool.parcli]: found from the criteria file's folder upward, or named with
--config; mistakes in it are usage errors at their line. Data: a copy of data/*_2020.yaml."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A data repository: data/ with the 2020 plan, the configuration at its top."""
    data = tmp_path / "data"
    data.mkdir()
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        (data / path.name).write_bytes(path.read_bytes())
    return tmp_path


def _counts(cli, repo: Path, *extra: str) -> tuple[int, dict[str, int]]:
    result = cli("validate", "--criteria", repo / "data" / CRITERIA.name, "--format", "json",
                 *extra)
    data = json.loads(result.out)
    found: dict[str, int] = {}
    for problem in data["errors"] + data["warnings"]:
        found[problem["rule"]] = found.get(problem["rule"], 0) + 1
    return result.code, found


def test_without_configuration_every_rule_runs(cli, repo: Path) -> None:
    assert _counts(cli, repo)[1]["title-mismatch"] == 35


@pytest.mark.parametrize("name, text", [
    ("parcli.toml", 'disable = ["title-mismatch"]\n'),
    ("pyproject.toml", '[project]\nname = "plan"\n\n[tool.parcli]\ndisable = ["title-mismatch"]\n'),
])
def test_a_configuration_above_the_data_disables_a_rule(cli, repo: Path, name: str,
                                                        text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    code, counts = _counts(cli, repo)
    assert code == 0
    assert "title-mismatch" not in counts
    assert sum(counts.values()) == 66 - 35
    verbose = cli("validate", "-v", "--criteria", repo / "data" / CRITERIA.name)
    lines = verbose.out.splitlines()
    assert [line.split()[:3] for line in lines if line.startswith("title-mismatch ")] == [
        ["title-mismatch", "disabled", "0"]]
    assert f"Configuration {repo / name}: disabled title-mismatch; levels changed -" in lines


def test_a_level_raised_to_error_fails_validation(cli, repo: Path) -> None:
    (repo / "parcli.toml").write_text('[levels]\nlead-mismatch = "error"\n', encoding="utf-8")
    code, counts = _counts(cli, repo)
    assert (code, counts["lead-mismatch"]) == (1, 7)
    gap = cli("gap", "--criteria", repo / "data" / CRITERIA.name)
    assert gap.code == 1  # every command runs the same checks, with the same levels
    assert gap.out == ""


def test_pyproject_without_a_parcli_table_is_not_a_configuration(cli, repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "plan"\n', encoding="utf-8")
    assert _counts(cli, repo)[1]["title-mismatch"] == 35


def test_config_option_names_one_explicitly(cli, repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "settings.toml"
    elsewhere.write_text('disable = ["uncovered-criterion"]\n', encoding="utf-8")
    (repo / "parcli.toml").write_text('disable = ["title-mismatch"]\n', encoding="utf-8")
    counts = _counts(cli, repo, "--config", elsewhere)[1]
    assert "uncovered-criterion" not in counts and counts["title-mismatch"] == 35


@pytest.mark.parametrize("text, message", [
    ('disable = ["title-mismatch", "typo-rule"]\n',
     "parcli.toml:1: unknown rule 'typo-rule' (see 'parcli validate -v')"),
    ('disable = []\nlevel = "error"\n', "parcli.toml:2: unknown key 'level' (known: disable, "
     "levels, document)"),
    ('[levels]\nlead-mismatch = "fatal"\n', "parcli.toml:2: level 'fatal' of lead-mismatch is "
     "not error or warning"),
    ('disable = ["yaml-syntax"]\n', "parcli.toml:1: rule 'yaml-syntax' cannot be disabled or "
     "changed: without it the data cannot be read"),
    ('disable = "title-mismatch"\n', "parcli.toml:1: disable is a list of rule ids"),
])
def test_mistakes_in_the_configuration_are_usage_errors(cli, repo: Path, text: str,
                                                         message: str) -> None:
    (repo / "parcli.toml").write_text(text, encoding="utf-8")
    result = cli("validate", "--criteria", repo / "data" / CRITERIA.name)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"parcli: error: {repo}/{message}\n"


def test_the_bundled_plan_reads_no_configuration(cli, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "parcli.toml").write_text('disable = ["title-mismatch"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("validate", "--format", "json")
    assert sum(p["rule"] == "title-mismatch" for p in json.loads(result.out)["warnings"]) == 35
