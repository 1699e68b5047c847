"""The layers point one way, checked from the source so that a shortcut fails CI instead of
growing. Each layer imports only itself and the layers before it (lazy imports included),
no module imports one that imports it back, no command imports another. Data: none."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "parcli"

# (layer, the modules in it), bottom first. A module not listed fails the test: a new module
# takes its place here, which says where it belongs.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base vocabulary", ("parcli", "parcli.vocabulary", "parcli.text", "parcli.words_report",
                         "parcli.words_messages", "parcli.i18n", "parcli.numbers",
                         "parcli.problems")),
    ("models", ("parcli.models",)),
    ("load", ("parcli.load",)),
    ("data files", ("parcli.files",)),
    ("engine", ("parcli.engine",)),
    ("words", ("parcli.agency_text",)),
    ("rules", ("parcli.rules",)),
    ("checking", ("parcli.checking", "parcli.json_schema")),
    ("output model", ("parcli.output",)),
    ("commands", ("parcli.commands",)),
    ("render", ("parcli.render",)),
    ("cli", ("parcli.cli", "parcli.__main__")),
]


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The parcli module a dotted name is or lies in (`parcli.output.Table` -> parcli.output)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> set[str]:
    """Every parcli module `module` imports, at any depth (lazy imports included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found.update(m for name in names if name.startswith("parcli")
                     if (m := _resolve(name)) is not None and m != module)
    return found


def _layer(module: str) -> int:
    best = [(len(prefix), index) for index, (_, prefixes) in enumerate(LAYERS)
            for prefix in prefixes if module == prefix or module.startswith(prefix + ".")]
    assert best, f"{module} is in no layer: add it to LAYERS in tests/test_architecture.py"
    return max(best)[1]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_its_layer_and_those_before(module: str) -> None:
    own = _layer(module)
    above = {name: LAYERS[_layer(name)][0] for name in _imports(module) if _layer(name) > own
             and name != "parcli"}
    assert above == {}, f"{module} ({LAYERS[own][0]}) imports a layer above it"


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: _imports(module) for module in MODULES}
    cycles = []
    for start in graph:
        seen: set[str] = set()
        stack = list(graph[start])
        while stack:
            step = stack.pop()
            if step == start:
                cycles.append(start)
                break
            if step not in seen:
                seen.add(step)
                stack.extend(graph[step])
    assert cycles == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("parcli.commands.")))
def test_no_command_imports_another(module: str) -> None:
    """A command uses what is shared (`parcli.commands`, `.base`) and its own package."""
    shared = {"parcli.commands", "parcli.commands.base"}
    own = module.split(".")[2]
    others = {name for name in _imports(module) if name.startswith("parcli.commands.")
              and name not in shared and name.split(".")[2] != own}
    assert others == set()


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("parcli.engine.")))
def test_the_engine_computes_and_never_formats(module: str) -> None:
    words = {name for name in _imports(module)
             if name in ("parcli.i18n", "parcli.agency_text", "parcli.output")}
    assert words == set()


def test_no_module_is_over_600_lines() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in MODULES.items()}
    assert {name: size for name, size in sizes.items() if size > 600} == {}


def test_the_cli_needs_no_type_ignore_and_no_private_typer() -> None:
    for path in (PACKAGE / "cli").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "type: ignore" not in text, path
        assert "typer._" not in text and "import click" not in text, path


def test_no_start_up_machinery_remains() -> None:
    """No cache between runs, no patch of a library or of the interpreter."""
    for path in MODULES.values():
        text = path.read_text(encoding="utf-8")
        for marker in ("import pickle", "import marshal", "gc.disable", "gc.freeze",
                       "os._exit", "sys.modules[", "dataclasses.exec"):
            assert marker not in text, (path, marker)


def test_the_models_package_imports_its_modules_only_when_asked() -> None:
    # importing parcli.models builds no model; the results models only when asked for
    code = ("import sys, parcli.models as m; "
            "assert not [n for n in sys.modules if n.startswith('parcli.models.')], sys.modules; "
            "m.model_of('criteria'); assert 'parcli.models.results' not in sys.modules; "
            "assert m.ResultsFile.__name__ == 'ResultsFile'; "
            "assert 'parcli.models.results' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_help_imports_no_model_no_engine_and_no_heavy_library() -> None:
    code = ("import sys; from parcli.cli import run; run(['--help']); "
            "heavy = [n for n in sys.modules if n.split('.')[0] in ('yaml', 'docx', "
            "'openpyxl', 'matplotlib', 'tabulate') or n.startswith(('parcli.models.', "
            "'parcli.engine.', 'parcli.rules', 'parcli.load.'))]; "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
