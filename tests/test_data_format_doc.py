"""docs/DATA_FORMAT.md describes the models as they are: each file's reference table lists
every key of its model (nested ones as `source.title`, `criteria[].code`), says rightly
whether it is required, and lists no key the model lacks; and every YAML block the doc marks
as a complete file (first line `# complete criteria file`, `... assignments file`,
`... agencies file`) passes `parcli validate`.

The first complete block of each kind is the doc's main example: the three together must
pass `validate --strict`. Every other complete block must validate (warnings allowed) in
place of the main block of its kind, with the main blocks of the other two kinds."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from parcli.cli import run
from parcli.models import SCHEMAS
from tests.conftest import ROOT

DOC_PATH = ROOT / "docs" / "DATA_FORMAT.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
KINDS = tuple(SCHEMAS)  # criteria, assignments, agencies, plan
MARKER = re.compile(r"# complete (criteria|assignments|agencies|plan) file\s*$")
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
ROW = re.compile(r"^\| `([^`]+)` \|(.*)\|\s*$")


def _nested(annotation: object) -> tuple[type[BaseModel], bool] | None:
    """The model inside a field's annotation (`Source | None`, `list[Criterion]`), and
    whether it is a list of them; None for a field of plain values."""
    if typing.get_origin(annotation) is None and isinstance(annotation, type):
        return (annotation, False) if issubclass(annotation, BaseModel) else None
    for arg in typing.get_args(annotation):
        found = _nested(arg)
        if found is not None:
            return found[0], found[1] or typing.get_origin(annotation) is list
    return None


def model_keys(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, bool]]:
    """(key path, required) of every field, recursively: `total.max`, `criteria[].code`."""
    for name, field in model.model_fields.items():
        path = prefix + name
        yield path, field.is_required()
        nested = _nested(field.annotation)
        if nested is not None:
            child, many = nested
            yield from model_keys(child, path + ("[]." if many else "."))


def section(kind: str) -> str:
    """The `## ` section of the doc whose heading names the file, e.g. `criteria_<year>.yaml`."""
    parts = re.split(r"^## ", DOC, flags=re.MULTILINE)
    found = [part for part in parts[1:] if f"`{kind}" in part.splitlines()[0]]
    assert len(found) == 1, f"expected one '## ...`{kind}...' heading in {DOC_PATH.name}"
    return found[0]


def table(kind: str) -> dict[str, list[str]]:
    """Key -> the other cells of its row, from the tables of the file's section."""
    rows: dict[str, list[str]] = {}
    for line in section(kind).splitlines():
        match = ROW.match(line)
        if match:
            assert match[1] not in rows, f"{kind}: `{match[1]}` has two rows"
            rows[match[1]] = [cell.strip() for cell in match[2].split(" | ")]
    return rows


@pytest.mark.parametrize("kind", KINDS)
def test_every_model_field_has_a_row_in_its_files_table(kind):
    rows = table(kind)
    missing = [path for path, _ in model_keys(SCHEMAS[kind]) if path not in rows]
    assert not missing, f"{DOC_PATH.name} has no table row for these {kind} keys: {missing}"


def test_every_field_name_of_every_model_is_a_backticked_key_in_a_table_row():
    keys = {match[1] for line in DOC.splitlines() if (match := ROW.match(line))}
    names = {name for kind in KINDS for path, _ in model_keys(SCHEMAS[kind])
             for name in [path.rpartition(".")[2]]}
    missing = sorted(name for name in names
                     if not any(key.rpartition(".")[2] == name for key in keys))
    assert not missing, f"field names without a `| \\`key\\` |` row: {missing}"


@pytest.mark.parametrize("kind", KINDS)
def test_the_table_says_rightly_what_is_required(kind):
    rows = table(kind)
    wrong = []
    for path, required in model_keys(SCHEMAS[kind]):
        if path in rows:
            said = rows[path][0]
            if not said.startswith("required" if required else "optional"):
                wrong.append(f"{path}: '{said}' (the model: "
                             f"{'required' if required else 'optional, with a default'})")
            if required and rows[path][1] != "—":
                wrong.append(f"{path}: required, so its default must be '—'")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("kind", KINDS)
def test_the_table_lists_no_key_the_model_lacks(kind):
    known = {path for path, _ in model_keys(SCHEMAS[kind])}
    stale = [key for key in table(kind) if key not in known]
    assert not stale, f"{DOC_PATH.name} documents {kind} keys parcli does not have: {stale}"


def complete_blocks() -> list[tuple[str, str]]:
    """(kind, text) of every ```yaml block marked as a complete file, in document order."""
    blocks = []
    for match in YAML_BLOCK.finditer(DOC):
        text = match[1]
        marker = MARKER.match(text.splitlines()[0]) if text.strip() else None
        if marker:
            blocks.append((marker[1], text))
    return blocks


BLOCKS = complete_blocks()
MAIN = {kind: next((text for k, text in BLOCKS if k == kind), None) for kind in KINDS}


def test_the_doc_has_a_complete_example_of_each_file():
    assert all(MAIN.values()), f"no complete example of: {[k for k, v in MAIN.items() if not v]}"


def _validate(folder: Path, files: dict[str, str], *extra: str) -> int:
    for kind, text in files.items():
        (folder / f"{kind}.yaml").write_text(text, encoding="utf-8")
    return run(["validate", *extra, "--criteria", str(folder / "criteria.yaml"),
                "--assignments", str(folder / "assignments.yaml"),
                "--agencies", str(folder / "agencies.yaml"),
                *(["--plan", str(folder / "plan.yaml")] if "plan" in files else [])])


def test_the_main_examples_pass_validate_strict_and_check(tmp_path, capsys):
    files = {kind: text for kind, text in MAIN.items() if text}
    code = _validate(tmp_path, files, "--strict")
    assert code == 0, capsys.readouterr().out
    assert run(["check", "--criteria", str(tmp_path / "criteria.yaml")]) == 0, \
        capsys.readouterr().out


@pytest.mark.parametrize("kind, text", BLOCKS,
                         ids=[f"{kind}-{n}" for n, (kind, _) in enumerate(BLOCKS, 1)])
def test_every_complete_example_validates(kind, text, tmp_path, capsys):
    files = {other: main for other, main in MAIN.items() if main}
    files[kind] = text
    code = _validate(tmp_path, files)
    assert code == 0, capsys.readouterr().out
    if kind == "criteria":
        assert run(["check", "--criteria", str(tmp_path / "criteria.yaml")]) == 0, \
            capsys.readouterr().out
