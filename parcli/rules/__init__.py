"""Validation rules, as yamllint has them: one module per rule, one catalogue for all.

A rule module declares, once, `ID`, `LEVEL`, `ORDER` (its place in the report),
`DESCRIPTION` (a `Text`), `NEEDS` (the data files it reads), optionally `STRUCTURAL = True`
(it cannot be turned off, and runs first), and `check(context)`, which yields `Found`
(where, and what) only; the runner stamps the rule's id and level, after the configuration
(`parcli.toml`) has had its say. The module's docstring is the rule's documentation, with a
failing and a passing example (`parcli rule ID` prints it). Problems found while a file is
read (`yaml-syntax`, `schema`, ...) are in the same catalogue (`parcli.rules.reading`), so
every id parcli can print is listed in one place. Adding a rule is adding its module here
and its test: the catalogue finds it.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    "Context",
    "FileKind",
    "Found",
    "Rule",
    "catalogue",
    "checks",
    "column_name",
    "run",
]

# Every module of this package but `base` and `reading` is a rule; `ORDER` places it in the
# report: errors about structure first, then cross-file rules, then the results file.
def rule_modules() -> tuple[str, ...]:
    """The rule modules, found in this package (adding a rule is adding its module), in
    the order their `ORDER` gives."""
    names = [info.name for info in pkgutil.iter_modules(__path__)
             if info.name not in ("base", "reading") and not info.name.startswith("_")]
    order = {name: importlib.import_module(f"parcli.rules.{name}").ORDER for name in names}
    return tuple(sorted(names, key=lambda name: (order[name], name)))




def _rule(module: ModuleType) -> Rule:
    return Rule(module.ID, module.LEVEL, module.DESCRIPTION, (module.__doc__ or "").strip(),
                tuple(module.NEEDS), module.check, getattr(module, "STRUCTURAL", False))


def checks(modules: tuple[str, ...] | None = None) -> list[Rule]:
    return [_rule(importlib.import_module(f"parcli.rules.{name}"))
            for name in (rule_modules() if modules is None else modules)]


def catalogue() -> list[Rule]:
    """Every problem id parcli can report: reading a file first, then the rules."""
    from parcli.rules.reading import READING

    return [*READING, *checks()]


def run(context: Context, lang: Lang = "en", config: Config | None = None,
        modules: tuple[str, ...] | None = None) -> Iterator[Problem]:
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
