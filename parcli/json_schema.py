"""JSON Schema of the data files, generated from the models: one source of truth."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


def schemas() -> dict[str, type[BaseModel]]:
    """Every kind of data file and its model (the plan's, and the results')."""
    from parcli.models import FileKind, model_of

    kinds: tuple[FileKind, ...] = ("criteria", "assignments", "agencies", "plan", "results")
    return {kind: model_of(kind) for kind in kinds}


def json_schema(name: str) -> str:
    model = schemas()[name]
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"parcli-{name}.schema.json",
              "title": f"parcli {name} file",
              # the public name (parcli.models looks it up in its module)
              "description": f"Generated from parcli.models.{model.__name__}"
              " with `parcli schema " + name + "`; do not edit by hand.",
              **model.model_json_schema(mode="validation")}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
