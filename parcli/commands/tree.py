"""`parcli tree`: the hierarchy with its printed numbers and the gain each row plans."""

from __future__ import annotations

from parcli.commands import ensure_structure, pick
from parcli.dataset import Dataset
from parcli.engine.tree import Node
from parcli.i18n import Lang, t
from parcli.problems import UsageError
from parcli.render import Column, Output, Table
from parcli.text import fold_diacritics


def run(dataset: Dataset, lang: Lang, code: str | None = None, depth: int | None = None,
        search: str | None = None) -> Output:
    ensure_structure(dataset)
    tree = dataset.tree
    registry = dataset.registry
    nodes = tree.nodes
    if code is not None:
        root = tree.by_code.get(code)
        if root is None:
            raise UsageError(f"no criterion with code {code}")
        nodes = [root, *root.descendants()]
    if depth is not None:  # counted from CODE when one is given, else from the fields
        deepest = depth + (nodes[0].depth - 1 if code is not None else 0)
        nodes = [node for node in nodes if node.depth <= deepest]
    if search is not None:
        wanted = fold_diacritics(search)
        if not wanted.strip():
            raise UsageError("--search needs some letters or digits")
        nodes = [node for node in nodes if wanted in fold_diacritics(node.row.name)
                 or wanted in fold_diacritics(node.row.name_en)]
    rows = [_row(node, registry.ids(node.row.lead)) for node in nodes]
    table = Table(
        [Column("code", t("code", lang)), Column("label", t("name", lang)),
         Column("max", t("max", lang), True), Column("baseline", t("baseline", lang), True),
         Column("target", t("target", lang), True), Column("gain", t("gain", lang), True),
         Column("lead", t("lead", lang))],
        [row | {"label": "  " * (node.depth - 1) + pick(node.row.name, node.row.name_en, lang)}
         for node, row in zip(nodes, rows, strict=True)],
        title=t("tree_title", lang))
    return Output([table], rows, notes=[] if rows else [t("no_rows", lang)])


def _row(node: Node, lead: list[str]) -> dict[str, object]:
    row = node.row
    gain = None if row.target is None or row.baseline is None else row.target - row.baseline
    return {"code": row.code, "parent": node.parent.code if node.parent else None,
            "name": row.name, "name_en": row.name_en, "max": row.max,
            "baseline": row.baseline, "target": row.target, "gain": gain, "lead": lead}
