"""The :class:`Dataset` and the views built from it: filters, networkx graphs, aggregates.

A dataset holds validated node and edge tables (pandas, columnar) and its vocabulary; this
stage selects rows (:func:`filter_dataset`), resolves names people type to node ids
(:func:`find_node`) and builds networkx graphs on demand (:func:`to_multidigraph`,
:func:`aggregate`). It never reads files: :mod:`graph.loading` makes datasets.

>>> import graph
>>> ds = graph.load()
>>> from graph.dataset import aggregate
>>> A = aggregate(ds.filter(start="2019"))
>>> A.number_of_nodes() > 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .build import aggregate, aggregate_table, to_multidigraph
    from .core import Dataset
    from .criteria import Criteria
    from .filters import filter_dataset
    from .names import find_node, node_labels

__all__ = [
    "Criteria",
    "Dataset",
    "aggregate",
    "aggregate_table",
    "filter_dataset",
    "find_node",
    "node_labels",
    "to_multidigraph",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "Criteria": "criteria",
    "Dataset": "core",
    "aggregate": "build",
    "aggregate_table": "build",
    "filter_dataset": "filters",
    "find_node": "names",
    "node_labels": "names",
    "to_multidigraph": "build",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
