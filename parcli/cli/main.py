"""The `parcli` process: arguments in, an exit code out, every failure one line on stderr
(`parcli: error: … (see 'parcli X --help')` for misuse, exit 2), never a traceback."""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

import typer

from parcli.cli.runner import error_line, internal_error, say

if TYPE_CHECKING:
    from parcli.text import Lang


def main() -> None:
    """The `parcli` script (`parcli/__main__.py` calls it)."""
    # The data is Vietnamese: write UTF-8 whatever the locale says (Windows, LANG=C, pipes);
    # a file name's byte that is not UTF-8 is written escaped rather than failing the run.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    code = run(sys.argv[1:])
    try:
        sys.stdout.flush()
    except OSError as exc:  # a full disk or a closed pipe on stdout
        _stdout_failed(exc)
        code = 1
    sys.exit(code)


def run(argv: list[str]) -> int:
    """Run parcli with `argv` and return its exit code (what the tests call)."""
    from parcli.cli.app import app
    from parcli.problems import UsageError

    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="parcli", standalone_mode=False)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        return 130
    except UsageError as exc:
        say(error_line(str(exc), _lang(argv)))
        return 2
    except BrokenPipeError:
        return 1
    except OSError as exc:
        if getattr(exc, "filename", None) is None:  # writing stdout failed (e.g. disk full)
            _stdout_failed(exc)
            return 1
        return internal_error(exc)
    except Exception as exc:
        if not _is_usage(exc):
            return internal_error(exc)
        code = int(getattr(exc, "exit_code", 2))
        where = (getattr(getattr(exc, "ctx", None), "command_path", None)
                 or _command_path(argv, getattr(command, "commands", {})))
        from parcli.cli.usage import parser_message
        from parcli.i18n import t

        lang = _lang(argv)
        hint = t("err_see_help", lang, command=where) if code == 2 else ""
        # Typer's own message, in Vietnamese under --lang vi where its form is known
        message = f"{parser_message(exc, lang)}{hint}"
        say(error_line(message, lang))
        return code
    return result if isinstance(result, int) else 0


def _lang(argv: list[str]) -> Lang:
    """The language asked for, read before (or without) Typer's parsing: the last --lang
    given, else PARCLI_LANG; English when neither says vi. A --lang that names no language
    (the error being reported) leaves the choice to PARCLI_LANG."""
    chosen = os.environ.get("PARCLI_LANG", "en")
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        given = (argv[index + 1] if arg == "--lang" and index + 1 < len(argv)
                 else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None)
        if given in ("en", "vi"):
            chosen = given
    return "vi" if chosen == "vi" else "en"


def _command_path(argv: list[str], commands: object) -> str:
    """`parcli X` for the command named first on the line (the parser gives no context for a
    value missing at the end: `parcli gap --top`), else `parcli`."""
    named = next((arg for arg in argv if not arg.startswith("-")), None)
    return f"parcli {named}" if isinstance(commands, dict) and named in commands else "parcli"


def _is_usage(exc: Exception) -> bool:
    """An error of the command line itself (an unknown option, a bad value): Typer's parser
    raises these with `exit_code` and `format_message`; Typer does not export their class."""
    return callable(getattr(exc, "format_message", None)) and hasattr(exc, "exit_code")


def _stdout_failed(exc: OSError) -> None:
    import errno

    with contextlib.suppress(OSError):
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
    if exc.errno != errno.EPIPE:
        say(f"parcli: error: cannot write the output: {exc.strerror or exc}")
