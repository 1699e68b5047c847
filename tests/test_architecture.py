"""The layers point one way (models -> load -> engine -> rules -> service -> commands ->
render -> cli): checked from the source, so a shortcut fails CI instead of growing."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "parcli"


def _imports(path: Path) -> set[str]:
    """Every parcli module a file imports, at any depth (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("parcli"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("parcli"))
    return found


def _files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).glob("*.py"))


@pytest.mark.parametrize("path", _files("commands"), ids=lambda p: p.name)
def test_no_command_imports_another(path: Path) -> None:
    own = f"parcli.commands.{path.stem}"
    others = {name for name in _imports(path)
              if name.startswith("parcli.commands.") and name != own
              and name.removeprefix("parcli.commands.") not in ("Output",)
              and (PACKAGE / "commands" / f"{name.removeprefix('parcli.commands.')}.py")
              .exists()}
    assert others == set()


@pytest.mark.parametrize("path", _files("engine"), ids=lambda p: p.name)
def test_engine_imports_no_layer_above_it(path: Path) -> None:
    above = ("parcli.render", "parcli.i18n", "parcli.output", "parcli.agency_text",
             "parcli.commands", "parcli.rules", "parcli.checking", "parcli.cli")
    assert {name for name in _imports(path) if name.startswith(above)} == set()


@pytest.mark.parametrize("path", _files("rules"), ids=lambda p: p.name)
def test_rules_do_not_import_render(path: Path) -> None:
    assert {name for name in _imports(path)
            if name.startswith(("parcli.render", "parcli.commands", "parcli.cli"))} == set()


def test_dataset_does_not_need_the_gap_engine() -> None:
    assert not any(name.startswith("parcli.engine.gap")
                   for name in _imports(PACKAGE / "files" / "dataset.py"))


def test_cli_needs_no_type_ignore() -> None:
    assert "type: ignore" not in (PACKAGE / "cli.py").read_text(encoding="utf-8")


def test_models_and_load_import_nothing_above_them() -> None:
    allowed = ("parcli.models", "parcli.text", "parcli.problems", "parcli.load")
    for path in [*_files("models"), *_files("load")]:
        assert {name for name in _imports(path) if not name.startswith(allowed)} == set(), path


def test_the_models_package_imports_its_modules_only_when_asked() -> None:
    # importing parcli.models builds no model; the results models only when asked for
    code = ("import sys, parcli.models as m; "
            "assert not [n for n in sys.modules if n.startswith('parcli.models.')], sys.modules; "
            "m.model_of('criteria'); assert 'parcli.models.results' not in sys.modules; "
            "assert m.ResultsFile.__name__ == 'ResultsFile'; "
            "assert 'parcli.models.results' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
