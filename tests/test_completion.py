"""Shell completion is Typer's own (bash, zsh, fish, PowerShell): the commands, their options
and the choices from the registries complete. Data: none (completion reads no data file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _complete(instruction: str, **env: str) -> str:
    done = subprocess.run([sys.executable, "-m", "parcli"],
                          env={**os.environ, "_PARCLI_COMPLETE": instruction, **env},
                          capture_output=True, text=True, cwd=ROOT, check=True, timeout=60)
    return done.stdout


def test_bash_completes_command_names_and_options() -> None:
    assert _complete("complete_bash", COMP_WORDS="parcli ga", COMP_CWORD="1") == "gap\n"
    assert _complete("complete_bash", COMP_WORDS="parcli gap --by", COMP_CWORD="2").split() == [
        "--by-agency", "--by-field", "--by-method"]


def test_zsh_completes_an_option_with_its_help() -> None:
    assert _complete("complete_zsh", _TYPER_COMPLETE_ARGS="parcli gap --ba") == (
        "_arguments '*: :((\"--basis\":\"What a gap measures.\"))'\n")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "pwsh"])
def test_show_completion_prints_the_script_for_the_shell(shell: str) -> None:
    done = subprocess.run([sys.executable, "-m", "parcli", "--show-completion", shell],
                          capture_output=True, text=True, cwd=ROOT, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "_PARCLI_COMPLETE" in done.stdout
