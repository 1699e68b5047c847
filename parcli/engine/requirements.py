"""Printed requirements ("Đạt từ 30% cơ quan, đơn vị trở lên", "Từ 50 TTHC trở lên") to
thresholds a measured value can be checked against.

Every accepted form is listed in `ACCEPTED_FORMS` and, with what it parses to, in
docs/REQUIREMENTS.md. The rules, in short:

- A requirement is split into clauses at its "- " bullets ("- A; - B", "…: - A; - B"). Each
  clause gives at most one threshold; a clause with two threshold phrases ("100% cấp huyện,
  80% cấp xã") is ambiguous and gives none.
- Conservative on purpose, since a wrong threshold is worse than none: a range ("từ 10% đến
  20%"), a negated phrase ("không đạt 100%"), "trên"/"dưới" before a count (they also mean
  "on"/"under"), a count with no counted noun, and numbers that are dates, years of "so với
  năm 2019", law numbers or "1.000" (thousands or a decimal?) give nothing.
- A bare percentage ("100% số TTHC…", "đạt 100%") is a minimum: ">=". A share cannot exceed
  100%, so ">= 100" and "= 100" agree on every valid share, and ">=" keeps one rule for
  every bare percentage ("80% UBND cấp xã…" means at least 80%).
- "giảm X%" is a reduction of at least X%: the metric keeps "giảm", comparison ">=".
- `metric` is the clause without the threshold words (đạt, tỷ lệ, từ, trở lên, the number):
  what is measured, as printed. `text` is the clause as printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Comparison = Literal[">=", ">", "<=", "<", "="]

# (example as printed, meaning); docs/REQUIREMENTS.md and the tests parse every example.
ACCEPTED_FORMS: list[tuple[str, str]] = [
    ("Đạt từ 30% cơ quan, đơn vị trở lên", "từ X% … trở lên: at least X%"),
    ("Từ 50 TTHC trở lên", "từ X + noun + trở lên: at least X, unit the counted noun"),
    ("Có từ 03 sáng kiến hoặc giải pháp mới trong CCHC trở lên",
     "có từ X + noun … trở lên: at least X"),
    ("Từ 5 ngày trở xuống", "từ X … trở xuống: at most X"),
    ("Hồ sơ TTHC trong năm được giải quyết đúng hạn đạt tỷ lệ 99% trở lên",
     "X% trở lên (also after đạt, đạt tỷ lệ): at least X%"),
    ("Từ 10% số hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI",
     "từ X% without trở lên: at least X% (percentages only)"),
    ("Mức độ hài lòng đạt trên 85%", "trên X%: more than X% (percentages only)"),
    ("Tỷ lệ hồ sơ trễ hạn dưới 1%", "dưới X%: less than X% (percentages only)"),
    ("Tối thiểu 80% cán bộ được tập huấn", "tối thiểu X: at least X"),
    ("Ít nhất 02 cuộc kiểm tra", "ít nhất X: at least X"),
    ("Không dưới 90% hồ sơ", "không dưới X (also không ít hơn X): at least X"),
    ("Thời gian giải quyết không quá 5 ngày làm việc", "không quá X: at most X"),
    ("Không vượt quá 3% tổng biên chế", "không vượt quá X: at most X"),
    ("Tối đa 2 lần", "tối đa X: at most X"),
    ("Đạt tỷ lệ 10%", "đạt X% (also đạt tỷ lệ X%): at least X%"),
    ("100% số TTHC được công bố đầy đủ, kịp thời", "a bare X%: at least X%"),
    ("Hoàn thành 100% kế hoạch", "a bare X% inside the clause: at least X%"),
    ("100 % số vấn đề được xử lý", "X % with a space: as X%"),
    ("Giải ngân 99,5% kế hoạch", "a decimal comma or point, 1-2 places: exact Decimal"),
    ("Thực hiện giảm 10% số đơn vị sự nghiệp công lập",
     "giảm X%: a reduction of at least X%, metric giảm …"),
]


@dataclass(frozen=True)
class Threshold:
    """One measurable condition of a requirement: `metric comparison value unit`."""

    metric: str
    comparison: Comparison
    value: Decimal
    unit: str
    text: str

    def __post_init__(self) -> None:
        if not self.value.is_finite():
            raise ValueError(f"threshold value {self.value!r} is not a finite number")


def meets(threshold: Threshold, measured: Decimal) -> bool:
    """Whether `measured` (in the threshold's unit: 99.5 for 99.5%) satisfies `threshold`."""
    if not measured.is_finite():
        raise ValueError(f"measured value {measured!r} is not a finite number")
    value = threshold.value
    if threshold.comparison == ">=":
        return measured >= value
    if threshold.comparison == ">":
        return measured > value
    if threshold.comparison == "<=":
        return measured <= value
    if threshold.comparison == "<":
        return measured < value
    return measured == value


# A number on its own: not part of a date (07/10/2019), a law number (59/2012), "9001:2015",
# a word ("3a") or a longer number; "99,5" and "99.5" are decimals, "1.000" matches nothing.
_NUM = r"(?<![\w.,/:])(?P<num>\d+(?:[.,]\d{1,2})?)(?![\w/:]|[.,]\d)"
_PCT = r"(?P<pct>\s?%)"
_DAT = r"(?:đạt\s+(?:t[ỷỉ]\s+lệ\s+)?)?"
_START = r"(?<!\w)"
# the counted thing between the number and "trở lên": words, no digit, no clause break
_MID = r"(?P<mid>(?:\s+[^\d;%]{1,80}?)?)"
_DIR = r"(?P<dir>\s+trở\s+(?:lên|xuống))"
_FLAGS = re.IGNORECASE


def _form(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


# (comparison, pattern): "dir" decides >= / <= when present. Order breaks ties between
# matches at the same place and of the same length.
_FORMS: list[tuple[Comparison, re.Pattern[str]]] = [
    (">=", _form(rf"{_START}(?P<kw>{_DAT}(?:có\s+)?từ)\s+{_NUM}{_PCT}?{_MID}{_DIR}")),
    (">=", _form(rf"{_START}(?P<kw>{_DAT}){_NUM}{_PCT}{_MID}{_DIR}")),
    (">=", _form(rf"{_START}(?P<kw>{_DAT}từ)\s+{_NUM}{_PCT}")),
    (">=", _form(rf"{_START}(?P<kw>{_DAT}(?:tối\s+thiểu|ít\s+nhất|không\s+dưới"
                      rf"|không\s+ít\s+hơn)(?:\s+là)?)\s+{_NUM}{_PCT}?")),
    ("<=", _form(rf"{_START}(?P<kw>{_DAT}(?:không\s+vượt\s+quá|không\s+quá|tối\s+đa)"
                      rf"(?:\s+là)?)\s+{_NUM}{_PCT}?")),
    (">", _form(rf"{_START}(?P<kw>{_DAT}trên)\s+{_NUM}{_PCT}")),
    ("<", _form(rf"{_START}(?P<kw>{_DAT}dưới)\s+{_NUM}{_PCT}")),
    (">=", _form(rf"{_START}(?P<verb>giảm)\s+{_NUM}{_PCT}")),
    (">=", _form(rf"{_START}(?P<kw>{_DAT}){_NUM}{_PCT}")),
]

# "- A; - B", "…: - A", "A. - B": a dash after a clause break or at the start is a bullet;
# "kinh tế - xã hội" is not.
_BULLET = re.compile(r"(?:^|[;:.])\s*[-–]\s+")
_NEGATED = re.compile(r"(?<!\w)(?:không|chưa)\s*$", _FLAGS)
_RANGE_AFTER = re.compile(r"^\s*(?:-|–|~|đến|tới)\s*\d", _FLAGS)
_RANGE_BEFORE = re.compile(r"\d\s*%?\s*(?:-|–|~|đến|tới)\s*$", _FLAGS)
# where a counted noun ends
_NOUN_END = re.compile(
    r"[,;:.()]|\s(?:hoặc|và|trong|được|thuộc|có|so|của|trở|tại|theo|cho|đối|trên|dưới|đã"
    r"|phải|mới|là)(?!\w)", _FLAGS)
_FILLER = re.compile(r"^(?:thực\s+hiện|đạt|có)\s+", _FLAGS)
_RATE = re.compile(r"t[ỷỉ]\s+lệ", _FLAGS)
_EDGES = " \t,;:.-–"


def _clauses(text: str) -> list[str]:
    """The bulleted clauses of a requirement, each as printed (bullet and break removed)."""
    parts = (part.strip(" \t;") for part in _BULLET.split(text))
    return [part for part in parts if part]


def _counted_noun(words: str) -> str:
    """The noun a count counts: the first words up to a break, at most three."""
    end = _NOUN_END.search(words)
    head = (words[:end.start()] if end else words).split()
    return " ".join(head) if 0 < len(head) <= 3 else ""


def _squash(text: str) -> str:
    text = " ".join(text.split()).replace(" ,", ",").replace("( ", "(").replace(" )", ")")
    return text.strip(_EDGES)


def _threshold(clause: str, comparison: Comparison, match: re.Match[str]) -> Threshold | None:
    """The threshold one match gives, or None when it is not safe to read."""
    before, after = clause[:match.start()], clause[match.end():]
    if _NEGATED.search(before) or _RANGE_AFTER.search(after) or _RANGE_BEFORE.search(before):
        return None
    groups = match.groupdict()
    direction = groups.get("dir")
    if direction is not None and "xuống" in direction.casefold():
        comparison = "<="
    mid = groups.get("mid") or ""
    value = Decimal(match["num"].replace(",", "."))
    if match["pct"] is not None:
        unit = "%"
    else:
        unit = _counted_noun(mid if direction is not None else after)
        if not unit:
            return None
    metric = _squash(" ".join([before, groups.get("verb") or "", mid, after]))
    metric = _FILLER.sub("", metric) or metric
    if not metric:
        rate = _RATE.search(groups.get("kw") or "")
        metric = rate.group(0) if rate else ""
    return Threshold(metric=metric, comparison=comparison, value=value, unit=unit,
                     text=clause)


def _clause_threshold(clause: str) -> Threshold | None:
    """The one threshold of a clause; None for prose or for two phrases (ambiguous)."""
    found: list[tuple[int, int, int, Comparison, re.Match[str]]] = []
    for order, (comparison, pattern) in enumerate(_FORMS):
        for match in pattern.finditer(clause):
            found.append((match.start(), -(match.end() - match.start()), order, comparison,
                          match))
    chosen: list[tuple[Comparison, re.Match[str]]] = []
    end = -1
    for start, _, _, comparison, match in sorted(found, key=lambda item: item[:3]):
        if start >= end:
            chosen.append((comparison, match))
            end = match.end()
    if len(chosen) != 1:
        return None
    comparison, match = chosen[0]
    return _threshold(clause, comparison, match)


def parse_requirement(text: str) -> list[Threshold]:
    """The thresholds of a printed requirement, in printed order; [] when it is all prose."""
    normal = unicodedata.normalize("NFC", text)
    found = (_clause_threshold(clause) for clause in _clauses(normal))
    return [threshold for threshold in found if threshold is not None]

