"""The parts of :func:`graph.render.picture_svg`: SVG primitives, node shapes, colours and the
legend, kept apart from the layout and fitting code in :mod:`graph.render.picture`.

Every string goes through :func:`_text` (XML-escaped, characters XML cannot hold removed) and
every attribute through :func:`_attrs`.

>>> _attrs(x=1.25, label='<a "b">')
' x="1.2" label="&lt;a &quot;b&quot;&gt;"'
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import numpy as np

from ..text import xml_safe
from .choices import PAIR_KINDS
from .pairs import pair_kind
from .styles import (
    COMMUNITY_COLORS,
    DEFAULT_COLOR,
    OTHER_COLOR,
    node_sizes,
    safe_color,
    safe_shape,
)

if TYPE_CHECKING:
    import pandas as pd

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
INK, MUTED = "#1f2933", "#616e7c"
PAD, HEAD, ROW = 16, 62, 18  # margin, heading height, legend row height (px)
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]"
)
Row = tuple[str, str, str, str]  # a legend row: swatch (a shape, "line", "dashed", "arrow"),
# colour, text, data-key


def _star() -> list[tuple[float, float]]:
    radii = [1.066 if i % 2 == 0 else 0.41 for i in range(10)]
    return [
        (r * math.sin(i * math.pi / 5), 0.082 - r * math.cos(i * math.pi / 5))
        for i, r in enumerate(radii)
    ]


#: vis-network's polygons, in units of the node's radius (y down).
_POLYGONS: dict[str, list[tuple[float, float]]] = {
    "triangle": [(0.0, -1.012), (1.15, 0.98), (-1.15, 0.98)],
    "triangleDown": [(0.0, 1.012), (1.15, -0.98), (-1.15, -0.98)],
    "diamond": [(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)],
    "hexagon": [(math.cos(i * math.pi / 3), math.sin(i * math.pi / 3)) for i in range(6)],
    "star": _star(),
}
#: Each shape's half width, and height above and below its centre, in radii.
_EXTENT: dict[str, tuple[float, float, float]] = {
    "box": (1.3, 0.8, 0.8),
    "ellipse": (1.35, 0.85, 0.85),
    "database": (1.35, 0.85, 0.85),
    **{
        name: (max(abs(x) for x, _ in pts), -min(y for _, y in pts), max(y for _, y in pts))
        for name, pts in _POLYGONS.items()
    },
}


def _n(value: float) -> str:
    """A number with at most one decimal (``12``, ``12.5``; never ``-0``)."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text(value: object) -> str:
    return escape(xml_safe(str(value)))


def _attrs(**values: object) -> str:
    """XML attributes (``data_id`` is written ``data-id``, ``class_`` ``class``), escaped."""
    out = []
    for name, value in values.items():
        if value is None:
            continue
        shown = _n(float(value)) if isinstance(value, float | int | np.floating) else str(value)
        key = name.rstrip("_").replace("_", "-")
        out.append(f' {key}="{escape(xml_safe(shown), {chr(34): "&quot;"})}"')
    return "".join(out)


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)] + "…"


def _shape(shape: str, x: float, y: float, r: float, **attrs: object) -> str:
    """One SVG element drawing vis-network's ``shape`` of radius ``r`` at ``(x, y)``."""
    if shape in _POLYGONS:
        points = " ".join(f"{_n(x + r * px)},{_n(y + r * py)}" for px, py in _POLYGONS[shape])
        return f"<polygon{_attrs(points=points, **attrs)}/>"
    if shape in ("square", "box"):
        w, h, rx = (r, r, None) if shape == "square" else (1.3 * r, 0.8 * r, 0.3 * r)
        return f"<rect{_attrs(x=x - w, y=y - h, width=2 * w, height=2 * h, rx=rx, **attrs)}/>"
    if shape in ("ellipse", "database"):
        return f"<ellipse{_attrs(cx=x, cy=y, rx=1.35 * r, ry=0.85 * r, **attrs)}/>"
    return f"<circle{_attrs(cx=x, cy=y, r=r, **attrs)}/>"


def _sizes(data: dict[str, Any], size_by: str) -> tuple[np.ndarray, np.ndarray]:
    """Radii and label fonts at page scale, by ``size_by`` (the data's own when it matches)."""
    nodes = data["nodes"]
    values = nodes.get("measures", {}).get(size_by)
    if data.get("meta", {}).get("sizeBy", size_by) == size_by or values is None:
        return np.asarray(nodes["size"], dtype=float), np.asarray(nodes["font"], dtype=float)
    size = node_sizes(np.asarray(values, dtype=float))
    return size, np.round(12 + (size - 10) * 0.35)


def _by_community(nodes: dict[str, Any], size: np.ndarray) -> tuple[list[str], list[Row]]:
    groups = [int(c) for c in nodes.get("community", [-1] * len(nodes["id"]))]
    fills = [COMMUNITY_COLORS[c] if 0 <= c < len(COMMUNITY_COLORS) else OTHER_COLOR for c in groups]
    rows = []
    for c in sorted({c for c in groups if 0 <= c < 12}):
        members = sorted((i for i, g in enumerate(groups) if g == c), key=lambda i: (-size[i], i))
        names = ", ".join(str(nodes["label"][i]) for i in members[:3])
        text = f"{c + 1} ({len(members)}): {names}" + (", …" if len(members) > 3 else "")
        rows.append(("dot", COMMUNITY_COLORS[c], text, f"community-{c + 1}"))
    if any(not 0 <= c < 12 for c in groups):
        rows.append(("dot", OTHER_COLOR, "smaller, or no cooperative relation", "other"))
    return fills, rows


def _by_sign(data: dict[str, Any]) -> tuple[list[str], list[Row]]:
    ids = data["nodes"]["id"]
    index = {node: i for i, node in enumerate(ids)}
    rel = data.get("relations", {})
    s = np.array([index.get(v, -1) for v in rel.get("from", [])], dtype=int)
    t = np.array([index.get(v, -1) for v in rel.get("to", [])], dtype=int)
    sign = np.asarray(rel.get("sign", []), dtype=float)
    ok = (s >= 0) & (t >= 0)
    counts = np.zeros((3, len(ids)), dtype=int)  # any, cooperative, conflictual relations
    for row, mask in enumerate((ok, ok & (sign > 0), ok & (sign < 0))):
        np.add.at(counts[row], s[mask], 1)
        np.add.at(counts[row], t[mask & (s != t)], 1)
    kinds, touched = pair_kind(counts[1], counts[2]), counts[0] > 0
    fills = [
        PAIR_KINDS[k]["color"] if on else OTHER_COLOR for k, on in zip(kinds, touched, strict=True)
    ]
    present = set(kinds[touched])
    rows = [("dot", PAIR_KINDS[k]["color"], k, k) for k in PAIR_KINDS if k in present]
    if not touched.all():
        rows.append(("dot", OTHER_COLOR, "no relation", "other"))
    return fills, rows


def _fills(
    data: dict[str, Any], color_by: str, size: np.ndarray
) -> tuple[list[str], list[Row], str]:
    """Each actor's fill, the legend rows saying what fills mean, and their heading."""
    nodes = data["nodes"]
    if color_by == "community":
        return (*_by_community(nodes, size), "Communities")
    if color_by == "sign":
        return (*_by_sign(data), "Actors by their relations")
    styles = {t["name"]: t for t in data.get("nodeTypes", [])}
    fills = [safe_color(styles.get(t, {}).get("color", DEFAULT_COLOR)) for t in nodes["type"]]
    present = set(nodes["type"])
    rows = [
        (
            safe_shape(t["shape"]),
            safe_color(t["color"]),
            str(t.get("label") or t["name"]),
            t["name"],
        )
        for t in data.get("nodeTypes", [])
        if t["name"] in present
    ]
    return fills, rows, "Actors"


def _legend(
    sections: list[tuple[str, list[Row]]], note: str, width: int, height: int
) -> tuple[list[str], tuple[float, float, float, float]]:
    """The legend's elements and the drawing area it leaves, ``(x0, y0, x1, y1)``.

    Beside the drawing (wide pictures) its sections follow one another down a column; below
    it, each section starts a column. A column never ends with a heading.
    """
    groups = [[(head, None), *[("", row) for row in rows]] for head, rows in sections if rows]
    groups = groups or [[]]
    groups[-1].append((note, None))
    items: list[tuple[str, Row | None]] = [item for group in groups for item in group]
    longest = max(len(text) if row is None else len(row[2]) + 4 for text, row in items)
    col = min(max(longest * 7 + 12, 120), 260)
    beside = width >= 1.2 * height
    tallest = max(len(group) for group in groups)
    per_col = (
        int((height - HEAD - PAD) // ROW) if beside else min(tallest, int(height * 0.3 // ROW))
    )
    per_col, spots, c, r = max(per_col, 2), [], 0, 0
    for group in groups:
        if r and not beside:
            c, r = c + 1, 0
        for j in range(len(group)):
            if r >= per_col or (j == 0 and len(group) > 1 and r == per_col - 1):
                c, r = c + 1, 0
            spots.append((c, r))
            r += 1
    if beside:
        left, top = width - PAD - (c + 1) * col, HEAD
        area = (PAD, HEAD, left - PAD, height - PAD)
    else:
        col = min(col, (width - 2 * PAD) // (c + 1))
        left, top = PAD, height - PAD - (max(r for _, r in spots) + 1) * ROW
        area = (PAD, HEAD, width - PAD, top - 8)
    chars, out = int((col - 40) / 6.6), []
    for n, ((text, row), (c, r)) in enumerate(zip(items, spots, strict=True)):
        x, y = left + c * col, top + r * ROW + 13
        if row is None:
            last = n == len(items) - 1
            cls, weight = ("legend-note", None) if last else ("legend-heading", 600)
            attrs = _attrs(class_=cls, x=x, y=y, font_size=12, font_weight=weight)
            color = MUTED if last else INK
            out.append(f"<text{attrs}{_attrs(fill=color)}>{_text(_cut(text, chars + 4))}</text>")
            continue
        swatch, color, label, key = row
        out.append(f"<g{_attrs(class_='legend-row', data_key=key)}>")
        if swatch in ("line", "dashed", "arrow"):
            end, dash = x + (15 if swatch == "arrow" else 22), "7 5" if swatch == "dashed" else None
            line = _attrs(x1=x, y1=y - 4, x2=end, y2=y - 4, stroke=color, stroke_width=2.5)
            out.append(f"<line{line}{_attrs(stroke_dasharray=dash)}/>")
            if swatch == "arrow":
                head = f"{x + 14},{y - 8} {x + 22},{y - 4} {x + 14},{y}"
                out.append(f"<polygon{_attrs(points=head, fill=color)}/>")
        else:
            out.append(_shape(swatch, x + 11, y - 4, 6, fill=color))
        attrs = _attrs(x=x + 28, y=y, font_size=12, fill=INK)
        out.append(f"<text{attrs}>{_text(_cut(label, chars))}</text></g>")
    return out, area


def _link_rows(pairs: pd.DataFrame) -> list[Row]:
    """Legend rows for the links drawn: their kinds, then dashed and arrow when any."""
    present = set(pairs["kind"])
    rows: list[Row] = [("line", PAIR_KINDS[k]["color"], k, k) for k in PAIR_KINDS if k in present]
    if pairs["dashed"].any():
        rows.append(("dashed", MUTED, "dashed: net conflictual", "dashed"))
    if (pairs["directed"] & (pairs["source"] != pairs["target"])).any():
        rows.append(("arrow", MUTED, "arrow: all one way", "arrow"))
    return rows
