"""Text to values: libyaml composes the node graph, a small constructor turns the nodes into
plain Python values (the second of the loader's three steps).

Positions are not copied anywhere while loading: the node graph is kept, and a position is
looked up only when a problem needs one, so keeping line numbers costs nothing on the happy
path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from parcli.load.decode import fail as data_error
from parcli.problems import DataError, Problem
from parcli.text import shorten

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _MAP, _SEQ = _TAG + "timestamp", _TAG + "map", _TAG + "seq"
_KEY_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_NOT_FINITE = {".inf", "+.inf", "-.inf", ".nan"}
# What YAML 1.1 may contain (its c-printable set); anything else makes the reader stop.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


@dataclass
class Document:
    """A parsed YAML file: its plain data and the node graph that knows where each value was."""

    file: str
    data: Any
    root: yaml.Node | None = field(repr=False, default=None)

    def position(self, loc: tuple[str | int, ...],
                 key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at `loc`, or of its nearest existing ancestor.

        With `key`, or when `loc` ends in pydantic's "[key]" marker, the position of the
        mapping key itself (where an unknown or misspelt key is written).
        """
        node = self.root
        if node is None:
            return None, None
        if loc and loc[-1] == "[key]":
            loc, key = loc[:-1], True
        for index, part in enumerate(loc):
            pair = _child(node, part)
            if pair is None:
                break
            key_node, node = pair
            if key and key_node is not None and index == len(loc) - 1:
                node = key_node
        return node.start_mark.line + 1, node.start_mark.column + 1

    def problem(self, rule: str, message: str, loc: tuple[str | int, ...] = (),
                level: str = "error", code: str | None = None, key: bool = False) -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(rule, "error" if level == "error" else "warning", message,
                       self.file, line, column, code)


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """(key node, value node) of `part` in a mapping, (None, item) in a sequence."""
    if isinstance(node, yaml.MappingNode):
        wanted = _nfc(str(part))
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and _nfc(key.value) == wanted:
                return key, value
    elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
          and 0 <= part < len(node.value)):
        return None, node.value[part]
    return None


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def parse(text: str, file: str) -> Document:
    """Parse one YAML document; syntax errors become problems with their position."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if "maximum nesting depth" in (exc.problem or ""):  # libyaml stops at 1000 levels
            raise data_error(file, "too-deep", f"nesting deeper than {MAX_DEPTH} levels",
                        line, column) from None
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        raise data_error(file, "yaml-syntax", f"syntax error: {message}", line, column) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reports a byte offset, PyYAML a character offset: find the character instead.
        found = _NOT_PRINTABLE.search(text)
        offset = found.start() if found else 0
        char = found.group() if found else str(exc.character)
        line, column = _char_position(text, offset) if found else (None, None)
        raise data_error(file, "encoding", f"control character U+{ord(char[0]):04X} is not "
                    "allowed in YAML", line, column) from None
    except yaml.YAMLError as exc:
        raise data_error(file, "yaml-syntax", f"syntax error: {exc}".splitlines()[0]) from None
    except RecursionError:
        raise data_error(file, "too-deep", f"nesting deeper than {MAX_DEPTH} levels") from None
    if root is None:
        raise data_error(file, "empty-file",
                         "the file holds no YAML document (empty or only comments)", 1, 1)
    return Document(file, _Constructor(file, text).construct(root, 0), root)


def _char_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class _Constructor:
    """Turns a node graph into dicts, lists, str, int, Decimal, bool and None.

    Refuses aliases (no "billion laughs"), duplicate keys, unknown tags (no
    `!!python/...` is ever executed), non-finite numbers and excessive nesting.
    """

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, rule: str, message: str) -> DataError:
        return data_error(self.file, rule, message, node.start_mark.line + 1,
                     node.start_mark.column + 1)

    def construct(self, node: yaml.Node, depth: int) -> Any:
        if id(node) in self.seen:
            raise self.alias()
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            raise self.fail(node, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self.unsupported(node)
            return self.mapping(node, depth)
        if node.tag != _SEQ:
            raise self.unsupported(node)
        return [self.construct(item, depth + 1) for item in node.value]

    def alias(self) -> DataError:
        """An alias: the node graph only knows the anchor, so find the first alias event."""
        for event in yaml.parse(self.text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                mark = event.start_mark
                return data_error(self.file, "yaml-alias", f"YAML alias *{event.anchor} is not "
                             "allowed in parcli data; write the value out",
                             mark.line + 1, mark.column + 1)
        return data_error(self.file, "yaml-alias", "YAML aliases are not allowed in parcli data")

    def mapping(self, node: yaml.MappingNode, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "yaml-syntax", "a mapping key must be a plain value")
            if key_node.tag == _TAG + "merge":
                raise self.fail(key_node, "yaml-alias", "merge keys (<<) are not allowed in "
                                "parcli data")
            key = self.key(key_node)
            if key in result:
                first = next(k for k, _ in node.value if k is not key_node
                             and self.key(k) == key)
                raise self.fail(key_node, "duplicate-key",
                                f"duplicate key {key!r} (first at line "
                                f"{first.start_mark.line + 1})")
            result[key] = self.construct(value_node, depth + 1)
        return result

    def key(self, node: yaml.ScalarNode) -> str:
        """A key is always text, as written: `yes:`, `1:` or `~:` are keys named so."""
        if node.tag in _KEY_TAGS:
            return _nfc(node.value)
        raise self.unsupported(node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag in (_STR, _TIMESTAMP):
            return _nfc(value)
        if tag == _FLOAT:
            if value.lower() in _NOT_FINITE:
                raise self.fail(node, "not-finite", f"{value} is not a finite number")
            try:
                return Decimal(value.replace("_", ""))
            except InvalidOperation:
                raise self.fail(node, "schema", f"cannot read {value!r} as a number") from None
        if tag == _INT:
            return _int(value, node, self)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[value.lower()]
        raise self.unsupported(node)

    def unsupported(self, node: yaml.Node) -> DataError:
        tag = "!!" + node.tag.removeprefix(_TAG) if node.tag.startswith(_TAG) else node.tag
        return self.fail(node, "yaml-tag", f"tag {tag} is not allowed in parcli data")


def _int(value: str, node: yaml.ScalarNode, owner: _Constructor) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    shown = shorten(value)
    if len(text) > 1 and text[0] == "0" and text[1].isdigit():
        # YAML 1.1 reads 010 as octal 8: surely not what a score file means.
        raise owner.fail(node, "schema", f"{shown} has a leading zero, which YAML reads as "
                         "an octal number; write it without the zero, or quote it if it is text")
    try:
        if text.startswith("0x"):
            return sign * int(text[2:], 16)
        if text.startswith("0b"):
            return sign * int(text[2:], 2)
        if ":" in text:
            raise ValueError
        return sign * int(text)
    except ValueError:  # also a number too long to be one (over 4,300 digits)
        raise owner.fail(node, "schema", f"cannot read {shown!r} as a number; quote it "
                         "if it is text") from None


