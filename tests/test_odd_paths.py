"""A data path holding a byte that is not UTF-8 (folders unpacked from Vietnamese Windows zips)
is shown escaped and the command runs (issue 18, item 25). Data: a copy of
data/criteria_2020.yaml in such a folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import CRITERIA, ROOT


def _odd_folder(tmp_path: Path) -> Path:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/d\xe0ta"))
    folder.mkdir()
    shutil.copy(CRITERIA, folder / "criteria_2020.yaml")
    return folder


def test_check_runs_and_shows_the_path_escaped(cli, tmp_path) -> None:
    folder = _odd_folder(tmp_path)
    result = cli("check", "--criteria", folder / "criteria_2020.yaml")
    assert result.code == 0, result.err
    assert f"\nData: {tmp_path}/d\\xe0ta/criteria_2020.yaml\n" in result.out


def test_the_parcli_process_writes_it_too(tmp_path) -> None:
    folder = _odd_folder(tmp_path)
    done = subprocess.run([sys.executable, "-m", "parcli", "check", "-f", "json", "--criteria",
                           folder / "criteria_2020.yaml"], capture_output=True, cwd=ROOT,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"d\\\\xe0ta" in done.stdout  # the JSON string holds the escape's backslash
