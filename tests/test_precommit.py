"""The pre-commit hook as users write it: `id: parcli-validate`, no args.

pre-commit passes the changed parcli data files; `parcli validate FILE...` tells each file's
kind from its top-level keys and checks it with the files beside it. The end-to-end tests run
`pre-commit try-repo` on this checkout (uncommitted changes included: try-repo commits them
in a temporary clone) against a throwaway git repository holding a copy of the shipped data.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FILES = ("criteria_2020.yaml", "assignments_2020.yaml", "agencies.yaml")
GOOD_LEAD = "lead: [Sở Nội vụ]"
TYPO_LEAD = "lead: [Sở Nội Vuu]"


def _hook() -> dict[str, object]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "parcli-validate"]
    return hook


def test_hook_is_given_the_changed_data_files():
    hook = _hook()
    assert hook["entry"] == "parcli validate"
    assert "args" not in hook
    assert hook["pass_filenames"] is True
    assert hook["types"] == ["yaml"]
    files = re.compile(str(hook["files"]))
    for path in ("criteria_2020.yaml", "data/criteria_2020.yaml", "assignments.yaml",
                 "plans/2021/assignments_2021.yaml", "agencies.yaml", "a/b/agencies.yaml",
                 "criteria.yaml"):
        assert files.search(path), path
    for path in (".pre-commit-config.yaml", "mkdocs.yaml", "mycriteria.yaml",
                 "schema/criteria.schema.json", "criteria/notes.yaml",
                 "data/criteria_2020.yaml.orig"):
        assert not files.search(path), path


def _pre_commit_or_skip() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]' installs it)")
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--show-toplevel"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or Path(done.stdout.strip()).resolve() != ROOT:
        pytest.skip(f"{ROOT} is not a git checkout: pre-commit try-repo needs one")
    return [sys.executable, "-m", "pre_commit"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=parcli tests", "-c", "user.email=tests@invalid",
                    "-c", "commit.gpgsign=false", *args],
                   cwd=repo, check=True, capture_output=True)


def _environment(tmp_path: Path) -> dict[str, str]:
    """The test's environment (PIP_* included, so pip finds the package index) without the
    GIT_* variables a surrounding git hook may set, with a throwaway pre-commit home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["NO_COLOR"] = "1"
    return env


def _data_repo(tmp_path: Path, broken: bool) -> tuple[Path, int]:
    """A git repository with the shipped data under data/; `broken`: one criterion's lead
    misspelt. Returns the repository and the misspelt line's number (0 when not broken)."""
    repo = tmp_path / "plans"
    (repo / "data").mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(DATA / name, repo / "data" / name)
    line = 0
    if broken:
        criteria = repo / "data" / "criteria_2020.yaml"
        lines = criteria.read_text(encoding="utf-8").splitlines(keepends=True)
        line = next(n for n, text in enumerate(lines, 1) if text.strip() == GOOD_LEAD)
        lines[line - 1] = lines[line - 1].replace(GOOD_LEAD, TYPO_LEAD)
        criteria.write_text("".join(lines), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "data")
    return repo, line


def _try_repo(tmp_path: Path, repo: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    command = [*_pre_commit_or_skip(), "try-repo", str(ROOT), "parcli-validate", *selection,
               "--verbose", "--color", "never"]
    return subprocess.run(command, cwd=repo, env=_environment(tmp_path), capture_output=True,
                          text=True, timeout=600, check=False)


def _unknown_agency_line(line: int) -> re.Pattern[str]:
    return re.compile(rf"^data/criteria_2020\.yaml:{line}:\d+: error unknown agency "
                      r"'Sở Nội Vuu'.*\[unknown-agency\]$", re.MULTILINE)


def test_hook_fails_on_a_misspelt_agency_beside_the_changed_file(tmp_path):
    """Only the assignments file is given: the criteria file beside it is checked too, and
    its misspelt agency fails the hook (each try-repo builds the hook's environment, about
    10 s: one run for the failing case, one for the passing one)."""
    _pre_commit_or_skip()
    repo, line = _data_repo(tmp_path, broken=True)
    done = _try_repo(tmp_path, repo, "--files", "data/assignments_2020.yaml")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "- exit code: 1" in output, output
    assert _unknown_agency_line(line).search(output), output
    assert "bundled with parcli" not in output, output


def test_bare_hook_passes_the_shipped_data(tmp_path):
    _pre_commit_or_skip()
    repo, _ = _data_repo(tmp_path, broken=False)
    done = _try_repo(tmp_path, repo, "--all-files")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"^parcli validate\.+Passed$", output, re.MULTILINE), output
    assert "0 error(s)" in output, output
    assert "Data: data/criteria_2020.yaml, data/assignments_2020.yaml, data/agencies.yaml" \
        in output, output
