"""A data repository's own settings: which rules are off, which change level.

Found as ruff and yamllint find theirs: `parcli.toml`, else `[tool.parcli]` in
`pyproject.toml`, in the criteria file's folder or the nearest folder above it; or the file
named by `--config`. Example::

    disable = ["title-mismatch"]

    [levels]
    lead-mismatch = "error"

An unknown key, an unknown rule id, a level other than error/warning, or a rule that cannot
be configured (a file that cannot be read) is a usage error naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parcli.problems import Level, UsageError

FILE_NAMES = ("parcli.toml", "pyproject.toml")
KEYS = ("disable", "levels")


@dataclass(frozen=True)
class Config:
    disabled: frozenset[str] = frozenset()
    levels: dict[str, Level] = field(default_factory=dict)
    source: Path | None = None


def find(start: Path) -> Path | None:
    """The nearest parcli.toml, or pyproject.toml with a [tool.parcli] table, upward."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "parcli.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and re.search(r"^\s*\[tool\.parcli[\].]", _text(project),
                                           re.MULTILINE):
            return project
    return None


def load(path: Path, known: dict[str, bool]) -> Config:
    """Read a config file; `known` maps every rule id to whether it may be configured."""
    import tomllib

    text = _text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: {exc}") from None
    table: Any = document
    prefix = ""
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("parcli", {})
        prefix = "tool.parcli."
    if not isinstance(table, dict):
        raise UsageError(f"{_where(path, text, prefix.rstrip('.'))}: expected a table")
    for key in table:
        if key not in KEYS:
            raise UsageError(f"{_where(path, text, key)}: unknown key {key!r} (known: "
                             f"{', '.join(KEYS)})")
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(x, str) for x in disable):
        raise UsageError(f"{_where(path, text, 'disable')}: disable is a list of rule ids")
    levels = table.get("levels", {})
    if not isinstance(levels, dict):
        raise UsageError(f"{_where(path, text, 'levels')}: levels is a table of rule = level")
    for rule_id in [*disable, *levels]:
        if rule_id not in known:
            raise UsageError(f"{_where(path, text, rule_id)}: unknown rule {rule_id!r} (see "
                             "'parcli validate -v')")
        if not known[rule_id]:
            raise UsageError(f"{_where(path, text, rule_id)}: rule {rule_id!r} cannot be "
                             "disabled or changed: without it the data cannot be read")
    for rule_id, level in levels.items():
        if level not in ("error", "warning"):
            raise UsageError(f"{_where(path, text, rule_id)}: level {level!r} of {rule_id} is "
                             "not error or warning")
    return Config(frozenset(disable), dict(levels), path)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the configuration: {exc.strerror or exc}") \
            from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: the configuration is not UTF-8 text") from None


def _where(path: Path, text: str, needle: str) -> str:
    """file:line of the first line that mentions `needle` (TOML parsers keep no positions)."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle and re.search(rf"(^|[\s\"'\[,]){re.escape(needle)}([\s\"'=\],.]|$)", line):
            return f"{path}:{number}"
    return str(path)
