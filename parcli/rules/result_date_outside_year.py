"""Results belong to one plan year: the file's `year` is the plan's target year, and every
score and status is dated within it (a published score may come in the next year, when
the index is announced: scores of stage `official` may be dated up to the end of the next
year).

Failing: `year: 2019` with a 2020 plan; a self-assessment dated 2021-02-01 in 2020's results.
Passing: `year: 2020`, dates in 2020 (official scores up to 2021-12-31).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from parcli.i18n import date_text, label
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "result-date-outside-year"
LEVEL = "error"
ORDER = 270
DESCRIPTION = Text("a results file or a date outside the plan year",
                   "tệp kết quả hoặc ngày nằm ngoài năm kế hoạch")
NEEDS = ("criteria", "results")
YEAR = Text("results of {year} for a plan whose target year is {target}",
            "kết quả năm {year} cho kế hoạch năm {target}")
DATE = Text("{what} of {code} dated {date}, outside {year}",
            "{what_vi} của {code} ngày {date}, ngoài năm {year}")


def check(context: Context) -> Iterator[Found]:
    results = context.dataset.results_file
    target = context.dataset.criteria_file.target_year
    if results.year != target:
        yield Found("results", ("year",), YEAR.format(year=results.year, target=target))
        return
    for index, result in enumerate(results.results):
        for n, score in enumerate(result.scores):
            last = target + 1 if score.stage == "official" else target
            if not target <= score.date.year <= last:
                yield Found("results", ("results", index, "scores", n, "date"), DATE.format(
                    what=f"the {score.stage} score",
                    what_vi=f"điểm {label(f'stage_{score.stage}').vi}",
                    code=result.code, date=_date(score.date), year=target), result.code)
    for index, status in enumerate(results.statuses):
        if status.date is not None and status.date.year != target:
            yield Found("results", ("statuses", index, "date"), DATE.format(
                what="the status", what_vi="trạng thái", code=status.code,
                date=_date(status.date), year=target), status.code)


def _date(day: date) -> Text:
    """ISO in English, dd/mm/yyyy in Vietnamese, as every other date parcli writes."""
    return Text(date_text(day, "en"), date_text(day, "vi"))
