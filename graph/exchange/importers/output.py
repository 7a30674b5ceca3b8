"""What an import returns and writes: the summary, the tables, and the dataset folder.

The folder holds ``nodes.csv`` and ``edges.csv`` in this project's format (or
``nodes.parquet`` and ``edges.parquet``: ``table_format``), the
``vocabulary.toml`` with the types imports add, ``dataset.toml`` saying what was imported and
how (title, description, sources, the date of the last event: see
:mod:`graph.exchange.importers.describe`), and ``import.json``: the source files (name, size,
sha256), the options and every count. Neither has a timestamp, so the same input gives the
same bytes.

>>> frame = pd.DataFrame({"id": ["a", "b"], "text": ['say "hi", then go', "plain"]})
>>> print(to_csv_text(frame), end="")
id,text
a,"say ""hi"", then go"
b,plain
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...analyze.display import html_table
from ...atomic import atomic_file, atomic_folder, write_text
from ...dataset import Dataset
from ...errors import Issue
from ...loading import from_frames
from ...model.columns import DATASET_FILES, METADATA_FILE, VOCABULARY_FILE
from ...model.metadata import DatasetMetadata, metadata_toml
from ...model.vocabulary import Vocabulary
from ...text import json_text
from ..parquet import write_parquet_tables
from .countries import DATA_DIR

__all__ = [
    "PROVENANCE_FILE",
    "ImportResult",
    "ImportSummary",
    "csv_lines",
    "to_csv_text",
    "write_csv",
]

PROVENANCE_FILE = "import.json"
#: Edge columns the import builds from checked values only: no comma, quote or line break.
SAFE_EDGE_COLUMNS = {
    "id",
    "source",
    "target",
    "type",
    "date",
    "weight",
    "sign",
    "cameo",
    "goldstein",
    "intensity",
    "count",
    "mentions",
    "first_event",
}
_MAX_ISSUES_IN_FILE = 1000


@dataclass
class ImportSummary:
    """Where every row of the input went.

    ``rows_read == imported + sum(filtered) + sum(dropped) + sum(skipped)`` always holds:
    *skipped* rows could not be parsed (each has an :class:`~graph.errors.Issue` with its
    line), *dropped* rows have no usable actor or the same actor on both sides, *filtered*
    rows failed an option. Blank lines are not rows.

    Parameters
    ----------
    format : {"gdelt", "icews"}
        The input format.
    files : list of dict
        Each input file: ``name``, ``bytes``, ``sha256`` and ``rows``.
    options : dict
        The :class:`ImportOptions` used, as plain data.
    rows_read : int
        Event rows read from all files.
    imported : int
        Rows that became relations.
    filtered : dict of str to int
        Rows left out by each option (``{"types": 4}``).
    dropped : dict of str to int
        Rows without a usable actor, per reason (``no-actor``, ``no-country``,
        ``same-actor``).
    skipped : dict of str to int
        Rows that could not be parsed, per issue code (``bad-date``, ``bad-code``...).
    blank_lines : int
        Empty lines (not counted as rows).
    nodes : int
        Actors in the output.
    edges : int
        Relations in the output (links from actors to their states included).
    unresolved : list of str
        Country names in the data that matched no known state.
    notes : list of str
        Remarks about the import for the reader.
    issues : list of Issue
        One per skipped row, with its file and line (the first 10,000, by file and line, in
        an import of more).
    issues_total : int or None
        The issues found, when more than ``issues`` holds.

    Examples
    --------
    >>> summary = graph.ImportSummary("icews", rows_read=5, imported=3,
    ...                               dropped={"no-actor": 1}, skipped={"bad-date": 1})
    >>> summary.consistent
    True
    """

    format: str
    files: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    rows_read: int = 0
    imported: int = 0
    filtered: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    blank_lines: int = 0
    nodes: int = 0
    edges: int = 0
    unresolved: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    issues_total: int | None = None  # when more issues were found than kept in ``issues``

    @property
    def consistent(self) -> bool:
        """True when the counts add up to the rows read."""
        parts = [self.filtered, self.dropped, self.skipped]
        return self.rows_read == self.imported + sum(sum(p.values()) for p in parts)

    def to_dict(self, max_issues: int | None = None) -> dict[str, Any]:
        """The summary as plain data; ``max_issues`` caps the issue list (its length is kept)."""
        shown = self.issues if max_issues is None else self.issues[:max_issues]
        return {
            "format": self.format,
            "files": self.files,
            "options": self.options,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "filtered": self.filtered,
            "dropped": self.dropped,
            "skipped": self.skipped,
            "blank_lines": self.blank_lines,
            "nodes": self.nodes,
            "edges": self.edges,
            "unresolved": self.unresolved,
            "notes": self.notes,
            "issues_total": len(self.issues) if self.issues_total is None else self.issues_total,
            "issues": [i.to_dict() for i in shown],
        }

    def _repr_html_(self) -> str:
        rows = [
            ("files", [f.get("name", "") for f in self.files]),
            ("rows read", self.rows_read),
            ("imported", self.imported),
            ("filtered", self.filtered),
            ("dropped", self.dropped),
            ("skipped", self.skipped),
            ("blank lines", self.blank_lines),
            ("counts add up", self.consistent),
            ("nodes", self.nodes),
            ("edges", self.edges),
            ("unresolved actors", len(self.unresolved)),
            ("issues", len(self.issues)),
            ("notes", self.notes),
        ]
        return html_table(rows, title=f"{self.format} import")


@dataclass
class ImportResult:
    """The imported tables (string cells, as written) with their summary.

    Returned by :func:`graph.import_gdelt` and :func:`graph.import_icews`;
    :meth:`dataset` validates the tables into a :class:`~graph.Dataset`.

    Parameters
    ----------
    summary : ImportSummary
        Where every input row went.
    nodes : pandas.DataFrame
        The actors, in the columns of ``nodes.csv``.
    edges : pandas.DataFrame
        The relations, one per event (or per pair, type and period when aggregated), in
        the columns of ``edges.csv``.
    vocabulary : Vocabulary
        The built-in types plus those imports add.
    path : pathlib.Path or None
        The folder written, if an output folder was given.
    metadata : DatasetMetadata
        What was imported and how (written as ``dataset.toml``; the dataset's title).

    Examples
    --------
    >>> nodes = pd.DataFrame({"id": ["iran", "tajikistan"], "label": ["Iran", "Tajikistan"],
    ...                       "type": ["state", "state"]})
    >>> edges = pd.DataFrame({"id": ["icews-1"], "source": ["iran"], "target": ["tajikistan"],
    ...                       "type": ["visit"], "date": ["2019-06-15"]})
    >>> result = graph.ImportResult(graph.ImportSummary("icews"), nodes, edges,
    ...                             graph.load_vocabulary())
    >>> result.dataset()
    <Dataset 'icews-import': 2 nodes, 1 edges>
    """

    summary: ImportSummary
    nodes: pd.DataFrame
    edges: pd.DataFrame
    vocabulary: Vocabulary
    path: Path | None = None
    metadata: DatasetMetadata = field(default_factory=DatasetMetadata)

    def dataset(self, name: str | None = None) -> Dataset:
        """Validate the tables into a :class:`~graph.Dataset` (no file needed)."""
        label = name or (self.path.name if self.path else f"{self.summary.format}-import")
        return from_frames(
            self.nodes,
            self.edges,
            name=label,
            vocabulary=self.vocabulary,
            metadata=self.metadata,
        )


def _text(value: str) -> pa.Scalar:
    return pa.scalar(value, pa.large_string())


def _quoted(column: pd.Series, safe: bool) -> pa.Array:
    values = pa.array(column.astype("str").fillna(""), type=pa.large_string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if safe:
        return values
    needs = pc.match_substring_regex(values, r'[,"\r\n]')
    if not pc.any(needs).as_py():
        return values
    some = pc.filter(values, needs)
    escaped = pc.binary_join_element_wise(
        _text('"'), pc.replace_substring(some, '"', '""'), _text('"'), _text("")
    )
    return pc.replace_with_mask(values, needs, escaped)


def to_csv_text(frame: pd.DataFrame) -> str:
    """CSV text with minimal quoting (as ``DataFrame.to_csv``), built column-wise."""
    return "".join(chunk.decode("utf-8") for chunk in _csv_chunks(frame, set()))


def _csv_chunks(frame: pd.DataFrame, safe: set[str], rows: int = 500_000) -> Any:
    header = pd.DataFrame([list(frame.columns)], columns=frame.columns)
    yield from _lines(header, set())
    for start in range(0, len(frame), rows):
        yield from _lines(frame.iloc[start : start + rows], safe)


def _lines(frame: pd.DataFrame, safe: set[str]) -> Any:
    if frame.empty:
        return
    columns = [_quoted(frame[c], c in safe) for c in frame.columns]
    comma, newline = _text(","), _text("\n")
    line = pc.binary_join_element_wise(*columns, comma) if len(columns) > 1 else columns[0]
    ended = pc.binary_join_element_wise(line, _text(""), newline)  # "a,b" -> "a,b\n" (no nulls)
    if isinstance(ended, pa.ChunkedArray):  # pragma: no cover - defensive
        ended = ended.combine_chunks()
    offsets = np.frombuffer(ended.buffers()[1], dtype=np.int64)
    start, stop = offsets[ended.offset], offsets[ended.offset + len(ended)]
    yield ended.buffers()[2].to_pybytes()[start:stop]


def csv_lines(frame: pd.DataFrame, safe: set[str] | None = None) -> bytes:
    """The rows of a table as CSV lines (no header), as :func:`write_csv` writes them."""
    step = 500_000
    parts = (_lines(frame.iloc[i : i + step], safe or set()) for i in range(0, len(frame), step))
    return b"".join(chunk for part in parts for chunk in part)


def write_csv(frame: pd.DataFrame, path: Path, safe: set[str] | None = None) -> None:
    """Write a table of strings as CSV (UTF-8, ``\\n`` line ends, minimal quoting) atomically.

    Columns in ``safe`` hold values built by the import that never need quotes (ids, codes,
    numbers); they are not scanned.
    """
    with atomic_file(path) as handle:
        for chunk in _csv_chunks(frame, safe or set()):
            handle.write(chunk)


def write_output(
    result: ImportResult,
    folder: str | Path,
    *,
    table_format: str = "csv",
    edges_file: Path | None = None,
) -> Path:
    """Write the dataset folder and its provenance file; return the folder.

    The folder is built beside ``folder`` and swapped in whole
    (:func:`graph.atomic.atomic_folder`): a failure leaves the old folder as it was.
    ``table_format="parquet"`` writes ``nodes.parquet`` and ``edges.parquet`` instead of the
    CSV files (:func:`graph.exchange.parquet.write_parquet_tables`). ``edges_file``: an
    ``edges.csv`` already written (by a streaming import, on the same file system), moved in
    instead of writing ``result.edges``.
    """
    data = result.summary.to_dict(max_issues=_MAX_ISSUES_IN_FILE)
    with atomic_folder(folder, owned=DATASET_FILES) as tmp:
        if table_format == "parquet":
            write_parquet_tables(result.nodes, result.edges, tmp)
        else:
            write_csv(result.nodes, tmp / "nodes.csv")
            if edges_file is not None:
                os.replace(edges_file, tmp / "edges.csv")
            else:
                write_csv(result.edges, tmp / "edges.csv", SAFE_EDGE_COLUMNS)
        with (
            (DATA_DIR / VOCABULARY_FILE).open("rb") as source,
            atomic_file(tmp / VOCABULARY_FILE) as handle,
        ):
            shutil.copyfileobj(source, handle)
        if not result.metadata.empty:
            comment = "What was imported and how (written by graph import; counts: import.json)"
            write_text(tmp / METADATA_FILE, metadata_toml(result.metadata, comment))
        write_text(tmp / PROVENANCE_FILE, json_text(data, indent=2) + "\n")
    return Path(folder)
