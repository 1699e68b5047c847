"""A parsed file and where each of its values was: the part of the loader that a loaded
data file keeps, with no YAML parser behind it.

`parcli.load.parser` builds these from libyaml's events; a `Document` and its `Index` are
plain values, compact enough for plans of 100k rows.
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass, field
from typing import Any

from parcli.problems import Problem

# The kinds of slots in the index, in the two low bits of each packed position.
SCALAR, KEY, MAPPING, SEQUENCE = 0, 1, 2, 3
COLUMN_BITS = 32
LINE_SHIFT = COLUMN_BITS + 2


class Index:
    """Where each value of a document was, in document order, packed as integers.

    One slot per value, per mapping key and per collection: `marks[slot]` packs the line,
    the column and the kind (`line << 34 | column << 2 | kind`, both 0-based, as libyaml
    counts them); `links[slot]` is, for a collection, the slot after its last descendant,
    and for a key, its name's place in `keys` (each distinct key name once). A mapping's
    slots are its own, then each key followed by its value's; a sequence's, its own and then
    its items'. 12 bytes per value where a node with its two marks took several hundred.
    """

    __slots__ = ("children", "keys", "links", "marks")

    def __init__(self) -> None:
        self.marks = array("Q")
        self.links = array("I")
        self.keys: list[str] = []  # the distinct key names
        self.children: dict[int, list[int]] = {}  # a sequence's item slots, on first use

    def line_column(self, slot: int) -> tuple[int, int]:
        packed = self.marks[slot]
        return (packed >> LINE_SHIFT) + 1, ((packed >> 2) & 0xFFFFFFFF) + 1

    def after(self, slot: int) -> int:
        """The slot after `slot` and all it holds."""
        return int(self.links[slot]) if self.marks[slot] & 3 >= MAPPING else slot + 1

    def child(self, slot: int, part: str | int) -> tuple[int | None, int] | None:
        """(key slot, value slot) of `part` in a mapping, (None, item slot) in a sequence."""
        kind = self.marks[slot] & 3
        if kind == MAPPING:
            wanted = nfc(str(part))
            end, cursor = self.links[slot], slot + 1
            while cursor < end:
                if self.keys[self.links[cursor]] == wanted:
                    return cursor, cursor + 1
                cursor = self.after(cursor + 1)
        elif kind == SEQUENCE and isinstance(part, int):
            items = self.children.get(slot)
            if items is None:
                items, end, cursor = [], self.links[slot], slot + 1
                while cursor < end:
                    items.append(cursor)
                    cursor = self.after(cursor)
                self.children[slot] = items
            if 0 <= part < len(items):
                return None, items[part]
        return None

    def first_key_line(self, mapping: int, key: str) -> int:
        """The line of the key named `key` in the mapping at slot `mapping` (while it is being
        built: its entries so far are complete)."""
        end, cursor = len(self.marks), mapping + 1
        while cursor < end:
            if self.keys[self.links[cursor]] == key:
                break
            cursor = self.after(cursor + 1)
        return self.line_column(cursor)[0]


@dataclass
class Document:
    """A parsed YAML file: its plain data and the index that knows where each value was."""

    file: str
    data: Any
    index: Index | None = field(repr=False, default=None)
    sha256: str | None = None  # of the bytes parsed, when read from a file

    def position(self, loc: tuple[str | int, ...],
                 key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value at `loc`, or of its nearest existing ancestor.

        With `key`, or when `loc` ends in pydantic's "[key]" marker, the position of the
        mapping key itself (where an unknown or misspelt key is written).
        """
        index = self.index
        if index is None:
            return None, None
        if loc and loc[-1] == "[key]":
            loc, key = loc[:-1], True
        slot = 0
        for number, part in enumerate(loc):
            pair = index.child(slot, part)
            if pair is None:
                break
            key_slot, slot = pair
            if key and key_slot is not None and number == len(loc) - 1:
                slot = key_slot
        return index.line_column(slot)

    def problem(self, rule: str, message: str, loc: tuple[str | int, ...] = (),
                level: str = "error", code: str | None = None, key: bool = False) -> Problem:
        line, column = self.position(loc, key=key)
        return Problem(rule, "error" if level == "error" else "warning", message,
                       self.file, line, column, code)


def nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@dataclass
class Loaded:
    """A validated data file: the model plus the document that knows its positions."""

    document: Document
    model: Any

    @property
    def file(self) -> str:
        return self.document.file
