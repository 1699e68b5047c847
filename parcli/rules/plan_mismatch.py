"""A plan file of another year or province than the criteria file: the body of one plan
read beside the appendices of another.

Failing: `year: 2021` in `plan_2021.yaml` given with `--plan` beside criteria whose target
year is 2020; `province: Gia Lai` beside the criteria of Đắk Lắk. Passing: the same year
and province (a plan file without `province` is not compared).
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text, fold

ID = "plan-mismatch"
LEVEL = "error"
ORDER = 105
DESCRIPTION = Text("the plan file's year or province differs from the criteria file's",
                   "năm hoặc tỉnh của tệp kế hoạch khác tệp tiêu chí")
NEEDS = ("criteria", "plan")
YEAR = Text("a plan of {year} with criteria whose target year is {target} ({file})",
            "tệp kế hoạch năm {year} nhưng năm mục tiêu của tệp tiêu chí là {target} ({file})")
PROVINCE = Text("a plan of {theirs} with the criteria of {ours}",
                "tệp kế hoạch ghi {theirs} nhưng tệp tiêu chí ghi {ours}")


def check(context: Context) -> Iterator[Found]:
    plan = context.dataset.plan_file
    data = context.dataset.criteria_file
    if plan.year != data.target_year:
        yield Found("plan", ("year",), YEAR.format(year=plan.year, target=data.target_year,
                                                  file=context.loaded("criteria").file))
    province = data.province
    if plan.province is not None and fold(plan.province) not in {
            fold(province.name), fold(province.name_en or province.name)}:
        yield Found("plan", ("province",), PROVINCE.format(theirs=plan.province,
                                                          ours=province.name))
