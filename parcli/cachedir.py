"""Where parcli keeps what it can reuse between runs, and the rules for reading it back.

The folder: `PARCLI_CACHE_DIR`, else `$XDG_CACHE_HOME/parcli`, else `~/.cache/parcli`;
`PARCLI_NO_CACHE=1` (any value but empty or 0) turns caching off. The cache is only ever an
optimisation: nothing it holds changes an output, and any trouble with it (a folder that
cannot be made, a full disk, a file another user owns or others may write) is silently a
miss. Entries are loaded as code or pickles, so only files in a folder of the current user's,
owned by that user and writable by nobody else, are read; writes are atomic.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def folder() -> Path | None:
    """The cache folder (made if need be, 0700), or None: caching is off or impossible."""
    if os.environ.get("PARCLI_NO_CACHE", "") not in ("", "0"):
        return None
    named = os.environ.get("PARCLI_CACHE_DIR")
    if named:
        path = Path(named)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"),
                                                                ".cache")
        path = Path(base) / "parcli"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        return path if _private(path.stat()) else None
    except OSError:
        return None


def _private(info: os.stat_result) -> bool:
    owner = getattr(os, "getuid", None)
    return (owner is None or info.st_uid == owner()) and not info.st_mode & (
        stat.S_IWGRP | stat.S_IWOTH)


def read(path: Path) -> bytes | None:
    """The bytes of a cache file that is the current user's alone, else None."""
    try:
        with path.open("rb") as stream:
            if not _private(os.fstat(stream.fileno())):
                return None
            return stream.read()
    except OSError:
        return None


def write(path: Path, data: bytes) -> None:
    """Replace a cache file atomically; failing is silent (the next run compiles again)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
