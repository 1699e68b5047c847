"""The words parcli's options choose among, each a `Literal` type and its tuple of values.

The bottom layer: it imports nothing of parcli, so that the command line can offer these
choices (and `--help` list them) without importing the models or the engine that give them
meaning.
"""

from __future__ import annotations

from typing import Literal

Basis = Literal["gain", "lost", "headroom"]
"""What a point gap measures (`parcli gap --basis`; the engine's `parcli.engine.gap`)."""
BASES: tuple[Basis, ...] = ("gain", "lost", "headroom")

Shared = Literal["split", "full"]
"""A criterion with several leads: its points split equally, or counted in full for each."""
SHARES: tuple[Shared, ...] = ("split", "full")

Assume = Literal["baseline", "target"]
"""What a criterion without a score is taken at in a projection."""
ASSUMPTIONS: tuple[Assume, ...] = ("baseline", "target")

OpenStatus = Literal["not-started", "in-progress", "unknown"]
"""The statuses `parcli due --status` can select: a task done or dropped is never due."""
OPEN_STATUSES: tuple[OpenStatus, ...] = ("not-started", "in-progress", "unknown")

Color = Literal["auto", "always", "never"]
COLORS: tuple[Color, ...] = ("auto", "always", "never")

FileKind = Literal["criteria", "assignments", "agencies", "plan", "results"]
"""The kinds of data file: Appendix I, Appendix II, the agency registry, the plan's body, the
year's results."""
FILE_KINDS: tuple[FileKind, ...] = ("criteria", "assignments", "agencies", "plan", "results")

RESERVED_AGENCY_IDS: tuple[str, ...] = ("survey", "no-lead")
"""Ids parcli gives its own buckets in `gap --by-agency` and `agencies` (the survey-scored
points, the points of criteria without a lead; `parcli.engine.gap`'s SURVEY and NO_LEAD):
no agency of a registry may take one."""
