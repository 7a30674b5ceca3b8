"""Typed results of the summary and statistics: frozen dataclasses read by attribute.

:func:`~graph.analyze.summarize` returns a :class:`Summary`,
:func:`~graph.analyze.graph_figures` a :class:`GraphFigures` and
:func:`~graph.analyze.stats` a :class:`StatsResult`. Each ``to_dict()`` gives plain values,
the JSON of ``graph stats --format json``; in a notebook each shows as a small table
(``_repr_html_``).

>>> span = TimeSpan(first="2001-01-01", last="2021-04-30", dated=4, undated=1)
>>> span.first, span.to_dict()["dated"]
('2001-01-01', 4)
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from html import escape
from typing import Any

import pandas as pd

from ..text import num
from .display import html_table, records, rounded
from .method import MeasureMethod

__all__ = [
    "Components",
    "GraphFigures",
    "MeasureMethod",
    "NodeRelations",
    "SignCounts",
    "StatsResult",
    "Summary",
    "TimeSpan",
]


def _plain(result: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, in field order (values as they are)."""
    return {f.name: getattr(result, f.name) for f in fields(result)}


@dataclass(frozen=True)
class Components:
    """Connected components of the undirected analysis view.

    Parameters
    ----------
    count : int
        Number of components (isolated actors included).
    largest : int
        Actors in the largest component (0 without actors).
    isolated : int
        Actors without any link.

    Examples
    --------
    >>> c = Components(count=2, largest=5, isolated=1)
    >>> str(c), c.to_dict()["largest"]
    ('2 (largest 5, isolated 1)', 5)
    """

    count: int
    largest: int
    isolated: int

    def __str__(self) -> str:
        return f"{self.count} (largest {self.largest}, isolated {self.isolated})"

    def to_dict(self) -> dict[str, int]:
        """``{"count": …, "largest": …, "isolated": …}``."""
        return _plain(self)


@dataclass(frozen=True)
class TimeSpan:
    """The dates of the relations.

    Parameters
    ----------
    first, last : str or None
        Earliest start and latest end (``YYYY-MM-DD``); None when no relation is dated.
    dated, undated : int
        Relations with and without a date.

    Examples
    --------
    >>> str(TimeSpan(first=None, last=None, dated=0, undated=3))
    'no dates (0 dated, 3 undated)'
    """

    first: str | None
    last: str | None
    dated: int
    undated: int

    def __str__(self) -> str:
        span = f"{self.first} to {self.last}" if self.first else "no dates"
        return f"{span} ({self.dated} dated, {self.undated} undated)"

    def to_dict(self) -> dict[str, Any]:
        """``{"first": …, "last": …, "dated": …, "undated": …}``."""
        return _plain(self)


@dataclass(frozen=True)
class SignCounts:
    """Relations by sign: cooperative (+1), neutral (0), conflictual (−1).

    Parameters
    ----------
    cooperative, neutral, conflictual : int
        Relations with a positive, zero and negative sign.

    Examples
    --------
    >>> SignCounts(cooperative=3, neutral=1, conflictual=1).to_dict()
    {'cooperative': 3, 'neutral': 1, 'conflictual': 1}
    """

    cooperative: int
    neutral: int
    conflictual: int

    def to_dict(self) -> dict[str, int]:
        """``{"cooperative": …, "neutral": …, "conflictual": …}``."""
        return _plain(self)


@dataclass(frozen=True)
class NodeRelations:
    """One actor of the summary's most active list (:func:`~graph.analyze.relation_counts`).

    Parameters
    ----------
    id, label, type : str
    relations : int
        Relations touching the actor (a self-loop counted twice).
    partners : int
        Distinct other actors it is related to.

    Examples
    --------
    >>> NodeRelations("iran", "Iran", "state", relations=12, partners=7).partners
    7
    """

    id: str
    label: str
    type: str
    relations: int
    partners: int

    def to_dict(self) -> dict[str, Any]:
        """The record: ``id``, ``label``, ``type``, ``relations``, ``partners``."""
        return _plain(self)


@dataclass(frozen=True)
class Summary:
    """Counts by node and relation type, time span, density, components and most active actors.

    Parameters
    ----------
    name : str
        The dataset's name.
    notes : tuple of str
        The dataset's notes.
    nodes, edges : int
        Actors and relations (rows of the tables).
    pairs : int
        Linked pairs of distinct actors (the undirected analysis view).
    nodes_by_type, edges_by_type, edges_by_family : dict of str to int
        Counts, largest first, ties by name.
    edges_by_sign : SignCounts
    dates : TimeSpan
    density : float
        Of the undirected analysis view, rounded to 6 decimals.
    components : Components
    top_nodes : tuple of NodeRelations
        The actors with most relations, most first.

    Examples
    --------
    >>> s = graph.summarize(ds)
    >>> s.dates.first, s.components.largest, s.to_dict()["edges_by_sign"]["cooperative"]
    ('1929-01-01', 22, 26)
    """

    name: str
    notes: tuple[str, ...]
    nodes: int
    edges: int
    pairs: int
    nodes_by_type: dict[str, int]
    edges_by_type: dict[str, int]
    edges_by_family: dict[str, int]
    edges_by_sign: SignCounts
    dates: TimeSpan
    density: float
    components: Components
    top_nodes: tuple[NodeRelations, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON (the summary keys of ``graph stats --format json``)."""
        return {
            "name": self.name,
            "notes": list(self.notes),
            "nodes": self.nodes,
            "edges": self.edges,
            "pairs": self.pairs,
            "nodes_by_type": dict(self.nodes_by_type),
            "edges_by_type": dict(self.edges_by_type),
            "edges_by_family": dict(self.edges_by_family),
            "edges_by_sign": self.edges_by_sign.to_dict(),
            "dates": self.dates.to_dict(),
            "density": self.density,
            "components": self.components.to_dict(),
            "top_nodes": [t.to_dict() for t in self.top_nodes],
        }

    def _rows(self) -> list[tuple[str, Any]]:
        s = self.edges_by_sign
        return [
            ("actors", self.nodes),
            ("relations", self.edges),
            ("linked pairs", self.pairs),
            ("dates", str(self.dates)),
            (
                "cooperative / neutral / conflictual",
                f"{s.cooperative} / {s.neutral} / {s.conflictual}",
            ),
            ("density", self.density),
            ("components", str(self.components)),
            ("actors by type", self.nodes_by_type),
            ("relations by type", self.edges_by_type),
            ("most relations", {t.id: t.relations for t in self.top_nodes}),
        ]

    def _repr_html_(self) -> str:
        return html_table(self._rows(), title=f"{self.name}: summary")


@dataclass(frozen=True)
class GraphFigures:
    """Graph-level figures (definitions in :mod:`graph.analyze.structure`).

    Parameters
    ----------
    nodes, relations, pairs : int
        Actors, relations, linked pairs of distinct actors (undirected view).
    links_directed : int
        Links of the directed view.
    relations_by_type, relations_by_family : dict of str to int
    density, density_directed : float
    components : Components
    strong_components : int
        Strongly connected components of the directed view.
    diameter : int or None
    average_path_length : float or None
        On the largest component; None without a path.
    reciprocity : float or None
        Share of directed pairs whose reverse is linked too.
    assortativity_by_type : float or None
        Nominal assortativity of the actor types.

    Examples
    --------
    >>> figures = graph.graph_figures(ds)
    >>> figures.diameter, figures.components.count, figures.to_dict()["diameter"]
    (5, 1, 5)
    """

    nodes: int
    relations: int
    pairs: int
    links_directed: int
    relations_by_type: dict[str, int]
    relations_by_family: dict[str, int]
    density: float
    density_directed: float
    components: Components
    strong_components: int
    diameter: int | None
    average_path_length: float | None
    reciprocity: float | None
    assortativity_by_type: float | None

    def rounded(self) -> GraphFigures:
        """The figures with floats rounded to 6 significant digits (as every output shows).

        >>> f = GraphFigures(2, 1, 1, 1, {}, {}, 1 / 3, 1 / 6, Components(1, 2, 0), 1, 1, 1.0,
        ...                  None, None)
        >>> f.rounded().density
        0.333333
        """
        floats = {
            f.name: rounded(getattr(self, f.name))
            for f in fields(self)
            if isinstance(getattr(self, f.name), float)
        }
        return replace(self, **floats)

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON (``graph`` in ``graph stats --format json``)."""
        out = _plain(self)
        out["relations_by_type"] = dict(self.relations_by_type)
        out["relations_by_family"] = dict(self.relations_by_family)
        out["components"] = self.components.to_dict()
        return out

    def _rows(self) -> list[tuple[str, Any]]:
        return [
            (
                "density (undirected / directed)",
                f"{num(self.density)} / {num(self.density_directed)}",
            ),
            ("components", str(self.components)),
            ("strongly connected components", self.strong_components),
            ("diameter (largest component)", self.diameter),
            ("average path length (largest component)", self.average_path_length),
            ("reciprocity of directed relations", self.reciprocity),
            ("assortativity by actor type", self.assortativity_by_type),
        ]

    def _repr_html_(self) -> str:
        return html_table(self._rows(), title="graph figures")


@dataclass(frozen=True, eq=False)
class StatsResult:
    """The full ``graph stats`` result: summary, graph figures and node measures.

    Floats are rounded to 6 significant digits, the precision every output shows.

    Parameters
    ----------
    summary : Summary
    graph : GraphFigures
        Rounded.
    measures : MeasureMethod
    node_measures : pandas.DataFrame
        One row per node (``id``, ``label``, ``type`` and the measures), sorted by
        ``measures.sort``, exact values; :meth:`node_records` gives them rounded.

    Examples
    --------
    >>> result = graph.stats(ds, sort="betweenness", top=2)
    >>> result.node_measures["id"].tolist(), result.node_records()[0]["betweenness"]
    (['iran', 'tajik_armed_forces'], 0.114286)
    >>> list(result.to_dict())[-3:]
    ['graph', 'measures', 'node_measures']
    """

    summary: Summary
    graph: GraphFigures
    measures: MeasureMethod
    node_measures: pd.DataFrame

    def node_records(self) -> list[dict[str, Any]]:
        """The node table as JSON records, floats rounded (the values every output shows)."""
        return records(self.node_measures)

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON: the summary's keys, ``graph``, ``measures``,
        ``node_measures`` (records)."""
        return {
            **self.summary.to_dict(),
            "graph": self.graph.to_dict(),
            "measures": self.measures.to_dict(),
            "node_measures": self.node_records(),
        }

    def _method(self) -> str:
        m = self.measures
        view = "directed" if m.directed else "undirected"
        betweenness = f"estimated from {m.sample} pivots" if m.sample else "exact"
        return f"{view} view, engine {m.engine}, {betweenness} betweenness, {m.eigenvector}"

    def _repr_html_(self) -> str:
        table = self.node_measures.head(10).to_html(index=False, escape=True)
        return (
            f"<div>{self.summary._repr_html_()}{self.graph._repr_html_()}"
            f"<p>Node measures ({escape(self._method())}), first 10 by "
            f"{escape(self.measures.sort)}:</p>{table}</div>"
        )
