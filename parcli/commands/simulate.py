"""`parcli simulate`: what the province would score if...: the latest scores (a results
file, when there is one), with criteria set to chosen values and agencies assumed to meet
their targets; totals per field and in all against baseline and target, and who is still
short of what."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from parcli.agency_text import agency_text
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import LeafProgress, Measure, Tally, by_agency, by_field, project
from parcli.engine.progress import total as total_of
from parcli.i18n import t
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import Lang
from parcli.vocabulary import Assume

SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("results",))


@dataclass(frozen=True)
class Options:
    common: Common
    set_values: tuple[tuple[str, str], ...] = ()  # (code, value as typed)
    assume_met: tuple[str, ...] = ()  # agency ids whose criteria reach their targets
    scenario: Path | None = None  # a results file whose scores are the what-if values
    assume: Assume = "baseline"

SHOWN: tuple[Measure, ...] = ("baseline", "target", "projected", "won", "to_target")


def overrides(checked: Checked, options: Options) -> dict[str, Decimal]:
    """The what-if values: --assume-met first (each agency's criteria at their targets),
    then --set, which wins. Anything that names nothing or breaks a bound is a usage error."""
    dataset = checked.dataset
    tree, registry = dataset.tree, dataset.registry
    chosen: dict[str, Decimal] = {}
    gaps = leaf_gaps(tree, registry, dataset.mapped)
    for agency in options.assume_met:
        if agency not in registry.by_id:
            near = registry.suggest(agency)
            hint = f"; did you mean {near.id}?" if near else " (see 'parcli agencies')"
            raise UsageError(f"--assume-met: no agency with id {agency!r}{hint}")
        for gap in gaps:
            if agency in gap.leads and gap.node.row.target is not None:
                chosen[gap.node.code] = gap.node.row.target
    for code, text in options.set_values:
        node = tree.by_code.get(code)
        if node is None:
            raise UsageError(f"--set {code}={text}: no criterion {code}")
        if node.children:
            raise UsageError(f"--set {code}={text}: {code} has rows below it; set those")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise UsageError(f"--set {code}={text}: {text!r} is not a number") from None
        low = getattr(node.row, "min", None)
        low = Decimal(0) if low is None else low
        high = node.row.max
        if not value.is_finite() or value < low or (high is not None and value > high):
            raise UsageError(f"--set {code}={text}: outside [{number(low)}, "
                             f"{number(high) if high is not None else '∞'}] for {code}")
        chosen[code] = value
    return chosen


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
    scores: dict[str, tuple[Decimal, str]] = (
        dict(dataset.results_file.latest()) if dataset.has("results") else {})
    leaves = project(gaps, scores, options.assume, overrides(checked, options))
    total = total_of(leaves)
    fields = by_field(leaves)
    field_rows = [{"key": g.key, "label": dataset.tree.by_code[g.key].row.text.shown(lang),
                   **_row(g)} for g in fields]
    total_row = {"key": t("total", lang), **_row(total)}
    short = [g for g in by_agency(leaves) if (g.shown("to_target") or 0) > 0]
    agency_rows = [{"key": g.key, "label": agency_text(dataset.registry, g.key).in_(lang),
                    **_row(g)} for g in short]
    columns = [Column(m, t(f"progress_{m}", lang), True) for m in SHOWN]
    tables = [
        Table([Column("key", t("field", lang)), Column("label", t("name", lang)), *columns],
              field_rows, t("simulate_fields", lang), [total_row]),
        Table([Column("key", t("agency", lang)), Column("label", t("name", lang)), *columns],
              agency_rows, t("simulate_short", lang)),
    ]
    data = {"total": _row(total), "fields": [_json(row) for row in field_rows],
            "short": [_json(row) for row in agency_rows],
            "set": {leaf.node.code: leaf.projected for leaf in leaves if leaf.basis == "set"}}
    return Output(tables, data, notes=_notes(checked, leaves, total, lang))


def _row(tally: Tally) -> dict[str, object]:
    return {m: tally.shown(m) for m in SHOWN}


def _json(row: dict[str, object]) -> dict[str, object]:
    return {"code": row["key"], **{m: row[m] for m in SHOWN}}


def _notes(checked: Checked, leaves: list[LeafProgress], total: Tally, lang: Lang) -> list[str]:
    changed = [leaf for leaf in leaves if leaf.basis == "set"]
    notes = [t("simulate_total", lang, projected=number(total.shown("projected"), lang),
               n=len(changed))]
    unknown = {m: n for m, n in total.unknown.items() if n and m != "max"}
    if unknown:
        notes.append(t("gap_unknown_note", lang, counts=", ".join(
            t("unknown_count", lang, measure=t(f"progress_{m}", lang).lower(), n=n)
            for m, n in unknown.items())))
    printed = checked.dataset.criteria_file.total
    if printed.target is not None and total.shown("projected") is not None:
        notes.append(t("progress_against_target", lang, target=number(printed.target, lang),
                       missing=number(printed.target - total.sums["projected"], lang)))
    return notes
