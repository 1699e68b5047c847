"""`parcli check`: printed totals and subtotals against what their rows add up to."""

from __future__ import annotations

from dataclasses import dataclass

from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.checksum import STATUSES, TOTAL, CheckResult, Finding, check_sums
from parcli.i18n import score_label, t
from parcli.models.criteria import SCORE_COLUMNS
from parcli.numbers import number
from parcli.output import Column, Output, Table

# check shows check-sum errors in its own tables
SPEC = Spec(needs=("criteria",), tolerated=frozenset({"checksum"}))


@dataclass(frozen=True)
class Options:
    common: Common



def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    tree = checked.dataset.tree
    result = check_sums(tree, checked.tolerance)
    names = {node.code: node.row.text.shown(lang) for node in tree.nodes}
    names[TOTAL] = t("total", lang)
    data = checked.dataset.criteria_file
    years = {"baseline": data.baseline_year, "target": data.target_year}
    column_names: dict[str, str] = {column: score_label(column, years).in_(lang)
                                    for column in SCORE_COLUMNS}
    statuses: dict[str, str] = {status: t(status, lang) for status in STATUSES}
    totals = Table(
        [Column("column", t("column", lang), values=column_names),
         Column("printed", t("printed", lang), True),
         Column("computed", t("computed", lang), True),
         Column("difference", t("difference", lang), True)],
        [{"column": row.column, "printed": row.printed, "computed": row.computed,
          "difference": row.difference} for row in result.totals],
        title=t("check_totals", lang))
    where = [_location(checked, f) for f in result.findings]
    findings = Table(
        [Column("location", t("location", lang), human=False),  # errors: a note each
         Column("code", t("code", lang)), Column("name", t("name", lang)),
         Column("column", t("column", lang), values=column_names),
         Column("printed", t("printed", lang), True),
         Column("computed", t("computed", lang), True),
         Column("difference", t("difference", lang), True),
         Column("status", t("status", lang), values=statuses),
         Column("reason", t("reason", lang))],
        [{"code": f.code, "name": names.get(f.code, ""), "column": f.column,
          "printed": f.printed, "computed": f.computed, "difference": f.difference,
          "status": f.status, "reason": f.reason.in_(lang) if f.reason else None,
          "location": where[index]}
         for index, f in enumerate(result.findings)],
        title=t("check_findings", lang))
    unverifiable = Table(
        [Column("code", t("code", lang)), Column("name", t("name", lang)),
         Column("column", t("column", lang), values=column_names),
         Column("printed", t("printed", lang), True),
         Column("unknown", t("unknown_rows", lang))],
        [{"code": u.code, "name": names.get(u.code, ""), "column": u.column,
          "printed": u.printed, "unknown": ", ".join(u.unknown)} for u in result.unverifiable],
        title=t("check_unverifiable", lang))
    counts = result.counts()
    notes = [t("check_summary", lang, errors=counts["error"], acknowledged=counts["acknowledged"],
               rounding=counts["rounding"], tolerance=number(checked.tolerance, lang))]
    if result.unverifiable:
        notes.append(t("check_unverifiable_note", lang, n=len(result.unverifiable)))
    if not result.findings and not result.unverifiable:
        notes.insert(0, t("check_no_findings", lang))
    return Output([totals, findings, unverifiable], _json(result, where), checked.problems, notes,
                  csv_table=1, failed=not result.ok)


def _location(checked: Checked, finding: Finding) -> str:
    """Where the printed value of a finding is: file:line:col."""
    loc: tuple[str | int, ...] = ((TOTAL, finding.column) if finding.row_index is None
                                  else ("criteria", finding.row_index, finding.column))
    document = checked.dataset.criteria.document
    line, column = document.position(loc)
    return ":".join(str(part) for part in (document.file, line, column) if part is not None)


def _json(result: CheckResult, where: list[str]) -> dict[str, object]:
    return {
        "totals": {row.column: {"printed": row.printed, "computed": row.computed}
                   for row in result.totals},
        "findings": [{"code": f.code, "column": f.column, "printed": f.printed,
                      "computed": f.computed, "difference": f.difference, "status": f.status,
                      "location": location}
                     | ({"reason": f.reason.en} if f.reason else {})
                     | ({"reason_vi": f.reason.vi} if f.reason and f.reason.vi != f.reason.en
                        else {})
                     for f, location in zip(result.findings, where, strict=True)],
        "not_checkable": [{"code": u.code, "column": u.column, "printed": u.printed,
                           "unknown": list(u.unknown)} for u in result.unverifiable],
    }


