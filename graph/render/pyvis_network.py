"""A pyvis ``Network`` of a dataset, styled and laid out as the explorer page draws it.

For people who script pyvis: :func:`to_pyvis` takes the same colours, shapes, sizes, widths,
dashes, arrows, curves and seeded positions as :func:`graph.render.to_html` (both read
:func:`graph.render.page_data`), and adds plain-text titles. pyvis is imported only when the
function runs, so ``import graph`` stays quick.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

from .choices import PAIR_KINDS
from .data import page_data
from .pairs import pair_links
from .styles import edge_widths

if TYPE_CHECKING:
    from pyvis.network import Network

    from ..dataset import Dataset

__all__ = ["to_pyvis"]

_LABEL_COLOR = "#1f2933"  # as the page's script draws labels and highlights
_FALLBACK_NODE = {"label": "", "color": "#7f7f7f", "border": "#595959", "shape": "dot"}
_FALLBACK_EDGE = {"color": "#7f7f7f", "directed": False}


def _title(lines: list[str]) -> str:
    """Non-empty lines as one HTML-escaped text (no markup of ours)."""
    return html.escape("\n".join(line for line in lines if line), quote=False)


def _node_title(cols: dict[str, Any], i: int, type_label: str) -> str:
    partners = f"{cols['relations'][i]} relations · {cols['partners'][i]} partners"
    return _title(
        [
            cols["label"][i],
            type_label,
            cols["role"][i],
            f"Country: {cols['country'][i]}" if cols["country"][i] else "",
            f"Aliases: {cols['aliases'][i]}" if cols["aliases"][i] else "",
            cols["description"][i],
            partners,
        ]
    )


def _edge_title(edges: dict[str, Any], j: int, labels: dict[str, str], directed: bool) -> str:
    ends = f"{labels[edges['from'][j]]} {'→' if directed else '—'} {labels[edges['to'][j]]}"
    if "count" in edges:  # one link per pair
        return _title([ends, f"{edges['kind'][j]} · {edges['count'][j]} relation(s)"])
    start, end = edges["date"][j], edges["end_date"][j]
    return _title(
        [
            ends,
            " · ".join(part for part in (edges["type"][j], start, end and f"to {end}") if part),
            edges["description"][j],
            f"Evidence: {edges['evidence'][j]}" if edges["evidence"][j] else "",
            f"Source: {edges['citation'][j]}" if edges["citation"][j] else "",
        ]
    )


def to_pyvis(
    dataset: Dataset,
    *,
    aggregate: bool = True,
    size_by: str = "degree",
    seed: int = 7,
    physics: bool = False,
    **network_options: Any,
) -> Network:
    """A ``pyvis.network.Network`` of ``dataset`` with this project's styles and layout.

    Parameters
    ----------
    dataset : Dataset
        What to draw: a loaded dataset or a view of one (``ds.filter(...)``).
    aggregate : bool
        One link per pair of actors, coloured by its kind and titled with its number of
        relations (the default, as the page draws it; see :func:`pair_links`); ``False`` draws
        one edge per relation.
    size_by : {"degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"}
        The node measure that sizes nodes.
    seed : int
        Seed of the layout: the positions are those of ``to_html(dataset, seed=seed)``.
    physics : bool
        Let vis-network move the nodes (off by default: the positions are the layout).
    **network_options
        Passed to ``pyvis.network.Network`` (``height``, ``width``, ``heading``, ``notebook``
        …); ``cdn_resources`` defaults to ``"in_line"``. ``directed`` is always ``True``: pyvis
        would drop parallel links of an undirected network, so arrows are set per edge, from
        the relation type.

    Returns
    -------
    pyvis.network.Network
        One node per actor (label, colour, shape, size, ``x``/``y``) and one edge per link or
        relation (colour, width, dashes if conflictual, arrow if directed). Each item's pyvis
        ``id`` is its row number (node ``i``, edge ``j``, as on the explorer page), and its
        data id is the attribute ``dataId``: vis-network looks ids up in plain JavaScript
        objects, where an id such as ``constructor`` or ``__proto__`` would find the object's
        own members and break the page.

    Notes
    -----
    Titles are plain text, HTML-escaped (``<``, ``>``, ``&``): vis-network shows a string title
    as text, but pyvis's template shows node titles as HTML as soon as one contains "href", and
    escaped text is safe either way. A pyvis page is not offline: its template links Bootstrap
    from a CDN whatever ``cdn_resources`` says (``"in_line"`` inlines vis-network only). For an
    offline, self-contained page use :func:`graph.render.to_html`.

    Examples
    --------
    >>> from graph import load
    >>> ds = load()
    >>> net = to_pyvis(ds)
    >>> len(net.nodes) == len(ds.nodes), net.nodes[0]["x"] == page_data(ds)["nodes"]["x"][0]
    (True, True)
    >>> net.nodes[0]["id"], net.nodes[0]["dataId"], net.edges[0]["from"], net.edges[0]["to"]
    (0, 'iran', 0, 1)
    """
    from pyvis.network import Network

    data = page_data(dataset, size_by=size_by, seed=seed)
    network_options.setdefault("cdn_resources", "in_line")
    network_options["directed"] = True
    net = Network(**network_options)
    net.toggle_physics(physics)
    node_types = {t["name"]: t for t in data["nodeTypes"]}
    nodes = data["nodes"]
    index = {node_id: i for i, node_id in enumerate(nodes["id"])}
    for i, node_id in enumerate(nodes["id"]):
        style = node_types.get(nodes["type"][i], _FALLBACK_NODE)
        color = style["color"]
        net.add_node(
            i,
            dataId=node_id,
            label=nodes["label"][i] or node_id,
            shape=style["shape"],
            color={
                "background": color,
                "border": style["border"],
                "highlight": {"background": color, "border": _LABEL_COLOR},
            },
            title=_node_title(nodes, i, style["label"] or nodes["type"][i]),
            x=nodes["x"][i],
            y=nodes["y"][i],
            size=nodes["size"][i],
            font={"size": nodes["font"][i], "color": _LABEL_COLOR},
            borderWidth=1.5,
        )
    edge_types = {t["name"]: t for t in data["edgeTypes"]}
    edges = _pair_columns(dataset, data) if aggregate else data["relations"]
    labels = dict(zip(nodes["id"], nodes["label"], strict=True))
    for j, edge_id in enumerate(edges["id"]):
        if aggregate:
            color, directed = PAIR_KINDS[edges["kind"][j]]["color"], edges["directed"][j]
        else:
            style = edge_types.get(edges["type"][j], _FALLBACK_EDGE)
            color, directed = style["color"], style["directed"]
        options: dict[str, Any] = {
            "id": j,
            "dataId": edge_id,
            "title": _edge_title(edges, j, labels, directed),
            "color": {"color": color, "highlight": color, "opacity": 0.85},
            "width": edges["width"][j],
            "arrows": {"to": {"enabled": directed, "scaleFactor": 0.55}},
            "smooth": {"enabled": False},
        }
        if edges["sign"][j] < 0:
            options["dashes"] = [7, 5]
        curve = edges["curve"][j]
        if curve:
            kind = "curvedCW" if curve > 0 else "curvedCCW"
            options["smooth"] = {"enabled": True, "type": kind, "roundness": abs(curve)}
        if edges["from"][j] == edges["to"][j]:
            loop = edges["loop"][j]
            options["selfReference"] = {"size": 14 + 7 * loop, "angle": loop * math.pi / 3}
        net.add_edge(index[edges["from"][j]], index[edges["to"][j]], **options)
    return net


def _pair_columns(dataset: Dataset, data: dict[str, Any]) -> dict[str, list[Any]]:
    """The page's pair links as columns shaped like its relations (sign: the net's sign)."""
    pairs = pair_links(dataset)
    n = len(pairs)
    return {
        "id": [f"pair:{s}|{t}" for s, t in zip(pairs["source"], pairs["target"], strict=True)],
        "from": pairs["source"].tolist(),
        "to": pairs["target"].tolist(),
        "kind": pairs["kind"].tolist(),
        "directed": pairs["directed"].tolist(),
        "count": pairs["count"].tolist(),
        "sign": [-1 if dashed else 1 for dashed in pairs["dashed"]],
        "width": edge_widths(pairs["count"].to_numpy()).tolist(),
        "curve": [0.0] * n,
        "loop": [0] * n,
    }
