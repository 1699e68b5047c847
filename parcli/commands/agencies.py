"""`parcli agencies`: the registry, with how many criteria each agency leads."""

from __future__ import annotations

from dataclasses import dataclass

from parcli.agency_text import merge_note
from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.gap import by_agency, leaf_gaps
from parcli.i18n import t
from parcli.output import Column, Output, Table

# assignments: unless --no-assignments
# The registry is what it lists; the assignments, when there are any, add the leads of the
# leaves that have none of their own.
SPEC = Spec(needs=("criteria", "agencies"), optional=("assignments",))


@dataclass(frozen=True)
class Options:
    common: Common



def run(checked: Checked, options: Options) -> Output:
    lang = options.common.lang
    dataset = checked.dataset
    gaps = leaf_gaps(dataset.tree, dataset.registry, dataset.mapped)
    led = {group.key: group for group in by_agency(gaps, "split")}
    registry, year = dataset.registry, dataset.criteria_file.target_year
    rows, merges = [], []
    for agency in registry.agencies:
        group = led.get(agency.id)
        merge = merge_note(registry, agency.id, year)  # ceased before the plan year
        if merge is not None:
            merges.append(merge.in_(lang))
        rows.append({"id": agency.id, "name": agency.name, "name_en": agency.name_en,
                     "aliases": agency.aliases,
                     "label": (merge or agency.text).in_(lang),
                     "criteria_led": len(group.criteria) if group else 0,
                     # unknown (None) when none of its criteria's points lost is known;
                     # 0 only when it leads no criterion
                     "at_stake": group.shown("lost") if group else 0,
                     "until": agency.until.isoformat() if agency.until else None,
                     "successor": agency.successor,
                     "current": registry.current(agency.id, year)})
    # an agency reads by its name (and its other spellings, which --agency takes too); its
    # id only in csv and json
    table = Table([Column("id", t("id", lang), human=False), Column("label", t("name", lang)),
                   Column("criteria_led", t("leads_count", lang), True),
                   Column("at_stake", t("at_stake", lang), True),
                   Column("aliases", t("aliases", lang))],
                  rows, t("agencies_title", lang))
    data = [{k: row[k] for k in ("id", "name", "name_en", "aliases", "criteria_led", "at_stake",
                                 "until", "successor", "current")}
            for row in rows]
    if not dataset.has("assignments"):
        merges.append(t("no_assignments_note", lang))
    return Output([table], data, notes=merges)
