"""How big a cell may be: :data:`MAX_CELL`, and the issues for cells and records beyond it.

Python's csv module refuses cells over 131,072 characters; the readers raise that limit to
64 MiB once, and a longer cell is one ``bad-csv`` issue naming its line and column instead of
an unexpected error.

>>> MAX_CELL
67108864
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from ..errors import Issue
from ..issue_codes import IssueCode
from ..model.columns import LINE

__all__ = ["MAX_CELL", "allow_large_cells", "cells_too_long", "oversized_record"]


#: The longest cell read, in characters (64 MiB): a longer one is a ``bad-csv`` issue.
MAX_CELL = 64 << 20


def allow_large_cells() -> None:
    """Raise the csv module's cell limit (131,072 characters) to :data:`MAX_CELL`.

    The limit is process-wide; it is only ever raised here, never lowered, so that another
    thread reading meanwhile never sees a smaller one.
    """
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)


def cells_too_long(frame: pd.DataFrame, file: str) -> list[Issue]:
    """One ``bad-csv`` issue per cell longer than :data:`MAX_CELL`.

    Only files over :data:`MAX_CELL` bytes are scanned; a categorical column is checked on
    its distinct values, an Arrow string column in Arrow.

    >>> frame = pd.DataFrame({"a": pd.Categorical(["x", "y"]), "b": ["", "z"], LINE: [2, 3]})
    >>> cells_too_long(frame, "t.csv")
    []
    """
    issues: list[Issue] = []
    for col in frame.columns.drop(LINE, errors="ignore"):
        values = frame[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            long = np.asarray(values.cat.categories.astype(str).str.len() > MAX_CELL, bool)
            if not long.any():
                continue
            codes = values.cat.codes.to_numpy()
            rows = np.flatnonzero((codes >= 0) & long[codes])
        else:
            lengths = values.astype(str).str.len().to_numpy(dtype=float, na_value=0.0)
            rows = np.flatnonzero(lengths > MAX_CELL)
        lines = frame[LINE].to_numpy()[rows]
        issues += [_too_long(file, int(line), str(col)) for line in lines.tolist()]
    return issues


def _too_long(file: str, line: int | None, column: str | None) -> Issue:
    return Issue(
        file,
        line,
        column,
        IssueCode.BAD_CSV,
        f"a cell is longer than {MAX_CELL >> 20} MiB ({MAX_CELL:,} characters), the most "
        "that is read; split it, or check for a quote that is never closed",
    )


def oversized_record(text: str, names: list[str], file: str) -> Issue:
    """Locate the record whose cell broke the csv module's limit: its line and column."""
    reader = csv.reader(io.StringIO(text))
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error:
        pass
    offset = 0
    for _ in range(start - 1):
        offset = text.index("\n", offset) + 1
    index = _long_field_index(text, offset)
    column = names[index] if index is not None and index < len(names) else None
    return _too_long(file, start, column)


def _long_field_index(text: str, offset: int) -> int | None:
    r"""Position of the first field over :data:`MAX_CELL` in the record starting at ``offset``.

    >>> _long_field_index('a,"b\n' + "x" * (MAX_CELL + 1) + '"\n', 0)
    1
    """
    index, pos, end = 0, offset, len(text)
    while pos < end:
        if text.startswith('"', pos):
            close = pos + 1
            while True:
                close = text.find('"', close)
                if close < 0 or not text.startswith('"', close + 1):
                    break
                close += 2
            stop = end if close < 0 else close + 1
        else:
            stops = [i for i in (text.find(",", pos), text.find("\n", pos)) if i >= 0]
            stop = min(stops) if stops else end
        if stop - pos > MAX_CELL:
            return index
        if stop >= end or text.startswith("\n", stop) or text.startswith("\r", stop):
            return None
        index, pos = index + 1, stop + 1
    return None
