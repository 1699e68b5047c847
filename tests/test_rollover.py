"""`parcli rollover`: next year's criteria file from this year's plan and results.

The expected numbers are worked out by hand from the fixtures' comments
(tests/fixtures/results/: test fixtures, not real results), not copied from parcli's output.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parcli.checking import DataRequest, open_data
from parcli.cli.outfile import refuse_overwrite
from parcli.commands import rollover
from parcli.commands.base import Common
from parcli.commands.rollover import Options as RolloverOptions
from parcli.engine.writer import (
    Written,
    comment,
    yaml_decimal,
    yaml_key,
    yaml_string,
)
from parcli.files.naming import default_path
from parcli.load import load_model, parse
from parcli.models.criteria import CriteriaFile, Criterion
from parcli.problems import UsageError

ROOT = Path(__file__).resolve().parent.parent
CRITERIA = ROOT / "data" / "criteria_2020.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "results"
FULL = FIXTURES / "results_2020_full.yaml"
HALF = FIXTURES / "results_2020_half.yaml"
D = Decimal


def roll(criteria: Path, results: Path) -> Written:
    request = DataRequest(criteria=criteria, results=results)
    checked = open_data(request, "rollover", rollover.SPEC.needs, rollover.SPEC.optional,
                        tolerated=rollover.SPEC.tolerated)
    return rollover.run(checked, RolloverOptions(Common(request)))


def written(tmp_path: Path, criteria: Path, results: Path) -> tuple[Path, CriteriaFile]:
    out = roll(criteria, results)
    path = tmp_path / out.name
    path.write_text(out.text, encoding="utf-8")
    model: CriteriaFile = load_model(path, CriteriaFile, "criteria").model
    return path, model


def rows(model: CriteriaFile) -> dict[str, Criterion]:
    return {row.code: row for row in model.criteria}


def test_full_year_baselines_are_the_official_scores(tmp_path: Path) -> None:
    _, model = written(tmp_path, CRITERIA, FULL)
    by = rows(model)
    assert (model.baseline_year, model.target_year) == (2020, 2021)
    assert by["1.1"].baseline == D("0.75")  # official beats a later-dated appraised score
    assert by["1.2"].baseline == D("0.25")  # of two official scores, the later one
    assert by["2.4.3"].baseline == D("0.75")
    assert by["8.1"].baseline == D("9.99")
    assert by["1"].baseline == D("4.25")  # 0.75 + 0.25 + 1 + 0.5 + 1 + 0.75
    assert by["2.4"].baseline == D("2.5")
    assert by["8"].baseline == D("12.99")  # 9.99 + 0.5 + 1 + 0.5 + 0.5 + 0.5
    assert model.total.baseline == D("54.99")  # half of 100, less 5, plus 9.99
    assert model.total.max == D("100")


def test_targets_rank_sipas_and_acknowledgements_are_not_carried(tmp_path: Path) -> None:
    path, model = written(tmp_path, CRITERIA, FULL)
    assert model.total.target is None
    assert all(row.target is None for row in model.criteria)
    assert model.rank is None and model.sipas is None
    assert all(not row.acknowledged for row in model.criteria)  # 3's target one is gone
    body = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert not [line for line in body if line.strip().startswith(("target:", "rank:", "sipas:",
                                                                  "acknowledged:"))]


def test_every_other_key_of_every_row_is_carried(tmp_path: Path) -> None:
    _, model = written(tmp_path, CRITERIA, FULL)
    old: CriteriaFile = load_model(CRITERIA, CriteriaFile, "criteria").model
    dropped = {"baseline", "target", "acknowledged"}
    assert [row.model_dump(exclude=dropped) for row in model.criteria] == [
        row.model_dump(exclude=dropped) for row in old.criteria]
    assert (model.index, model.province, model.source) == (old.index, old.province, old.source)
    assert model.total.max == old.total.max


def test_half_year_unknown_stays_unknown(tmp_path: Path) -> None:
    path, model = written(tmp_path, CRITERIA, HALF)
    by = rows(model)
    assert by["1.4"].baseline is None  # listed with no scores
    assert by["1.6"].baseline is None  # not in the results at all
    assert by["3.1"].baseline is None
    assert by["1"].baseline is None  # a row below it is unknown
    assert by["4"].baseline is None
    assert model.total.baseline is None
    assert by["1.5"].baseline == D("1.25")
    assert by["2.3"].baseline == D("1.25")  # appraised beats self-assessment
    assert by["2.4"].baseline == D("4.2")
    assert by["2"].baseline == D("8.75")
    assert by["4.3"].baseline == D("1")
    text = path.read_text("utf-8")
    assert '  - code: "1.6"  # no score in results_2020_half.yaml: baseline unknown\n' in text
    assert '  - code: "1"  # baseline unknown: no score for 1.4, 1.6\n' in text
    # a score written 0.50 stays 0.50, and a baseline that is not official says so
    assert ("    baseline: 0.50  # self-assessment of 2020-06-30, not the official score\n"
            in text)
    assert ("    baseline: 1.25  # appraised score of 2020-07-15, not the official score\n"
            in text)
    assert "\n    baseline: 8.75\n" in text  # a sum: no comment


@pytest.mark.parametrize("results", [FULL, HALF], ids=["full", "half"])
def test_the_new_file_passes_check_and_validate(
        cli: Callable[..., Any], tmp_path: Path, results: Path) -> None:
    path, _ = written(tmp_path, CRITERIA, results)
    assert cli("check", "--criteria", path).code == 0
    checked = cli("validate", "--criteria", path, "--format", "json")
    assert checked.code == 0, checked.out


def test_the_file_is_utf8_nfc_and_names_its_sources(tmp_path: Path) -> None:
    out = roll(CRITERIA, FULL)
    assert out.name == "criteria_2021.yaml"
    assert out.text.startswith("# yaml-language-server: $schema=../schema/criteria.schema.json\n")
    assert unicodedata.is_normalized("NFC", out.text)
    assert '  name: "Đắk Lắk"\n' in out.text
    assert "#   plan:    criteria_2020.yaml\n#   results: results_2020_full.yaml\n" in out.text
    assert "80 official, 0 from an earlier stage, 0 unknown (of 80 leaves)" in out.text
    assert '  - code: "1.1"\n    name: "Thực hiện Kế hoạch CCHC năm"\n' in out.text


def test_the_second_methodology_rolls_over_a_skeleton(
        cli: Callable[..., Any], tmp_path: Path) -> None:
    """init-results' skeleton for the 876/QĐ-BNV fixture, rolled over at once: no score
    anywhere, so no baseline anywhere, and the methods on the rows are carried."""
    from parcli.commands import init_results
    from parcli.commands.init_results import Options as InitResultsOptions

    folder = tmp_path / "plan"
    folder.mkdir()
    source = ROOT / "tests" / "fixtures" / "par2022"
    for name in ("criteria_2023.yaml", "assignments_2023.yaml", "agencies.yaml"):
        (folder / name).write_bytes((source / name).read_bytes())
    request = DataRequest(criteria=folder / "criteria_2023.yaml")
    spec = init_results.SPEC
    checked = open_data(request, "init-results", spec.needs, spec.optional,
                        tolerated=spec.tolerated)
    skeleton = init_results.run(checked, InitResultsOptions(Common(request)))
    (folder / skeleton.name).write_text(skeleton.text, encoding="utf-8")
    path, model = written(tmp_path, folder / "criteria_2023.yaml", folder / skeleton.name)
    old: CriteriaFile = load_model(folder / "criteria_2023.yaml", CriteriaFile).model
    assert model.target_year == 2024 and model.baseline_year == 2023
    assert all(row.baseline is None for row in model.criteria)
    assert model.total.baseline is None
    assert [row.method for row in model.criteria] == [row.method for row in old.criteria]
    assert cli("check", "--criteria", path).code == 0


def test_odd_text_survives_the_round_trip(tmp_path: Path) -> None:
    """Names that YAML would misread unquoted, or fold if written raw, come back unchanged."""
    odd = ['a: b # not a comment', '"quoted" \\ back', "line\nbreak", "nel\u0085x",
           "ls\u2028ps\u2029x", "- dash", "yes", "01", "tab\there", "Cộng hòa xã hội"]
    criteria = tmp_path / "criteria_2020.yaml"
    lines = ["index: {name: Chỉ số, short: PAR Index}", "province: {name: Tỉnh}",
             "target_year: 2020", "total: {max: 10}", "criteria:"]
    for n, name in enumerate(odd, 1):
        lines += [f'  - code: "{n}"', f"    name: {yaml_string(name)}", "    max: 1",
                  "    lead: [Sở Nội vụ]"]
    criteria.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = tmp_path / "results_2020.yaml"
    results.write_text('year: 2020\nresults:\n  - code: "1"\n    scores:\n'
                       "      - {stage: official, date: 2021-01-10, value: 0.500}\n",
                       encoding="utf-8")
    path, model = written(tmp_path, criteria, results)
    assert [row.name for row in model.criteria] == [unicodedata.normalize("NFC", s)
                                                    for s in odd]
    assert model.criteria[0].baseline == D("0.500")
    assert "    baseline: 0.500\n" in path.read_text("utf-8")
    assert model.total.baseline is None


# --- the writer ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["plain", "a: b", "# x", "x #y", "'single'", '"double"',
                                  "back\\slash", "new\nline", "\r\n", "nel\u0085",
                                  "\u2028\u2029", "bom\ufeff", "del\x7f", "Đắk Lắk", "", " ",
                                  "null", "~", "1.5", "{a: 1}", "[x]", "&anchor", "*alias",
                                  "!tag", "%", "@", "`", "|", ">", "😀"])
def test_a_string_reads_back_as_itself(text: str) -> None:
    document = parse(f"key: {yaml_string(text)}  {comment(text)}\n", "t.yaml")
    assert document.data == {"key": unicodedata.normalize("NFC", text)}


@pytest.mark.parametrize("key", ["name", "yes", "No", "on", "null", "y", "a b", "1", "-x", "é"])
def test_a_key_reads_back_as_itself(key: str) -> None:
    assert parse(f"{yaml_key(key)}: 1\n", "t.yaml").data == {key: 1}


@pytest.mark.parametrize(("value", "text"), [(D("8.50"), "8.50"), (D("100"), "100"),
                                             (D("1E+1"), "10"), (D("0.000001"), "0.000001"),
                                             (D("79.53"), "79.53")])
def test_decimals_are_written_exactly_and_never_in_exponent_form(value: Decimal,
                                                                 text: str) -> None:
    assert yaml_decimal(value) == text
    assert parse(f"v: {text}\n", "t.yaml").data["v"] == value


def test_a_new_model_key_is_carried_and_the_rewritten_columns_are_not() -> None:
    row = rollover._row({"max": D(2), "baseline": D(1), "target": D(2), "code": "1",
                         "name": "x", "kind": "penalty", "min": D(-1),
                         "acknowledged": {"target": "as printed", "max": "as printed"}},
                        D("1.5"))
    assert row == {"code": "1", "name": "x", "max": D(2), "baseline": D("1.5"),
                   "kind": "penalty", "min": D(-1), "acknowledged": {"max": "as printed"}}
    assert list(row) == ["code", "name", "max", "baseline", "kind", "min", "acknowledged"]


# --- refusing to overwrite -------------------------------------------------------------------

def test_an_existing_file_is_refused_without_force(tmp_path: Path) -> None:
    path = tmp_path / "criteria_2021.yaml"
    refuse_overwrite(path, force=False)  # nothing there yet
    path.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="already exists; pass --force"):
        refuse_overwrite(path, force=False)
    refuse_overwrite(path, force=True)
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    with pytest.raises(UsageError):
        refuse_overwrite(link, force=False)


def test_a_device_or_a_dangling_link_is_not_an_existing_file(tmp_path: Path) -> None:
    refuse_overwrite(Path(os.devnull), force=False)
    dangling = tmp_path / "dangling.yaml"
    dangling.symlink_to(tmp_path / "nowhere.yaml")
    refuse_overwrite(dangling, force=False)


def test_the_default_path_is_beside_the_plan_but_never_in_the_package() -> None:
    assert default_path("criteria_2021.yaml", CRITERIA, bundled=False) == (
        CRITERIA.parent / "criteria_2021.yaml")
    assert default_path("criteria_2021.yaml", CRITERIA, bundled=True) == Path(
        "criteria_2021.yaml")
