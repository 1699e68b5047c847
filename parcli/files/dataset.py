"""Which data files a run reads, and loading them: once, lazily, each as needed.

The bundled plan is used only when no data file is named at all. A user's criteria file is
never paired with a bundled file: its assignments and registry are looked up beside it
(`assignments_<year>.yaml`, then `assignments.yaml`; `agencies_<year>.yaml`, then
`agencies.yaml`), and a command that needs one that is not there says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from parcli.files.naming import file_name, year_of, yearly_files
from parcli.load import a_kind
from parcli.problems import UsageError
from parcli.vocabulary import FileKind

if TYPE_CHECKING:
    from parcli.load import Document, Loaded
    from parcli.models.agencies import AgencyRegistry
    from parcli.models.assignments import AssignmentsFile
    from parcli.models.body import PlanFile
    from parcli.models.criteria import CriteriaFile
    from parcli.models.results import ResultsFile

_PACKAGE = Path(__file__).resolve().parent.parent
# Installed wheels carry the data inside the package; a checkout keeps it at the top.
DATA_DIR = _PACKAGE / "data" if (_PACKAGE / "data").is_dir() else _PACKAGE.parent / "data"
OPTION = {"criteria": "--criteria", "assignments": "--assignments", "agencies": "--agencies",
          "plan": "--plan", "results": "--results"}


def latest(kind: str, folder: Path = DATA_DIR) -> Path:
    """The bundled `<kind>_<year>.yaml` of the latest year: a new year's plan needs new data,
    not new code."""
    files = yearly_files(folder, kind)
    return files[-1] if files else folder / file_name(kind)


def beside(criteria: Path, kind: str, plain: bool = True) -> Path | None:
    """`<kind>_<year>.yaml` beside `criteria_<year>.yaml` (or beside `<other>_<year>.yaml`),
    else plain `<kind>.yaml` (results only by year: a year's results never pair with
    another year's plan)."""
    year = year_of(criteria)
    names = [file_name(kind, year)] if year is not None else []
    for name in [*names, *([file_name(kind)] if plain else [])]:
        candidate = criteria.parent / name
        if candidate.is_file():
            return candidate
    return None


def usable(option: str, path: Path) -> None:
    """A path the user named is a readable file, or a usage error saying what it is."""
    try:
        exists, is_dir, is_link = path.exists(), path.is_dir(), path.is_symlink()
    except OSError as exc:  # e.g. a name too long for the file system
        raise UsageError(f"{option}: {path}: {exc.strerror or exc}") from None
    if not exists and is_link:
        raise UsageError(f"{option}: {path}: a symbolic link to nothing (or a loop), not a file")
    if not exists:
        raise UsageError(f"{option}: {path}: no such file")
    if is_dir:
        raise UsageError(f"{option}: {path}: is a directory, not a YAML file")


@dataclass(frozen=True)
class Source:
    kind: FileKind
    path: Path
    bundled: bool


@dataclass(frozen=True)
class DataPaths:
    """The files of one run; None for a file the run goes without (`validate FILE...` may
    check a registry or an assignments file alone)."""

    criteria: Path | None
    assignments: Path | None
    agencies: Path | None
    bundled: bool = False
    results: Path | None = None  # never bundled: parcli ships no results as if they were real
    plan: Path | None = None  # the plan's body: optional, found beside the criteria file

    @classmethod
    def bundled_plan(cls) -> DataPaths:
        criteria = latest("criteria")
        return cls(criteria, beside(criteria, "assignments"), beside(criteria, "agencies"),
                   bundled=True, plan=beside(criteria, "plan"))

    @classmethod
    def resolve(cls, criteria: Path | None, assignments: Path | None, agencies: Path | None,
                no_assignments: bool = False, results: Path | None = None,
                plan: Path | None = None) -> DataPaths:
        """The files a run reads, from what the user named; nothing named: the bundled plan
        (results are only ever the user's: given, or `results_<year>.yaml` beside a given
        criteria file)."""
        for option, path in (("--criteria", criteria), ("--assignments", assignments),
                             ("--agencies", agencies), ("--results", results),
                             ("--plan", plan)):
            if path is not None:
                usable(option, path)
        if criteria is None:
            if assignments is not None or agencies is not None or plan is not None:
                raise UsageError("--assignments, --agencies and --plan need --criteria: the "
                                 "bundled plan is used only when no data file is named")
            paths = cls.bundled_plan()
            return cls(paths.criteria, None if no_assignments else paths.assignments,
                       paths.agencies, bundled=True, results=results, plan=paths.plan)
        if no_assignments:
            assignments = None
        elif assignments is None:
            assignments = beside(criteria, "assignments")
        return cls(criteria, assignments, agencies or beside(criteria, "agencies"),
                   results=results or beside(criteria, "results", plain=False),
                   plan=plan or beside(criteria, "plan"))

    def only(self, kinds: tuple[FileKind, ...]) -> DataPaths:
        """The same paths without the files a command does not read."""
        return DataPaths(self.criteria, self.assignments if "assignments" in kinds else None,
                         self.agencies if "agencies" in kinds else None, self.bundled,
                         self.results if "results" in kinds else None,
                         self.plan if "plan" in kinds else None)

    def sources(self) -> list[Source]:
        kinds: tuple[FileKind, ...] = ("criteria", "assignments", "agencies", "plan", "results")
        return [Source(kind, path, self.bundled and kind != "results") for kind, path in
                zip(kinds, (self.criteria, self.assignments, self.agencies, self.plan,
                            self.results), strict=True)
                if path is not None]

    def require(self, kind: FileKind, command: str) -> Path:
        """The file of `kind`, or a usage error that says what to pass."""
        path: Path | None = getattr(self, kind)
        if path is not None:
            return path
        if self.criteria is None:
            raise UsageError(f"{command} needs a criteria file")
        where = self.criteria.parent
        hint = (f"pass {OPTION[kind]} FILE" + (" or --no-assignments" if kind == "assignments"
                                                and command in ("gap", "report", "agencies")
                                                else ""))
        raise UsageError(f"{command} needs {a_kind(kind)} file: none named and no "
                         f"{kind}_<year>.yaml or {kind}.yaml beside {self.criteria.name} in "
                         f"{where}; {hint}")


class Dataset:
    """The data files of one plan; each loads on first use and raises DataError if bad."""

    def __init__(self, paths: DataPaths, parsed: dict[Path, Document] | None = None) -> None:
        self.paths = paths
        # Files parsed already (`validate FILE...` reads each named file to tell its kind):
        # each is used once, by the first Dataset that loads it.
        self._parsed = parsed if parsed is not None else {}

    def _load(self, kind: FileKind) -> Loaded:
        from parcli.load import load_model
        from parcli.models import model_of

        path = getattr(self.paths, kind)
        if path is None:
            raise UsageError(f"no {kind} file")
        document = self._parsed.pop(path, None)
        # model_of imports the kind's module now: the results models only for a results file
        return load_model(path, model_of(kind), kind, document)

    def has(self, kind: FileKind) -> bool:
        return getattr(self.paths, kind) is not None

    @cached_property
    def criteria(self) -> Loaded:
        return self._load("criteria")

    @cached_property
    def assignments(self) -> Loaded:
        return self._load("assignments")

    @cached_property
    def agencies(self) -> Loaded:
        return self._load("agencies")

    @cached_property
    def results(self) -> Loaded:
        return self._load("results")

    @cached_property
    def plan(self) -> Loaded:
        return self._load("plan")

    @property
    def plan_file(self) -> PlanFile:
        return self.plan.model  # type: ignore[no-any-return]

    @property
    def results_file(self) -> ResultsFile:
        return self.results.model  # type: ignore[no-any-return]

    @property
    def criteria_file(self) -> CriteriaFile:
        return self.criteria.model  # type: ignore[no-any-return]

    @property
    def assignments_file(self) -> AssignmentsFile:
        return self.assignments.model  # type: ignore[no-any-return]

    @property
    def agencies_file(self) -> AgencyRegistry:
        return self.agencies.model  # type: ignore[no-any-return]
