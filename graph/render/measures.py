"""The node measure that sizes nodes on a page.

Measures are those of :func:`graph.analyze.node_measures` (undirected view, one link per pair,
self-loops removed): ``degree`` is the number of distinct partners (computed here from the
pair table, without the other measures), ``pagerank`` is weighted by the summed relation
weights, ``betweenness`` counts hops (computed only when asked).

>>> from graph import load
>>> ds = load()
>>> degree = node_measure(ds, "degree")
>>> degree.index.equals(pd.Index(ds.nodes["id"])), int(degree["tajikistan"]) > 3
(True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..analyze import node_measures
from ..dataset.build import aggregate_table
from ..errors import UsageError
from .choices import SIZE_MEASURES

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["node_measure"]


def node_measure(dataset: Dataset, name: str) -> pd.Series:
    """One value per node of ``dataset`` (indexed by id, in node order).

    Parameters
    ----------
    name : {"degree", "pagerank", "betweenness"}

    Raises
    ------
    UsageError
        For another name.
    """
    if name not in SIZE_MEASURES:
        raise UsageError(f"unknown measure '{name}'; expected one of: {', '.join(SIZE_MEASURES)}")
    ids = pd.Index(dataset.nodes["id"], name="id")
    if name == "degree":  # vectorized: distinct partners from the pair table
        pairs = aggregate_table(dataset)
        pairs = pairs[pairs["source"] != pairs["target"]]
        ends = pd.concat([pairs["source"], pairs["target"]], ignore_index=True)
        return ends.value_counts().reindex(ids, fill_value=0).astype(float).rename(name)
    table = node_measures(dataset).set_index("id")
    return table[name].astype(float).reindex(ids, fill_value=0.0).rename(name)
