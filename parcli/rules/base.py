"""What a rule is and what it reads: the `Rule` entry of the catalogue, the `Found` a check
yields, the `Context` of loaded files it checks. Rule modules import these from here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from parcli.engine.checksum import DEFAULT_TOLERANCE
from parcli.problems import Level
from parcli.text import Text
from parcli.vocabulary import FileKind

if TYPE_CHECKING:
    from parcli.engine.agencies import Registry
    from parcli.engine.plan import Plan
    from parcli.engine.requirements import Threshold
    from parcli.engine.tree import CriteriaTree
    from parcli.load import Loaded
    from parcli.models.assignments import Assignment

# The order rules read the files in: the registry first, then the plan, then the year.
KINDS: tuple[FileKind, ...] = ("agencies", "criteria", "assignments", "plan", "results")



@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue."""

    id: str
    level: Level
    description: Text
    doc: str
    needs: tuple[FileKind, ...] = ()
    check: Callable[[Context], Iterator[Found]] | None = None
    fixed: bool = False  # a file that cannot be read or computed: not configurable


@dataclass(frozen=True)
class Found:
    """What a rule yields: the place (a key path in one file) and the message."""

    file: FileKind
    loc: tuple[str | int, ...]
    message: Text
    code: str | None = None


class Context:
    """What rules read: the loaded files and what is derived from them, each computed once."""

    def __init__(self, dataset: Plan, tolerance: Decimal = DEFAULT_TOLERANCE,
                 available: frozenset[FileKind] = frozenset(KINDS)) -> None:
        self.dataset = dataset
        self.tolerance = tolerance
        self.available = available

    def has(self, need: FileKind) -> bool:
        """Whether a data file loaded (rules skip what depends on a file that did not)."""
        return need in self.available

    def loaded(self, kind: FileKind) -> Loaded:
        return getattr(self.dataset, kind)  # type: ignore[no-any-return]

    @property
    def registry(self) -> Registry:
        return self.dataset.registry

    @property
    def tree(self) -> CriteriaTree:
        return self.dataset.tree

    @property
    def mapped(self) -> dict[str, list[Assignment]]:
        return self.dataset.mapped

    def criterion(self, index: int, message: Text, key: str = "code") -> Found:
        code = self.dataset.criteria_file.criteria[index].code
        return Found("criteria", ("criteria", index, key), message, code)

    def assignment(self, index: int, message: Text, key: str = "code") -> Found:
        code = self.dataset.assignments_file.assignments[index].code
        return Found("assignments", ("assignments", index, key), message, code)


def column_name(column: str, context: Context | None = None) -> Text:
    """A column as messages name it: its key in English, its label in Vietnamese (with the
    year, "điểm năm 2019", where the criteria file gives it)."""
    from parcli.i18n import score_label

    years: dict[str, int | None] = {}
    if context is not None and context.has("criteria"):
        data = context.dataset.criteria_file
        years = {"baseline": data.baseline_year, "target": data.target_year}
    return Text(column, score_label(column, years).vi.lower())


_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


def threshold_text(threshold: Threshold) -> Text:
    """A threshold as messages and reports show it: "≥ 90%", "≥ 3 sáng kiến"."""
    from parcli.numbers import number_text

    value = number_text(threshold.value)
    unit = threshold.unit if threshold.unit == "%" else f" {threshold.unit}"
    symbol = _SYMBOLS[threshold.comparison]
    return Text(f"{symbol} {value.en}{unit}", f"{symbol} {value.vi}{unit}")
