"""A score outside what its criterion allows, by the rule the criteria file's scores are
checked by (`parcli.models.ranges.score_range`): a penalty row's [min, 0], any other row's
[min, max], min being 0 unless the row gives one.

Failing: `value: 2` for a criterion with `max: 1.5`. Passing: `value: 1.25`. A measured
place for a rank goal of the plan file is a whole number from 1 to the number ranked
(`value: 50.5`, or 64 of 63, fails).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.models.ranges import PenaltyWithoutMin, in_range, score_range
from parcli.numbers import number_text
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "result-out-of-range"
LEVEL = "error"
ORDER = 260
DESCRIPTION = Text("a score above its criterion's max or below its minimum",
                   "điểm vượt điểm tối đa hoặc thấp hơn mức tối thiểu của tiêu chí")
NEEDS = ("criteria", "results")
MESSAGE = Text("{stage} score {value} of {code} is outside [{low}, {high}]",
               "{code}: điểm {value} ({stage}) nằm ngoài khoảng [{low}, {high}]")
RANK = Text("{id}: a rank goal's place {value} is not a whole number from 1 to {of}",
            "{id}: vị thứ {value} của mục tiêu xếp hạng phải là số nguyên từ 1 đến {of}")


def check(context: Context) -> Iterator[Found]:
    yield from _ranks(context)
    by_code = context.tree.by_code
    for index, result in enumerate(context.dataset.results_file.results):
        node = by_code.get(result.code)
        if node is None:
            continue
        try:  # the criteria file's rule: a penalty row [min, 0], any other [min or 0, max]
            low, high = score_range(node.kind, node.row.min, node.row.max)
        except PenaltyWithoutMin:  # the criteria file's error already
            continue
        for n, score in enumerate(result.scores):
            if not in_range(score.value, (low, high)):
                yield Found("results", ("results", index, "scores", n, "value"),
                            MESSAGE.format(stage=_stage(score.stage),
                                           value=number_text(score.value),
                                           code=result.code,
                                           low=number_text(low) if low is not None else "-∞",
                                           high=number_text(high) if high is not None else "∞"),
                            result.code)


def _stage(stage: str) -> Text:
    """The stage's key in English (as the file writes it), its name in Vietnamese."""
    from parcli.i18n import label

    return Text(stage, label(f"stage_{stage}").vi)


def _ranks(context: Context) -> Iterator[Found]:
    if not context.has("plan"):
        return
    ranked = {goal.id for goal in context.dataset.plan_file.goals if goal.measure == "rank"}
    rank = context.dataset.criteria_file.rank
    of = rank.of if rank is not None else None
    for index, entry in enumerate(context.dataset.results_file.measured):
        if entry.id in ranked and (entry.value != entry.value.to_integral_value()
                                   or entry.value < 1 or (of is not None and entry.value > of)):
            yield Found("results", ("measured", index, "value"),
                        RANK.format(id=entry.id, value=number_text(entry.value),
                                    of=of if of is not None else "…"), entry.id)
