"""Where the data files are and how they are loaded: once, lazily, each as needed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parcli.engine.tree import CriteriaTree
    from parcli.load import Loaded
    from parcli.models import Assignment, AssignmentsFile, CriteriaFile
    from parcli.registry import Registry

_PACKAGE = Path(__file__).resolve().parent
# Installed wheels carry the data inside the package; a checkout keeps it at the top.
DATA_DIR = _PACKAGE / "data" if (_PACKAGE / "data").is_dir() else _PACKAGE.parent / "data"
AGENCIES_NAME = "agencies.yaml"


def latest(kind: str, folder: Path = DATA_DIR) -> Path:
    """The bundled `<kind>_<year>.yaml` of the latest year: a new year's plan needs new data,
    not new code."""
    files = sorted(folder.glob(f"{kind}_*.yaml"), key=lambda p: p.stem.rpartition("_")[2])
    return files[-1] if files else folder / f"{kind}.yaml"


@dataclass(frozen=True)
class DataPaths:
    criteria: Path = field(default_factory=lambda: latest("criteria"))
    assignments: Path | None = None
    agencies: Path | None = None

    @property
    def assignments_path(self) -> Path:
        """The file given, else the one of the same year beside the criteria file
        (criteria_2021.yaml -> assignments_2021.yaml), else the bundled latest."""
        if self.assignments is not None:
            return self.assignments
        head, sep, year = self.criteria.stem.rpartition("_")
        beside = self.criteria.parent / f"assignments_{year}.yaml"
        return beside if sep and head == "criteria" and beside.is_file() else latest("assignments")

    @property
    def agencies_path(self) -> Path:
        """The registry given, else the one beside the criteria file, else the bundled one."""
        if self.agencies is not None:
            return self.agencies
        beside = self.criteria.parent / AGENCIES_NAME
        return beside if beside.is_file() else DATA_DIR / AGENCIES_NAME


class Dataset:
    """The three data files of one plan; each loads on first use and raises DataError if bad."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths

    @cached_property
    def criteria(self) -> Loaded:
        from parcli.load import load_model
        from parcli.models import CriteriaFile

        return load_model(self.paths.criteria, CriteriaFile)

    @cached_property
    def assignments(self) -> Loaded:
        from parcli.load import load_model
        from parcli.models import AssignmentsFile

        return load_model(self.paths.assignments_path, AssignmentsFile)

    @cached_property
    def agencies(self) -> Loaded:
        from parcli.load import load_model
        from parcli.models import AgencyRegistry

        return load_model(self.paths.agencies_path, AgencyRegistry)

    @property
    def criteria_file(self) -> CriteriaFile:
        return self.criteria.model  # type: ignore[no-any-return]

    @property
    def assignments_file(self) -> AssignmentsFile:
        return self.assignments.model  # type: ignore[no-any-return]

    @cached_property
    def tree(self) -> CriteriaTree:
        """The hierarchy, built once per run and shared by the command and the rules."""
        from parcli.engine.tree import CriteriaTree

        return CriteriaTree(self.criteria_file)

    @cached_property
    def mapped(self) -> dict[str, list[Assignment]]:
        """Criterion code -> the assignments that map to it, computed once per run."""
        from parcli.engine.gap import map_assignments

        return map_assignments(self.tree, self.assignments_file.assignments)

    @cached_property
    def registry(self) -> Registry:
        from parcli.registry import Registry

        return Registry(self.agencies.model)
