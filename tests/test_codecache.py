"""The cache folder's rules (`parcli.cachedir`) and the compiled dataclass code kept between
runs (`parcli.codecache`). Data: the bundled plan (data/criteria_2020.yaml and the files
beside it), through `python -m parcli check` in a child process."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parcli import cachedir, codecache

ROOT = Path(__file__).resolve().parent.parent


def _parcli(cache: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PARCLI_NO_CACHE", "PARCLI_CACHE_DIR")}
    environment.update(PARCLI_CACHE_DIR=str(cache), **env)
    return subprocess.run([sys.executable, "-m", "parcli", *args], env=environment,
                          capture_output=True, text=True, cwd=ROOT, check=False, timeout=120)


def test_folder_is_made_private_and_off_when_asked(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PARCLI_NO_CACHE", raising=False)
    monkeypatch.setenv("PARCLI_CACHE_DIR", str(tmp_path / "c"))
    assert cachedir.folder() == tmp_path / "c"
    assert (tmp_path / "c").stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("PARCLI_NO_CACHE", "1")
    assert cachedir.folder() is None
    monkeypatch.setenv("PARCLI_NO_CACHE", "0")
    assert cachedir.folder() == tmp_path / "c"


@pytest.mark.parametrize(("variable", "value"), [("XDG_CACHE_HOME", "relative/cache"),
                                                 ("PARCLI_CACHE_DIR", "relative")])
def test_a_relative_folder_is_no_cache(tmp_path: Path, monkeypatch, variable, value) -> None:
    """Not a folder under whatever the working directory is (an unset HOME leaves `~`)."""
    monkeypatch.delenv("PARCLI_NO_CACHE", raising=False)
    monkeypatch.delenv("PARCLI_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", "~")
    monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)
    assert cachedir.folder() is None
    assert list(tmp_path.iterdir()) == []


def test_a_folder_others_may_write_is_not_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("PARCLI_NO_CACHE", raising=False)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("PARCLI_CACHE_DIR", str(shared))
    assert cachedir.folder() is None


def test_read_only_files_of_the_user_alone(tmp_path: Path) -> None:
    path = tmp_path / "entry"
    cachedir.write(path, b"data")
    assert path.stat().st_mode & 0o777 == 0o600
    assert cachedir.read(path) == b"data"
    path.chmod(0o666)
    assert cachedir.read(path) is None
    assert cachedir.read(tmp_path / "missing") is None
    cachedir.write(tmp_path / "no" / "folder" / "entry", b"x")  # silent: only an optimisation
    assert not (tmp_path / "no").exists()
    path.chmod(0o600)
    (tmp_path / "link").symlink_to(path)
    assert cachedir.read(tmp_path / "link") is None  # a link is not followed
    os.mkfifo(tmp_path / "pipe", 0o600)
    assert cachedir.read(tmp_path / "pipe") is None  # not waited on


def test_runs_with_the_code_cache_print_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    without = _parcli(cache, "check", PARCLI_NO_CACHE="1")
    assert not cache.exists()
    first = _parcli(cache, "check")
    file = cache / codecache.file_name()
    compiled = marshal.loads(file.read_bytes())
    assert len(compiled) > 100  # parcli's, pydantic's and annotated-types' dataclasses
    assert all(isinstance(code, type(compile("", "", "exec"))) for code in compiled.values())
    second = _parcli(cache, "check")
    assert without.returncode == first.returncode == second.returncode == 0
    assert without.stdout == first.stdout == second.stdout
    assert "0 error(s), 1 acknowledged, 4 rounding (tolerance 0.01)" in second.stdout


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps([1, 2]),
                                     marshal.dumps({"text": 1, 2: "code"})])
def test_a_corrupt_code_cache_is_ignored(tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    file = cache / codecache.file_name()
    file.write_bytes(content)
    file.chmod(0o600)
    done = _parcli(cache, "--version")
    assert (done.returncode, done.stderr) == (0, "")
    assert isinstance(marshal.loads(file.read_bytes()), dict)  # rewritten whole


def test_a_pipe_in_place_of_the_code_file_never_blocks_a_run(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.mkfifo(cache / codecache.file_name(), 0o600)
    done = _parcli(cache, "--version")
    assert (done.returncode, done.stderr) == (0, "")


def test_the_code_file_is_trimmed_to_the_latest_run_past_the_limit(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    file = cache / codecache.file_name()
    stale = {f"def __create_fn__():\n def f{n}(self):\n  return {n}\n return f{n}":
             compile("pass", "<string>", "exec") for n in range(codecache.LIMIT + 1)}
    file.write_bytes(marshal.dumps(stale))
    file.chmod(0o600)
    done = _parcli(cache, "check", "--format", "json")
    assert done.returncode == 0
    kept = marshal.loads(file.read_bytes())
    assert 100 < len(kept) < 1000 and not set(kept) & set(stale)
