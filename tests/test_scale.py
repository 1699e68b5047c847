"""Every command on the smallest plan there is (a field and one criterion: two rows) and on a
10,000-row one (100 fields of 99 criteria), generated here. The large plan is read once: the
loader's speed is benchmarks/bench.py's business; this test makes sure that no command,
rule or engine step grows worse than linearly (a quadratic step would take minutes here).
Results are checked in exact decimals."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from parcli import load

JSON = ("--format", "json")
# Every command, in JSON where the large plan would print a table of 10,000 rows (laying out
# such a table is the reporters' business, tested on the two-row plan and elsewhere).
COMMANDS: list[tuple[str, ...]] = [
    ("validate",), ("check",), ("tree", *JSON), ("gap", *JSON), ("gap", "--by-agency"),
    ("gap", "--by-field", *JSON), ("gap", "--by-method", *JSON), ("agencies", *JSON),
    ("assignments", *JSON), ("report", *JSON, "--as-of", "2030-06-30"),
]
AS_TABLES: list[tuple[str, ...]] = [
    ("tree",), ("gap",), ("gap", "--by-field"), ("gap", "--by-method"), ("agencies",),
    ("assignments",), ("report", "--as-of", "2030-06-30"),
]
REGISTRY = "agencies:\n" + "".join(f"  - {{id: s{i}, name: Sở {i}}}\n" for i in range(7))


def _plan(folder: Path, fields: int, leaves: int) -> Path:
    """`fields` fields of `leaves` criteria each (max 1, baseline 0.5, target 0.75), a lead
    per field, one assignment per field's first criterion."""
    rows = ["index: {name: Chỉ số thử, short: TI}", "province: {name: Tỉnh Thử}",
            "baseline_year: 2029", "target_year: 2030",
            f"total: {{max: {fields * leaves}, baseline: {D(fields * leaves) / 2}, "
            f"target: {D(fields * leaves) * 3 / 4}}}", "criteria:"]
    tasks = ["year: 2030", "assignments:"]
    for f in range(1, fields + 1):
        rows.append(f'  - {{code: "{f}", name: Lĩnh vực {f}, max: {leaves}, baseline: '
                    f'{D(leaves) / 2}, target: {D(leaves) * 3 / 4}, lead: [Sở {f % 7}]}}')
        rows += [f'  - {{code: "{f}.{c}", name: Tiêu chí {f}.{c}, max: 1, baseline: 0.5, '
                 f'target: 0.75}}' for c in range(1, leaves + 1)]
        tasks.append(f'  - {{code: "{f}.1", title: Tiêu chí {f}.1, product: Báo cáo, '
                     f'requirement: Đầy đủ, deadline: Quý II, lead: [Sở {f % 7}]}}')
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "criteria_2030.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "assignments_2030.yaml").write_text("\n".join(tasks) + "\n", encoding="utf-8")
    (folder / "agencies.yaml").write_text(REGISTRY, encoding="utf-8")
    if leaves > 1:  # one assignment per field: the other criteria are uncovered on purpose
        (folder / "parcli.toml").write_text('disable = ["uncovered-criterion"]\n')
    return folder / "criteria_2030.yaml"


@pytest.fixture
def read_once(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each data file parsed and validated once for all the commands of a test."""
    cache: dict[tuple[str, str | None], Any] = {}
    original = load.load_model

    def cached(path: Path, model: Any, kind: str | None = None, document: Any = None) -> Any:
        key = (str(path), kind)
        if key not in cache:
            cache[key] = original(path, model, kind, document)
        return cache[key]

    monkeypatch.setattr(load, "load_model", cached)
    yield


def _run_all(cli: Callable[..., Any], criteria: Path,
             commands: list[tuple[str, ...]] = COMMANDS) -> dict[tuple[str, ...], Any]:
    results = {}
    for command in commands:
        result = cli(*command, "--criteria", criteria)
        assert result.code == 0, (command, result.out[-2000:], result.err[-2000:])
        assert result.out.strip(), command
        results[command] = result
    assert cli("schema", "criteria").code == 0
    return results


def _rows(result: Any) -> list[dict[str, Any]]:
    return json.loads(result.out, parse_float=D)["rows"]  # type: ignore[no-any-return]


def test_every_command_on_a_two_row_plan(cli, tmp_path: Path) -> None:
    results = _run_all(cli, _plan(tmp_path, 1, 1), COMMANDS + AS_TABLES)
    tree = _rows(results[("tree", *JSON)])
    assert [(row["code"], row["parent"]) for row in tree] == [("1", None), ("1.1", "1")]
    fields = _rows(results[("gap", "--by-field", *JSON)])
    assert [(r["field"], r["gain"], r["lost"], r["headroom"]) for r in fields] == [
        ("1", D("0.25"), D("0.5"), D("0.25"))]
    agencies = _rows(results[("agencies", *JSON)])
    assert [(r["id"], r["criteria_led"]) for r in agencies if r["criteria_led"]] == [("s1", 1)]
    assert "No problems found." in results[("validate",)].out


def test_every_command_on_a_10000_row_plan(cli, tmp_path: Path, read_once: None) -> None:
    criteria = _plan(tmp_path, 100, 99)
    assert criteria.read_text(encoding="utf-8").count("\n  - {code:") == 10_000
    results = _run_all(cli, criteria)
    assert len(_rows(results[("tree", *JSON)])) == 10_000
    methods = _rows(results[("gap", "--by-method", *JSON)])
    assert [(r["method"], r["gain"], r["lost"], r["headroom"], len(r["criteria"]))
            for r in methods] == [("evidence", D("2475"), D("4950"), D("2475"), 9_900)]
    fields = _rows(results[("gap", "--by-field", *JSON)])
    assert len(fields) == 100
    assert [r["field"] for r in fields[:12]] == [str(n) for n in range(1, 13)]  # 2 before 10
    led = {r["id"]: r["criteria_led"] for r in _rows(results[("agencies", *JSON)])}
    assert sum(led.values()) == 9_900 and led["s0"] == 14 * 99
    assert len(_rows(results[("assignments", *JSON)])) == 100
    report = json.loads(results[("report", *JSON, "--as-of", "2030-06-30")].out)
    assert report["title"]
    assert "No problems found." in results[("validate",)].out
