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

__version__ = "0.1.0"

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
    snapshots,
    stats,
    timeline,
    triad_balance,
)
from .build import aggregate, aggregate_table, to_multidigraph
from .dataset import Dataset, default_dataset_path, from_frames, load, validate
from .errors import DataError, GraphError, Issue, UsageError, ValidationReport
from .export import export, to_gexf_graph, to_node_link, write_dataset
from .filters import Criteria, filter_dataset
from .importers import ImportOptions, ImportResult, ImportSummary, import_gdelt, import_icews
from .merge import MergeReport, merge, merge_with_report
from .render import Explorer, notebook_html, to_html, write_html
from .report import Report, build_report, to_report_html, to_report_markdown, write_report
from .schema import EdgeType, NodeType, Vocabulary, load_vocabulary
from .summary import relation_counts, summarize

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
