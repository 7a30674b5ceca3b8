"""What an import returns and writes: the summary, the tables, and the dataset folder.

The folder holds ``nodes.csv`` and ``edges.csv`` in this project's format, the
``vocabulary.toml`` with the types imports add, and ``import.json``: the source files (name,
size, sha256), the options and every count, without a timestamp, so the same input gives the
same bytes.

>>> frame = pd.DataFrame({"id": ["a", "b"], "text": ['say "hi", then go', "plain"]})
>>> print(to_csv_text(frame), end="")
id,text
a,"say ""hi"", then go"
b,plain
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ...atomic import atomic_path, write_text
from ...dataset import Dataset
from ...errors import Issue, UsageError
from ...loading import from_frames
from ...model.columns import VOCABULARY_FILE
from ...model.vocabulary import Vocabulary
from .countries import DATA_DIR

__all__ = ["PROVENANCE_FILE", "ImportResult", "ImportSummary", "to_csv_text", "write_csv"]

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
            "issues_total": len(self.issues),
            "issues": [i.to_dict() for i in shown],
        }


@dataclass
class ImportResult:
    """The imported tables (string cells, as written) with their summary."""

    summary: ImportSummary
    nodes: pd.DataFrame
    edges: pd.DataFrame
    vocabulary: Vocabulary
    path: Path | None = None

    def dataset(self, name: str | None = None) -> Dataset:
        """Validate the tables into a :class:`~graph.Dataset` (no file needed)."""
        label = name or (self.path.name if self.path else f"{self.summary.format}-import")
        return from_frames(self.nodes, self.edges, name=label, vocabulary=self.vocabulary)


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


def write_csv(frame: pd.DataFrame, path: Path, safe: set[str] | None = None) -> None:
    """Write a table of strings as CSV (UTF-8, ``\\n`` line ends, minimal quoting) atomically.

    Columns in ``safe`` hold values built by the import that never need quotes (ids, codes,
    numbers); they are not scanned.
    """
    with atomic_path(path) as tmp, tmp.open("wb") as handle:
        for chunk in _csv_chunks(frame, safe or set()):
            handle.write(chunk)


def write_output(result: ImportResult, folder: str | Path) -> Path:
    """Write the dataset folder and its provenance file; return the folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file; the import writes a folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(result.nodes, folder / "nodes.csv")
    write_csv(result.edges, folder / "edges.csv", SAFE_EDGE_COLUMNS)
    with atomic_path(folder / VOCABULARY_FILE) as tmp:
        shutil.copyfile(DATA_DIR / VOCABULARY_FILE, tmp)
    data = result.summary.to_dict(max_issues=_MAX_ISSUES_IN_FILE)
    write_text(folder / PROVENANCE_FILE, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return folder
