"""The dataset summary behind ``graph stats``: counts, time span, density, components, hubs.

:func:`summarize` returns a :class:`~graph.analyze.results.Summary`, read by attribute;
its ``to_dict()`` is the JSON.

>>> from graph import load
>>> s = summarize(load())
>>> s.nodes > 10, s.components.count >= 1, s.top_nodes[0].id
(True, True, 'tajikistan')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..model.dates import iso_day
from ._view import View, analysis_view
from .results import Components, NodeRelations, SignCounts, Summary, TimeSpan

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["relation_counts", "summarize"]


def _counts(series: pd.Series) -> dict[str, int]:
    counts = series.value_counts()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return {str(k): int(v) for k, v in ordered}


def relation_counts(dataset: Dataset) -> pd.DataFrame:
    """Relations and distinct partners per node, sorted by relations then id.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.

    Returns
    -------
    pandas.DataFrame
        Index ``id``; columns ``label``, ``type``, ``relations`` (rows in edges.csv touching
        the node, a self-loop counted twice) and ``partners`` (distinct other nodes).

    Examples
    --------
    >>> counts = graph.relation_counts(ds)
    >>> counts.index[:3].tolist()
    ['tajikistan', 'iran', 'irpt']
    >>> counts.loc["iran", ["relations", "partners"]].tolist()
    [29, 9]
    """
    edges, nodes = dataset.edges, dataset.nodes
    ends = pd.concat([edges["source"], edges["target"]], ignore_index=True)
    relations = ends.value_counts().reindex(nodes["id"], fill_value=0)
    pairs = pd.DataFrame({"a": edges["source"], "b": edges["target"]})
    pairs = pairs[pairs["a"] != pairs["b"]]
    both = pd.concat([pairs, pairs.rename(columns={"a": "b", "b": "a"})]).drop_duplicates()
    partners = both["a"].value_counts().reindex(nodes["id"], fill_value=0)
    table = pd.DataFrame(
        {
            "label": nodes["label"].to_numpy(),
            "type": nodes["type"].to_numpy(),
            "relations": relations.to_numpy(dtype=int),
            "partners": partners.to_numpy(dtype=int),
        },
        index=pd.Index(nodes["id"], name="id"),
    )
    return (
        table.reset_index()
        .sort_values(["relations", "partners", "id"], ascending=[False, False, True])
        .set_index("id")
    )


def summarize(dataset: Dataset, *, top: int = 10, view: View | None = None) -> Summary:
    """Counts by node and relation type, time span, density, components and top nodes.

    Density and components are those of the undirected analysis view
    (:func:`graph.analyze.analysis_view`: one link per pair, self-loops left out), so they
    equal the graph figures of ``graph stats``.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    top : int, default 10
        How many nodes to list by number of relations.
    view : View, optional
        The undirected analysis view, when the caller has it already.

    Returns
    -------
    Summary
        ``nodes``, ``edges``, ``pairs``, counts by type, family and sign, ``dates``
        (:class:`~graph.analyze.results.TimeSpan`), ``density``, ``components`` and
        ``top_nodes``; ``to_dict()`` gives plain values.

    See Also
    --------
    stats : The summary with graph figures and node measures.

    Examples
    --------
    >>> summary = graph.summarize(ds, top=3)
    >>> summary.nodes, summary.edges, summary.pairs
    (22, 52, 28)
    >>> print(summary.dates)
    1929-01-01 to 2025-01-31 (47 dated, 5 undated)
    >>> [(hub.id, hub.relations) for hub in summary.top_nodes]
    [('tajikistan', 38), ('iran', 29), ('irpt', 4)]
    """
    edges = dataset.edges
    view = view if view is not None else analysis_view(dataset)
    labels = view.components()
    components = sorted(np.bincount(labels).tolist(), reverse=True) if view.n else []
    n = len(dataset.nodes)
    dated = edges["date_start"].notna()
    first = edges.loc[dated, "date_start"].min() if dated.any() else None
    last = edges.loc[dated, "date_end"].max() if dated.any() else None
    hubs = relation_counts(dataset).head(top)
    return Summary(
        name=dataset.name,
        notes=tuple(dataset.notes),
        nodes=len(dataset.nodes),
        edges=len(edges),
        pairs=view.m,
        nodes_by_type=_counts(dataset.nodes["type"]),
        edges_by_type=_counts(edges["type"]),
        edges_by_family=_counts(edges["family"]),
        edges_by_sign=SignCounts(
            cooperative=int((edges["sign"] > 0).sum()),
            neutral=int((edges["sign"] == 0).sum()),
            conflictual=int((edges["sign"] < 0).sum()),
        ),
        dates=TimeSpan(
            first=iso_day(first) if first is not None else None,
            last=iso_day(last) if last is not None else None,
            dated=int(dated.sum()),
            undated=int((~dated).sum()),
        ),
        density=round(2 * view.m / (n * (n - 1)), 6) if n > 1 else 0.0,
        components=Components(
            count=len(components),
            largest=components[0] if components else 0,
            isolated=sum(1 for c in components if c == 1),
        ),
        top_nodes=tuple(
            NodeRelations(
                id=str(r["id"]),
                label=str(r["label"]),
                type=str(r["type"]),
                relations=int(r["relations"]),
                partners=int(r["partners"]),
            )
            for r in hubs.reset_index().to_dict("records")
        ),
    )
