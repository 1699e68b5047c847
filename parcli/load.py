"""YAML loading that keeps positions, reads numbers exactly and refuses what it cannot trust.

libyaml (when present) parses and composes the node graph; a small constructor turns the
nodes into plain Python values.  Positions are not copied anywhere while loading: the node
graph is kept, and a position is looked up only when a problem needs one, so keeping line
numbers costs nothing on the happy path.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from parcli.problems import DataError, Problem, UsageError

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    M = TypeVar("M", bound=BaseModel)

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HIGHEST_MAX_BYTES = 1 << 30
MAX_DEPTH = 64
MAX_PROBLEMS = 50

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _MAP, _SEQ = _TAG + "timestamp", _TAG + "map", _TAG + "seq"
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_NOT_FINITE = {".inf", "+.inf", "-.inf", ".nan"}


def max_bytes() -> int:
    """The size cap: PARCLI_MAX_BYTES as bytes, or with a k, M or G suffix (50M)."""
    raw = os.environ.get("PARCLI_MAX_BYTES", "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    found = re.fullmatch(r"(\d+)\s*([kKmMgG]?)[bB]?", raw)
    if not found:
        raise UsageError(f"PARCLI_MAX_BYTES={raw!r} is not a size; write bytes, or e.g. 50M")
    power: int = " KMG".index(str(found[2]).upper() or " ")
    size = int(found[1]) << (10 * power)
    if size > HIGHEST_MAX_BYTES:  # read() cannot take more, and no plan is that large
        raise UsageError(f"PARCLI_MAX_BYTES={raw!r} is over the highest cap, 1G")
    return size


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory when inside it."""
    try:
        here = Path.cwd().resolve()
        if here == Path(here.anchor):  # from / every path is "inside": keep it absolute
            return str(path)
        return str(path.resolve().relative_to(here))
    except (ValueError, OSError, RuntimeError):  # outside, unreadable cwd, a link loop
        return str(path)


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
                level: str = "error", code: str | None = None) -> Problem:
        line, column = self.position(loc)
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


def _fail(file: str, rule: str, message: str, line: int | None = None,
          column: int | None = None) -> DataError:
    return DataError([Problem(rule, "error", message, file, line, column)])


def read_text(path: Path) -> str:
    """The file's text, decoded strictly; anything doubtful is refused with its position."""
    file = display_path(path)
    try:
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as exc:  # e.g. a name too long for the file system
        raise UsageError(f"{file}: {exc.strerror or exc}") from None
    if not exists:
        if path.is_symlink():
            raise UsageError(f"{file}: a symbolic link to nothing (or a loop), not a file")
        raise UsageError(f"{file}: no such file")
    if is_dir:
        raise UsageError(f"{file}: is a directory, not a YAML file")
    limit = max_bytes()
    too_large = (f"over the {limit:,}-byte limit (set PARCLI_MAX_BYTES to raise it)")
    try:
        size = path.stat().st_size
        if size > limit:
            raise _fail(file, "file-too-large", f"file is {size:,} bytes, {too_large}")
        # Never more than the limit, even when the size lied (a growing file, a pipe, /dev/zero).
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise _fail(file, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise _fail(file, "file-too-large", f"file is {too_large}")
    return decode(raw, file)


def decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise _fail(file, "encoding", "file is UTF-32; save it as UTF-8", 1, 1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _fail(file, "encoding", "file starts with a UTF-16 byte-order mark but is "
                        "not valid UTF-16; save it as UTF-8", 1, 1) from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(raw):
            raise _fail(file, "encoding", "file looks like UTF-16 without a byte-order mark; "
                        "save it as UTF-8", 1, 1)
        line, column = _byte_position(raw, nul)
        raise _fail(file, "encoding", "binary data (a NUL byte), not a YAML text file",
                    line, column)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise _fail(file, "encoding",
                    f"not UTF-8: byte 0x{raw[exc.start]:02X} at byte offset {exc.start} "
                    "(Latin-1 or Windows-1258?); save the file as UTF-8", line, column) from None


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly-ASCII text in UTF-16: every other byte of the first few hundred is NUL."""
    head = raw[:512]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) >= 0.9 * len(even) or odd.count(0) >= 0.9 * len(odd)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, as an editor counts them) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


def parse(text: str, file: str) -> Document:
    """Parse one YAML document; syntax errors become problems with their position."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        if "maximum nesting depth" in (exc.problem or ""):  # libyaml stops at 1000 levels
            raise _fail(file, "too-deep", f"nesting deeper than {MAX_DEPTH} levels",
                        line, column) from None
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        raise _fail(file, "yaml-syntax", f"syntax error: {message}", line, column) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reports a byte offset, PyYAML a character offset: find the character instead.
        found = _NOT_PRINTABLE.search(text)
        offset = found.start() if found else 0
        char = found.group() if found else str(exc.character)
        line, column = _char_position(text, offset) if found else (None, None)
        raise _fail(file, "encoding", f"control character U+{ord(char[0]):04X} is not "
                    "allowed in YAML", line, column) from None
    except yaml.YAMLError as exc:
        raise _fail(file, "yaml-syntax", f"syntax error: {exc}".splitlines()[0]) from None
    except RecursionError:
        raise _fail(file, "too-deep", f"nesting deeper than {MAX_DEPTH} levels") from None
    if root is None:
        raise _fail(file, "empty-file", "the file holds no YAML document (empty or only comments)",
                    1, 1)
    return Document(file, _Constructor(file, text).construct(root, 0), root)


# What YAML 1.1 may contain (its c-printable set); anything else makes the reader stop.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


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
        return _fail(self.file, rule, message, node.start_mark.line + 1,
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
                return _fail(self.file, "yaml-alias", f"YAML alias *{event.anchor} is not "
                             "allowed in parcli data; write the value out",
                             mark.line + 1, mark.column + 1)
        return _fail(self.file, "yaml-alias", "YAML aliases are not allowed in parcli data")

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


_KEY_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}


def _int(value: str, node: yaml.ScalarNode, owner: _Constructor) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    shown = value if len(value) <= 40 else value[:37] + "..."
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


def load_document(path: Path) -> Document:
    return parse(read_text(path), display_path(path))


@dataclass
class Loaded:
    """A validated data file: the model plus the document that knows its positions."""

    document: Document
    model: Any

    @property
    def file(self) -> str:
        return self.document.file


def load_model(path: Path, model_cls: type[M]) -> Loaded:
    from pydantic import ValidationError

    document = load_document(path)
    if not isinstance(document.data, dict):
        raise DataError([document.problem(
            "schema", f"expected a mapping of keys at the top level, found "
            f"{_kind(document.data)}")])
    try:
        model = model_cls.model_validate(document.data)
    except ValidationError as exc:
        raise DataError(schema_problems(document, exc)) from None
    return Loaded(document, model)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, Decimal)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"text {value if len(value) <= 40 else value[:37] + '...'!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__


def schema_problems(document: Document, exc: ValidationError) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors[:MAX_PROBLEMS]:
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        rule = _RULES_BY_ERROR_TYPE.get(error["type"], "schema")
        key = error["type"] == "extra_forbidden"  # point at the key, not its value
        line, column = document.position(loc, key=key)
        path = _dotted(loc[:-1] if loc and loc[-1] == "[key]" else loc)
        problems.append(Problem(rule, "error", f"{path}: {_message(error)}", document.file,
                                line, column))
    if len(errors) > MAX_PROBLEMS:
        problems.append(Problem("schema", "error", f"{len(errors) - MAX_PROBLEMS} more schema "
                                "problems not shown; fix these first", document.file))
    return problems


_RULES_BY_ERROR_TYPE = {"score_range": "score-range", "decimal_comma": "decimal-comma"}


def _message(error: Any) -> str:
    kind, msg = error["type"], error["msg"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    if error["loc"] and error["loc"][-1] == "[key]":
        return "key " + str(msg).removeprefix("Input ")
    if kind in _EXPECTED:  # pydantic's "Input should be a valid dictionary or instance of X"
        return f"expected {_EXPECTED[kind]}, found {_kind(error.get('input'))}"
    return str(msg).removeprefix("Value error, ")


_EXPECTED = {"model_type": "a mapping of keys", "dict_type": "a mapping of keys",
             "list_type": "a list", "string_type": "text", "int_type": "a whole number"}


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"
