"""`parcli report --since`: what changed since a previous report, read back from its JSON
(`report --format json`): the figures this report also writes for the next one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from parcli.checking import Checked
from parcli.engine.checksum import CheckResult
from parcli.engine.gap import LeafGap, by_agency, province
from parcli.engine.progress import projected_tally
from parcli.engine.schedule import DueItem, statuses_at
from parcli.i18n import CATALOGUE, date_text, t
from parcli.models.common import code_key
from parcli.numbers import minus, number
from parcli.output import Column, Section, Table
from parcli.problems import UsageError
from parcli.text import Lang


def figures(checked: Checked, sums: CheckResult, gaps: list[LeafGap], due: list[DueItem],
            as_of: date) -> dict[str, object]:
    """The figures a later report compares with (--since): totals and agencies' points; with
    a results file, each leaf criterion's latest score and stage, each task's status at
    `as_of`, and the projected total; the tasks overdue or past their due date (`due`)."""
    dataset = checked.dataset
    total = dataset.criteria_file.total
    whole = province(gaps)
    scores: dict[str, tuple[Decimal, str]] = (dict(dataset.results_file.latest())
                                              if dataset.has("results") else {})
    statuses = ({code: s.status for code, s in
                 statuses_at(dataset.results_file.statuses, as_of).items()}
                if dataset.has("results") else {})
    return {"baseline": total.baseline, "target": total.target,
            "computed": {c.column: c.computed for c in sums.totals},
            # unknown (null) when no criterion's value is known: the sum of nothing is not 0
            "gain": whole.shown("gain"), "lost": whole.shown("lost"),
            "agencies": {g.key: g.shown("gain") for g in by_agency(gaps, "split")},
            "problems": len(checked.problems),
            "projected": (projected_tally(gaps, scores).shown("projected")
                          if dataset.has("results") else None),
            "scores": {code: value for code, (value, _) in scores.items()},
            "stages": {code: stage for code, (_, stage) in scores.items()},
            "statuses": statuses,
            "overdue": [d.deliverable.item.code for d in due if d.state == "overdue"],
            "passed": [d.deliverable.item.code for d in due if d.state == "passed"]}


def section(path: Path, figures: dict[str, object], checked: Checked,
            lang: Lang) -> Section:
    """"Since the report of <date>": the scores new or changed (criterion by criterion, old →
    new), the tasks whose status changed, the tasks that became overdue, then the figures
    that changed; or a line saying nothing did."""
    previous = _previous(path)
    then = previous["figures"]
    blocks = (_scores(then, figures, checked, lang) + _statuses(then, figures, checked, lang)
              + _overdue(then, figures, lang))
    changes = _changes(then, figures, lang)
    if blocks and changes == [t("since_nothing", lang)]:
        changes = []
    return Section(t("report_since", lang, date=_since_date(previous, lang)),
                   blocks + changes)


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _scores(then: dict[str, Any], now: dict[str, object], checked: Checked,
            lang: Lang) -> list[str | Table]:
    """A row per leaf criterion whose latest score is new or changed (or gone)."""
    old, new = _mapping(then.get("scores")), _mapping(now.get("scores"))
    old_stage, new_stage = _mapping(then.get("stages")), _mapping(now.get("stages"))
    names = {node.code: node.row.text.shown(lang) for node in checked.dataset.tree.leaves}
    rows: list[dict[str, object]] = []
    for code in sorted(set(old) | set(new), key=code_key):
        before, after = _number(old.get(code)), _number(new.get(code))
        if before == after and old_stage.get(code) == new_stage.get(code):
            continue
        rows.append({"code": code, "name": names.get(code, ""),
                     "then": _score_text(before, old_stage.get(code), lang),
                     "now": _score_text(after, new_stage.get(code), lang)})
    if not rows:
        return []
    return [t("report_since_scores", lang, n=len(rows)), Table(
        [Column("code", t("code", lang)), Column("name", t("criterion", lang)),
         Column("then", t("since_then", lang)), Column("now", t("since_now", lang))], rows)]


def _score_text(value: Decimal | None, stage: object, lang: Lang) -> str:
    if value is None:
        return t("report_since_none", lang)
    text = number(value, lang)
    return f"{text} ({t(f'stage_{stage}', lang)})" if isinstance(stage, str) \
        and f"stage_{stage}" in CATALOGUE else text


def _statuses(then: dict[str, Any], now: dict[str, object], checked: Checked,
              lang: Lang) -> list[str | Table]:
    """A row per task whose status changed."""
    old, new = _mapping(then.get("statuses")), _mapping(now.get("statuses"))
    titles = {item.code: item.text.shown(lang) for item in checked.dataset.tasks()} \
        if checked.dataset.has("assignments") else {}
    rows: list[dict[str, object]] = [
        {"code": code, "title": titles.get(code, ""),
         "then": _status_text(old.get(code), lang), "now": _status_text(new.get(code), lang)}
        for code in sorted(set(old) | set(new), key=code_key) if old.get(code) != new.get(code)]
    if not rows:
        return []
    return [t("report_since_statuses", lang, n=len(rows)), Table(
        [Column("code", t("code", lang)), Column("title", t("title", lang)),
         Column("then", t("since_then", lang)), Column("now", t("since_now", lang))], rows)]


def _status_text(status: object, lang: Lang) -> str:
    if isinstance(status, str) and f"status_{status}" in CATALOGUE:
        return t(f"status_{status}", lang)
    return t("report_since_none", lang)


def _overdue(then: dict[str, Any], now: dict[str, object], lang: Lang) -> list[str | Table]:
    """The tasks overdue now that were neither overdue nor past their due date then."""
    before = {str(code) for key in ("overdue", "passed")
              for code in (then.get(key) or []) if isinstance(code, str)}
    overdue = now.get("overdue")
    assert isinstance(overdue, list)
    became = [code for code in overdue if code not in before]
    if not became:
        return []
    return [t("report_since_overdue", lang, n=len(became), codes=", ".join(became))]


def _since_date(previous: dict[str, Any], lang: Lang) -> str:
    when = previous.get("as_of")
    return date_text(date.fromisoformat(when), lang) if isinstance(when, str) else "—"


def _previous(path: Path) -> dict[str, Any]:
    """A previous report's JSON (`report --format json`), or a usage error saying why not."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"--since: {path}: not a report's JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        raise UsageError(f"--since: {path}: not the JSON of `parcli report --format json` "
                         "(no figures)")
    return data


def _changes(then: dict[str, Any], figures: dict[str, object],
             lang: Lang) -> list[str | Table]:
    rows: list[dict[str, object]] = []

    def compare(label: str, old: object, new: object) -> None:
        old_d = _number(old)
        new_d = _number(new)
        if old_d != new_d:
            rows.append({"figure": label, "then": old_d, "now": new_d,
                         "change": minus(new_d, old_d)})

    for key in ("baseline", "target", "gain", "lost", "projected", "problems"):
        compare(t(f"since_{key}", lang), then.get(key), figures.get(key))
    old_agencies: dict[str, Any] = then.get("agencies") or {}
    new_agencies = figures["agencies"]
    assert isinstance(new_agencies, dict)
    for agency in sorted(set(old_agencies) | set(new_agencies)):
        compare(t("since_agency", lang, agency=agency), old_agencies.get(agency),
                new_agencies.get(agency))
    if not rows:
        return [t("since_nothing", lang)]
    return [Table([Column("figure", t("since_figure", lang)),
                   Column("then", t("since_then", lang), True),
                   Column("now", t("since_now", lang), True),
                   Column("change", t("since_change", lang), True)], rows)]


def _number(value: object) -> Decimal | None:
    """A figure as a Decimal: numbers as they are, "76.5%" as 76.5, anything else unknown."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str) and value.endswith("%"):
        try:
            return Decimal(value[:-1])
        except ArithmeticError:
            return None
    return None
