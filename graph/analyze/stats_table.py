"""The full ``graph stats`` result: summary, graph-level figures and the node measure table.

:func:`stats` returns plain values (its own JSON). Floats are rounded to 6 significant
digits, the precision every output (``graph stats``, the report) shows, so the report's
numbers equal ``graph stats --format json``.

>>> from graph import load
>>> s = stats(load(), top=3)
>>> len(s["node_measures"]), s["measures"]["sort"]
(3, 'pagerank')
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from ._view import analysis_view, resolve_engine
from .centrality import MEASURES, measures_of, rank
from .structure import figures_of
from .summary import summarize

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["records", "rounded", "stats"]

DIGITS = 6


def rounded(value: Any) -> Any:
    """Round floats (also inside dicts and lists) to 6 significant digits; NaN becomes None.

    >>> rounded({"a": [0.123456789, 2], "b": float("nan")})
    {'a': [0.123457, 2], 'b': None}
    """
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.{DIGITS}g}")
    return value


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A measure table as JSON records: plain Python values, floats rounded."""
    return [rounded(r) for r in table.astype(object).to_dict("records")]


def stats(
    dataset: Dataset,
    *,
    directed: bool = False,
    engine: str = "auto",
    sample: int | None = None,
    seed: int = 0,
    sort: str = "pagerank",
    top: int | None = None,
    summary_top: int = 10,
) -> dict[str, Any]:
    """Summary (:func:`graph.analyze.summary.summarize`), figures and node measures in one dict.

    Parameters
    ----------
    directed, engine, sample, seed
        As in :func:`~graph.analyze.centrality.node_measures`.
    sort : str
        Measure (or ``id``) the node table is sorted by, largest first.
    top : int, optional
        Keep the first ``top`` nodes of the table (all by default).
    summary_top : int
        Nodes listed in the summary's ``top_nodes``.

    Returns
    -------
    dict
        The keys of :func:`~graph.analyze.summary.summarize`, plus ``graph`` (the figures of
        :func:`~graph.analyze.structure.graph_figures`), ``measures`` (how they were computed:
        ``directed``, ``engine``, ``eigenvector``, ``katz_alpha``, ``sample``, ``seed``,
        ``sort``, ``definitions``) and ``node_measures`` (records, sorted).
    """
    chosen = resolve_engine(engine)
    undirected = analysis_view(dataset, directed=False)
    arcs = analysis_view(dataset, directed=True)
    view = arcs if directed else undirected
    table = measures_of(dataset, view, arcs, engine=chosen, sample=sample, seed=seed)
    ranked = rank(table, sort, top)
    return rounded(
        {
            **summarize(dataset, top=summary_top, view=undirected),
            "graph": figures_of(dataset, undirected, arcs, engine=chosen),
            "measures": {**table.attrs, "sort": sort, "definitions": dict(MEASURES)},
            "node_measures": records(ranked),
        }
    )
