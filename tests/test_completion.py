"""Shell completion (`--show-completion`, `--install-completion`, click's callback protocol),
kept from the typer days. Data: none (completion reads no data file)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parcli.cli import app
from parcli.completion import install

ROOT = Path(__file__).resolve().parent.parent


def _complete(words: str, shell: str = "bash") -> str:
    env = {**os.environ, "_PARCLI_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - 1)}
    done = subprocess.run([sys.executable, "-m", "parcli"], env=env, capture_output=True,
                          text=True, cwd=ROOT, check=True, timeout=60)
    return done.stdout


def test_completes_command_names_and_options() -> None:
    assert _complete("parcli ga") == "plain,gap\n"
    assert _complete("parcli gap --by") == ("plain,--by-agency\nplain,--by-field\n"
                                            "plain,--by-method\n")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_for_the_shell(cli, monkeypatch, shell) -> None:
    monkeypatch.setenv("SHELL", f"/usr/bin/{shell}")
    result = cli("--show-completion")
    assert result.code == 0 and result.err == ""
    assert f"_PARCLI_COMPLETE={shell}_complete" in result.out.replace('"', "")


def test_show_completion_in_an_unknown_shell_is_a_usage_error(cli, monkeypatch) -> None:
    monkeypatch.setenv("SHELL", "/bin/tcsh")
    result = cli("--show-completion")
    assert (result.code, result.out, result.err) == (
        2, "", "parcli: error: cannot complete in the shell tcsh; parcli completes in bash, zsh, "
        "fish (see 'parcli --help')\n")


def test_install_writes_the_script_and_sources_it_once(tmp_path: Path) -> None:
    (tmp_path / ".bashrc").write_text("alias ll='ls -l'", encoding="utf-8")
    first = install(app, "bash", home=tmp_path)
    install(app, "bash", home=tmp_path)
    target = tmp_path / ".bash_completions" / "parcli.sh"
    assert first == (f"bash completion installed in {target} (sourced from ~/.bashrc); "
                     "open a new shell")
    assert "_PARCLI_COMPLETE=bash_complete" in target.read_text(encoding="utf-8")
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == (
        f"alias ll='ls -l'\nsource '{target}'\n")
    install(app, "fish", home=tmp_path)
    assert (tmp_path / ".config/fish/completions/parcli.fish").is_file()


def test_a_bash_script_installed_by_parcli_0_1_0_still_completes() -> None:
    """typer's bash script asks with `complete_bash` and reads one word per line."""
    env = {**os.environ, "_PARCLI_COMPLETE": "complete_bash", "COMP_WORDS": "parcli gap --by",
           "COMP_CWORD": "2"}
    done = subprocess.run([sys.executable, "-m", "parcli"], env=env, capture_output=True,
                          text=True, cwd=ROOT, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "--by-agency\n--by-field\n--by-method\n", "")
    env["_PARCLI_COMPLETE"] = "complete_zsh"
    done = subprocess.run([sys.executable, "-m", "parcli"], env=env, capture_output=True,
                          text=True, cwd=ROOT, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (1, "", "")
