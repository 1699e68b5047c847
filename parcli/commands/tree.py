"""`parcli tree`: the hierarchy with its printed numbers and the gain each row plans."""

from __future__ import annotations

from parcli.engine.tree import Node
from parcli.i18n import t
from parcli.numbers import minus
from parcli.options import TreeOptions
from parcli.problems import UsageError
from parcli.render import Column, Output, Table
from parcli.service import Checked
from parcli.text import fold_diacritics

NEEDS = ("criteria",)
OPTIONAL = ("agencies",)
TOLERATED: frozenset[str] = frozenset()


def run(checked: Checked, options: TreeOptions) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    tree = dataset.tree
    nodes = tree.nodes
    if options.code is not None:
        root = tree.by_code.get(options.code)
        if root is None:
            raise UsageError(f"no criterion with code {options.code}")
        nodes = [root, *root.descendants()]
    if options.depth is not None:  # counted from CODE when one is given, else from the fields
        deepest = options.depth + (nodes[0].depth - 1 if options.code is not None else 0)
        nodes = [node for node in nodes if node.depth <= deepest]
    if options.search is not None:
        wanted = fold_diacritics(options.search)
        if not wanted.strip():
            raise UsageError("--search needs some letters or digits")
        nodes = [node for node in nodes if wanted in fold_diacritics(node.row.name)
                 or wanted in fold_diacritics(node.row.name_en or "")]
    ids = dataset.registry.ids if dataset.has("agencies") else list
    rows = [_row(node, ids(node.row.lead)) for node in nodes]
    table = Table(
        [Column("code", t("code", lang)), Column("label", t("name", lang)),
         Column("max", t("max", lang), True), Column("baseline", t("baseline", lang), True),
         Column("target", t("target", lang), True), Column("gain", t("gain", lang), True),
         Column("lead", t("lead", lang))],
        [row | {"label": "  " * (node.depth - 1) + node.row.text.in_(lang)}
         for node, row in zip(nodes, rows, strict=True)],
        title=t("tree_title", lang))
    return Output([table], rows, notes=[] if rows else [t("no_rows", lang)])


def _row(node: Node, lead: list[str]) -> dict[str, object]:
    row = node.row
    return {"code": row.code, "parent": node.parent.code if node.parent else None,
            "name": row.name, "name_en": row.name_en, "max": row.max,
            "baseline": row.baseline, "target": row.target,
            "gain": minus(row.target, row.baseline), "lead": lead}
