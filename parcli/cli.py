"""The command line: a thin Typer layer that parses options and hands them to the cores.

Only typer is imported at start-up; each command imports what it needs when it runs.
"""

from __future__ import annotations

import functools
import inspect
import os
import sys
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from parcli import __version__

if TYPE_CHECKING:
    from parcli.dataset import Dataset
    from parcli.problems import DataError
    from parcli.render import Output

app = typer.Typer(
    name="parcli",
    help="Scoring and gap analysis for the provincial PAR Index and SIPAS.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by every command, declared once.
CriteriaOpt = Annotated[Optional[Path], typer.Option(
    "--criteria", help="Criteria file (Appendix I). Default: the bundled plan.",
    dir_okay=True, show_default=False)]
AssignmentsOpt = Annotated[Optional[Path], typer.Option(
    "--assignments", help="Assignments file (Appendix II). Default: assignments_<year>.yaml "
    "beside the criteria file, else the bundled plan. (check and tree accept it for a "
    "uniform command line; they do not read it.)", show_default=False)]
AgenciesOpt = Annotated[Optional[Path], typer.Option(
    "--agencies", help="Agency registry. Default: agencies.yaml beside the criteria file, "
    "else the bundled one.", show_default=False)]
LangOpt = Annotated[str, typer.Option(
    "--lang", envvar="PARCLI_LANG", help="Language of labels and names: en or vi.")]
ColorOpt = Annotated[str, typer.Option("--color", help="Colour: auto, always or never.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="Same as --color never.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]
ToleranceOpt = Annotated[str, typer.Option(
    "--tolerance", help="Largest difference treated as rounding.")]
TABLE_FORMATS = ("table", "md", "csv", "json")
PROBLEM_FORMATS = (*TABLE_FORMATS, "github")


def _format_option(formats: tuple[str, ...]) -> object:
    return typer.Option("--format", "-f", help=f"Output format: {', '.join(formats)}.")




def _version(value: bool) -> None:
    if value:
        typer.echo(f"parcli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Scoring and gap analysis for the provincial PAR Index and SIPAS."""


class Common:
    """The options every command shares, parsed once into plain values."""

    def __init__(self, criteria: Path | None, assignments: Path | None, agencies: Path | None,
                 lang: str, fmt: str | None, formats: tuple[str, ...], color: str,
                 no_color: bool, debug: bool) -> None:
        self.lang = _choice("--lang (or PARCLI_LANG)", lang, ("en", "vi"))
        default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and \
            "github" in formats else formats[0]
        self.format = _choice("--format", fmt or default, formats)
        self.color = "never" if no_color else _choice("--color", color, ("auto", "always", "never"))
        self.debug = debug
        self.paths = (criteria, assignments, agencies)

    def dataset(self) -> Dataset:
        from parcli.dataset import DataPaths, Dataset

        criteria, assignments, agencies = self.paths
        return Dataset(DataPaths(criteria, assignments, agencies) if criteria
                       else DataPaths(assignments=assignments, agencies=agencies))


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}",
                                 param_hint=option)
    return value


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    # Scores have at most a few digits; a bound keeps Decimal arithmetic small and fast.
    if not value.is_finite() or not 0 <= value <= 1000 or \
            value.quantize(Decimal("1e-12")) != value:
        raise typer.BadParameter(f"{text!r} is not a number between 0 and 1000 with at most "
                                 "12 decimal places", param_hint="--tolerance")
    return value


def _execute(common: Common, build: Callable[[Dataset], Output],
             destination: Path | None = None) -> None:
    """Run a command core and render its output; data problems exit 1, misuse exits 2."""
    from parcli.problems import DataError, UsageError

    try:
        output = build(common.dataset())
    except DataError as exc:
        _report_problems(common, exc)
        raise typer.Exit(1) from None
    except UsageError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        raise typer.Exit(2) from None
    from parcli.render.reporters import reporter

    text = reporter(common.format, common.color).render(output)
    if destination is None:
        sys.stdout.write(text)
    else:
        from parcli.i18n import t

        _write_atomically(destination, text)
        typer.echo(t("wrote", common.lang, path=destination), err=True)  # type: ignore[arg-type]
    if output.failed:
        raise typer.Exit(1)


def _write_atomically(path: Path, text: str) -> None:
    """Write beside the target, then rename: a failed write leaves the old file intact."""
    import tempfile

    if path.is_dir():
        typer.echo(f"parcli: error: {path} is a directory; give a file name", err=True)
        raise typer.Exit(2)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        typer.echo(f"parcli: error: cannot write {path}: {exc.strerror}", err=True)
        raise typer.Exit(1) from None
    try:
        with open(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp makes the file private (0600); a report is meant to be shared like any file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~umask)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        typer.echo(f"parcli: error: cannot write {path}: {exc.strerror}", err=True)
        raise typer.Exit(1) from None


def _report_problems(common: Common, exc: DataError) -> None:
    """Unusable data: one line per problem for people, and the machine formats' own shape
    (JSON errors, GitHub annotations) on stdout for the programs that parse them."""
    from parcli.commands.validate import problems_output
    from parcli.render.reporters import reporter

    chosen = reporter(common.format, common.color)
    if chosen.for_machines:
        sys.stdout.write(chosen.render(problems_output(exc.problems)))
    for problem in exc.problems:
        typer.echo(problem.one_line(), err=True)


def _shared_options(
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, lang: LangOpt = "en", color: ColorOpt = "auto",
    no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """The options every data command takes, declared once (the signature is what counts)."""


def data_command(formats: tuple[str, ...], name: str | None = None,
                 colors: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command that takes the shared options and `--format` (one of `formats`,
    the first being the default); the function receives them parsed, as `common`."""

    def register(function: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(function, eval_str=True)
        shared = [p for p in inspect.signature(_shared_options, eval_str=True).parameters
                  .values() if colors or p.name not in ("color", "no_color")]
        fmt = inspect.Parameter("fmt", inspect.Parameter.KEYWORD_ONLY, default=None,
                                annotation=Annotated[Optional[str], _format_option(formats)])
        params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
                  for p in own.parameters.values() if p.name != "common"]
        params += [fmt, *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in shared)]

        @functools.wraps(function)
        def command(**values: Any) -> None:
            common = Common(values.pop("criteria"), values.pop("assignments"),
                            values.pop("agencies"), values.pop("lang"), values.pop("fmt"),
                            formats, values.pop("color", "never"), values.pop("no_color", True),
                            values.pop("debug"))
            function(common=common, **values)

        command.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        app.command(name)(command)
        return function

    return register


@data_command(PROBLEM_FORMATS)
def check(common: Common, tolerance: ToleranceOpt = "0.01") -> None:
    """Printed totals and subtotals against what their rows add up to."""
    tol = _tolerance(tolerance)

    def build(dataset: Dataset) -> Output:
        from parcli.commands import check as command

        return command.run(dataset, tol, common.lang)  # type: ignore[arg-type]

    _execute(common, build)


@data_command(TABLE_FORMATS)
def tree(
    common: Common,
    code: Annotated[Optional[str], typer.Argument(help="Show only this row and below.")] = None,
    depth: Annotated[Optional[int], typer.Option(
        "--depth", min=1, help="Levels shown: 1 = the fields, or CODE alone.")] = None,
    search: Annotated[Optional[str], typer.Option(
        "--search", help="Rows whose name contains TEXT, with or without diacritics.")] = None,
) -> None:
    """The criteria hierarchy with max, baseline, target and gain."""

    def build(dataset: Dataset) -> Output:
        from parcli.commands import tree as command

        return command.run(dataset, common.lang, code, depth, search)  # type: ignore[arg-type]

    _execute(common, build)


@data_command(TABLE_FORMATS)
def gap(
    common: Common,
    by_agency: Annotated[bool, typer.Option("--by-agency", help="Rank agencies.")] = False,
    by_field: Annotated[bool, typer.Option("--by-field", help="Rank the fields.")] = False,
    basis: Annotated[str, typer.Option("--basis", help="gain, lost or headroom.")] = "gain",
    shared: Annotated[str, typer.Option(
        "--shared", help="A criterion with several leads: split equally, or full to each.")
    ] = "split",
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Show the first N.")] = None,
    field: Annotated[Optional[str], typer.Option("--field", help="Only field N.")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose",
                                          help="List the criteria behind each row.")] = False,
) -> None:
    """Point gaps per leaf criterion (default), per agency or per field, ranked."""
    if by_agency and by_field:
        raise typer.BadParameter("choose one of --by-agency and --by-field",
                                 param_hint="--by-agency")
    view = "agencies" if by_agency else "fields" if by_field else "leaves"
    chosen_basis = _choice("--basis", basis, ("gain", "lost", "headroom"))
    chosen_shared = _choice("--shared", shared, ("split", "full"))

    def build(dataset: Dataset) -> Output:
        from parcli.commands import gap as command

        return command.run(dataset, common.lang, view, chosen_basis,  # type: ignore[arg-type]
                           chosen_shared, top, field, verbose)  # type: ignore[arg-type]

    _execute(common, build)


@data_command(PROBLEM_FORMATS)
def validate(
    common: Common,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet",
                                        help="Print errors only, no summary.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose",
                                          help="Also list every rule with its count.")] = False,
    tolerance: ToleranceOpt = "0.01",
) -> None:
    """Check both data files and the registry: schema, then rules within and across them."""
    tol = _tolerance(tolerance)

    def build(dataset: Dataset) -> Output:
        from parcli.commands import validate as command

        return command.run(dataset, tol, strict, common.lang,  # type: ignore[arg-type]
                           -1 if quiet else 1 if verbose else 0)

    _execute(common, build)


@data_command(TABLE_FORMATS, name="agencies")
def agencies_command(common: Common) -> None:
    """The agency registry, with the criteria each leads and the points at stake."""

    def build(dataset: Dataset) -> Output:
        from parcli.commands import agencies as command

        return command.run(dataset, common.lang)  # type: ignore[arg-type]

    _execute(common, build)


@data_command(TABLE_FORMATS, name="assignments")
def assignments_command(
    common: Common,
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only items this agency "
                                                  "leads or implements (an id).")] = None,
    criterion: Annotated[Optional[str], typer.Option(
        "--criterion", help="Only items of this criterion code and below.")] = None,
) -> None:
    """Who delivers what, by when."""

    def build(dataset: Dataset) -> Output:
        from parcli.commands import assignments as command

        return command.run(dataset, common.lang, agency, criterion)  # type: ignore[arg-type]

    _execute(common, build)


@data_command(("md", "json"), colors=False)
def report(
    common: Common,
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Write to FILE (atomically) instead of stdout.")] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in the top-N tables.")] = 5,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date for overdue deadlines, YYYY-MM-DD (default: today).")] = None,
    tolerance: ToleranceOpt = "0.01",
) -> None:
    """The one-page Markdown summary for the monthly meeting."""
    tol = _tolerance(tolerance)
    from datetime import date

    try:
        when = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        raise typer.BadParameter(f"{as_of!r} is not a date YYYY-MM-DD",
                                 param_hint="--as-of") from None

    def build(dataset: Dataset) -> Output:
        from parcli.commands import report as command

        return command.run(dataset, common.lang, top, when, tol)  # type: ignore[arg-type]

    _execute(common, build, output)


@app.command()
def schema(
    name: Annotated[str, typer.Argument(help="criteria, assignments or agencies.")],
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Write to FILE (atomically) instead of stdout.")] = None,
) -> None:
    """JSON Schema of a data file, generated from parcli's models (for editors and CI)."""
    from parcli.json_schema import json_schema

    chosen = _choice("NAME", name, ("criteria", "assignments", "agencies"))
    text = json_schema(chosen)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(output, text)
        typer.echo(f"wrote {output}", err=True)


def main(argv: list[str] | None = None) -> None:
    # The data is Vietnamese: write UTF-8 whatever the locale says (Windows, LANG=C, pipes).
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    sys.exit(run(sys.argv[1:] if argv is None else argv))


@functools.cache
def _command() -> Any:
    """Typer builds the click command from the app; once per process is enough."""
    return typer.main.get_command(app)


def run(argv: list[str]) -> int:
    """Run parcli; every failure becomes one line and an exit code, never a traceback."""
    from parcli.problems import UsageError

    try:
        result = _command().main(args=argv, prog_name="parcli", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except UsageError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except Exception as exc:
        # Click's exceptions (vendored by typer) carry their own message and exit code.
        exit_code = getattr(exc, "exit_code", None)
        if hasattr(exc, "format_message") and isinstance(exit_code, int):
            ctx = getattr(exc, "ctx", None)
            command = getattr(ctx, "command_path", None) or "parcli"
            hint = f" (see '{command} --help')" if exit_code == 2 else ""
            typer.echo(f"parcli: error: {exc.format_message()}{hint}", err=True)
            return exit_code
        if "--debug" in argv:
            raise
        typer.echo(f"parcli: internal error: {type(exc).__name__}: {exc} "
                   "(run with --debug for details)", err=True)
        return 1
    return result if isinstance(result, int) else 0
