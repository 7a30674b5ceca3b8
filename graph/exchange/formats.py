"""Export a dataset for other tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON (D3),
CSV or Parquet in this project's own format (:mod:`graph.exchange.parquet`), and a dyad-year
panel (:mod:`graph.exchange.dyads`).

Every format holds the full graph: one edge per relation with every attribute (empty cells
left out), nodes with theirs (GEXF: see :func:`to_gexf_graph`). Files are written atomically.
GraphML and GEXF also hold the explorer page's look, so Gephi opens them as the page draws
them (colours, sizes, positions: :mod:`graph.exchange.drawing`).
GraphML and GEXF write each character that XML cannot hold as U+FFFD
(:func:`graph.text.xml_safe`); JSON is strict (:func:`graph.text.json_text`).

>>> import tempfile, pathlib, networkx as nx
>>> from graph import load
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> export(load(), "graphml", out)
>>> nx.read_graphml(out).number_of_nodes() == len(load().nodes)
True
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

from ..atomic import atomic_file, atomic_folder, check_output_file, write_text
from ..dataset.build import to_multidigraph
from ..errors import UsageError
from ..model.columns import (
    DATASET_FILES,
    DERIVED_EDGE_COLUMNS,
    EDGES_FILE,
    LINE,
    METADATA_FILE,
    NODES_FILE,
    VOCABULARY_FILE,
)
from ..model.metadata import metadata_toml
from ..model.vocabulary import vocabulary_toml
from ..text import json_text, spreadsheet_frame, xml_safe
from .choices import FORMATS
from .drawing import add_look_columns, add_viz, page_look, rename_columns
from .dyads import YearLike, dyad_years
from .parquet import write_parquet_tables

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "DATASET_FILES",
    "FOLDER_FORMATS",
    "FORMATS",
    "export",
    "to_gexf_graph",
    "to_node_link",
    "write_dataset",
]

Format = Literal["graphml", "gexf", "json", "csv", "parquet", "dyad-year"]
#: The formats that write a dataset folder (``nodes``/``edges`` tables and their TOML files).
FOLDER_FORMATS = ("csv", "parquet")

#: Node and edge attribute names that networkx's GEXF writer reads as its own (``pid``,
#: ``parents``, dynamic ``start``/``end``, ``spells``, ``viz`` …) or :func:`to_gexf_graph` sets:
#: a dataset column of such a name is renamed, not misread.
GEXF_NODE_NAMES = ("pid", "start", "end", "parents", "spells", "viz")
GEXF_EDGE_NAMES = ("label", "relation", "key", "networkx_key", "start", "end", "spells", "viz")

#: The files a dataset folder output owns: an old one the new output does not write is dropped
#: (``import.json`` is the provenance an import writes; it does not describe other outputs).
#: The tables in either format are owned: writing CSV over a Parquet folder drops the Parquet
#: tables (a folder holding both would not load).


def to_gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Adapt the full graph to GEXF's reserved edge attributes.

    GEXF reserves ``type`` for the edge direction, so the relation type is stored as the
    edge ``label`` and the attribute ``relation``; ``date_start``/``date_end`` become GEXF's
    ``start``/``end``, so Gephi's timeline can play the relations. A column named as one of
    the names GEXF (or networkx's writer) reads as its own (:data:`GEXF_NODE_NAMES`,
    :data:`GEXF_EDGE_NAMES`) is renamed with ``_`` added, ``start`` → ``start_``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full graph, one edge per relation, as :func:`graph.to_multidigraph` makes it.

    Returns
    -------
    networkx.MultiDiGraph
        A copy ready for ``networkx.write_gexf``; ``G`` is left unchanged.

    Examples
    --------
    >>> H = graph.to_gexf_graph(graph.to_multidigraph(ds))
    >>> relation = H.edges["iran", "tajikistan", "e01_iran_recognizes_tajikistan"]
    >>> relation["relation"], relation["start"]
    ('recognition', '1991-01-01')
    """
    H = nx.MultiDiGraph(G)
    rename_columns(H, GEXF_NODE_NAMES, GEXF_EDGE_NAMES)
    for _, _, attrs in H.edges(data=True):
        relation = attrs.pop("type")
        attrs["relation"] = attrs["label"] = relation
        for ours, theirs in (("date_start", "start"), ("date_end", "end")):
            if ours in attrs:
                attrs[theirs] = attrs.pop(ours)
    return H


def _xml_value(value: Any) -> Any:
    return xml_safe(value) if isinstance(value, str) else value


def _one_to_one(names: set[Any], what: str) -> dict[Any, Any]:
    """Each name and its XML-safe text; two names that would become one are an error."""
    safe = {name: _xml_value(name) for name in names}
    if len(set(safe.values())) < len(safe):
        seen: dict[Any, Any] = {}
        for name, text in sorted(safe.items(), key=lambda item: str(item[0])):
            if text in seen:
                raise UsageError(
                    f"the {what} {seen[text]!r} and {name!r} differ only in characters that XML "
                    "cannot hold: rename one, or export as json or csv"
                )
            seen[text] = name
    return safe


def _xml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` in which every string (ids, attribute names and values) is
    :func:`graph.text.xml_safe`: GraphML and GEXF files that any XML reader reads."""
    nodes = _one_to_one(set(G), "node ids")
    keys = _one_to_one({k for _, _, k in G.edges(keys=True)}, "edge ids")
    names = set(G.graph)
    for _, attrs in G.nodes(data=True):
        names.update(attrs)
    for _, _, attrs in G.edges(data=True):
        names.update(attrs)
    safe_names = _one_to_one(names, "column names")

    def attributes(attrs: dict[str, Any]) -> dict[str, Any]:
        return {safe_names[name]: _xml_value(value) for name, value in attrs.items()}

    H = nx.MultiDiGraph(**attributes(G.graph))
    H.add_nodes_from((nodes[n], attributes(attrs)) for n, attrs in G.nodes(data=True))
    H.add_edges_from(
        (nodes[u], nodes[v], keys[k], attributes(attrs))
        for u, v, k, attrs in G.edges(keys=True, data=True)
    )
    return H


def to_node_link(dataset: Dataset) -> dict[str, object]:
    """The full graph as node-link data (``nodes`` and ``links``), as D3 and networkx read it.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to convert.

    Returns
    -------
    dict
        JSON-ready data: ``nodes`` (one dict per actor, with ``id``) and ``links`` (one
        dict per relation, with ``source``, ``target`` and every other attribute).

    Examples
    --------
    >>> data = graph.to_node_link(ds)
    >>> len(data["nodes"]), len(data["links"])
    (22, 52)
    >>> link = data["links"][0]
    >>> link["source"], link["target"], link["type"]
    ('iran', 'tajikistan', 'recognition')
    """
    return nx.node_link_data(to_multidigraph(dataset), edges="links")


def write_dataset(
    dataset: Dataset,
    folder: str | Path,
    *,
    excel_safe: bool = False,
    table_format: Literal["csv", "parquet"] = "csv",
) -> None:
    """Write a dataset folder that ``graph.load`` reads back as the same dataset.

    ``nodes.csv`` and ``edges.csv`` in this project's format (derived columns dropped), or
    with ``table_format="parquet"`` ``nodes.parquet`` and ``edges.parquet`` (text columns,
    ``weight`` as float64 and ``sign`` as int8: :mod:`graph.exchange.parquet`), and a
    ``vocabulary.toml`` with the types beyond the built-in vocabulary, and a ``dataset.toml``
    with the dataset's metadata (title, sources, licence …) when it has any (a stale one of
    either is removed). A ``country`` that names an actor not in the dataset (filtered out)
    is cleared.
    The folder is built beside ``folder`` and swapped in whole (:func:`graph.atomic.atomic_folder`):
    a failure leaves the old folder as it was.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to write, for example a filtered or merged dataset.
    folder : str or pathlib.Path
        The folder to write (created if needed). An existing one is replaced: its dataset
        files (:data:`DATASET_FILES`) by the new ones, its other files kept.
    excel_safe : bool
        Put ``'`` before each cell a spreadsheet would run as a formula (one that starts
        with ``= + - @``, a tab or a carriage return: :func:`graph.text.spreadsheet_text`).
        Off by default: the prefix changes the data, which then no longer loads back as it was.
        CSV only.
    table_format : {"csv", "parquet"}
        The format of the two tables. Tables of the other format in an existing ``folder``
        are removed (a folder holding both would not load).

    Raises
    ------
    UsageError
        If ``folder`` is an existing file, a symbolic link or another special file, or holds
        a sub-folder; for an unknown ``table_format``, or ``excel_safe`` with Parquet.

    See Also
    --------
    export : Write other formats (GraphML, GEXF, JSON).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp()) / "since_2019"
    >>> graph.write_dataset(ds.filter(start="2019"), folder)
    >>> sorted(p.name for p in folder.iterdir())
    ['dataset.toml', 'edges.csv', 'nodes.csv', 'vocabulary.toml']
    >>> graph.load(folder)
    <Dataset 'since_2019': 16 nodes, 33 edges>
    >>> graph.write_dataset(ds, folder, table_format="parquet")
    >>> sorted(p.name for p in folder.iterdir())
    ['dataset.toml', 'edges.parquet', 'nodes.parquet', 'vocabulary.toml']
    """
    if table_format not in FOLDER_FORMATS:
        raise UsageError(
            f"unknown table format '{table_format}'; expected one of: {', '.join(FOLDER_FORMATS)}"
        )
    if excel_safe and table_format != "csv":
        raise UsageError("{excel_safe} applies to CSV tables only", params=("excel_safe",))
    nodes = dataset.nodes.drop(columns=[LINE], errors="ignore")
    if "country" in nodes.columns:
        kept = nodes["country"].isin(nodes["id"]) | (nodes["country"] == "")
        nodes = nodes.assign(country=nodes["country"].where(kept, ""))
    edges = dataset.edges.drop(
        columns=[c for c in DERIVED_EDGE_COLUMNS if c in dataset.edges.columns]
    )
    if table_format == "csv":  # Parquet keeps the weights as numbers, exactly
        edges = edges.assign(weight=edges["weight"].map(lambda w: f"{w:g}"))
    if excel_safe:
        nodes, edges = spreadsheet_frame(nodes), spreadsheet_frame(edges)
    vocabulary = vocabulary_toml(dataset.vocabulary)
    with atomic_folder(folder, owned=DATASET_FILES) as tmp:
        if table_format == "parquet":
            write_parquet_tables(nodes, edges, tmp)
        else:
            for name, frame in ((NODES_FILE, nodes), (EDGES_FILE, edges)):
                with atomic_file(tmp / name) as handle:
                    frame.to_csv(handle, index=False, lineterminator="\n", encoding="utf-8")
        if "\n[" in vocabulary:
            write_text(tmp / VOCABULARY_FILE, vocabulary)
        if not dataset.metadata.empty:
            write_text(tmp / METADATA_FILE, metadata_toml(dataset.metadata))


def _write_dyad_years(
    dataset: Dataset, path: str | Path, *, excel_safe: bool, start: YearLike, end: YearLike
) -> None:
    panel = dyad_years(dataset, start=start, end=end)
    if excel_safe:
        panel[["source", "target"]] = spreadsheet_frame(panel[["source", "target"]])
    with atomic_file(path) as handle:
        panel.to_csv(handle, index=False, lineterminator="\n", encoding="utf-8")


def export(
    dataset: Dataset,
    fmt: str,
    path: str | Path,
    *,
    excel_safe: bool = False,
    seed: int = 7,
    size_by: str = "degree",
    layout: str = "network",
    start: YearLike = None,
    end: YearLike = None,
) -> None:
    """Write the dataset's full graph to ``path`` in ``fmt`` (graphml, gexf, json, csv or
    parquet), or its dyad-year panel (``dyad-year``).

    For ``csv``, ``path`` is a folder that receives ``nodes.csv`` and ``edges.csv``; for
    ``parquet``, ``nodes.parquet`` and ``edges.parquet`` (see :func:`write_dataset`). For
    ``dyad-year``, it is one CSV file with the table of :func:`graph.dyad_years` (UTF-8,
    ``\\n`` line ends, an empty ``previous_sign`` cell for "no relation the year before").

    GEXF and GraphML open as the explorer page draws the dataset (``graph html`` with the
    same ``seed`` and ``size_by``): each actor has its type's colour, its size and its
    position, each relation its type's colour and width (GEXF: ``viz:color``, ``viz:size``,
    ``viz:position``, ``viz:thickness``; GraphML: ``x``, ``y``, ``size``, ``color`` as
    ``#rrggbb``, ``width``). The page's y axis points down and Gephi's up, so ``y`` is the
    page's negated: Gephi shows the same picture, not its mirror image.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to write; every relation becomes one edge.
    fmt : {"graphml", "gexf", "json", "csv", "parquet", "dyad-year"}
        The file format (case-insensitive): GraphML or GEXF for Gephi and Cytoscape,
        node-link JSON for D3, this project's own dataset folder with CSV or Parquet tables,
        or a dyad-year panel.
    path : str or pathlib.Path
        The file to write (replaced atomically), or for ``csv`` and ``parquet`` the folder.
    excel_safe : bool
        ``csv`` and ``dyad-year`` only: cells a spreadsheet would run as formulas start
        with ``'`` (see :func:`write_dataset`; for ``dyad-year``, the actor ids).
    seed : int
        ``graphml`` and ``gexf``: seed of the layout, as ``to_html(dataset, seed=seed)``.
    size_by : {"degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"}
        ``graphml`` and ``gexf``: the node measure that sizes nodes, as on the page.
    layout : {"network", "map"}
        ``graphml`` and ``gexf``: the positions of the page's network or map layout.
    start, end : int or str, optional
        ``dyad-year`` only: the first and last years of the panel (see :func:`dyad_years`).

    Raises
    ------
    UsageError
        For an unknown format, a folder given as ``path`` for a file format,
        ``excel_safe`` with a format other than ``csv`` or ``dyad-year``, ``start`` or
        ``end`` with a format other than ``dyad-year``, or an unknown ``size_by``.

    See Also
    --------
    write_dataset : The ``csv`` and ``parquet`` formats.
    to_node_link : The ``json`` format as Python data.
    dyad_years : The ``dyad-year`` format as a DataFrame.

    Examples
    --------
    >>> import tempfile
    >>> import networkx as nx
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "iran_tajikistan.graphml"
    >>> graph.export(ds, "graphml", path)
    >>> nx.read_graphml(path).number_of_edges()
    52
    >>> path = path.with_suffix(".gexf")
    >>> graph.export(ds, "gexf", path)
    >>> sorted(nx.read_gexf(path).nodes["iran"]["viz"])
    ['color', 'position', 'size']
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; expected one of: {', '.join(FORMATS)}")
    if excel_safe and fmt not in ("csv", "dyad-year"):
        raise UsageError(
            f"{{excel_safe}} applies to the csv and dyad-year formats only, not {fmt}",
            params=("excel_safe",),
        )
    for param, value in (("start", start), ("end", end)):
        if value is not None and fmt != "dyad-year":
            raise UsageError(
                f"{{{param}}} applies to the dyad-year format only, not {fmt}", params=(param,)
            )
    if fmt not in FOLDER_FORMATS:
        check_output_file(path)  # before the work: a folder, a link, a device … is refused
    if fmt == "csv":
        write_dataset(dataset, path, excel_safe=excel_safe)
        return
    if fmt == "parquet":
        write_dataset(dataset, path, table_format="parquet")
        return
    if fmt == "dyad-year":
        _write_dyad_years(dataset, path, excel_safe=excel_safe, start=start, end=end)
        return
    if fmt == "json":
        write_text(path, json_text(to_node_link(dataset), indent=1, sort_keys=True) + "\n")
        return
    look = page_look(dataset, seed=seed, size_by=size_by, layout=layout)
    G = to_multidigraph(dataset)
    if fmt == "graphml":
        add_look_columns(G, look)
    else:
        G = to_gexf_graph(G)
        add_viz(G, look)
    G = _xml_graph(G)
    with atomic_file(path) as handle:
        if fmt == "graphml":
            nx.write_graphml(G, handle, named_key_ids=True)
        else:
            nx.write_gexf(G, handle)
