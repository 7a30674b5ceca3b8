"""Read a dataset folder: ``load``, ``validate`` and ``from_frames``.

``load(path)`` reads a folder with ``nodes.csv`` and ``edges.csv`` (and optionally
``vocabulary.toml``), checks everything and raises one :class:`~graph.errors.DataError`
listing every problem, or returns a :class:`~graph.Dataset`.

>>> ds = load()
>>> ds.name
'iran_tajikistan'
>>> bool(ds.nodes["id"].is_unique), "tajikistan" in set(ds.nodes["id"])
(True, True)
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..dataset.core import Dataset
from ..errors import DataError, UsageError, ValidationReport
from ..model.columns import (
    EDGE_COLUMNS,
    EDGE_REQUIRED,
    EDGES_FILE,
    FREE_TEXT,
    LINE,
    NODE_COLUMNS,
    NODE_REQUIRED,
    NODES_FILE,
    VOCABULARY_FILE,
)
from ..model.vocabulary import Vocabulary, load_vocabulary
from .csv_reader import read_table
from .edge_checks import check_edges
from .node_checks import check_nodes

__all__ = ["default_dataset_path", "from_frames", "load", "validate"]

_PACKAGE = Path(__file__).resolve().parent.parent


def default_dataset_path() -> Path:
    """The bundled Iran–Tajikistan dataset (inside the wheel, or ``data/`` in a checkout)."""
    for candidate in (
        _PACKAGE / "data" / "iran_tajikistan",
        _PACKAGE.parent / "data" / "iran_tajikistan",
    ):
        if (candidate / NODES_FILE).is_file():
            return candidate
    return _PACKAGE.parent / "data" / "iran_tajikistan"


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
