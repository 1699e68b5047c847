"""The runner (`parcli.cli.runner.execute`) gives a command what its `SPEC` asks for: here a
throwaway two-plan command, as `parcli diff OLD NEW` would be, shows that a new command needs
no change to the runner. Data: data/criteria_2020.yaml and tests/fixtures/par2022/
criteria_2023.yaml."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass

import pytest
import typer

from parcli.checking import DataRequest
from parcli.cli.runner import execute
from parcli.commands.base import Common, Spec, TwoPlans
from parcli.output import Column, Output, Table
from tests.conftest import CRITERIA, ROOT

OTHER = ROOT / "tests" / "fixtures" / "par2022" / "criteria_2023.yaml"


@dataclass(frozen=True)
class Options:
    common: Common
    plans: tuple[DataRequest, DataRequest]


def _run(inputs: TwoPlans, options: Options) -> Output:
    old, new = (plan.dataset.criteria_file for plan in inputs)
    rows = [{"which": "old", "year": old.target_year}, {"which": "new", "year": new.target_year}]
    return Output([Table([Column("which", "Which"), Column("year", "Year", True)], rows)],
                  {"years": [old.target_year, new.target_year]})


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> str:
    module = types.ModuleType("parcli.commands.toy_diff")
    module.SPEC = Spec(inputs="two plans", needs=("criteria",))  # type: ignore[attr-defined]
    module.run = _run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "parcli.commands.toy_diff", module)
    return "toy_diff"


def test_a_two_plan_command_gets_both_plans_checked_and_names_both(toy, capsys) -> None:
    common = Common(DataRequest(), format="json")
    execute(toy, Options(common, (DataRequest(criteria=CRITERIA), DataRequest(criteria=OTHER))))
    data = json.loads(capsys.readouterr().out)
    assert data["years"] == [2020, 2023]
    assert [source["path"] for source in data["sources"]] == [
        "data/criteria_2020.yaml", "tests/fixtures/par2022/criteria_2023.yaml"]


def test_a_bad_second_plan_stops_with_its_problems(toy, tmp_path, capsys) -> None:
    broken = tmp_path / "criteria_2021.yaml"
    broken.write_text("criteria: [\n", encoding="utf-8")
    with pytest.raises(typer.Exit) as stopped:
        execute(toy, Options(Common(DataRequest()),
                             (DataRequest(criteria=CRITERIA), DataRequest(criteria=broken))))
    assert stopped.value.exit_code == 1
    assert capsys.readouterr().err.startswith(f"{broken}:")
