"""README's example outputs are what parcli prints today, and its two commands are the ones
a new user and CI run."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip("\n").splitlines())


@pytest.mark.parametrize("args, lines", [
    (["check"], None), (["tree", "2.4"], None), (["gap", "--by-agency", "--top", "5"], None),
    (["validate"], -5), (["agencies"], 12),
    (["progress", "--results", "tests/fixtures/results/results_2020_half.yaml", "--by-field"],
     None),
    (["simulate", "--set", "8.1=10", "--assume-met", "justice"], -4),
    (["due", "--as-of", "2020-10-01"], 8),
    (["due", "--as-of", "2020-10-01", "--results", "tests/fixtures/results/results_2020_half.yaml"],
     8),
    (["rank", "--peers", "tests/fixtures/peers/par_index_2019.yaml", "--score", "79.53"], None),
])
def test_readme_examples_are_real_output(cli, monkeypatch, args, lines):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")  # as piped: what `parcli check | less` shows
    out = cli(*args).out.splitlines()
    shown = out[lines:] if lines and lines < 0 else out[:lines] if lines else out
    assert _clean("\n".join(shown)) in README


def test_ci_runs_exactly_the_readme_test_command():
    command = ("python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && "
               ".venv/bin/python -m pytest")
    assert f"```sh\n{command}\n```" in README
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(command)
