"""Write a dataset's tables as Parquet: ``nodes.parquet`` and ``edges.parquet``.

The loader reads these as it reads the CSV files (:mod:`graph.loading.parquet_reader`).
Every column is text (UTF-8 strings, an empty cell as ``""``) except ``weight`` (float64) and
``sign`` (int8), written as numbers when every cell is one (an empty cell is null, which the
loader reads as empty); otherwise they stay text too. The bytes depend on the data only:
zstd compression, no pandas index or pandas metadata, no Arrow schema copy, no timestamp, so
the same tables give the same files (with the same pyarrow, whose version the footer names).
Each file is written atomically (:func:`graph.atomic.atomic_file`).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> nodes = pd.DataFrame({"id": ["a"], "label": ["A"], "type": ["state"]})
>>> edges = pd.DataFrame({"source": ["a"], "target": ["a"], "type": ["visit"], "weight": ["2"]})
>>> write_parquet_tables(nodes, edges, folder)
>>> sorted(p.name for p in folder.iterdir())
['edges.parquet', 'nodes.parquet']
>>> import pyarrow.parquet as pq
>>> pq.read_schema(folder / "edges.parquet").field("weight").type
DataType(double)
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..atomic import atomic_file
from ..model.columns import EDGES_PARQUET, NODES_PARQUET

__all__ = ["COMPRESSION", "parquet_table", "write_parquet", "write_parquet_tables"]

#: The codec of every file written (fixed, so that the bytes are reproducible).
COMPRESSION = "zstd"
#: Rows per row group (pyarrow's default, written out so that it cannot change under us).
_ROW_GROUP = 1 << 20
#: The columns written as numbers, with their Arrow type.
_NUMBERS = {"weight": pa.float64(), "sign": pa.int8()}


def _text(values: pd.Series) -> pa.Array:
    """The column as Arrow strings (a missing cell as an empty string)."""
    if not (pd.api.types.is_string_dtype(values.dtype) or values.dtype == object):
        values = values.astype("str")
    array = pa.array(values, type=pa.large_string(), from_pandas=True)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array.fill_null("") if array.null_count else array


def _number(values: pd.Series, kind: pa.DataType) -> pa.Array | None:
    """The column as numbers of type ``kind`` (an empty cell as null), or None if one is not."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
    else:
        text = values.astype("str").fillna("").str.strip()
        numbers = pd.to_numeric(text.where(text != ""), errors="coerce").to_numpy(dtype=float)
        if (np.isnan(numbers) & (text != "").to_numpy()).any():
            return None  # a cell that is not a number: kept as text, the loader reports it
    empty = np.isnan(numbers)
    if pa.types.is_integer(kind):
        filled = numbers[~empty]
        if (filled != np.round(filled)).any() or (np.abs(filled) > 127).any():
            return None
        return pa.array(np.where(empty, 0, numbers).astype(np.int8), type=kind, mask=empty)
    return pa.array(numbers, type=kind, mask=empty if empty.any() else None)


def parquet_table(frame: pd.DataFrame) -> pa.Table:
    """The Arrow table written for ``frame``: text columns, ``weight``/``sign`` as numbers.

    Parameters
    ----------
    frame : pandas.DataFrame
        A node or edge table (string cells, or a loaded dataset's typed columns).

    Returns
    -------
    pyarrow.Table
        One column per column of ``frame``, in order, without schema metadata.

    Examples
    --------
    >>> table = parquet_table(pd.DataFrame({"id": ["x"], "sign": ["-1"]}))
    >>> table.schema.types
    [DataType(large_string), DataType(int8)]
    """
    columns: dict[str, pa.Array] = {}
    for name in frame.columns:
        values = frame[name]
        number = _number(values, _NUMBERS[name]) if name in _NUMBERS else None
        columns[str(name)] = number if number is not None else _text(values)
    return pa.table(columns)


def write_parquet(frame: pd.DataFrame, path: str | Path) -> None:
    """Write one table as a Parquet file, atomically and reproducibly (see the module).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
    >>> write_parquet(pd.DataFrame({"id": ["x"]}), path)
    >>> first = path.read_bytes()
    >>> write_parquet(pd.DataFrame({"id": ["x"]}), path)
    >>> path.read_bytes() == first
    True
    """
    table = parquet_table(frame)
    sink = pa.BufferOutputStream()
    pq.write_table(
        table,
        sink,
        compression=COMPRESSION,
        row_group_size=_ROW_GROUP,
        store_schema=False,
        write_statistics=True,
    )
    buffer = sink.getvalue()
    view = memoryview(buffer)
    with atomic_file(path) as handle:
        for start in range(0, len(view), 1 << 24):
            handle.write(view[start : start + (1 << 24)])


def write_parquet_tables(nodes: pd.DataFrame, edges: pd.DataFrame, folder: str | Path) -> None:
    """Write ``nodes.parquet`` and ``edges.parquet`` into ``folder`` (each file atomically).

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        The tables, in the columns of ``nodes.csv`` and ``edges.csv`` (without the columns
        the loader adds).
    folder : str or pathlib.Path
        The folder (created if needed); to replace a dataset folder whole, give the
        temporary folder of :func:`graph.atomic.atomic_folder`.

    See Also
    --------
    graph.write_dataset : A whole dataset folder, ``table_format="parquet"``.
    """
    folder = Path(folder)
    write_parquet(nodes, folder / NODES_PARQUET)
    write_parquet(edges, folder / EDGES_PARQUET)
