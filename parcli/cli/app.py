"""The command line: each command's own options, declared with Typer, turned into the
command's `Options` and handed to the runner. Nothing else happens here: the shared options
are `parcli.cli.params`, the run is `parcli.cli.runner`, the work is `parcli.commands`."""

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from parcli import __version__
from parcli.cli.params import (
    Agency,
    AsOf,
    Body,
    Force,
    Output,
    StatusChoice,
    Top,
    data_path,
    shared,
)
from parcli.cli.runner import execute
from parcli.text import Lang as Language
from parcli.vocabulary import Assume, Basis, FileKind, Shared

if TYPE_CHECKING:
    from parcli.commands.base import Common
    from parcli.commands.gap import View
    from parcli.commands.progress import View as ProgressView

app = typer.Typer(
    name="parcli", help="Scoring and gap analysis for the provincial PAR Index and SIPAS.",
    rich_markup_mode=None, pretty_exceptions_enable=False, no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    if value:
        typer.echo(f"parcli {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def parcli(ctx: typer.Context, version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Show the version and exit.")] = False) -> None:
    """Scoring and gap analysis for the provincial PAR Index and SIPAS."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help(), err=True)
        typer.echo("parcli: error: name a command, e.g. 'parcli check' (see 'parcli --help')",
                   err=True)
        raise typer.Exit(2)


@app.command()
@shared("problems", tolerance=True)
def check(*, common: "Common", output: Path | None) -> None:
    """Printed totals and subtotals against what their rows add up to."""
    from parcli.commands.check import Options

    execute("check", Options(common), output)


@app.command()
@shared("tables")
def tree(code: Annotated[Optional[str], typer.Argument(
             help="Show only this row and below.", show_default=False)] = None,
         depth: Annotated[Optional[int], typer.Option(
             min=1, metavar="N", show_default=False,
             help="Levels shown: 1 = the fields, or CODE alone.")] = None,
         search: Annotated[Optional[str], typer.Option(
             metavar="TEXT", show_default=False,
             help="Rows whose name contains TEXT, with or without diacritics.")] = None,
         verbose: Annotated[bool, typer.Option(
             "--verbose", "-v", help="Also the scoring bands each row prints.")] = False,
         *, common: "Common", output: Path | None) -> None:
    """The criteria hierarchy with max, baseline, target and gain."""
    from parcli.commands.tree import Options

    execute("tree", Options(common, code, depth, search, verbose), output)


@app.command()
@shared("tables", no_assignments=True)
def gap(by_agency: Annotated[bool, typer.Option("--by-agency", help="Rank agencies.")] = False,
        by_field: Annotated[bool, typer.Option("--by-field", help="Rank the fields.")] = False,
        by_method: Annotated[bool, typer.Option("--by-method",
            help="Appraisal (evidence) against survey-scored points.")] = False,
        basis: Annotated[Basis, typer.Option(help="What a gap measures.")] = "gain",
        shared: Annotated[Shared, typer.Option(
            help="A criterion with several leads: split equally, or full to each.")] = "split",
        top: Top = None,
        field: Annotated[Optional[str], typer.Option(
            metavar="N", show_default=False, help="Only field N.")] = None,
        verbose: Annotated[bool, typer.Option(
            "--verbose", "-v", help="List the criteria behind each row.")] = False,
        *, common: "Common", output: Path | None) -> None:
    """Point gaps per leaf criterion (default), per agency, per field or per method, ranked."""
    from parcli.commands.gap import Options

    if by_agency + by_field + by_method > 1:
        raise typer.BadParameter("choose one of --by-agency, --by-field and --by-method",
                                 param_hint="'--by-agency'")
    view: View = ("agencies" if by_agency else "fields" if by_field else "methods"
                  if by_method else "leaves")
    execute("gap", Options(common, view, basis, shared, top, field, verbose), output)


@app.command()
@shared("problems", tolerance=True, no_assignments=True, results=True, plan=True)
def validate(files: Annotated[Optional[list[Path]], typer.Argument(
                 help="Data files to check (each file's kind is told from its keys; files "
                 "pair by folder). Default: the files named by the options, else the bundled "
                 "plan.", show_default=False)] = None,
             strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
             quiet: Annotated[bool, typer.Option(
                 "--quiet", "-q", help="Print errors only, no summary.")] = False,
             verbose: Annotated[bool, typer.Option(
                 "--verbose", "-v", help="Also list every rule with its count.")] = False,
             *, common: "Common", output: Path | None) -> None:
    """Check the data files: schema, then the rules within and across them."""
    from parcli.commands.validate import Options

    execute("validate", Options(common, strict, -1 if quiet else 1 if verbose else 0,
                                tuple(files or ())), output)


@app.command()
@shared("tables", no_assignments=True)
def agencies(*, common: "Common", output: Path | None) -> None:
    """The agency registry, with the criteria each leads and the points at stake."""
    from parcli.commands.agencies import Options

    execute("agencies", Options(common), output)


@app.command()
@shared("tables", plan=True)
def assignments(agency: Agency = None,
                criterion: Annotated[Optional[str], typer.Option(
                    metavar="CODE", show_default=False,
                    help="Only items of this criterion code and below.")] = None,
                body: Body = False,
                *, common: "Common", output: Path | None) -> None:
    """Who delivers what, by when."""
    from parcli.commands.assignments import Options

    execute("assignments", Options(common, agency, criterion, body), output)


@app.command()
@shared("documents", tolerance=True, no_assignments=True, results=True, plan=True,
        look=False)
def report(top: Annotated[int, typer.Option(
               min=1, metavar="N", help="Rows in the top-N tables.")] = 5,
           as_of: AsOf = None,
           agency: Annotated[Optional[str], typer.Option(
               metavar="AGENCY", show_default=False,
               help="The task sheet of one agency (an id, a name or an alias) instead of the "
               "meeting report.")] = None,
           per_agency: Annotated[Optional[Path], typer.Option(
               metavar="DIR", parser=data_path, show_default=False,
               help="Write one task sheet per lead agency into DIR.")] = None,
           peers: Annotated[Optional[Path], typer.Option(
               metavar="FILE", parser=data_path, show_default=False,
               help="A published ranking (YAML): say which rank the scores would buy.")] = None,
           since: Annotated[Optional[Path], typer.Option(
               metavar="FILE", parser=data_path, show_default=False,
               help="A previous report's JSON: say what changed since.")] = None,
           next_meeting: Annotated[int, typer.Option(
               min=1, metavar="DAYS",
               help="Days until the next meeting: what is due before it.")] = 30,
           body: Body = False,
           *, common: "Common", output: Path | None) -> None:
    """The one-page Markdown summary for the monthly meeting, or an agency's task sheet."""
    from parcli.commands.report import Options
    from parcli.files.dataset import usable

    if agency is not None and per_agency is not None:
        raise typer.BadParameter("choose one of --agency and --per-agency",
                                 param_hint="'--agency'")
    for option, path in (("--peers", peers), ("--since", since)):
        if path is not None:
            usable(option, path)
    execute("report", Options(common, date.today(), as_of, top, output, agency, per_agency,
                              peers, since, next_meeting, body), output)


@app.command()
@shared("tables", no_assignments=True, results=True)
def progress(assume: Annotated[Assume, typer.Option(
                 help="Criteria without a score are taken at their baseline or "
                 "target.")] = "baseline",
             by_agency: Annotated[bool, typer.Option(
                 "--by-agency", help="Per lead agency.")] = False,
             by_field: Annotated[bool, typer.Option("--by-field", help="Per field.")] = False,
             *, common: "Common", output: Path | None) -> None:
    """Where the province stands: latest scores, points won, points still needed."""
    from parcli.commands.progress import Options

    if by_agency and by_field:
        raise typer.BadParameter("choose one of --by-agency and --by-field",
                                 param_hint="'--by-agency'")
    view: ProgressView = "agencies" if by_agency else "fields" if by_field else "criteria"
    execute("progress", Options(common, assume, view), output)


@app.command()
@shared("tables", no_assignments=True)
def simulate(set_values: Annotated[Optional[list[str]], typer.Option(
                 "--set", metavar="CODE=VALUE", show_default=False,
                 help="Take this leaf criterion at VALUE (repeat it).")] = None,
             assume_met: Annotated[Optional[list[str]], typer.Option(
                 metavar="AGENCY", show_default=False,
                 help="Every criterion this agency leads reaches its target (repeat "
                 "it).")] = None,
             scenario: Annotated[Optional[Path], typer.Option(
                 metavar="FILE", parser=data_path, show_default=False,
                 help="A results file to start from (default: the results file beside the "
                 "plan, if any).")] = None,
             assume: Annotated[Assume, typer.Option(
                 help="Criteria without a score are taken at their baseline or "
                 "target.")] = "baseline",
             *, common: "Common", output: Path | None) -> None:
    """What the totals would be if some criteria took other scores."""
    from dataclasses import replace

    from parcli.commands.simulate import Options

    pairs = []
    for text in set_values or ():
        code, sep, value = text.partition("=")
        if not sep or not code.strip() or not value.strip():
            raise typer.BadParameter(f"{text!r} is not CODE=VALUE", param_hint="'--set'")
        pairs.append((code.strip(), value.strip()))
    common = replace(common, data=replace(common.data, results=scenario))
    execute("simulate", Options(common, tuple(pairs), tuple(assume_met or ()), scenario,
                                assume), output)


@app.command()
@shared("tables", results=True, plan=True)
def due(as_of: AsOf = None,
        within: Annotated[int, typer.Option(min=0, metavar="DAYS", help="Days ahead.")] = 30,
        agency: Agency = None,
        status: Annotated[Optional[list[StatusChoice]], typer.Option(
            show_default=False, help="Only tasks with this status (repeat it).")] = None,
        body: Body = False,
        *, common: "Common", output: Path | None) -> None:
    """Deliverables whose due date has passed or is near, with their status when known."""
    from parcli.commands.due import Options

    statuses = tuple(str(getattr(each, "value", each)) for each in status or ())
    execute("due", Options(common, date.today(), as_of, within, agency, statuses, body),
            output)


@app.command()
@shared("tables", no_assignments=True, results=True)
def rank(peers: Annotated[Path, typer.Option(
             metavar="FILE", parser=data_path,
             help="A ranking: a YAML file of provinces and scores (cite its source in it).")],
         score: Annotated[Optional[str], typer.Option(
             metavar="POINTS", show_default=False,
             help="The score to place (default: the projected total).")] = None,
         *, common: "Common", output: Path | None) -> None:
    """The rank a score would take among the provinces of a published table."""
    from parcli.commands.rank import Options
    from parcli.files.dataset import usable

    usable("--peers", peers)
    execute("rank", Options(common, peers, score), output)


@app.command()
@shared("tables", tolerance=True, data_files=False)
def diff(old: Annotated[str, typer.Argument(
             metavar="OLD", show_default=False,
             help="The plan before: a criteria file, a folder or a git revision.")],
         new: Annotated[str, typer.Argument(
             metavar="NEW", show_default=False,
             help="The plan after: a criteria file, a folder or a git revision.")],
         path: Annotated[Optional[str], typer.Argument(
             metavar="[-- PATH]", show_default=False,
             help="What to read at a git revision: a criteria file or a folder (default: "
             "the other side when it is a path, else data).")] = None,
         fail_on_new_errors: Annotated[bool, typer.Option(
             "--fail-on-new-errors", help="Exit 1 when NEW has errors OLD had not.")] = False,
         *, common: "Common", output: Path | None) -> None:
    """What a data change does: rows, numbers, totals, fields, agencies, findings."""
    import tempfile

    from parcli.cli.sides import sides
    from parcli.commands.diff import Options

    # a revision's files live here for this run only, deleted however the run ends
    with tempfile.TemporaryDirectory(prefix="parcli-diff-") as scratch:
        before, after = sides(old, new, path, Path(scratch), common.data, common.lang)
        execute("diff", Options(common, (before.request, after.request),
                                (before.revision, after.revision), (before.root, after.root),
                                fail_on_new_errors), output)


@app.command("init-results")
@shared(None)
def init_results(*, common: "Common", output: Path | None) -> None:
    """Write a results skeleton beside the criteria file (or -o FILE): every leaf criterion
    and every assignment task."""
    from parcli.commands.init_results import Options

    execute("init_results", Options(common, output, common.force), output)


@app.command()
@shared(None, results=True)
def rollover(*, common: "Common", output: Path | None) -> None:
    """Next year's criteria file, beside this year's (or -o FILE): this year's official
    (else latest) scores as baselines."""
    from parcli.commands.rollover import Options

    execute("rollover", Options(common, output, common.force), output)


@app.command()
def schema(name: Annotated[Optional[FileKind], typer.Argument(show_default=False)] = None,
           output: Output = None,
           force: Force = False,
           install: Annotated[Optional[Path], typer.Option(
               metavar="DIR", parser=data_path, show_default=False,
               help="Write every schema into DIR (where the data files' $schema lines "
               "point, e.g. the folder named schema beside your data folder).")] = None,
           lang: Annotated[Language, typer.Option(
               "--lang", envvar="PARCLI_LANG", help="Language of messages.")] = "en",
           ) -> None:
    """JSON Schema of a data file, generated from parcli's models (for editors and CI)."""
    from parcli.checking import DataRequest
    from parcli.commands.base import Common
    from parcli.commands.schema import Options

    execute("schema", Options(Common(DataRequest(), lang=lang, force=force), name, install,
                              output), output)


@app.command()
def rule(rule_id: Annotated[Optional[str], typer.Argument(
             metavar="ID", show_default=False,
             help="A rule's id, e.g. no-lead. Without it: every rule.")] = None,
         lang: Annotated[Language, typer.Option(
             "--lang", envvar="PARCLI_LANG", help="Language of the descriptions.")] = "en",
         ) -> None:
    """A rule's documentation: what it finds, a failing and a passing example."""
    from parcli.checking import DataRequest
    from parcli.commands.base import Common
    from parcli.commands.rule import Options

    execute("rule", Options(Common(DataRequest(), lang, color="never"), rule_id))
