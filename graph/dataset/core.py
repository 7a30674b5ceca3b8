"""The :class:`Dataset`: validated node and edge tables with their vocabulary.

A dataset is made by :mod:`graph.loading` (which checks every cell); the tables stay columnar
and graph views are built from them on demand (:mod:`graph.dataset.build`,
:mod:`graph.dataset.filters`).

>>> import graph
>>> ds = graph.load()
>>> ds.name, len(ds.nodes) > 0
('iran_tajikistan', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..errors import ValidationReport
from ..model.columns import DERIVED_EDGE_COLUMNS, EDGE_COLUMNS, LINE, NODE_COLUMNS
from ..model.metadata import DatasetMetadata
from ..model.vocabulary import Vocabulary
from . import display, filters

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Dataset"]


@dataclass(frozen=True)
class Dataset:
    """Validated node and edge tables with their vocabulary.

    A dataset is made by :func:`graph.load` or :func:`graph.from_frames`, which check
    every cell; there is no need to build one by hand.

    Parameters
    ----------
    name : str
        The folder name (or a given name).
    nodes : pandas.DataFrame
        One row per node: ``id``, ``label``, ``type``, ``country``, ``role``, ``aliases``,
        ``iso3``, ``description``, extra columns, and ``_line`` (line in nodes.csv).
    edges : pandas.DataFrame
        One row per relation: the columns of edges.csv with typed ``weight`` and ``sign``, plus
        ``directed``, ``family``, ``date_start``, ``date_end``, ``date_precision`` and ``_line``.
    vocabulary : Vocabulary
        Node and edge types (built-in, extended by the dataset's ``vocabulary.toml``).
    report : ValidationReport
        The warnings found while loading.
    path : Path or None
        Where the dataset was read from.
    notes : tuple of str
        What was done to the tables since loading, one line per step
        (``'filtered: types visit'``); shown in reports.
    metadata : DatasetMetadata
        Title, description, sources, licence, author and date, from the folder's optional
        ``dataset.toml``; kept by filters and other views (:meth:`with_tables`).

    Notes
    -----
    Cells are stripped strings ("" when empty). Columns with few distinct values (ids,
    endpoints, types, countries, dates) hold Python strings (``object``), one object per
    distinct value; free text (``label``, ``role``, ``aliases``, ``description``,
    ``evidence``, ``citation``), extra columns and edge ids are pandas ``str`` columns backed
    by Arrow, so a million descriptions cost no Python object each.

    Examples
    --------
    >>> ds
    <Dataset 'iran_tajikistan': 22 nodes, 52 edges>
    >>> ds.title
    'Iran–Tajikistan relations'
    >>> ds.nodes[["id", "label", "type"]].head(2)
               id       label   type
    0        iran        Iran  state
    1  tajikistan  Tajikistan  state
    >>> visits = ds.filter(types=["visit"])
    >>> visits.notes, visits.title
    (('filtered: types visit',), 'Iran–Tajikistan relations')
    """

    name: str
    nodes: pd.DataFrame
    edges: pd.DataFrame
    vocabulary: Vocabulary
    report: ValidationReport = field(default_factory=ValidationReport)
    path: Path | None = None
    notes: tuple[str, ...] = ()
    metadata: DatasetMetadata = field(default_factory=DatasetMetadata)

    @property
    def title(self) -> str:
        """What pages, reports and exports call the dataset: the title given in its
        ``dataset.toml`` (:attr:`metadata`), or else its :attr:`name`."""
        return self.metadata.title or self.name

    @property
    def extra_node_columns(self) -> list[str]:
        """Columns of nodes.csv beyond the documented ones."""
        return [c for c in self.nodes.columns if c not in NODE_COLUMNS and c != LINE]

    @property
    def extra_edge_columns(self) -> list[str]:
        """Columns of edges.csv beyond the documented ones."""
        known = {*EDGE_COLUMNS, *DERIVED_EDGE_COLUMNS}
        return [c for c in self.edges.columns if c not in known]

    def with_tables(
        self, nodes: pd.DataFrame, edges: pd.DataFrame, note: str | None = None
    ) -> Dataset:
        """Return a dataset with other (already checked) tables, e.g. after filtering; the
        name, vocabulary, metadata and notes are kept (``note`` is added to the notes)."""
        notes = self.notes + ((note,) if note else ())
        return replace(self, nodes=nodes, edges=edges, notes=notes)

    def filter(self, **criteria: Any) -> Dataset:
        """Keep the relations and actors that match; see :func:`graph.filter_dataset`."""
        return filters.filter_dataset(self, **criteria)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The full graph: one edge per relation, every attribute kept."""
        from .build import to_multidigraph  # networkx, imported when a graph is wanted

        return to_multidigraph(self)

    def aggregate(self, *, by_type: bool = False, directed: bool = False) -> nx.Graph:
        """One weighted edge per pair (or per pair and type); see :func:`graph.aggregate`."""
        from .build import aggregate

        return aggregate(self, by_type=by_type, directed=directed)

    def _repr_html_(self) -> str:
        return display.dataset_html(self)

    def __repr__(self) -> str:
        return f"<Dataset {self.name!r}: {len(self.nodes)} nodes, {len(self.edges)} edges>"
