"""How parcli's data files are named, in one place: `<kind>_<year>.yaml` (`criteria_2020.yaml`,
`assignments_2020.yaml`, `results_2020.yaml`), else plain `<kind>.yaml`; files of one plan
sit in one folder, paired by year."""

from __future__ import annotations

from pathlib import Path

__all__ = ["default_path", "file_name", "year_of", "yearly_files"]


def file_name(kind: str, year: int | str | None = None) -> str:
    """`<kind>_<year>.yaml`, or `<kind>.yaml` without a year."""
    return f"{kind}_{year}.yaml" if year is not None else f"{kind}.yaml"


def year_of(path: Path, kind: str | None = None) -> str | None:
    """The year in `<kind>_<year>.yaml` (any kind when `kind` is None); None for a name
    without one."""
    head, sep, year = path.stem.rpartition("_")
    if not sep or not year.isdigit() or (kind is not None and head != kind):
        return None
    return year


def yearly_files(folder: Path, kind: str) -> list[Path]:
    """The `<kind>_<year>.yaml` files of a folder, by year (the latest last)."""
    return sorted(folder.glob(file_name(kind, "*")), key=lambda p: p.stem.rpartition("_")[2])


def default_path(name: str, criteria: Path | None, bundled: bool) -> Path:
    """Where a written file goes without `-o`: beside the criteria file it was made from; for
    the bundled plan, the working directory (never inside the installed package)."""
    if criteria is None or bundled:
        return Path(name)
    return criteria.parent / name
