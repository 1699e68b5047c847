"""The code stays ruff-clean and mypy-strict-clean: checked with every test run, so CI
fails on a lint error like on a failing test."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(ROOT / ".venv" / "bin")) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_ruff_is_clean():
    done = subprocess.run([_tool("ruff"), "check", "parcli", "tests", "benchmarks",
                           "action"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean():
    done = subprocess.run([sys.executable, "-m", "mypy", "parcli", "action/run.py"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
