"""`parcli validate`: every file's schema, then the rules within and across the files."""

from __future__ import annotations

from decimal import Decimal

from parcli.dataset import Dataset
from parcli.i18n import Lang, t
from parcli.problems import DataError, Problem
from parcli.render import Column, Output, Table


def collect(dataset: Dataset, tolerance: Decimal) -> list[Problem]:
    from parcli.rules import Context, run

    problems: list[Problem] = []
    available = set()
    for kind in ("agencies", "criteria", "assignments"):
        try:
            getattr(dataset, kind)
        except DataError as exc:
            problems += exc.problems
        else:
            available.add(kind)
    problems += run(Context(dataset, tolerance, frozenset(available)))
    return problems


def run(dataset: Dataset, tolerance: Decimal, strict: bool, lang: Lang) -> Output:
    problems = collect(dataset, tolerance)
    if strict:
        problems = [problem.as_error() for problem in problems]
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level == "warning"]
    table = Table(
        [Column("location", t("location", lang)), Column("level", t("level", lang)),
         Column("rule", t("rule", lang)), Column("code", t("code", lang)),
         Column("message", t("message", lang))],
        [{"location": p.location(), "level": p.level, "rule": p.rule, "code": p.code,
          "message": p.message} for p in problems])
    summary = t("validate_summary", lang, errors=len(errors), warnings=len(warnings))
    return Output(
        [table],
        {"errors": [_json(p) for p in errors], "warnings": [_json(p) for p in warnings]},
        problems=problems, notes=[summary], failed=bool(errors),
        lines=[p.one_line() for p in problems])


def _json(problem: Problem) -> dict[str, object]:
    return {"rule": problem.rule, "code": problem.code, "message": problem.message,
            "file": problem.file, "line": problem.line, "column": problem.column}
