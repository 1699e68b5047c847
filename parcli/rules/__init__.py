"""Validation rules. Each module holds one rule (or one family) with its id and level.

A rule module defines `RULES` (the ids it may report, with level and description),
`NEEDS` (the data files it reads) and `check(context)`, which yields Problems.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from parcli.i18n import Lang, t
from parcli.problems import Level, Problem

if TYPE_CHECKING:
    from parcli.dataset import Dataset
    from parcli.engine.tree import CriteriaTree
    from parcli.load import Loaded
    from parcli.models import Assignment
    from parcli.registry import Registry

Need = Literal["criteria", "assignments", "agencies"]
Message = tuple[str, str]  # English, Vietnamese: str.format templates

# Document order of the report: errors about structure first, then cross-file rules.
MODULES = (
    "duplicate_code", "orphan_code", "unknown_agency", "unknown_criterion", "checksum",
    "stale_acknowledgement", "no_lead", "uncovered_criterion", "missing_fields", "lead_mismatch",
    "unparsed_deadline", "title_mismatch",
)
# Rules without which the criteria hierarchy cannot be computed at all.
STRUCTURAL = ("duplicate_code", "orphan_code")


@dataclass(frozen=True)
class RuleInfo:
    id: str
    level: Level
    description: str
    description_vi: str


class Context:
    """What rules read: the loaded files and what is derived from them, each computed once."""

    def __init__(self, dataset: Dataset, tolerance: Decimal,
                 available: frozenset[str] = frozenset({"criteria", "assignments", "agencies"}),
                 lang: Lang = "en") -> None:
        self.dataset = dataset
        self.tolerance = tolerance
        self.available = available
        self.lang = lang

    def say(self, message: Message, **values: object) -> str:
        """A rule's message in the chosen language; each rule keeps its (en, vi) pair."""
        return message[1 if self.lang == "vi" else 0].format(**values)

    def column(self, column: str) -> str:
        """A column as messages name it: its id in English, its label in Vietnamese."""
        return t(column, "vi").lower() if self.lang == "vi" else column

    def has(self, need: str) -> bool:
        """Whether a data file loaded (rules skip what depends on a file that did not)."""
        return need in self.available

    @property
    def criteria(self) -> Loaded:
        return self.dataset.criteria

    @property
    def assignments(self) -> Loaded:
        return self.dataset.assignments

    @property
    def registry(self) -> Registry:
        return self.dataset.registry

    @property
    def tree(self) -> CriteriaTree:
        return self.dataset.tree

    @property
    def mapped(self) -> dict[str, list[Assignment]]:
        return self.dataset.mapped

    def criterion_problem(self, rule: str, level: Level, index: int, message: str,
                          key: str = "code") -> Problem:
        code = self.dataset.criteria_file.criteria[index].code
        return self.criteria.document.problem(rule, message, ("criteria", index, key), level, code)

    def assignment_problem(self, rule: str, level: Level, index: int, message: str,
                           key: str = "code") -> Problem:
        code = self.dataset.assignments_file.assignments[index].code
        return self.assignments.document.problem(rule, message, ("assignments", index, key),
                                                 level, code)


def run(context: Context, modules: tuple[str, ...] = MODULES) -> Iterator[Problem]:
    for name in modules:
        module = importlib.import_module(f"parcli.rules.{name}")
        if all(context.has(need) for need in module.NEEDS):
            yield from module.check(context)


def catalogue() -> list[RuleInfo]:
    infos: list[RuleInfo] = []
    for name in MODULES:
        infos += importlib.import_module(f"parcli.rules.{name}").RULES
    return infos
