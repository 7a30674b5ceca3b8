"""Read tab-separated event files fast, keeping every row's line and every bad row.

Event files are read with pyarrow's CSV reader (C++, one thread), tab-separated, with quoting
off (GDELT does not quote: a ``"`` is part of a name). Only the needed columns become
strings. A row with the wrong number of fields is not dropped silently, as
``pandas.read_csv(usecols=...)`` would do, but handed back with its line number and text; so
is a row with an *alternative* field count (GDELT 1.0's 57-field backfile rows beside
58-field ones), for the caller to parse.

Paths may be files, globs (``events/*.CSV``), folders, ``.zip`` archives as GDELT ships them
(every member is read), ``.gz`` files or URLs (:mod:`~graph.exchange.importers.sources`). Bytes
are hashed (sha256) as they are read, for the provenance file; a piece of a file (bytes already
read, ``Source.data``) is not, its file is hashed whole by the import.

Bytes are read here, in blocks of whole lines, and handed to Arrow as buffers: a line may be
up to :data:`MAX_LINE` long, bytes that are not UTF-8 are replaced block by block, and a
damaged zip member is one ``bad-archive`` issue.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.tsv").write_text('1\\tx"y\\n2\\tz\\n3\\n')
>>> source = expand_sources([folder / "*.tsv"])[0]
>>> rows = read_rows(source, names=["id", "name"], include=["id", "name"])
>>> rows.frame["name"].tolist(), rows.lines.tolist(), [(b.line, b.fields) for b in rows.bad]
(['x"y', 'z'], [1, 2], [(3, 1)])
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pcsv

from ...errors import DataError, Issue, ValidationReport
from ...issue_codes import IssueCode
from .sources import Source, archive_errors, expand_sources

__all__ = [
    "MAX_LINE",
    "BadRow",
    "Progress",
    "Rows",
    "Source",
    "expand_sources",
    "peek_lines",
    "read_rows",
]

Progress = Callable[[int, int], None]
_BLOCK = 8 << 20
#: The longest line read, in bytes (64 MiB): a longer one stops the import (``line-too-long``).
MAX_LINE = 64 << 20


@dataclass(frozen=True)
class BadRow:
    """A row that does not have the expected number of fields."""

    line: int
    fields: int
    text: str


@dataclass
class Rows:
    """The needed columns of one file as strings, each row's line, and the rows set aside."""

    source: Source
    frame: pd.DataFrame
    lines: np.ndarray
    bad: list[BadRow] = field(default_factory=list)
    alternative: list[BadRow] = field(default_factory=list)
    sha256: str = ""
    size: int = 0
    recoded: bool = False  # bytes that were not UTF-8 were replaced
    blank: int = 0  # blank lines (not rows)
    kind: str = ""  # what the file is, as the dataset's sources name it ("ICEWS")
    issues: list[Issue] = field(default_factory=list)


def peek_lines(source: Source, count: int = 50) -> list[str]:
    """The first ``count`` non-empty lines of a source (decoded leniently)."""
    with archive_errors(source.name), source.open() as handle:
        head = handle.read(1 << 20)
    lines = head.decode("utf-8", errors="replace").splitlines()
    if len(head) == 1 << 20 and lines:
        lines = lines[:-1]  # possibly cut
    return [line for line in lines if line.strip()][:count]


def _line_too_long(source: Source, line: int) -> DataError:
    issue = Issue(
        source.name,
        line,
        None,
        IssueCode.LINE_TOO_LONG,
        f"the line is longer than {MAX_LINE >> 20} MiB, the most that is read (event rows are "
        "a few hundred bytes); check that this is a complete event file",
    )
    return DataError(ValidationReport([issue]))


def _blocks(
    source: Source, digest: Any, report: Callable[[int], None]
) -> Iterator[tuple[bytes, int]]:
    """The source's bytes in blocks of whole lines, each with the line number it starts on.

    Blocks are about ``_BLOCK`` bytes; a longer line is a block of its own, up to
    :data:`MAX_LINE`. Bytes are hashed into ``digest`` as they are read.
    """
    if source.data is not None:
        yield from _cut(source, source.data, report)
        return
    pending = bytearray()
    line = 1
    with archive_errors(source.name), source.open() as raw:
        while True:
            data = raw.read(_BLOCK)
            digest.update(data)
            report(len(data))
            if not data:
                break
            end = data.rfind(b"\n")
            pending += data
            if end < 0:  # no line end yet
                if len(pending) > MAX_LINE:
                    raise _line_too_long(source, line)
                continue
            cut = len(pending) - len(data) + end
            if pending.find(b"\n") > MAX_LINE:
                raise _line_too_long(source, line)
            block = bytes(pending[: cut + 1])
            del pending[: cut + 1]
            yield block, line
            line += block.count(b"\n")
    if pending:
        yield bytes(pending), line


def _cut(source: Source, data: bytes, report: Callable[[int], None]) -> Iterator[tuple[bytes, int]]:
    """Bytes already read (whole lines) in blocks as :func:`_blocks` gives them."""
    start, line, size = 0, 1, len(data)
    while start < size:
        end = data.rfind(b"\n", start, start + _BLOCK) if start + _BLOCK < size else size - 1
        if end < 0:  # a line longer than a block
            end = data.find(b"\n", start + _BLOCK)
            end = size - 1 if end < 0 else end
        if end - start >= MAX_LINE and data.find(b"\n", start, start + MAX_LINE + 1) < 0:
            raise _line_too_long(source, line)
        block = data[start : end + 1]
        report(len(block))
        yield block, line
        line += block.count(b"\n")
        start = end + 1


def _utf8(block: bytes) -> tuple[bytes, bool]:
    """The block as valid UTF-8 (bad bytes become U+FFFD) and whether any was replaced.

    A block holds whole lines, so no character is ever cut between two blocks.

    >>> _utf8(b"caf\\xc3\\xa9\\n"), _utf8(b"caf\\xe9\\n")
    ((b'caf\\xc3\\xa9\\n', False), (b'caf\\xef\\xbf\\xbd\\n', True))
    """
    if block.isascii():
        return block, False
    try:
        block.decode("utf-8")
    except UnicodeDecodeError:
        return block.decode("utf-8", errors="replace").encode("utf-8"), True
    return block, False


class _NoDigest:
    def update(self, data: bytes) -> None:
        pass

    def hexdigest(self) -> str:
        return ""


def _read(
    source: Source,
    names: list[str] | None,
    include: list[str],
    alternative: frozenset[int],
    report: Callable[[int], None],
) -> Rows:
    """Parse the source block by block with Arrow's one-threaded CSV reader.

    Arrow reads bytes handed to it, never a Python stream: no reader thread ever calls back
    into Python, and a line longer than Arrow's block is never split between two blocks.
    """
    digest: Any = hashlib.sha256() if source.data is None else _NoDigest()
    tables: list[pa.Table] = []
    lines: list[np.ndarray] = []
    bad: list[BadRow] = []
    alt: list[BadRow] = []
    recoded = False
    for block, first in _blocks(source, digest, report):
        block, replaced = _utf8(block)
        recoded |= replaced
        header = names is None and first == 1
        set_aside: list[int] = []

        def handler(row: Any, first: int = first, set_aside: list[int] = set_aside) -> str:
            line = first - 1 + int(row.number or 0)
            target = alt if row.actual_columns in alternative else bad
            target.append(BadRow(line, int(row.actual_columns), str(row.text)))
            set_aside.append(line)
            return "skip"

        try:
            table = _parse_block(block, names, include, handler)
        except pa.ArrowInvalid as exc:
            if header and "empty csv" in str(exc).lower():  # only a header
                continue
            raise
        if header:
            names = table.column_names if names is None else names
        start = first + 1 if header else first
        total = table.num_rows + len(set_aside)
        keep = np.ones(total, dtype=bool)
        index = np.asarray(set_aside, dtype=np.int64) - start
        keep[index[(index >= 0) & (index < total)]] = False
        found = np.arange(start, start + total, dtype=np.int64)[keep]
        if len(found) != table.num_rows:  # pragma: no cover - defensive
            found = np.arange(start, start + table.num_rows, dtype=np.int64)
        tables.append(table)
        lines.append(found)
    if not tables:
        return _empty(source, include, digest.hexdigest())
    table = pa.concat_tables(tables)
    return Rows(
        source,
        table.to_pandas(),
        np.concatenate(lines),
        bad,
        alt,
        digest.hexdigest(),
        source.size,
        recoded,
    )


def _parse_block(
    block: bytes, names: list[str] | None, include: list[str], handler: Callable[[Any], str]
) -> pa.Table:
    return pcsv.read_csv(
        pa.py_buffer(block),
        read_options=pcsv.ReadOptions(
            use_threads=False, block_size=len(block) + 1, column_names=names
        ),
        parse_options=pcsv.ParseOptions(
            delimiter="\t",
            quote_char=False,
            double_quote=False,
            escape_char=False,
            newlines_in_values=False,
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pcsv.ConvertOptions(
            include_columns=include,
            column_types=dict.fromkeys(include, pa.string()),
            strings_can_be_null=False,
        ),
    )


def read_rows(
    source: Source,
    *,
    names: list[str] | None,
    include: list[str],
    alternative: frozenset[int] = frozenset(),
    progress: Callable[[int], None] | None = None,
) -> Rows:
    """Read one tab-separated source.

    Parameters
    ----------
    source : Source
        From :func:`expand_sources`.
    names : list of str or None
        Column names of a file without a header; ``None`` reads them from the first line.
    include : list of str
        The columns to keep (as strings; empty cells are ``""``).
    alternative : set of int
        Field counts to set aside in ``Rows.alternative`` rather than ``Rows.bad``.
    progress : callable, optional
        Called with the number of bytes read, block by block.

    Returns
    -------
    Rows
        A blank line comes back as a row of empty strings (so lines stay exact). Bytes that
        are not UTF-8 are replaced by U+FFFD (``Rows.recoded``).

    Raises
    ------
    DataError
        With one issue: a line longer than :data:`MAX_LINE` (``line-too-long``), or a zip
        member that is damaged or encrypted (``bad-archive``).
    """
    report = progress or (lambda n: None)
    return _read(source, names, include, alternative, report)


def _empty(source: Source, include: list[str], sha256: str) -> Rows:
    frame = pd.DataFrame({c: pd.Series([], dtype="str") for c in include})
    rows = Rows(source, frame, np.zeros(0, dtype=np.int64), size=source.size)
    rows.sha256 = sha256
    return rows
