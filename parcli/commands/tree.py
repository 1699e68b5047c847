"""`parcli tree`: the hierarchy with its printed numbers and the gain each row plans."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.tree import Node
from parcli.i18n import score_label, t
from parcli.models.assignments import Assignment
from parcli.numbers import minus
from parcli.output import CONTEXT, CONTEXT_MARK, Column, Output, Table, Untranslated
from parcli.problems import UsageError
from parcli.text import Lang, Text, fold_diacritics

# the registry names leads; assignments lead leaves
SPEC = Spec(needs=("criteria",), optional=("agencies", "assignments"))


@dataclass(frozen=True)
class Options:
    common: Common
    code: str | None = None
    depth: int | None = None
    search: str | None = None
    verbose: bool = False  # also the scoring bands each row prints


# The word after a lead that is not the row's own (own leads are not marked).
REMARKS = ("inherited", "assignments")
# The word after a row's name saying how it is scored, when it is not a normal appraised row.
ROW_NOTES = ("bonus", "penalty", "survey")
CONTEXT_NOTE = Text(f"{CONTEXT_MARK} marks a row shown only because a match lies below it.",
                    f"{CONTEXT_MARK} đánh dấu dòng cấp trên của kết quả tìm kiếm, hiển thị để "
                    "dễ theo dõi.")


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    tree = dataset.tree
    nodes = tree.nodes
    if options.code is not None:
        root = tree.by_code.get(options.code)
        if root is None:
            raise UsageError(t("err_no_criterion_code", lang, code=options.code))
        nodes = [root, *root.descendants()]
    if options.depth is not None:  # counted from CODE when one is given, else from the fields
        deepest = options.depth + (nodes[0].depth - 1 if options.code is not None else 0)
        nodes = [node for node in nodes if node.depth <= deepest]
    matches = nodes
    if options.search is not None:
        wanted = fold_diacritics(options.search)
        if not wanted.strip():
            raise UsageError(t("err_search", lang))
        matches = [node for node in nodes if wanted in fold_diacritics(node.row.name)
                   or wanted in fold_diacritics(node.row.name_en or "")]
    # A match is shown under its ancestors (those within CODE), marked as context.
    found = {id(node) for node in matches}
    shown = {id(ancestor) for node in matches for ancestor in node.ancestors()} | found
    nodes = [node for node in nodes if id(node) in shown]
    ids: Callable[[list[str]], list[str]] = (dataset.registry.ids if dataset.has("agencies")
                                             else list)
    leads = [_lead(node, ids, dataset.mapped) for node in nodes]
    rows = [_row(node, *lead) for node, lead in zip(nodes, leads, strict=True)]
    names = ({agency: agency_text(dataset.registry, agency).shown(lang)
              for agencies, _ in leads for agency in agencies}
             if dataset.has("agencies") else None)
    data = dataset.criteria_file
    years = {"baseline": data.baseline_year, "target": data.target_year}
    table = Table(
        [Column("code", t("code", lang)),
         Column("label", t("tree_name", lang), remark="row_note",
                remarks={note: t(f"row_{note}", lang) for note in ROW_NOTES}),
         Column("max", t("max", lang), True),
         Column("baseline", score_label("baseline", years).in_(lang), True),
         Column("target", score_label("target", years).in_(lang), True),
         Column("gain", t("gain", lang), True),
         Column("lead", t("lead", lang), values=names, remark="lead_source",
                remarks={source: t(source, lang) for source in REMARKS}),
         Column("lead_source", t("lead_source", lang), human=False),
         *([Column("scoring_text", t("scoring", lang))] if options.verbose else [])],
        [row | {"label": _label(node, lang), CONTEXT: id(node) not in found,
                "scoring_text": " / ".join(node.row.scoring), "row_note": _note(node)}
         for node, row in zip(nodes, rows, strict=True)],
        title=t("tree_title", lang))
    notes = [] if matches else [t("no_rows", lang)]
    if len(nodes) > len(matches):
        notes.append(CONTEXT_NOTE.in_(lang))
    return Output([table], [row for node, row in zip(nodes, rows, strict=True)
                            if id(node) in found], notes=notes)


def _note(node: Node) -> str | None:
    """How the row is scored, when that is not the usual appraisal of a normal row."""
    if node.kind in ("bonus", "penalty"):
        return node.kind
    return "survey" if node.method == "survey" else None


def _label(node: Node, lang: Lang) -> str:
    """The name, indented by depth; still `Untranslated` when it is one."""
    name = node.row.text.shown(lang)
    label = "  " * (node.depth - 1) + name
    return Untranslated(label) if isinstance(name, Untranslated) else label


def _lead(node: Node, ids: Callable[[list[str]], list[str]],
          mapped: dict[str, list[Assignment]]) -> tuple[list[str], str]:
    """The row's leads and where they come from, as `gap` finds them: its own, else its
    nearest ancestor's (inherited), else, for a leaf, its assignments' leads; else none.
    A survey-scored leaf's leads are marked so (as `gap` puts its points in the
    survey-scored bucket: no department's evidence wins them), but still shown."""
    owner = node.lead_owner()
    found: list[str] = []
    if owner is not None:
        found, source = ids(owner.row.lead), "own" if owner is node else "inherited"
    elif node.is_leaf:
        for item in mapped.get(node.code, []):
            found += [agency for agency in ids(item.lead) if agency not in found]
        source = "assignments" if found else "none"
    else:
        source = "none"
    return found, "survey" if node.is_leaf and node.method == "survey" else source


def _row(node: Node, lead: list[str], source: str) -> dict[str, object]:
    row = node.row
    return {"code": row.code, "parent": node.parent.code if node.parent else None,
            "name": row.name, "name_en": row.name_en, "max": row.max,
            "baseline": row.baseline, "target": row.target,
            "gain": minus(row.target, row.baseline), "lead": lead, "lead_source": source,
            "method": node.method, "kind": node.kind, "min": row.min, "scoring": row.scoring}
