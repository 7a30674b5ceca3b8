"""The explorer page's picture as attributes other tools read: GEXF ``viz`` and GraphML columns.

:func:`page_look` takes from :func:`graph.render.page_data` what the page draws: each actor's
type colour, size (a radius in pixels, by the size measure) and seeded position, and each
relation's type colour and width. :func:`add_viz` writes them as GEXF's ``viz:color``,
``viz:size``, ``viz:position`` and, for relations, ``viz:color`` and ``viz:thickness``;
:func:`add_look_columns` as plain ``x``, ``y``, ``size`` and ``color`` (``#rrggbb``) columns,
and ``color``/``width`` on relations, which Gephi's GraphML importer reads as its own.

The page's y axis points down (a screen's), Gephi's up: ``y`` is written negated, so Gephi
shows the page's picture rather than its mirror image.

A column of the dataset whose name the format keeps for itself is renamed with ``_`` added
(``viz`` → ``viz_``; see :func:`free_names`), so no cell is lost or read as something else.

>>> from graph import load
>>> look = page_look(load())
>>> color, size, x, y = look.nodes["iran"]
>>> color.startswith("#"), 10 <= size <= 30
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from ..dataset import Dataset

__all__ = [
    "GRAPHML_EDGE_NAMES",
    "GRAPHML_NODE_NAMES",
    "PageLook",
    "add_look_columns",
    "add_viz",
    "free_names",
    "page_look",
    "rename_columns",
    "rgb",
]

_FALLBACK = "#7f7f7f"  # the page's grey for a type without a style (graph.render.styles)

#: GraphML attribute names of nodes and edges that are the page's look (``x``, ``y``, ``size``,
#: ``color``, ``width``) or that Gephi's GraphML importer reads as position or colour.
GRAPHML_NODE_NAMES = ("x", "y", "z", "size", "color", "r", "g", "b")
GRAPHML_EDGE_NAMES = ("color", "width", "r", "g", "b")


@dataclass(frozen=True)
class PageLook:
    """What the page draws: ``nodes`` id → (colour, size, x, y) with y pointing up (Gephi's
    axis, the page's y negated); ``edges`` relation id → (colour, width)."""

    nodes: dict[str, tuple[str, float, float, float]]
    edges: dict[str, tuple[str, float]]


def page_look(
    dataset: Dataset, *, seed: int = 7, size_by: str = "degree", layout: str = "network"
) -> PageLook:
    """Each actor's and relation's look on the explorer page, y pointing up.

    >>> look = page_look(ds)
    >>> len(look.nodes), len(look.edges)
    (22, 52)
    """
    from ..render import page_data  # the page's code is loaded only for an XML export

    data = page_data(dataset, seed=seed, size_by=size_by, layout=layout)
    colors = {t["name"]: t["color"] for t in data["nodeTypes"]}
    cols = data["nodes"]
    nodes = {
        node: (colors.get(kind, _FALLBACK), size, x + 0.0, -y + 0.0)  # + 0.0: no "-0.0"
        for node, kind, size, x, y in zip(
            cols["id"], cols["type"], cols["size"], cols["x"], cols["y"], strict=True
        )
    }
    edge_colors = {t["name"]: t["color"] for t in data["edgeTypes"]}
    rel = data["relations"]
    edges = {
        edge: (edge_colors.get(kind, _FALLBACK), width)
        for edge, kind, width in zip(rel["id"], rel["type"], rel["width"], strict=True)
    }
    return PageLook(nodes, edges)


def rgb(color: str) -> dict[str, int]:
    """A ``#rrggbb`` colour as GEXF's ``r``, ``g``, ``b``.

    >>> rgb("#1f77b4")
    {'r': 31, 'g': 119, 'b': 180}
    """
    return {c: int(color[i : i + 2], 16) for c, i in (("r", 1), ("g", 3), ("b", 5))}


def free_names(attrs: Iterable[dict[str, Any]], reserved: Iterable[str]) -> dict[str, str]:
    """New names for the attributes named as a ``reserved`` one: ``_`` added until unused.

    >>> free_names([{"viz": 1, "viz_": 2, "label": 3}], ("viz", "start"))
    {'viz': 'viz__'}
    """
    taken: set[str] = set()
    for one in attrs:
        taken.update(one)
    renames = {}
    for name in sorted(taken.intersection(reserved)):
        new = name + "_"
        while new in taken or new in reserved:
            new += "_"
        taken.add(new)
        renames[name] = new
    return renames


def rename_columns(G: nx.MultiDiGraph, nodes: Iterable[str], edges: Iterable[str]) -> None:
    """Rename, in place, the node and edge attributes named as one of ``nodes``/``edges``.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b", {"color": "red"})])
    >>> rename_columns(G, (), ("color",))
    >>> G.edges["a", "b", 0]
    {'color_': 'red'}
    """
    node_names = free_names((a for _, a in G.nodes(data=True)), tuple(nodes))
    edge_names = free_names((a for *_, a in G.edges(data=True)), tuple(edges))
    for renames, items in (
        (node_names, (a for _, a in G.nodes(data=True))),
        (edge_names, (a for *_, a in G.edges(data=True))),
    ):
        if renames:
            for attrs in items:
                for old, new in renames.items():
                    if old in attrs:
                        attrs[new] = attrs.pop(old)


def add_viz(G: nx.MultiDiGraph, look: PageLook) -> None:
    """Give every node and relation of ``G`` (in place) a ``viz`` attribute: the page's look.

    networkx's ``write_gexf`` writes it as ``viz:color``, ``viz:size``, ``viz:position``
    (nodes) and ``viz:color``, ``viz:thickness`` (relations). A ``viz`` column is renamed.

    >>> G = graph.to_gexf_graph(graph.to_multidigraph(ds))
    >>> add_viz(G, page_look(ds))
    >>> viz = G.nodes["iran"]["viz"]
    >>> sorted(viz), sorted(viz["position"])
    (['color', 'position', 'size'], ['x', 'y', 'z'])
    """
    rename_columns(G, ("viz",), ("viz",))
    for node, attrs in G.nodes(data=True):
        color, size, x, y = look.nodes[node]
        position = {"x": x, "y": y, "z": 0.0}
        attrs["viz"] = {"color": rgb(color), "size": size, "position": position}
    for *_, key, attrs in G.edges(keys=True, data=True):
        color, width = look.edges[key]
        attrs["viz"] = {"color": rgb(color), "thickness": width}


def add_look_columns(G: nx.MultiDiGraph, look: PageLook) -> None:
    """Give ``G`` (in place) the page's look as plain attributes, for GraphML.

    Nodes get ``x``, ``y`` (pointing up), ``size`` and ``color`` (``#rrggbb``), relations
    ``color`` and ``width``: the names Gephi's GraphML importer reads as position, size and
    colour, and columns a Cytoscape style can map. A column named as one of
    :data:`GRAPHML_NODE_NAMES` or :data:`GRAPHML_EDGE_NAMES` (``r``, ``g``, ``b``, ``z``
    too, which Gephi would read as colour or position) is renamed with ``_`` added.

    >>> G = graph.to_multidigraph(ds)
    >>> add_look_columns(G, page_look(ds))
    >>> sorted(set(G.nodes["iran"]) & {"x", "y", "size", "color"})
    ['color', 'size', 'x', 'y']
    """
    rename_columns(G, GRAPHML_NODE_NAMES, GRAPHML_EDGE_NAMES)
    for node, attrs in G.nodes(data=True):
        color, size, x, y = look.nodes[node]
        attrs.update(x=x, y=y, size=size, color=color)
    for *_, key, attrs in G.edges(keys=True, data=True):
        attrs["color"], attrs["width"] = look.edges[key]
