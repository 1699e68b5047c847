"""Scores belong to leaf criteria: a parent's score is the sum of its rows, so a score given
for a parent would be counted twice or contradict them.

Failing: a score for field `1` when 1.1 … 1.6 exist. Passing: scores for 1.1 … 1.6.
"""

from __future__ import annotations

from collections.abc import Iterator

from parcli.rules.base import Context, Found
from parcli.text import Text

ID = "result-not-leaf"
LEVEL = "error"
ORDER = 250
DESCRIPTION = Text("a score for a criterion that has rows below it",
                   "điểm ghi cho tiêu chí có tiêu chí thành phần")
NEEDS = ("criteria", "results")
MESSAGE = Text("criterion {code} has rows below it ({children}); give their scores instead",
               "tiêu chí {code} có các tiêu chí thành phần ({children}); ghi điểm cho các tiêu "
               "chí đó")


def check(context: Context) -> Iterator[Found]:
    by_code = context.tree.by_code
    for index, result in enumerate(context.dataset.results_file.results):
        node = by_code.get(result.code)
        if node is not None and node.children:
            yield Found("results", ("results", index, "code"), MESSAGE.format(
                code=result.code, children=", ".join(c.code for c in node.children)),
                result.code)
