"""What the rule tests share: the clean fixture copied with edits, the line finder, and
`validate` run through the CLI.

tests/fixtures/clean/ holds a small plan that passes every rule; each case copies it into
tmp_path with one edit. Line numbers are found by searching the edited text, so a test states
*which* line it expects (e.g. the `baseline:` line of row "1"), not a number read from parcli.

Plain functions and a class, imported as `from tests.rules.conftest import ...` (as the other
tests import `tests.conftest`); the `cli` fixture comes from tests/conftest.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

CLEAN = Path(__file__).resolve().parent.parent / "fixtures" / "clean"
NAMES = {"criteria": "criteria.yaml", "assignments": "assignments.yaml",
         "agencies": "agencies.yaml", "plan": "plan.yaml"}
# The plan file (the body) only where a test asks for it (`plan=[...]`, edits or none).
OPTIONAL = ("plan",)

Edit = tuple[str, str]
Data = dict[str, list[dict[str, object]]]


class Case:
    """The clean fixture copied to a folder, with edits applied (each must match once)."""

    def __init__(self, folder: Path, **edits: list[Edit]) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        unknown = set(edits) - set(NAMES)
        assert not unknown, unknown
        self.paths: dict[str, Path] = {}
        for kind, name in NAMES.items():
            if kind in OPTIONAL and kind not in edits:
                continue
            text = (CLEAN / name).read_text(encoding="utf-8")
            for old, new in edits.get(kind, []):
                assert text.count(old) == 1, f"{old!r} must occur once in {name}"
                text = text.replace(old, new)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            self.paths[kind] = path

    def args(self) -> list[str]:
        return [arg for kind, path in self.paths.items() for arg in (f"--{kind}", str(path))]

    def file(self, kind: str) -> str:
        return str(self.paths[kind])

    def lines(self, kind: str, needle: str) -> list[int]:
        """1-based numbers of the lines of a file that contain `needle`."""
        text = self.paths[kind].read_text(encoding="utf-8").splitlines()
        return [n for n, line in enumerate(text, 1) if needle in line]

    def line(self, kind: str, needle: str, after: str | None = None) -> int:
        """The line holding `needle` (the first one after the line holding `after`)."""
        start = self.lines(kind, after)[0] if after else 0
        found = [n for n in self.lines(kind, needle) if n > start]
        assert found, needle
        return found[0] if after else single(found)


def single(found: list[int]) -> int:
    assert len(found) == 1, found
    return found[0]


def validate(cli: Callable[..., Any], case: Case, *extra: str) -> tuple[int, Data]:
    """`parcli validate --format json` on the case: the exit code, and the problems as
    `{"errors": [...], "warnings": [...]}` (the `sources` key, checked here, is left out)."""
    result = cli("validate", "--format", "json", *case.args(), *extra)
    assert result.out, result.err
    data = json.loads(result.out)
    sources = data.pop("sources")
    assert sources == [{"kind": kind, "path": case.file(kind), "bundled": False}
                       for kind in NAMES if kind in case.paths]
    return result.code, data


def problems(data: Data, rule: str) -> list[dict[str, object]]:
    """The problems of one rule, each with its `level` (which list of the JSON it is in)."""
    return [{"level": level, **p} for level, key in (("error", "errors"),
                                                    ("warning", "warnings"))
            for p in data[key] if p["rule"] == rule]


EXTRA_ROW = ('    lead: [Sở Gamma]\n',
             '    lead: [Sở Gamma]\n  - code: "{code}"\n    name: Thêm\n    name_en: Extra\n'
             '    max: 0\n    baseline: 0\n    target: 0\n')


def extra_row(code: str) -> Edit:
    """An edit of the criteria file: a row `code` (all zero) after the last row."""
    return EXTRA_ROW[0], EXTRA_ROW[1].format(code=code)
