"""Read one Parquet table of a dataset into the same string columns the CSV readers give.

A dataset folder may hold ``nodes.parquet`` and ``edges.parquet`` instead of the CSV files
(docs/format.md, "Parquet tables"): the same columns, read with Arrow and handed to the same
cell checks as Arrow-backed strings (no Python object per cell). What each column may hold
is enforced on the file's schema before any row is read (:func:`column_type_issue`):

* text (``string``, ``large_string``, ``string_view``, dictionary-encoded strings, or a
  column of nulls only) everywhere; a null cell is an empty cell;
* ``weight`` may also be an integer or floating-point column, ``sign`` an integer column:
  their values are written as text (``0.5``, ``-1``) and checked as the CSV cells are;
* ``date`` and ``end_date`` may also be ``date32``/``date64`` columns (ISO ``YYYY-MM-DD``);
* another (extra) column may also be integers, floats, booleans or dates, kept as text.

Any other type (``id`` as integers, a list, a timestamp, bytes) is one ``bad-column-type``
issue naming the column, the type found and the types allowed. A file that is not Parquet,
is cut short or damaged, or holds text that is not UTF-8 is a ``bad-parquet`` issue.

``_line`` holds each row's 1-based position in the file (no header: the first row is 1), and
issues call it ``row`` (:func:`graph.errors.place_word`). Unlike a CSV file, no row is
dropped: a row of empty cells is checked (and reported) as any other.

>>> import tempfile, pathlib, pyarrow as pa, pyarrow.parquet as pq
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
>>> pq.write_table(pa.table({"id": ["x", None], "weight": [0.5, 2.0]}), path)
>>> table = read_parquet_table(path, required=("id",), known=("weight",))
>>> table.frame[["id", "weight", "_line"]].values.tolist(), table.issues
([['x', '0.5', 1], ['', '2', 2]], [])
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import Issue, UsageError
from ..file_checks import is_input_file
from ..issue_codes import IssueCode
from ..model.columns import LINE
from .csv_fast import string_column
from .csv_reader import Table
from .headers import MAX_COLUMNS, missing_columns, normalize_header, reserved_columns

__all__ = ["DATE_COLUMNS", "NUMBER_COLUMNS", "column_type_issue", "read_parquet_table"]

#: Columns that may hold numbers, and the kinds allowed (besides text).
NUMBER_COLUMNS: dict[str, tuple[str, ...]] = {
    "weight": ("integer", "floating"),
    "sign": ("integer",),
}
#: Columns that may hold Arrow dates (``date32``, ``date64``), written as ``YYYY-MM-DD``.
DATE_COLUMNS = frozenset({"date", "end_date"})
#: What a column beyond the documented ones may hold (besides text): kept as text.
_EXTRA_KINDS = ("integer", "floating", "boolean", "date")

_KIND_TESTS = {
    "integer": pa.types.is_integer,
    "floating": pa.types.is_floating,
    "boolean": pa.types.is_boolean,
    "date": pa.types.is_date,
}
_KIND_NAMES = {
    "text": "text (string)",
    "integer": "integers",
    "floating": "floats",
    "boolean": "booleans",
    "date": "dates (date32)",
}
_UTF8_AT = re.compile(r"string index (\d+)")
_SLICE = 1 << 16


def _is_text(kind: pa.DataType) -> bool:
    if pa.types.is_dictionary(kind):
        return _is_text(kind.value_type)
    return (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_string_view(kind)
        or pa.types.is_null(kind)
    )


def column_type_issue(file: str, column: str, kind: pa.DataType, known: bool) -> Issue | None:
    """A ``bad-column-type`` issue when ``column`` may not hold values of Arrow type ``kind``.

    Parameters
    ----------
    file : str
        The file name, for the issue.
    column : str
        The column's name (normalised as in a CSV header).
    kind : pyarrow.DataType
        The column's type in the file's schema.
    known : bool
        Whether the column is one of the table's documented columns; others may also hold
        numbers, booleans and dates.

    Returns
    -------
    Issue or None
        None when the type is allowed.

    Examples
    --------
    >>> print(column_type_issue("nodes.parquet", "id", pa.int64(), True))
    nodes.parquet, column 'id': the column holds int64 values; expected text (string) \
[bad-column-type]
    >>> column_type_issue("edges.parquet", "weight", pa.float32(), True) is None
    True
    """
    if _is_text(kind):
        return None
    allowed: tuple[str, ...]
    if not known:
        allowed = _EXTRA_KINDS
    elif column in NUMBER_COLUMNS:
        allowed = NUMBER_COLUMNS[column]
    elif column in DATE_COLUMNS:
        allowed = ("date",)
    else:
        allowed = ()
    if any(_KIND_TESTS[k](kind) for k in allowed):
        return None
    expected = ", ".join(_KIND_NAMES[k] for k in ("text", *allowed))
    hint = ""
    if pa.types.is_timestamp(kind) and "date" in allowed:
        hint = "; write the days as dates or as text (pandas: df[col].dt.date)"
    return Issue(
        file,
        None,
        column,
        IssueCode.BAD_COLUMN_TYPE,
        f"the column holds {kind} values; expected {expected}{hint}",
        value=str(kind),
    )


def _bad_parquet(file: str, row: int | None, message: str) -> Issue:
    return Issue(file, row, None, IssueCode.BAD_PARQUET, message)


def _empty(file: str, issues: list[Issue]) -> Table:
    return Table(file, pd.DataFrame({LINE: pd.Series([], dtype="int64")}), issues, ok=False)


def _bad_utf8_row(column: pa.ChunkedArray) -> int | None:
    """The 1-based row of the first string that is not UTF-8 (None if all are).

    The Parquet reader does not check UTF-8; slices are validated in turn so that the
    first bad one is found without copying the column (a dictionary-encoded column: its
    distinct values, and the rows only when one of them is bad).
    """
    kind = column.type
    if pa.types.is_dictionary(kind):
        try:
            for chunk in column.chunks:
                chunk.dictionary.validate(full=True)
        except pa.ArrowInvalid:
            return _bad_utf8_row(pc.cast(column, kind.value_type))
        return None
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return None
    start = 0
    for chunk in column.chunks:
        for offset in range(0, len(chunk), _SLICE):
            piece = chunk.slice(offset, _SLICE)
            try:
                piece.validate(full=True)
            except pa.ArrowInvalid as exc:
                found = _UTF8_AT.search(str(exc))
                return start + offset + (int(found.group(1)) if found else 0) + 1
        start += len(chunk)
    return None


def _as_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Cells as strings, a null as an empty string."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        column = pc.cast(column, pa.large_string())
    if column.null_count:
        column = pc.fill_null(column, "")
    return column


def _codes(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A column of few distinct values as one dictionary-encoded chunk with one dictionary."""
    if pa.types.is_dictionary(column.type) and not column.null_count:
        unified = pa.table({"c": column}).unify_dictionaries().column(0)
        return pa.chunked_array([unified.combine_chunks()])
    return pa.chunked_array([_as_text(column).combine_chunks().dictionary_encode()])


def _frame(table: pa.Table, names: list[str], categorical: tuple[str, ...]) -> pd.DataFrame:
    columns: dict[str, object] = {}
    for i, name in enumerate(names):
        column = table.column(i)
        if name in categorical:  # few distinct values: codes into them, as the CSV reader
            columns[name] = string_column(_codes(column))
        else:
            columns[name] = string_column(_as_text(column))
    frame = pd.DataFrame(columns)
    frame[LINE] = np.arange(1, table.num_rows + 1, dtype=np.int64)
    return frame


def _unnamed_index(schema: pa.Schema) -> set[str]:
    """The columns that hold an unnamed pandas index (``__index_level_0__``), left out.

    ``DataFrame.to_parquet`` writes a row index that is not 0, 1, 2 … as such a column; a
    named index (``df.set_index("id")``) is a real column and is kept.
    """
    try:
        described = (schema.pandas_metadata or {}).get("index_columns", [])
    except (ValueError, TypeError):  # metadata that is not JSON: no index is left out
        return set()
    return {
        name
        for name in described
        if isinstance(name, str) and name.startswith("__index_level_") and name in schema.names
    }


def _open(handle: BinaryIO, name: str) -> tuple[pq.ParquetFile | None, list[Issue]]:
    try:
        return pq.ParquetFile(handle), []
    except (pa.ArrowException, OSError, ValueError) as exc:
        return None, [_bad_parquet(name, None, f"not a Parquet file: {exc}")]


def read_parquet_table(
    path: str | Path,
    *,
    required: tuple[str, ...],
    known: tuple[str, ...] = (),
    reserved: tuple[str, ...] = (),
    categorical: tuple[str, ...] = (),
    file: str | None = None,
) -> Table:
    """Read a Parquet file as a table of strings and list what stops it being read.

    Parameters
    ----------
    path : path
        The Parquet file.
    required, known, reserved, categorical, file
        As for :func:`graph.loading.csv_reader.read_table`: the columns that must be
        present, the optional ones (matched case-insensitively), the names no column may
        have, the columns returned as ``pandas.Categorical`` and the name used in issues.

    Returns
    -------
    Table
        ``frame`` has one string column per column of the file and ``_line`` (the 1-based
        row); ``issues`` lists ``missing-file``, ``empty-file``, ``bad-parquet``,
        ``duplicate-column``, ``reserved-column``, ``missing-column`` and
        ``bad-column-type`` problems.

    Raises
    ------
    UsageError
        If ``path`` exists but cannot be read as a file (a folder, a named pipe, a broken
        symbolic link, no read permission).
    """
    path = Path(path)
    name = file or path.name
    if not is_input_file(path):
        issue = Issue(name, None, None, IssueCode.MISSING_FILE, f"{path} does not exist")
        return _empty(name, [issue])
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise UsageError(f"{path} cannot be read: {exc.strerror or exc}") from None
    with handle:
        if path.stat().st_size == 0:
            issue = Issue(name, None, None, IssueCode.EMPTY_FILE, "the file is empty")
            return _empty(name, [issue])
        parquet, issues = _open(handle, name)
        if parquet is None:
            return _empty(name, issues)
        return _read(handle, parquet, name, required, known, reserved, categorical)


def _read(
    handle: BinaryIO,
    parquet: pq.ParquetFile,
    name: str,
    required: tuple[str, ...],
    known: tuple[str, ...],
    reserved: tuple[str, ...],
    categorical: tuple[str, ...],
) -> Table:
    schema = parquet.schema_arrow
    unnamed_index = _unnamed_index(schema)
    fields = [f for f in schema if f.name not in unnamed_index]
    header = [str(f.name) for f in fields]
    if len(header) > MAX_COLUMNS:
        message = f"{len(header):,} columns; a table may have at most {MAX_COLUMNS:,}"
        return _empty(name, [_bad_parquet(name, None, message)])
    names = normalize_header(header, required + known)
    counts = Counter(names)
    issues = [
        Issue(
            name,
            None,
            dup,
            IssueCode.DUPLICATE_COLUMN,
            f"column '{dup}' appears more than once",
            dup,
        )
        for dup in sorted(n for n, c in counts.items() if c > 1)
    ]
    issues += reserved_columns(name, names, reserved, at=None)
    issues += missing_columns(name, names, header, required, at=None)
    documented = set(required) | set(known)
    for column, field in zip(names, fields, strict=True):
        wrong = column_type_issue(name, column, field.type, column in documented)
        if wrong is not None:
            issues.append(wrong)
    if any(i.code != IssueCode.RESERVED_COLUMN for i in issues):
        return _empty(name, issues)
    # Columns of few distinct values come as Parquet's own dictionary: no string per row.
    coded = [
        raw
        for raw, column, field in zip(header, names, fields, strict=True)
        if column in categorical and _is_text(field.type) and not pa.types.is_null(field.type)
    ]
    try:
        if coded:
            handle.seek(0)
            parquet = pq.ParquetFile(handle, read_dictionary=coded)
        table = parquet.read(header if unnamed_index else None, use_threads=True)
    except (pa.ArrowException, OSError, ValueError) as exc:
        message = f"the file cannot be read (cut short or damaged?): {exc}"
        return _empty(name, [*issues, _bad_parquet(name, None, message)])
    for column, values in zip(names, table.columns, strict=True):
        row = _bad_utf8_row(values)
        if row is not None:
            message = f"column '{column}' holds bytes that are not UTF-8 text; write it as UTF-8"
            return _empty(name, [*issues, _bad_parquet(name, row, message)])
    return Table(name, _frame(table, names, categorical), issues)
