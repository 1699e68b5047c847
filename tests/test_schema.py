"""The committed JSON Schemas are what the models generate, and the data files point at them."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from parcli.json_schema import json_schema
from tests.conftest import ASSIGNMENTS, CRITERIA, DATA, ROOT

NAMES = ["criteria", "assignments", "agencies", "plan", "results"]


@pytest.mark.parametrize("name", NAMES)
def test_committed_schema_is_fresh(name):
    committed = (ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
    assert committed == json_schema(name), (
        f"schema/{name}.schema.json is stale: run parcli schema {name} -o "
        f"schema/{name}.schema.json")


@pytest.mark.parametrize("path, name", [(CRITERIA, "criteria"), (ASSIGNMENTS, "assignments"),
                                        (DATA / "agencies.yaml", "agencies")])
def test_data_files_point_editors_at_the_schema(path, name):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{name}.schema.json"


def test_schema_command_prints_and_writes(cli, tmp_path):
    printed = cli("schema", "criteria")
    assert printed.code == 0
    schema = json.loads(printed.out)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"index", "province", "target_year", "total", "criteria"}
    assert "baseline_year" in schema["properties"] and "source" in schema["properties"]
    criterion = schema["$defs"]["Criterion"]
    assert set(criterion["required"]) == {"code", "name"}
    assert criterion["properties"]["code"]["pattern"] == (
        r"^(?:[0-9]+|[a-zđ]|[IVXLCDM]+)(?:\.(?:[0-9]+|[a-zđ]|[IVXLCDM]+))*$")
    assert {"type": "number", "minimum": 0} in criterion["properties"]["max"]["anyOf"]
    assert {"type": "string", "enum": ["evidence", "survey"]} in \
        criterion["properties"]["method"]["anyOf"]
    assert "required" not in schema["$defs"]["Total"]
    assert {"type": "number", "minimum": 0, "maximum": 100} in \
        schema["$defs"]["Sipas"]["properties"]["baseline"]["anyOf"]
    target = tmp_path / "criteria.schema.json"
    written = cli("schema", "criteria", "-o", target)
    assert written.code == 0
    assert target.read_text(encoding="utf-8") == printed.out


def test_assignments_schema_allows_province_and_issue_date(cli):
    schema = json.loads(cli("schema", "assignments").out)
    assert set(schema["required"]) == {"year", "assignments"}
    assert {"type": "string", "format": "date"} in schema["properties"]["issued"]["anyOf"]
    assert "province" in schema["properties"]
    assert set(schema["$defs"]["Assignment"]["required"]) == {"code", "title"}


def test_schema_of_unknown_file_kind_is_a_usage_error(cli):
    result = cli("schema", "budget")
    assert result.code == 2
    assert "'budget' is not one of 'criteria', 'assignments', 'agencies'" in result.err


def test_pre_commit_hook_is_declared():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: parcli-validate" in text
    assert "entry: parcli validate" in text
    assert "types: [yaml]" in text


# The committed schemas as other tools use them (check-jsonschema, yaml-language-server, ajv):
# the `jsonschema` library stands in for them. They are a subset of `parcli validate`: what
# they reject parcli rejects, not the other way round (score <= max needs parcli itself).

SCHEMA_DIR = ROOT / "schema"


def _committed(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return schema


def _as_json(value: Any) -> Any:
    """YAML as a JSON Schema tool sees it: PyYAML's dates back to the text they were written
    as (check-jsonschema does the same); numbers stay floats and ints."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _load(path: Path) -> Any:
    return _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def _kind(document: Any, path: Path) -> str:
    """The kind a data file's top-level key names; a plan file (plan_<year>.yaml) has none."""
    kinds = [name for name in NAMES if name in document]
    if not kinds and path.name.startswith("plan"):
        return "plan"
    (kind,) = kinds
    return kind


@pytest.fixture
def validator() -> Callable[[str], Any]:
    """The committed schema of a kind as a jsonschema validator (the draft its $schema names,
    formats checked)."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed "
                                     "(pip install -e '.[test]' installs it)")

    def make(name: str) -> Any:
        schema = _committed(name)
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        return cls(schema, format_checker=cls.FORMAT_CHECKER)

    return make


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda path: path.name)
def test_shipped_data_passes_the_committed_schema(validator, path):
    document = _load(path)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in validator(_kind(document, path)).iter_errors(document)]
    assert errors == []


def _first_scored_row(document: dict[str, Any], column: str) -> dict[str, Any]:
    return next(row for row in document["criteria"] if row.get(column) is not None)


NEGATIVE = {
    "criterion baseline": lambda doc: _first_scored_row(doc, "baseline"),
    "criterion target": lambda doc: _first_scored_row(doc, "target"),
    "criterion max": lambda doc: _first_scored_row(doc, "max"),
    "total baseline": lambda doc: doc["total"],
}


@pytest.mark.parametrize("where", NEGATIVE)
def test_negative_score_fails_the_committed_schema_as_it_fails_parcli(validator, cli, tmp_path,
                                                                      where):
    document = _load(CRITERIA)
    row = NEGATIVE[where](document)
    column = where.rpartition(" ")[2]
    row[column] = -0.5
    errors = list(validator("criteria").iter_errors(document))
    assert errors, f"{where}: -0.5 passes the committed schema"
    assert [error.absolute_path[-1] for error in errors] == [column]
    copy = tmp_path / "criteria.yaml"
    copy.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = cli("validate", "-q", copy)
    assert result.code == 1
    assert re.search(rf"error \S*{column}: {column} -0\.5 is (outside|negative).*"
                     r"\[score-range\]$", result.out, re.MULTILINE), result.out


@pytest.mark.parametrize("value", [-0.5, 100.5])
def test_sipas_outside_0_100_fails_the_committed_schema(validator, value):
    document = _load(CRITERIA)
    document["sipas"]["baseline"] = value
    errors = list(validator("criteria").iter_errors(document))
    assert [list(error.absolute_path) for error in errors] == [["sipas"]]  # anyOf Sipas, null
    deepest = [list(sub.absolute_path) for sub in errors[0].context]
    assert ["sipas", "baseline"] in deepest


def _undescribed(schema: dict[str, Any]) -> list[str]:
    """Every property (at any depth, $defs included) without a description. A property that is
    only a $ref takes its target's: pydantic drops a field description equal to the model's
    docstring."""
    missing = []

    def described(node: dict[str, Any]) -> bool:
        if "description" in node:
            return True
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return "description" in schema["$defs"][ref.removeprefix("#/$defs/")]
        return False

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            properties = node.get("properties")
            if isinstance(properties, dict):
                missing.extend(f"{where}/properties/{key}" for key, value in properties.items()
                               if not described(value))
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "#")
    return missing


@pytest.mark.parametrize("name", NAMES)
def test_every_property_of_the_committed_schema_is_described(name):
    schema = _committed(name)
    assert _undescribed(schema) == []
    assert schema["properties"], "a schema without properties proves nothing"


def test_an_undescribed_property_is_found():
    schema = {"properties": {"a": {"description": "x"}, "b": {"$ref": "#/$defs/B"}},
              "$defs": {"B": {"properties": {"c": {"type": "string"}}}}}
    assert _undescribed(schema) == ["#/properties/b", "#/$defs/B/properties/c"]


@pytest.mark.parametrize("name", NAMES)
def test_committed_schema_is_what_the_schema_command_prints(cli, name):
    printed = cli("schema", name)
    assert printed.code == 0
    assert printed.out == (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")


def test_schema_install_writes_the_committed_schemas(cli, tmp_path):
    target = tmp_path / "schema"
    target.mkdir()
    result = cli("schema", "--install", target)
    assert result.code == 0, result.err
    assert sorted(path.name for path in target.iterdir()) == sorted(
        f"{name}.schema.json" for name in NAMES)
    for name in NAMES:
        assert (target / f"{name}.schema.json").read_bytes() == \
            (SCHEMA_DIR / f"{name}.schema.json").read_bytes(), name
