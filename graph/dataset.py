"""A dataset: the validated node and edge tables and their vocabulary.

``load(path)`` reads a folder with ``nodes.csv`` and ``edges.csv`` (and optionally
``vocabulary.toml``), checks everything and raises one :class:`~graph.errors.DataError`
listing every problem, or returns a :class:`Dataset`. Graph views are built from it on demand
(:mod:`graph.build`); the tables stay columnar.

>>> ds = load()
>>> ds.name
'iran_tajikistan'
>>> bool(ds.nodes["id"].is_unique), "tajikistan" in set(ds.nodes["id"])
(True, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .cells import FREE_TEXT
from .csvio import LINE, read_table
from .errors import DataError, UsageError, ValidationReport
from .schema import (
    EDGE_COLUMNS,
    EDGE_REQUIRED,
    NODE_COLUMNS,
    NODE_REQUIRED,
    VOCABULARY_FILE,
    Vocabulary,
    load_vocabulary,
)
from .validate import EDGES_FILE, NODES_FILE, check_nodes
from .validate_edges import check_edges

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Dataset", "default_dataset_path", "from_frames", "load", "validate"]

_PACKAGE = Path(__file__).resolve().parent


def default_dataset_path() -> Path:
    """The bundled Iran–Tajikistan dataset (inside the wheel, or ``data/`` in a checkout)."""
    for candidate in (
        _PACKAGE / "data" / "iran_tajikistan",
        _PACKAGE.parent / "data" / "iran_tajikistan",
    ):
        if (candidate / NODES_FILE).is_file():
            return candidate
    return _PACKAGE.parent / "data" / "iran_tajikistan"


@dataclass(frozen=True)
class Dataset:
    """Validated node and edge tables with their vocabulary.

    Attributes
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

    Notes
    -----
    Cells are stripped strings ("" when empty). Columns with few distinct values (ids,
    endpoints, types, countries, dates) hold Python strings (``object``), one object per
    distinct value; free text (``label``, ``role``, ``aliases``, ``description``,
    ``evidence``, ``citation``), extra columns and edge ids are pandas ``str`` columns backed
    by Arrow, so a million descriptions cost no Python object each.
    """

    name: str
    nodes: pd.DataFrame
    edges: pd.DataFrame
    vocabulary: Vocabulary
    report: ValidationReport = field(default_factory=ValidationReport)
    path: Path | None = None
    notes: tuple[str, ...] = ()

    @property
    def extra_node_columns(self) -> list[str]:
        """Columns of nodes.csv beyond the documented ones."""
        return [c for c in self.nodes.columns if c not in NODE_COLUMNS and c != LINE]

    @property
    def extra_edge_columns(self) -> list[str]:
        """Columns of edges.csv beyond the documented ones."""
        derived = {"directed", "family", "date_start", "date_end", "date_precision", LINE}
        return [c for c in self.edges.columns if c not in EDGE_COLUMNS and c not in derived]

    def with_tables(
        self, nodes: pd.DataFrame, edges: pd.DataFrame, note: str | None = None
    ) -> Dataset:
        """Return a dataset with other (already checked) tables, e.g. after filtering."""
        notes = self.notes + ((note,) if note else ())
        return replace(self, nodes=nodes, edges=edges, notes=notes)

    def filter(self, **criteria: Any) -> Dataset:
        """Keep the relations and actors that match; see :func:`graph.filters.filter_dataset`."""
        from .filters import filter_dataset

        return filter_dataset(self, **criteria)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The full graph: one edge per relation, every attribute kept."""
        from .build import to_multidigraph

        return to_multidigraph(self)

    def aggregate(self, *, by_type: bool = False, directed: bool = False) -> nx.Graph:
        """One weighted edge per pair (or per pair and type); see :func:`graph.build.aggregate`."""
        from .build import aggregate

        return aggregate(self, by_type=by_type, directed=directed)

    def _repr_html_(self) -> str:
        from .display import dataset_html

        return dataset_html(self)

    def __repr__(self) -> str:
        return f"<Dataset {self.name!r}: {len(self.nodes)} nodes, {len(self.edges)} edges>"


def _check(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    vocab: Vocabulary,
    report: ValidationReport,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes, issues = check_nodes(nodes, vocab)
    report.extend(issues)
    edges, issues = check_edges(edges, nodes, vocab)
    report.extend(issues)
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def _read(path: Path) -> tuple[Dataset | None, ValidationReport]:
    report = ValidationReport()
    vocab_file = path / VOCABULARY_FILE
    try:
        vocab = load_vocabulary(vocab_file if vocab_file.is_file() else None)
    except DataError as exc:
        return None, exc.report
    node_table = read_table(path / NODES_FILE, required=NODE_REQUIRED, known=NODE_COLUMNS)
    coded = tuple(c for c in EDGE_COLUMNS if c not in FREE_TEXT and c != "id")
    edge_table = read_table(
        path / EDGES_FILE, required=EDGE_REQUIRED, known=EDGE_COLUMNS, categorical=coded
    )
    report.extend(node_table.issues + edge_table.issues)
    if not (node_table.ok and edge_table.ok):
        return None, report.sorted()
    nodes, edges = _check(node_table.frame, edge_table.frame, vocab, report)
    folder = path.resolve()
    dataset = Dataset(folder.name, nodes, edges, vocab, ValidationReport(), folder)
    return dataset, report.sorted()


def _resolve(path: str | Path | None) -> Path:
    folder = Path(path) if path is not None else default_dataset_path()
    if not folder.exists():
        raise UsageError(f"{folder} does not exist; give a folder with nodes.csv and edges.csv")
    if folder.is_file():
        if folder.name in (NODES_FILE, EDGES_FILE):
            return folder.parent
        raise UsageError(f"{folder} is a file; give the folder that holds nodes.csv and edges.csv")
    return folder


def validate(path: str | Path | None = None) -> ValidationReport:
    """Check a dataset folder and return every problem found (errors and warnings).

    Raises
    ------
    UsageError
        If ``path`` does not exist.

    >>> validate().valid
    True
    """
    return _read(_resolve(path))[1]


def load(path: str | Path | None = None) -> Dataset:
    """Read and validate a dataset folder (default: the bundled Iran–Tajikistan dataset).

    Raises
    ------
    DataError
        With every problem found, if there is any error (warnings do not raise).
    UsageError
        If ``path`` does not exist or is not a dataset folder.
    """
    dataset, report = _read(_resolve(path))
    if dataset is None or not report.valid:
        raise DataError(report)
    return replace(dataset, report=report)


def from_frames(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    name: str = "dataset",
    vocabulary: Vocabulary | None = None,
) -> Dataset:
    """Validate in-memory tables (string cells, as in the CSV files) into a dataset.

    Row numbers in issues are the lines the rows would have in a CSV file (header = 1).

    >>> nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    >>> edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    >>> from_frames(nodes, edges)
    <Dataset 'dataset': 2 nodes, 1 edges>
    """
    vocab = vocabulary or load_vocabulary()
    report = ValidationReport()
    nodes = nodes.fillna("").astype(str).assign(**{LINE: range(2, len(nodes) + 2)})
    edges = edges.fillna("").astype(str).assign(**{LINE: range(2, len(edges) + 2)})
    nodes, edges = _check(nodes, edges, vocab, report)
    report = report.sorted()
    if not report.valid:
        raise DataError(report)
    return Dataset(name, nodes, edges, vocab, report)
