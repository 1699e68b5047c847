"""A plan: its data files (`Dataset`) and the views the engine derives from them once per run
(the hierarchy, the assignments by criterion, the agency registry), shared by the command and
the rules."""

from __future__ import annotations

from functools import cached_property

from parcli.engine.agencies import Registry
from parcli.engine.tree import CriteriaTree
from parcli.files.dataset import Dataset
from parcli.models.assignments import Assignment


class Plan(Dataset):
    @cached_property
    def tree(self) -> CriteriaTree:
        """The hierarchy, built once per run and shared by the command and the rules."""
        return CriteriaTree(self.criteria_file)

    @cached_property
    def mapped(self) -> dict[str, list[Assignment]]:
        """Criterion code -> the assignments that map to it; none without an assignments
        file."""
        if not self.has("assignments"):
            return {}
        return self.tree.map_assignments(self.assignments_file.assignments)

    @cached_property
    def registry(self) -> Registry:
        return Registry(self.agencies_file)

    def tasks(self) -> list[Assignment]:
        """The assignments that ask something of someone (not group headings)."""
        if not self.has("assignments"):
            return []
        return [item for item in self.assignments_file.assignments if not item.is_heading]
