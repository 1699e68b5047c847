"""The command line's shared option types: `Annotated` aliases that the commands in
`parcli.cli.app` declare their parameters with, and the converters (`parser=`) behind them.

Choices are `Literal` types from the registries (formats from `parcli.render`, the other
words from `parcli.vocabulary`), so help, completion and the code that acts on a choice cannot
drift apart.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Optional

import typer

from parcli.render import formats
from parcli.text import Lang as Language
from parcli.vocabulary import OPEN_STATUSES
from parcli.vocabulary import Color as Colour

if TYPE_CHECKING:
    from parcli.commands.base import Common

    TableFormat = ProblemFormat = DocumentFormat = str
    StatusChoice = str
else:  # the registered formats that declare they can write each kind of output
    TableFormat = Literal[formats("tables")]
    ProblemFormat = Literal[formats("problems")]
    DocumentFormat = Literal[formats("documents")]
    # A repeatable choice: Typer takes a list of an Enum (not of a Literal).
    StatusChoice = Enum("StatusChoice", {value: value for value in OPEN_STATUSES}, type=str)


def data_path(text: str) -> Path:
    """A path as given: an empty one is a mistake, not the current folder."""
    if not text.strip():
        raise typer.BadParameter("the path is empty")
    return Path(text)


def output_path(text: str) -> Path:
    """`-o FILE`: a file name, not an empty path and not a folder (`new.md/`)."""
    path = data_path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        raise typer.BadParameter(f"{text} names a folder; give a file name")
    return path


def tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    # Scores have at most a few digits; a bound keeps Decimal arithmetic small and fast.
    if not value.is_finite() or not 0 <= value <= 1000 or \
            value.quantize(Decimal("1e-12")) != value:
        raise typer.BadParameter(f"{text!r} is not a number between 0 and 1000 with at most "
                                 "12 decimal places")
    return value


def iso_date(text: str) -> date:
    if not text.strip():
        raise typer.BadParameter("the date is empty; give YYYY-MM-DD or leave the option out")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date YYYY-MM-DD") from None


def _file(name: str, help: str) -> Any:
    return typer.Option(name, metavar="FILE", parser=data_path, help=help, show_default=False)


# The data files and the configuration.
Criteria = Annotated[Optional[Path], _file(
    "--criteria", "Criteria file (Appendix I). Default: the bundled plan, only when no data "
    "file is named.")]
Assignments = Annotated[Optional[Path], _file(
    "--assignments", "Assignments file (Appendix II). Default: assignments_<year>.yaml, else "
    "assignments.yaml, beside the criteria file.")]
Agencies = Annotated[Optional[Path], _file(
    "--agencies", "Agency registry. Default: agencies_<year>.yaml, else agencies.yaml, beside "
    "the criteria file.")]
PlanBody = Annotated[Optional[Path], _file(
    "--plan", "Plan file (the plan's body: goals, tasks by field, duties). Default: "
    "plan_<year>.yaml, else plan.yaml, beside the criteria file.")]
Config = Annotated[Optional[Path], _file(
    "--config", "parcli.toml to use. Default: the nearest parcli.toml (or pyproject.toml with "
    "[tool.parcli]) from the criteria file's folder upward.")]
Results = Annotated[Optional[Path], _file(
    "--results", "Results file (scores and statuses). Default: results_<year>.yaml beside the "
    "criteria file, if there is one.")]
NoAssignments = Annotated[bool, typer.Option(
    "--no-assignments", help="Run without an assignments file.")]
Tolerance = Annotated[Optional[Decimal], typer.Option(
    "--tolerance", metavar="POINTS", parser=tolerance, show_default=False,
    help="Largest difference treated as rounding (default 0.01).")]

# The language and how the output looks.
Lang = Annotated[Language, typer.Option(
    "--lang", envvar="PARCLI_LANG", help="Language of labels and names.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]
Color = Annotated[Colour, typer.Option(
    "--color", help="Colour in the terminal.")]
NoColor = Annotated[bool, typer.Option("--no-color", help="Same as --color never.")]
Wide = Annotated[bool, typer.Option("--wide", help="Never wrap table cells: each row on one line.")]
Output = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", parser=output_path, show_default=False,
    help="Write to FILE (atomically) instead of stdout.")]
DataFileOutput = Annotated[Optional[Path], typer.Option(
    "--output", "-o", metavar="FILE", parser=output_path, show_default=False,
    help="Write to FILE instead of the file beside the criteria file.")]
Force = Annotated[bool, typer.Option(
    "--force", help="Let -o (or the file a command writes) replace an existing file.")]
Top = Annotated[Optional[int], typer.Option(
    "--top", min=1, metavar="N", show_default=False, help="Show the first N.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v")]
AsOf = Annotated[Optional[date], typer.Option(
    "--as-of", metavar="DATE", parser=iso_date, show_default=False,
    help="Date, YYYY-MM-DD (default: today while the plan year runs, else its last day).")]
Body = Annotated[bool, typer.Option(
    "--body", help="Also list the plan file's own tasks (Part II) and duties (Part III), "
    "marked as such.")]
Agency = Annotated[Optional[str], typer.Option(
    "--agency", metavar="AGENCY", show_default=False,
    help="Only items this agency leads or implements (an id, a name or an alias).")]


def format_option(kind: str) -> Any:
    return typer.Option("--format", "-f", show_default=False,
                        help=f"Output format (default: the first; github under GitHub "
                        f"Actions where offered). Can write {kind}.")


# The options every data command shares, added to a command by `shared`.
_SHARED: dict[str, tuple[object, object]] = {  # name -> (annotation, default)
    "tolerance": (Tolerance, None),
    "no_assignments": (NoAssignments, False),
    "results": (Results, None),
    "output": (Output, None),
    "force": (Force, False),
    "wide": (Wide, False),
    "criteria": (Criteria, None),
    "assignments": (Assignments, None),
    "agencies": (Agencies, None),
    "plan": (PlanBody, None),
    "config": (Config, None),
    "lang": (Lang, "en"),
    "color": (Color, "auto"),
    "no_color": (NoColor, False),
    "debug": (Debug, False),
}
_FORMATS = {"tables": TableFormat, "problems": ProblemFormat, "documents": DocumentFormat}
Writes = Literal["tables", "problems", "documents"]


def shared(writes: Writes | None, *, tolerance: bool = False, no_assignments: bool = False,
           results: bool = False, plan: bool = False, look: bool = True,
           data_files: bool = True,
           ) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared options, after its own: the data files (unless
    `data_files` is False: a command that names its plans as arguments, `diff OLD NEW`;
    `--plan` only for a command that reads the plan file, never one it would ignore) and
    the language always; `--format` (the formats that can write `writes`), `-o`, and with
    `look` the colour and `--wide`; the others when asked. The command receives them as one `common:
    Common` and `output: Path | None` (Typer reads the parameters from `__signature__`, so
    the command's module must not postpone its annotations)."""
    names = [name for name, wanted in (
        ("tolerance", tolerance), ("no_assignments", no_assignments), ("results", results),
        ("output", True), ("force", True), ("wide", look and writes is not None),
        ("criteria", True), ("assignments", True), ("agencies", True), ("plan", plan),
        ("config", True),
        ("lang", True),
        ("color", look and writes is not None), ("no_color", look and writes is not None),
        ("debug", True)) if wanted]
    if not data_files:  # the plans are the command's arguments (`diff OLD NEW`)
        names = [name for name in names if name not in ("criteria", "assignments", "agencies",
                                                        "plan")]
    added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY,
                               annotation=_SHARED[name][0], default=_SHARED[name][1])
             for name in names]
    if writes is None:  # a command that writes a data file writes it beside the plan
        added[names.index("output")] = added[names.index("output")].replace(
            annotation=DataFileOutput)
    if writes is not None:
        added.insert(0, inspect.Parameter(
            "fmt", inspect.Parameter.KEYWORD_ONLY, default=None,
            annotation=Annotated[Optional[_FORMATS[writes]], format_option(writes)]))

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(command).parameters.values()
               if p.name not in ("common", "output")]

        @functools.wraps(command)
        def with_common(**values: Any) -> None:
            given = {name: values.pop(name) for name in [*names, "fmt"] if name in values}
            command(**values, common=_common(writes, given), output=given.get("output"))

        with_common.__dict__["__signature__"] = inspect.Signature([*own, *added],
                                                                  return_annotation=None)
        with_common.__annotations__ = {p.name: p.annotation for p in [*own, *added]}
        return with_common

    return decorate


def _common(writes: Writes | None, given: dict[str, Any]) -> Common:
    from parcli.checking import DataRequest
    from parcli.commands.base import Common

    allowed = formats(writes) if writes is not None else ("table",)
    fmt = given.get("fmt") or ("github" if os.environ.get("GITHUB_ACTIONS") == "true"
                               and "github" in allowed else allowed[0])
    data = DataRequest(given.get("criteria"), given.get("assignments"), given.get("agencies"),
                       given.get("config"), bool(given.get("no_assignments")),
                       results=given.get("results"), plan=given.get("plan"))
    if given.get("tolerance") is not None:
        data = replace(data, tolerance=given["tolerance"])
    output = given.get("output")
    if output is not None:
        fmt = _format_for(output, given.get("fmt"), fmt, allowed)
    return Common(data, given.get("lang", "en"), fmt,
                  "never" if given.get("no_color") else given.get("color", "never"),
                  bool(given.get("debug")), bool(given.get("wide")), bool(given.get("force")))


def _format_for(output: Path, asked: str | None, default: str, allowed: tuple[str, ...]) -> str:
    """The format of `-o FILE`: `--format` when given, else the one its extension names (a
    `.docx` is Word, not Markdown in a Word-named file); a format and an extension that
    disagree are a usage error."""
    from parcli.render import REPORTERS

    extension = output.suffix.lower().lstrip(".")
    named = [name for name in allowed if REPORTERS[name].suffix == extension]
    if asked is None:
        return named[0] if named else default
    known = {cls.suffix for cls in REPORTERS.values()}
    if extension in known and asked not in named:
        raise typer.BadParameter(
            f"{output} is a .{extension} file but --format is {asked}; give -f "
            f"{named[0] if named else 'to match'} or another file name", param_hint="'-o'")
    return asked
