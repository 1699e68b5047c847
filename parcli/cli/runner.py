"""One way every command runs: open what its `SPEC` asks for, call its `run`, render the
result, write it; data problems exit 1, misuse exits 2, anything unforeseen is one line.

Results a command may return: an `Output` (rendered by the chosen reporter, to stdout or
`-o`), `Documents` (one rendered file per entry, into a folder), a `Written` data file (YAML
beside the plan unless `-o`, never replacing a file without `--force`) or `Files` (texts
into a folder).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from parcli.checking import Checked
    from parcli.commands.base import Common, Spec, TwoPlans
    from parcli.files.dataset import Source
    from parcli.output import Output
    from parcli.problems import DataError, Problem
    from parcli.text import Lang


def execute(command: str, options: Any, output: Path | None = None) -> None:
    """Run `parcli.commands.<command>` with `options` (its `Options`, whose `common` says
    which files, language and format)."""
    module = importlib.import_module(f"parcli.commands.{command}")
    spec: Spec = module.SPEC
    common: Common = options.common
    checked: Checked | None = None
    try:
        with stop_on_problems(common):
            from parcli.commands.base import TwoPlans

            inputs = _inputs(spec, options, spec.name or command.replace("_", "-"))
            # Two plans: the new one is the plan the output is about; both are named.
            checked = inputs.new if isinstance(inputs, TwoPlans) else inputs
            sources = ([*dict.fromkeys([*inputs.old.sources, *inputs.new.sources])]
                       if isinstance(inputs, TwoPlans) else checked.sources if checked else [])
            result = module.run(inputs, options)
            read = [source.path for source in sources] + _paths_read(options)
            _deliver(result, checked, sources, common, output, read,
                     warn=spec.tolerated is not None)
    except typer.Exit:
        raise
    except Exception as exc:
        if isinstance(exc, OSError) and getattr(exc, "filename", None) is None:
            raise  # writing stdout failed: `parcli.cli.main.run` says so
        if common.debug:  # the traceback a developer asked for, then the usual exit code
            import traceback

            traceback.print_exc()
        raise typer.Exit(internal_error(exc)) from None


def _inputs(spec: Spec, options: Any, name: str) -> Checked | TwoPlans | None:
    from parcli.checking import open_data, open_files
    from parcli.commands.base import TwoPlans

    common: Common = options.common
    if spec.inputs == "none":
        return None
    if spec.inputs == "files" and options.files:
        return open_files(list(options.files), common.data, common.lang)
    if spec.inputs == "two plans":
        old, new = options.plans
        return TwoPlans(*(open_data(plan, name, spec.needs, spec.optional, common.lang,
                                    spec.tolerated) for plan in (old, new)))
    return open_data(common.data, name, spec.needs, spec.optional, common.lang, spec.tolerated)


@contextlib.contextmanager
def stop_on_problems(common: Common) -> Iterator[None]:
    """Data a command cannot use: its problems (exit 1); a usage error: one line (exit 2)."""
    from parcli.cli.outfile import OutputFileError
    from parcli.problems import DataError, UsageError

    try:
        yield
    except DataError as exc:
        _report_problems(common, exc)
        raise typer.Exit(1) from None
    except UsageError as exc:
        say(error_line(str(exc), common.lang))
        raise typer.Exit(2) from None
    except OutputFileError as exc:
        say(error_line(str(exc), common.lang))
        raise typer.Exit(exc.exit_code) from None


def error_line(message: str, lang: Lang) -> str:
    """"parcli: error: …" ("parcli: lỗi: …"), a message other layers write in English
    translated where parcli knows it."""
    from parcli.i18n import t, translated

    return t("err_line", lang, message=translated(message, lang))


def in_lang(problems: list[Problem], lang: Lang) -> list[Problem]:
    """Problems found while loading are written in English: in `lang` where parcli knows
    the message, their level word in `lang` always."""
    if lang == "en":
        return problems
    import dataclasses

    from parcli.i18n import translated

    return [problem if problem.lang == lang else dataclasses.replace(
        problem, message=translated(problem.message, lang), lang=lang) for problem in problems]


def _deliver(result: Any, checked: Checked | None, sources: list[Source], common: Common,
             output: Path | None, read: list[Path], warn: bool) -> None:
    from parcli.output import Documents, Files, Output

    if isinstance(result, Output):
        _show(result, checked, sources, common, output, read, warn)
        return
    from parcli.engine.writer import Written

    if isinstance(result, Written):
        paths = checked.dataset.paths if checked is not None else None
        if output is None and paths is not None:
            from parcli.files.naming import default_path

            output = default_path(result.name, paths.criteria, paths.bundled)
        _emit(result.text, output, common, read)
    elif isinstance(result, Files):
        for name, text in result.texts.items():
            _emit(text, _folder(result.folder, common.lang) / name, common, read)
    elif isinstance(result, Documents):
        from parcli.render import reporter

        chosen = reporter(common.format, common.color, lang=common.lang)
        folder = _folder(result.folder, common.lang)
        left_out: dict[str, None] = {}  # what the renderer left out, e.g. the charts: once
        for stem, each in result.outputs.items():
            _emit(chosen.write(each), folder / f"{stem}.{chosen.suffix}", common, read)
            left_out.update(dict.fromkeys(each.stderr_notes))
        for note in left_out:
            say(note)
    else:
        raise TypeError(f"a command returned {type(result).__name__}, not an output")


def _show(output: Output, checked: Checked | None, sources: list[Source], common: Common,
          destination: Path | None, read: list[Path], warn: bool) -> None:
    from parcli.commands import with_sources
    from parcli.render import reporter

    if checked is not None:
        with_sources(output, sources, common.lang, line=output.name_sources)
        if warn and checked.warnings:  # validate lists them itself
            from parcli.i18n import t

            say(t("warnings_note", common.lang, n=len(checked.warnings)))
    chosen = reporter(common.format, common.color, lang=common.lang, wide=common.wide)
    _emit(chosen.write(output), destination, common, read)
    for note in output.stderr_notes:  # what the renderer left out, e.g. the charts
        say(note)
    if output.lines is None and not chosen.for_machines:
        for problem in output.problems:  # errors a command shows in its tables (check's
            if problem.level == "error":  # check sums), also as every command prints one
                say(problem.one_line())
    if output.failed:
        raise typer.Exit(1)


def _folder(folder: Path, lang: Lang) -> Path:
    from parcli.i18n import t
    from parcli.problems import UsageError

    if folder.exists() and not folder.is_dir():
        raise UsageError(t("err_not_folder", lang, folder=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{folder}: {exc.strerror or exc}") from None
    return folder


def _paths_read(options: Any) -> list[Path]:
    """The files an option names for reading (`--peers`, `--since`, `--scenario`, `FILES`):
    every path-valued field but the destinations."""
    found: list[Path] = []
    for name, value in vars(options).items():
        if name in ("output", "per_agency", "install"):
            continue
        values = value if isinstance(value, tuple) else (value,)
        found += [each for each in values if isinstance(each, Path)]
    return found


def _emit(text: str | bytes, destination: Path | None, common: Common,
          read: list[Path]) -> None:
    from parcli.problems import UsageError

    if destination is None:
        if isinstance(text, bytes):
            if sys.stdout.isatty():
                from parcli.i18n import t

                raise UsageError(t("err_binary", common.lang))
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            return
        sys.stdout.write(text)
        return
    from parcli.cli.outfile import check_destination, write_output
    from parcli.i18n import t

    check_destination(destination, common.force, read)
    write_output(destination, text)
    say(t("wrote", common.lang, path=destination))


def _report_problems(common: Common, exc: DataError) -> None:
    """Unusable data: one line per problem for people, and the machine formats' own shape
    (JSON errors, GitHub annotations) on stdout for the programs that parse them."""
    from parcli.commands import problems_output, with_sources
    from parcli.render import reporter

    chosen = reporter(common.format, common.color, lang=common.lang, wide=common.wide)
    problems = in_lang(exc.problems, common.lang)
    if chosen.for_machines:
        output = problems_output([*problems, *in_lang(exc.warnings, common.lang)], common.lang)
        if exc.sources:
            with_sources(output, exc.sources, common.lang)
        written = chosen.write(output)
        sys.stdout.write(written if isinstance(written, str) else written.decode())
    for problem in problems:
        say(problem.one_line())


def say(line: str) -> None:
    """One line on stderr."""
    sys.stderr.write(line + "\n")


def internal_error(exc: BaseException) -> int:
    """An error parcli did not foresee: one line (the command's --debug shows the
    traceback)."""
    say(f"parcli: internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    return 1
