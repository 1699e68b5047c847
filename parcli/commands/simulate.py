"""`parcli simulate`: what the province would score if...: the latest scores (a results
file, when there is one), with criteria set to chosen values and agencies assumed to meet
their targets; totals per field and in all against baseline and target, and who is still
short of what.

An agency assumed to meet its targets (`--assume-met`) takes each criterion it leads at the
larger of its current projection and its target: a score already above the target stays.
Against the target a row either still needs points or exceeds it, never a negative need:
JSON `to_target` is 0 or more (null when unknown) and `above_target` what the row exceeds
its target by (0 or more, null when unknown); a field or the total nets its criteria. A sum
that leaves criteria without a projection out says so ("at least", `unknown` in JSON, the
total's `bounds` {low, high}: those criteria at their lowest score and at their max).
Without an assignments file (`--no-assignments`) leads come from the criteria file alone."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from parcli.agency_text import agency_of, agency_text
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import leaf_gaps
from parcli.engine.progress import (
    LeafProgress,
    Measure,
    Tally,
    against,
    by_agency,
    by_field,
    project,
)
from parcli.engine.progress import total as total_of
from parcli.i18n import score_label, t
from parcli.numbers import number
from parcli.output import Column, Output, Table
from parcli.problems import UsageError
from parcli.text import Lang

if TYPE_CHECKING:
    pass
from parcli.vocabulary import Assume

# assignments: only for leads the criteria file does not give (run without: --no-assignments)
SPEC = Spec(needs=("criteria", "agencies"), optional=("assignments", "results"))


@dataclass(frozen=True)
class Options:
    common: Common
    set_values: tuple[tuple[str, str], ...] = ()  # (code, value as typed)
    assume_met: tuple[str, ...] = ()  # agency ids whose criteria reach their targets
    scenario: Path | None = None  # a results file whose scores are the what-if values
    assume: Assume = "baseline"

SHOWN: tuple[Measure, ...] = ("baseline", "target", "projected", "won", "to_target",
                              "above_target")


def overrides(checked: Checked, options: Options,
              scores: dict[str, tuple[Decimal, str]] | None = None) -> dict[str, Decimal]:
    """The what-if values: --assume-met first (each agency's criteria at the larger of their
    current projection and their target), then --set, which wins. Anything that names
    nothing or breaks a bound is a usage error."""
    lang = options.common.lang
    dataset = checked.dataset
    tree, registry = dataset.tree, dataset.registry
    chosen: dict[str, Decimal] = {}
    gaps = leaf_gaps(tree, registry, dataset.mapped)
    current = {leaf.node.code: leaf.projected
               for leaf in project(gaps, scores or {}, options.assume)}
    for named in options.assume_met:
        agency = agency_of(registry, named, "--assume-met: ", lang)
        for gap in gaps:
            target = gap.node.row.target
            if agency in gap.leads and target is not None:
                now = current[gap.node.code]
                chosen[gap.node.code] = target if now is None else max(now, target)
    for code, text in options.set_values:
        node = tree.by_code.get(code)
        if node is None:
            raise UsageError(t("err_no_criterion", lang, option=f"--set {code}={text}: ",
                               code=code))
        if node.children:
            raise UsageError(t("err_has_rows", lang, option=f"--set {code}={text}: ",
                               code=code))
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise UsageError(t("err_not_number", lang, option=f"--set {code}={text}",
                               text=text, hint=dot_hint(text, lang))) from None
        low = getattr(node.row, "min", None)
        low = Decimal(0) if low is None else low
        high = node.row.max
        if not value.is_finite() or value < low or (high is not None and value > high):
            raise UsageError(t("err_outside", lang, option=f"--set {code}={text}: ",
                               low=number(low, lang), code=code,
                               high=number(high, lang) if high is not None else "∞"))
        chosen[code] = value
    return chosen


def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
    scores: dict[str, tuple[Decimal, str]] = (
        dict(dataset.results_file.latest()) if dataset.has("results") else {})
    leaves = project(gaps, scores, options.assume, overrides(checked, options, scores))
    total = total_of(leaves)
    fields = by_field(leaves)
    field_rows = [{"key": g.key, "label": dataset.tree.by_code[g.key].row.text.shown(lang),
                   **_row(g)} for g in fields]
    total_row = {"key": t("total", lang), **_row(total)}
    short = [g for g in by_agency(leaves) if (g.shown("to_target") or 0) > 0]
    agency_rows = [{"key": g.key, "label": agency_text(dataset.registry, g.key).in_(lang),
                    **_row(g)} for g in short]
    plan = dataset.criteria_file
    years = {"baseline": plan.baseline_year, "target": plan.target_year}
    columns = [Column(m, score_label(m, years).in_(lang) if m in ("baseline", "target")
                      else t(f"progress_{m}", lang), True, remark=f"partial_{m}",
                      remarks={"yes": t("at_least" if m == "projected" else "known_only",
                                        lang)}) for m in SHOWN]
    tables = [
        Table([Column("key", t("field", lang)), Column("label", t("name", lang)), *columns],
              field_rows, t("simulate_fields", lang), [total_row]),
        Table([Column("key", t("agency", lang), human=False),  # its id: csv and json only
               Column("label", t("agency", lang)), *columns],
              agency_rows, t("simulate_short", lang)),
    ]
    summed: dict[str, object] = {m: total.shown(m) for m in SHOWN}
    low, high = total.bounds()
    data = {"total": {**summed, "unknown": total.unknown_projected,
                      "bounds": {"low": low, "high": high}},
            "fields": [_json(row) for row in field_rows],
            "short": [_json(row) for row in agency_rows],
            "set": {leaf.node.code: leaf.projected for leaf in leaves if leaf.basis == "set"}}
    return Output(tables, data, notes=_notes(checked, leaves, total, lang))


def _row(tally: Tally) -> dict[str, object]:
    return ({m: tally.shown(m) for m in SHOWN}
            | {f"partial_{m}": "yes" if tally.partial_in(m) else None for m in SHOWN}
            | {"unknown": tally.unknown_projected})


def _json(row: dict[str, object]) -> dict[str, object]:
    return {"code": row["key"], **{m: row[m] for m in SHOWN}, "unknown": row["unknown"]}


def _notes(checked: Checked, leaves: list[LeafProgress], total: Tally, lang: Lang) -> list[str]:
    changed = [leaf for leaf in leaves if leaf.basis == "set"]
    projected = number(total.shown("projected"), lang)
    low, high = total.bounds()
    notes = [t("simulate_total", lang, projected=projected, n=len(changed))
             if not total.unknown_projected else
             t("simulate_total_partial", lang, projected=projected, n=len(changed),
               unknown=total.unknown_projected,
               bounds=t("bounds_both", lang, low=number(low, lang), high=number(high, lang))
               if high is not None else t("bounds_low", lang, low=number(low, lang)))]
    unknown = {m: n for m, n in total.unknown.items()
               if n and m not in ("max", "low", "high")}
    if unknown:
        notes.append(t("gap_unknown_note", lang, counts=", ".join(
            t("unknown_count", lang, measure=t(f"progress_{m}", lang).lower(), n=n)
            for m, n in unknown.items())))
    printed = checked.dataset.criteria_file.total.target
    found = against(printed, total) if printed is not None else None
    if printed is not None and found is not None:
        target = number(printed, lang)
        plan = checked.dataset.criteria_file
        label = score_label("target", {"target": plan.target_year}).in_(lang)
        if found.over:
            notes.append(t("target_exceeded_at_least" if found.unknown else "target_exceeded",
                           lang, target=target, label=label, over=number(found.over, lang),
                           n=found.unknown))
        elif not found.unknown:
            notes.append(t("progress_against_target", lang, target=target, label=label,
                           missing=number(found.need_high, lang)))
        elif found.need_low is None:
            notes.append(t("target_need_at_most", lang, target=target, label=label,
                           high=number(found.need_high, lang), n=found.unknown))
        else:
            notes.append(t("target_need_range", lang, target=target, label=label,
                           low=number(found.need_low, lang),
                           high=number(found.need_high, lang), n=found.unknown))
    if not checked.dataset.has("assignments"):
        notes.append(t("no_assignments_note", lang))
    return notes



def dot_hint(text: str, lang: Lang) -> str:
    """"; write 9.5 with a dot" for "9,5" (a decimal comma), else nothing."""
    import re

    if re.fullmatch(r"\s*[-+]?\d+,\d+\s*", text):
        return t("err_use_dot", lang, fixed=text.strip().replace(",", "."))
    return ""
