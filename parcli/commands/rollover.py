"""`parcli rollover`: next year's criteria file, its baselines this year's results.

Every row is carried with every key it has (so a key the data format gains later is carried
too), except what changes with the year:
- `baseline`: a leaf's score in the results file, the official one, else the latest stage
  (marked in a comment); a leaf without a score has none (unknown, never 0); a subtotal and
  the total are the sums of their rows when all are known, else left out.
- `target`: left out everywhere: the planners fill it in.
- `acknowledged`: dropped for baseline and target (those subtotals are now exact sums); kept
  for a column still carried as printed (`max`).
- `rank` and `sipas`: dropped. Both are facts of the old baseline year (the rank of the year
  before the plan, its SIPAS percentage), and the results file holds neither the new rank
  nor the new SIPAS percentage: the planners add them when published.
- `baseline_year` is this plan's `target_year`, `target_year` the year after.
`source` is kept: it still names the document the rows were transcribed from.

The text is returned (`Written`); the command line writes it (`criteria_<next>.yaml` beside
the criteria file unless `-o`), refusing to overwrite a file without `--force`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from parcli.checking import Checked
from parcli.commands.base import Common, Spec
from parcli.engine.tree import CriteriaTree, Node
from parcli.engine.writer import Written, document, emit, item
from parcli.files.naming import file_name
from parcli.models.results import ResultsFile, Score
from parcli.numbers import number
from parcli.problems import UsageError

SPEC = Spec(needs=("criteria", "results"))


@dataclass(frozen=True)
class Options:
    common: Common
    output: Path | None = None
    force: bool = False


LAST_YEAR = 2200  # the data format's last year
REWRITTEN = ("baseline", "target")  # the columns a rollover sets, never carries
FIRST = ("code", "name", "name_en", "max", "baseline")  # written first, in this order
STAGE_NAMES = {"self": "self-assessment", "appraised": "appraised score", "official": ""}

HEADER = """\
yaml-language-server: $schema=../schema/criteria.schema.json
The {next} plan's criteria, rolled over by `parcli rollover` from the {year} plan and its
results:
  plan:    {criteria}
  results: {results}
Every row is carried (names, max, leads, methods, notes); baseline_year {year}, target_year
{next}.
baseline: each leaf's {year} score in the results: the official one, else the latest stage
  (marked in a comment); a leaf without a score has no baseline (unknown, never 0); a
  subtotal and the total are the sums of their rows when all of them are known.
  {official} official, {earlier} from an earlier stage, {unknown} unknown (of {leaves} leaves).
target: left out everywhere: the planners fill it in, with total.target as printed.
Not carried: rank and sipas (facts of {old}; add {year}'s when published), and any
acknowledged baseline or target (the subtotals are now sums). source still names the
document the rows were transcribed from.
"""


def run(checked: Checked, options: Options) -> Written:
    dataset = checked.dataset
    plan = dataset.criteria_file
    tree = dataset.tree
    year = plan.target_year
    if year >= LAST_YEAR:
        raise UsageError(f"cannot roll over past {LAST_YEAR}: the plan's target year is {year}")
    scores = winning_scores(dataset.results_file)
    baselines, total_baseline = rolled_baselines(tree, scores)
    results_name = dataset.paths.results.name if dataset.paths.results else "the results"
    rows: list[str] = []
    for node in tree.nodes:
        comments, note = _remarks(node, scores, baselines, results_name)
        rows += item(_row(_dump(node.row), baselines[node.index]), 2, comments, note)
    top = _dump(plan)
    for key in ("rank", "sipas", "total", "criteria", "baseline_year", "target_year"):
        top.pop(key, None)
    head = {"index": top.pop("index"), "province": top.pop("province"),
            "baseline_year": year, "target_year": year + 1}
    total = _row(_dump(plan.total), total_baseline)
    body = [*emit({**head, **top}), *emit({"total": total}), "criteria:", *rows]
    leaves = tree.leaves
    official = sum(1 for n in leaves if n.code in scores and scores[n.code].stage == "official")
    known = sum(1 for n in leaves if n.code in scores)
    criteria_name = dataset.paths.criteria.name if dataset.paths.criteria else "the plan"
    header = HEADER.format(
        next=year + 1, year=year, old=plan.baseline_year or "the year before",
        criteria=criteria_name, results=results_name, official=official,
        earlier=known - official, unknown=len(leaves) - known, leaves=len(leaves))
    return Written(document(header, body), file_name("criteria", year + 1))


def winning_scores(results: ResultsFile) -> dict[str, Score]:
    """Leaf code -> its winning score (official, else the latest stage; then the latest
    date); a code without scores is left out."""
    found: dict[str, Score] = {}
    for result in results.results:
        score = result.latest()
        if score is not None:
            found[result.code] = score
    return found


def rolled_baselines(tree: CriteriaTree, scores: dict[str, Score]
                     ) -> tuple[dict[int, Decimal | None], Decimal | None]:
    """Row index -> its new baseline, and the new total: a leaf's winning score as given; a
    parent's and the total's, what the engine adds up from those leaves (unknown when a row
    below is unknown), written without trailing zeros."""
    leaves = {node.index: scores[node.code].value if node.code in scores else None
              for node in tree.leaves}
    rows = [row.model_copy(update={"baseline": leaves.get(index)})
            for index, row in enumerate(tree.data.criteria)]
    rolled = CriteriaTree(tree.data.model_copy(update={"criteria": rows}))
    found = {node.index: leaves[node.index] if node.is_leaf
             else _plain(rolled.computed(node, "baseline")) for node in rolled.nodes}
    return found, _plain(rolled.total("baseline"))


def _plain(value: Decimal | None) -> Decimal | None:
    """A sum without trailing zeros (0.25 + 0.25 + 0.5 is 1, not 1.00)."""
    return None if value is None else Decimal(number(value))


def _dump(model: BaseModel) -> dict[str, Any]:
    """Every key the model holds, as the file would write it; a key at its default (an empty
    list, an absent number) is left out, as the data format writes it."""
    return model.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)


def _row(data: dict[str, Any], baseline: Decimal | None) -> dict[str, Any]:
    """A row's keys as the model dumps them, baseline and target replaced, in the data's
    order: code, name, name_en, max, baseline first, then the rest as the model has them."""
    for column in REWRITTEN:
        data.pop(column, None)
    acknowledged = {column: reason for column, reason in data.pop("acknowledged", {}).items()
                    if column not in REWRITTEN}
    if baseline is not None:
        data["baseline"] = baseline
    ordered = {key: data.pop(key) for key in FIRST if key in data}
    return {**ordered, **data, **({"acknowledged": acknowledged} if acknowledged else {})}


def _remarks(node: Node, scores: dict[str, Score], baselines: dict[int, Decimal | None],
             results_name: str) -> tuple[dict[str, str], str | None]:
    """A comment beside a baseline that is not official; a note on a row without one."""
    if node.is_leaf:
        score = scores.get(node.code)
        if score is None:
            return {}, f"no score in {results_name}: baseline unknown"
        if score.stage != "official":
            stage = STAGE_NAMES.get(score.stage, score.stage)
            return {"baseline": f"{stage} of {score.date.isoformat()}, not the official "
                                "score"}, None
        return {}, None
    if baselines[node.index] is None:
        missing = [leaf.code for leaf in node.descendants()
                   if leaf.is_leaf and leaf.code not in scores]
        return {}, f"baseline unknown: no score for {_listed(missing)}"
    return {}, None


def _listed(codes: list[str], most: int = 6) -> str:
    shown = ", ".join(codes[:most])
    return shown + (f" and {len(codes) - most} more" if len(codes) > most else "")
