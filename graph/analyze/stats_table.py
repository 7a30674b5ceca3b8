"""The full ``graph stats`` result: summary, graph-level figures and the node measure table.

:func:`stats` returns a :class:`~graph.analyze.results.StatsResult`; its ``to_dict()`` is the
JSON. Floats are rounded to 6 significant digits, the precision every output (``graph
stats``, the report) shows, so the report's numbers equal ``graph stats --format json``.

>>> from graph import load
>>> s = stats(load(), top=3)
>>> len(s.node_measures), s.measures.sort, s.summary.name
(3, 'pagerank', 'iran_tajikistan')
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .centrality import MEASURES, LayerViews, measures_of, rank
from .display import rounded
from .engines import resolve_engine
from .layers import check_layer_options
from .results import MeasureMethod, StatsResult
from .structure import figures_of
from .summary import summarize

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["stats"]


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
    layer: str | None = None,
    affiliations: str = "drop",
    pair_sign: str = "sum",
) -> StatsResult:
    """Summary (:func:`graph.analyze.summary.summarize`), figures and node measures in one result.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    directed, engine, sample, seed, layer, affiliations, pair_sign
        As in :func:`~graph.analyze.centrality.node_measures`.
    sort : str, default "pagerank"
        Measure (or ``id``) the node table is sorted by, largest first.
    top : int, optional
        Keep the first ``top`` nodes of the table (all by default).
    summary_top : int, default 10
        Nodes listed in the summary's ``top_nodes``.

    Returns
    -------
    StatsResult
        ``summary`` (:class:`~graph.analyze.results.Summary`), ``graph`` (the figures of
        :func:`~graph.analyze.structure.graph_figures`, rounded), ``measures`` (how they were
        computed: :class:`~graph.analyze.results.MeasureMethod`) and ``node_measures`` (the
        sorted table). ``to_dict()`` gives the summary's keys, ``graph``, ``measures`` and
        ``node_measures`` (records, rounded).

    Examples
    --------
    The three most influential actors by PageRank, and the graph's density:

    >>> result = graph.stats(ds, top=3)
    >>> result.node_measures["id"].tolist()
    ['iran', 'tajikistan', 'mohammad_javad_zarif']
    >>> result.summary.density
    0.121212
    """
    chosen = resolve_engine(engine)
    check_layer_options(layer, affiliations)
    raw = LayerViews(dataset, "keep")  # the dataset as it is: summary and graph figures
    undirected, arcs = raw.get("all", False), raw.get("all", True)
    views = raw if affiliations == "keep" else LayerViews(dataset, affiliations)
    table = measures_of(
        dataset,
        views,
        directed=directed,
        engine=chosen,
        sample=sample,
        seed=seed,
        layer=layer,
        pair_sign=pair_sign,
    )
    attrs = table.attrs
    method = MeasureMethod(
        directed=bool(attrs["directed"]),
        engine=str(attrs["engine"]),
        eigenvector=str(attrs["eigenvector"]),
        katz_alpha=rounded(attrs["katz_alpha"]),
        sample=attrs["sample"],
        seed=attrs["seed"],
        sort=sort,
        definitions=dict(MEASURES),
        layers=dict(attrs["layers"]),
        affiliations=str(attrs["affiliations"]),
        pair_sign=str(attrs["pair_sign"]),
    )
    summary = summarize(dataset, top=summary_top, view=undirected)
    return StatsResult(
        summary=replace(summary, density=rounded(summary.density)),
        graph=figures_of(dataset, undirected, arcs, engine=chosen).rounded(),
        measures=method,
        node_measures=rank(table, sort, top),
    )
