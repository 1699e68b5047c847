"""`parcli check`: printed totals and subtotals against what their rows add up to."""

from __future__ import annotations

from decimal import Decimal

from parcli.commands import ensure_structure, pick
from parcli.dataset import Dataset
from parcli.engine.checksum import TOTAL, CheckResult, check
from parcli.i18n import Lang, t
from parcli.problems import Problem
from parcli.render import Column, Output, Table, number


def run(dataset: Dataset, tolerance: Decimal, lang: Lang) -> Output:
    ensure_structure(dataset, tolerance)
    tree = dataset.tree
    result = check(tree, tolerance)
    names = {node.code: pick(node.row.name, node.row.name_en, lang) for node in tree.nodes}
    names[TOTAL] = t("total", lang)
    totals = Table(
        [Column("column", t("column", lang)), Column("printed", t("printed", lang), True),
         Column("computed", t("computed", lang), True),
         Column("difference", t("difference", lang), True)],
        [{"column": t(row.column, lang), "printed": row.printed, "computed": row.computed,
          "difference": None if row.computed is None else row.printed - row.computed}
         for row in result.totals],
        title=t("check_totals", lang))
    findings = Table(
        [Column("code", t("code", lang)), Column("name", t("name", lang)),
         Column("column", t("column", lang)), Column("printed", t("printed", lang), True),
         Column("computed", t("computed", lang), True),
         Column("difference", t("difference", lang), True),
         Column("status", t("status", lang)), Column("reason", t("reason", lang))],
        [{"code": f.code, "name": names.get(f.code, ""), "column": t(f.column, lang),
          "printed": f.printed, "computed": f.computed, "difference": f.difference,
          "status": t(f.status, lang), "reason": f.reason} for f in result.findings],
        title=t("check_findings", lang))
    counts = {status: sum(f.status == status for f in result.findings)
              for status in ("error", "acknowledged", "rounding")}
    notes = [t("check_summary", lang, errors=counts["error"], acknowledged=counts["acknowledged"],
               rounding=counts["rounding"], tolerance=number(tolerance))]
    if not result.findings:
        notes.insert(0, t("check_no_findings", lang))
    return Output([totals, findings], _json(result), _problems(dataset, result, lang), notes,
                  csv_table=1, failed=not result.ok)


def _json(result: CheckResult) -> dict[str, object]:
    return {
        "totals": {row.column: {"printed": row.printed, "computed": row.computed}
                   for row in result.totals},
        "findings": [{"code": f.code, "column": f.column, "printed": f.printed,
                      "computed": f.computed, "difference": f.difference, "status": f.status}
                     | ({"reason": f.reason} if f.reason else {})
                     for f in result.findings],
    }


def _problems(dataset: Dataset, result: CheckResult, lang: Lang) -> list[Problem]:
    from parcli.rules.checksum import problem

    return [problem(dataset.criteria.document, f, lang) for f in result.findings
            if f.status != "rounding"]
