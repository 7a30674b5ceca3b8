"""How things look: colours, shapes and sizes drawn from the vocabulary and the data.

A dataset's ``vocabulary.toml`` can set any colour or shape text, so both are checked here:
a colour must be ``#rgb`` or ``#rrggbb`` and a shape one of vis-network's drawn shapes (never
``image``, which would load a URL); anything else falls back to grey and ``dot``.

>>> safe_color("#1F77B4"), safe_color("#abc"), safe_color("red;background:url(x)")
('#1f77b4', '#aabbcc', '#7f7f7f')
>>> safe_shape("triangleDown"), safe_shape("image")
('triangleDown', 'dot')
>>> node_sizes(np.array([0.0, 1.0, 4.0])).tolist()
[10.0, 20.0, 30.0]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from ..model.vocabulary import Vocabulary

__all__ = [
    "COMMUNITY_COLORS",
    "DEFAULT_COLOR",
    "OTHER_COLOR",
    "SHAPES",
    "edge_type_styles",
    "edge_widths",
    "node_sizes",
    "node_type_styles",
    "safe_color",
    "safe_shape",
]

DEFAULT_COLOR = "#7f7f7f"
#: Colours of the twelve largest cooperative-layer communities (Tableau 10 and two more), in
#: the page (sent in its data), its pictures and the report's blocs.
COMMUNITY_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"]
COMMUNITY_COLORS += ["#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#8cd17d"]
#: Actors of smaller communities, or without the relation a colouring looks for.
OTHER_COLOR = "#c3cad3"
#: vis-network shapes drawn without loading anything (``image``/``icon`` are left out).
SHAPES = frozenset(
    {"dot", "ellipse", "circle", "box", "text", "database", "diamond", "star", "triangle"}
    | {"triangleDown", "hexagon", "square"}
)
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def safe_color(value: str, default: str = DEFAULT_COLOR) -> str:
    """Return ``value`` as ``#rrggbb`` if it is a hex colour, else ``default``."""
    match = _HEX.fullmatch(str(value).strip())
    if match is None:
        return default
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def safe_shape(value: str) -> str:
    """Return ``value`` if vis-network draws it without loading anything, else ``"dot"``."""
    return value if value in SHAPES else "dot"


def shade(color: str, factor: float) -> str:
    """Darken (factor < 1) or lighten towards white (factor > 1) a ``#rrggbb`` colour.

    >>> shade("#808080", 0.5), shade("#808080", 1.5)
    ('#404040', '#c0c0c0')
    """
    rgb = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    out = rgb * factor if factor <= 1 else rgb + (255 - rgb) * (factor - 1)
    return "#" + "".join(f"{round(float(c)):02x}" for c in np.clip(out, 0, 255))


def node_type_styles(vocab: Vocabulary, present: list[str]) -> list[dict[str, Any]]:
    """Legend rows for the node types in ``present`` (vocabulary order), with safe styles."""
    rows = []
    for name, t in vocab.node_types.items():
        if name in present:
            color = safe_color(t.color)
            rows.append(
                {
                    "name": name,
                    "label": t.label or name,
                    "color": color,
                    "border": shade(color, 0.7),
                    "shape": safe_shape(t.shape),
                    "meaning": t.meaning,
                }
            )
    return rows


def edge_type_styles(vocab: Vocabulary, present: list[str]) -> list[dict[str, Any]]:
    """Legend rows for the relation types in ``present`` (vocabulary order), with safe styles."""
    return [
        {
            "name": name,
            "color": safe_color(t.color),
            "directed": bool(t.directed),
            "sign": int(t.sign),
            "family": t.family,
            "meaning": t.meaning,
        }
        for name, t in vocab.edge_types.items()
        if name in present
    ]


def node_sizes(values: np.ndarray, low: float = 10.0, high: float = 30.0) -> np.ndarray:
    """Node radii in pixels: ``low`` to ``high`` by the square root of the scaled measure."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    if not len(values):
        return values
    span = values.max() - values.min()
    if span <= 0:
        return np.full(len(values), (low + high) / 2)
    scaled = (values - values.min()) / span
    return np.round(low + (high - low) * np.sqrt(scaled), 1)


def edge_widths(values: np.ndarray, low: float = 1.5, high: float = 6.0) -> np.ndarray:
    """Edge widths in pixels: ``low`` for 1 (or less), then one pixel more per doubling.

    Never wider than ``high``: where the largest value would pass it (counts of aggregated
    events, for one), the slope shrinks so the largest is drawn ``high`` wide and hubs' edges
    do not bury their labels.

    >>> edge_widths(np.array([0.5, 1.0, 2.0, 4.0, 8.0])).tolist()
    [1.5, 1.5, 2.5, 3.5, 4.5]
    >>> edge_widths(np.array([1.0, 4.0, 1e6])).tolist()
    [1.5, 2.0, 6.0]
    """
    grow = np.log2(np.maximum(np.nan_to_num(np.asarray(values, dtype=float), nan=1.0), 1.0))
    top = float(grow.max()) if len(grow) else 0.0
    slope = min(1.0, (high - low) / top) if top > 0 else 1.0
    return np.round(np.clip(low + slope * grow, low, high), 1)
