"""Bytes to text: the size cap, then strict decoding; anything doubtful is refused with its
position (the first of the loader's three steps)."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from parcli.problems import DataError, Problem, UsageError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
HIGHEST_MAX_BYTES = 1 << 30


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
    """The path as a user would type it: relative to the working directory when inside it.
    A byte that is not UTF-8 (a folder unpacked from a Windows zip) is shown escaped
    (`d\\xe0ta`), so that the path can be printed at all."""
    try:
        here = Path.cwd().resolve()
        shown = (str(path) if here == Path(here.anchor)  # from / every path is "inside"
                 else str(path.resolve().relative_to(here)))
    except (ValueError, OSError, RuntimeError):  # outside, unreadable cwd, a link loop
        shown = str(path)
    return readable(shown)


def readable(text: str) -> str:
    """`text` printable as UTF-8: the bytes a file name held that were not UTF-8 (decoded by
    Python as lone surrogates) written as `\\xNN`."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def fail(file: str, rule: str, message: str, line: int | None = None,
          column: int | None = None) -> DataError:
    return DataError([Problem(rule, "error", message, file, line, column)])


def read_text(path: Path) -> str:
    """The file's text, decoded strictly; anything doubtful is refused with its position."""
    file = display_path(path)
    return decode(read_raw(path, file), file)


def source_of(raw: bytes, file: str) -> str | bytes:
    """What the YAML parser reads of a file's bytes: the bytes when they are UTF-8 (checked as
    strictly as `read_text` does, with the same problems, but without holding the decoded
    text: a large file's text takes two bytes a character for Vietnamese, on top of the bytes
    libyaml reads), else the decoded text (UTF-16)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in raw:
        return decode(raw, file)  # UTF-16 text, or the problem with these bytes
    start, end = (3 if raw.startswith(codecs.BOM_UTF8) else 0), len(raw)
    while start < end:
        try:
            _, used = codecs.utf_8_decode(raw[start:start + _CHUNK], "strict", False)
        except UnicodeDecodeError:
            return decode(raw, file)  # raises the problem, as read_text does
        if not used:  # an incomplete character at the very end
            return decode(raw, file)
        start += used
    return raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw


_CHUNK = 1 << 20


def read_raw(path: Path, file: str) -> bytes:
    """The file's bytes, at most the size cap; a missing or unreadable file is refused."""
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
            raise fail(file, "file-too-large", f"file is {size:,} bytes, {too_large}")
        # Never more than the limit, even when the size lied (a growing file, a pipe,
        # /dev/zero); a buffer of the file's size first, not of the limit's.
        with path.open("rb") as stream:
            wanted = size + 1 if size > 0 else limit + 1
            raw = stream.read(wanted)
            if len(raw) == wanted and wanted <= limit:
                raw += stream.read(limit + 1 - wanted)
    except OSError as exc:
        raise fail(file, "unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    if len(raw) > limit:
        raise fail(file, "file-too-large", f"file is {too_large}")
    return raw


def decode(raw: bytes, file: str) -> str:
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail(file, "encoding", "file is UTF-32; save it as UTF-8", 1, 1)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(file, "encoding", "file starts with a UTF-16 byte-order mark but is "
                        "not valid UTF-16; save it as UTF-8", 1, 1) from None
    nul = raw.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(raw):
            raise fail(file, "encoding", "file looks like UTF-16 without a byte-order mark; "
                        "save it as UTF-8", 1, 1)
        line, column = _byte_position(raw, nul)
        raise fail(file, "encoding", "binary data (a NUL byte), not a YAML text file",
                    line, column)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise fail(file, "encoding",
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


