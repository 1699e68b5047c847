"""Bar charts as PNG images for the Word report, drawn with matplotlib when it is installed.

matplotlib is the optional extra `charts` (`pip install 'parcli[charts]'`; the `test` extra
installs it too). It is imported only when a chart is drawn, through its object-oriented API
(`Figure` with the Agg canvas), never `pyplot`: no window, no global state, no display needed.

The charts are meant to print well on an office's black-and-white printer: a light, a middle
and a dark fill, each with a black edge, so that the series stay apart in grey.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from decimal import Decimal

from parcli.numbers import number
from parcli.text import Lang

__all__ = ["SeriesData", "available", "bar_chart_png", "png_size"]

SeriesData = tuple[str, Sequence[Decimal | int | None]]
"""A series: its label (the legend entry) and one value per category (None: unknown)."""

_FILLS = ("#d9d9d9", "#7f7f7f", "#262626")  # light, middle, dark grey
_SERIF = ("Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif")  # metric twins first
_WIDTH_IN = 6.3  # 160 mm: the text width of a portrait A4 page with Decree 30's margins
_DPI = 200


def available() -> bool:
    """Whether the chart extra is installed (matplotlib importable)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def bar_chart_png(categories: Sequence[str], series: Sequence[SeriesData], *,
                  lang: Lang = "en", label_width: int = 34, axis: str | None = None) -> bytes:
    """Horizontal bars, one group per category (read top to bottom in the given order), one
    bar per series; a single series gets its value written at the end of each bar. Category
    labels are wrapped at spaces, whole (never cut). `axis` labels the value axis ("điểm").
    Text is in the document's font (Times New Roman, else its metric twin Liberation Serif).
    Numbers on the axis and the bars use the decimal comma in Vietnamese. Raises
    ImportError when matplotlib is not installed (see `available()`)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    labels = [_literal(_wrapped(text, label_width)) for text in categories]
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    per_group = max(0.14 * len(series), 0.16 * lines) + 0.12
    height = min(max(0.9 + per_group * len(categories), 2.0), 8.0)
    figure = Figure(figsize=(_WIDTH_IN, height), dpi=_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    names = [_literal(name) for name, _ in series]
    font = _serif_font([*labels, *names, axis or "", "0123456789,.-"])  # on each text

    count = len(series)
    bar = 0.8 / max(count, 1)
    positions = list(range(len(categories)))
    for index, (_, values) in enumerate(series):
        offsets = [p - 0.4 + bar * (index + 0.5) for p in positions]
        widths = [float(v) if v is not None else 0.0 for v in values]
        bars = axes.barh(offsets, widths, height=bar * 0.92, label=names[index],
                         color=_FILLS[index % len(_FILLS)] if count > 1 else _FILLS[1],
                         edgecolor="black", linewidth=0.5)
        if count == 1:
            for label in axes.bar_label(bars, labels=[number(v, lang) for v in values],
                                        padding=3, fontsize=8):
                if font:
                    label.set_fontfamily(font)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()  # the first category on top, as in the table
    axes.xaxis.set_major_formatter(FuncFormatter(
        lambda value, _position: number(Decimal(f"{float(value):.6f}"), lang)))
    axes.tick_params(labelsize=8)
    if font:
        axes.tick_params(labelfontfamily=font)
    if axis:
        axis_label = axes.set_xlabel(_literal(axis), fontsize=8)
        if font:
            axis_label.set_fontfamily(font)
    axes.grid(axis="x", color="#bfbfbf", linewidth=0.5)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if count == 1:
        axes.margins(x=0.12)  # room for the value labels
    else:
        figure.legend(loc="outside upper center", ncols=count, frameon=False,
                      prop={"size": 8, **({"family": font} if font else {})})
    buffer = io.BytesIO()
    # No "Software" stamp: the same data gives the same image bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _literal(text: str) -> str:
    """Text matplotlib shows as it is: `$` would open mathtext, control characters no font
    has."""
    text = "".join(char if char.isprintable() or char == "\n" else "\ufffd" for char in text)
    return text.replace("$", r"\$")


def _wrapped(text: str, width: int) -> str:
    """A category label wrapped at spaces, whole: as many lines as it takes, never cut."""
    lines = textwrap.wrap(" ".join(text.split()), width, break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "\n".join(lines)


def _serif_font(texts: Sequence[str]) -> str | None:
    """The first serif family installed that has every letter of `texts` (Times New Roman,
    as the document, else a metric twin; some builds of these lack Vietnamese letters such
    as ề and ư), else DejaVu Serif, which matplotlib ships. None: matplotlib's default.
    Looked up without the warnings matplotlib logs for a missing family or glyph."""
    from matplotlib import font_manager

    needed = {ord(char) for text in texts for char in text if not char.isspace()}
    for name in _SERIF:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=name),
                                         fallback_to_default=False)
            charmap = font_manager.get_font(path).get_charmap()
        except (ValueError, RuntimeError, OSError):
            continue
        if needed <= set(charmap):
            return name
    return None


def png_size(image: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels (its IHDR chunk)."""
    if image[:8] != b"\x89PNG\r\n\x1a\n" or len(image) < 24:
        return 0, 0
    return int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
