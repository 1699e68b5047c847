"""`agencies` needs only the criteria and the registry: without an assignments file it runs
and says which leads it could not use (issue 18, item 13). Data: tests/fixtures/clean/
criteria.yaml and agencies.yaml, copied without their assignments.yaml."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import ROOT

CLEAN = ROOT / "tests" / "fixtures" / "clean"


def test_agencies_runs_without_an_assignments_file(cli, tmp_path: Path) -> None:
    for name in ("criteria.yaml", "agencies.yaml"):
        shutil.copy(CLEAN / name, tmp_path / name)
    result = cli("agencies", "--criteria", tmp_path / "criteria.yaml")
    assert result.code == 0, result.err
    assert result.out.endswith("\nNo assignments file: leads from assignments not used.\n")
    rows = json.loads(cli("agencies", "--criteria", tmp_path / "criteria.yaml", "-f",
                          "json").out)["rows"]
    assert [row["id"] for row in rows] == [
        row["id"] for row in json.loads(cli("agencies", "--criteria", CLEAN / "criteria.yaml",
                                            "-f", "json").out)["rows"]]
