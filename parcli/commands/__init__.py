"""Command cores: each turns checked data and its options into an `Output`.

A command module declares `NEEDS` (the data files it cannot run without) and
`run(checked, options) -> Output`. Commands compute nothing themselves (that is `engine/`'s
job) and never import one another; what they share, here, only shapes output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from parcli.files.dataset import Source
from parcli.i18n import t
from parcli.load import display_path
from parcli.output import Column, Output, Table
from parcli.problems import LEVELS, Problem
from parcli.text import Lang

if TYPE_CHECKING:
    from parcli.checking import Checked
    from parcli.engine.body import BodyItem


def sources_line(sources: list[Source], lang: Lang) -> str:
    """One line naming every file read, so that no output hides where its numbers came from."""
    bundled = [display_path(s.path) for s in sources if s.bundled]
    parts = [", ".join(bundled) + f" ({t('bundled', lang)})"] if bundled else []
    parts += [display_path(s.path) for s in sources if not s.bundled]  # e.g. a results file
    return t("data_line", lang, files=", ".join(parts))


def sources_json(sources: list[Source]) -> list[dict[str, object]]:
    return [{"kind": s.kind, "path": display_path(s.path), "bundled": s.bundled}
            for s in sources]


def with_sources(output: Output, sources: list[Source], lang: Lang, line: bool = True) -> Output:
    """The output, saying which files it read: a line for people, a `sources` field in JSON
    (a list becomes `{"sources": [...], "rows": [...]}`)."""
    data: Any = output.data
    listed = sources_json(sources)
    output.data = ({"sources": listed, **data} if isinstance(data, dict)
                   else {"sources": listed, "rows": data})
    if line and sources:
        output.notes.insert(0, sources_line(sources, lang))
    return output


def problems_output(problems: list[Problem], lang: Lang, notes: list[str] | None = None,
                    failed: bool = True) -> Output:
    """Problems in validate's shapes, for every reporter (also for data no command could
    use). A problem found while loading is written in English: in `lang` where parcli knows
    the message, its level word in `lang` always."""
    if lang != "en":
        from dataclasses import replace

        from parcli.i18n import translated

        problems = [p if p.lang == lang else replace(p, message=translated(p.message, lang),
                                                     lang=lang) for p in problems]
    table = Table(
        [Column("location", t("location", lang)),
         Column("level", t("level", lang), values={lv: t(lv, lang) for lv in LEVELS}),
         Column("rule", t("rule", lang)), Column("code", t("code", lang)),
         Column("message", t("message", lang))],
        [{"location": p.location(), "level": p.level, "rule": p.rule, "code": p.code,
          "message": p.message} for p in problems])
    data = {"errors": [p.as_dict() for p in problems if p.level == "error"],
            "warnings": [p.as_dict() for p in problems if p.level == "warning"]}
    return Output([table], data, problems=problems, notes=notes or [], failed=failed,
                  lines=[p.one_line() for p in problems])


def body_of(checked: Checked, lang: Lang) -> list[BodyItem]:
    """The plan file's tasks and duties for `--body`; a usage error without a plan file."""
    from parcli.engine.body import body_items
    from parcli.problems import UsageError

    dataset = checked.dataset
    if not dataset.has("plan"):
        raise UsageError(t("err_body_needs_plan", lang))
    return body_items(dataset.plan_file, dataset.registry, dataset.criteria_file.target_year)


def part_names(lang: Lang) -> dict[str, str]:
    """Where a listed task comes from, in words: Appendix II, or the plan's Part II or III
    (csv and json keep `appendix`, `task`, `duty`)."""
    return {"appendix": t("appendix_task", lang), "task": t("body_part", lang, part="II"),
            "duty": t("body_part", lang, part="III")}
