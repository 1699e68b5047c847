"""A cache of checked data, keyed by a hash of all that decides it: start-up time.

Every command reads its files through `parcli.service.open_data`. On a plan of the usual
size, most of what a run spends before its command starts is spent on work whose outcome
depends on the files alone: importing yaml, building the pydantic models' validators,
importing the rule catalogue, parsing, validating and running every rule. As ruff and mypy
keep theirs, parcli keeps that outcome (the loaded files, every problem found, errors
included, so that data a command refuses is refused as fast, and the configuration) in one
file per set of inputs; a run whose inputs are unchanged reads it back instead, and imports
neither yaml, the parser, the rule catalogue, nor builds a validator.

The key is a SHA-256 over everything the outcome depends on:

- parcli's version and its own source (each module's path, size and modification time, so
  that an edited checkout never reads an entry its old code wrote); Python's version; the
  installed versions of pydantic, pydantic-core and PyYAML (their messages are in the
  problems);
- each file read: its kind, its path as given, resolved, and as problems name it (relative
  to the working directory), and its bytes; whether it is the bundled plan; the options
  that change what is found (`--no-assignments`, the tolerance, the language: messages are
  in the reader's language);
- the configuration file used (its path and bytes), or none;
- the environment variables that change loading (`ENVIRONMENT`).

Safety: an entry is a pickle, and unpickling can run code, so parcli reads only entries it
wrote itself: the folder must be the user's and private (`parcli.cachedir` makes it 0700);
an entry is read only when it is a regular file (not a link) owned by the current user and
writable by no one else, and only when it repeats its own key (an entry copied or linked
under another name is not read). Where there is no user id to check (Windows), there is no
cache of data. Entries are written to a new private file and renamed into place, so a reader
never sees half an entry. Any failure while reading or writing an entry (a folder that
cannot be made or written, a corrupt or stale entry) is a miss: the cache only ever changes
how soon an answer comes, never the answer.

Where: the folder of `parcli.cachedir` (`PARCLI_CACHE_DIR`, else `$XDG_CACHE_HOME/parcli`,
else `~/.cache/parcli`), one `<key>.pickle` per entry; `PARCLI_NO_CACHE=1` turns it off. At
most `ENTRIES` entries are kept (the least recently used go first). Inputs over `MAX_INPUT`
bytes in all are not cached: pickling a large plan costs more than its parsing saves.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

import parcli
from parcli.load.decode import display_path

ENTRIES = 64
MAX_INPUT = 4 << 20
# The environment variables that change what loading finds.
ENVIRONMENT = ("PARCLI_MAX_BYTES",)
# The distributions whose behaviour is in a cached value: their models are pickled, their
# messages are in the problems.
DEPENDENCIES = {"pydantic": "pydantic-", "pydantic_core": "pydantic_core-", "yaml": "pyyaml-"}
_FORMAT = b"parcli-cache 1\n"
_SUFFIX = ".pickle"
_PACKAGE = Path(parcli.__file__).parent
_NOT_SOURCE = frozenset({"__pycache__", "data", "schema"})  # folders without modules


class Entry:
    """The cache entry of one set of inputs."""

    def __init__(self, where: Path, key: str, files: Sequence[tuple[str, Path]],
                 config: Path | None, options: Sequence[str]) -> None:
        self.path = where / f"{key}{_SUFFIX}"
        self.key = key
        self._inputs = (files, config, options)

    def _header(self) -> bytes:
        return _FORMAT + self.key.encode("ascii") + b"\n"

    def read(self) -> Any:
        """The value stored under this key, or None (no entry, or one not to be trusted)."""
        from parcli import cachedir

        data = cachedir.read(self.path)
        header = self._header()
        if data is None or not data.startswith(header):
            return None
        import pickle

        try:
            return pickle.loads(memoryview(data)[len(header):])
        except Exception:  # corrupt, or naming what this parcli no longer has: a miss
            return None

    def write(self, value: object) -> None:
        """Store `value` under this key, unless an input changed since the key was made
        (then the value may be of other bytes than the key says)."""
        if _key(*self._inputs) != self.key:
            return
        import pickle

        from parcli import cachedir

        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something that does not pickle: nothing is cached
            return
        cachedir.write(self.path, self._header(), payload)
        with suppress(OSError):
            _prune(self.path.parent)


def entry(files: Sequence[tuple[str, Path]], config: Path | None,
          options: Sequence[str]) -> Entry | None:
    """The entry of a run that reads `files` (kind, path) with the configuration file
    `config` and `options` (the request's settings that change the outcome, as text); None
    when the cache is off, or the inputs cannot be read, are not regular files or are too
    large to be worth caching (the run then reads them as without a cache)."""
    from parcli import cachedir

    where = cachedir.folder()
    if where is None:
        return None
    key = _key(files, config, options)
    return Entry(where, key, files, config, options) if key is not None else None


def _key(files: Sequence[tuple[str, Path]], config: Path | None,
         options: Sequence[str]) -> str | None:
    import hashlib

    digest = hashlib.sha256()

    def add(*parts: str) -> None:
        for part in parts:
            digest.update(part.encode("utf-8", "surrogateescape"))
            digest.update(b"\0")

    add("parcli", parcli.__version__, sys.version, _source(), _dependencies())
    add(*(f"{name}={os.environ.get(name)!r}" for name in ENVIRONMENT))
    add(*options)
    budget = MAX_INPUT
    named: list[tuple[str, Path]] = [*files, *([("config", config)] if config else [])]
    if config is None:
        add("config", "none")
    for kind, path in named:
        try:
            add(kind, str(path), os.path.realpath(path), display_path(path))
            raw = _read(path, budget)
        except OSError:
            return None
        if raw is None:
            return None
        budget -= len(raw)
        add(str(len(raw)))
        digest.update(raw)
    return digest.hexdigest()


def _read(path: Path, budget: int) -> bytes | None:
    """A regular file's bytes; None for anything else (a pipe, a device) or when it is
    larger than `budget`."""
    if not stat.S_ISREG(os.stat(path).st_mode):  # not even opened: a pipe's reader is the run's
        return None
    with open(path, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > budget:
            return None
        raw = stream.read(budget + 1)
    return raw if len(raw) <= budget else None


def _source() -> str:
    """parcli's own modules: each one's path, size and modification time (about 80 stat
    calls, a fraction of a millisecond)."""
    found: list[str] = []

    def walk(where: str) -> None:
        with os.scandir(where) as entries:
            for item in entries:
                if item.name.endswith(".py"):
                    info = item.stat()
                    found.append(f"{item.path}:{info.st_size}:{info.st_mtime_ns}")
                elif (item.name not in _NOT_SOURCE and not item.name.startswith(".")
                      and item.is_dir()):
                    walk(item.path)

    try:
        walk(str(_PACKAGE))
    except OSError:
        return "?"
    return "\n".join(sorted(found))


def _dependencies() -> str:
    """The installed versions of the distributions in `DEPENDENCIES`, from the names of
    their metadata folders (`pydantic-2.14.4.dist-info`), found without importing them."""
    from importlib.util import find_spec

    found: list[str] = []
    listings: dict[str, list[str]] = {}
    for module, distribution in DEPENDENCIES.items():
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            spec = None
        origin = spec.origin if spec is not None else None
        if origin is None:
            found.append(f"{module}: ?")
            continue
        site = os.path.dirname(os.path.dirname(origin))
        if site not in listings:
            try:
                listings[site] = os.listdir(site)
            except OSError:
                listings[site] = []
        versions = sorted(name for name in listings[site]
                          if name.lower().startswith(distribution)
                          and name.endswith((".dist-info", ".egg-info")))
        found.append(f"{module}: {origin} {versions}")
    return "\n".join(found)


def _prune(where: Path) -> None:
    """Keep the `ENTRIES` most recently used entries; remove temporary files a killed run
    left (older than an hour)."""
    import time

    entries: list[tuple[int, str]] = []
    stale = time.time_ns() - 3600 * 10**9
    with os.scandir(where) as items:
        for item in items:
            try:
                if not item.is_file(follow_symlinks=False):
                    continue
                if item.name.endswith(_SUFFIX) and len(item.name) == 64 + len(_SUFFIX):
                    entries.append((item.stat(follow_symlinks=False).st_mtime_ns, item.path))
                elif (item.name.startswith(".") and item.name.endswith(".tmp")
                      and item.stat(follow_symlinks=False).st_mtime_ns < stale):
                    os.unlink(item.path)
            except OSError:
                continue
    entries.sort(reverse=True)
    for _, path in entries[ENTRIES:]:
        with suppress(OSError):
            os.unlink(path)
