"""Where parcli keeps what it can reuse between runs, and the rules for reading it back.

The folder: `PARCLI_CACHE_DIR`, else `$XDG_CACHE_HOME/parcli`, else `~/.cache/parcli`; a
relative path (an unset HOME leaves `~` as it is; the XDG spec says to ignore a relative
`XDG_CACHE_HOME`) means no cache rather than a folder under the working directory.
`PARCLI_NO_CACHE=1` (any value but empty or 0) turns caching off. The cache is only ever an
optimisation: nothing it holds changes an output, and any trouble with it (a folder that
cannot be made, a full disk, a file another user owns or others may write, a link, a pipe)
is silently a miss. Entries are loaded as code or pickles, so only regular files in a
private folder of the current user's, owned by that user and writable by nobody else, are
read; a file is written under a new private name (never through a link) and renamed into
place, so a reader never sees half of one. Where there is no user id to check entries
against (Windows), there is no cache.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0))
_WRITE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                | getattr(os, "O_CLOEXEC", 0))


def folder() -> Path | None:
    """The cache folder (made if need be, 0700), or None: caching is off or impossible."""
    if os.environ.get("PARCLI_NO_CACHE", "") not in ("", "0") or not hasattr(os, "getuid"):
        return None
    named = os.environ.get("PARCLI_CACHE_DIR")
    if named:
        path = Path(named)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path(os.path.expanduser("~")) / ".cache"
        path = base / "parcli"
    if not path.is_absolute():
        return None
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.stat()
    except OSError:
        return None
    return path if stat.S_ISDIR(info.st_mode) and _private(info) else None


def _private(info: os.stat_result) -> bool:
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def trusted(info: os.stat_result) -> bool:
    """A regular file of the current user's that no one else may write."""
    return stat.S_ISREG(info.st_mode) and _private(info)


def read(path: Path) -> bytes | None:
    """The bytes of a cache file that is the current user's alone, else None; a link, a
    pipe or a device is not opened for reading (never waited on)."""
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError:
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            info = os.fstat(stream.fileno())
            if not trusted(info):
                return None
            data = stream.read()
            if os.utime in os.supports_fd:  # pruning keeps the most recently used
                with contextlib.suppress(OSError):
                    os.utime(stream.fileno())
            return data
    except OSError:
        return None


def write(path: Path, *parts: bytes) -> None:
    """Replace a cache file atomically; failing is silent (the next run works it out
    again)."""
    temporary = path.with_name(f".{path.name[:24]}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, _WRITE_FLAGS, 0o600)
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as stream:
            for part in parts:
                stream.write(part)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
