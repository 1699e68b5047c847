"""A data repository's own settings: which rules are off, which change level.

Found as ruff and yamllint find theirs: `parcli.toml`, else `[tool.parcli]` in
`pyproject.toml`, in the criteria file's folder or the nearest folder above it; or the file
named by `--config`. Example::

    disable = ["title-mismatch"]

    [levels]
    lead-mismatch = "error"

    [document]                      # the parts of a Word report only the office knows
    issuer = "SỞ NỘI VỤ"            # the issuing body (upper case, as the header prints it)
    parent = "UBND TỈNH ĐẮK LẮK"    # its parent; default: "UBND TỈNH " + the data's province
    symbol = "SNV"                  # the issuer's abbreviation: "Số: …/BC-SNV"
    place = "Đắk Lắk"               # "Đắk Lắk, ngày … tháng … năm 2020"
    recipients = ["UBND tỉnh (để b/c);", "Lưu: VT, CCHC."]
    signer_authority = "KT. GIÁM ĐỐC"
    signer_title = "PHÓ GIÁM ĐỐC"

Each text key may have an English twin (`issuer_en`, …, `recipients_en`) for `--lang en`.
What `[document]` does not give stays a blank to fill in, never a made-up value.

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
KEYS = ("disable", "levels", "document")
DOCUMENT_TEXTS = ("issuer", "parent", "symbol", "place", "signer_authority", "signer_title")
DOCUMENT_KEYS = (*DOCUMENT_TEXTS, *(f"{key}_en" for key in DOCUMENT_TEXTS if key != "symbol"),
                 "recipients", "recipients_en")


@dataclass(frozen=True)
class DocumentSettings:
    """`[document]`: the parts of a Decree 30 document only the office knows, by key
    (`issuer`, `issuer_en`, …; `recipients` and `recipients_en` are lists). A key not given
    is a blank in the document."""

    texts: dict[str, str] = field(default_factory=dict)
    recipients: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "", "_en"

    def text(self, key: str, lang: str) -> str | None:
        """The value in `lang` (English: its `_en` twin, else the Vietnamese one)."""
        if lang == "en" and self.texts.get(f"{key}_en"):
            return self.texts[f"{key}_en"]
        return self.texts.get(key) or None

    def recipients_in(self, lang: str) -> tuple[str, ...]:
        if lang == "en" and self.recipients.get("_en"):
            return self.recipients["_en"]
        return self.recipients.get("", ())


@dataclass(frozen=True)
class Config:
    disabled: frozenset[str] = frozenset()
    levels: dict[str, Level] = field(default_factory=dict)
    source: Path | None = None
    document: DocumentSettings = field(default_factory=DocumentSettings)


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
    return Config(frozenset(disable), dict(levels), path,
                  _document(path, text, table.get("document", {})))


def _document(path: Path, text: str, table: Any) -> DocumentSettings:
    """`[document]`, checked: known keys, texts that are one line, recipients a list."""
    if not isinstance(table, dict):
        raise UsageError(f"{_where(path, text, 'document')}: document is a table of "
                         "issuer = \"…\", recipients = [\"…\"], …")
    texts: dict[str, str] = {}
    recipients: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        if key not in DOCUMENT_KEYS:
            raise UsageError(f"{_where(path, text, key)}: unknown key {key!r} in [document] "
                             f"(known: {', '.join(DOCUMENT_KEYS)})")
        if key.startswith("recipients"):
            if not isinstance(value, list) or not all(
                    isinstance(item, str) and item.strip() for item in value):
                raise UsageError(f"{_where(path, text, key)}: {key} is a list of texts, one "
                                 "recipient each")
            recipients[key.removeprefix("recipients")] = tuple(
                " ".join(item.split()) for item in value)
        elif not isinstance(value, str) or not value.strip() or "\n" in value.strip():
            raise UsageError(f"{_where(path, text, key)}: {key} is one line of text")
        else:
            texts[key] = " ".join(value.split())
    return DocumentSettings(texts, recipients)


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
