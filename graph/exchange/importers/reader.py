"""Read tab-separated event files fast, keeping every row's line and every bad row.

Event files are read with pyarrow's CSV reader (C++, streaming), tab-separated, with quoting
off (GDELT does not quote: a ``"`` is part of a name). Only the needed columns become
strings. A row with the wrong number of fields is not dropped silently, as
``pandas.read_csv(usecols=...)`` would do, but handed back with its line number and text; so
is a row with an *alternative* field count (GDELT 1.0's 57-field backfile rows beside
58-field ones), for the caller to parse.

Paths may be files, globs (``events/*.CSV``) or ``.zip`` archives as GDELT ships them (every
member is read). Bytes are hashed (sha256) as they are read, for the provenance file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.tsv").write_text('1\\tx"y\\n2\\tz\\n3\\n')
>>> source = expand_sources([folder / "*.tsv"])[0]
>>> rows = read_rows(source, names=["id", "name"], include=["id", "name"])
>>> rows.frame["name"].tolist(), rows.lines.tolist(), [(b.line, b.fields) for b in rows.bad]
(['x"y', 'z'], [1, 2], [(3, 1)])
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pcsv

from ...errors import Issue, UsageError

__all__ = ["BadRow", "Progress", "Rows", "Source", "expand_sources", "peek_lines", "read_rows"]

Progress = Callable[[int, int], None]
_BLOCK = 8 << 20


@dataclass(frozen=True)
class Source:
    """One input file, or one member of a zip archive."""

    name: str
    path: Path
    member: str | None = None
    size: int = 0

    def open(self) -> IO[bytes]:
        """Open the bytes for reading."""
        if self.member is None:
            return self.path.open("rb")
        archive = zipfile.ZipFile(self.path)
        return archive.open(self.member)


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
    issues: list[Issue] = field(default_factory=list)


def _zip_members(path: Path) -> list[Source]:
    with zipfile.ZipFile(path) as archive:
        infos = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
    return [Source(f"{path.name}!{i.filename}", path, i.filename, i.file_size) for i in infos]


def expand_sources(paths: str | Path | Iterable[str | Path]) -> list[Source]:
    """Turn files, globs and zip archives into the list of sources to read, in order.

    Raises
    ------
    UsageError
        If a path does not exist, a glob matches nothing, or a path is a folder.
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if not items:
        raise UsageError("give at least one event file")
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give files or a glob such as '{path}/*.CSV'")
        if path.is_file():
            found.append(path)
            continue
        matches = sorted(Path(m) for m in glob.glob(str(item)) if Path(m).is_file())
        if not matches:
            raise UsageError(f"{item} does not exist (no file matches it)")
        found.extend(matches)
    sources: list[Source] = []
    for path in dict.fromkeys(found):
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(path):
            members = _zip_members(path)
            if not members:
                raise UsageError(f"{path} is an empty zip archive")
            sources.extend(members)
        else:
            sources.append(Source(path.name, path, None, path.stat().st_size))
    return sources


def peek_lines(source: Source, count: int = 50) -> list[str]:
    """The first ``count`` non-empty lines of a source (decoded leniently)."""
    with source.open() as handle:
        head = handle.read(1 << 20)
    lines = head.decode("utf-8", errors="replace").splitlines()
    if len(head) == 1 << 20 and lines:
        lines = lines[:-1]  # possibly cut
    return [line for line in lines if line.strip()][:count]


class _Tracked(io.RawIOBase):
    """A binary stream that hashes what is read, reports progress and can repair encoding."""

    def __init__(self, raw: IO[bytes], report: Callable[[int], None], recode: bool) -> None:
        self._raw = raw
        self._report = report
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace") if recode else None
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Read up to ``size`` bytes (re-encoded ones never exceed ``size``)."""
        want = -1 if size is None or size < 0 else size
        if self._decoder is not None and want > 0:
            want = max(want // 3, 1)  # a bad byte becomes 3 bytes (U+FFFD)
        data = self._raw.read(want)
        self.digest.update(data)
        self._report(len(data))
        if self._decoder is None:
            return data
        return self._decoder.decode(data, final=not data).encode("utf-8")

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read(
    source: Source,
    names: list[str] | None,
    include: list[str],
    alternative: frozenset[int],
    report: Callable[[int], None],
    recode: bool,
) -> Rows:
    bad: list[BadRow] = []
    alt: list[BadRow] = []

    def handler(row: Any) -> str:
        target = alt if row.actual_columns in alternative else bad
        target.append(BadRow(int(row.number or 0), int(row.actual_columns), str(row.text)))
        return "skip"

    with source.open() as raw:
        stream = _Tracked(raw, report, recode)
        reader = pcsv.open_csv(
            stream,
            read_options=pcsv.ReadOptions(use_threads=False, block_size=_BLOCK, column_names=names),
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
        table = reader.read_all()
        while stream.read(_BLOCK):  # hash what the reader did not need
            pass
    frame = table.to_pandas()
    first = 1 if names is not None else 2
    total = table.num_rows + len(bad) + len(alt)
    keep = np.ones(total, dtype=bool)
    set_aside = np.array([b.line for b in bad + alt], dtype=np.int64) - first
    keep[set_aside[(set_aside >= 0) & (set_aside < total)]] = False
    lines = np.arange(first, first + total, dtype=np.int64)[keep]
    if len(lines) != table.num_rows:  # pragma: no cover - defensive
        lines = np.arange(first, first + table.num_rows, dtype=np.int64)
    return Rows(source, frame, lines, bad, alt, stream.digest.hexdigest(), source.size, recode)


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
        A blank line comes back as a row of empty strings (so lines stay exact).
    """
    report = progress or (lambda n: None)
    try:
        return _read(source, names, include, alternative, report, recode=False)
    except pa.ArrowInvalid as exc:
        if "empty csv" in str(exc).lower():  # no bytes, or only a header
            return _empty(source, include)
        if "utf8" not in str(exc).lower():
            raise
    return _read(source, names, include, alternative, lambda n: None, recode=True)


def _empty(source: Source, include: list[str]) -> Rows:
    with source.open() as raw:
        data = raw.read()
    frame = pd.DataFrame({c: pd.Series([], dtype="str") for c in include})
    rows = Rows(source, frame, np.zeros(0, dtype=np.int64), size=source.size)
    rows.sha256 = hashlib.sha256(data).hexdigest()
    return rows
