"""Renderers: one module per format, each registering a `Reporter` that declares what it
writes (`parcli.render.base`). Importing this package registers them all, in this order; it
imports no heavy library (rich, tabulate, python-docx, openpyxl, matplotlib are imported by
the functions that use them).

The CLI's API: `formats(writes)` lists the format names for a kind of output, the default
first; `reporter(name, color, lang=..., wide=..., width=...)` makes one; its `write(output)`
gives the text (or, for a file format, the bytes) to print or save under its `suffix`."""

# The order of registration is the order `formats()` lists them in (after the default).
# isort: off
from parcli.render import terminal  # noqa: F401  (each module registers its formats)
from parcli.render import markdown  # noqa: F401
from parcli.render import delimited  # noqa: F401
from parcli.render import json_format  # noqa: F401
from parcli.render import github  # noqa: F401
from parcli.render import word  # noqa: F401
from parcli.render import excel  # noqa: F401
# isort: on
from parcli.render.base import REPORTERS, Reporter, Writes, formats, reporter

__all__ = ["REPORTERS", "Reporter", "Writes", "formats", "reporter"]
