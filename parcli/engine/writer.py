"""Writing parcli data files as YAML text: the files `init-results` and `rollover` create.

A small emitter rather than `yaml.dump`, because the files are for people as much as for
parcli: keys in a fixed order, comments beside values, codes always quoted, numbers written
exactly as their decimal text (never a float, never `1E+1`), strings double-quoted with JSON's
escapes (a valid YAML double-quoted scalar) and Vietnamese kept as it is, NFC, never `\\u1ec7`.
Writing the text to disk is the command line's job (`parcli.cli.outfile`: `refuse_overwrite`,
`write_output`); where it goes by default, `parcli.files.naming.default_path`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

__all__ = [
    "Written",
    "comment",
    "comment_lines",
    "document",
    "emit",
    "inline",
    "item",
    "sequence",
    "yaml_decimal",
    "yaml_key",
    "yaml_string",
]


@dataclass(frozen=True)
class Written:
    """A data file a command made: its YAML text, and the file name it goes by default
    (`results_2020.yaml`, `criteria_2021.yaml`)."""

    text: str
    name: str


# --- scalars ---------------------------------------------------------------------------------

# Characters a YAML reader would not keep as they are inside a double-quoted scalar: the
# line breaks JSON leaves raw (NEL, LINE and PARAGRAPH SEPARATOR, which YAML folds into a
# space), C1 controls, DEL, BOM and the non-characters outside YAML's printable set.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# In a comment: every control character (line breaks included) but the tab.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff"
                      "\ud800-\udfff]")
# A key written plain: an identifier that YAML 1.1 does not read as a bool or null.
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def yaml_string(text: str) -> str:
    """`text` as a double-quoted YAML scalar: NFC, JSON's escapes, non-ASCII kept as it is."""
    quoted = json.dumps(unicodedata.normalize("NFC", text), ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def yaml_key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key.lower() not in _RESERVED else yaml_string(key)


def yaml_decimal(value: Decimal) -> str:
    """The exact decimal, as written (`8.50` stays `8.50`), never in exponent form."""
    if not value.is_finite():
        raise ValueError(f"{value} is not a finite number")
    return format(value, "f")


def inline(value: Any) -> str:
    """A scalar, or a collection in flow style (`[a, b]`, `{k: v}`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return yaml_decimal(value)
    if isinstance(value, float):
        raise TypeError("binary floats are not written; use Decimal")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return yaml_string(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{yaml_key(str(k))}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(inline(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def comment(text: str) -> str:
    """`# text` on one line, whatever line breaks or control characters the text held."""
    return "# " + " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", text)).split())


def comment_lines(text: str) -> list[str]:
    """A block of comment lines, indentation kept (each line made safe as in `comment`)."""
    return [f"# {line}".rstrip() for line in
            (_CONTROL.sub(" ", unicodedata.normalize("NFC", part)).rstrip()
             for part in text.splitlines())]


# --- blocks ----------------------------------------------------------------------------------

def _flat(value: Any) -> bool:
    """A value written on its key's line: a scalar, an empty collection, a list of scalars."""
    if isinstance(value, Mapping):
        return not value
    if isinstance(value, Sequence) and not isinstance(value, str):
        return all(not isinstance(item, (Mapping, list, tuple)) for item in value)
    return True


def emit(data: Mapping[str, Any], indent: int = 0,
         comments: Mapping[str, str] | None = None) -> list[str]:
    """A block mapping, one key a line (`comments`: key -> a comment after its value)."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        head = f"{pad}{yaml_key(key)}:"
        note = f"  {comment(comments[key])}" if comments and key in comments else ""
        if _flat(value):
            lines.append(f"{head} {inline(value)}{note}")
        elif isinstance(value, Mapping):
            lines += [head + note, *emit(value, indent + 2)]
        else:
            lines += [head + note, *sequence(value, indent + 2)]
    return lines


def item(data: Mapping[str, Any], indent: int, comments: Mapping[str, str] | None = None,
         note: str | None = None) -> list[str]:
    """One mapping of a block sequence (`- key: value` at `indent`), with `comments` per key
    and a `note` after its first line."""
    lines = emit(data, indent + 2, comments)
    first = lines[0][indent + 2:]
    if note:
        first += f"  {comment(note)}"
    lines[0] = f"{' ' * indent}- {first}"
    return lines


def sequence(items: Sequence[Any], indent: int) -> list[str]:
    """A block sequence."""
    pad = " " * indent
    lines: list[str] = []
    for value in items:
        if isinstance(value, Mapping) and value:
            lines += item(value, indent)
        elif _flat(value):
            lines.append(f"{pad}- {inline(value)}")
        else:
            lines += [f"{pad}-", *sequence(value, indent + 2)]
    return lines


def document(header: str, body: list[str]) -> str:
    """The file's text: the header as comment lines, then the body, one newline each."""
    return "".join(f"{line}\n" for line in [*comment_lines(header), *body])
