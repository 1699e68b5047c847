"""Text shared by every layer: one bilingual type, and the folding used to compare names."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")


class Untranslated(str):
    """A name from the data shown in Vietnamese to an English reader, because the data has
    no English one (no `name_en`). It is still a str everywhere; the human formats mark it
    (Markdown in italics, the terminal in italics or not at all), the machine formats don't.
    Made by `Text.shown`."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Text:
    """A text in English and Vietnamese. Named fields, so a swapped pair is a visible bug,
    not a silently wrong language. `en_fallback`: the data had no English text, so `en`
    repeats the Vietnamese (`Text(name_en or name, name, en_fallback=name_en is None)`); it
    takes no part in comparisons."""

    en: str
    vi: str
    en_fallback: bool = field(default=False, compare=False)

    def in_(self, lang: Lang) -> str:
        return self.vi if lang == "vi" else self.en

    def shown(self, lang: Lang) -> str:
        """The text to show in `lang`: as `in_`, but an English text that is really the
        Vietnamese one comes back as `Untranslated`, so that a reporter can mark it."""
        if lang == "en" and self.en_fallback:
            return Untranslated(self.en)
        return self.in_(lang)

    def format(self, **values: object) -> Text:
        """Both languages filled in (str.format templates); a value that is itself a `Text`
        goes in its own language on each side."""
        return Text(self.en.format(**{k: v.en if isinstance(v, Text) else v
                                      for k, v in values.items()}),
                    self.vi.format(**{k: v.vi if isinstance(v, Text) else v
                                      for k, v in values.items()}))

    @classmethod
    def same(cls, text: str) -> Text:
        """A proper name or an id: written the same in both languages."""
        return cls(text, text)


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


def shorten(text: str, limit: int = 40) -> str:
    """A value quoted in a message, cut so that one line stays one line."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
