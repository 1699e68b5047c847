"""Text to values: libyaml's events become plain Python values in one pass, and every value's
position is kept, packed as integers (the second of the loader's three steps).

No node graph is built: PyYAML's composer would keep two `Mark` objects and a node per value
(most of the memory of a large plan, and most of the cyclic garbage collector's work), while
parcli only ever asks where a value was when a problem needs it. So positions go into flat
arrays in document order (`parcli.load.document.Index`), and a position is looked up only
when a problem needs one. What the composer checks is checked here the same way, with the
same messages: an undefined alias, a duplicate anchor, a second document.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from parcli.load.decode import fail as data_error
from parcli.load.document import KEY, LINE_SHIFT, MAPPING, SEQUENCE, Document, Index, nfc
from parcli.problems import DataError
from parcli.text import shorten

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

MAX_DEPTH = 64
_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _MAP, _SEQ, _MERGE = (_TAG + t for t in ("timestamp", "map", "seq", "merge"))
_KEY_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_NOT_FINITE = {".inf", "+.inf", "-.inf", ".nan"}
# What YAML 1.1 may contain (its c-printable set); anything else makes the reader stop.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
# The safe loaders' implicit resolvers (PyYAML's `Resolver.resolve`, without its per-scalar
# method call): first character -> [(tag, pattern)].
_RESOLVERS: dict[Any, list[tuple[str, re.Pattern[str]]]] = (
    yaml.resolver.Resolver.yaml_implicit_resolvers)
_WILDCARD = _RESOLVERS.get(None, [])
# By first character, with the wildcard resolvers after them, as `resolve` tries them.
_BY_FIRST = {first: [*resolvers, *_WILDCARD] for first, resolvers in _RESOLVERS.items()
             if first is not None}
_NODE_STARTS = (ScalarEvent, MappingStartEvent, SequenceStartEvent)


def parse(text: str | bytes, file: str) -> Document:
    """Parse one YAML document (text, or UTF-8 bytes); syntax errors become problems with
    their position. libyaml reads text as UTF-8 bytes anyway, so both give the same values
    and positions (columns in characters)."""
    loader = _Loader(text)
    try:
        return _Builder(loader, file).document()
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
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        found = _NOT_PRINTABLE.search(text)
        offset = found.start() if found else 0
        char = found.group() if found else str(exc.character)
        line, column = _char_position(text, offset) if found else (None, None)
        raise data_error(file, "encoding", f"control character U+{ord(char[0]):04X} is not "
                         "allowed in YAML", line, column) from None
    except yaml.YAMLError as exc:
        raise data_error(file, "yaml-syntax", f"syntax error: {exc}".splitlines()[0]) from None
    except RecursionError:  # pragma: no cover - the builder does not recurse
        raise data_error(file, "too-deep", f"nesting deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()


def _char_position(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class _Refused(Exception):
    """A value parcli refuses; reported once the whole stream has parsed (a syntax error
    anywhere in the file comes first, as when the composer read it all before)."""

    def __init__(self, error: DataError) -> None:
        self.error = error


class _Builder:
    """Turns libyaml's events into dicts, lists, str, int, Decimal, bool and None.

    Refuses aliases (no "billion laughs"), duplicate keys, unknown tags (no
    `!!python/...` is ever executed), non-finite numbers and excessive nesting. Repeated
    keys and values share one object (a plan repeats its keys, agencies and scores
    thousands of times).
    """

    def __init__(self, loader: Any, file: str) -> None:
        self.next_event = loader.get_event
        self.file = file
        self.index = Index()
        self.anchors: dict[str, Any] = {}  # anchor -> the start mark of its node
        self.strings: dict[str, str] = {}
        self.numbers: dict[str, Decimal] = {}
        # A key as written -> the key (normalised, interned) and its place in the index's keys.
        self.names: dict[str, tuple[str, int]] = {}
        self.root_mark: Any = None

    def fail(self, mark: Any, rule: str, message: str) -> _Refused:
        return _Refused(data_error(self.file, rule, message, mark.line + 1, mark.column + 1))

    def document(self) -> Document:
        """The one document of the stream (PyYAML's `get_single_node`, then construction)."""
        next_event = self.next_event
        next_event()  # the stream's start
        event = next_event()
        if type(event) is StreamEndEvent:
            raise data_error(self.file, "empty-file",
                             "the file holds no YAML document (empty or only comments)", 1, 1)
        refused: _Refused | None = None
        try:
            data = self.values()
            next_event()  # the document's end
        except _Refused as exc:
            refused, data = exc, None
            self.drain()
        event = next_event()
        if type(event) is not StreamEndEvent:
            raise ComposerError("expected a single document in the stream", self.root_mark,
                                "but found another document", event.start_mark)
        if refused is not None:
            raise refused.error
        return Document(self.file, data, self.index)

    def anchor(self, event: Any) -> None:
        """The composer's checks of anchors: each name once per document."""
        name = event.anchor
        if name is None:
            return
        if name in self.anchors:
            raise ComposerError("found duplicate anchor; first occurrence", self.anchors[name],
                                "second occurrence", event.start_mark)
        self.anchors[name] = event.start_mark

    def alias(self, event: Any) -> _Refused:
        if event.anchor not in self.anchors:
            raise ComposerError(None, None, "found undefined alias", event.start_mark)
        return self.fail(event.start_mark, "yaml-alias", f"YAML alias *{event.anchor} is not "
                         "allowed in parcli data; write the value out")

    def drain(self) -> None:
        """The rest of the document after a refused value, up to its end: parsed for syntax
        errors and the composer's anchor checks, nothing built."""
        next_event = self.next_event
        while True:
            event = next_event()
            kind = type(event)
            if kind is DocumentEndEvent:
                return
            if kind is AliasEvent:
                if event.anchor not in self.anchors:
                    self.alias(event)
            elif kind in _NODE_STARTS and event.anchor is not None:
                self.anchor(event)

    def values(self) -> Any:
        """The document's root value, built from its events with an explicit stack (the
        loop runs once per event of a file: its state is kept in local variables)."""
        next_event = self.next_event
        index = self.index
        marks, links, keys = index.marks, index.links, index.keys
        mark_append, link_append = marks.append, links.append
        strings, numbers, names = self.strings, self.numbers, self.names
        key_ids: dict[str, int] = {}
        resolvers = _BY_FIRST.get
        line_shift = LINE_SHIFT
        # The open collection: its container (None at the top), whether it is a mapping, the
        # key waiting for its value, its slot; the enclosing ones are saved on the stack.
        container: Any = None
        mapping = False
        pending: str | None = None
        slot = 0
        stack: list[tuple[Any, bool, str | None, int]] = []
        event = next_event()
        self.root_mark = event.start_mark
        while True:
            kind = type(event)
            if kind is ScalarEvent:
                if event.anchor is not None:
                    self.anchor(event)
                start = event.start_mark
                tag = event.tag
                value = event.value
                if tag is None or tag == "!":
                    tag = _STR
                    if event.implicit[0]:
                        for candidate, pattern in resolvers(value[:1], _WILDCARD):
                            if pattern.match(value):
                                tag = candidate
                                break
                if mapping and pending is None:  # a key
                    if tag == _MERGE:
                        raise self.fail(start, "yaml-alias",
                                        "merge keys (<<) are not allowed in parcli data")
                    if tag not in _KEY_TAGS:
                        raise self.unsupported(start, tag)
                    known = names.get(value)
                    if known is None:
                        name = sys.intern(nfc(value))
                        if name not in key_ids:
                            key_ids[name] = len(keys)
                            keys.append(name)
                        known = names[value] = (name, key_ids[name])
                    name = known[0]
                    if name in container:
                        first = index.first_key_line(slot, name)
                        raise self.fail(start, "duplicate-key",
                                        f"duplicate key {name!r} (first at line {first})")
                    mark_append(start.line << line_shift | start.column << 2 | KEY)
                    link_append(known[1])
                    pending = name
                    event = next_event()
                    continue
                mark_append(start.line << line_shift | start.column << 2)
                link_append(0)
                if tag in (_STR, _TIMESTAMP):
                    built: Any = strings.get(value)
                    if built is None:
                        built = strings[value] = nfc(value)
                else:
                    built = self.scalar(start, tag, value, numbers)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                start = event.start_mark
                if event.anchor is not None:
                    self.anchor(event)
                if mapping and pending is None:
                    raise self.fail(start, "yaml-syntax", "a mapping key must be a plain value")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(start, "too-deep", f"nesting deeper than {MAX_DEPTH} levels")
                opens_mapping = kind is MappingStartEvent
                tag = event.tag
                if tag is not None and tag != "!" and tag != (_MAP if opens_mapping else _SEQ):
                    raise self.unsupported(start, tag)
                stack.append((container, mapping, pending, slot))
                slot = len(marks)
                mark_append(start.line << LINE_SHIFT | start.column << 2
                            | (MAPPING if opens_mapping else SEQUENCE))
                link_append(0)
                container = {} if opens_mapping else []
                mapping, pending = opens_mapping, None
                event = next_event()
                continue
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                links[slot] = len(marks)
                built = container
                container, mapping, pending, slot = stack.pop()
            elif kind is AliasEvent:
                raise self.alias(event)
            else:  # pragma: no cover - libyaml sends nothing else inside a document
                raise yaml.YAMLError(f"unexpected {kind.__name__}")
            # A value is complete: it goes into its collection, or it is the root.
            if container is None:
                return built
            if mapping:
                container[pending] = built
                pending = None
            else:
                container.append(built)
            event = next_event()

    def scalar(self, start: Any, tag: str, value: str, numbers: dict[str, Decimal]) -> Any:
        if tag == _FLOAT:
            number = numbers.get(value)
            if number is not None:
                return number
            if value.lower() in _NOT_FINITE:
                raise self.fail(start, "not-finite", f"{value} is not a finite number")
            try:
                number = numbers[value] = Decimal(value.replace("_", ""))
            except InvalidOperation:
                raise self.fail(start, "schema", f"cannot read {value!r} as a number") from None
            return number
        if tag == _INT:
            return _int(value, start, self)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[value.lower()]
        raise self.unsupported(start, tag)

    def unsupported(self, start: Any, tag: str) -> _Refused:
        shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
        return self.fail(start, "yaml-tag", f"tag {shown} is not allowed in parcli data")


def _int(value: str, start: Any, owner: _Builder) -> int:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    shown = shorten(value)
    if len(text) > 1 and text[0] == "0" and text[1].isdigit():
        # YAML 1.1 reads 010 as octal 8: surely not what a score file means.
        raise owner.fail(start, "schema", f"{shown} has a leading zero, which YAML reads as "
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
        raise owner.fail(start, "schema", f"cannot read {shown!r} as a number; quote it "
                         "if it is text") from None
