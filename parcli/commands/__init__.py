"""Command cores: each takes a Dataset and plain options and returns an `Output`."""

from __future__ import annotations

from decimal import Decimal

from parcli.dataset import Dataset
from parcli.i18n import Lang
from parcli.problems import DataError


def ensure_structure(dataset: Dataset, tolerance: Decimal = Decimal("0.01")) -> None:
    """Refuse a criteria file whose hierarchy cannot be computed (duplicate or orphan codes)."""
    from parcli.rules import STRUCTURAL, Context, run

    context = Context(dataset, tolerance, frozenset({"criteria"}))
    problems = list(run(context, STRUCTURAL))
    if problems:
        raise DataError(problems)


def pick(vietnamese: str, english: str, lang: Lang) -> str:
    return vietnamese if lang == "vi" else english
