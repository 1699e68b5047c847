"""Gap analysis: lead resolution, equal splits that add up exactly, rollups per agency/field.

The fixture tests/fixtures/gap/ has one leaf per lead-resolution case:
  1.1 inherits field 1's lead (alpha)         gain 0.5   lost 1    headroom 0.5
  1.2 has its own lead (beta)                 gain 1.5   lost 1.5  headroom 0
  2.1 takes its assignments' leads (gamma, beta: 2.1.1 then 2.1.2)
                                              gain 1     lost 1    headroom 0
  2.2 is shared by alpha, beta and gamma      gain 1     lost 1    headroom 0
  2.3 has no lead anywhere                    gain 0.25  lost 0.5  headroom 0.25
Expected numbers below are worked out by hand from those rows.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parcli.engine.gap import (
    NO_LEAD,
    Points,
    by_agency,
    by_field,
    leaf_gaps,
    province,
    rank,
    rank_leaves,
    resolve_leads,
    split,
)
from parcli.engine.plan import Plan
from parcli.engine.tree import CriteriaTree
from parcli.files.dataset import DataPaths

D = Decimal
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "gap"
DATA = Path(__file__).resolve().parent.parent / "data"


def _dataset(folder: Path, criteria: str = "criteria.yaml",
             assignments: str = "assignments.yaml") -> Plan:
    return Plan(DataPaths(folder / criteria, folder / assignments, folder / "agencies.yaml"))


@pytest.fixture(scope="module")
def fixture_gaps():
    dataset = _dataset(FIXTURE)
    tree = CriteriaTree(dataset.criteria_file)
    mapped = tree.map_assignments(dataset.assignments_file.assignments)
    return tree, dataset, mapped, leaf_gaps(tree, dataset.registry, mapped)


@pytest.fixture(scope="module")
def shipped_gaps():
    dataset = Plan(DataPaths(DATA / "criteria_2020.yaml", DATA / "assignments_2020.yaml",
                                DATA / "agencies.yaml"))
    tree = CriteriaTree(dataset.criteria_file)
    mapped = tree.map_assignments(dataset.assignments_file.assignments)
    return leaf_gaps(tree, dataset.registry, mapped)


# --- lead resolution ------------------------------------------------------------------------

def test_lead_resolution_cases(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    resolved = {gap.node.code: (gap.leads, gap.lead_source) for gap in gaps}
    assert resolved == {
        "1.1": (("alpha",), "inherited"),
        "1.2": (("beta",), "own"),
        "2.1": (("gamma", "beta"), "assignments"),  # 'sở  gamma' resolves to gamma, once
        "2.2": (("alpha", "beta", "gamma"), "own"),
        "2.3": ((NO_LEAD,), "none"),
    }


def test_leaf_points(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    points = {gap.node.code: gap.points for gap in gaps}
    assert points == {
        "1.1": Points(D("0.5"), D(1), D("0.5")),
        "1.2": Points(D("1.5"), D("1.5"), D(0)),
        "2.1": Points(D(1), D(1), D(0)),
        "2.2": Points(D(1), D(1), D(0)),
        "2.3": Points(D("0.25"), D("0.5"), D("0.25")),
    }
    assert province(gaps).points == Points(D("4.25"), D(5), D("0.75"))


def test_own_lead_wins_over_ancestor_and_assignments(fixture_gaps) -> None:
    tree, dataset, mapped, _ = fixture_gaps
    # 1.2 has its own lead (beta) although field 1 leads alpha
    assert resolve_leads(tree.by_code["1.2"], dataset.registry, mapped) == (("beta",), "own")


def test_assignments_map_to_nearest_criterion(fixture_gaps) -> None:
    _, _, mapped, _ = fixture_gaps
    assert {code: [item.code for item in items] for code, items in mapped.items()} == {
        "1.1": ["1.1"], "1.2": ["1.2"], "2.1": ["2.1.1", "2.1.2"], "2.2": ["2.2"]}


def test_inherited_from_the_nearest_ancestor(tmp_path: Path) -> None:
    """A grandchild takes its parent's lead, not the field's."""
    text = (FIXTURE / "criteria.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '    target: 3\n    lead: [Sở Beta]\n',
        '    target: 3\n    lead: [Sở Beta]\n'
        '  - code: "1.2.1"\n    name: Con\n    name_en: Child\n    max: 3\n    baseline: 1.5\n'
        '    target: 3\n')
    (tmp_path / "criteria.yaml").write_text(text, encoding="utf-8")
    for name in ("assignments.yaml", "agencies.yaml"):
        (tmp_path / name).write_text((FIXTURE / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    dataset = _dataset(tmp_path)
    tree = CriteriaTree(dataset.criteria_file)
    mapped = tree.map_assignments(dataset.assignments_file.assignments)
    assert resolve_leads(tree.by_code["1.2.1"], dataset.registry, mapped) == (
        ("beta",), "inherited")


# --- by agency ------------------------------------------------------------------------------

def test_by_agency_split(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    groups = rank(by_agency(gaps, "split"), "gain")
    table = [(g.key, g.points.gain, g.points.lost, g.points.headroom, g.criteria)
             for g in groups]
    assert table == [
        ("beta", D("2.33"), D("2.33"), D(0), ["1.2", "2.1", "2.2"]),
        ("alpha", D("0.84"), D("1.34"), D("0.5"), ["1.1", "2.2"]),
        ("gamma", D("0.83"), D("0.83"), D(0), ["2.1", "2.2"]),
        (NO_LEAD, D("0.25"), D("0.5"), D("0.25"), ["2.3"]),
    ]
    assert _add(group.points for group in groups) == province(gaps).points


def test_by_agency_full(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    groups = rank(by_agency(gaps, "full"), "gain")
    assert [(g.key, g.points.gain, g.points.lost, g.points.headroom) for g in groups] == [
        ("beta", D("3.5"), D("3.5"), D(0)),
        ("gamma", D(2), D(2), D(0)),
        ("alpha", D("1.5"), D(2), D("0.5")),
        (NO_LEAD, D("0.25"), D("0.5"), D("0.25")),
    ]
    # under `full` a shared criterion counts once per lead: more than the province total
    assert sum(g.points.gain for g in groups) == D("7.25") > province(gaps).points.gain


def test_rank_by_other_bases_and_ties(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    groups = by_agency(gaps, "split")
    assert [g.key for g in rank(groups, "lost")] == ["beta", "alpha", "gamma", NO_LEAD]
    # headroom: alpha 0.5, no-lead 0.25, then beta and gamma tie at 0 (ordered by id)
    assert [g.key for g in rank(groups, "headroom")] == ["alpha", NO_LEAD, "beta", "gamma"]
    assert [g.node.code for g in rank_leaves(gaps, "gain")] == ["1.2", "2.1", "2.2", "1.1", "2.3"]


def test_no_lead_ranks_after_an_agency_with_the_same_points() -> None:
    from parcli.engine.gap import GroupGap

    groups = [GroupGap(NO_LEAD), GroupGap("zeta"), GroupGap("alpha")]
    for group, gain in zip(groups, (1, 1, 2), strict=True):
        group.add(Points(D(gain)), "x")
    assert [g.key for g in rank(groups, "gain")] == ["alpha", "zeta", NO_LEAD]


def test_shipped_agency_ranking_adds_up(shipped_gaps) -> None:
    groups = rank(by_agency(shipped_gaps, "split"), "gain")
    assert [(g.key, g.points.gain, len(g.criteria)) for g in groups] == [
        ("home-affairs", D("4.36"), 30),
        ("finance", D("3.68"), 20),
        ("ppc-office", D("2.16"), 8),
        ("information-communications", D("1.22"), 13),
        ("justice", D("0.74"), 7),
        ("planning-investment", D("0.48"), 9),
        ("natural-resources-environment", D("0.25"), 4),
        ("construction", D("0.20"), 2),
        ("science-technology", D("0.12"), 2),
        ("agriculture-rural-development", D("0.05"), 2),
    ]
    assert sum(g.points.gain for g in groups) == D("13.26") == province(shipped_gaps).points.gain
    assert sum(g.points.lost for g in groups) == D("20.47") == province(shipped_gaps).points.lost
    assert sum(g.points.headroom for g in groups) == D("7.21") == \
        province(shipped_gaps).points.headroom


def test_shipped_leads_not_printed_on_the_leaf(shipped_gaps) -> None:
    resolved = {g.node.code: (g.leads, g.lead_source) for g in shipped_gaps
                if g.lead_source != "own"}
    five = ("home-affairs", "construction", "natural-resources-environment",
            "planning-investment", "finance")
    assert resolved == {
        "4.3.2": (five, "assignments"),
        "4.3.3": (five, "assignments"),
        "8.3": (("planning-investment", "finance"), "assignments"),
    }
    assert len(shipped_gaps) == 80


# --- by field -------------------------------------------------------------------------------

def test_by_field(fixture_gaps) -> None:
    _, _, _, gaps = fixture_gaps
    fields = {g.key: (g.points, g.criteria) for g in by_field(gaps)}
    assert fields == {
        "1": (Points(D(2), D("2.5"), D("0.5")), ["1.1", "1.2"]),
        "2": (Points(D("2.25"), D("2.5"), D("0.25")), ["2.1", "2.2", "2.3"]),
    }


def test_shipped_by_field_sums(shipped_gaps) -> None:
    fields = {g.key: g.points for g in by_field(shipped_gaps)}
    assert fields == {
        "1": Points(D("1.5"), D(2), D("0.5")),
        "2": Points(D("0.74"), D("1.34"), D("0.6")),
        "3": Points(D("0.46"), D("0.78"), D("0.32")),
        "4": Points(D("3.17"), D("4.27"), D("1.10")),
        "5": Points(D("0.73"), D("2.52"), D("1.79")),
        "6": Points(D("3.48"), D("4.08"), D("0.60")),
        "7": Points(D("2.34"), D("2.84"), D("0.50")),
        "8": Points(D("0.84"), D("2.64"), D("1.8")),
    }
    assert _add(fields.values()) == province(shipped_gaps).points == \
        Points(D("13.26"), D("20.47"), D("7.21"))


# --- split ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "parts", "expected"), [
    ("1", 1, ["1"]),
    ("1", 2, ["0.50", "0.50"]),
    ("1", 3, ["0.34", "0.33", "0.33"]),
    ("0.29", 5, ["0.06", "0.06", "0.06", "0.06", "0.05"]),
    ("0.25", 5, ["0.05", "0.05", "0.05", "0.05", "0.05"]),
    ("0.01", 3, ["0.01", "0.00", "0.00"]),
    ("0", 4, ["0", "0", "0", "0"]),
    ("10", 3, ["3.34", "3.33", "3.33"]),
    ("0.001", 3, ["0.001", "0.000", "0.000"]),  # finer than a cent: the value's own precision
    ("-1", 3, ["-0.34", "-0.33", "-0.33"]),
])
def test_split_examples(value: str, parts: int, expected: list[str]) -> None:
    shares = split(D(value), parts)
    assert shares == [D(x) for x in expected]
    assert sum(shares) == D(value)


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False,
                   allow_infinity=False),
       st.integers(min_value=1, max_value=12))
def test_split_adds_up_and_is_equal_to_the_cent(value: Decimal, parts: int) -> None:
    shares = split(value, parts)
    assert len(shares) == parts
    assert sum(shares) == value
    assert max(shares) - min(shares) <= D("0.01")
    assert shares == sorted(shares, reverse=value >= 0)  # leftover cents go first


# --- through the command line ---------------------------------------------------------------

@pytest.fixture
def _in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names in outputs are relative to the working directory: run from the checkout."""
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)


def _fixture_args() -> list[str]:
    return ["--criteria", str(FIXTURE / "criteria.yaml"),
            "--assignments", str(FIXTURE / "assignments.yaml")]


@pytest.mark.usefixtures("_in_checkout")
def test_cli_gap_by_agency_json_on_fixture(cli) -> None:
    result = cli("gap", "--by-agency", "--format", "json", *_fixture_args())
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["sources"] == [
        {"kind": kind, "path": f"tests/fixtures/gap/{kind}.yaml", "bundled": False}
        for kind in ("criteria", "assignments", "agencies")]
    assert data["rows"] == [
        {"agency": "beta", "name": "Sở Beta", "name_en": "Beta Department", "gain": 2.33,
         "lost": 2.33, "headroom": 0, "criteria": ["1.2", "2.1", "2.2"]},
        {"agency": "alpha", "name": "Sở Alpha", "name_en": "Alpha Department", "gain": 0.84,
         "lost": 1.34, "headroom": 0.5, "criteria": ["1.1", "2.2"]},
        {"agency": "gamma", "name": "Sở Gamma", "name_en": "Gamma Department", "gain": 0.83,
         "lost": 0.83, "headroom": 0, "criteria": ["2.1", "2.2"]},
        {"agency": "no-lead", "name": "(chưa có cơ quan chủ trì)", "name_en": "(no lead)",
         "gain": 0.25, "lost": 0.5, "headroom": 0.25, "criteria": ["2.3"]},
    ]


@pytest.mark.usefixtures("_in_checkout")
def test_cli_gap_by_agency_table_on_fixture(cli) -> None:
    result = cli("gap", "--by-agency", *_fixture_args())
    assert result.code == 0, result.err
    assert result.out == (
        "Agencies ranked by points needed (a criterion with several leads is split equally)\n"
        "Agency              Points needed    Points lost    Headroom    Criteria\n"
        "----------------  ---------------  -------------  ----------  ----------\n"
        "Beta Department              2.33           2.33        0.00           3\n"
        "Alpha Department             0.84           1.34        0.50           2\n"
        "Gamma Department             0.83           0.83        0.00           2\n"
        "(no lead)                    0.25           0.50        0.25           1\n"
        "Total                        4.25           5.00        0.75           5\n"
        "\n"
        "Data: tests/fixtures/gap/criteria.yaml, tests/fixtures/gap/assignments.yaml, "
        "tests/fixtures/gap/agencies.yaml\n"
        "\n"
        "Points needed, added up over the leaf criteria: 4.25; from the printed totals: "
        "8.25 − 4 = 4.25\n")


def test_cli_gap_leaves_json_on_fixture(cli) -> None:
    result = cli("gap", "--format", "json", *_fixture_args())
    assert result.code == 0, result.err
    rows = json.loads(result.out)["rows"]
    assert [(r["code"], r["gain"], r["lead"], r["lead_source"]) for r in rows] == [
        ("1.2", 1.5, ["beta"], "own"),
        ("2.1", 1, ["gamma", "beta"], "assignments"),
        ("2.2", 1, ["alpha", "beta", "gamma"], "own"),
        ("1.1", 0.5, ["alpha"], "inherited"),
        ("2.3", 0.25, ["no-lead"], "none"),
    ]


def test_a_column_the_leaf_does_not_print_is_unknown_never_zero(tmp_path: Path) -> None:
    """2.3 without its target: its gain and headroom are unknown (not 0, not -0.5 and +1),
    left out of the sums, and counted as unknown."""
    text = (FIXTURE / "criteria.yaml").read_text(encoding="utf-8")
    old = "    baseline: 0.5\n    target: 0.75\n"
    assert text.count(old) == 1
    (tmp_path / "criteria.yaml").write_text(text.replace(old, "    baseline: 0.5\n"),
                                            encoding="utf-8")
    for name in ("assignments.yaml", "agencies.yaml"):
        (tmp_path / name).write_text((FIXTURE / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    dataset = _dataset(tmp_path)
    tree = CriteriaTree(dataset.criteria_file)
    gaps = leaf_gaps(tree, dataset.registry,
                     tree.map_assignments(dataset.assignments_file.assignments))
    assert {g.node.code: g.points for g in gaps}["2.3"] == Points(None, D("0.5"), None)
    total = province(gaps)
    assert total.points == Points(D(4), D(5), D("0.5"))
    assert dict(total.unknown) == {"gain": 1, "headroom": 1}


def _add(points) -> Points:
    """Column sums of known values, as the engine's groups add them up."""
    items = list(points)
    return Points(*(sum((p.get(b) for p in items), D(0)) for b in ("gain", "lost", "headroom")))
