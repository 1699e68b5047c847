"""The report's provenance names the bytes that were used: each file is read once and its
SHA-256 taken from the bytes parsed, even if the file changes during the run (issue 18, item
22). Data: a copy of data/criteria_2020.yaml, data/assignments_2020.yaml, data/agencies.yaml."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import parcli.load as load
from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA


def test_the_digest_is_of_the_bytes_parsed(cli, tmp_path: Path, monkeypatch) -> None:
    for source in (CRITERIA, ASSIGNMENTS, AGENCIES):
        shutil.copy(source, tmp_path / source.name)
    criteria = tmp_path / CRITERIA.name
    used = hashlib.sha256(criteria.read_bytes()).hexdigest()
    real = load.load_document

    def then_changed(path: Path) -> load.Document:
        document = real(path)
        with path.open("ab") as handle:  # another program edits the file during the run
            handle.write(b"# edited\n")
        return document

    monkeypatch.setattr(load, "load_document", then_changed)
    result = cli("report", "--criteria", criteria, "--as-of", "2020-07-01", "-f", "md")
    assert result.code == 0, result.err
    assert f"criteria_2020.yaml (SHA-256 {used[:12]})" in result.out
    assert hashlib.sha256(criteria.read_bytes()).hexdigest() != used
