"""Read a dataset folder: ``load``, ``validate`` and ``from_frames``.

``load(path)`` reads a folder with ``nodes.csv`` and ``edges.csv`` (either may be Parquet
instead: ``nodes.parquet``, ``edges.parquet``; :mod:`graph.loading.parquet_reader`) and
optionally ``vocabulary.toml`` and ``dataset.toml``, checks everything and raises one
:class:`~graph.errors.DataError` listing every problem, or returns a :class:`~graph.Dataset`.

>>> ds = load()
>>> ds.name
'iran_tajikistan'
>>> bool(ds.nodes["id"].is_unique), "tajikistan" in set(ds.nodes["id"])
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..dataset.core import Dataset
from ..errors import DataError, Issue, UsageError, ValidationReport
from ..file_checks import is_input_file
from ..issue_codes import IssueCode
from ..model.columns import (
    DERIVED_EDGE_COLUMNS,
    EDGE_COLUMNS,
    EDGE_REQUIRED,
    EDGES_FILE,
    EDGES_PARQUET,
    FREE_TEXT,
    LINE,
    NODE_COLUMNS,
    NODE_REQUIRED,
    NODES_FILE,
    NODES_PARQUET,
    VOCABULARY_FILE,
)
from ..model.metadata import DatasetMetadata, check_metadata, read_metadata
from ..model.vocabulary import Vocabulary, load_vocabulary
from .csv_reader import Table, read_table
from .edge_checks import check_edges
from .headers import reserved_columns
from .node_checks import check_nodes
from .parquet_reader import read_parquet_table

__all__ = ["default_dataset_path", "from_frames", "load", "validate"]

_PACKAGE = Path(__file__).resolve().parent.parent


def default_dataset_path() -> Path:
    """The folder of the bundled Iran–Tajikistan dataset.

    It lies inside the installed package, or under ``data/`` in a source checkout.

    Returns
    -------
    pathlib.Path
        The dataset folder (it holds ``nodes.csv`` and ``edges.csv``).

    See Also
    --------
    load : Read this folder (the default when no path is given).

    Examples
    --------
    >>> folder = graph.default_dataset_path()
    >>> folder.name, (folder / "nodes.csv").is_file()
    ('iran_tajikistan', True)
    """
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
    files: tuple[str, str] = (NODES_FILE, EDGES_FILE),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes, issues = check_nodes(nodes, vocab, file=files[0])
    report.extend(issues)
    edges, issues = check_edges(edges, nodes, vocab, files=files)
    report.extend(issues)
    return nodes.reset_index(drop=True), edges.reset_index(drop=True)


def _read_any(folder: Path, csv_name: str, parquet_name: str, **columns: Any) -> Table:
    """Read a table from its CSV or its Parquet file, whichever the folder holds.

    Both present is a ``duplicate-table`` issue (the loader does not choose); neither is a
    ``missing-file`` issue naming both.
    """
    csv_path, parquet_path = folder / csv_name, folder / parquet_name
    if is_input_file(parquet_path):
        if csv_path.is_symlink() or csv_path.exists():
            message = (
                f"the folder holds both {csv_name} and {parquet_name}; keep one of them "
                "(remove the other, or move it out of the folder)"
            )
            issue = Issue(parquet_name, None, None, IssueCode.DUPLICATE_TABLE, message)
            return Table(parquet_name, pd.DataFrame({LINE: []}), [issue], ok=False)
        return read_parquet_table(parquet_path, **columns)
    if not (csv_path.is_symlink() or csv_path.exists()):
        message = f"{csv_path} does not exist (nor does {parquet_name})"
        issue = Issue(csv_name, None, None, IssueCode.MISSING_FILE, message)
        return Table(csv_name, pd.DataFrame({LINE: []}), [issue], ok=False)
    return read_table(csv_path, **columns)


def _read(path: Path) -> tuple[Dataset | None, ValidationReport]:
    metadata, issues = read_metadata(path)
    report = ValidationReport(issues)
    vocab_file = path / VOCABULARY_FILE
    try:
        vocab = load_vocabulary(vocab_file if vocab_file.is_file() else None)
    except DataError as exc:
        report.extend(exc.report.issues)
        return None, report.sorted()
    node_table = _read_any(
        path,
        NODES_FILE,
        NODES_PARQUET,
        required=NODE_REQUIRED,
        known=NODE_COLUMNS,
        reserved=(LINE,),
    )
    coded = tuple(c for c in EDGE_COLUMNS if c not in FREE_TEXT and c != "id")
    edge_table = _read_any(
        path,
        EDGES_FILE,
        EDGES_PARQUET,
        required=EDGE_REQUIRED,
        known=EDGE_COLUMNS,
        reserved=DERIVED_EDGE_COLUMNS,
        categorical=coded,
    )
    report.extend(node_table.issues + edge_table.issues)
    if not (node_table.ok and edge_table.ok):
        return None, report.sorted()
    files = (node_table.file, edge_table.file)
    nodes, edges = _check(node_table.frame, edge_table.frame, vocab, report, files)
    folder = path.resolve()
    dataset = Dataset(
        folder.name, nodes, edges, vocab, ValidationReport(), folder, metadata=metadata
    )
    return dataset, report.sorted()


def _resolve(path: str | Path | None) -> Path:
    folder = Path(path) if path is not None else default_dataset_path()
    if not folder.exists():
        raise UsageError(f"{folder} does not exist; give a folder with nodes.csv and edges.csv")
    if folder.is_file():
        if folder.name in (NODES_FILE, EDGES_FILE, NODES_PARQUET, EDGES_PARQUET):
            return folder.parent
        raise UsageError(f"{folder} is a file; give the folder that holds nodes.csv and edges.csv")
    if not folder.is_dir():
        raise UsageError(
            f"{folder} is neither a folder nor a file (a named pipe, a device …); give the "
            "folder that holds nodes.csv and edges.csv"
        )
    return folder


def validate(path: str | Path | None = None) -> ValidationReport:
    """Check a dataset folder and return every problem found (errors and warnings).

    Unlike :func:`load`, this never raises for bad data: it lists every problem (a node
    type not in the vocabulary, a relation to an unknown actor, a bad date) with its file,
    line and column, so all of them can be fixed at once.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The dataset folder, holding ``nodes.csv`` and ``edges.csv`` or their Parquet
        versions (and optionally ``vocabulary.toml`` and ``dataset.toml``); the path of one
        of those tables also works. Default: the bundled Iran–Tajikistan dataset.

    Returns
    -------
    ValidationReport
        Every issue found; ``report.valid`` is true when there is no error.

    Raises
    ------
    UsageError
        If ``path`` does not exist, or a file in it exists but cannot be read (a folder
        named ``nodes.csv``, a named pipe, a broken link, no read permission).

    See Also
    --------
    load : Read the folder, raising :class:`DataError` if it is invalid.

    Examples
    --------
    >>> validate().valid
    True

    A relation whose target is misspelled:

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "nodes.csv").write_text("id,label,type\\niran,Iran,state\\n")
    >>> _ = (folder / "edges.csv").write_text("source,target,type\\niran,tajikstan,visit\\n")
    >>> report = validate(folder)
    >>> report.valid
    False
    >>> print(report.errors[0])
    edges.csv line 2, column 'target': 'tajikstan' is not a node id [dangling-edge]
    """
    return _read(_resolve(path))[1]


def load(path: str | Path | None = None) -> Dataset:
    """Read and validate a dataset folder (default: the bundled Iran–Tajikistan dataset).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The dataset folder, holding ``nodes.csv`` (the actors) and ``edges.csv`` (the
        dated relations between them), and optionally ``vocabulary.toml`` (extra node and
        relation types) and ``dataset.toml`` (title, description, sources, licence, author,
        date: :class:`~graph.DatasetMetadata`). Either table may be a Parquet file instead
        (``nodes.parquet``, ``edges.parquet``: the same columns; issues name its rows), but
        not both for one table. The path of one of the tables also works. Default: the
        bundled Iran–Tajikistan dataset.

    Returns
    -------
    Dataset
        The checked actors and relations, with the vocabulary, the metadata
        (``dataset.metadata``, ``dataset.title``) and any warnings in ``dataset.report``.

    Raises
    ------
    DataError
        With every problem found, if there is any error (warnings do not raise).
    UsageError
        If ``path`` does not exist or is not a dataset folder, or a file in it exists but
        cannot be read (a folder named ``nodes.csv``, a named pipe, no read permission).

    See Also
    --------
    validate : List the problems without raising.
    from_frames : Build a dataset from in-memory tables.

    Examples
    --------
    >>> ds = graph.load()
    >>> ds
    <Dataset 'iran_tajikistan': 22 nodes, 52 edges>
    >>> ds.title, ds.metadata.created
    ('Iran–Tajikistan relations', datetime.date(2026, 11, 29))
    >>> ds.nodes.loc[ds.nodes["id"] == "iran", "label"].item()
    'Iran'
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
    metadata: DatasetMetadata | Mapping[str, Any] | None = None,
) -> Dataset:
    """Validate in-memory tables (string cells, as in the CSV files) into a dataset.

    Row numbers in issues are the lines the rows would have in a CSV file (header = 1).
    As in the files, a column named like one the loader adds (``_line``; in ``edges`` also
    ``directed``, ``family``, ``date_start``, ``date_end``, ``date_precision``) is a
    ``reserved-column`` error: pass the tables of a loaded dataset without those columns.

    Parameters
    ----------
    nodes : pandas.DataFrame
        The actors, one row each, with the columns of ``nodes.csv`` (at least ``id``,
        ``label`` and ``type``).
    edges : pandas.DataFrame
        The relations, one row each, with the columns of ``edges.csv`` (at least
        ``source``, ``target`` and ``type``).
    name : str, default "dataset"
        The dataset's name, shown in reports and page titles when ``metadata`` gives no
        title.
    vocabulary : Vocabulary, optional
        The node and relation types allowed. Default: the built-in vocabulary.
    metadata : DatasetMetadata or mapping, optional
        The dataset's title, description, sources, licence, author and date. A mapping
        (``{"title": "…", "created": datetime.date(2021, 4, 20)}``) is checked as
        ``dataset.toml`` is, its issues given for the file ``metadata``.

    Returns
    -------
    Dataset
        The checked actors and relations.

    Raises
    ------
    DataError
        With every problem found, if there is any error (warnings do not raise).

    See Also
    --------
    load : Read a dataset folder.

    Examples
    --------
    >>> nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    >>> edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    >>> from_frames(nodes, edges)
    <Dataset 'dataset': 2 nodes, 1 edges>
    >>> from_frames(nodes, edges, metadata={"title": "A and B"}).title
    'A and B'
    """
    vocab = vocabulary or load_vocabulary()
    issues: list[Issue] = []
    if isinstance(metadata, DatasetMetadata):
        meta = metadata
    else:
        meta, issues = check_metadata(metadata or {}, file="metadata")
    report = ValidationReport(
        issues
        + reserved_columns(NODES_FILE, [str(c) for c in nodes.columns], (LINE,))
        + reserved_columns(EDGES_FILE, [str(c) for c in edges.columns], DERIVED_EDGE_COLUMNS)
    )
    nodes = nodes.fillna("").astype(str).assign(**{LINE: range(2, len(nodes) + 2)})
    edges = edges.fillna("").astype(str).assign(**{LINE: range(2, len(edges) + 2)})
    nodes, edges = _check(nodes, edges, vocab, report)
    report = report.sorted()
    if not report.valid:
        raise DataError(report)
    return Dataset(name, nodes, edges, vocab, report, metadata=meta)
