"""Small inline SVG charts for the report: horizontal bars, stacked columns, a diverging trend.

Hand-written SVG, no library and nothing fetched; every label is escaped. Output is
deterministic (fixed sizes, numbers printed with fixed precision).

>>> svg = bar_chart(["Iran", "<b>"], [2.0, 1.0], title="Degree")
>>> svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from ..render.picture import picture_svg

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "FAMILY_PALETTE",
    "PALETTE",
    "bar_chart",
    "family_colors",
    "graph_picture",
    "stacked_columns",
    "trend_chart",
]

#: Colours for series without their own (Tableau 10).
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
#: Colours of relation families, given in vocabulary family order: the eight Okabe–Ito colours
#: (distinct for the common colour-vision deficiencies; grey 4th, for the neutral
#: ``membership`` family of the bundled vocabulary), then black and brown; cycled past ten.
FAMILY_PALETTE = (
    "#0072b2",  # blue
    "#009e73",  # bluish green
    "#56b4e9",  # sky blue
    "#999999",  # grey
    "#e69f00",  # orange
    "#cc79a7",  # reddish purple
    "#d55e00",  # vermillion
    "#f0e442",  # yellow
    "#000000",  # black
    "#9c755f",  # brown
)
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _n(x: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def family_colors(families: Sequence[str]) -> dict[str, str]:
    """A fixed, distinct colour per family, by position (:data:`FAMILY_PALETTE`, cycled).

    The colours do not depend on the relation types' own colours, so the same family always
    looks the same and no two of the first ten families share a colour.

    >>> family_colors(["diplomatic", "cooperation", "economic"])
    {'diplomatic': '#0072b2', 'cooperation': '#009e73', 'economic': '#56b4e9'}
    """
    unique = list(dict.fromkeys(families))
    return {f: FAMILY_PALETTE[i % len(FAMILY_PALETTE)] for i, f in enumerate(unique)}


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _open(width: float, height: float, title: str) -> str:
    t = escape(title)
    return (
        f'<svg viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" aria-label="{t}" class="chart">'
        f"<title>{t}</title>"
    )


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    color: str = PALETTE[0],
    width: int = 440,
    fmt: Callable[[float], str] = str,
) -> str:
    """Horizontal bars, one per label, largest scale = the largest value.

    Parameters
    ----------
    labels, values
        Bar labels (escaped) and non-negative values, in display order.
    fmt
        How a value is printed at the end of its bar.
    """
    if not labels:
        return _empty(width, title)
    row, left, right, top = 18, 170, 70, 22
    height = top + row * len(labels) + 6
    peak = max((float(v) for v in values), default=0.0) or 1.0
    span = width - left - right
    parts = [
        _open(width, height, title),
        f'<text x="0" y="14" {_FONT} font-weight="600">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top + i * row
        w = max(float(value), 0.0) / peak * span
        parts.append(
            f'<text x="{left - 6}" y="{_n(y + 12)}" text-anchor="end" {_FONT}>'
            f"<title>{escape(str(label))}</title>{escape(_clip(str(label), 24))}</text>"
            f'<rect x="{left}" y="{_n(y + 2)}" width="{_n(w)}" height="{row - 5}" '
            f'fill="{escape(color)}"/>'
            f'<text x="{_n(left + w + 4)}" y="{_n(y + 12)}" {_FONT}>{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


#: Width of one character of the chart font (11px system-ui; digits ~6.1px), with margin.
_CHAR = 6.6
#: Least free space between two axis labels.
_GAP = 8.0


def _ticks(
    labels: Sequence[str], left: float, slot: float, width: float
) -> list[tuple[int, float]]:
    """The axis labels to draw and their x (centre), so that no two labels overlap.

    Label ``i`` is centred under its column (``left + (i + 0.5) * slot``), moved left if it
    would cross the chart's right edge. Every ``step``-th label is drawn, ``step`` chosen so
    that two drawn labels are at least one label width (plus a gap) apart; the last label is
    drawn too, in place of the regular one before it if they would be too close.

    >>> [i for i, _ in _ticks([str(y) for y in range(2011, 2024)], 0, 20.0, 260)]
    [0, 2, 4, 6, 8, 10, 12]
    >>> [i for i, _ in _ticks([str(y) for y in range(2011, 2025)], 0, 20.0, 280)]
    [0, 2, 4, 6, 8, 10, 13]
    >>> _ticks([], 0, 20.0, 100)
    []
    """
    n = len(labels)
    if n == 0:
        return []
    label = max(len(str(text)) for text in labels) * _CHAR
    need = label + _GAP

    def x(i: int) -> float:
        return min(left + (i + 0.5) * slot, width - label / 2)

    step = max(1, math.ceil(need / max(slot, 1e-9)))
    ticks = list(range(0, n, step))
    if ticks[-1] != n - 1:
        if x(n - 1) - x(ticks[-1]) >= need:
            ticks.append(n - 1)
        elif len(ticks) > 1:
            ticks[-1] = n - 1
    return [(i, x(i)) for i in ticks]


def _empty(width: int, title: str, message: str = "No data.") -> str:
    """A chart with only its title and a message (for empty input)."""
    return (
        _open(width, 40, title)
        + f'<text x="0" y="14" {_FONT} font-weight="600">{escape(title)}</text>'
        + f'<text x="0" y="32" {_FONT} fill="#666">{escape(message)}</text></svg>'
    )


def stacked_columns(
    periods: Sequence[str],
    series: Mapping[str, Sequence[int]],
    *,
    title: str,
    colors: dict[str, str] | None = None,
    width: int = 720,
    height: int = 240,
) -> str:
    """Columns per period stacked by series (e.g. relation family), with a legend."""
    colors = colors or {}
    names = list(series)
    if not periods or not names:
        return _empty(width, title)
    left, bottom, top = 36, 34, 24
    legend_rows = -(-len(names) // 5)
    full = height + 16 * legend_rows
    plot_h = height - top - bottom
    totals = [sum(int(series[s][i]) for s in names) for i in range(len(periods))]
    peak = max(totals, default=0) or 1
    slot = (width - left - 8) / max(len(periods), 1)
    parts = [
        _open(width, full, title),
        f'<text x="0" y="14" {_FONT} font-weight="600">{escape(title)}</text>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 8}" y2="{top + plot_h}" '
        'stroke="#999"/>',
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" {_FONT}>{peak}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" {_FONT}>0</text>',
    ]
    for i, period in enumerate(periods):
        x = left + i * slot
        base = float(top + plot_h)
        for k, name in enumerate(names):
            value = int(series[name][i])
            if value <= 0:
                continue
            h = value / peak * plot_h
            base -= h
            fill = colors.get(name, PALETTE[k % len(PALETTE)])
            parts.append(
                f'<rect x="{_n(x + 1)}" y="{_n(base)}" width="{_n(max(slot - 2, 1))}" '
                f'height="{_n(h)}" fill="{escape(fill)}"><title>{escape(str(period))} '
                f"{escape(name)}: {value}</title></rect>"
            )
    for i, x in _ticks(periods, left, slot, width):
        parts.append(
            f'<text x="{_n(x)}" y="{top + plot_h + 14}" text-anchor="middle" '
            f"{_FONT}>{escape(str(periods[i]))}</text>"
        )
    for k, name in enumerate(names):
        x = left + (k % 5) * ((width - left) / 5)
        y = height + 16 * (k // 5) - 4
        fill = colors.get(name, PALETTE[k % len(PALETTE)])
        parts.append(
            f'<rect x="{_n(x)}" y="{_n(y - 9)}" width="10" height="10" '
            f'fill="{escape(fill)}"/><text x="{_n(x + 14)}" y="{_n(y)}" {_FONT}>'
            f"{escape(name)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_chart(
    periods: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    width: int = 720,
    height: int = 220,
    fmt: Callable[[float], str] = str,
) -> str:
    """A net-relation trend as an SVG bar chart: columns up (cooperative, green) or down
    (conflictual, red) from a zero line, one per period.

    Parameters
    ----------
    periods : sequence of str
        The period labels (``"2019"``, ``"2019-Q3"``), in order.
    values : sequence of float
        One net score per period (``score`` of :func:`graph.pair_trend`).
    title : str
        Drawn above the chart (escaped).
    width, height : int
        Size in pixels.
    fmt : callable
        Formats the axis values.

    Returns
    -------
    str
        A self-contained ``<svg>`` element (no script, no external reference).

    Examples
    --------
    >>> trend = graph.pair_trend(ds, "Iran", "Tajikistan")
    >>> svg = graph.trend_chart(trend["period"].tolist(), trend["score"].tolist(), title="Net")
    >>> svg.startswith("<svg") and "<script" not in svg
    True
    """
    if not periods:
        return _empty(width, title)
    left, bottom, top = 36, 30, 24
    plot_h = height - top - bottom
    high = max([float(v) for v in values] + [0.0])
    low = min([float(v) for v in values] + [0.0])
    spread = (high - low) or 1.0
    zero = top + high / spread * plot_h
    slot = (width - left - 8) / max(len(periods), 1)
    parts = [
        _open(width, height, title),
        f'<text x="0" y="14" {_FONT} font-weight="600">{escape(title)}</text>',
        f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" {_FONT}>{escape(fmt(high))}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" {_FONT}>'
        f"{escape(fmt(low))}</text>",
    ]
    for i, (period, value) in enumerate(zip(periods, values, strict=True)):
        v = float(value)
        h = abs(v) / spread * plot_h
        y = zero - h if v > 0 else zero
        fill = "#2ca02c" if v > 0 else "#d62728"
        parts.append(
            f'<rect x="{_n(left + i * slot + 1)}" y="{_n(y)}" width="{_n(max(slot - 2, 1))}" '
            f'height="{_n(h)}" fill="{fill}"><title>{escape(str(period))}: '
            f"{escape(fmt(value))}</title></rect>"
        )
    parts.append(
        f'<line x1="{left}" y1="{_n(zero)}" x2="{width - 8}" y2="{_n(zero)}" stroke="#666"/>'
    )
    for i, x in _ticks(periods, left, slot, width):
        parts.append(
            f'<text x="{_n(x)}" y="{height - 12}" text-anchor="middle" {_FONT}>'
            f"{escape(str(periods[i]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def graph_picture(dataset: Dataset, *, layout: str = "network") -> str:
    """The report's picture of the graph: :func:`graph.render.picture.picture_svg` with actors
    sized by degree and coloured by community (the report's blocs), as one ``<svg
    class="graph-picture">`` that shows and prints without any script.

    Parameters
    ----------
    dataset : Dataset
        What to draw.
    layout : {"network", "map"}, default "network"
        Where actors sit (as ``graph html --layout``).

    Returns
    -------
    str
        The ``<svg>`` element; every label in it is escaped.

    Examples
    --------
    >>> svg = graph_picture(ds)
    >>> svg.startswith("<svg") and 'class="graph-picture"' in svg and "<script" not in svg
    True
    """
    return picture_svg(
        dataset, layout=layout, size_by="degree", color_by="community", width=1060, height=600
    )
