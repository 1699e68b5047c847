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
from parcli.i18n import date_text, t
from parcli.numbers import minus
from parcli.output import Column, Section, Table
from parcli.problems import UsageError
from parcli.text import Lang


def figures(checked: Checked, sums: CheckResult, gaps: list[LeafGap]) -> dict[str, object]:
    """The figures a later report compares with (--since): totals and agencies' points."""
    total = checked.dataset.criteria_file.total
    whole = province(gaps)
    return {"baseline": total.baseline, "target": total.target,
            "computed": {c.column: c.computed for c in sums.totals},
            # unknown (null) when no criterion's value is known: the sum of nothing is not 0
            "gain": whole.shown("gain"), "lost": whole.shown("lost"),
            "agencies": {g.key: g.shown("gain") for g in by_agency(gaps, "split")},
            "problems": len(checked.problems)}


def section(path: Path, figures: dict[str, object], lang: Lang) -> Section:
    """"Since the report of <date>": the figures that changed, or a line saying none did."""
    previous = _previous(path)
    return Section(t("report_since", lang, date=_since_date(previous, lang)),
                   _changes(previous["figures"], figures, lang))


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

    for key in ("baseline", "target", "gain", "lost", "problems"):
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
