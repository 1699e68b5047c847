"""`parcli validate`: every file's schema, then the rules within and across the files."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from parcli.checking import Checked
from parcli.commands import problems_output
from parcli.commands.base import Common, Spec
from parcli.i18n import t
from parcli.output import Output
from parcli.problems import Problem
from parcli.text import Lang

# validate checks the files there are
# validate reports every problem itself: none stops it
SPEC = Spec(inputs="files", needs=("criteria",),
            optional=("assignments", "agencies", "plan", "results"),
            tolerated=None)


@dataclass(frozen=True)
class Options:
    common: Common
    strict: bool = False
    verbosity: int = 0  # -1 with -q (errors only), 1 with -v (every rule and its count)
    files: tuple[Path, ...] = ()



def run(checked: Checked, options: Options) -> Output:
    """verbosity -1 (`-q`): errors only, no summary; 1 (`-v`): also every rule's count."""
    lang = options.common.lang
    problems = checked.problems
    if options.strict:
        problems = [problem.as_error() for problem in problems]
    errors = [p for p in problems if p.level == "error"]
    warnings = [p for p in problems if p.level == "warning"]
    summary = [t("validate_summary", lang, errors=len(errors), warnings=len(warnings))]
    if not problems:
        summary.insert(0, t("validate_ok", lang))
    read = {source.kind for source in checked.sources}
    summary[:0] = [t("validate_without", lang, kind=t(f"{kind}_file", lang))
                   for kind in ("criteria", "assignments", "agencies")
                   if read and kind not in read]
    if options.verbosity < 0:
        problems, summary = errors, []
    elif options.verbosity > 0:
        summary = _rule_counts(checked, problems, lang) + summary
    output = problems_output(problems, lang, summary, failed=bool(errors))
    output.name_sources = options.verbosity >= 0
    if lang == "vi":
        described(output)
    return output


def described(output: Output) -> None:
    """A Vietnamese reader reads what a rule finds, not its id: the table's rule column shows
    the rule's description in the human formats (csv and json keep the id; the
    `file:line:col: level message [rule]` lines keep it too)."""
    import dataclasses

    from parcli.rules import catalogue

    meanings = {rule.id: rule.description.vi for rule in catalogue()}
    for table in output.tables:
        table.columns = [dataclasses.replace(column, values=meanings)
                         if column.key == "rule" else column for column in table.columns]


def _rule_counts(checked: Checked, problems: list[Problem], lang: Lang) -> list[str]:
    from parcli.rules import catalogue

    config = checked.config
    counts = Counter(p.rule for p in problems)
    lines = []
    for rule in catalogue():
        level = config.levels.get(rule.id, rule.level)
        shown = t("disabled", lang) if rule.id in config.disabled else t(level, lang)
        lines.append(f"{rule.id:<28} {shown:<9} {counts[rule.id]:>4}  "
                     f"{rule.description.in_(lang)}")
    if config.source is not None and (config.disabled or config.levels):
        lines.append(t("config_note", lang, file=config.source,
                       disabled=", ".join(sorted(config.disabled)) or "-",
                       levels=", ".join(f"{k}={v}" for k, v in sorted(config.levels.items()))
                       or "-"))
    return lines
