"""Shell completion: click's own scripts for bash, zsh and fish, shown or installed the way
typer's `--show-completion` and `--install-completion` did (parcli used typer up to 0.1.0).

The script calls back into parcli with `_PARCLI_COMPLETE=<shell>_complete`, which click
answers before any command runs.
"""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_PARCLI_COMPLETE"


def script(command: click.Command, shell: str) -> str:
    """The completion script for `shell`; ValueError for a shell click cannot complete."""
    completion = get_completion_class(shell) if shell in SHELLS else None
    if completion is None:
        raise ValueError(f"cannot complete in the shell {shell or '(none: $SHELL is not set)'}; "
                         f"parcli completes in {', '.join(SHELLS)}")
    return completion(command, {}, "parcli", COMPLETE_VAR).source()


def install(command: click.Command, shell: str, home: Path | None = None) -> str:
    """Write the script where `shell` finds it; what was done, in one sentence."""
    source = script(command, shell)
    home = home or Path.home()
    if shell == "fish":
        target = home / ".config" / "fish" / "completions" / "parcli.fish"
        _write(target, source)
        return f"fish completion installed in {target}; open a new shell to use it"
    if shell == "zsh":
        target = home / ".zfunc" / "_parcli"
        _write(target, source)
        _append_once(home / ".zshrc", "fpath+=~/.zfunc; autoload -Uz compinit; compinit")
        return f"zsh completion installed in {target} (and ~/.zshrc); open a new shell"
    target = home / ".bash_completions" / "parcli.sh"
    _write(target, source)
    _append_once(home / ".bashrc", f"source '{target}'")
    return f"bash completion installed in {target} (sourced from ~/.bashrc); open a new shell"


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _append_once(rc_file: Path, line: str) -> None:
    existing = rc_file.read_text(encoding="utf-8") if rc_file.is_file() else ""
    if line not in existing.splitlines():
        with rc_file.open("a", encoding="utf-8") as stream:
            stream.write(("" if not existing or existing.endswith("\n") else "\n") + line + "\n")


def typer_protocol(command: click.Command, instruction: str) -> int:
    """Completion asked for the way the scripts of parcli 0.1.0 (typer's) ask: for bash
    (`complete_bash`), the candidate words one per line, so a script installed then keeps
    working; the other shells' typer scripts pass their words in a way click does not read,
    so they get nothing (exit 1) until `parcli --install-completion` is run again."""
    if instruction != "complete_bash":
        return 1
    from click.shell_completion import BashComplete

    completion = BashComplete(command, {}, "parcli", COMPLETE_VAR)
    args, incomplete = completion.get_completion_args()
    for item in completion.get_completions(args, incomplete):
        click.echo(item.value)
    return 0
