"""The command line: a thin Typer layer that parses options into one frozen object per
command (`parcli.options`) and hands it to the command's core.

Only typer is imported at start-up; each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from parcli import __version__
from parcli.render.reporters import formats

if TYPE_CHECKING:
    from parcli.engine.writer import Written
    from parcli.options import Common, ReportOptions
    from parcli.problems import DataError
    from parcli.render import Output
    from parcli.render.reporters import Reporter
    from parcli.service import Checked

T = TypeVar("T", bound=str)

app = typer.Typer(
    name="parcli",
    help="Scoring and gap analysis for the provincial PAR Index and SIPAS.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

TABLE_FORMATS = formats()
PROBLEM_FORMATS = formats(problems=True)
REPORT_FORMATS = tuple(name for name in formats() if not name.startswith(("table", "csv")))

# The options every data command shares, declared once as types.
CriteriaOpt = Annotated[Optional[str], typer.Option(
    "--criteria", help="Criteria file (Appendix I). Default: the bundled plan, only when no "
    "data file is named.", show_default=False)]
AssignmentsOpt = Annotated[Optional[str], typer.Option(
    "--assignments", help="Assignments file (Appendix II). Default: assignments_<year>.yaml, "
    "else assignments.yaml, beside the criteria file.", show_default=False)]
AgenciesOpt = Annotated[Optional[str], typer.Option(
    "--agencies", help="Agency registry. Default: agencies_<year>.yaml, else agencies.yaml, "
    "beside the criteria file.", show_default=False)]
ConfigOpt = Annotated[Optional[str], typer.Option(
    "--config", help="parcli.toml to use. Default: the nearest parcli.toml (or pyproject.toml "
    "with \\[tool.parcli]) from the criteria file's folder upward.", show_default=False)]
ResultsOpt = Annotated[Optional[str], typer.Option(
    "--results", help="Results file (scores and statuses). Default: results_<year>.yaml "
    "beside the criteria file, if there is one.", show_default=False)]
NoAssignmentsOpt = Annotated[bool, typer.Option(
    "--no-assignments", help="Run without an assignments file.")]
LangOpt = Annotated[str, typer.Option(
    "--lang", envvar="PARCLI_LANG", help="Language of labels and names: en or vi.")]
ColorOpt = Annotated[str, typer.Option("--color", help="Colour: auto, always or never.")]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="Same as --color never.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]
ToleranceOpt = Annotated[Optional[str], typer.Option(
    "--tolerance", help="Largest difference treated as rounding (default 0.01).",
    show_default=False)]
TableFormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", help=f"Output format: {', '.join(TABLE_FORMATS)}.", show_default=False)]
ProblemFormatOpt = Annotated[Optional[str], typer.Option(
    "--format", "-f", help=f"Output format: {', '.join(PROBLEM_FORMATS)}.",
    show_default=False)]
WideOpt = Annotated[bool, typer.Option(
    "--wide", help="Never wrap table cells: each row on one line.")]
OutputOpt = Annotated[Optional[Path], typer.Option(
    "-o", "--output", help="Write to FILE (atomically) instead of stdout.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parcli {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Scoring and gap analysis for the provincial PAR Index and SIPAS."""
    if ctx.invoked_subcommand is None:
        names = ", ".join(ctx.command.list_commands(ctx)) if isinstance(
            ctx.command, typer.core.TyperGroup) else ""
        typer.echo(f"Usage: parcli [OPTIONS] COMMAND [ARGS]...\nCommands: {names}", err=True)
        typer.echo("parcli: error: name a command, e.g. 'parcli check' (see 'parcli --help')",
                   err=True)
        raise typer.Exit(2)


def _choice(option: str, value: str, allowed: tuple[T, ...]) -> T:
    """`value` as the matching member of `allowed` (a typed Literal), or a usage error."""
    for candidate in allowed:
        if candidate == value:
            return candidate
    raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)


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


def _path(option: str, text: str | None) -> Path | None:
    """A path option as given: an empty one is a mistake, not the current folder."""
    if text is None:
        return None
    if not text.strip():
        from parcli.problems import UsageError

        raise UsageError(f"{option}: the path is empty")
    return Path(text)


def _common(criteria: str | None, assignments: str | None, agencies: str | None,
            config: str | None, lang: str, fmt: str | None, formats_allowed: tuple[str, ...],
            color: str = "never", no_color: bool = True, debug: bool = False,
            no_assignments: bool = False, tolerance: str | None = None,
            results: str | None = None, wide: bool = False) -> Common:
    from parcli.options import Common
    from parcli.service import DataRequest

    default = ("github" if os.environ.get("GITHUB_ACTIONS") == "true"
               and "github" in formats_allowed else formats_allowed[0])
    data = DataRequest(_path("--criteria", criteria), _path("--assignments", assignments),
                       _path("--agencies", agencies), _path("--config", config), no_assignments,
                       results=_path("--results", results))
    if tolerance is not None:
        data = replace(data, tolerance=_tolerance(tolerance))
    return Common(
        data,
        _choice("--lang (or PARCLI_LANG)", lang, ("en", "vi")),
        _choice("--format", fmt or default, formats_allowed),
        "never" if no_color else _choice("--color", color, ("auto", "always", "never")),
        debug, wide)


def _execute(common: Common, command: str, build: Callable[[Checked], Output],
             destination: Path | None = None, files: tuple[Path, ...] = (),
             name: str | None = None) -> None:
    """Open and check the data the command needs, run its core, render its output; data
    problems exit 1, misuse exits 2."""
    import importlib

    from parcli.commands import with_sources
    from parcli.problems import DataError, UsageError
    from parcli.service import open_data, open_files

    module = importlib.import_module(f"parcli.commands.{command}")
    try:
        checked = (open_files(list(files), common.data, common.lang) if files else
                   open_data(common.data, name or command, module.NEEDS, module.OPTIONAL,
                             common.lang, module.TOLERATED))
        output = build(checked)
    except DataError as exc:
        _report_problems(common, exc)
        raise typer.Exit(1) from None
    except UsageError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:
        if common.debug:  # the traceback a developer asked for, then the usual exit code
            import traceback

            traceback.print_exc()
        raise typer.Exit(_internal(exc, debug=False)) from None
    from parcli.render.reporters import reporter

    with_sources(output, checked.sources, common.lang, line=output.name_sources)
    if command != "validate" and checked.warnings:
        from parcli.i18n import t

        typer.echo(t("warnings_note", common.lang, n=len(checked.warnings)), err=True)
    chosen = reporter(common.format, common.color, lang=common.lang, wide=common.wide)
    _emit(_rendered(chosen, output), destination, common)
    if output.failed:
        raise typer.Exit(1)


def _rendered(chosen: Reporter, output: Output) -> str | bytes:
    """Text for the text formats; bytes for the file formats (docx, xlsx) and for csv-excel,
    whose byte-order mark a legacy console encoding could not write."""
    if chosen.binary or chosen.name == "csv-excel":
        return chosen.render_bytes(output)
    return chosen.render(output)


def _emit(text: str | bytes, destination: Path | None, common: Common | None) -> None:
    if destination is None:
        if isinstance(text, bytes):
            if sys.stdout.isatty():
                from parcli.problems import UsageError

                raise UsageError("this format is a binary file: give -o FILE or redirect "
                                 "the output to a file")
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            return
        sys.stdout.write(text)
        return
    from parcli.i18n import t
    from parcli.outfile import OutputFileError, write_output

    try:
        write_output(destination, text)
    except OutputFileError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(t("wrote", common.lang if common else "en", path=destination), err=True)


def _report_problems(common: Common, exc: DataError) -> None:
    """Unusable data: one line per problem for people, and the machine formats' own shape
    (JSON errors, GitHub annotations) on stdout for the programs that parse them."""
    from parcli.commands import problems_output
    from parcli.render.reporters import reporter

    chosen = reporter(common.format, common.color, lang=common.lang, wide=common.wide)
    if chosen.for_machines:
        output = problems_output([*exc.problems, *exc.warnings], common.lang)
        if exc.sources:
            from parcli.commands import with_sources

            with_sources(output, exc.sources, common.lang)
        sys.stdout.write(chosen.render(output))
    for problem in exc.problems:
        typer.echo(problem.one_line(), err=True)


@app.command()
def check(
    tolerance: ToleranceOpt = None, fmt: ProblemFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Printed totals and subtotals against what their rows add up to."""
    from parcli.commands import check as command
    from parcli.options import CheckOptions

    options = CheckOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                   PROBLEM_FORMATS, color, no_color, debug,
                                   tolerance=tolerance, wide=wide))
    _execute(options.common, "check", lambda checked: command.run(checked, options),
             output)


@app.command()
def tree(
    code: Annotated[Optional[str], typer.Argument(help="Show only this row and below.")] = None,
    depth: Annotated[Optional[int], typer.Option(
        "--depth", min=1, help="Levels shown: 1 = the fields, or CODE alone.")] = None,
    search: Annotated[Optional[str], typer.Option(
        "--search", help="Rows whose name contains TEXT, with or without diacritics.")] = None,
    verbose: Annotated[bool, typer.Option(
        "-v", "--verbose", help="Also the scoring bands each row prints.")] = False,
    fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """The criteria hierarchy with max, baseline, target and gain."""
    from parcli.commands import tree as command
    from parcli.options import TreeOptions

    options = TreeOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                  TABLE_FORMATS, color, no_color, debug, wide=wide),
                          code, depth, search, verbose)
    _execute(options.common, "tree", lambda checked: command.run(checked, options),
             output)


@app.command()
def gap(
    by_agency: Annotated[bool, typer.Option("--by-agency", help="Rank agencies.")] = False,
    by_field: Annotated[bool, typer.Option("--by-field", help="Rank the fields.")] = False,
    by_method: Annotated[bool, typer.Option(
        "--by-method", help="Appraisal (evidence) against survey-scored points.")] = False,
    basis: Annotated[str, typer.Option("--basis", help="gain, lost or headroom.")] = "gain",
    shared: Annotated[str, typer.Option(
        "--shared", help="A criterion with several leads: split equally, or full to each.")
    ] = "split",
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Show the first N.")] = None,
    field: Annotated[Optional[str], typer.Option("--field", help="Only field N.")] = None,
    verbose: Annotated[bool, typer.Option("-v", "--verbose",
                                          help="List the criteria behind each row.")] = False,
    fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False, no_assignments: NoAssignmentsOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Point gaps per leaf criterion (default), per agency, per field or per method, ranked."""
    from parcli.commands import gap as command
    from parcli.engine.gap import BASES
    from parcli.options import GapOptions

    if by_agency + by_field + by_method > 1:
        raise typer.BadParameter("choose one of --by-agency, --by-field and --by-method",
                                 param_hint="--by-agency")
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, no_assignments, wide=wide)
    options = GapOptions(
        common, "agencies" if by_agency else "fields" if by_field else
        "methods" if by_method else "leaves", _choice("--basis", basis, BASES),
        _choice("--shared", shared, ("split", "full")), top, field, verbose)
    _execute(common, "gap", lambda checked: command.run(checked, options), output)


@app.command()
def validate(
    files: Annotated[Optional[list[Path]], typer.Argument(
        help="Data files to check (each file's kind is told from its keys; files pair by "
        "folder). Default: the files named by the options, else the bundled plan.",
        show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet",
                                        help="Print errors only, no summary.")] = False,
    verbose: Annotated[bool, typer.Option("-v", "--verbose",
                                          help="Also list every rule with its count.")] = False,
    tolerance: ToleranceOpt = None, fmt: ProblemFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    no_assignments: NoAssignmentsOpt = False, results: ResultsOpt = None,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Check the data files: schema, then the rules within and across them."""
    from parcli.commands import validate as command
    from parcli.options import ValidateOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, PROBLEM_FORMATS,
                     color, no_color, debug, no_assignments, tolerance, results, wide=wide)
    options = ValidateOptions(common, strict, -1 if quiet else 1 if verbose else 0,
                              tuple(files or ()))
    _execute(common, "validate", lambda checked: command.run(checked, options), output,
             files=options.files)


@app.command(name="agencies")
def agencies_command(
    fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False, no_assignments: NoAssignmentsOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """The agency registry, with the criteria each leads and the points at stake."""
    from parcli.commands import agencies as command
    from parcli.options import AgenciesOptions

    options = AgenciesOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                      TABLE_FORMATS, color, no_color, debug, no_assignments,
                                      wide=wide))
    _execute(options.common, "agencies", lambda checked: command.run(checked, options),
             output)


@app.command(name="assignments")
def assignments_command(
    agency: Annotated[Optional[str], typer.Option("--agency", help="Only items this agency "
                                                  "leads or implements (an id).")] = None,
    criterion: Annotated[Optional[str], typer.Option(
        "--criterion", help="Only items of this criterion code and below.")] = None,
    fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Who delivers what, by when."""
    from parcli.commands import assignments as command
    from parcli.options import AssignmentsOptions

    options = AssignmentsOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                         TABLE_FORMATS, color, no_color, debug, wide=wide),
                                 agency, criterion)
    _execute(options.common, "assignments", lambda checked: command.run(checked, options),
             output)


@app.command()
def report(
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in the top-N tables.")] = 5,
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date for deadlines, YYYY-MM-DD (default: today while the plan year "
        "runs, else its last day).")] = None,
    agency: Annotated[Optional[str], typer.Option(
        "--agency", help="The task sheet of one agency (an id) instead of the meeting report.",
        show_default=False)] = None,
    per_agency: Annotated[Optional[str], typer.Option(
        "--per-agency", help="Write one task sheet per lead agency into DIR.",
        show_default=False)] = None,
    peers: Annotated[Optional[str], typer.Option(
        "--peers", help="A published ranking (YAML): say which rank the scores would buy.",
        show_default=False)] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="A previous report's JSON: say what changed since.",
        show_default=False)] = None,
    next_meeting: Annotated[int, typer.Option(
        "--next-meeting", min=1, help="Days until the next meeting: what is due before it.")
    ] = 30,
    tolerance: ToleranceOpt = None, no_assignments: NoAssignmentsOpt = False,
    results: ResultsOpt = None,
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(REPORT_FORMATS)}.",
        show_default=False)] = None,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    debug: DebugOpt = False,
) -> None:
    """The one-page Markdown summary for the monthly meeting, or an agency's task sheet."""
    from parcli.commands import report as command
    from parcli.options import ReportOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, REPORT_FORMATS,
                     debug=debug, no_assignments=no_assignments, tolerance=tolerance,
                     results=results)
    if agency is not None and per_agency is not None:
        raise typer.BadParameter("choose one of --agency and --per-agency",
                                 param_hint="--agency")
    peers_path = _path("--peers", peers)
    if peers_path is not None:
        from parcli.dataset import usable

        usable("--peers", peers_path)
    since_path = _path("--since", since)
    if since_path is not None:
        from parcli.dataset import usable

        usable("--since", since_path)
    options = ReportOptions(common, date.today(), _date("--as-of", as_of), top, output, agency,
                            _path("--per-agency", per_agency), peers_path, since_path,
                            next_meeting)
    if options.per_agency is not None:
        _per_agency(options)
        return
    if agency is not None:
        from parcli.commands import agency_sheet

        _execute(common, "agency_sheet", lambda checked: agency_sheet.run(
            checked, agency, common.lang, options.deadlines_at(
                checked.dataset.criteria_file.target_year)[0]), output, name="report")
        return
    _execute(common, "report", lambda checked: command.run(checked, options), output)


def _per_agency(options: ReportOptions) -> None:
    """One task sheet per agency that leads a criterion or has a task, into a folder."""
    from parcli.commands import agency_sheet, with_sources
    from parcli.problems import DataError, UsageError
    from parcli.render.reporters import reporter
    from parcli.service import open_data

    common = options.common
    folder = options.per_agency
    assert folder is not None
    try:
        checked = open_data(common.data, "report", ("criteria", "assignments", "agencies"),
                            ("results",), common.lang)
        dataset = checked.dataset
        year = dataset.criteria_file.target_year
        as_of = options.deadlines_at(year)[0]
        registry = dataset.registry
        involved = [a.id for a in registry.agencies if any(
            a.id in registry.ids(item.lead) + registry.ids(item.implementers)
            for item in dataset.tasks())]
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--per-agency: {folder}: not a folder; name a folder to write "
                             "the sheets into")
        folder.mkdir(parents=True, exist_ok=True)
        for agency in involved:
            output = with_sources(agency_sheet.run(checked, agency, common.lang, as_of),
                                  checked.sources, common.lang)
            chosen = reporter(common.format, common.color, lang=common.lang)
            suffix = {"md": "md", "json": "json"}.get(common.format, common.format)
            _emit(_rendered(chosen, output), folder / f"{agency}.{suffix}", common)
    except DataError as exc:
        _report_problems(common, exc)
        raise typer.Exit(1) from None
    except (UsageError, OSError) as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        raise typer.Exit(2) from None


@app.command()
def progress(
    assume: Annotated[str, typer.Option(
        "--assume", help="Criteria without a score are taken at their baseline or target.")
    ] = "baseline",
    by_agency: Annotated[bool, typer.Option("--by-agency", help="Per lead agency.")] = False,
    by_field: Annotated[bool, typer.Option("--by-field", help="Per field.")] = False,
    results: ResultsOpt = None, fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Where the province stands: latest scores, points won, points still needed."""
    from parcli.commands import progress as command
    from parcli.engine.progress import ASSUMPTIONS
    from parcli.options import ProgressOptions

    if by_agency and by_field:
        raise typer.BadParameter("choose one of --by-agency and --by-field",
                                 param_hint="--by-agency")
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    options = ProgressOptions(common, _choice("--assume", assume, ASSUMPTIONS),
                              "agencies" if by_agency else "fields" if by_field else "criteria")
    _execute(common, "progress", lambda checked: command.run(checked, options), output)


@app.command()
def simulate(
    set_values: Annotated[Optional[list[str]], typer.Option(
        "--set", help="CODE=VALUE: take this leaf criterion at VALUE (repeat it).",
        show_default=False)] = None,
    assume_met: Annotated[Optional[list[str]], typer.Option(
        "--assume-met", help="AGENCY: every criterion it leads reaches its target (repeat it).",
        show_default=False)] = None,
    scenario: Annotated[Optional[str], typer.Option(
        "--scenario", help="A results file to start from (default: the results file beside "
        "the plan, if any).", show_default=False)] = None,
    assume: Annotated[str, typer.Option(
        "--assume", help="Criteria without a score are taken at their baseline or target.")
    ] = "baseline",
    fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """What the totals would be if some criteria took other scores."""
    from parcli.commands import simulate as command
    from parcli.engine.progress import ASSUMPTIONS
    from parcli.options import SimulateOptions

    pairs = []
    for text in set_values or []:
        code, sep, value = text.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise typer.BadParameter(f"{text!r} is not CODE=VALUE", param_hint="--set")
        pairs.append((code.strip(), value.strip()))
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=scenario, wide=wide)
    options = SimulateOptions(common, tuple(pairs), tuple(assume_met or ()),
                              common.data.results, _choice("--assume", assume, ASSUMPTIONS))
    _execute(common, "simulate", lambda checked: command.run(checked, options), output)


@app.command()
def due(
    as_of: Annotated[Optional[str], typer.Option(
        "--as-of", help="Date, YYYY-MM-DD (default: today while the plan year runs, else its "
        "last day).", show_default=False)] = None,
    within: Annotated[int, typer.Option("--within", min=0, help="Days ahead.")] = 30,
    agency: Annotated[Optional[str], typer.Option(
        "--agency", help="Only tasks this agency leads or implements (an id).")] = None,
    status: Annotated[Optional[list[str]], typer.Option(
        "--status", help="Only tasks with this status (not-started, in-progress, unknown; "
        "repeat it).", show_default=False)] = None,
    results: ResultsOpt = None, fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """Deliverables whose due date has passed or is near, with their status when known."""
    from parcli.commands import due as command
    from parcli.options import DueOptions

    allowed = ("not-started", "in-progress", "unknown")
    chosen = tuple(_choice("--status", value, allowed) for value in status or ())
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    options = DueOptions(common, date.today(), _date("--as-of", as_of), within, agency, chosen)
    _execute(common, "due", lambda checked: command.run(checked, options), output)


@app.command()
def rank(
    peers: Annotated[str, typer.Option(
        "--peers", help="A ranking: a YAML file of provinces and scores (cite its source in "
        "it).", show_default=False)],
    score: Annotated[Optional[str], typer.Option(
        "--score", help="The score to place (default: the projected total).",
        show_default=False)] = None,
    results: ResultsOpt = None, fmt: TableFormatOpt = None,
    output: OutputOpt = None, wide: WideOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    color: ColorOpt = "auto", no_color: NoColorOpt = False, debug: DebugOpt = False,
) -> None:
    """The rank a score would take among the provinces of a published table."""
    from parcli.commands import rank as command
    from parcli.options import RankOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    peers_path = _path("--peers", peers)
    assert peers_path is not None
    from parcli.dataset import usable

    usable("--peers", peers_path)
    options = RankOptions(common, peers_path, score)
    _execute(common, "rank", lambda checked: command.run(checked, options), output)


ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]


@app.command(name="init-results")
def init_results(
    output: OutputOpt = None, force: ForceOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    debug: DebugOpt = False,
) -> None:
    """Write a results skeleton: every leaf criterion and every assignment task."""
    from parcli.commands import init_results as command
    from parcli.options import InitResultsOptions

    common = _common(criteria, assignments, agencies, config, lang, None, ("table",),
                     debug=debug)
    options = InitResultsOptions(common, output, force)
    _write_file(common, "init-results", command, lambda checked: command.run(checked, options),
                output, force)


@app.command()
def rollover(
    results: ResultsOpt = None, output: OutputOpt = None, force: ForceOpt = False,
    criteria: CriteriaOpt = None, assignments: AssignmentsOpt = None,
    agencies: AgenciesOpt = None, config: ConfigOpt = None, lang: LangOpt = "en",
    debug: DebugOpt = False,
) -> None:
    """Next year's criteria file: this year's official (else latest) scores as baselines."""
    from parcli.commands import rollover as command
    from parcli.options import RolloverOptions

    common = _common(criteria, assignments, agencies, config, lang, None, ("table",),
                     debug=debug, results=results)
    options = RolloverOptions(common, output, force)
    _write_file(common, "rollover", command, lambda checked: command.run(checked, options),
                output, force)


def _write_file(common: Common, command: str, module: Any, build: Callable[[Checked], Written],
                output: Path | None, force: bool) -> None:
    """The commands that write a data file: checked data in, one YAML file out, never
    overwriting an existing file without --force."""
    from parcli.engine.writer import default_path, refuse_overwrite
    from parcli.problems import DataError, UsageError
    from parcli.service import open_data

    try:
        checked = open_data(common.data, command, module.NEEDS, module.OPTIONAL, common.lang,
                            module.TOLERATED)
        written = build(checked)
        paths = checked.dataset.paths
        path = output or default_path(written.name, paths.criteria, paths.bundled)
        refuse_overwrite(path, force)
    except DataError as exc:
        _report_problems(common, exc)
        raise typer.Exit(1) from None
    except UsageError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        raise typer.Exit(2) from None
    _emit(written.text, path, common)


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    if not text.strip():
        raise typer.BadParameter("the date is empty; give YYYY-MM-DD or leave the option out",
                                 param_hint=option)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date YYYY-MM-DD",
                                 param_hint=option) from None


@app.command()
def schema(
    name: Annotated[Optional[str], typer.Argument(
        help="criteria, assignments or agencies.", show_default=False)] = None,
    output: OutputOpt = None,
    install: Annotated[Optional[Path], typer.Option(
        "--install", help="Write all three schemas into DIR (where the data files' $schema "
        "lines point, e.g. the folder beside your data folder named schema).",
        show_default=False)] = None,
) -> None:
    """JSON Schema of a data file, generated from parcli's models (for editors and CI)."""
    from parcli.json_schema import json_schema, schemas

    names = tuple(schemas())
    if install is not None:
        if name is not None or output is not None:
            raise typer.BadParameter("--install writes every schema; give no NAME or -o",
                                     param_hint="--install")
        try:
            install.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from parcli.problems import UsageError

            raise UsageError(f"--install: {install}: {exc.strerror or exc}") from None
        for each in names:
            _emit(json_schema(each), install / f"{each}.schema.json", None)
        return
    if name is None:
        raise typer.BadParameter(f"name one of {', '.join(names)} (or use --install DIR)",
                                 param_hint="NAME")
    _emit(json_schema(_choice("NAME", name, names)), output, None)


def main(argv: list[str] | None = None) -> None:
    """The `parcli` script: run, flush, and leave without the interpreter's teardown.

    A run is short and keeps almost everything it builds to the end, so the cyclic garbage
    collector would only re-scan it (on a large plan, most of the time of the load), and
    tearing down the modules at exit costs more than the work on the shipped plan: the
    collector is off and the process ends with `os._exit` once both streams are flushed, as
    mypy does. `run` (what the tests call) does neither."""
    import contextlib
    import gc

    gc.disable()
    _without_pydantic_plugins()
    # The data is Vietnamese: write UTF-8 whatever the locale says (Windows, LANG=C, pipes).
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    code = run(sys.argv[1:] if argv is None else argv)
    try:
        sys.stdout.flush()
    except OSError as exc:  # a full disk or a closed pipe on stdout
        _stdout_failed(exc)
        code = 1
    with contextlib.suppress(OSError):  # nowhere left to say so
        sys.stderr.flush()
    os._exit(code)


def _without_pydantic_plugins() -> None:
    """Pydantic looks for plugins (observability hooks) in every installed package's metadata
    when it builds its first validator: importing `importlib.metadata` and scanning the
    entry points costs about 10 ms per run, a quarter of loading the data. parcli's
    validators are its own business: the `parcli` script runs them without plugins, as
    `PYDANTIC_DISABLE_PLUGINS=__all__` would, and without the look-up. The stand-in is
    put in place only before pydantic has loaded its own."""
    import types

    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return

    def real(attribute: str) -> Any:  # anything else a later pydantic asks of it
        import importlib

        if attribute.startswith("__"):  # the import system asking for __path__ and such
            raise AttributeError(attribute)
        sys.modules.pop(name, None)
        return getattr(importlib.import_module(name), attribute)

    loader = types.ModuleType(name, "parcli: no pydantic plugins in the parcli script.")
    setattr(loader, "get_plugins", tuple)  # noqa: B010 - a module built at run time
    setattr(loader, "__getattr__", real)  # noqa: B010
    sys.modules[name] = loader


def _stdout_failed(exc: OSError) -> None:
    import contextlib
    import errno

    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
    if exc.errno != errno.EPIPE:
        sys.stderr.write(f"parcli: error: cannot write the output: {exc.strerror or exc}\n")


_APP_COMMANDS: dict[str | None, Any] = {}


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.lower().replace("_", "-"))


def _command(argv: list[str]) -> Any:
    """The click command Typer builds from the app, once per process. Building costs a few
    milliseconds per command (every option's converter): a run that names a command builds
    that one alone (its help, errors and parsing are the same); --help, completion, a
    mistyped or missing command name build them all, and --version none."""
    registered = app.registered_commands
    wanted: str | None = None
    chosen = registered
    if argv and "_PARCLI_COMPLETE" not in os.environ:
        if argv == ["--version"]:
            wanted, chosen = "--version", []
        else:
            named = [info for info in registered if _command_name(info) == argv[0]]
            if named:
                wanted, chosen = argv[0], named
    if wanted not in _APP_COMMANDS:
        app.registered_commands = chosen
        try:
            _APP_COMMANDS[wanted] = typer.main.get_command(app)
        finally:
            app.registered_commands = registered
    return _APP_COMMANDS[wanted]


def run(argv: list[str]) -> int:
    """Run parcli; every failure becomes one line and an exit code, never a traceback."""
    from parcli.problems import UsageError

    try:
        result = _command(argv).main(args=argv, prog_name="parcli", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except UsageError as exc:
        typer.echo(f"parcli: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except OSError as exc:
        if getattr(exc, "filename", None) is None:  # writing stdout failed (e.g. disk full)
            _stdout_failed(exc)
            return 1
        return _internal(exc)
    except Exception as exc:
        # Click's exceptions (vendored by typer) carry their own message and exit code.
        exit_code = getattr(exc, "exit_code", None)
        if hasattr(exc, "format_message") and isinstance(exit_code, int):
            ctx = getattr(exc, "ctx", None)
            command = getattr(ctx, "command_path", None) or "parcli"
            hint = f" (see '{command} --help')" if exit_code == 2 else ""
            typer.echo(f"parcli: error: {exc.format_message()}{hint}", err=True)
            return exit_code
        return _internal(exc)
    return result if isinstance(result, int) else 0


def _internal(exc: BaseException, debug: bool = False) -> int:
    """An error parcli did not foresee: one line (the command's --debug shows the
    traceback)."""
    if debug:
        raise exc
    typer.echo(f"parcli: internal error: {type(exc).__name__}: {exc} "
               "(run with --debug for details)", err=True)
    return 1
