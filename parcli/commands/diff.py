"""`parcli diff OLD NEW`: what a change to the data does, for review where it is made (a
pull request): rows added, removed, renamed and moved, every number that changed (old → new),
the effect on the totals, the fields and each agency's points needed, and the findings of
`validate` that appeared or went away."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parcli.agency_text import agency_text
from parcli.checking import Checked, DataRequest
from parcli.commands import sources_json
from parcli.commands.base import Common, Spec, TwoPlans
from parcli.engine.body import BODY_KEYS, BODY_PARTS, BodyChange, compare_bodies
from parcli.engine.diff import (
    FIGURES,
    ROW_CHANGES,
    TOTAL,
    AsPrinted,
    Change,
    Figure,
    FindingsDiff,
    PlanDiff,
    RowChange,
    compare,
    compare_findings,
)
from parcli.engine.gap import AgencyIds, LeafGap, leaf_gaps
from parcli.i18n import score_label, t, translated
from parcli.load import display_path
from parcli.output import Column, Output, Table, Untranslated
from parcli.problems import LEVELS, DataError, Problem
from parcli.text import Lang, Text
from parcli.vocabulary import FileKind

# Both plans are checked as `validate` checks one, and nothing stops the diff: the findings
# of both are part of it.
SPEC = Spec(inputs="two plans", needs=("criteria",),
            optional=("assignments", "agencies", "plan"), tolerated=None)


@dataclass(frozen=True)
class Options:
    common: Common
    plans: tuple[DataRequest, DataRequest]
    # A side read from git: its revision, and the folder its files were written to for the
    # run (shown as REV:path); None for a side that is a path.
    revisions: tuple[str | None, str | None] = (None, None)
    roots: tuple[Path | None, Path | None] = (None, None)
    fail_on_new_errors: bool = False


@dataclass(frozen=True)
class _Side:
    checked: Checked
    revision: str | None
    root: Path | None

    def shown(self, file: str) -> str:
        """A file as the reader knows it: `REV:data/criteria_2020.yaml` for a revision's."""
        if self.root is None:
            return file
        for prefix in dict.fromkeys((display_path(self.root), str(self.root))):
            if file.startswith(prefix + "/"):
                return f"{self.revision}:{file[len(prefix) + 1:]}"
        return file

    def kind_of(self, file: str) -> str:
        """A problem's file named the same way in both plans: by its kind."""
        for source in self.checked.sources:
            if display_path(source.path) == file:
                return source.kind
        return Path(file).name


def run(inputs: TwoPlans, options: Options) -> Output:
    lang = options.common.lang
    old, new = (_Side(checked, revision, root) for checked, revision, root in
                zip(inputs, options.revisions, options.roots, strict=True))
    findings = compare_findings(_in_lang(old.checked.problems, lang),
                                _in_lang(new.checked.problems, lang), old.kind_of, new.kind_of)
    notes = [t("diff_old_files", lang, files=_files(old, lang)),
             t("diff_new_files", lang, files=_files(new, lang))]
    unreadable = [which for which, side in (("old", old), ("new", new))
                  if not _loads(side.checked, "criteria")]
    if "new" in unreadable:  # its other checks did not run: nothing can be said to be gone
        findings = FindingsDiff(findings.appeared, [])
    plans = None if unreadable else compare(
        old.checked.dataset.tree, new.checked.dataset.tree, _gaps(old.checked),
        _gaps(new.checked))
    tables = [] if plans is None else _plan_tables(plans, old.checked, new.checked, lang)
    body = None if plans is None else compare_bodies(
        old.checked.dataset.plan_file if _loads(old.checked, "plan") else None,
        new.checked.dataset.plan_file if _loads(new.checked, "plan") else None)
    if body:
        tables.append(_body_table(body, lang))
    tables.append(_findings_table(findings, old, new, lang))
    if plans is not None:
        notes += _summary(plans, lang)
    if body:
        notes.append(t("diff_body_summary", lang, n=len(body)))
    notes += [t(f"diff_unreadable_{which}", lang) for which in unreadable]
    notes.append(t("diff_findings_summary", lang, appeared=len(findings.appeared),
                   gone=len(findings.gone), old=len(old.checked.errors),
                   new=len(new.checked.errors), added=len(findings.new_errors)))
    failing = options.fail_on_new_errors and bool(findings.new_errors)
    if failing:
        notes.append(t("diff_fails", lang, n=len(findings.new_errors)))
    names = _agency_names(old.checked, new.checked) if plans is not None else None
    data = _json(plans, findings, old, new, names)
    if body is not None:
        data["body"] = [dataclasses.asdict(change) for change in body]
    output = Output(tables, data, notes=notes,
                    csv_table=1 if plans is not None else 0,
                    failed="new" in unreadable or failing)
    output.name_sources = False  # the notes name both plans' files, revisions included
    return output


def _body_table(changes: list[BodyChange], lang: Lang) -> Table:
    return Table(
        [Column("kind", t("diff_what", lang),
                values={kind: t(f"diff_{kind}", lang) for kind in ("added", "removed")}
                | {"changed": t("diff_body_changed", lang)}),
         Column("part", t("diff_body_part", lang),
                values={part: t(f"diff_body_{part}", lang) for part in BODY_PARTS}),
         Column("code", t("code", lang)),
         Column("key", t("diff_body_key", lang),
                values={key: t(f"diff_body_key_{key}", lang) for key in BODY_KEYS}),
         Column("old", t("diff_old", lang)),
         Column("new", t("diff_new", lang))],
        [dataclasses.asdict(change) for change in changes], t("diff_body", lang))


def _in_lang(problems: list[Problem], lang: Lang) -> list[Problem]:
    """Problems in the reader's language where parcli knows the message (those found while
    reading a file are written in English)."""
    return [problem if problem.lang == lang else dataclasses.replace(
        problem, message=translated(problem.message, lang), lang=lang) for problem in problems]


def _files(side: _Side, lang: Lang) -> str:
    listed = [side.shown(display_path(source.path)) for source in side.checked.sources]
    bundled = side.checked.sources and all(source.bundled for source in side.checked.sources)
    return ", ".join(listed) + (f" ({t('bundled', lang)})" if bundled else "")


def _loads(checked: Checked, kind: FileKind) -> bool:
    """Whether the plan has a `kind` file that could be read (its problems say why not)."""
    if not checked.dataset.has(kind):
        return False
    try:
        getattr(checked.dataset, kind)
    except DataError:
        return False
    return True


def _gaps(checked: Checked) -> list[LeafGap]:
    """The plan's leaf gaps as `gap` finds them: its registry resolves the leads when it has
    one that can be read, else each lead stands as printed."""
    dataset = checked.dataset
    agencies: AgencyIds = dataset.registry if _loads(checked, "agencies") else AsPrinted()
    mapped = dataset.mapped if _loads(checked, "assignments") else {}
    return leaf_gaps(dataset.tree, agencies, mapped)


def _agency_names(old: Checked, new: Checked) -> Callable[[str], Text]:
    registries = [checked.dataset.registry for checked in (new, old)
                  if _loads(checked, "agencies")]

    def name(agency_id: str) -> Text:
        for registry in registries:
            if agency_id in registry.by_id:
                return agency_text(registry, agency_id)
        return agency_text(registries[0], agency_id) if registries else Text.same(agency_id)

    return name


def _figure_labels(checked: Checked, lang: Lang) -> dict[str, str]:
    years = _years(checked)
    labels: dict[str, str] = {}
    for figure in FIGURES:
        column, _, how = figure.rpartition("_")
        if column == "gain":
            labels[figure] = t("gain_printed" if how == "printed" else "gain_summed", lang)
        else:
            labels[figure] = t(f"diff_{how}", lang, column=score_label(column, years).in_(lang))
    return labels


def _years(checked: Checked) -> dict[str, int | None]:
    data = checked.dataset.criteria_file
    return {"baseline": data.baseline_year, "target": data.target_year}


def _plan_tables(plans: PlanDiff, old: Checked, new: Checked, lang: Lang) -> list[Table]:
    years = _years(new)
    columns = {column: score_label(column, years).in_(lang)
               for column in ("max", "baseline", "target")} | {"min": t("diff_min", lang)}
    before = Column("old", t("diff_old", lang), True)
    after = Column("new", t("diff_new", lang), True)
    change = Column("change", t("diff_change", lang), True)
    names = _row_names(old, new, lang)
    rows = Table(
        [Column("change", t("diff_what", lang),
                values={kind: t(f"diff_{kind}", lang) for kind in ROW_CHANGES}),
         Column("code", t("code", lang)), Column("name", t("name", lang)),
         Column("was", t("diff_was", lang)),
         *(Column(column, columns[column], True) for column in ("max", "baseline", "target"))],
        [_row(each, lang) for each in plans.rows], t("diff_rows", lang))
    numbers = Table(
        [Column("code", t("code", lang)), Column("name", t("name", lang)),
         Column("column", t("column", lang), values=columns), before, after, change],
        [{"code": t("total", lang) if each.code == TOTAL else each.code,
          "name": "" if each.code == TOTAL else names.get(each.code, ""),
          "column": each.column, **_values(each.values)} for each in plans.numbers],
        t("diff_numbers", lang))
    figure = Column("figure", t("diff_figure", lang), values=_figure_labels(new, lang))
    totals = Table([figure, before, after, change],
                   [{"figure": key, **_values(values)} for key, values in plans.totals.items()],
                   t("diff_totals", lang))
    fields = Table(
        [Column("field", t("field", lang)), Column("name", t("name", lang)), figure, before,
         after, change],
        [{"field": group.key, "name": names.get(group.key, ""), "figure": key,
          **_values(group.figures[key])} for group in plans.fields for key in group.changed()],
        t("diff_fields", lang))
    agency = _agency_names(old, new)
    agencies = Table(
        [Column("agency", t("agency", lang)), before, after, change],
        [{"agency": agency(group.key).shown(lang), **_values(group.figures["gain_computed"])}
         for group in plans.agencies if group.changed()], t("diff_agencies", lang))
    return [rows, numbers, totals, fields, agencies]


def _row_names(old: Checked, new: Checked, lang: Lang) -> dict[str, str]:
    """Each code's name: the new plan's, else (a removed row) the old plan's."""
    return {node.code: node.row.text.shown(lang) for checked in (old, new)
            for node in checked.dataset.tree.nodes}


def _values(values: Change) -> dict[str, Any]:
    return {"old": values.old, "new": values.new, "change": values.change}


def _row(change: RowChange, lang: Lang) -> dict[str, Any]:
    row = change.new if change.new is not None else change.old
    assert row is not None
    return {"change": change.kind, "code": change.code, "name": row.text.shown(lang),
            "was": _was(change, lang), "max": row.max, "baseline": row.baseline,
            "target": row.target}


def _was(change: RowChange, lang: Lang) -> str | None:
    """What a renamed or moved row was: its old name, its old code, or where it stood."""
    if change.old is None or change.new is None:
        return None
    if change.kind == "renamed":  # the name that changed, if not the one shown
        shown = change.old.text.shown(lang)
        if shown != change.new.text.shown(lang):
            return shown
        if change.old.name == change.new.name:
            return change.old.name_en
        return Untranslated(change.old.name) if lang == "en" else change.old.name
    if change.old.code != change.new.code:
        return change.old.code
    if change.old_parent is None:
        return t("diff_was_field", lang)
    return t("diff_was_under", lang, code=change.old_parent)


def _findings_table(findings: FindingsDiff, old: _Side, new: _Side, lang: Lang) -> Table:
    rules = None
    if lang == "vi":  # a Vietnamese reader reads what a rule finds, as validate shows it
        from parcli.rules import catalogue

        rules = {rule.id: rule.description.vi for rule in catalogue()}
    rows = [{"change": which, "level": problem.level, "rule": problem.rule,
             "code": problem.code, "message": problem.message,
             "location": _location(problem, side)}
            for which, side, problems in (("appeared", new, findings.appeared),
                                          ("gone", old, findings.gone))
            for problem in problems]
    return Table(
        [Column("change", t("diff_what", lang),
                values={which: t(f"diff_{which}", lang) for which in ("appeared", "gone")}),
         Column("level", t("level", lang), values={level: t(level, lang) for level in LEVELS}),
         Column("rule", t("rule", lang), values=rules),
         Column("code", t("code", lang), human=False),  # the message names it
         Column("location", t("location", lang)), Column("message", t("message", lang))],
        rows, t("diff_findings", lang))


def _location(problem: Problem, side: _Side) -> str:
    return side.shown(problem.location())


def _summary(plans: PlanDiff, lang: Lang) -> list[str]:
    counts = {kind: sum(change.kind == kind for change in plans.rows) for kind in ROW_CHANGES}
    if plans.unchanged:
        notes = [t("diff_nothing", lang)]
    else:
        notes = [t("diff_summary", lang, numbers=len(plans.numbers), **counts)]
    same = sum(not group.changed() for group in plans.agencies)
    if same and len(plans.agencies) > same:
        notes.append(t("diff_agencies_same", lang, n=same))
    elif same:
        notes.append(t("diff_agencies_none", lang))
    return notes


def _problem(problem: Problem, side: _Side) -> dict[str, object]:
    return {**problem.as_dict(), "level": problem.level, "file": side.shown(problem.file)}


def _sources(side: _Side, which: str) -> list[dict[str, object]]:
    return [{**each, "path": side.shown(str(each["path"])), "side": which,
             "revision": side.revision} for each in sources_json(side.checked.sources)]


def _json(plans: PlanDiff | None, findings: FindingsDiff, old: _Side, new: _Side,
          names: Callable[[str], Text] | None) -> dict[str, object]:
    data: dict[str, object] = {"sources": _sources(old, "old") + _sources(new, "new")}
    if plans is not None:
        data["rows"] = [{"change": each.kind, "code": each.code, "old_code": each.old_code,
                         "name": _name(each, "new", False), "name_en": _name(each, "new", True),
                         "old_name": _name(each, "old", False),
                         "old_name_en": _name(each, "old", True), "parent": each.parent,
                         "old_parent": each.old_parent}
                        for each in plans.rows]
        data["numbers"] = [{"code": each.code, "old_code": each.old_code,
                            "column": each.column, **_values(each.values)}
                           for each in plans.numbers]
        data["totals"] = _figures(plans.totals)
        data["fields"] = [{"field": group.key, "in_old": group.old, "in_new": group.new,
                           **_figures({key: group.figures[key] for key in group.changed()})}
                          for group in plans.fields if group.changed()]
        assert names is not None
        data["agencies"] = [{"agency": group.key, "name": names(group.key).vi,
                             "name_en": _english(names(group.key)),
                             **_values(group.figures["gain_computed"])}
                            for group in plans.agencies if group.changed()]
    data["findings"] = {"appeared": [_problem(p, new) for p in findings.appeared],
                        "gone": [_problem(p, old) for p in findings.gone]}
    data["errors"] = {"old": len(old.checked.errors), "new": len(new.checked.errors),
                      "appeared": len(findings.new_errors)}
    return data


def _english(text: Text) -> str | None:
    return None if text.en_fallback or text.en == text.vi else text.en


def _name(change: RowChange, which: str, english: bool) -> str | None:
    row = change.new if which == "new" else change.old
    if row is None:
        return None
    return row.name_en if english else row.name


def _figures(figures: dict[Figure, Change]) -> dict[str, dict[str, dict[str, Any]]]:
    """{"max": {"printed": {"old", "new", "change"}, "computed": {...}}, ..., "gain": ...}"""
    nested: dict[str, dict[str, dict[str, Any]]] = {}
    for key, values in figures.items():
        column, _, how = key.rpartition("_")
        nested.setdefault(column, {})[how] = _values(values)
    return nested
