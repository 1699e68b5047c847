"""Shared fixtures: run parcli in-process as a user would, with a deterministic terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parcli.cli import run

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CRITERIA = DATA / "criteria_2020.yaml"
ASSIGNMENTS = DATA / "assignments_2020.yaml"
AGENCIES = DATA / "agencies.yaml"
# The one acknowledgement in data/criteria_2020.yaml (field 3's target), as written there.
ACKNOWLEDGEMENT = ('    acknowledged:\n      target:\n        vi: "giữ nguyên số liệu ghi trong '
                   'kế hoạch: các tiêu chí của lĩnh vực cộng lại được 13,68"\n'
                   '        en: "as printed in the source: children sum to 13.68"\n')


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def _plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("PARCLI_LANG", raising=False)
    monkeypatch.delenv("PARCLI_MAX_BYTES", raising=False)


@pytest.fixture(autouse=True)
def _bundled_plan_is_2020(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests name the data they use: here "the bundled plan" is Đắk Lắk 2020, whatever later
    years `data/` comes to hold, so that adding a year breaks no test."""
    import parcli.files.dataset as dataset

    monkeypatch.setattr(dataset, "latest", lambda kind, folder=DATA: folder / f"{kind}_2020.yaml")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """`cli("check", "--format", "json")` runs parcli's real entry point in-process."""

    def invoke(*args: str | Path) -> Result:
        code = run([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke
