"""`parcli rule ID`: a rule's documentation (its module's docstring), its level and the
files it reads, as `ruff rule` prints one; `parcli rule` alone lists every rule.

The documentation is the module's docstring, in English as the code is; the level and the
one-line description follow `--lang`."""

from __future__ import annotations

from dataclasses import dataclass

from parcli.commands.base import Common, Spec
from parcli.i18n import t
from parcli.output import Column, Output, Table
from parcli.problems import LEVELS, UsageError

SPEC = Spec(inputs="none")


@dataclass(frozen=True)
class Options:
    common: Common
    id: str | None = None


def run(_inputs: object, options: Options) -> Output:
    from parcli.rules import catalogue

    lang = options.common.lang
    rules = catalogue()
    if options.id is None:
        levels: dict[str, str] = {level: t(level, lang) for level in LEVELS}
        table = Table([Column("rule", t("rule", lang)),
                       Column("level", t("level", lang), values=levels),
                       Column("meaning", t("meaning", lang))],
                      [{"rule": r.id, "level": r.level, "meaning": r.description.in_(lang)}
                       for r in rules])
        return Output([table], [{"id": r.id, "level": r.level, "description": r.description.en,
                                 "needs": list(r.needs)} for r in rules], name_sources=False)
    found = next((r for r in rules if r.id == options.id), None)
    if found is None:
        from difflib import get_close_matches

        near = get_close_matches(options.id, [r.id for r in rules], n=1)
        hint = f"; did you mean {near[0]}?" if near else " (see 'parcli rule')"
        raise UsageError(f"no rule with id {options.id!r}{hint}")
    header = [f"{found.id} ({t(found.level, lang)})", "", found.description.in_(lang)]
    if found.needs:
        header.append(t("rule_needs", lang, files=", ".join(found.needs)))
    lines = [*header, "", *found.doc.splitlines()] if found.doc else header
    return Output([], {"id": found.id, "level": found.level,
                       "description": found.description.en, "needs": list(found.needs),
                       "fixed": found.fixed, "doc": found.doc},
                  lines=lines, name_sources=False)
