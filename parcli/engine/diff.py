"""Two revisions of a plan, compared: the rows added, removed, renamed or moved, every number
that changed, and what that does to the totals (printed and computed), to each field and to
each agency's points needed; and the findings that appeared or went away.

Rows are matched by code. A code only one side has is matched by name to a code only the
other side has: the same name under another code is a row that moved (renumbered); the same
code under another parent is a move too (a row inserted above it). The same code with another
name is a rename. Typed results, exact decimals, no words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from parcli.engine.checksum import check_sums
from parcli.engine.gap import LeafGap, by_agency, by_field, province
from parcli.engine.tree import CriteriaTree, Node
from parcli.models.criteria import SCORE_COLUMNS, Criterion
from parcli.numbers import minus
from parcli.problems import Problem

RowChangeKind = Literal["added", "removed", "renamed", "moved"]
ROW_CHANGES: tuple[RowChangeKind, ...] = ("added", "removed", "renamed", "moved")
NumberColumn = Literal["max", "baseline", "target", "min"]
NUMBER_COLUMNS: tuple[NumberColumn, ...] = (*SCORE_COLUMNS, "min")
# A total's or a field's figures: each score column as printed and as added up from its
# rows, and the points needed (gain), printed (target − baseline) and summed over the leaves.
Figure = Literal["max_printed", "max_computed", "baseline_printed", "baseline_computed",
                 "target_printed", "target_computed", "gain_printed", "gain_computed"]
FIGURES: tuple[Figure, ...] = ("max_printed", "max_computed", "baseline_printed",
                               "baseline_computed", "target_printed", "target_computed",
                               "gain_printed", "gain_computed")
FindingChange = Literal["appeared", "gone"]
TOTAL = "total"  # the code of the printed grand-total row among the changed numbers


@dataclass(frozen=True)
class Change:
    """One figure in both plans; unknown (None) where a plan does not give it."""

    old: Decimal | None
    new: Decimal | None

    @property
    def change(self) -> Decimal | None:
        """new − old; unknown when either is."""
        return minus(self.new, self.old)

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class RowChange:
    """A row added (only `new`), removed (only `old`), renamed or moved (both). `parent` and
    `old_parent` are the codes of the rows above it (None: a field)."""

    kind: RowChangeKind
    old: Criterion | None
    new: Criterion | None
    old_parent: str | None = None
    parent: str | None = None

    @property
    def code(self) -> str:
        row = self.new if self.new is not None else self.old
        assert row is not None
        return row.code

    @property
    def old_code(self) -> str | None:
        return self.old.code if self.old is not None else None


@dataclass(frozen=True)
class NumberChange:
    """A number of a row both plans have (`code` is the row's code in the new plan, `old_code`
    in the old one) or of the printed grand total (`TOTAL`)."""

    code: str
    old_code: str
    column: NumberColumn
    values: Change


@dataclass(frozen=True)
class GroupChange:
    """A field's (its code) or an agency's (its id) figures in both plans; `old` or `new` is
    False when that plan does not have it."""

    key: str
    figures: dict[Figure, Change]
    old: bool = True
    new: bool = True

    def changed(self) -> list[Figure]:
        return [figure for figure, values in self.figures.items() if values.changed]


@dataclass(frozen=True)
class PlanDiff:
    rows: list[RowChange]
    numbers: list[NumberChange]
    totals: dict[Figure, Change]
    fields: list[GroupChange]  # every field of either plan, in the new plan's order
    agencies: list[GroupChange]  # every agency of either plan: points needed ("gain_computed")

    @property
    def unchanged(self) -> bool:
        return not self.rows and not self.numbers


@dataclass(frozen=True)
class FindingsDiff:
    appeared: list[Problem]  # in the new plan only (its positions)
    gone: list[Problem]  # in the old plan only (its positions)

    @property
    def new_errors(self) -> list[Problem]:
        return [problem for problem in self.appeared if problem.level == "error"]


class AsPrinted:
    """Agencies as the criteria file prints them, when a plan has no registry to resolve them
    with: each spelling is its own agency."""

    def ids(self, texts: list[str]) -> list[str]:
        return list(dict.fromkeys(texts))

    def current(self, agency_id: str, year: int) -> str:
        return agency_id


def compare(old: CriteriaTree, new: CriteriaTree, old_gaps: list[LeafGap],
            new_gaps: list[LeafGap]) -> PlanDiff:
    """What changed from `old` to `new`; `*_gaps` are each plan's leaf gaps (`leaf_gaps`), from
    which the agencies' and the fields' points needed are added up as `gap` adds them."""
    pairs, rows = _match(old, new)
    numbers = [NumberChange(TOTAL, TOTAL, column, values) for column in SCORE_COLUMNS
               if (values := Change(old.data.total.value(column),
                                    new.data.total.value(column))).changed]
    for before, after in pairs:
        numbers += [NumberChange(after.code, before.code, column, values)
                    for column in NUMBER_COLUMNS
                    if (values := Change(_number(before.row, column),
                                         _number(after.row, column))).changed]
    return PlanDiff(rows, numbers, _totals(old, new, old_gaps, new_gaps),
                    _fields(old, new, old_gaps, new_gaps), _agencies(old_gaps, new_gaps))


def compare_findings(old: Iterable[Problem], new: Iterable[Problem],
                     old_file: Callable[[str], str], new_file: Callable[[str], str],
                     ) -> FindingsDiff:
    """The problems of `new` that `old` did not have, and those of `old` gone from `new`. A
    problem is the same when its rule, level, code, message and file are: not its line,
    which moves whenever a row is added above it. `*_file` name a problem's file the same way
    in both plans (its kind, say), whatever folder or revision each plan was read from."""
    def key(problem: Problem, file: Callable[[str], str]) -> tuple[object, ...]:
        return problem.rule, problem.level, problem.code, problem.message, file(problem.file)

    old, new = list(old), list(new)
    before = Counter(key(problem, old_file) for problem in old)
    after = Counter(key(problem, new_file) for problem in new)
    return FindingsDiff(_beyond(new, new_file, before, key), _beyond(old, old_file, after, key))


def _beyond(problems: list[Problem], file: Callable[[str], str], other: Counter[tuple[object, ...]],
            key: Callable[[Problem, Callable[[str], str]], tuple[object, ...]]) -> list[Problem]:
    """The problems more times here than in `other` (the later ones of a repeated key)."""
    left = Counter(other)
    found = []
    for problem in problems:
        found_key = key(problem, file)
        if left[found_key] > 0:
            left[found_key] -= 1
        else:
            found.append(problem)
    return found


def _number(row: Criterion, column: NumberColumn) -> Decimal | None:
    return row.min if column == "min" else row.value(column)


def _parent(node: Node) -> str | None:
    return node.parent.code if node.parent is not None else None


def _match(old: CriteriaTree, new: CriteriaTree) -> tuple[list[tuple[Node, Node]],
                                                          list[RowChange]]:
    """The rows both plans have (old, new), and the row changes in the new plan's order (the
    removed rows after, in the old plan's order)."""
    only_old = [node for node in old.nodes if node.code not in new.by_code
                and old.by_code[node.code] is node]
    by_name: dict[str, list[Node]] = {}
    for node in only_old:
        by_name.setdefault(node.row.name, []).append(node)
    pairs: list[tuple[Node, Node]] = []
    changes: list[RowChange] = []
    moved: set[int] = set()
    for node in new.nodes:
        if new.by_code[node.code] is not node:
            continue  # a duplicate code: `validate` reports it; the first one counts
        before = old.by_code.get(node.code)
        if before is None:
            same_name = by_name.get(node.row.name)
            if same_name:
                before = same_name.pop(0)
                moved.add(before.index)
                changes.append(RowChange("moved", before.row, node.row, _parent(before),
                                         _parent(node)))
            else:
                changes.append(RowChange("added", None, node.row, None, _parent(node)))
                continue
        else:
            if before.row.text != node.row.text:
                changes.append(RowChange("renamed", before.row, node.row, _parent(before),
                                         _parent(node)))
            if _parent(before) != _parent(node):
                changes.append(RowChange("moved", before.row, node.row, _parent(before),
                                         _parent(node)))
        pairs.append((before, node))
    changes += [RowChange("removed", node.row, None, _parent(node), None)
                for node in only_old if node.index not in moved]
    return pairs, changes


def _totals(old: CriteriaTree, new: CriteriaTree, old_gaps: list[LeafGap],
            new_gaps: list[LeafGap]) -> dict[Figure, Change]:
    """The grand total's figures: as printed, as `check` adds them up from the leaves, and the
    points needed (printed target − printed baseline; the leaves' gain, as `gap` sums it)."""
    sides = [check_sums(tree).totals for tree in (old, new)]
    figures: dict[Figure, Change] = {}
    for before, after in zip(*sides, strict=True):
        figures[_figure(before.column, "printed")] = Change(before.printed, after.printed)
        figures[_figure(before.column, "computed")] = Change(before.computed, after.computed)
    figures["gain_printed"] = Change(*(minus(tree.data.total.target, tree.data.total.baseline)
                                       for tree in (old, new)))
    figures["gain_computed"] = Change(*(province(gaps).shown("gain")
                                        for gaps in (old_gaps, new_gaps)))
    return figures


def _figure(column: str, how: str) -> Figure:
    found = f"{column}_{how}"
    assert found in FIGURES
    return found


def _fields(old: CriteriaTree, new: CriteriaTree, old_gaps: list[LeafGap],
            new_gaps: list[LeafGap]) -> list[GroupChange]:
    """Each field's printed row, what its rows add up to, and its leaves' points needed."""
    roots = [*new.roots, *(root for root in old.roots if root.code not in
                           {node.code for node in new.roots})]
    gains = [{group.key: group.shown("gain") for group in by_field(gaps)}
             for gaps in (old_gaps, new_gaps)]
    found = []
    for root in roots:
        code = root.code
        sides = [next((node for node in tree.roots if node.code == code), None)
                 for tree in (old, new)]
        figures: dict[Figure, Change] = {}
        for column in SCORE_COLUMNS:
            figures[_figure(column, "printed")] = Change(*(
                node.row.value(column) if node is not None else None for node in sides))
            figures[_figure(column, "computed")] = Change(*(
                tree.computed(node, column) if node is not None else None
                for tree, node in zip((old, new), sides, strict=True)))
        figures["gain_printed"] = Change(*(
            minus(node.row.target, node.row.baseline) if node is not None else None
            for node in sides))
        figures["gain_computed"] = Change(*(gain.get(code) for gain in gains))
        found.append(GroupChange(code, figures, sides[0] is not None, sides[1] is not None))
    return found


def _agencies(old_gaps: list[LeafGap], new_gaps: list[LeafGap]) -> list[GroupChange]:
    """Each agency's points needed, split between the leads of a shared criterion as `gap
    --by-agency` splits them; the new plan's agencies first, in its order."""
    sides = [{group.key: group.shown("gain") for group in by_agency(gaps)}
             for gaps in (old_gaps, new_gaps)]
    keys = dict.fromkeys([*sides[1], *sides[0]])
    return [GroupChange(key, {"gain_computed": Change(sides[0].get(key), sides[1].get(key))},
                        key in sides[0], key in sides[1]) for key in keys]
