"""What every command declares and receives: its `Spec` (the inputs it reads) and the
`Common` options (files, language, format) that its own options type carries.

A command module holds three things: `SPEC`, an `Options` dataclass whose first field is
`common: Common`, and `run(inputs, options)` returning an `Output` (or a `Written` data file,
or `Documents` for a folder). The runner (`parcli.cli.runner`) opens what `SPEC` asks for,
calls `run` and renders the result; a command never sees argv and never writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from parcli.checking import Checked, DataRequest
from parcli.text import Lang
from parcli.vocabulary import Color, FileKind

Inputs = Literal["plan", "two plans", "files", "none"]
"""What a command reads: one plan's files (found from the data options: `common.data`), two
plans (`options.plans`: the old and the new, e.g. a diff), the files named as arguments
(`options.files`, `validate FILE...`), or nothing (`schema`, `rule`)."""


class TwoPlans(NamedTuple):
    """The inputs of a command whose `SPEC` reads two plans, each checked as `validate`
    checks one."""

    old: Checked
    new: Checked


@dataclass(frozen=True)
class Spec:
    inputs: Inputs = "plan"
    needs: tuple[FileKind, ...] = ()  # the files it cannot run without
    optional: tuple[FileKind, ...] = ()  # the files it uses when they are there
    # Rules whose errors the command shows itself instead of stopping (check's check sums);
    # None: no rule stops it (validate reports every problem).
    tolerated: frozenset[str] | None = frozenset()
    name: str | None = None  # the command as the user typed it, when the module differs


@dataclass(frozen=True)
class Common:
    data: DataRequest
    lang: Lang = "en"
    format: str = "table"
    color: Color = "auto"
    debug: bool = False
    wide: bool = False  # tables: every row on one line, never wrapped
    force: bool = False  # -o may replace an existing file
