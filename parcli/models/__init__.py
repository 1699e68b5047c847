"""The schema of parcli's data files: strict, year-generic pydantic models, one module per
kind of file.

- `parcli.models.common`: the strict base classes, texts, numbers, codes, agency ids, years;
- `parcli.models.criteria`: the criteria file (rows, kinds, ranges, the grand total);
- `parcli.models.assignments`: the assignments file;
- `parcli.models.agencies`: the agency registry;
- `parcli.models.body`: the plan file (the body: goals, tasks by field, duties);
- `parcli.models.results`: the results file and a table of peers (imported only when one is
  read).

Importing this package imports none of them: each is imported where it is used, and the
names below (`parcli.models.CriteriaFile`, ...) are looked up in their module on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pydantic import BaseModel

    from parcli.models.agencies import Agency, AgencyRegistry
    from parcli.models.assignments import Assignment, AssignmentsFile
    from parcli.models.body import PlanFile
    from parcli.models.criteria import CriteriaFile, Criterion
    from parcli.models.results import PeersFile, ResultsFile

__all__ = ["FILE_KINDS", "SCHEMAS", "Agency", "AgencyRegistry", "Assignment", "AssignmentsFile",
           "CriteriaFile", "Criterion", "FileKind", "PeersFile", "PlanFile", "ResultsFile",
           "model_of"]

FileKind = Literal["criteria", "assignments", "agencies", "plan", "results"]
# The order the checks read them in: the registry first, the results last.
FILE_KINDS: tuple[FileKind, ...] = ("agencies", "criteria", "assignments", "plan", "results")

# Each public model's module, imported on first use.
_HOMES = {"Agency": "agencies", "AgencyRegistry": "agencies", "Assignment": "assignments",
          "AssignmentsFile": "assignments", "CriteriaFile": "criteria",
          "Criterion": "criteria", "PeersFile": "results", "PlanFile": "body",
          "ResultsFile": "results"}
_FILE_MODELS: dict[FileKind, str] = {"criteria": "CriteriaFile",
                                     "assignments": "AssignmentsFile",
                                     "agencies": "AgencyRegistry", "plan": "PlanFile",
                                     "results": "ResultsFile"}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


def model_of(kind: FileKind) -> type[BaseModel]:
    """The model of a kind of data file; its module is imported now, not before."""
    model: type[BaseModel] = __getattr__(_FILE_MODELS[kind])  # type: ignore[assignment]
    return model


class _Schemas(Mapping[str, "type[BaseModel]"]):
    """The plan's files (criteria, assignments, agencies, plan) and their models, imported
    when looked up."""

    _KINDS: tuple[FileKind, ...] = ("criteria", "assignments", "agencies", "plan")

    def __getitem__(self, kind: str) -> type[BaseModel]:
        if kind not in self._KINDS:
            raise KeyError(kind)
        return model_of(kind)

    def __iter__(self) -> Iterator[str]:
        return iter(self._KINDS)

    def __len__(self) -> int:
        return len(self._KINDS)


SCHEMAS: Mapping[str, type[BaseModel]] = _Schemas()
