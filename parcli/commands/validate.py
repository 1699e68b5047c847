"""`parcli validate`: every file's schema, then the rules within and across the files."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from parcli.commands import pick
from parcli.dataset import Dataset
from parcli.i18n import Lang, t
from parcli.problems import DataError, Problem
from parcli.render import Column, Output, Table


def collect(dataset: Dataset, tolerance: Decimal, lang: Lang = "en") -> list[Problem]:
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
    problems += run(Context(dataset, tolerance, frozenset(available), lang))
    return problems


def run(dataset: Dataset, tolerance: Decimal, strict: bool, lang: Lang,
        verbosity: int = 0) -> Output:
    """verbosity -1 (`-q`): errors only, no summary; 1 (`-v`): also every rule's count."""
    problems = collect(dataset, tolerance, lang)
    if strict:
        problems = [problem.as_error() for problem in problems]
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level == "warning"]
    data = {"errors": [p.as_dict() for p in errors], "warnings": [p.as_dict() for p in warnings]}
    summary = [t("validate_summary", lang, errors=len(errors), warnings=len(warnings))]
    if not problems:
        summary.insert(0, t("validate_ok", lang))
    if verbosity < 0:
        problems, summary = errors, []
    elif verbosity > 0:
        summary = _rule_counts(problems, lang) + summary
    table = Table(
        [Column("location", t("location", lang)), Column("level", t("level", lang)),
         Column("rule", t("rule", lang)), Column("code", t("code", lang)),
         Column("message", t("message", lang))],
        [{"location": p.location(), "level": p.level, "rule": p.rule, "code": p.code,
          "message": p.message} for p in problems])
    return Output([table], data, problems=problems, notes=summary, failed=bool(errors),
                  lines=[p.one_line() for p in problems])


def _rule_counts(problems: list[Problem], lang: Lang) -> list[str]:
    from parcli.rules import catalogue

    counts = Counter(p.rule for p in problems)
    return [f"{info.id:<22} {info.level:<8} {counts[info.id]:>4}  "
            f"{pick(info.description_vi, info.description, lang)}" for info in catalogue()]


def problems_output(problems: list[Problem]) -> Output:
    """Data that could not be used at all, in validate's shapes, for every reporter."""
    return Output([], {"errors": [p.as_dict() for p in problems], "warnings": []},
                  problems=problems, failed=True, lines=[p.one_line() for p in problems])
