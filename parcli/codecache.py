"""Compiled code for the dataclasses a run creates, kept between runs (start-up, issue 13).

Python caches each module's bytecode in `.pyc` files, but not the code `dataclasses`
generates for every class it decorates: `__init__`, `__eq__`, `__repr__`, `__hash__` and the
frozen `__setattr__` are written as text and compiled with `exec` each time a class is
created. A run of `parcli check` creates about a hundred dataclasses (parcli's own, pydantic's
and annotated-types'), about 450 functions, and compiling them was a fifth of its start-up.

`install()` puts an `exec` into the `dataclasses` module's namespace (module globals are
looked up before builtins) that compiles each generated text once and keeps the code object,
keyed by the text itself; `save()` writes the new ones, with `marshal` (the format of `.pyc`
files), to one file per Python version in parcli's cache folder. What runs is exactly what
`exec` would have compiled from the same text: the key is the whole text, compiling ignores
the caller's `__future__` flags as `exec` does for dataclasses (which has none), and the file
is per interpreter build and optimisation level. An unreadable, foreign or corrupt file is
ignored (`parcli.cachedir` says which files are read); once it holds more than `LIMIT`
functions it is rewritten with those of the latest run alone. `PARCLI_NO_CACHE=1` turns it
off with the data cache.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from parcli import cachedir

LIMIT = 5000  # functions kept; a run of parcli compiles about 450
_compiled: dict[str, CodeType] = {}
_used: set[str] = set()
_new = False
_file: Path | None = None


def install() -> None:
    """Serve `dataclasses`' generated code from the cache (before any dataclass is made)."""
    global _file
    folder = cachedir.folder()
    if folder is None:
        return
    import dataclasses

    if getattr(dataclasses, "exec", builtins.exec) is not builtins.exec:
        return  # installed already, or someone else's
    _file = folder / file_name()
    data = cachedir.read(_file)
    if data is not None:
        try:
            loaded = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            loaded = None
        if isinstance(loaded, dict):
            _compiled.update((text, code) for text, code in loaded.items()
                             if isinstance(text, str) and isinstance(code, CodeType))
    setattr(dataclasses, "exec", _exec)  # noqa: B010 - a name the module looks up at run time


def file_name() -> str:
    """The file of this interpreter build and optimisation level."""
    return (f"dataclass-code-{sys.implementation.cache_tag}-{sys.hexversion:x}"
            f"-O{sys.flags.optimize}.marshal")


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    global _new
    if isinstance(source, str):
        _used.add(source)
        code = _compiled.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            _compiled[source] = code
            _new = True
        source = code
    builtins.exec(source, globals, locals)


def save() -> None:
    """Write the code compiled in this run, if any was new (at the end of a run)."""
    if _new and _file is not None:
        kept = _compiled if len(_compiled) <= LIMIT else {
            text: code for text, code in _compiled.items() if text in _used}
        cachedir.write(_file, marshal.dumps(kept))
