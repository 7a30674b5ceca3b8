"""Data in and out: export to other tools' formats, merge datasets, import event data.

- :func:`export` / :func:`write_dataset`: GraphML, GEXF (with a Gephi timeline), node-link
  JSON, or this project's CSV folder (:mod:`graph.exchange.formats`).
- :func:`merge` / :func:`merge_with_report`: two datasets into one, actors matched by id,
  ISO3 or label (:mod:`graph.exchange.combine`).
- :func:`import_gdelt` / :func:`import_icews`: event data to a dataset
  (:mod:`graph.exchange.importers`).

>>> import graph
>>> data = to_node_link(graph.load())
>>> len(data["nodes"]) > 0
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .combine import MergeReport, merge, merge_with_report, write_merged
from .formats import FORMATS, export, to_gexf_graph, to_node_link, write_dataset
from .importers import ImportOptions, ImportResult, ImportSummary

if TYPE_CHECKING:
    from .importers import import_gdelt, import_icews

__all__ = [
    "FORMATS",
    "ImportOptions",
    "ImportResult",
    "ImportSummary",
    "MergeReport",
    "export",
    "import_gdelt",
    "import_icews",
    "merge",
    "merge_with_report",
    "to_gexf_graph",
    "to_node_link",
    "write_dataset",
    "write_merged",
]


def __getattr__(name: str) -> Any:
    """``import_gdelt`` and ``import_icews`` load their readers on first use."""
    if name not in ("import_gdelt", "import_icews"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(".importers", __name__), name)
    globals()[name] = value
    return value
