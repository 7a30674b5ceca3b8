"""Read one CSV table of a dataset into strings, with every file-level problem as an Issue.

This is the only place that touches CSV bytes. Cells stay strings here (no type guessing);
:mod:`graph.loading.node_checks` and :mod:`graph.loading.edge_checks` turn them into dates,
numbers and signs. The column ``_line`` holds each record's 1-based line in the file (the header
is line 1), for messages.

A cell may hold up to :data:`MAX_CELL` characters (64 MiB); a longer one is a ``bad-csv``
issue naming its line and column. A path that exists but cannot be read as a file (a folder, a
named pipe, a broken link, no permission) is a :class:`~graph.errors.UsageError`, not an issue:
it is not a problem in the data.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.csv").write_text("id,label\\nx,X\\n")
>>> table = read_table(folder / "t.csv", required=("id", "label"))
>>> table.frame[["id", "label", "_line"]].values.tolist(), table.issues
([['x', 'X', 2]], [])
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Issue
from ..file_checks import read_input
from ..issue_codes import IssueCode
from ..model.columns import LINE
from .cell_limits import MAX_CELL, allow_large_cells, cells_too_long, oversized_record
from .csv_fast import parse_well_formed
from .headers import (
    MAX_COLUMNS,
    header_names,
    missing_columns,
    normalize_header,
    reserved_columns,
    well_formed_header,
)

__all__ = ["Table", "read_table"]

_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")


@dataclass
class Table:
    """A CSV file read as strings, plus the problems found while reading it."""

    file: str
    frame: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)
    ok: bool = True  # False when the file could not be read as a table at all


def _empty(file: str, issues: list[Issue]) -> Table:
    return Table(file, pd.DataFrame({LINE: pd.Series([], dtype="int64")}), issues, ok=False)


def _decode(data: bytes, file: str) -> tuple[str, list[Issue]]:
    """Decode UTF-8 (BOM allowed); report the first line holding bytes that are not UTF-8."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        bad = data[exc.start : exc.start + 4]
        issue = Issue(
            file,
            line,
            None,
            IssueCode.BAD_ENCODING,
            f"bytes {bad!r} are not UTF-8; save the file as UTF-8 "
            "(for example: iconv -f latin1 -t utf-8 in.csv > out.csv)",
            value=repr(bad),
        )
        return data.decode("utf-8-sig", errors="replace"), [issue]


def _record_lines(text: str) -> np.ndarray:
    """Start line (1-based) of every physical record: index k is pandas' 'line k+1'."""
    if '"' not in text:
        n = text.count("\n") + (0 if text.endswith("\n") else 1)
        return np.arange(1, n + 1)
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text))
    prev = 0
    for _ in reader:
        starts.append(prev + 1)
        prev = reader.line_num
    return np.asarray(starts, dtype=np.int64)


def _data_lines(text: str, bad: set[int], n_rows: int) -> np.ndarray:
    """File line of each row pandas returned (blank records and bad lines removed)."""
    n_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if not bad and n_lines == n_rows + 1:  # no blank line, no multi-line cell: line = row + 2
        return np.arange(2, n_rows + 2, dtype=np.int64)
    physical = _record_lines(text)
    blank_lines = {i + 1 for i, line in enumerate(text.split("\n")) if not line.strip()}
    keep = [
        k for k in range(1, len(physical)) if (k + 1) not in bad and physical[k] not in blank_lines
    ]
    lines = physical[keep] if keep else np.zeros(0, dtype=np.int64)
    if len(lines) != n_rows:  # pragma: no cover - defensive: fall back to record order
        lines = np.arange(2, n_rows + 2)
    return lines


def _unclosed_quote_line(text: str) -> int | None:
    r"""The line where a quoted cell opens and is never closed (None if quotes balance).

    >>> _unclosed_quote_line('a,b\n1,"x\n2,3\n')
    2
    """
    opened = None
    inside = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count('"') % 2:
            inside = not inside
            opened = number if inside else None
    return opened if inside else None


def _parse(data: bytes, names: list[str]) -> pd.DataFrame:
    return pd.read_csv(
        io.BytesIO(data),
        encoding="utf-8-sig",
        encoding_errors="replace",
        header=0,
        names=names,
        index_col=False,
        dtype=object,
        keep_default_na=False,
        na_filter=False,
        on_bad_lines="warn",
        engine="c",
    )


def read_table(
    path: str | Path,
    *,
    required: tuple[str, ...],
    known: tuple[str, ...] = (),
    reserved: tuple[str, ...] = (),
    categorical: tuple[str, ...] = (),
    file: str | None = None,
) -> Table:
    """Read a CSV file as a table of strings and list what stops it being read.

    Parameters
    ----------
    path : path
        The CSV file.
    required : tuple of str
        Columns that must be present (``missing-column`` otherwise).
    known : tuple of str
        Optional columns; their header names are matched case-insensitively.
    reserved : tuple of str
        Names no column may have, because the loader adds columns of those names
        (``reserved-column``).
    categorical : tuple of str
        Columns with few distinct values; they may come back as ``pandas.Categorical``.
    file : str, optional
        Name used in issues (default: the file name).

    Returns
    -------
    Table
        ``frame`` has one string column per header name and ``_line``; ``issues`` lists
        ``missing-file``, ``empty-file``, ``bad-encoding``, ``wrong-delimiter``,
        ``duplicate-column``, ``reserved-column``, ``missing-column``, ``bad-csv`` and
        ``extra-fields`` problems.

    Raises
    ------
    UsageError
        If ``path`` exists but cannot be read as a file (a folder, a named pipe, a broken
        symbolic link, no read permission).
    """
    path = Path(path)
    name = file or path.name
    data = read_input(path)
    if data is None:
        return _empty(
            name, [Issue(name, None, None, IssueCode.MISSING_FILE, f"{path} does not exist")]
        )
    allow_large_cells()
    names = well_formed_header(data, required, known)
    if names is not None:
        frame = parse_well_formed(data, names, categorical)
        if frame is not None:
            frame[LINE] = np.arange(2, len(frame) + 2, dtype=np.int64)
            issues = reserved_columns(name, names, reserved)
            if len(data) > MAX_CELL:
                issues += cells_too_long(frame, name)
            return Table(name, frame, issues)
    text, issues = _decode(data, name)
    if "\r" in text and "\n" not in text:  # old Mac line ends (Excel's "CSV (Macintosh)")
        text = text.replace("\r", "\n")
        data = text.encode("utf-8")
    header: list[str] = []
    try:
        header = header_names(text)
        table = _read_text(text, data, name, header, required, known, reserved, issues)
    except csv.Error as exc:  # the only one left: a cell over the limit
        if "field larger than field limit" not in str(exc):  # pragma: no cover - defensive
            raise
        names = normalize_header(header, required + known)
        return _empty(name, [*issues, oversized_record(text, names, name)])
    if table.ok and len(data) > MAX_CELL:
        table.issues += cells_too_long(table.frame, name)
    return table


def _read_text(
    text: str,
    data: bytes,
    name: str,
    header: list[str],
    required: tuple[str, ...],
    known: tuple[str, ...],
    reserved: tuple[str, ...],
    issues: list[Issue],
) -> Table:
    """The careful reader: every file-level problem, each with its line."""
    if not text or text.isspace():
        return _empty(
            name, issues + [Issue(name, None, None, IssueCode.EMPTY_FILE, "the file is empty")]
        )
    if len(header) <= 1:
        delimiter = next((d for d in (";", "\t", "|") if d in (header or [""])[0]), None)
        if delimiter:
            shown = {";": "';'", "\t": "tab", "|": "'|'"}[delimiter]
            issues.append(
                Issue(
                    name,
                    1,
                    None,
                    IssueCode.WRONG_DELIMITER,
                    f"the file is {shown}-separated; save it with commas as separators",
                    value=delimiter,
                )
            )
            return _empty(name, issues)
    if len(header) > MAX_COLUMNS:
        message = f"{len(header):,} columns; a table may have at most {MAX_COLUMNS:,}"
        return _empty(name, [*issues, Issue(name, 1, None, IssueCode.BAD_CSV, message)])
    names = normalize_header(header, required + known)
    counts = Counter(names)  # one pass: 100,000 columns must not cost 100,000 scans
    dupes = sorted(n for n, c in counts.items() if c > 1)
    for dup in dupes:
        issues.append(
            Issue(
                name,
                1,
                dup,
                IssueCode.DUPLICATE_COLUMN,
                f"column '{dup}' appears more than once",
                dup,
            )
        )
    issues += reserved_columns(name, names, reserved)
    missing = missing_columns(name, names, header, required)
    issues += missing
    if dupes or missing:
        return _empty(name, issues)
    if _first_record_is_long(text, len(names)):
        frame, long_rows = _parse_records(text, names)
        frame = _without_empty_rows(frame)
        return Table(name, frame, issues + [_extra(name, *row) for row in long_rows])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = _parse(data, names)
        except pd.errors.ParserError as exc:
            line = _unclosed_quote_line(text)
            issues.append(
                Issue(
                    name,
                    line,
                    None,
                    IssueCode.BAD_CSV,
                    'a quote opened here is never closed; close it or double the quote ("")'
                    if line
                    else f"the file cannot be read as CSV ({exc})",
                )
            )
            return _empty(name, issues)
    bad: dict[int, tuple[int, int]] = {}
    for warning in caught:
        for m in _BAD_LINE.finditer(str(warning.message)):
            bad[int(m.group(1))] = (int(m.group(2)), int(m.group(3)))
    lines = _data_lines(text, set(bad), len(frame))
    frame[LINE] = lines
    if bad:
        physical = _record_lines(text)
        for pandas_line, (expected, saw) in sorted(bad.items()):
            issues.append(_extra(name, int(physical[pandas_line - 1]), expected, saw))
    return Table(name, _without_empty_rows(frame), issues)


def _without_empty_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop rows whose cells are all empty (``,,,``: what spreadsheets leave), like blank lines.

    >>> frame = pd.DataFrame({"a": ["1", " ", ""], "b": ["", "", "x"], LINE: [2, 3, 4]})
    >>> _without_empty_rows(frame)[LINE].tolist()
    [2, 4]
    """
    empty = np.ones(len(frame), dtype=bool)
    for col in frame.columns.drop(LINE):
        rows = np.flatnonzero(empty)
        if not len(rows):
            break
        cells = frame[col].to_numpy(dtype=object)[rows]
        empty[rows] = [not str(cell).strip() for cell in cells]
    return frame[~empty].reset_index(drop=True) if empty.any() else frame


def _extra(file: str, line: int, expected: int, saw: int) -> Issue:
    return Issue(
        file,
        line,
        None,
        IssueCode.EXTRA_FIELDS,
        f"the row has {saw} fields but the header has {expected}; quote values that contain commas",
        value=str(saw),
    )


def _first_record_is_long(text: str, width: int) -> bool:
    """True when the first data row has more fields than the header.

    pandas would then take the first column as an index and shift every row, so such a file
    is read record by record instead (it is invalid anyway).
    """
    reader = csv.reader(io.StringIO(text[: 1 << 20]))  # the first MiB holds the first rows
    next(reader, None)
    for record in reader:
        if record:
            return len(record) > width
    return False


def _parse_records(text: str, names: list[str]) -> tuple[pd.DataFrame, list[tuple[int, int, int]]]:
    """Read with the csv module: rows of the right width and (line, expected, saw) of the rest."""
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    rows: list[list[str]] = []
    lines: list[int] = []
    long_rows: list[tuple[int, int, int]] = []
    prev = reader.line_num
    width = len(names)
    for record in reader:
        start, prev = prev + 1, reader.line_num
        if not record:
            continue
        if len(record) > width:
            long_rows.append((start, width, len(record)))
            continue
        rows.append(record + [""] * (width - len(record)))
        lines.append(start)
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    frame[LINE] = np.asarray(lines, dtype=np.int64)
    return frame, long_rows
