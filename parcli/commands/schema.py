"""`parcli schema NAME`: the JSON Schema of a kind of data file, generated from parcli's
models, for editors and CI; `--install DIR` writes every one where the data files' `$schema`
lines point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parcli.commands.base import Common, Spec
from parcli.engine.writer import Written
from parcli.output import Files
from parcli.problems import UsageError
from parcli.vocabulary import FileKind

SPEC = Spec(inputs="none")


@dataclass(frozen=True)
class Options:
    common: Common
    name: FileKind | None = None
    install: Path | None = None  # a folder: every schema, as `<kind>.schema.json`
    output: Path | None = None


def run(_inputs: object, options: Options) -> Written | Files:
    from parcli.json_schema import json_schema, schemas

    if options.install is not None:
        if options.name is not None or options.output is not None:
            raise UsageError("--install writes every schema; give no NAME or -o")
        return Files(options.install, {f"{name}.schema.json": json_schema(name)
                                       for name in schemas()})
    if options.name is None:
        raise UsageError(f"name one of {', '.join(schemas())} (or use --install DIR)")
    return Written(json_schema(options.name), "")
