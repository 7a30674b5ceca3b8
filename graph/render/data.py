"""What a page embeds: nodes and relations as columns of plain values, their styles, page facts.

Everything here is data for ``explorer.js``; nothing is HTML. Columns (lists of equal length)
keep the JSON small and quick to build: no Python loop over rows.

>>> from graph import load
>>> data = page_data(load())
>>> len(data["nodes"]["id"]) == data["meta"]["nodes"], sorted(data)
(True, ['edgeTypes', 'layouts', 'meta', 'nodeTypes', 'nodes', 'relations', 'world'])

With ``layout="map"`` the nodes' ``x``/``y`` are map positions; ``layouts`` holds both sets
(the page switches between them) and ``world`` the outline they sit on. A dataset without any
state the map knows has neither key, and asking it for a map is a usage error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._version import __version__
from ..analyze.summary import relation_counts
from ..errors import UsageError
from ..model.dates import DATE_DTYPE, iso_day
from .choices import (
    COLOR_CHOICES,
    LAYOUTS,
    LINK_MODES,
    PAIR_KINDS,
    SIZE_MEASURES,
    check_choice,
)
from .layout import positions, separate_boxes
from .measures import PageMeasures, automatic_links, page_measures
from .styles import (
    COMMUNITY_COLORS,
    OTHER_COLOR,
    edge_type_styles,
    edge_widths,
    node_sizes,
    node_type_styles,
    safe_shape,
)

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["limit_nodes", "page_data"]

_LABEL_ROOM_MAX = 400
_WIDE = "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]"
_INSIDE = ("box", "ellipse", "circle", "database", "text")  # shapes drawn around their label
_NODE_TEXT = ("label", "type", "country", "role", "aliases", "iso3", "description")
_EDGE_TEXT = ("type", "date", "end_date", "description", "evidence", "citation")


def limit_nodes(dataset: Dataset, max_nodes: int | None) -> tuple[Dataset, str | None]:
    """Keep the ``max_nodes`` most connected nodes (relations, then partners, then id)."""
    if max_nodes is None or len(dataset.nodes) <= max_nodes:
        return dataset, None
    if max_nodes < 1:
        raise UsageError(f"max_nodes must be at least 1, not {max_nodes}")
    keep = relation_counts(dataset).index[:max_nodes]
    nodes = dataset.nodes[dataset.nodes["id"].isin(keep)]
    edges = dataset.edges
    edges = edges[edges["source"].isin(keep) & edges["target"].isin(keep)]
    note = (
        f"showing the {max_nodes:,} most connected of {len(dataset.nodes):,} actors "
        f"({len(edges):,} of {len(dataset.edges):,} relations)"
    )
    view = dataset.with_tables(nodes.reset_index(drop=True), edges.reset_index(drop=True), note)
    return view, note


def _days(values: pd.Series) -> list[int | None]:
    """Datetimes as whole days since 1970-01-01 (None where missing)."""
    missing = values.isna().to_numpy()
    days = values.to_numpy(dtype=DATE_DTYPE).astype("datetime64[D]").astype(np.int64)
    return pd.Series(days, dtype=object).where(~missing, None).tolist()


def _curves(s: np.ndarray, t: np.ndarray, n: int) -> tuple[list[float], list[int]]:
    """Signed roundness per edge (0 straight, > 0 clockwise) so parallel edges fan out.

    Returns the roundness and, for self-loops, the index of the loop at its node.
    """
    lo, hi = np.minimum(s, t), np.maximum(s, t)
    pair = pd.Series(lo * max(n, 1) + hi)
    p = pair.groupby(pair).cumcount().to_numpy(dtype=float)
    m = pair.groupby(pair).transform("size").to_numpy(dtype=float)
    odd = m % 2 == 1
    mag = np.where(odd, np.ceil(p / 2), np.floor(p / 2) + 0.5)
    side = np.where(odd, np.where(p % 2 == 1, 1.0, -1.0), np.where(p % 2 == 0, 1.0, -1.0))
    top = np.where(odd, (m - 1) // 2, m / 2 - 0.5)
    step = np.minimum(0.3, 0.9 / np.maximum(top, 1))
    flip = np.where(s > t, -1.0, 1.0)
    curve = np.where(s == t, 0.0, np.round(mag * step * side * flip, 3)) + 0.0  # no -0.0
    return curve.tolist(), p.astype(int).tolist()


def _text_columns(frame: pd.DataFrame, names: tuple[str, ...] | list[str]) -> dict[str, list]:
    return {name: frame[name].fillna("").astype(str).tolist() for name in names}


def _relations(dataset: Dataset, s: np.ndarray, t: np.ndarray, n: int) -> dict[str, Any]:
    """Every relation as columns; ``curve``/``loop`` fan out a pair's relations when drawn."""
    edges = dataset.edges
    cols: dict[str, Any] = {
        "id": edges["id"].astype(str).tolist(),
        "from": edges["source"].astype(str).tolist(),
        "to": edges["target"].astype(str).tolist(),
    }
    cols.update(_text_columns(edges, _EDGE_TEXT))
    cols["t0"] = _days(edges["date_start"])
    cols["t1"] = _days(edges["date_end"])
    cols["weight"] = np.round(edges["weight"].to_numpy(dtype=float), 6).tolist()
    cols["sign"] = edges["sign"].to_numpy(dtype=np.int64).tolist()
    cols["width"] = edge_widths(edges["weight"].to_numpy()).tolist()
    cols["curve"], cols["loop"] = _curves(s, t, n)
    cols["auto"] = automatic_links(edges).astype(np.int8).tolist()
    cols["extra"] = _text_columns(edges, dataset.extra_edge_columns)
    return cols


def _curves_of(dataset: Dataset, index: pd.Index) -> tuple[np.ndarray, np.ndarray]:
    """Each relation's end nodes as row indices of ``index``."""
    s = index.get_indexer(pd.Index(dataset.edges["source"]))
    t = index.get_indexer(pd.Index(dataset.edges["target"]))
    return s, t


def _label_room(
    xy: np.ndarray, size: np.ndarray, font: np.ndarray, labels: pd.Series, inside: np.ndarray
) -> np.ndarray:
    """Move nodes so no node or label covers another node or label.

    Each node and its label make one box, measured as vis-network draws them. A label is
    about 0.55 ``font`` wide a character (a full ``font`` for East Asian wide characters) and
    ``font`` high, with a white halo. Below most shapes (triangles are 1.15 times as wide as
    ``size``), its top is ``size + font / 2 + 4`` pixels under the centre; ``inside`` marks the
    shapes drawn around their label (box, ellipse, circle, database, text), an ellipse being
    1.5 times as wide as the label.
    """
    chars = labels.str.len().clip(upper=40).to_numpy(dtype=float)
    wide = labels.str.count(_WIDE).to_numpy(dtype=float)
    label_w = font * (0.58 * chars + 0.45 * np.minimum(wide, chars))
    width = np.where(inside, np.maximum(1.5 * label_w, 2 * font), np.maximum(2.3 * size, label_w))
    top = np.where(inside, font + 4, size + 3)  # above the centre: the shape and a margin
    bottom = np.where(inside, font + 4, size + 1.5 * font + 7)  # below: the label and its halo
    centre = np.c_[np.zeros(len(size)), (bottom - top) / 2]
    return np.round(separate_boxes(xy + centre, width + 12, top + bottom) - centre, 1)


def _nodes(dataset: Dataset, size_by: str, xy: np.ndarray, measures: PageMeasures) -> dict:
    nodes = dataset.nodes
    counts = relation_counts(dataset).reindex(nodes["id"])
    size = node_sizes(np.asarray(measures["values"][size_by], dtype=float))
    font = np.round(12 + (size - 10) * 0.35)  # label size in pixels: hubs' labels larger
    if 1 < len(nodes) <= _LABEL_ROOM_MAX:  # room for every label, drawn below its node
        shapes = {name: safe_shape(t.shape) for name, t in dataset.vocabulary.node_types.items()}
        inside = nodes["type"].map(shapes).isin(_INSIDE).to_numpy()
        xy = _label_room(xy, size, font, nodes["label"].astype(str), inside)
    cols: dict[str, Any] = {"id": nodes["id"].astype(str).tolist()}
    cols.update(_text_columns(nodes, _NODE_TEXT))
    cols["x"] = xy[:, 0].tolist()
    cols["y"] = xy[:, 1].tolist()
    cols["size"] = size.tolist()
    cols["font"] = font.astype(int).tolist()
    cols["relations"] = counts["relations"].to_numpy(dtype=np.int64).tolist()
    cols["partners"] = counts["partners"].to_numpy(dtype=np.int64).tolist()
    cols["measures"] = measures["values"]
    cols["community"] = measures["communities"]
    cols["extra"] = _text_columns(nodes, dataset.extra_node_columns)
    return cols


def map_layout(dataset: Dataset) -> tuple[np.ndarray, dict[str, Any]] | None:
    """Map positions and the world outline, or None when no actor is a state the map knows.

    The outline gets ``band``: the box ``[x0, y0, x1, y1]`` of the actors placed beside the map
    (organizations, actors without a country), when there are any.
    """
    from .geo import map_positions, world_outline

    xy, placed = map_positions(dataset.nodes)
    if not (np.asarray(placed) == "state").any():
        return None
    world = world_outline()
    band = np.asarray(placed) == "band"
    if band.any():
        low, high = xy[band].min(axis=0) - 60.0, xy[band].max(axis=0) + 60.0
        world["band"] = [round(float(v), 1) for v in (*low, *high)]
    return np.round(xy, 1), world


def _span(edges: pd.DataFrame) -> tuple[str, str] | None:
    dated = edges["date_start"].notna()
    if not dated.any():
        return None
    first = edges.loc[dated, "date_start"].min()
    last = edges.loc[dated, "date_end"].max()
    return iso_day(first), iso_day(last)


def page_data(
    dataset: Dataset,
    *,
    title: str | None = None,
    size_by: str = "degree",
    color_by: str = "type",
    links: str = "pair",
    max_nodes: int | None = None,
    seed: int = 7,
    layout: str = "network",
    layer: str | None = None,
    affiliations: str = "drop",
) -> dict[str, Any]:
    """The JSON-ready content of an explorer page; see :func:`graph.render.to_html`."""
    check_choice("size_by", size_by, SIZE_MEASURES)
    check_choice("color_by", color_by, COLOR_CHOICES)
    check_choice("links", links, LINK_MODES)
    check_choice("layout", layout, LAYOUTS)
    full_nodes = len(dataset.nodes)
    dataset, _ = limit_nodes(dataset, max_nodes)
    index = pd.Index(dataset.nodes["id"])
    s, t = _curves_of(dataset, index)
    relations = _relations(dataset, s, t, len(index))
    xy = positions(len(index), s, t, seed=seed)
    measures = page_measures(dataset, layer=layer, affiliations=affiliations)
    notes = list(dataset.notes) + ([measures["note"]] if measures.get("note") else [])
    span = _span(dataset.edges)
    automatic = int(sum(relations["auto"]))
    undated = int(dataset.edges["date_start"].isna().sum()) - int(
        (np.asarray(relations["auto"], dtype=bool) & dataset.edges["date_start"].isna()).sum()
    )
    parts = [f"{len(index):,} actors", f"{len(dataset.edges):,} relations"]
    if span:
        parts.append(span[0][:4] if span[0][:4] == span[1][:4] else f"{span[0][:4]}–{span[1][:4]}")
    shown = title or dataset.title  # the given title, else dataset.toml's, else the name
    meta = {
        "name": dataset.name,
        "title": shown,
        "subtitle": " · ".join(([dataset.name] if shown != dataset.name else []) + parts),
        "notes": notes,
        "version": __version__,
        "links": links,
        "sizeBy": size_by,
        "colorBy": color_by,
        "measures": measures["measures"],
        "engine": measures["engine"],
        "nodes": len(index),
        "allNodes": full_nodes,
        "relations": len(dataset.edges),
        "dateMin": span[0] if span else None,
        "dateMax": span[1] if span else None,
        "undated": undated,
        "automatic": automatic,
        "pairKinds": PAIR_KINDS,
        "communityColors": COMMUNITY_COLORS,
        "otherColor": OTHER_COLOR,
        "colorChoices": COLOR_CHOICES,
    }
    present_nodes = dataset.nodes["type"].unique().tolist()
    present_edges = dataset.edges["type"].unique().tolist()
    nodes = _nodes(dataset, size_by, xy, measures)
    out: dict[str, Any] = {
        "meta": meta,
        "nodeTypes": node_type_styles(dataset.vocabulary, present_nodes),
        "edgeTypes": edge_type_styles(dataset.vocabulary, present_edges),
        "nodes": nodes,
        "relations": relations,
    }
    on_map = map_layout(dataset)
    if on_map is None and layout == "map":
        raise UsageError(
            "the map layout needs states with an ISO3 code (nodes.csv column iso3) that the "
            "world map knows; no actor of this dataset has one",
            params=("layout",),
        )
    meta["layout"] = layout if on_map is not None else "network"
    if on_map is not None:
        map_xy, out["world"] = on_map
        out["layouts"] = {
            "network": {"x": nodes["x"], "y": nodes["y"]},
            "map": {"x": map_xy[:, 0].tolist(), "y": map_xy[:, 1].tolist()},
        }
        nodes["x"], nodes["y"] = out["layouts"][meta["layout"]].values()
    return out
