"""The committed JSON Schemas are what the models generate, and the data files point at them."""

from __future__ import annotations

import json

import pytest

from parcli.json_schema import json_schema
from tests.conftest import ASSIGNMENTS, CRITERIA, DATA, ROOT

NAMES = ["criteria", "assignments", "agencies"]


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
    assert criterion["properties"]["code"]["pattern"] == r"^[0-9]+(\.[0-9]+)*$"
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
    assert "'budget' is not one of criteria, assignments, agencies" in result.err


def test_pre_commit_hook_is_declared():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: parcli-validate" in text
    assert "entry: parcli validate" in text
    assert "types: [yaml]" in text
