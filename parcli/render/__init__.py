"""Renderers: one module per format, each registering a reporter.

TEMPORARY adapter over reporters.py until the per-format split lands."""

from __future__ import annotations

from typing import Any


def formats(writes: str) -> tuple[str, ...]:
    from parcli.render.reporters import formats as old

    if writes == "problems":
        return old(problems=True)
    if writes == "documents":
        return tuple(n for n in old() if not n.startswith(("table", "csv")))
    return old()


class _Adapter:
    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.binary = inner.binary
        self.for_machines = inner.for_machines
        self.suffix = {"md": "md", "json": "json"}.get(inner.name, inner.name)

    def write(self, output: Any) -> str | bytes:
        if self.inner.binary or self.inner.name == "csv-excel":
            return self.inner.render_bytes(output)  # type: ignore[no-any-return]
        return self.inner.render(output)  # type: ignore[no-any-return]


def reporter(name: str, color: str = "auto", *, lang: Any = "en", wide: bool = False) -> Any:
    from parcli.render.reporters import reporter as old

    return _Adapter(old(name, color, lang=lang, wide=wide))
