"""The `github` format: GitHub Actions workflow commands, one annotation per problem."""

from __future__ import annotations

from typing import ClassVar

from parcli.output import Output
from parcli.render.base import Reporter, Writes

ORDER = 50  # its place among the formats (help lists them in this order)

__all__ = ["GithubReporter"]

class GithubReporter(Reporter):
    """GitHub Actions workflow commands: one annotation per problem, on its file and line."""

    name = "github"
    help = "GitHub Actions annotations, one per problem"
    writes: ClassVar[frozenset[Writes]] = frozenset({"problems"})
    suffix = "txt"
    for_machines = True

    def render(self, output: Output) -> str:
        lines = []
        for problem in output.problems:
            where = f"file={_gh(problem.file)}"
            if problem.line is not None:
                where += f",line={problem.line}"
                if problem.column is not None:
                    where += f",col={problem.column}"
            where += f",title={_gh(problem.rule)}"
            lines.append(f"::{problem.level} {where}::{_gh_message(problem.message)}")
        lines += output.notes
        return "\n".join(lines) + "\n" if lines else ""


def _gh(text: str) -> str:
    return (text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


def _gh_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


