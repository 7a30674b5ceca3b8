"""Analysis: who is central, who brokers, which ties cooperate or clash, how pairs move in time.

Every function takes a :class:`~graph.Dataset` (filter it first for a view) and returns a
DataFrame or a small result object, read by attribute (the frozen dataclasses of
:mod:`graph.analyze.results`, :class:`Communities`, :class:`TriadBalance`,
:class:`SignedBalance`; ``to_dict()`` gives plain values); nothing prints. Measures use the
aggregated graph (one link per pair, self-loops removed); the conventions (direction, weights,
normalization, disconnected graphs) are in each module's docstring and in ``docs/analysis.md``.

>>> from graph import load
>>> from graph.analyze import node_measures, rank
>>> rank(node_measures(load()), "betweenness", 1)["id"].tolist()
['iran']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from ._view import View, analysis_view
    from .blocs import SignedBlocs, signed_blocs
    from .centrality import MEASURES, katz_alpha, node_measures, rank
    from .community import Communities, communities
    from .display import records, rounded
    from .dyad_similarity import similarity
    from .engines import ENGINES, igraph_module, resolve_engine
    from .frustration import Frustration
    from .layers import AFFILIATIONS, LAYERS, layer_dataset
    from .method import MeasureMethod
    from .queries import neighbors, paths
    from .results import (
        Components,
        GraphFigures,
        NodeRelations,
        SignCounts,
        StatsResult,
        Summary,
        TimeSpan,
    )
    from .signed_balance import PAIR_SIGNS, NullModel, SignedBalance, balance
    from .signed_centrality import SIGNED_MEASURES, signed_measures
    from .signed_triads import SignedTriads, signed_triad_census
    from .stats_table import stats
    from .structure import assortativity, graph_figures, reciprocity
    from .summary import relation_counts, summarize
    from .temporal import (
        FREQUENCIES,
        counts_by_period,
        pair_series,
        pair_trend,
        period_shares,
        relation_periods,
        snapshots,
        timeline,
    )
    from .triads import TriadBalance, pair_scores, triad_balance

__all__ = [
    "AFFILIATIONS",
    "ENGINES",
    "FREQUENCIES",
    "LAYERS",
    "MEASURES",
    "PAIR_SIGNS",
    "SIGNED_MEASURES",
    "Communities",
    "Components",
    "Frustration",
    "GraphFigures",
    "MeasureMethod",
    "NodeRelations",
    "NullModel",
    "SignCounts",
    "SignedBalance",
    "SignedBlocs",
    "SignedTriads",
    "StatsResult",
    "Summary",
    "TimeSpan",
    "TriadBalance",
    "View",
    "analysis_view",
    "assortativity",
    "balance",
    "communities",
    "counts_by_period",
    "graph_figures",
    "igraph_module",
    "katz_alpha",
    "layer_dataset",
    "neighbors",
    "node_measures",
    "pair_scores",
    "pair_series",
    "pair_trend",
    "paths",
    "period_shares",
    "rank",
    "reciprocity",
    "records",
    "relation_counts",
    "relation_periods",
    "resolve_engine",
    "rounded",
    "signed_blocs",
    "signed_measures",
    "signed_triad_census",
    "similarity",
    "snapshots",
    "stats",
    "summarize",
    "timeline",
    "triad_balance",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "Communities": "community",
    "Components": "results",
    "ENGINES": "engines",
    "FREQUENCIES": "temporal",
    "Frustration": "frustration",
    "GraphFigures": "results",
    "MEASURES": "centrality",
    "MeasureMethod": "method",
    "NodeRelations": "results",
    "NullModel": "signed_balance",
    "PAIR_SIGNS": "signed_balance",
    "SignCounts": "results",
    "SignedBalance": "signed_balance",
    "SignedBlocs": "blocs",
    "SignedTriads": "signed_triads",
    "StatsResult": "results",
    "Summary": "results",
    "TimeSpan": "results",
    "TriadBalance": "triads",
    "View": "_view",
    "analysis_view": "_view",
    "assortativity": "structure",
    "balance": "signed_balance",
    "AFFILIATIONS": "layers",
    "LAYERS": "layers",
    "SIGNED_MEASURES": "signed_centrality",
    "layer_dataset": "layers",
    "signed_measures": "signed_centrality",
    "communities": "community",
    "counts_by_period": "temporal",
    "graph_figures": "structure",
    "igraph_module": "engines",
    "katz_alpha": "centrality",
    "neighbors": "queries",
    "node_measures": "centrality",
    "pair_scores": "triads",
    "pair_series": "temporal",
    "pair_trend": "temporal",
    "paths": "queries",
    "period_shares": "temporal",
    "rank": "centrality",
    "reciprocity": "structure",
    "records": "display",
    "relation_counts": "summary",
    "relation_periods": "temporal",
    "resolve_engine": "engines",
    "rounded": "display",
    "signed_blocs": "blocs",
    "signed_triad_census": "signed_triads",
    "similarity": "dyad_similarity",
    "snapshots": "temporal",
    "stats": "stats_table",
    "summarize": "summary",
    "timeline": "temporal",
    "triad_balance": "triads",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
