"""The criteria hierarchy and its rollups, computed from the leaves up in exact decimals.

Bonus and penalty rows (`kind`) add up like any other row, penalties as negative numbers,
with one exception: a bonus row's max comes on top of the max it sits under, so the max of a
row that is not a bonus row (and of the printed total) adds up without its bonus rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from parcli.models.assignments import Assignment
from parcli.models.criteria import CriteriaFile, Criterion, Method, ScoreColumn
from parcli.models.ranges import RowKind


@dataclass(eq=False)
class Node:
    row: Criterion
    index: int
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def depth(self) -> int:
        return self.code.count(".") + 1

    @property
    def field(self) -> Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    @property
    def method(self) -> Method:
        """How the row is scored: its own method, else its nearest ancestor's, else evidence."""
        for node in (self, *self.ancestors()):
            if node.row.method is not None:
                return node.row.method
        return "evidence"

    @cached_property
    def kind(self) -> RowKind:
        """normal, bonus or penalty: its own kind, else its nearest ancestor's, else normal
        (read once the tree is built)."""
        for node in (self, *self.ancestors()):
            if node.row.kind is not None:
                return node.row.kind
            if node is not self and "kind" in node.__dict__:  # an ancestor already knows
                return node.kind
        return "normal"

    def lead_owner(self) -> Node | None:
        """The row whose printed lead applies here: this one, else the nearest ancestor."""
        return next((node for node in (self, *self.ancestors()) if node.row.lead), None)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def descendants(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            yield from child.descendants()


class CriteriaTree:
    """Rows in document order, linked to their nearest existing ancestor by code."""

    def __init__(self, data: CriteriaFile) -> None:
        self.data = data
        self.nodes: list[Node] = []
        self.by_code: dict[str, Node] = {}
        self.roots: list[Node] = []
        for index, row in enumerate(data.criteria):
            node = Node(row, index)
            node.parent = self.nearest(row.code, include_self=False)
            (node.parent.children if node.parent else self.roots).append(node)
            self.nodes.append(node)
            self.by_code.setdefault(row.code, node)
        self._sums: dict[tuple[int, ScoreColumn], Decimal | None] = {}

    def nearest(self, code: str, include_self: bool = True) -> Node | None:
        """The node with this code, else with its nearest ancestor code (1.3.1 -> 1.3)."""
        if include_self and code in self.by_code:
            return self.by_code[code]
        while "." in code:
            code = code.rpartition(".")[0]
            if code in self.by_code:
                return self.by_code[code]
        return None

    def map_assignments(self, assignments: Iterable[Assignment]) -> dict[str, list[Assignment]]:
        """Criterion code -> the assignments that map to it (same code, else nearest
        ancestor)."""
        mapped: dict[str, list[Assignment]] = {}
        for item in assignments:
            node = self.nearest(item.code)
            if node is not None:
                mapped.setdefault(node.code, []).append(item)
        return mapped

    @property
    def leaves(self) -> list[Node]:
        return [node for node in self.nodes if node.is_leaf]

    def computed(self, node: Node, column: ScoreColumn) -> Decimal | None:
        """A leaf's printed value; a parent's sum of its children's computed values."""
        if node.is_leaf:
            return node.row.value(column)
        key = (node.index, column)
        if key not in self._sums:
            self._sums[key] = _sum(self.computed(child, column)
                                   for child in adding_up(node.kind, node.children, column))
        return self._sums[key]

    def children_sum(self, node: Node, column: ScoreColumn) -> Decimal | None:
        """What the printed children add up to (a child that prints nothing counts as computed)."""
        return _sum(_printed_or_computed(self, child, column)
                    for child in adding_up(node.kind, node.children, column))

    def unknown_children(self, node: Node, column: ScoreColumn) -> list[str]:
        """The children whose value in `column` is unknown, printed nor computable."""
        return [child.code for child in adding_up(node.kind, node.children, column)
                if _printed_or_computed(self, child, column) is None]

    def unknown_fields(self, column: ScoreColumn) -> list[str]:
        return [root.code for root in adding_up("normal", self.roots, column)
                if _printed_or_computed(self, root, column) is None]

    def fields_sum(self, column: ScoreColumn) -> Decimal | None:
        return _sum(_printed_or_computed(self, root, column)
                    for root in adding_up("normal", self.roots, column))

    def total(self, column: ScoreColumn) -> Decimal | None:
        """The grand total computed from the leaves (its max without the bonus rows)."""
        return _sum(self.computed(root, column)
                    for root in adding_up("normal", self.roots, column))


def adding_up(kind: RowKind, rows: list[Node], column: ScoreColumn) -> list[Node]:
    """The rows that add up to a `kind` row's (or the total's) value in `column`: all of them,
    but for the max of a row that is not a bonus row, whose bonus rows come on top of it."""
    if column != "max" or kind == "bonus":
        return rows
    return [row for row in rows if row.kind != "bonus"]


def _printed_or_computed(tree: CriteriaTree, node: Node, column: ScoreColumn) -> Decimal | None:
    printed = node.row.value(column)
    return printed if printed is not None else tree.computed(node, column)


def _sum(values: Iterator[Decimal | None] | list[Decimal | None]) -> Decimal | None:
    total = Decimal(0)
    for value in values:
        if value is None:
            return None
        total += value
    return total


def uncovered_leaves(tree: CriteriaTree, mapped: dict[str, list[Assignment]]) -> list[Node]:
    """Leaves no assignment task covers (a group heading alone assigns nothing)."""
    return [node for node in tree.leaves
            if not any(not item.is_heading for item in mapped.get(node.code, []))]
