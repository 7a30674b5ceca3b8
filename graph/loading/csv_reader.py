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
import difflib
import io
import re
import stat
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Issue, UsageError
from ..issue_codes import IssueCode
from ..model.columns import LINE
from .csv_fast import parse_well_formed

__all__ = ["MAX_CELL", "Table", "is_input_file", "read_table", "reserved_columns"]

_BAD_LINE = re.compile(r"Skipping line (\d+): expected (\d+) fields, saw (\d+)")

#: The longest cell read, in characters (64 MiB): a longer one is a ``bad-csv`` issue.
MAX_CELL = 64 << 20


def _allow_large_cells() -> None:
    """Raise the csv module's cell limit (131,072 characters) to :data:`MAX_CELL`.

    The limit is process-wide; it is only ever raised here, never lowered, so that another
    thread reading meanwhile never sees a smaller one.
    """
    if csv.field_size_limit() < MAX_CELL:
        csv.field_size_limit(MAX_CELL)


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


def _header(text: str) -> list[str]:
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    return next(csv.reader([first]), [])


def _normalize_header(header: list[str], known: tuple[str, ...]) -> list[str]:
    """Strip names, lowercase the known ones, and name a second ``source`` column ``citation``."""
    names: list[str] = []
    lowered = {k.lower(): k for k in known}
    has_citation = "citation" in header
    seen_source = False
    for raw in header:
        name = raw.strip()
        name = lowered.get(name.lower(), name)
        if name == "source" and seen_source and not has_citation:
            name = "citation"
        seen_source = seen_source or name == "source"
        names.append(name)
    return names


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


def _well_formed_header(
    data: bytes, required: tuple[str, ...], known: tuple[str, ...]
) -> list[str] | None:
    """Column names when the header is plainly fine (UTF-8, commas, all required, no twice)."""
    end = data.find(b"\n")
    try:
        first = (data if end < 0 else data[:end]).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        header = _header(first)
    except csv.Error:  # a header cell over the limit: the careful reader reports it
        return None
    names = _normalize_header(header, required + known)
    if len(names) <= 1 or len(set(names)) < len(names) or not set(required) <= set(names):
        return None
    return names


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


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)

#: What the loader keeps in the columns a user may not name (see ``reserved`` below).
_RESERVED_USE = {
    LINE: "each row's line number",
    "directed": "the direction of the relation type",
    "family": "the family of the relation type",
    "date_start": "the first day of 'date'",
    "date_end": "the last day of 'end_date' or 'date'",
    "date_precision": "the precision of 'date'",
}


def is_input_file(path: Path) -> bool:
    """True when a regular file is at ``path``, False when nothing is.

    Raises
    ------
    UsageError
        If something is at ``path`` that cannot be read as a file: a folder, a named pipe,
        a socket, a device, a symbolic link to nothing, a loop of links.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> is_input_file(folder / "nodes.csv")
    False
    >>> is_input_file(folder)
    Traceback (most recent call last):
    graph.errors.UsageError: ... is a folder, not a file
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise UsageError(
                f"{path} is a symbolic link to {path.readlink()}, which does not exist"
            ) from None
        return False
    except OSError as exc:  # a loop of links, a parent folder without permission ...
        raise UsageError(f"{path} cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        kind = next((k for test, k in _KINDS if test(mode)), "not a regular file")
        raise UsageError(f"{path} is {kind}, not a file")
    return True


def _read_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file, or None when nothing is at ``path``.

    Raises
    ------
    UsageError
        If something is at ``path`` but cannot be read (see :func:`is_input_file`), or the
        file cannot be read (no read permission).
    """
    if not is_input_file(path):
        return None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path} cannot be read: {exc.strerror or exc}") from None


def reserved_columns(file: str, names: list[str], reserved: tuple[str, ...]) -> list[Issue]:
    """One ``reserved-column`` issue per column named like one the loader adds itself.

    Such a column would be overwritten (``family``, from the relation type) or dropped from
    the exports, so it is refused rather than lost silently.

    >>> [i.message for i in reserved_columns("edges.csv", ["source", "family"], ("family",))]
    ["column 'family' has the name of a column the loader adds (the family of the relation \
type); rename it, for example to 'user_family'"]
    """
    return [
        Issue(
            file,
            1,
            col,
            IssueCode.RESERVED_COLUMN,
            f"column '{col}' has the name of a column the loader adds "
            f"({_RESERVED_USE.get(col, 'a derived value')}); rename it, for example to "
            f"'user_{col.lstrip('_')}'",
            col,
        )
        for col in dict.fromkeys(names)
        if col in reserved
    ]


def _cells_too_long(frame: pd.DataFrame, file: str) -> list[Issue]:
    """One ``bad-csv`` issue per cell longer than :data:`MAX_CELL`.

    Only files over :data:`MAX_CELL` bytes are scanned; a categorical column is checked on
    its distinct values, an Arrow string column in Arrow.

    >>> frame = pd.DataFrame({"a": pd.Categorical(["x", "y"]), "b": ["", "z"], LINE: [2, 3]})
    >>> _cells_too_long(frame, "t.csv")
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


def _oversized_record(text: str, names: list[str], file: str) -> Issue:
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
    data = _read_bytes(path)
    if data is None:
        return _empty(
            name, [Issue(name, None, None, IssueCode.MISSING_FILE, f"{path} does not exist")]
        )
    _allow_large_cells()
    names = _well_formed_header(data, required, known)
    if names is not None:
        frame = parse_well_formed(data, names, categorical)
        if frame is not None:
            frame[LINE] = np.arange(2, len(frame) + 2, dtype=np.int64)
            issues = reserved_columns(name, names, reserved)
            if len(data) > MAX_CELL:
                issues += _cells_too_long(frame, name)
            return Table(name, frame, issues)
    text, issues = _decode(data, name)
    if "\r" in text and "\n" not in text:  # old Mac line ends (Excel's "CSV (Macintosh)")
        text = text.replace("\r", "\n")
        data = text.encode("utf-8")
    header: list[str] = []
    try:
        header = _header(text)
        table = _read_text(text, data, name, header, required, known, reserved, issues)
    except csv.Error as exc:  # the only one left: a cell over the limit
        if "field larger than field limit" not in str(exc):  # pragma: no cover - defensive
            raise
        names = _normalize_header(header, required + known)
        return _empty(name, [*issues, _oversized_record(text, names, name)])
    if table.ok and len(data) > MAX_CELL:
        table.issues += _cells_too_long(table.frame, name)
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
    names = _normalize_header(header, required + known)
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
    missing = [c for c in required if c not in counts]
    for col in missing:
        close = difflib.get_close_matches(col, names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        issues.append(
            Issue(
                name,
                1,
                col,
                IssueCode.MISSING_COLUMN,
                f"required column '{col}' is missing{hint}; the header is: {_shown(header)}",
            )
        )
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


def _shown(header: list[str], most: int = 20) -> str:
    """The header as written, its first ``most`` names (a message stays one line).

    >>> _shown(["a", "b"]), _shown([str(i) for i in range(30)], 3)
    ('a,b', '0,1,2 … (30 columns)')
    """
    if len(header) <= most:
        return ",".join(header)
    return ",".join(header[:most]) + f" … ({len(header):,} columns)"


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
