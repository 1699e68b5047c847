"""`parcli report`: the meeting report (`summary`), one agency's task sheet
(`agency_sheet`), or a folder with the sheet of every agency involved."""

from __future__ import annotations

from pathlib import Path

from parcli.checking import Checked
from parcli.commands import with_sources
from parcli.commands.base import Spec
from parcli.commands.report import agency_sheet, summary
from parcli.commands.report.options import Options
from parcli.output import Documents, Output
from parcli.problems import UsageError

__all__ = ["SPEC", "Options", "run"]

# assignments: unless --no-assignments
SPEC = Spec(needs=("criteria", "assignments", "agencies"), optional=("plan", "results"))


def run(checked: Checked, options: Options) -> Output | Documents:
    if options.body and options.agency is None and options.per_agency is None:
        from parcli.i18n import t

        raise UsageError(t("err_body_needs_agency", options.common.lang))
    if options.per_agency is not None:
        return _per_agency(checked, options, options.per_agency)
    if options.agency is not None:
        from parcli.agency_text import agency_of

        year = checked.dataset.criteria_file.target_year
        lang = options.common.lang
        agency = agency_of(checked.dataset.registry, options.agency, "--agency: ", lang)
        return agency_sheet.run(checked, agency, lang, options.deadlines_at(year)[0],
                                options.body)
    return summary.run(checked, options)


def _per_agency(checked: Checked, options: Options, folder: Path) -> Documents:
    """The sheet of every agency that leads a criterion, has a task, or has a duty in the
    plan file."""
    if not checked.dataset.has("assignments"):
        raise UsageError("--per-agency needs an assignments file: the sheets list its tasks")
    dataset = checked.dataset
    as_of = options.deadlines_at(dataset.criteria_file.target_year)[0]
    registry = dataset.registry
    year = dataset.criteria_file.target_year
    duties = ({agency for duty in dataset.plan_file.duties
               for agency in registry.current_ids(duty.agencies, year)}
              if dataset.has("plan") else set())
    involved = [a.id for a in registry.agencies if a.id in duties or any(
        a.id in registry.ids(item.lead) + registry.ids(item.implementers)
        for item in dataset.tasks())]
    lang = options.common.lang
    return Documents(folder, {
        agency: with_sources(agency_sheet.run(checked, agency, lang, as_of, options.body),
                             checked.sources, lang)
        for agency in involved})
