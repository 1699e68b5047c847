"""One range rule for the criteria file's scores and the results file's: a penalty row's
range is [min, 0] and it must give min; any other row's [min or 0, max]."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from parcli.models import criteria as criteria_models
from parcli.models import ranges
from parcli.models.criteria import Criterion
from parcli.models.ranges import PenaltyWithoutMin, in_range, score_range
from parcli.rules import result_out_of_range


def test_the_ranges() -> None:
    assert score_range("penalty", D(-3), D(0)) == (D(-3), D(0))
    assert score_range("penalty", D(-3), None) == (D(-3), D(0))
    assert score_range("bonus", None, D(5)) == (D(0), D(5))
    assert score_range("normal", None, D(2)) == (D(0), D(2))
    assert score_range("normal", None, D(40), bonus_below=True) == (D(0), None)
    with pytest.raises(PenaltyWithoutMin):
        score_range("penalty", None, D(0))


def test_a_penalty_row_without_min_is_refused_in_the_criteria() -> None:
    with pytest.raises(ValidationError, match="penalty row without min"):
        Criterion.model_validate({"code": "4.1", "name": "Trừ", "kind": "penalty",
                                  "max": 0, "baseline": D(-1)})


def test_baseline_minus_1_and_result_minus_2_on_a_penalty_row_with_min_minus_3() -> None:
    row = Criterion.model_validate({"code": "4.1", "name": "Trừ", "kind": "penalty",
                                    "min": D(-3), "max": 0, "baseline": D(-1)})
    assert row.baseline == D(-1)
    assert in_range(D(-2), score_range("penalty", row.min, row.max))  # the results rule's test
    assert not in_range(D(-4), score_range("penalty", row.min, row.max))


def test_the_criteria_and_the_results_share_one_code_path() -> None:
    assert criteria_models.score_range is ranges.score_range
    assert result_out_of_range.score_range is ranges.score_range
    assert criteria_models.in_range is result_out_of_range.in_range is ranges.in_range


def test_a_result_of_minus_2_on_a_penalty_row_with_min_minus_3_is_accepted(cli, tmp_path) -> None:
    from tests.test_methodology import DEPT, _copy

    criteria = _copy(DEPT, tmp_path / "plan", criteria=[
        ("    min: -5\n    max: 0\n    baseline: -1\n", "    min: -3\n    max: 0\n"
         "    baseline: -1\n")])
    results = criteria.parent / "results_2026.yaml"
    for value, code in (("-2", 0), ("-4", 1)):
        results.write_text("year: 2026\nresults:\n  - code: \"IV.1\"\n    scores:\n"
                           "      - {stage: self, date: 2026-06-01, value: " + value + "}\n",
                           encoding="utf-8")
        done = cli("validate", "--criteria", criteria, "--results", results)
        assert done.code == code, done.out
