"""Small inline SVG charts for the report: horizontal bars, stacked columns, a diverging trend.

Hand-written SVG, no library and nothing fetched; every label is escaped. Output is
deterministic (fixed sizes, numbers printed with fixed precision).

>>> svg = bar_chart(["Iran", "<b>"], [2.0, 1.0], title="Degree")
>>> svg.startswith("<svg") and "&lt;b&gt;" in svg and "<b>" not in svg
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

__all__ = ["PALETTE", "bar_chart", "stacked_columns", "trend_chart"]

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
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _n(x: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


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


def _ticks(labels: Sequence[str], slots: int) -> set[int]:
    step = max(1, -(-len(labels) // slots))
    return {i for i in range(len(labels)) if i % step == 0} | {len(labels) - 1}


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
    for i in sorted(_ticks(periods, 12)):
        x = left + (i + 0.5) * slot
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
    """Columns up (cooperative, green) or down (conflictual, red) from a zero line."""
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
    for i in sorted(_ticks(periods, 12)):
        x = left + (i + 0.5) * slot
        parts.append(
            f'<text x="{_n(x)}" y="{height - 12}" text-anchor="middle" {_FONT}>'
            f"{escape(str(periods[i]))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
