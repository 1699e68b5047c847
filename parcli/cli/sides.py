"""`parcli diff OLD NEW [PATH]`: what each side names, turned into the data a run reads.

A side is a path when it exists (a criteria file, or a folder whose latest
`criteria_<year>.yaml`, else `criteria.yaml`, is the plan), else a git revision when `git
rev-parse --verify REV^{commit}` knows it. A revision's files are read with `git show
REV:PATH` into a temporary folder that the run deletes when it ends (nothing is kept): PATH
is the argument after OLD and NEW (`parcli diff HEAD~1 HEAD -- data/`), else the other
side's path when it is one (`parcli diff HEAD data/criteria_2020.yaml`: the committed file
against the working copy), else `data`. The folder of the plan at that revision is written
with the data files it holds, and the `parcli.toml` (or `pyproject.toml`) of it and of the
folders above, so that the revision is checked with its own configuration.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from parcli.checking import DataRequest
from parcli.i18n import t
from parcli.problems import UsageError
from parcli.text import Lang

# the files a revision's plan is read from: the pre-commit hook's pattern
DATA_FILE = re.compile(r"(criteria|assignments|agencies|plan)(_[^/]*)?\.yaml")
CONFIG_FILES = ("parcli.toml", "pyproject.toml")
DEFAULT_PATH = "data"


@dataclass(frozen=True)
class Side:
    request: DataRequest
    name: str  # as given: a path, or a revision
    revision: str | None = None  # a git revision: its files are under `root`
    root: Path | None = None  # the revision's working tree, written for this run


def sides(old: str, new: str, path: str | None, scratch: Path, request: DataRequest,
          lang: Lang = "en") -> tuple[Side, Side]:
    """OLD and NEW as data requests (their revisions written under `scratch`); a side that is
    neither a path nor a revision, or a PATH a revision lacks, is a usage error."""
    given = (old, new)
    found: list[Path | str] = []
    for which, text in zip(("OLD", "NEW"), given, strict=True):
        if not text.strip():
            raise UsageError(t("err_diff_empty", lang, which=which))
        candidate = Path(text)
        if candidate.exists():
            found.append(candidate)
        elif _is_revision(text):
            found.append(text)
        else:
            raise UsageError(t("err_diff_side", lang, which=which, text=text))
    if path is not None and not any(isinstance(each, str) for each in found):
        raise UsageError(t("err_diff_path", lang))
    paths = [each for each in found if isinstance(each, Path)]
    inside = path if path is not None else str(paths[0]) if paths else DEFAULT_PATH
    plans = {index: _criteria(each, str(each), lang) for index, each in enumerate(found)
             if isinstance(each, Path)}  # a wrong path is told before git is asked anything
    result = []
    for index, (which, each) in enumerate(zip(("old", "new"), found, strict=True)):
        if isinstance(each, Path):
            result.append(Side(_request(request, plans[index]), str(each)))
        else:
            root = scratch / which
            criteria = _write(each, inside, root, lang)
            result.append(Side(_request(request, criteria, root), each, each, root))
    return result[0], result[1]


def _request(request: DataRequest, criteria: Path, root: Path | None = None) -> DataRequest:
    """The data options of a side: its criteria file (the files beside it are found as for
    `--criteria`); a revision is checked with its own configuration, else with none (never
    with a file above the temporary folder)."""
    from dataclasses import replace

    config = request.config
    if config is None and root is not None:
        from parcli.files import config as settings

        found = settings.find(criteria.parent)
        if found is None or root.resolve() not in found.resolve().parents:
            found = root / "parcli.toml"  # no configuration at that revision: the defaults
            found.write_text("", encoding="utf-8")
        config = found
    return replace(request, criteria=criteria, config=config)


def _criteria(path: Path, shown: str, lang: Lang) -> Path:
    """A folder's plan: its latest `criteria_<year>.yaml`, else `criteria.yaml`; a file named
    as another kind's (`plan_2020.yaml`) is a usage error: a plan is compared from its
    criteria file."""
    if not path.is_dir():
        kind = path.stem.rpartition("_")[0] or path.stem
        if kind in ("assignments", "agencies", "plan", "results"):
            raise UsageError(t("err_diff_not_criteria", lang, path=shown,
                               kind=t(f"file_kind_{kind}", lang)))
        return path
    from parcli.files.naming import file_name, yearly_files

    files = yearly_files(path, "criteria") or [
        each for each in [path / file_name("criteria")] if each.is_file()]
    if not files:
        raise UsageError(t("err_diff_no_criteria", lang, folder=shown))
    return files[-1]


def _git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:  # git is not installed
        raise UsageError(f"git: {exc.strerror or exc}") from None


def _is_revision(text: str) -> bool:
    if text.startswith("-"):
        return False
    try:
        done = _git("rev-parse", "--verify", "--quiet", f"{text}^{{commit}}")
    except UsageError:
        return False
    return done.returncode == 0


def _write(revision: str, path: str, root: Path, lang: Lang) -> Path:
    """The plan at `revision` under `path` (a file or a folder, relative to the working
    directory), written under `root` as it lies in the repository; its criteria file."""
    top = _git("rev-parse", "--show-toplevel").stdout.decode().strip()
    prefix = _git("rev-parse", "--show-prefix").stdout.decode().strip()
    inside = posixpath.normpath(posixpath.join(prefix, Path(path).as_posix()))
    if inside.startswith("../") or inside == ".." or Path(path).is_absolute():
        raise UsageError(t("err_diff_outside", lang, path=path, top=top))
    inside = "" if inside == "." else inside  # `REV:` is the revision's top folder
    kind = _git("-C", top, "cat-file", "-t", f"{revision}:{inside}")
    what = kind.stdout.decode().strip()
    if kind.returncode != 0 or what not in ("tree", "blob"):
        raise UsageError(t("err_diff_missing", lang, revision=revision, path=path))
    folder = inside if what == "tree" else posixpath.dirname(inside)
    listing = _git("-C", top, "ls-tree", "--name-only", f"{revision}:{folder}")
    names = [name for name in listing.stdout.decode().splitlines() if DATA_FILE.fullmatch(name)]
    parts = [] if folder in ("", ".") else folder.split("/")
    above = ["/".join(parts[:depth]) for depth in range(len(parts), -1, -1)]
    wanted = [posixpath.join(folder, name) for name in names]
    wanted += [posixpath.join(each, name) for each in above for name in CONFIG_FILES]
    for each in wanted:
        shown = _git("-C", top, "show", f"{revision}:{each}")
        if shown.returncode == 0:
            target = root.joinpath(*each.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(shown.stdout)
    if what == "tree":
        return _criteria(root.joinpath(*parts), f"{revision}:{inside}", lang)
    return _criteria(root.joinpath(*inside.split("/")), f"{revision}:{inside}", lang)
