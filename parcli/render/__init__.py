"""Renderers: one module per format, each registering a `Reporter` that declares what it
writes (`parcli.render.base`). Importing this package registers them all; it
imports no heavy library (rich, tabulate, python-docx, openpyxl, matplotlib are imported by
the functions that use them).

The CLI's API: `formats(writes)` lists the format names for a kind of output, the default
first; `reporter(name, color, lang=..., wide=..., width=...)` makes one; its `write(output)`
gives the text (or, for a file format, the bytes) to print or save under its `suffix`."""

import importlib
import pkgutil

from parcli.render.base import REPORTERS, Reporter, Writes, formats, reporter


def _register_formats() -> None:
    """Import every format module of this package: adding a format is adding its module
    (its `ORDER` places it among the others in help)."""
    for info in pkgutil.iter_modules(__path__):
        if info.name not in ("base", "charts"):
            importlib.import_module(f"parcli.render.{info.name}")


_register_formats()

__all__ = ["REPORTERS", "Reporter", "Writes", "formats", "reporter"]
