"""JSON Schema of the data files, generated from the models: one source of truth."""

from __future__ import annotations

import json


def json_schema(name: str) -> str:
    from parcli.models import SCHEMAS

    model = SCHEMAS[name]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"parcli-{name}.schema.json",
              "title": f"parcli {name} file",
              "description": f"Generated from parcli.models.{model.__name__}"
              " with `parcli schema " + name + "`; do not edit by hand.",
              **model.model_json_schema(mode="validation")}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
