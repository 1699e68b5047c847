"""Problems found in data files: small values, the one currency of load, rules and reporters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from parcli.text import Lang

Level = Literal["error", "warning"]
LEVELS: tuple[Level, ...] = ("error", "warning")


@dataclass(frozen=True, slots=True)
class Problem:
    rule: str
    level: Level
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    code: str | None = None
    lang: Lang = "en"  # the language of `message`: its line names the level in it too

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def one_line(self) -> str:
        from parcli.i18n import t

        return f"{self.location()}: {t(self.level, self.lang)} {self.message} [{self.rule}]"

    def as_dict(self) -> dict[str, object]:
        """The brief's JSON shape of a problem (plus its column)."""
        return {"rule": self.rule, "code": self.code, "message": self.message,
                "file": self.file, "line": self.line, "column": self.column}

    def as_error(self) -> Problem:
        return Problem(self.rule, "error", self.message, self.file, self.line, self.column,
                       self.code, self.lang)


class DataError(Exception):
    """A data file cannot be used: carries the problems that say why (exit code 1)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None,
                 sources: list[Any] | None = None) -> None:
        super().__init__("; ".join(p.one_line() for p in problems))
        self.problems = problems
        self.warnings = warnings or []  # found beside the errors: for the machine formats
        self.sources = sources or []  # the files read, when known


class UsageError(Exception):
    """The command was used wrongly, e.g. a path that does not exist (exit code 2)."""
