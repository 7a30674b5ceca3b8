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

from ._version import __version__
from .analyze import (
    MEASURES,
    Communities,
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
    to_multidigraph,
)
from .errors import DataError, GraphError, Issue, UsageError, ValidationReport
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
from .loading import default_dataset_path, from_frames, load, validate
from .model import EdgeType, NodeType, Vocabulary, load_vocabulary
from .render import Explorer, notebook_html, to_html, write_html
from .report import Report, build_report, to_report_html, to_report_markdown, write_report

__all__ = [
    "MEASURES",
    "Communities",
    "Criteria",
    "DataError",
    "Dataset",
    "EdgeType",
    "Explorer",
    "GraphError",
    "ImportOptions",
    "ImportResult",
    "ImportSummary",
    "Issue",
    "MergeReport",
    "NodeType",
    "Report",
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
    "to_report_html",
    "to_report_markdown",
    "triad_balance",
    "validate",
    "write_dataset",
    "write_html",
    "write_report",
]
