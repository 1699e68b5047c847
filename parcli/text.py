"""Text folding shared by agency resolution, search and name comparison."""

from __future__ import annotations

import unicodedata


def squash(text: str) -> str:
    """NFC, single spaces, no edge spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Case- and whitespace-insensitive form used to compare names."""
    return squash(text).casefold()


def fold_diacritics(text: str) -> str:
    """Also drop Vietnamese diacritics, so "tai chinh" matches "tài chính"."""
    decomposed = unicodedata.normalize("NFD", fold(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
