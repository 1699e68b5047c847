"""Validation rules, as yamllint has them: one module per rule, one catalogue for all.

A rule module declares, once, `ID`, `LEVEL`, `DESCRIPTION` (a `Text`), `NEEDS` (the data
files it reads) and `check(context)`, which yields `Found` (where, and what) only; the runner
stamps the rule's id and level, after the configuration (`parcli.toml`) has had its say.
The module's docstring is the rule's documentation, with a failing and a passing example.
Problems found while a file is read (`yaml-syntax`, `schema`, ...) are in the same
catalogue (`parcli.rules.reading`), so every id parcli can print is listed in one place.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from parcli.problems import Problem
from parcli.rules.base import KINDS, Context, Found, Rule, column_name
from parcli.text import Lang
from parcli.vocabulary import FileKind

if TYPE_CHECKING:
    from parcli.files.config import Config

__all__ = [
    "KINDS",
    "MODULES",
    "Context",
    "FileKind",
    "Found",
    "Rule",
    "catalogue",
    "checks",
    "column_name",
    "markdown_table",
    "run",
]

# Document order of the report: errors about structure first, then cross-file rules.
MODULES = (
    "duplicate_code", "orphan_code", "duplicate_agency", "ambiguous_alias", "successor_chain",
    "unknown_agency", "agency_superseded", "unknown_criterion", "year_mismatch",
    "province_mismatch", "checksum", "missing_number",
    "stale_acknowledgement", "no_lead", "assignment_without_criterion", "uncovered_criterion",
    "missing_product", "missing_requirement", "missing_deadline", "missing_lead",
    "lead_mismatch", "unparsed_deadline", "title_mismatch",
    "result_unknown_code", "result_not_leaf", "result_out_of_range", "result_date_outside_year",
)
# Rules without which the criteria hierarchy or the registry cannot be used at all:
# they cannot be disabled, and they run before every other rule.
STRUCTURAL = ("duplicate_code", "orphan_code", "duplicate_agency", "ambiguous_alias")


def _rule(module: ModuleType) -> Rule:
    return Rule(module.ID, module.LEVEL, module.DESCRIPTION, (module.__doc__ or "").strip(),
                tuple(module.NEEDS), module.check, module.__name__.rsplit(".", 1)[1]
                in STRUCTURAL)


def checks(modules: tuple[str, ...] = MODULES) -> list[Rule]:
    return [_rule(importlib.import_module(f"parcli.rules.{name}")) for name in modules]


def catalogue() -> list[Rule]:
    """Every problem id parcli can report: reading a file first, then the rules."""
    from parcli.rules.reading import READING

    return [*READING, *checks()]


def run(context: Context, lang: Lang = "en", config: Config | None = None,
        modules: tuple[str, ...] = MODULES) -> Iterator[Problem]:
    """Each rule whose files loaded, in catalogue order, with id and level stamped."""
    for rule in checks(modules):
        if config is not None and rule.id in config.disabled:
            continue
        if rule.check is None or not all(context.has(need) for need in rule.needs):
            continue
        level = config.levels.get(rule.id, rule.level) if config is not None else rule.level
        for found in rule.check(context):
            document = context.loaded(found.file).document
            line, column = document.position(found.loc)
            yield Problem(rule.id, level, found.message.in_(lang), document.file, line, column,
                          found.code, lang)


def markdown_table() -> str:
    """The rule table of README.md, generated from the catalogue (a test keeps them equal)."""
    lines = ["| rule | level | what |", "| --- | --- | --- |"]
    lines += [f"| `{rule.id}` | {rule.level} | {rule.description.en} |" for rule in catalogue()]
    return "\n".join(lines) + "\n"
