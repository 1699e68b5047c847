"""YAML loading that keeps positions, reads numbers exactly and refuses what it cannot trust.

Three steps, as yamllint's decoder and parser and check-jsonschema's error formatting:
`decode` (bytes to text: size cap, encodings), `parser` (text to values, with every value's
position packed in a compact index: `document`), `schema_errors` (pydantic's errors to
problems at their line). Importing this package imports neither yaml nor pydantic: a
command that never reads a file (`schema`, `rule`, help) pays for neither.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from parcli.load.decode import (
    display_path,
    max_bytes,
    read_raw,
    read_text,
    source_of,
)
from parcli.load.document import Document, Loaded
from parcli.problems import DataError

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = ["Document", "Loaded", "display_path", "load_document", "load_model", "max_bytes",
           "parse", "read_text"]

# The top-level key that tells each kind of data file from the others.
SIGNATURES = {"criteria": "criteria", "assignments": "assignments", "agencies": "agencies",
              "plan": "goals", "results": "results"}


def parse(text: str | bytes, file: str) -> Document:
    """One YAML document's values and positions (`parcli.load.parser.parse`, which imports
    yaml: on first use)."""
    from parcli.load.parser import parse as parse_yaml

    return parse_yaml(text, file)


def load_document(path: Path) -> Document:
    """The file parsed, with the SHA-256 of the very bytes parsed (the file is read once: a
    report's provenance names what was used, even if the file changes during the run)."""
    import hashlib

    file = display_path(path)
    raw = read_raw(path, file)
    document = parse(source_of(raw, file), file)
    document.sha256 = hashlib.sha256(raw).hexdigest()
    return document


def load_model(path: Path, model_cls: type[BaseModel], kind: str | None = None,
               document: Document | None = None) -> Loaded:
    """The file's model, from `document` when the file was parsed already (its values are
    consumed: they move into the model)."""
    from pydantic import ValidationError

    from parcli.load.schema_errors import kind_of, schema_problems

    if document is None or document.data is None:
        document = load_document(path)
    if not isinstance(document.data, dict):
        raise DataError([document.problem(
            "schema", f"expected a mapping of keys at the top level, found "
            f"{kind_of(document.data)}")])
    if kind is not None:
        _refuse_other_kind(document, kind)
    try:
        model = model_cls.model_validate(document.data)
    except ValidationError as exc:
        raise DataError(schema_problems(document, exc)) from None
    # The model holds the values now (the same strings and numbers); the plain dicts and
    # lists would only double a large plan's memory. Positions stay with the document.
    document.data = None
    return Loaded(document, model)


def _refuse_other_kind(document: Document, kind: str) -> None:
    """An assignments file given as --criteria would give dozens of 'required key is
    missing' lines; say once what it looks like instead."""
    if SIGNATURES[kind] in document.data:
        return
    for other, key in SIGNATURES.items():
        if other != kind and key in document.data:
            raise DataError([document.problem(
                "schema", f"this looks like {a_kind(other)} file, not {a_kind(kind)} file", (key,),
                key=True)])


def a_kind(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
