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

from .build import aggregate, aggregate_table, to_multidigraph
from .dataset import Dataset, default_dataset_path, from_frames, load, validate
from .errors import DataError, GraphError, Issue, UsageError, ValidationReport
from .export import export, to_gexf_graph, to_node_link, write_dataset
from .filters import Criteria, filter_dataset
from .schema import EdgeType, NodeType, Vocabulary, load_vocabulary
from .summary import relation_counts, summarize

__all__ = [
    "Criteria",
    "DataError",
    "Dataset",
    "EdgeType",
    "GraphError",
    "Issue",
    "NodeType",
    "UsageError",
    "ValidationReport",
    "Vocabulary",
    "__version__",
    "aggregate",
    "aggregate_table",
    "default_dataset_path",
    "export",
    "filter_dataset",
    "from_frames",
    "load",
    "load_vocabulary",
    "relation_counts",
    "summarize",
    "to_gexf_graph",
    "to_multidigraph",
    "to_node_link",
    "validate",
    "write_dataset",
]
