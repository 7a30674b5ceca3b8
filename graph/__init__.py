"""graph: typed, dated, sourced entity-relation graphs for international affairs.

One library API for the CLI, the HTML pages, the reports and the notebooks:

>>> import graph
>>> ds = graph.load()                      # the bundled Iran–Tajikistan dataset
>>> G = ds.to_networkx()                   # one edge per relation, every attribute
>>> recent = ds.filter(start="2019")       # relations from 2019 on
>>> A = graph.aggregate(recent)            # one weighted edge per pair
>>> A.number_of_nodes() == len(recent.nodes)
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .analyze import (
        MEASURES,
        Communities,
        Components,
        GraphFigures,
        MeasureMethod,
        NodeRelations,
        SignCounts,
        StatsResult,
        Summary,
        TimeSpan,
        TriadBalance,
        communities,
        counts_by_period,
        graph_figures,
        neighbors,
        node_measures,
        pair_scores,
        pair_series,
        pair_trend,
        paths,
        rank,
        relation_counts,
        snapshots,
        stats,
        summarize,
        timeline,
        triad_balance,
    )
    from .dataset import (
        Criteria,
        Dataset,
        aggregate,
        aggregate_table,
        filter_dataset,
        find_node,
        to_multidigraph,
    )
    from .errors import (
        DataError,
        GraphError,
        Issue,
        UsageError,
        ValidationReport,
    )
    from .exchange import (
        ImportOptions,
        ImportResult,
        ImportSummary,
        MergeReport,
        export,
        import_gdelt,
        import_icews,
        merge,
        merge_with_report,
        to_gexf_graph,
        to_node_link,
        write_dataset,
    )
    from .loading import (
        default_dataset_path,
        from_frames,
        load,
        validate,
    )
    from .model import (
        EdgeType,
        NodeType,
        Vocabulary,
        load_vocabulary,
    )
    from .render import (
        Explorer,
        notebook_html,
        to_html,
        to_pyvis,
        write_html,
    )
    from .report import (
        Report,
        build_report,
        to_report_html,
        to_report_markdown,
        trend_chart,
        write_report,
    )

__all__ = [
    "MEASURES",
    "Communities",
    "Components",
    "Criteria",
    "DataError",
    "Dataset",
    "EdgeType",
    "Explorer",
    "GraphError",
    "GraphFigures",
    "ImportOptions",
    "ImportResult",
    "ImportSummary",
    "Issue",
    "MeasureMethod",
    "MergeReport",
    "NodeRelations",
    "NodeType",
    "Report",
    "SignCounts",
    "StatsResult",
    "Summary",
    "TimeSpan",
    "TriadBalance",
    "UsageError",
    "ValidationReport",
    "Vocabulary",
    "__version__",
    "aggregate",
    "aggregate_table",
    "build_report",
    "communities",
    "counts_by_period",
    "default_dataset_path",
    "export",
    "filter_dataset",
    "find_node",
    "from_frames",
    "graph_figures",
    "import_gdelt",
    "import_icews",
    "load",
    "load_vocabulary",
    "merge",
    "merge_with_report",
    "neighbors",
    "node_measures",
    "notebook_html",
    "pair_scores",
    "pair_series",
    "pair_trend",
    "paths",
    "rank",
    "relation_counts",
    "snapshots",
    "stats",
    "summarize",
    "timeline",
    "to_gexf_graph",
    "to_html",
    "to_multidigraph",
    "to_node_link",
    "to_pyvis",
    "to_report_html",
    "to_report_markdown",
    "trend_chart",
    "triad_balance",
    "validate",
    "write_dataset",
    "write_html",
    "write_report",
]

#: Where each public name lives: the stage package that owns it. Names are imported on first
#: use (PEP 562), so ``import graph`` and the ``graph`` command load only the stages they use.
_EXPORTS: dict[str, str] = {
    "Communities": "analyze",
    "Components": "analyze",
    "GraphFigures": "analyze",
    "MEASURES": "analyze",
    "MeasureMethod": "analyze",
    "NodeRelations": "analyze",
    "SignCounts": "analyze",
    "StatsResult": "analyze",
    "Summary": "analyze",
    "TimeSpan": "analyze",
    "TriadBalance": "analyze",
    "communities": "analyze",
    "counts_by_period": "analyze",
    "graph_figures": "analyze",
    "neighbors": "analyze",
    "node_measures": "analyze",
    "pair_scores": "analyze",
    "pair_series": "analyze",
    "pair_trend": "analyze",
    "paths": "analyze",
    "rank": "analyze",
    "relation_counts": "analyze",
    "snapshots": "analyze",
    "stats": "analyze",
    "summarize": "analyze",
    "timeline": "analyze",
    "triad_balance": "analyze",
    "Criteria": "dataset",
    "Dataset": "dataset",
    "aggregate": "dataset",
    "aggregate_table": "dataset",
    "filter_dataset": "dataset",
    "find_node": "dataset",
    "to_multidigraph": "dataset",
    "DataError": "errors",
    "GraphError": "errors",
    "Issue": "errors",
    "UsageError": "errors",
    "ValidationReport": "errors",
    "ImportOptions": "exchange",
    "ImportResult": "exchange",
    "ImportSummary": "exchange",
    "MergeReport": "exchange",
    "export": "exchange",
    "import_gdelt": "exchange",
    "import_icews": "exchange",
    "merge": "exchange",
    "merge_with_report": "exchange",
    "to_gexf_graph": "exchange",
    "to_node_link": "exchange",
    "write_dataset": "exchange",
    "default_dataset_path": "loading",
    "from_frames": "loading",
    "load": "loading",
    "validate": "loading",
    "EdgeType": "model",
    "NodeType": "model",
    "Vocabulary": "model",
    "load_vocabulary": "model",
    "Explorer": "render",
    "notebook_html": "render",
    "to_html": "render",
    "to_pyvis": "render",
    "write_html": "render",
    "Report": "report",
    "build_report": "report",
    "to_report_html": "report",
    "to_report_markdown": "report",
    "trend_chart": "report",
    "write_report": "report",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its stage package on first use."""
    try:
        package = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'graph' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f".{package}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
