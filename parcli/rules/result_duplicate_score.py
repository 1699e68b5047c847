"""Two scores of one criterion with the same stage and the same date: nothing tells which
of them is the score, and the one listed first would win, so swapping two lines of the file
would change `progress` and `rank`.

Failing::

    - code: "1.1"
      scores:
        - {stage: appraised, date: 2020-11-15, value: 2.25}
        - {stage: appraised, date: 2020-11-15, value: 2.5}

Passing: one score per stage and day (keep the right one; a corrected score given later is
dated the day it was given, and the latest date of the latest stage wins). The same holds for
the measured values of a goal or body target (`measured:`): one per id and date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from parcli.i18n import date_text, label
from parcli.numbers import number_text
from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "result-duplicate-score"
LEVEL = "error"
ORDER = 280
DESCRIPTION = Text("two scores of one criterion with the same stage and date (or two "
                   "measured values of a goal on one date)",
                   "hai điểm của một tiêu chí cùng giai đoạn, cùng ngày (hoặc hai giá trị đo "
                   "của một mục tiêu cùng ngày)")
NEEDS = ("results",)
MESSAGE = Text("{code} has two {stage} scores dated {date}: {first} at line {first_line} "
               "and {value} at line {line}; which one counts depends on their order: keep one",
               "{code} có hai điểm {stage} cùng ngày {date}: {first} ở dòng {first_line} và "
               "{value} ở dòng {line}; điểm nào được tính phụ thuộc vào thứ tự ghi: chỉ giữ "
               "một điểm")
MEASURED = Text("{id} has two values measured on {date}: {first} at line {first_line} and "
                "{value} at line {line}; which one counts depends on their order: keep one",
                "{id} có hai giá trị đo cùng ngày {date}: {first} ở dòng {first_line} và "
                "{value} ở dòng {line}; giá trị nào được tính phụ thuộc vào thứ tự ghi: chỉ "
                "giữ một giá trị")


def check(context: Context) -> Iterator[Found]:
    loaded = context.loaded("results")
    seen: dict[tuple[str, date | None], int] = {}
    for n, entry in enumerate(loaded.model.measured):
        key = (entry.id, entry.date)
        if key not in seen:
            seen[key] = n
            continue
        first_line, _ = loaded.document.position(("measured", seen[key]))
        line, _ = loaded.document.position(("measured", n))
        when = (Text(date_text(entry.date, "en"), date_text(entry.date, "vi"))
                if entry.date is not None else Text("no date", "không ghi ngày"))
        yield Found("results", ("measured", n), MEASURED.format(
            id=entry.id, date=when, first=number_text(loaded.model.measured[seen[key]].value),
            first_line=first_line, value=number_text(entry.value), line=line), entry.id)
    for index, result in enumerate(loaded.model.results):
        first: dict[tuple[str, date], int] = {}
        for n, score in enumerate(result.scores):
            key = (score.stage, score.date)
            if key not in first:
                first[key] = n
                continue
            earlier = result.scores[first[key]]
            loc = ("results", index, "scores", n)
            first_line, _ = loaded.document.position(("results", index, "scores", first[key]))
            line, _ = loaded.document.position(loc)
            yield Found("results", loc, MESSAGE.format(
                code=result.code, stage=Text(score.stage, label(f"stage_{score.stage}").vi),
                date=Text(date_text(score.date, "en"), date_text(score.date, "vi")),
                value=number_text(score.value), line=line,
                first=number_text(earlier.value), first_line=first_line), result.code)
