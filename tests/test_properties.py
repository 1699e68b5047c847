"""Properties that must hold for any input: exact loading, exact rollups, exact splits."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from parcli.engine.checksum import check_sums as check
from parcli.engine.gap import split
from parcli.engine.tree import CriteriaTree
from parcli.load import parse
from parcli.models.criteria import SCORE_COLUMNS, CriteriaFile

# --- (a) the loader reads back what a dumper wrote, Decimals exactly ---


class _DecimalDumper(yaml.SafeDumper):
    """safe_dump, plus Decimals written as their plain string (a YAML float, unquoted)."""


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


_DecimalDumper.add_representer(Decimal, _represent_decimal)

# NEL, LS and PS are line breaks to YAML, and PyYAML's emitter writes them raw inside quotes
# with allow_unicode, where every reader folds them: a dumper quirk, not the loader's.
texts = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x85\u2028\u2029"),
                max_size=20).map(
    lambda text: unicodedata.normalize("NFC", text))
decimals = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False,
                       allow_infinity=False)
scalars = st.one_of(decimals, st.integers(min_value=-10**30, max_value=10**30), texts)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=5), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(texts, values, min_size=1, max_size=8), st.booleans())
def test_loader_round_trip(data: dict[str, Any], unicode: bool) -> None:
    text = yaml.dump(data, Dumper=_DecimalDumper, allow_unicode=unicode, sort_keys=False)
    loaded = parse(text, "round-trip.yaml").data
    assert loaded == data
    _assert_same_types(loaded, data)


def _assert_same_types(loaded: Any, original: Any) -> None:
    assert type(loaded) is type(original), (loaded, original)
    if isinstance(original, Decimal):
        assert loaded.as_tuple() == original.as_tuple()  # same digits, same exponent
    elif isinstance(original, dict):
        for key in original:
            _assert_same_types(loaded[key], original[key])
    elif isinstance(original, list):
        for got, want in zip(loaded, original, strict=True):
            _assert_same_types(got, want)


def test_dumper_writes_decimals_plain() -> None:
    text = yaml.dump({"a": Decimal("79.53")}, Dumper=_DecimalDumper)
    assert text == "a: 79.53\n"
    assert parse(text, "f.yaml").data == {"a": Decimal("79.53")}


# --- (b) rollups over random criteria trees ---

points = st.integers(min_value=0, max_value=1000).map(lambda cents: Decimal(cents).scaleb(-2))


@st.composite
def leaf_values(draw: st.DrawFn) -> dict[str, Decimal]:
    top = draw(points)
    cents = int(top * 100)
    baseline = Decimal(draw(st.integers(0, cents))).scaleb(-2)
    target = Decimal(draw(st.integers(0, cents))).scaleb(-2)
    return {"max": top, "baseline": baseline, "target": target}


@st.composite
def shapes(draw: st.DrawFn, depth: int = 0) -> list[Any]:
    """A forest: each node is a list of its children; [] is a leaf."""
    count = draw(st.integers(1 if depth == 0 else 0, 4 if depth == 0 else 3))
    if depth >= 2:
        return [[] for _ in range(count)]
    return [draw(shapes(depth + 1)) for _ in range(count)]


@st.composite
def criteria_trees(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, dict[str, Decimal]]]:
    """Rows in document order (non-leaves print their children's exact sums) and leaf values."""
    rows: list[dict[str, Any]] = []
    leaves: dict[str, dict[str, Decimal]] = {}

    def build(children: list[Any], prefix: str) -> dict[str, Decimal]:
        sums: dict[str, Decimal] = {column: Decimal("0.00") for column in SCORE_COLUMNS}
        for number, grandchildren in enumerate(children, start=1):
            code = f"{prefix}.{number}" if prefix else str(number)
            row: dict[str, Any] = {"code": code, "name": f"Tiêu chí {code}",
                                   "name_en": f"Criterion {code}"}
            rows.append(row)
            if grandchildren:
                values = build(grandchildren, code)
            else:
                values = draw(leaf_values())
                leaves[code] = values
            row.update(values)
            for column in SCORE_COLUMNS:
                sums[column] += values[column]
        return sums

    total = build(draw(shapes()), "")
    data = {
        "index": {"name": "Chỉ số", "name_en": "Index", "short": "PAR"},
        "province": {"name": "Tỉnh", "name_en": "Province"},
        "baseline_year": 2019, "target_year": 2020,
        "source": {"title": "Kế hoạch", "title_en": "Plan"},
        "total": total, "criteria": rows,
    }
    return data, leaves


@settings(max_examples=100, deadline=None)
@given(criteria_trees())
def test_totals_are_the_sum_of_the_leaves(tree_data: tuple[dict[str, Any], Any]) -> None:
    data, leaves = tree_data
    tree = CriteriaTree(CriteriaFile.model_validate(data))
    assert sorted(node.code for node in tree.leaves) == sorted(leaves)
    for column in SCORE_COLUMNS:
        expected = sum((values[column] for values in leaves.values()), Decimal(0))
        assert tree.total(column) == expected
        for node in tree.nodes:  # every subtotal, too
            below = [leaf for code, leaf in leaves.items()
                     if code == node.code or code.startswith(node.code + ".")]
            assert tree.computed(node, column) == sum((v[column] for v in below), Decimal(0))


@settings(max_examples=100, deadline=None)
@given(criteria_trees())
def test_exact_printed_subtotals_give_no_findings(tree_data: tuple[dict[str, Any], Any]) -> None:
    data, _ = tree_data
    result = check(CriteriaTree(CriteriaFile.model_validate(data)))
    assert result.findings == []
    assert result.ok
    for row in result.totals:
        assert row.printed == row.computed


@settings(max_examples=100, deadline=None)
@given(criteria_trees(), st.data())
def test_a_wrong_printed_subtotal_is_found(tree_data: tuple[dict[str, Any], Any],
                                           draw: st.DataObject) -> None:
    data, leaves = tree_data
    parents = [row for row in data["criteria"] if row["code"] not in leaves]
    assume(parents)
    row = draw.draw(st.sampled_from(parents))
    row["max"] += Decimal("0.05")  # beyond the 0.01 tolerance; baseline/target stay <= max
    result = check(CriteriaTree(CriteriaFile.model_validate(data)))
    wrong = [f for f in result.errors if f.code == row["code"]]
    assert [(f.column, f.difference) for f in wrong] == [("max", Decimal("0.05"))]


# --- (c) splitting a value between n leads ---

@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    places = draw(st.integers(0, 3))
    return Decimal(draw(st.integers(-10**6, 10**6))).scaleb(-places)


@settings(max_examples=500, deadline=None)
@given(amounts(), st.integers(1, 7))
def test_split_adds_up_exactly_and_is_fair(value: Decimal, parts: int) -> None:
    shares = split(value, parts)
    assert len(shares) == parts
    assert sum(shares, Decimal(0)) == value
    quantum = Decimal("0.001") if value.as_tuple().exponent == -3 else Decimal("0.01")
    if parts == 1:
        assert shares == [value]
        return
    assert max(shares) - min(shares) <= quantum
    for share in shares:
        assert share == share.quantize(quantum)  # whole quanta
        assert share * value >= 0  # never the opposite sign
    magnitudes = [abs(share) for share in shares]
    assert magnitudes == sorted(magnitudes, reverse=True)  # leftover quanta go first


def test_split_examples() -> None:
    assert split(Decimal("1"), 3) == [Decimal("0.34"), Decimal("0.33"), Decimal("0.33")]
    assert split(Decimal("-0.05"), 2) == [Decimal("-0.03"), Decimal("-0.02")]
    assert split(Decimal("0.001"), 2) == [Decimal("0.001"), Decimal("0.000")]
    assert split(Decimal("0"), 4) == [Decimal("0")] * 4
