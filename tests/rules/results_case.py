"""A results file beside the clean fixture, for the result-* rules (tests/fixtures/clean)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.rules.conftest import Case

# Test fixture, not real results: the clean plan's leaves (1.1, 1.2, 2.1) and tasks.
RESULTS = """year: 2030
results:
  - code: "1.1"
    scores:
      - {stage: self, date: 2030-06-30, value: 2.5}
      - {stage: appraised, date: 2030-11-15, value: 2.25}
  - code: "1.2"
    scores: []
statuses:
  - code: "1.1"
    status: done
    date: 2030-05-01
"""


def results_case(folder: Path, text: str = RESULTS) -> tuple[Case, Path]:
    case = Case(folder)
    path = folder / "results.yaml"
    path.write_text(text, encoding="utf-8")
    return case, path


def validate_results(cli: Callable[..., Any], case: Case,
                     results: Path) -> tuple[int, list[dict[str, object]]]:
    """The exit code and every problem (with its level) of validate with a results file."""
    result = cli("validate", "--format", "json", *case.args(), "--results", results)
    data = json.loads(result.out)
    assert [s["kind"] for s in data["sources"]] == ["criteria", "assignments", "agencies",
                                                    "results"]
    return result.code, [{"level": level, **p} for level, key in (("error", "errors"),
                                                                  ("warning", "warnings"))
                         for p in data[key]]


def line_of(path: Path, needle: str) -> int:
    [found] = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
               if needle in line]
    return found


def column_of(path: Path, needle: str) -> int:
    """1-based column where `needle` starts on its (only) line."""
    [line] = [line for line in path.read_text("utf-8").splitlines() if needle in line]
    return line.index(needle) + 1
