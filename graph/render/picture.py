"""A static SVG picture of the graph, as the page draws it, for print, PDF and reports.

:func:`picture_svg` draws one SVG document from :func:`~graph.render.page_data` (positions,
sizes, type styles) and :func:`~graph.render.pair_links` (one link per pair, the page's rule).
It holds no script, no event attribute and no external reference; every text is escaped.
The page's "SVG" export writes the same structure in JavaScript, in this order::

    <svg xmlns width height viewBox role="img" aria-labelledby="graph-title"
         class="graph-picture" font-family>
      <title id="graph-title">TITLE</title>
      <defs> <clipPath id="graph-clip"><rect/></clipPath> (the drawing area), and a
             <marker id="arrow-KIND-W"> per kind and width W of directed link ("." as "_")
      <rect class="background"/>                                  white, whole picture
      <g class="heading"> <text class="title"/> <text class="subtitle"/> (meta.subtitle)
      <g class="world" clip-path="url(#graph-clip)">              only with an outline
         <path class="country" data-iso3 data-name d fill stroke="#c9ced6"/>  (fill #eef0f3,
         #dfe5ec for a drawn state's country), then with world["band"] a dashed
         <rect class="band"/> and <text class="band-label">Not placed on the map</text>
      <g class="links"> a <line> (a <path> for a self-loop) per pair: class="link" data-kind
         data-source data-target stroke stroke-width [stroke-dasharray="7 5"] [marker-end]
      <g class="nodes"> one shape per actor: class="node" data-id data-type fill
         stroke="#fff" stroke-width="1.5"
      <g class="labels"> one <text class="label" data-id> per actor, below its shape, with
         paint-order="stroke" stroke="#fff" stroke-width="3"; visibility="hidden" when it
         would cover a label or an actor of higher rank (larger size, then label, then order)
      <g class="legend"> <text class="legend-heading"/>, <g class="legend-row" data-key>
         (a swatch and a <text>) and a last <text class="legend-note"/> (the size measure)

Shapes follow the type's vis-network shape (``_POLYGONS``, in radii, y down): ``<circle>``
for dot, circle and text; ``<rect>`` for square (2r wide) and box (2.6r by 1.6r, rx 0.3r);
``<ellipse>`` for ellipse and database (rx 1.35r, ry 0.85r); ``<polygon>`` for triangle,
triangleDown, diamond, star and hexagon. Fill: the type's colour; or the community palette
of ``js/appearance.js`` (grey past twelve); or, with ``color_by="sign"``, the kind of the
actor's own relations (:func:`~graph.render.pairs.pair_kind` of its cooperative and
conflictual ones; grey with none). Links: their kind's colour, the page's width (1.5 px for
one relation, a pixel more per doubling, at most 6), dashed when net conflictual, an arrow
(its tip at the target's radius) when all one way.

Fit: positions are scaled by one factor ``k`` (at most 2), the largest that fits every actor,
shape and label into the drawing area (below the heading; left of the legend when the picture
is wider than 1.2 times its height, else above it), then centred. Radii are ``k * size``
within [3, 40] px, fonts ``k * font`` within [9, 22] px; labels are cut to 40 characters. A
world outline (``data["world"]``, unless ``meta.layout`` is ``"network"``) takes the same
transform, clipped to the drawing area. Numbers have at most one decimal; the output depends
on its input only.

>>> from graph import load
>>> svg = picture_svg(load(), width=800, height=500)
>>> svg.startswith("<svg") and svg.count('class="node"') == 22
True
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import UsageError
from .choices import COLOR_CHOICES, PAIR_KINDS, check_choice
from .data import page_data
from .pairs import pair_links
from .picture_parts import (
    _EXTENT,
    _WIDE,
    FONT,
    INK,
    MUTED,
    PAD,
    _attrs,
    _cut,
    _fills,
    _legend,
    _link_rows,
    _n,
    _shape,
    _sizes,
    _text,
)
from .styles import edge_widths, safe_shape

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset

__all__ = ["picture_svg"]


def _boxes(
    k: float, xy: np.ndarray, size: np.ndarray, font: np.ndarray, ext: np.ndarray, units: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Radii, fonts and each actor's box with its label, ``[x0, y0, x1, y1]``, at scale ``k``.

    A label is about ``units`` fonts wide (0.58 a character, a full font for East Asian wide
    characters) plus its halo, its box ``1.3 * font`` high, 3 px below the shape.
    """
    r, f = np.clip(k * size, 3, 40), np.clip(k * font, 9, 22)
    half = np.maximum(r * ext[:, 0], (f * units + 6) / 2)
    x, y = k * xy[:, 0], k * xy[:, 1]
    return r, f, np.c_[x - half, y - r * ext[:, 1], x + half, y + r * ext[:, 2] + 3 + 1.3 * f]


def _fit(area: tuple[float, float, float, float], *args: np.ndarray) -> tuple[float, np.ndarray]:
    """The largest scale (at most 2) fitting every box into ``area``, and the centring shift."""
    if not len(args[0]):
        return 1.0, np.zeros(2)
    room = np.array([area[2] - area[0], area[3] - area[1]])

    def span(k: float) -> tuple[np.ndarray, np.ndarray]:
        box = _boxes(k, *args)[2]
        low = box[:, :2].min(axis=0)
        return box[:, 2:].max(axis=0) - low, low

    low, high = 1e-3, 2.0
    if (span(high)[0] <= room).all():
        low = high
    for _ in range(40 if low < high else 0):
        mid = (low + high) / 2
        low, high = (mid, high) if (span(mid)[0] <= room).all() else (low, mid)
    size, corner = span(low)
    return low, np.array(area[:2]) + (room - size) / 2 - corner


def _hidden(order: list[int], node_box: np.ndarray, label_box: np.ndarray) -> set[int]:
    """Labels that would cover a label or an actor of higher rank (earlier in ``order``)."""
    grid: dict[tuple[int, int], list[tuple[int, list[float]]]] = {}
    hidden = set()

    def cells(box: list[float]) -> list[tuple[int, int]]:
        a, b, c, d = (int(v // 64) for v in box)
        return [(i, j) for i in range(a, c + 1) for j in range(b, d + 1)]

    def add(i: int, box: list[float]) -> None:
        for key in cells(box):
            grid.setdefault(key, []).append((i, box))

    for i in order:
        add(i, node_box[i].tolist())
        box = label_box[i].tolist()
        if any(
            j != i and box[0] < o[2] and o[0] < box[2] and box[1] < o[3] and o[1] < box[3]
            for key in cells(box)
            for j, o in grid.get(key, [])
        ):
            hidden.add(i)
        else:
            add(i, box)
    return hidden


def _links(
    pairs: pd.DataFrame, ids: list[str], xy: np.ndarray, r: np.ndarray, k: float
) -> tuple[list[str], list[str]]:
    """One element per pair link, and the arrow markers they use (``8 + 2 * width`` px long,
    times the scale ``k`` within [0.5, 1])."""
    index = {node: i for i, node in enumerate(ids)}
    widths = edge_widths(pairs["count"].to_numpy())
    out, markers = [], {}
    columns = [pairs[c].tolist() for c in ("source", "target", "kind", "dashed", "directed")]
    for source, target, kind, dashed, directed, width in zip(
        *columns, widths.tolist(), strict=True
    ):
        s, t = index[source], index[target]
        color, dash = PAIR_KINDS[kind]["color"], "7 5" if dashed else None
        attrs = _attrs(class_="link", data_kind=kind, data_source=source, data_target=target)
        attrs += _attrs(stroke=color, stroke_width=width, stroke_dasharray=dash)
        if s == t:  # a loop up and right of the actor, as the page draws one
            a = float(np.clip(0.8 * r[s], 6, 12))
            cx, cy = xy[s] + (0.6 * r[s] + 0.6 * a) * np.array([1, -1])
            arc = f"a{_n(a)},{_n(a)} 0 1 0"
            d = f"M{_n(cx - a)},{_n(cy)}{arc} {_n(2 * a)},0{arc} {_n(-2 * a)},0"
            out.append(f'<path{attrs}{_attrs(d=d)} fill="none"/>')
            continue
        (x1, y1), (x2, y2), arrow = xy[s], xy[t], None
        if directed:  # the arrow's tip on the target's radius
            head, dist = (8 + 2 * width) * min(max(k, 0.5), 1), math.hypot(x2 - x1, y2 - y1)
            back = float(r[t]) + 1 + head / 2
            if dist > back + head / 2:
                x2, y2 = x2 - (x2 - x1) * back / dist, y2 - (y2 - y1) * back / dist
            arrow = f"arrow-{kind}-{_n(width).replace('.', '_')}"
            markers[arrow] = (head, color)
        end = _attrs(x1=x1, y1=y1, x2=x2, y2=y2, marker_end=f"url(#{arrow})" if arrow else None)
        out.append(f"<line{attrs}{end}/>")
    defs = []
    for name, (head, color) in sorted(markers.items()):
        box = _attrs(id=name, viewBox="0 0 10 10", refX=5, refY=5, markerWidth=head)
        box += _attrs(markerHeight=head, markerUnits="userSpaceOnUse", orient="auto")
        defs.append(f'<marker{box}><path d="M0,1L10,5L0,9z"{_attrs(fill=color)}/></marker>')
    return out, defs


def _world(
    world: dict[str, Any], k: float, shift: np.ndarray, area: tuple[float, ...], placed: set[str]
) -> list[str]:
    """One path per country of the outline that reaches ``area``, moved as the actors (those
    of drawn states, ``placed``, a little darker), and the band of actors beside the map."""
    out = []
    for country in world.get("countries", []):
        box = country.get("box")
        if box is not None and len(box) == 4:
            (x0, y0), (x1, y1) = k * np.reshape(np.asarray(box, dtype=float), (2, 2)) + shift
            if x1 < area[0] or y1 < area[1] or x0 > area[2] or y0 > area[3]:
                continue
        parts = []
        for ring in country.get("rings", []):
            points = np.round(k * np.asarray(ring, dtype=float).reshape(-1, 2) + shift, 1)
            points = points[np.r_[True, (np.diff(points, axis=0) != 0).any(axis=1)]]
            if len(points) >= 3:
                text = [f"{_n(x)},{_n(y)}" for x, y in points.tolist()]
                parts.append(f"M{text[0]}L{' '.join(text[1:])}Z")
        if parts:
            attrs = _attrs(class_="country", data_iso3=country.get("iso3", ""))
            attrs += _attrs(data_name=country.get("name", ""), d="".join(parts))
            fill = "#dfe5ec" if str(country.get("iso3", "")).upper() in placed else "#eef0f3"
            out.append(f'<path{attrs} fill="{fill}" stroke="#c9ced6" stroke-width="0.6"/>')
    band = world.get("band")
    if band is not None and len(band) == 4:
        (x0, y0), (x1, y1) = k * np.reshape(np.asarray(band, dtype=float), (2, 2)) + shift
        box = _attrs(class_="band", x=x0, y=y0, width=x1 - x0, height=y1 - y0, fill="#eef0f3")
        out.append(f'<rect{box} fill-opacity="0.55" stroke="#c9ced6" stroke-dasharray="6 4"/>')
        note = _attrs(class_="band-label", x=x1, y=y0 - 4, font_size=12, text_anchor="end")
        out.append(f'<text{note} fill="{MUTED}">Not placed on the map</text>')
    return out


def picture_svg(
    dataset: Dataset,
    *,
    layout: str = "network",
    size_by: str = "degree",
    color_by: str = "type",
    width: int = 960,
    height: int = 640,
    title: str | None = None,
    seed: int = 7,
    data: dict | None = None,
) -> str:
    """A static SVG picture of ``dataset``'s graph: the page's drawing, with a legend.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) dataset; its pair links between drawn actors are drawn.
    layout : {"network", "map"}, default "network"
        Where actors are placed (when ``data`` is not given).
    size_by : str, default "degree"
        The measure sizing actors, one of :data:`~graph.render.SIZE_MEASURES`.
    color_by : {"type", "community", "sign"}, default "type"
        What colours actors: their type, their community, or the signs of their relations.
    width, height : int, default 960 and 640
        The picture's size in pixels, at least 240 by 180.
    title : str, optional
        The heading; default: the dataset's title.
    seed : int, default 7
        The layout's seed (when ``data`` is not given).
    data : dict, optional
        :func:`~graph.render.page_data` of ``dataset``, already computed (for ``max_nodes``,
        or with a ``world`` outline): positions, sizes, styles and subtitle come from it.

    Returns
    -------
    str
        One ``<svg>`` document; the module's documentation gives its structure.

    Examples
    --------
    >>> svg = graph.render.picture_svg(ds, color_by="community", width=600, height=600)
    >>> svg.count('class="label"') == len(ds.nodes), "<script" in svg
    (True, False)
    """
    check_choice("color_by", color_by, COLOR_CHOICES)
    if width < 240 or height < 180:
        raise UsageError(f"a picture must be at least 240 by 180 pixels, not {width} by {height}")
    if data is None:
        data = page_data(
            dataset, title=title, size_by=size_by, color_by=color_by, seed=seed, layout=layout
        )
    meta, nodes = data.get("meta", {}), data["nodes"]
    ids, types = [str(v) for v in nodes["id"]], [str(v) for v in nodes["type"]]
    labels = [_cut(str(v), 40) for v in nodes["label"]]
    size, font = _sizes(data, size_by)
    fills, node_rows, heading = _fills(data, color_by, size)
    styles = {t["name"]: t for t in data.get("nodeTypes", [])}
    shapes = [safe_shape(styles.get(t, {}).get("shape", "dot")) for t in types]
    ext = np.array([_EXTENT.get(s, (1.0, 1.0, 1.0)) for s in shapes]).reshape(-1, 3)
    xy = np.c_[np.asarray(nodes["x"], dtype=float), np.asarray(nodes["y"], dtype=float)]
    units = np.array([0.58 * len(t) + 0.45 * len(_WIDE.findall(t)) for t in labels], dtype=float)
    pairs = pair_links(dataset)
    pairs = pairs[pairs["source"].isin(ids) & pairs["target"].isin(ids)]
    measures = {m.get("name"): m.get("label") for m in meta.get("measures", [])}
    sections = [(heading, node_rows), ("Links (one per pair)", _link_rows(pairs))]
    legend, area = _legend(sections, f"Size: {measures.get(size_by) or size_by}", width, height)
    k, shift = _fit(area, xy, size, font, ext, units)
    r, f, _ = _boxes(k, xy, size, font, ext, units)
    at = k * xy + shift
    half, top = (f * units + 6) / 2, at[:, 1] + r * ext[:, 2] + 3
    label_box = np.c_[at[:, 0] - half, top, at[:, 0] + half, top + 1.3 * f]
    node_box = np.c_[at - r[:, None] * ext[:, :2], at + r[:, None] * ext[:, [0, 2]]]
    rank = sorted(range(len(ids)), key=lambda i: (-size[i], labels[i], i))
    hidden = _hidden(rank, node_box, label_box)
    links, markers = _links(pairs, ids, at, r, k)
    shown = str(title or meta.get("title") or dataset.title)
    root = _attrs(xmlns="http://www.w3.org/2000/svg", width=width, height=height)
    root += _attrs(viewBox=f"0 0 {width} {height}", role="img", aria_labelledby="graph-title")
    root += _attrs(class_="graph-picture", font_family=FONT)
    clip = _attrs(x=area[0], y=area[1], width=area[2] - area[0], height=area[3] - area[1])
    subtitle = _cut(str(meta.get("subtitle", "")), int((width - 2 * PAD) / 7))
    out = [
        f'<svg{root}>\n<title id="graph-title">{_text(shown)}</title>',
        f'<defs><clipPath id="graph-clip"><rect{clip}/></clipPath>{"".join(markers)}</defs>',
        f'<rect class="background" x="0" y="0"{_attrs(width=width, height=height)} fill="#fff"/>',
        f'<g class="heading">\n<text class="title" x="{PAD}" y="28" font-size="19"'
        f' font-weight="600" fill="{INK}">{_text(_cut(shown, int((width - 2 * PAD) / 11)))}</text>',
        f'<text class="subtitle" x="{PAD}" y="48" font-size="13" fill="{MUTED}">'
        f"{_text(subtitle)}</text>\n</g>",
    ]
    world = data.get("world") if meta.get("layout", "map") != "network" else None
    if world:
        placed = {str(v).upper() for v in nodes.get("iso3", []) if v}
        out += [
            '<g class="world" clip-path="url(#graph-clip)">',
            *_world(world, k, shift, area, placed),
        ]
        out.append("</g>")
    out += ['<g class="links">', *links, '</g>\n<g class="nodes">']
    for i, node in enumerate(ids):
        attrs = {"class_": "node", "data_id": node, "data_type": types[i], "fill": fills[i]}
        x, y, radius = float(at[i, 0]), float(at[i, 1]), float(r[i])
        out.append(_shape(shapes[i], x, y, radius, **attrs, stroke="#fff", stroke_width=1.5))
    out.append('</g>\n<g class="labels">')
    for i, node in enumerate(ids):
        place = _attrs(class_="label", data_id=node, x=at[i, 0], y=label_box[i, 1] + 0.95 * f[i])
        look = _attrs(font_size=f[i], text_anchor="middle", fill=INK, paint_order="stroke")
        look += _attrs(stroke="#fff", stroke_width=3, stroke_linejoin="round")
        look += _attrs(visibility="hidden" if i in hidden else None)
        out.append(f"<text{place}{look}>{_text(labels[i])}</text>")
    out += ['</g>\n<g class="legend">', *legend, "</g>\n</svg>\n"]
    return "\n".join(out)
