"""Load and check: the one way every command gets its data.

Every command reads its files through `open_data`, which runs the same checks as
`parcli validate`; an error stops the command (exit 1, the same `file:line:col` lines), so no
number is ever printed from data that would fail validation. Nothing is kept between runs:
every run reads and checks its files afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from parcli.engine.checksum import DEFAULT_TOLERANCE
from parcli.engine.plan import Plan
from parcli.files.config import Config
from parcli.files.dataset import DataPaths, Source, beside, usable
from parcli.files.naming import file_name, year_of
from parcli.problems import DataError, Problem, UsageError
from parcli.text import Lang
from parcli.vocabulary import FileKind


@dataclass(frozen=True)
class DataRequest:
    """The data options of a command line, as given."""

    criteria: Path | None = None
    assignments: Path | None = None
    agencies: Path | None = None
    config: Path | None = None
    no_assignments: bool = False
    tolerance: Decimal = DEFAULT_TOLERANCE
    results: Path | None = None
    plan: Path | None = None


@dataclass
class Checked:
    """Data that passed the checks: the files, and the warnings found on the way."""

    dataset: Plan
    problems: list[Problem]
    config: Config = field(default_factory=Config)
    tolerance: Decimal = DEFAULT_TOLERANCE
    sources: list[Source] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


def configuration(request: DataRequest, paths: DataPaths | None) -> Config:
    return load_configuration(configuration_file(request, paths))


def configuration_file(request: DataRequest, paths: DataPaths | None) -> Path | None:
    """The configuration file a run reads, if any: `--config`, else the nearest one above
    the first data file (none for the bundled plan). Found without the rule catalogue."""
    from parcli.files import config

    if request.config is not None:
        if not request.config.is_file():
            raise UsageError(f"--config: {request.config}: no such file")
        return request.config
    anchor = next((source.path for source in paths.sources()), None) if paths else None
    if paths is None or paths.bundled or anchor is None:
        return None
    return config.find(anchor.parent)


def load_configuration(found: Path | None) -> Config:
    """The settings of a configuration file (checked against the rule catalogue), or the
    defaults."""
    if found is None:
        return Config()
    from parcli.files import config
    from parcli.rules import catalogue

    return config.load(found, {rule.id: not rule.fixed for rule in catalogue()})


def collect(dataset: Plan, tolerance: Decimal, lang: Lang, settings: Config) -> list[Problem]:
    """Every problem in the files present: reading each file, then every rule that can run."""
    from parcli.rules import KINDS, Context, run

    problems: list[Problem] = []
    available: set[FileKind] = set()
    for kind in KINDS:
        if not dataset.has(kind):
            continue
        try:
            getattr(dataset, kind)
        except DataError as exc:
            problems += exc.problems
        else:
            available.add(kind)
    problems += run(Context(dataset, tolerance, frozenset(available)), lang, settings)
    return problems


def open_data(request: DataRequest, command: str, needs: tuple[FileKind, ...],
              optional: tuple[FileKind, ...] = (), lang: Lang = "en",
              tolerated: frozenset[str] | None = frozenset()) -> Checked:
    """The files a command needs (and those it uses when present), loaded and checked;
    DataError when any check fails, except the rules in `tolerated`, whose errors the
    command shows itself (`check` shows the check sums); None: no rule stops it."""
    paths = DataPaths.resolve(request.criteria, request.assignments, request.agencies,
                              request.no_assignments, request.results, request.plan)
    for kind in needs:
        if not (kind == "assignments" and request.no_assignments):
            paths.require(kind, command)
    paths = paths.only((*needs, *optional))
    found = configuration_file(request, paths)
    dataset, problems, settings = _checked(paths, found, request, lang)
    errors = [p for p in problems if p.level == "error"
              and tolerated is not None and p.rule not in tolerated]
    if errors:
        raise DataError(errors, [p for p in problems if p.level == "warning"],
                        paths.sources())
    return Checked(dataset, problems, settings, request.tolerance, paths.sources())


def _checked(paths: DataPaths, found: Path | None, request: DataRequest,
             lang: Lang) -> tuple[Plan, list[Problem], Config]:
    """The files loaded and every problem found in them (errors too: the caller decides
    which stop the command)."""
    settings = load_configuration(found)
    dataset = Plan(paths)
    return dataset, collect(dataset, request.tolerance, lang, settings), settings


def open_files(files: list[Path], request: DataRequest, lang: Lang = "en") -> Checked:
    """`validate FILE...`, as pre-commit calls it with the changed files: each file's kind
    told from its top-level keys, the files paired by folder with the files beside them
    (every plan in the folder of a changed registry). Nothing stops: all problems are kept."""
    from parcli.load import SIGNATURES, Document, load_document
    from parcli.rules import KINDS

    if request.criteria or request.assignments or request.agencies or request.plan:
        raise UsageError("name data files either as arguments or with --criteria, "
                         "--assignments, --agencies and --plan, not both")
    problems: list[Problem] = []
    groups: dict[Group, None] = {}
    parsed: dict[Path, Document] = {}
    for path in files:
        usable("FILE", path)
        try:
            document = load_document(path)
        except DataError as exc:
            problems += exc.problems
            continue
        parsed[path] = document
        kinds: list[FileKind] = [kind for kind in KINDS if SIGNATURES[kind]
                             if isinstance(document.data, dict)
                             and SIGNATURES[kind] in document.data]
        if len(kinds) != 1:
            problems.append(document.problem("schema", "cannot tell which kind of parcli data "
                                             "file this is (expected one top-level key of "
                                             "criteria, assignments, agencies, goals, "
                                             "results)"))
            continue
        for group in _groups_of(path, kinds[0]):
            groups[group] = None
    settings: Config | None = None
    sources: dict[Path, Source] = {}
    for criteria, assignments, agencies, plan, results in groups:
        paths = DataPaths(criteria, assignments, agencies, results=results, plan=plan)
        settings = configuration(request, paths)
        problems += collect(Plan(paths, parsed), request.tolerance, lang, settings)
        sources.update((source.path, source) for source in paths.sources())
    unique = list(dict.fromkeys(problems))
    empty = Plan(DataPaths(None, None, None))
    return Checked(empty, unique, settings or Config(), request.tolerance,
                   list(sources.values()))


Group = tuple[Path | None, Path | None, Path | None, Path | None, Path | None]  # criteria,
# assignments, agencies, plan, results


def _groups_of(path: Path, kind: FileKind) -> list[Group]:
    """The files a named file is validated with: those beside it, paired by year."""
    folder = path.parent
    if kind == "criteria":
        return [_group(path)]
    plain = folder / file_name("criteria")
    plans = sorted(folder.glob(file_name("criteria", "*"))) + ([plain] if plain.is_file() else [])
    if kind in ("assignments", "plan", "results"):
        year = year_of(path, kind)
        named = folder / file_name("criteria", year) if year is not None else None
        criteria = named if named is not None and named.is_file() else (
            plain if plain.is_file() else None)
        if criteria is None:
            return [(None, path if kind == "assignments" else None, beside(path, "agencies"),
                     path if kind == "plan" else None, path if kind == "results" else None)]
        return [_group(criteria, {kind: path})]
    if not plans:
        return [(None, None, path, None, None)]
    return [_group(plan, {"agencies": path}) for plan in plans]


def _group(criteria: Path, named: dict[str, Path] | None = None) -> Group:
    """A criteria file with the files beside it (those in `named` instead of theirs)."""
    named = named or {}
    return (criteria, named.get("assignments") or beside(criteria, "assignments"),
            named.get("agencies") or beside(criteria, "agencies"),
            named.get("plan") or beside(criteria, "plan"),
            named.get("results") or beside(criteria, "results", plain=False))
