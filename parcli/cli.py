"""The command line: a thin click layer that parses options into one frozen object per
command (`parcli.options`) and hands it to the command's core.

Only click is imported at start-up; each command imports what it needs when it runs. (parcli
used typer up to 0.1.0: typer builds the same click commands, but importing it and its pydantic
converters, and rendering help with rich, cost more than the rest of a run; see README,
Performance.)
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from parcli import __version__
from parcli.render.reporters import formats

if TYPE_CHECKING:
    from parcli.checking import Checked
    from parcli.engine.writer import Written
    from parcli.options import Common, ReportOptions
    from parcli.output import Output
    from parcli.problems import DataError
    from parcli.render.reporters import Reporter

T = TypeVar("T", bound=str)
F = TypeVar("F", bound=Callable[..., Any])

TABLE_FORMATS = formats()
PROBLEM_FORMATS = formats(problems=True)
REPORT_FORMATS = tuple(name for name in formats() if not name.startswith(("table", "csv")))

class Whole(click.IntRange):
    """A whole number within a range; a mistyped one is "not a valid integer" (click's
    range type would call it "not a valid integer range")."""

    name = "integer"


CONTEXT = {"help_option_names": ["-h", "--help"], "show_default": True}
PATH = click.Path(path_type=Path)


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several options as one decorator, listed in help in the order given."""
    def apply(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


def _flag(*names: str, help: str) -> Callable[[F], F]:
    return click.option(*names, is_flag=True, default=False, help=help)


def _file(option: str, help: str) -> Callable[[F], F]:
    """An option naming a data file."""
    return click.option(option, metavar="FILE", help=help)


# The options every data command shares, declared once.
criteria_option = _file(
    "--criteria",
    "Criteria file (Appendix I). Default: the bundled plan, only when no "
    "data file is named.")
assignments_option = _file(
    "--assignments",
    "Assignments file (Appendix II). Default: assignments_<year>.yaml, "
    "else assignments.yaml, beside the criteria file.")
agencies_option = _file(
    "--agencies",
    "Agency registry. Default: agencies_<year>.yaml, else agencies.yaml, "
    "beside the criteria file.")
config_option = _file(
    "--config",
    "parcli.toml to use. Default: the nearest parcli.toml (or pyproject.toml "
    "with [tool.parcli]) from the criteria file's folder upward.")
results_option = _file(
    "--results",
    "Results file (scores and statuses). Default: results_<year>.yaml "
    "beside the criteria file, if there is one.")
no_assignments_option = _flag("--no-assignments", help="Run without an assignments file.")
lang_option = click.option("--lang", default="en",
                           metavar="[en|vi]", envvar="PARCLI_LANG", show_envvar=True,
                           help="Language of labels and names: en or vi.")
debug_option = _flag("--debug", help="Show a traceback on internal errors.")
tolerance_option = click.option(
    "--tolerance", metavar="POINTS", help="Largest difference treated as rounding (default 0.01).")
table_format_option = click.option(
    "--format", "-f", "fmt", metavar="FORMAT", help=f"Output format: {', '.join(TABLE_FORMATS)}.")
problem_format_option = click.option(
    "--format", "-f", "fmt", metavar="FORMAT", help=f"Output format: {', '.join(PROBLEM_FORMATS)}.")
wide_option = _flag("--wide", help="Never wrap table cells: each row on one line.")
output_option = click.option("-o", "--output", type=PATH, metavar="FILE",
                             help="Write to FILE (atomically) instead of stdout.")
force_option = _flag("--force", help="Overwrite an existing file.")

# The files and language (every data command), then how the output looks.
data_options = _options(criteria_option, assignments_option, agencies_option, config_option,
                        lang_option)
table_output_options = _options(table_format_option, output_option, wide_option)
look_options = _options(
    click.option("--color", default="auto", metavar="[auto|always|never]",
                 help="Colour: auto, always or never."),
    _flag("--no-color", help="Same as --color never."), debug_option)


def _version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"parcli {__version__}")
        ctx.exit()


def _completion(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--show-completion and --install-completion, as typer offered them: click's own
    completion scripts (bash, zsh, fish) for the shell in $SHELL."""
    if not value or ctx.resilient_parsing:
        return
    from parcli.completion import install, script

    shell = os.path.basename(os.environ.get("SHELL", ""))
    try:
        if param.name == "show_completion":
            click.echo(script(ctx.command, shell), nl=False)
        else:
            click.echo(install(ctx.command, shell))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    ctx.exit()


class Commands(click.Group):
    """The commands in the order they are declared (the order of a year's work), each with
    its whole first line of help, wrapped rather than cut short."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, self.commands[name].get_short_help_str(limit=1000))
                for name in self.list_commands(ctx) if not self.commands[name].hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(name="parcli", cls=Commands, context_settings=CONTEXT,
             invoke_without_command=True)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
@click.option("--install-completion", is_flag=True, expose_value=False, is_eager=True,
              callback=_completion, help="Install completion for the current shell.")
@click.option("--show-completion", is_flag=True, expose_value=False, is_eager=True,
              callback=_completion,
              help="Show completion for the current shell, to copy it or customize the "
              "installation.")
@click.pass_context
def app(ctx: click.Context) -> None:
    """Scoring and gap analysis for the provincial PAR Index and SIPAS."""
    if ctx.invoked_subcommand is None:
        group = ctx.command
        names = ", ".join(group.list_commands(ctx)) if isinstance(group, click.Group) else ""
        click.echo(f"Usage: parcli [OPTIONS] COMMAND [ARGS]...\nCommands: {names}", err=True)
        click.echo("parcli: error: name a command, e.g. 'parcli check' (see 'parcli --help')",
                   err=True)
        ctx.exit(2)


def command(name: str) -> Callable[[Callable[..., None]], click.Command]:
    return app.command(name=name, context_settings=CONTEXT)


def _choice(option: str, value: str, allowed: tuple[T, ...]) -> T:
    """`value` as the matching member of `allowed` (a typed Literal), or a usage error."""
    for candidate in allowed:
        if candidate == value:
            return candidate
    raise click.BadParameter(f"{value!r} is not one of {', '.join(allowed)}", param_hint=option)


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal(-1)
    # Scores have at most a few digits; a bound keeps Decimal arithmetic small and fast.
    if not value.is_finite() or not 0 <= value <= 1000 or \
            value.quantize(Decimal("1e-12")) != value:
        raise click.BadParameter(f"{text!r} is not a number between 0 and 1000 with at most "
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
    from parcli.checking import DataRequest
    from parcli.options import Common

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


@contextlib.contextmanager
def _stop_on_problems(common: Common, *usage: type[Exception]) -> Iterator[None]:
    """Data a command cannot use: its problems (exit 1); a usage error, or one of `usage`:
    one line (exit 2). The same for every command that reads data."""
    from parcli.problems import DataError, UsageError

    misuse: tuple[type[Exception], ...] = (UsageError, *usage)
    try:
        yield
    except DataError as exc:
        _report_problems(common, exc)
        raise click.exceptions.Exit(1) from None
    except misuse as exc:
        click.echo(f"parcli: error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None


def _execute(common: Common, command: str, build: Callable[[Checked], Output],
             destination: Path | None = None, files: tuple[Path, ...] = (),
             name: str | None = None) -> None:
    """Open and check the data the command needs, run its core, render its output; data
    problems exit 1, misuse exits 2."""
    import importlib

    from parcli.checking import open_data, open_files
    from parcli.commands import with_sources

    module = importlib.import_module(f"parcli.commands.{command}")
    try:
        with _stop_on_problems(common):
            checked = (open_files(list(files), common.data, common.lang) if files else
                       open_data(common.data, name or command, module.NEEDS, module.OPTIONAL,
                                 common.lang, module.TOLERATED))
            output = build(checked)
    except click.exceptions.Exit:
        raise
    except Exception as exc:
        if common.debug:  # the traceback a developer asked for, then the usual exit code
            import traceback

            traceback.print_exc()
        raise click.exceptions.Exit(_internal(exc, debug=False)) from None
    from parcli.render.reporters import reporter

    with_sources(output, checked.sources, common.lang, line=output.name_sources)
    if command != "validate" and checked.warnings:
        from parcli.i18n import t

        click.echo(t("warnings_note", common.lang, n=len(checked.warnings)), err=True)
    chosen = reporter(common.format, common.color, lang=common.lang, wide=common.wide)
    _emit(_rendered(chosen, output), destination, common)
    if output.failed:
        raise click.exceptions.Exit(1)


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
        click.echo(f"parcli: error: {exc}", err=True)
        raise click.exceptions.Exit(exc.exit_code) from None
    click.echo(t("wrote", common.lang if common else "en", path=destination), err=True)


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
        click.echo(problem.one_line(), err=True)


@command("check")
@tolerance_option
@problem_format_option
@output_option
@wide_option
@data_options
@look_options
def check(tolerance: str | None, fmt: str | None, output: Path | None, wide: bool,
          criteria: str | None, assignments: str | None, agencies: str | None,
          config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """Printed totals and subtotals against what their rows add up to."""
    from parcli.commands import check as command
    from parcli.options import CheckOptions

    options = CheckOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                   PROBLEM_FORMATS, color, no_color, debug,
                                   tolerance=tolerance, wide=wide))
    _execute(options.common, "check", lambda checked: command.run(checked, options),
             output)


@command("tree")
@click.argument("code", required=False)
@click.option("--depth", type=Whole(min=1), metavar="N",
              help="Levels shown: 1 = the fields, or CODE alone.")
@click.option("--search", metavar="TEXT",
              help="Rows whose name contains TEXT, with or without diacritics.")
@_flag("-v", "--verbose", help="Also the scoring bands each row prints.")
@table_output_options
@data_options
@look_options
def tree(code: str | None, depth: int | None, search: str | None, verbose: bool,
         fmt: str | None, output: Path | None, wide: bool,
         criteria: str | None, assignments: str | None, agencies: str | None,
         config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """The criteria hierarchy with max, baseline, target and gain.

    CODE: show only this row and below."""
    from parcli.commands import tree as command
    from parcli.options import TreeOptions

    options = TreeOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                  TABLE_FORMATS, color, no_color, debug, wide=wide),
                          code, depth, search, verbose)
    _execute(options.common, "tree", lambda checked: command.run(checked, options),
             output)


@command("gap")
@_flag("--by-agency", help="Rank agencies.")
@_flag("--by-field", help="Rank the fields.")
@_flag("--by-method", help="Appraisal (evidence) against survey-scored points.")
@click.option("--basis", default="gain", metavar="[gain|lost|headroom]",
              help="gain, lost or headroom.")
@click.option("--shared", default="split", metavar="[split|full]",
              help="A criterion with several leads: split equally, or full to each.")
@click.option("--top", type=Whole(min=1), metavar="N", help="Show the first N.")
@click.option("--field", metavar="N", help="Only field N.")
@_flag("-v", "--verbose", help="List the criteria behind each row.")
@table_output_options
@no_assignments_option
@data_options
@look_options
def gap(by_agency: bool, by_field: bool, by_method: bool, basis: str, shared: str,
        top: int | None, field: str | None, verbose: bool, fmt: str | None,
        output: Path | None, wide: bool, no_assignments: bool,
        criteria: str | None, assignments: str | None, agencies: str | None,
        config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """Point gaps per leaf criterion (default), per agency, per field or per method, ranked."""
    from parcli.commands import gap as command
    from parcli.engine.gap import BASES
    from parcli.options import GapOptions

    if by_agency + by_field + by_method > 1:
        raise click.BadParameter("choose one of --by-agency, --by-field and --by-method",
                                 param_hint="--by-agency")
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, no_assignments, wide=wide)
    options = GapOptions(
        common, "agencies" if by_agency else "fields" if by_field else
        "methods" if by_method else "leaves", _choice("--basis", basis, BASES),
        _choice("--shared", shared, ("split", "full")), top, field, verbose)
    _execute(common, "gap", lambda checked: command.run(checked, options), output)


@command("validate")
@click.argument("files", nargs=-1, type=PATH)
@_flag("--strict", help="Warnings fail too.")
@_flag("-q", "--quiet", help="Print errors only, no summary.")
@_flag("-v", "--verbose", help="Also list every rule with its count.")
@tolerance_option
@problem_format_option
@output_option
@wide_option
@no_assignments_option
@results_option
@data_options
@look_options
def validate(files: tuple[Path, ...], strict: bool, quiet: bool, verbose: bool,
             tolerance: str | None, fmt: str | None, output: Path | None, wide: bool,
             no_assignments: bool, results: str | None,
             criteria: str | None, assignments: str | None, agencies: str | None,
             config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """Check the data files: schema, then the rules within and across them.

    FILES: data files to check (each file's kind is told from its keys; files pair by
    folder). Default: the files named by the options, else the bundled plan."""
    from parcli.commands import validate as command
    from parcli.options import ValidateOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, PROBLEM_FORMATS,
                     color, no_color, debug, no_assignments, tolerance, results, wide=wide)
    options = ValidateOptions(common, strict, -1 if quiet else 1 if verbose else 0,
                              tuple(files))
    _execute(common, "validate", lambda checked: command.run(checked, options), output,
             files=options.files)


@command("agencies")
@table_output_options
@no_assignments_option
@data_options
@look_options
def agencies_command(fmt: str | None, output: Path | None, wide: bool, no_assignments: bool,
                     criteria: str | None, assignments: str | None, agencies: str | None,
                     config: str | None, lang: str, color: str, no_color: bool,
                     debug: bool) -> None:
    """The agency registry, with the criteria each leads and the points at stake."""
    from parcli.commands import agencies as command
    from parcli.options import AgenciesOptions

    options = AgenciesOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                      TABLE_FORMATS, color, no_color, debug, no_assignments,
                                      wide=wide))
    _execute(options.common, "agencies", lambda checked: command.run(checked, options),
             output)


@command("assignments")
@click.option("--agency", metavar="AGENCY",
              help="Only items this agency leads or implements (an id).")
@click.option("--criterion", metavar="CODE", help="Only items of this criterion code and below.")
@table_output_options
@data_options
@look_options
def assignments_command(agency: str | None, criterion: str | None, fmt: str | None,
                        output: Path | None, wide: bool,
                        criteria: str | None, assignments: str | None, agencies: str | None,
                        config: str | None, lang: str, color: str, no_color: bool,
                        debug: bool) -> None:
    """Who delivers what, by when."""
    from parcli.commands import assignments as command
    from parcli.options import AssignmentsOptions

    options = AssignmentsOptions(_common(criteria, assignments, agencies, config, lang, fmt,
                                         TABLE_FORMATS, color, no_color, debug, wide=wide),
                                 agency, criterion)
    _execute(options.common, "assignments", lambda checked: command.run(checked, options),
             output)


@command("report")
@output_option
@click.option("--top", type=Whole(min=1), default=5, metavar="N",
              help="Rows in the top-N tables.")
@click.option("--as-of", metavar="DATE",
              help="Date for deadlines, YYYY-MM-DD (default: today while the plan "
              "year runs, else its last day).")
@click.option("--agency", metavar="AGENCY",
              help="The task sheet of one agency (an id) instead of the meeting report.")
@click.option("--per-agency", metavar="DIR", help="Write one task sheet per lead agency into DIR.")
@click.option("--peers", metavar="FILE",
              help="A published ranking (YAML): say which rank the scores would buy.")
@click.option("--since", metavar="FILE", help="A previous report's JSON: say what changed since.")
@click.option("--next-meeting", type=Whole(min=1), default=30, metavar="DAYS",
              help="Days until the next meeting: what is due before it.")
@tolerance_option
@no_assignments_option
@results_option
@click.option("--format", "-f", "fmt", metavar="FORMAT",
              help=f"Output format: {', '.join(REPORT_FORMATS)}.")
@data_options
@debug_option
def report(output: Path | None, top: int, as_of: str | None, agency: str | None,
           per_agency: str | None, peers: str | None, since: str | None, next_meeting: int,
           tolerance: str | None, no_assignments: bool, results: str | None,
           fmt: str | None, criteria: str | None, assignments: str | None,
           agencies: str | None, config: str | None, lang: str, debug: bool) -> None:
    """The one-page Markdown summary for the monthly meeting, or an agency's task sheet."""
    from parcli.commands import report as command
    from parcli.options import ReportOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, REPORT_FORMATS,
                     debug=debug, no_assignments=no_assignments, tolerance=tolerance,
                     results=results)
    if agency is not None and per_agency is not None:
        raise click.BadParameter("choose one of --agency and --per-agency",
                                 param_hint="--agency")
    peers_path = _path("--peers", peers)
    if peers_path is not None:
        from parcli.files.dataset import usable

        usable("--peers", peers_path)
    since_path = _path("--since", since)
    if since_path is not None:
        from parcli.files.dataset import usable

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
    from parcli.checking import open_data
    from parcli.commands import agency_sheet, with_sources
    from parcli.problems import UsageError
    from parcli.render.reporters import reporter

    common = options.common
    folder = options.per_agency
    assert folder is not None
    with _stop_on_problems(common, OSError):
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


@command("progress")
@click.option("--assume", default="baseline", metavar="[baseline|target]",
              help="Criteria without a score are taken at their baseline or target.")
@_flag("--by-agency", help="Per lead agency.")
@_flag("--by-field", help="Per field.")
@results_option
@table_output_options
@data_options
@look_options
def progress(assume: str, by_agency: bool, by_field: bool, results: str | None,
             fmt: str | None, output: Path | None, wide: bool,
             criteria: str | None, assignments: str | None, agencies: str | None,
             config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """Where the province stands: latest scores, points won, points still needed."""
    from parcli.commands import progress as command
    from parcli.engine.progress import ASSUMPTIONS
    from parcli.options import ProgressOptions

    if by_agency and by_field:
        raise click.BadParameter("choose one of --by-agency and --by-field",
                                 param_hint="--by-agency")
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    options = ProgressOptions(common, _choice("--assume", assume, ASSUMPTIONS),
                              "agencies" if by_agency else "fields" if by_field else "criteria")
    _execute(common, "progress", lambda checked: command.run(checked, options), output)


@command("simulate")
@click.option("--set", "set_values", multiple=True, metavar="CODE=VALUE",
              help="CODE=VALUE: take this leaf criterion at VALUE (repeat it).")
@click.option("--assume-met", multiple=True, metavar="AGENCY",
              help="AGENCY: every criterion it leads reaches its target (repeat it).")
@click.option("--scenario", metavar="FILE",
              help="A results file to start from (default: the results file "
              "beside the plan, if any).")
@click.option("--assume", default="baseline", metavar="[baseline|target]",
              help="Criteria without a score are taken at their baseline or target.")
@table_output_options
@data_options
@look_options
def simulate(set_values: tuple[str, ...], assume_met: tuple[str, ...], scenario: str | None,
             assume: str, fmt: str | None, output: Path | None, wide: bool,
             criteria: str | None, assignments: str | None, agencies: str | None,
             config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """What the totals would be if some criteria took other scores."""
    from parcli.commands import simulate as command
    from parcli.engine.progress import ASSUMPTIONS
    from parcli.options import SimulateOptions

    pairs = []
    for text in set_values:
        code, sep, value = text.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise click.BadParameter(f"{text!r} is not CODE=VALUE", param_hint="--set")
        pairs.append((code.strip(), value.strip()))
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=scenario, wide=wide)
    options = SimulateOptions(common, tuple(pairs), tuple(assume_met),
                              common.data.results, _choice("--assume", assume, ASSUMPTIONS))
    _execute(common, "simulate", lambda checked: command.run(checked, options), output)


@command("due")
@click.option("--as-of", metavar="DATE",
              help="Date, YYYY-MM-DD (default: today while the plan year runs, "
              "else its last day).")
@click.option("--within", type=Whole(min=0), default=30, metavar="DAYS",
              help="Days ahead.")
@click.option("--agency", metavar="AGENCY",
              help="Only tasks this agency leads or implements (an id).")
@click.option("--status", multiple=True, metavar="STATUS",
              help="Only tasks with this status (not-started, "
              "in-progress, unknown; repeat it).")
@results_option
@table_output_options
@data_options
@look_options
def due(as_of: str | None, within: int, agency: str | None, status: tuple[str, ...],
        results: str | None, fmt: str | None, output: Path | None, wide: bool,
        criteria: str | None, assignments: str | None, agencies: str | None,
        config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """Deliverables whose due date has passed or is near, with their status when known."""
    from parcli.commands import due as command
    from parcli.options import DueOptions

    allowed = ("not-started", "in-progress", "unknown")
    chosen = tuple(_choice("--status", value, allowed) for value in status)
    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    options = DueOptions(common, date.today(), _date("--as-of", as_of), within, agency, chosen)
    _execute(common, "due", lambda checked: command.run(checked, options), output)


@command("rank")
@click.option("--peers", required=True, metavar="FILE",
              help="A ranking: a YAML file of provinces and scores "
              "(cite its source in it).")
@click.option("--score", metavar="POINTS",
              help="The score to place (default: the projected total).")
@results_option
@table_output_options
@data_options
@look_options
def rank(peers: str, score: str | None, results: str | None, fmt: str | None,
         output: Path | None, wide: bool,
         criteria: str | None, assignments: str | None, agencies: str | None,
         config: str | None, lang: str, color: str, no_color: bool, debug: bool) -> None:
    """The rank a score would take among the provinces of a published table."""
    from parcli.commands import rank as command
    from parcli.options import RankOptions

    common = _common(criteria, assignments, agencies, config, lang, fmt, TABLE_FORMATS, color,
                     no_color, debug, results=results, wide=wide)
    peers_path = _path("--peers", peers)
    assert peers_path is not None
    from parcli.files.dataset import usable

    usable("--peers", peers_path)
    options = RankOptions(common, peers_path, score)
    _execute(common, "rank", lambda checked: command.run(checked, options), output)


@command("init-results")
@output_option
@force_option
@data_options
@debug_option
def init_results(output: Path | None, force: bool,
                 criteria: str | None, assignments: str | None, agencies: str | None,
                 config: str | None, lang: str, debug: bool) -> None:
    """Write a results skeleton: every leaf criterion and every assignment task."""
    from parcli.commands import init_results as command
    from parcli.options import InitResultsOptions

    common = _common(criteria, assignments, agencies, config, lang, None, ("table",),
                     debug=debug)
    options = InitResultsOptions(common, output, force)
    _write_file(common, "init-results", command, lambda checked: command.run(checked, options),
                output, force)


@command("rollover")
@results_option
@output_option
@force_option
@data_options
@debug_option
def rollover(results: str | None, output: Path | None, force: bool,
             criteria: str | None, assignments: str | None, agencies: str | None,
             config: str | None, lang: str, debug: bool) -> None:
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
    from parcli.checking import open_data
    from parcli.files.naming import default_path
    from parcli.outfile import refuse_overwrite

    with _stop_on_problems(common):
        checked = open_data(common.data, command, module.NEEDS, module.OPTIONAL, common.lang,
                            module.TOLERATED)
        written = build(checked)
        paths = checked.dataset.paths
        path = output or default_path(written.name, paths.criteria, paths.bundled)
        refuse_overwrite(path, force)
    _emit(written.text, path, common)


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    if not text.strip():
        raise click.BadParameter("the date is empty; give YYYY-MM-DD or leave the option out",
                                 param_hint=option)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a date YYYY-MM-DD",
                                 param_hint=option) from None


@command("schema")
@click.argument("name", required=False)
@output_option
@click.option("--install", type=PATH, metavar="DIR",
              help="Write all three schemas into DIR (where the data "
              "files' $schema lines point, e.g. the folder beside your data folder named "
              "schema).")
def schema(name: str | None, output: Path | None, install: Path | None) -> None:
    """JSON Schema of a data file, generated from parcli's models (for editors and CI).

    NAME: criteria, assignments or agencies."""
    from parcli.json_schema import json_schema, schemas

    names = tuple(schemas())
    if install is not None:
        if name is not None or output is not None:
            raise click.BadParameter("--install writes every schema; give no NAME or -o",
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
        raise click.BadParameter(f"name one of {', '.join(names)} (or use --install DIR)",
                                 param_hint="NAME")
    _emit(json_schema(_choice("NAME", name, names)), output, None)


def main(argv: list[str] | None = None) -> None:
    """The `parcli` script: run, flush, and leave without the interpreter's teardown.

    A run is short and keeps almost everything it builds to the end, so the cyclic garbage
    collector would only re-scan it (on a large plan, most of the time of the load), and
    tearing down the modules at exit costs more than the work on the shipped plan: the
    collector is off and the process ends with `os._exit` once both streams are flushed, as
    mypy does. `run` (what the tests call) does neither."""
    import gc

    gc.disable()
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
    import errno

    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
    if exc.errno != errno.EPIPE:
        sys.stderr.write(f"parcli: error: cannot write the output: {exc.strerror or exc}\n")


def run(argv: list[str]) -> int:
    """Run parcli; every failure becomes one line and an exit code, never a traceback."""
    from parcli.problems import UsageError

    if os.environ.get("_PARCLI_COMPLETE", "").startswith("complete_"):
        from parcli.completion import typer_protocol

        return typer_protocol(app, os.environ["_PARCLI_COMPLETE"])
    try:
        result = app.main(args=argv, prog_name="parcli", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort:
        return 130
    except UsageError as exc:
        click.echo(f"parcli: error: {exc}", err=True)
        return 2
    except BrokenPipeError:
        return 1
    except OSError as exc:
        if getattr(exc, "filename", None) is None:  # writing stdout failed (e.g. disk full)
            _stdout_failed(exc)
            return 1
        return _internal(exc)
    except click.ClickException as exc:
        command = getattr(getattr(exc, "ctx", None), "command_path", None) or "parcli"
        hint = f" (see '{command} --help')" if exc.exit_code == 2 else ""
        click.echo(f"parcli: error: {exc.format_message()}{hint}", err=True)
        return exc.exit_code
    except Exception as exc:
        return _internal(exc)
    return result if isinstance(result, int) else 0


def _internal(exc: BaseException, debug: bool = False) -> int:
    """An error parcli did not foresee: one line (the command's --debug shows the
    traceback)."""
    if debug:
        raise exc
    click.echo(f"parcli: internal error: {type(exc).__name__}: {exc} "
               "(run with --debug for details)", err=True)
    return 1
