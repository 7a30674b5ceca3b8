"""Export a dataset for other tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON (D3),
and CSV in this project's own format.

Every format holds the full graph: one edge per relation with every attribute (empty cells
left out), nodes with theirs (GEXF: see :func:`to_gexf_graph`). Files are written atomically.

>>> import tempfile, pathlib, networkx as nx
>>> from graph import load
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> export(load(), "graphml", out)
>>> nx.read_graphml(out).number_of_nodes() == len(load().nodes)
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import networkx as nx

from ..atomic import atomic_path, write_text
from ..dataset.build import to_multidigraph
from ..errors import UsageError
from ..model.columns import DERIVED_EDGE_COLUMNS, LINE, VOCABULARY_FILE
from ..model.vocabulary import vocabulary_toml

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["FORMATS", "export", "to_gexf_graph", "to_node_link", "write_dataset"]

Format = Literal["graphml", "gexf", "json", "csv"]
FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv")


def to_gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Adapt the full graph to GEXF's reserved edge attributes.

    GEXF reserves ``type`` for the edge direction, so the relation type is stored as the
    edge ``label`` and the attribute ``relation``; ``date_start``/``date_end`` become GEXF's
    ``start``/``end``, so Gephi's timeline can play the relations.
    """
    H = nx.MultiDiGraph(G)
    for _, _, attrs in H.edges(data=True):
        relation = attrs.pop("type")
        attrs["relation"] = attrs["label"] = relation
        for ours, theirs in (("date_start", "start"), ("date_end", "end")):
            if ours in attrs:
                attrs[theirs] = attrs.pop(ours)
    return H


def to_node_link(dataset: Dataset) -> dict[str, object]:
    """The full graph as node-link data (``nodes`` and ``links``), as D3 and networkx read it."""
    return nx.node_link_data(to_multidigraph(dataset), edges="links")


def write_dataset(dataset: Dataset, folder: str | Path) -> None:
    """Write a dataset folder that ``graph.load`` reads back as the same dataset.

    ``nodes.csv`` and ``edges.csv`` in this project's format (derived columns dropped), and a
    ``vocabulary.toml`` with the types beyond the built-in vocabulary (a stale one is
    removed). A ``country`` that names an actor not in the dataset (filtered out) is cleared.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; CSV export writes a folder")
    nodes = dataset.nodes.drop(columns=[LINE], errors="ignore")
    if "country" in nodes.columns:
        kept = nodes["country"].isin(nodes["id"]) | (nodes["country"] == "")
        nodes = nodes.assign(country=nodes["country"].where(kept, ""))
    edges = dataset.edges.drop(
        columns=[c for c in DERIVED_EDGE_COLUMNS if c in dataset.edges.columns]
    )
    edges = edges.assign(weight=edges["weight"].map(lambda w: f"{w:g}"))
    for name, frame in (("nodes.csv", nodes), ("edges.csv", edges)):
        with atomic_path(folder / name) as tmp:
            frame.to_csv(tmp, index=False, lineterminator="\n")
    vocabulary = vocabulary_toml(dataset.vocabulary)
    if "\n[" in vocabulary:
        write_text(folder / VOCABULARY_FILE, vocabulary)
    elif (folder / VOCABULARY_FILE).is_file():
        (folder / VOCABULARY_FILE).unlink()


def export(dataset: Dataset, fmt: str, path: str | Path) -> None:
    """Write the dataset's full graph to ``path`` in ``fmt`` (graphml, gexf, json or csv).

    For ``csv``, ``path`` is a folder that receives ``nodes.csv`` and ``edges.csv``.

    Raises
    ------
    UsageError
        For an unknown format.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; expected one of: {', '.join(FORMATS)}")
    if fmt != "csv" and Path(path).is_dir():
        raise UsageError(f"{path} is a folder; give a file name such as {path}/graph.{fmt}")
    if fmt == "csv":
        write_dataset(dataset, path)
        return
    if fmt == "json":
        text = json.dumps(to_node_link(dataset), ensure_ascii=False, indent=1, sort_keys=True)
        write_text(path, text + "\n")
        return
    G = to_multidigraph(dataset)
    with atomic_path(path) as tmp:
        if fmt == "graphml":
            nx.write_graphml(G, tmp, named_key_ids=True)
        else:
            nx.write_gexf(to_gexf_graph(G), tmp)
