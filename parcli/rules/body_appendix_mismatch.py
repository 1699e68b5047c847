"""A target of the plan's body and an Appendix II requirement on the same subject that set
different numbers: the departments are held to one, the province reports the other.

The target's `subjects` name the Appendix II items on its subject. Failing: body "Thực hiện
giải ngân kế hoạch đầu tư vốn ngân sách Nhà nước năm 2020 đạt tỷ lệ 100%" (>= 100 %) with
subject 6.1.1 "Giải ngân 90% trở lên so với kế hoạch" (>= 90 %). Passing: the same
comparison, number and unit; an item whose requirement holds no threshold is not compared.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from parcli.rules.base import Context, Found, threshold_text
from parcli.text import Text

if TYPE_CHECKING:
    from parcli.engine.requirements import Threshold

ID = "body-appendix-mismatch"
LEVEL = "warning"
ORDER = 178
DESCRIPTION = Text("a body target and an Appendix II requirement on its subject differ",
                   "chỉ tiêu trong Kế hoạch khác yêu cầu của nhiệm vụ cùng nội dung ở Phụ lục II")
NEEDS = ("plan", "assignments")
MESSAGE = Text("target {code} '{text}' ({ours}) but item {item} requires '{theirs_text}' "
               "({theirs}; the assignments file, line {line})",
               "chỉ tiêu {code} '{text}' ({ours}) nhưng mục {item} ở Phụ lục II yêu cầu "
               "'{theirs_text}' ({theirs}; tệp phân công, dòng {line})")


def check(context: Context) -> Iterator[Found]:
    from parcli.engine.goals import single_threshold
    from parcli.engine.requirements import parse_requirement

    items = {item.code: (index, item) for index, item in
             enumerate(context.dataset.assignments_file.assignments)}
    loaded = context.loaded("assignments")
    for f, field in enumerate(context.dataset.plan_file.fields):
        for n, task in enumerate(field.tasks):
            for m, target in enumerate(task.targets):
                ours = single_threshold(target.text)
                if ours is None:
                    continue  # unparsed-target says so
                for code in target.subjects:
                    if code not in items or items[code][1].requirement is None:
                        continue
                    index, item = items[code]
                    theirs = parse_requirement(item.requirement or "")
                    if not theirs or any(_same(ours, other) for other in theirs):
                        continue
                    # the line, not the file's path: a diff reads each side from its own folder
                    line, _ = loaded.document.position(("assignments", index, "requirement"))
                    yield Found("plan", ("fields", f, "tasks", n, "targets", m, "text"),
                                MESSAGE.format(code=target.code, text=target.text,
                                               ours=threshold_text(ours), item=code,
                                               theirs_text=item.requirement,
                                               theirs=_joined([threshold_text(t) for t in theirs]),
                                               line=line),
                                target.code)


def _same(one: Threshold, other: Threshold) -> bool:
    return (one.comparison, one.value, one.unit) == (other.comparison, other.value,
                                                      other.unit)


def _joined(texts: list[Text]) -> Text:
    return Text("; ".join(t.en for t in texts), "; ".join(t.vi for t in texts))

