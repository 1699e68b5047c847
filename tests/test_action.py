"""The GitHub Action (`action.yml`): its run steps (`action/run.py`) with parcli installed and
the environment GitHub sets, on a throwaway data repository whose pull request changes one
target and adds one row of the bundled plan (data/*_2020.yaml, as in tests/test_diff.py);
and the version its documentation pins, the same as the pre-commit hook's. The install step
needs the network and is not run here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from parcli import __version__
from tests.conftest import ROOT
from tests.test_diff import _edit, _git, data_repository

SCRIPT = ROOT / "action" / "run.py"
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return data_repository(tmp_path)


def _run(top: Path, tmp_path: Path, event: dict[str, object], **extra: str,
         ) -> tuple[subprocess.CompletedProcess[str], str]:
    """action/run.py as the composite step runs it, GitHub's variables faked."""
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event), encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("GITHUB_", "PARCLI_"))}
    env |= {"GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(event_file), "GITHUB_SHA": _git(top, "rev-parse", "HEAD")
            .strip(), "GITHUB_WORKSPACE": str(top), "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_ACTION_PATH": str(ROOT), "PARCLI_ACTION_DATA": "data",
            "PARCLI_ACTION_BASE": "", "PARCLI_ACTION_FAIL_ON_NEW_ERRORS": "true",
            "PARCLI_LANG": "en", "NO_COLOR": "1", "COLUMNS": "100"} | extra
    done = subprocess.run([sys.executable, str(SCRIPT)], cwd=top, env=env, capture_output=True,
                          text=True, check=False)
    return done, summary.read_text(encoding="utf-8")


def test_a_pull_request_gets_annotations_and_its_diff_in_the_job_summary(repo, tmp_path, cli,
                                                                         monkeypatch):
    base, head = (_git(repo, "rev-parse", rev).strip() for rev in ("HEAD~1", "HEAD"))
    done, summary = _run(repo, tmp_path, {"pull_request": {"base": {"sha": base}}})
    # the pull request brings two check-sum errors: annotated, and the step fails
    assert done.returncode == 1, done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations[:2] == [
        "::error file=data/criteria_2020.yaml,line=25,col=10,title=checksum::1 max: printed "
        "8.5, rows add up to 9 (difference -0.5); fix the data or acknowledge it with a reason",
        "::error file=data/criteria_2020.yaml,line=27,col=13,title=checksum::1 target: printed "
        "8, rows add up to 9 (difference -1); fix the data or acknowledge it with a reason"]
    monkeypatch.chdir(repo)
    diff = cli("diff", "-f", "md", "--fail-on-new-errors", base, head, "--", "data")
    assert diff.code == 1
    assert summary == f"## parcli diff {base[:12]}..{head[:12]} -- data\n\n" + diff.out
    assert diff.out.endswith("\nparcli: the new plan has 2 error(s) the old one had not "
                             "(--fail-on-new-errors)\n")
    assert f"Old: {base}:data/criteria_2020.yaml, {base}:data/assignments_2020.yaml" in diff.out


def test_without_fail_on_new_errors_only_validate_fails_the_step(repo, tmp_path):
    base = _git(repo, "rev-parse", "HEAD~1").strip()
    _edit(repo / "data" / "criteria_2020.yaml", "  target: 8\n", "  target: 9\n")
    _edit(repo / "data" / "criteria_2020.yaml", "  max: 8.5\n", "  max: 9\n")
    _edit(repo / "data" / "criteria_2020.yaml", "  max: 100\n  baseline: 79.53\n"
          "  target: 92.81\n", "  max: 100.5\n  baseline: 79.53\n  target: 93.81\n")
    _git(repo, "commit", "-q", "-a", "-m", "subtotals follow the new row")
    done, summary = _run(repo, tmp_path, {"pull_request": {"base": {"sha": base}}},
                         PARCLI_ACTION_FAIL_ON_NEW_ERRORS="false")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert "Findings: 1 appeared, 0 went away; errors: 0 in the old plan, 0 in the new (0 new)." \
        in summary
    assert re.search(r"\| 2020 target \(as printed\) +\| +92\.81 \| +93\.81 \| +1\.0 \|", summary)


def test_a_push_compares_with_the_commit_before_it_and_the_summary_can_be_vietnamese(
        repo, tmp_path):
    before = _git(repo, "rev-parse", "HEAD~1").strip()
    done, summary = _run(repo, tmp_path, {"before": before}, PARCLI_LANG="vi",
                         PARCLI_ACTION_FAIL_ON_NEW_ERRORS="false")
    assert done.returncode == 1  # validate's errors
    assert "### Số liệu thay đổi" in summary and "Điểm cần tăng" in summary


def test_a_data_folder_the_base_lacks_is_said_and_fails_nothing(repo, tmp_path):
    (repo / "plans").mkdir()
    _git(repo, "mv", "data/agencies.yaml", "plans/agencies.yaml")
    _git(repo, "commit", "-q", "-m", "registry moved")
    base = _git(repo, "rev-parse", "HEAD~1").strip()
    done, summary = _run(repo, tmp_path, {"pull_request": {"base": {"sha": base}}},
                         PARCLI_ACTION_DATA="plans")
    assert done.returncode == 0, done.stderr
    assert summary.endswith(f"```text\nparcli: error: {base}: plans: no such file or folder at "
                            "that revision\n```\n")


def test_the_action_is_composite_and_runs_the_script_it_is_tested_through():
    assert ACTION["runs"]["using"] == "composite"
    runs = [step.get("run", "") for step in ACTION["runs"]["steps"]]
    assert 'python -m pip install --quiet "$GITHUB_ACTION_PATH"' in runs
    assert 'python "$GITHUB_ACTION_PATH/action/run.py"' in runs
    env = ACTION["runs"]["steps"][-1]["env"]
    assert set(env) == {"PARCLI_ACTION_DATA", "PARCLI_ACTION_BASE",
                        "PARCLI_ACTION_FAIL_ON_NEW_ERRORS", "PARCLI_LANG"}
    assert set(ACTION["inputs"]) == {"data", "lang", "fail-on-new-errors", "base",
                                     "python-version"}


def test_the_action_matches_the_data_files_as_the_pre_commit_hook_does():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    namespace: dict[str, object] = {}
    exec(compile(SCRIPT.read_text(encoding="utf-8"), str(SCRIPT), "exec"), namespace)
    assert namespace["DATA_FILES"] == hooks[0]["files"]


@pytest.mark.parametrize("path", ["README.md", "action.yml", ".pre-commit-hooks.yaml"])
def test_the_documented_tag_is_the_version(path):
    """The hook's `rev:` and the action's `uses: …@` name one tag: the package's version."""
    text = (ROOT / path).read_text(encoding="utf-8")
    tags = re.findall(r"rev: ([\w.-]+)|parcli@([\w.-]+)", text)
    assert tags, f"{path} names no tag"
    assert {rev or uses for rev, uses in tags} == {f"v{__version__}"}


def test_a_base_that_is_no_commit_fails_the_job(repo, tmp_path):
    # e.g. `base: main` where the runner only has origin/main: nothing would be checked
    done, summary = _run(repo, tmp_path, {"pull_request": {"base": {"sha": "main-x"}}})
    assert done.returncode == 1
    assert summary == ("parcli action: the base main-x is no commit of this repository (fetch "
                       "it, e.g. actions/checkout with fetch-depth: 0)\n")


def test_a_data_folder_the_head_lacks_fails_the_job(repo, tmp_path):
    base = _git(repo, "rev-parse", "HEAD~1").strip()
    done, summary = _run(repo, tmp_path, {"pull_request": {"base": {"sha": base}}},
                         PARCLI_ACTION_DATA="dta")
    assert done.returncode == 1
    assert "dta: no such file or folder" in summary
