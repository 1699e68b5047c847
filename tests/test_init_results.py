"""`parcli init-results`: the results skeleton loads and passes every rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parcli.checking import DataRequest, collect, open_data
from parcli.commands import init_results
from parcli.commands.base import Common
from parcli.commands.init_results import Options as InitResultsOptions
from parcli.engine.checksum import DEFAULT_TOLERANCE
from parcli.engine.plan import Plan
from parcli.engine.writer import Written
from parcli.files.config import Config
from parcli.files.dataset import DataPaths
from parcli.load import load_model
from parcli.models.assignments import AssignmentsFile
from parcli.models.criteria import CriteriaFile
from parcli.models.results import ResultsFile
from parcli.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CRITERIA = DATA / "criteria_2020.yaml"
ASSIGNMENTS = DATA / "assignments_2020.yaml"
AGENCIES = DATA / "agencies.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "results"


def skeleton(request: DataRequest) -> Written:
    spec = init_results.SPEC
    checked = open_data(request, "init-results", spec.needs, spec.optional,
                        tolerated=spec.tolerated)
    return init_results.run(checked, InitResultsOptions(Common(request)))


def problems_with(results: Path, criteria: Path = CRITERIA,
                  assignments: Path | None = ASSIGNMENTS,
                  agencies: Path | None = AGENCIES) -> list[Problem]:
    """Every problem validate would find in the results file (the plan's own warnings, which
    are about the plan, left out)."""
    found = collect(Plan(DataPaths(criteria, assignments, agencies, results=results)),
                    DEFAULT_TOLERANCE, "en", Config())
    return [p for p in found if p.file.endswith(results.name)]


def leaves(criteria: Path) -> list[str]:
    from parcli.engine.tree import CriteriaTree

    return [n.code for n in CriteriaTree(load_model(criteria, CriteriaFile).model).leaves]


def test_a_skeleton_for_every_leaf_and_every_task(tmp_path: Path) -> None:
    out = skeleton(DataRequest(criteria=CRITERIA))
    assert out.name == "results_2020.yaml"
    path = tmp_path / out.name
    path.write_text(out.text, encoding="utf-8")
    model: ResultsFile = load_model(path, ResultsFile, "results").model
    assert model.year == 2020
    assert [r.code for r in model.results] == leaves(CRITERIA)
    assert len(model.results) == 80 and all(r.scores == [] for r in model.results)
    plan: AssignmentsFile = load_model(ASSIGNMENTS, AssignmentsFile).model
    tasks = [a.code for a in plan.assignments if not a.is_heading]
    assert [s.code for s in model.statuses] == tasks and len(tasks) == 86
    assert {s.status for s in model.statuses} == {"not-started"}
    assert problems_with(path) == []


def test_the_text_explains_itself() -> None:
    text = skeleton(DataRequest(criteria=CRITERIA)).text
    assert text.startswith("# yaml-language-server: $schema=../schema/results.schema.json\n")
    assert "#   plan: criteria_2020.yaml\n#   assignments: assignments_2020.yaml\n" in text
    assert '\nyear: 2020\nresults:\n  - code: "1.1"  # Thực hiện Kế hoạch CCHC năm (max 1.5)\n' \
           "    scores: []\n" in text
    assert '\nstatuses:\n  - code: "1.1"  # Kế hoạch CCHC năm\n    status: "not-started"\n' in text
    header = text[:text.index("\nyear:")]
    assert all(line.startswith("#") for line in header.splitlines())


def test_validate_accepts_the_skeleton(cli: Callable[..., Any], tmp_path: Path) -> None:
    """Through the command line once `validate --results` exists."""
    if "--results" not in cli("validate", "--help").out:
        pytest.skip("validate has no --results option yet")
    path = tmp_path / "results_2020.yaml"
    path.write_text(skeleton(DataRequest(criteria=CRITERIA)).text, encoding="utf-8")
    result = cli("validate", "--criteria", CRITERIA, "--results", path, "--format", "json")
    assert result.code == 0, result.out
    data = json.loads(result.out)
    assert [p for p in data["errors"] + data["warnings"] if p["file"].endswith(path.name)] == []


def test_without_assignments_the_statuses_are_empty(tmp_path: Path) -> None:
    out = skeleton(DataRequest(criteria=CRITERIA, no_assignments=True))
    assert "statuses: []  # no assignments file was read" in out.text
    path = tmp_path / out.name
    path.write_text(out.text, encoding="utf-8")
    model: ResultsFile = load_model(path, ResultsFile, "results").model
    assert model.statuses == [] and len(model.results) == 80
    assert problems_with(path, assignments=None) == []


def test_the_second_methodology(tmp_path: Path) -> None:
    plan = ROOT / "tests" / "fixtures" / "par2022"
    out = skeleton(DataRequest(criteria=plan / "criteria_2023.yaml"))
    assert out.name == "results_2023.yaml"
    path = tmp_path / out.name
    path.write_text(out.text, encoding="utf-8")
    model: ResultsFile = load_model(path, ResultsFile, "results").model
    assert model.year == 2023
    assert [r.code for r in model.results] == leaves(plan / "criteria_2023.yaml")
    assert problems_with(path, plan / "criteria_2023.yaml", plan / "assignments_2023.yaml",
                         plan / "agencies.yaml") == []


@pytest.mark.parametrize("name", ["results_2020_half.yaml", "results_2020_full.yaml"])
def test_the_fixtures_pass_the_result_rules(name: str) -> None:
    assert problems_with(FIXTURES / name) == []
