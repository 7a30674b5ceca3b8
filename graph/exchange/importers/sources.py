"""The inputs of an import: files, globs, folders, ``.zip`` and ``.gz`` archives, and URLs.

Each input becomes one or more :class:`Source`: a file, one member of a zip archive, a
gzip-compressed file (read decompressed) or a URL that fsspec reads (``s3://``, ``gs://``,
``https://``, ``file://``; fsspec and the protocol's package must be installed, as in
``pip install 'graph-explorer[scale]'``). A folder stands for the files in it (sorted by
name, hidden files left out, not its subfolders). A :class:`Source` may also carry bytes
already read (``data``): a piece of a larger file, whole lines, starting at byte ``offset``
of the file's (decompressed) bytes.

>>> import tempfile, pathlib, gzip
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "b.tsv").write_text("1\\n")
>>> _ = (folder / "a.tsv.gz").write_bytes(gzip.compress(b"2\\n"))
>>> [(s.name, s.gzip) for s in expand_sources(folder)]
[('a.tsv.gz', True), ('b.tsv', False)]
>>> expand_sources(folder)[0].open().read()
b'2\\n'
"""

from __future__ import annotations

import glob
import gzip
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ...errors import DataError, Issue, ToolError, UsageError, ValidationReport
from ...file_checks import is_input_file
from ...issue_codes import IssueCode

__all__ = ["Source", "archive_errors", "expand_sources"]

_GLOB = set("*?[")
_SCALE = "pip install 'graph-explorer[scale]'"


@dataclass(frozen=True)
class Source:
    """One input file, one member of a zip archive, a gzip file, a URL, or a piece of one."""

    name: str
    path: Path
    member: str | None = None
    size: int = 0
    url: str | None = None  # read with fsspec
    gzip: bool = False  # the bytes are gzip-compressed: read them decompressed
    offset: int = 0  # where ``data`` starts in the file's (decompressed) bytes
    data: bytes | None = None  # bytes already read: whole lines of the file

    @property
    def splittable(self) -> bool:
        """True when byte ranges can be read directly (not compressed, not a member)."""
        return self.member is None and not self.gzip and self.data is None

    def open(self) -> IO[bytes]:
        """Open the (decompressed) bytes for reading."""
        if self.data is not None:
            return io.BytesIO(self.data)
        raw: IO[bytes]
        if self.url is not None:
            raw = _fsspec().open(self.url, "rb").open()
        else:
            raw = self.path.open("rb")
        if self.member is not None:
            return zipfile.ZipFile(raw).open(self.member)
        if self.gzip:
            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        return raw


def _fsspec() -> Any:
    try:
        import fsspec
    except ImportError:  # pragma: no cover - fsspec comes with pandas' optional set here
        raise ToolError(f"reading URLs needs fsspec: {_SCALE}") from None
    return fsspec


@contextmanager
def archive_errors(name: str) -> Iterator[None]:
    """Turn what a damaged or encrypted archive raises into one ``bad-archive`` issue."""
    try:
        yield
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        gzip.BadGzipFile,
    ) as exc:
        kind, test = (
            ("gzip file", "gzip -t") if name.endswith(".gz") else ("zip archive", "unzip -t")
        )
        message = f"the {kind} cannot be read ({exc}); download it again ({test} tests it)"
        issue = Issue(name, None, None, IssueCode.BAD_ARCHIVE, message)
        raise DataError(ValidationReport([issue])) from None


def _gzip_size(handle: IO[bytes], size: int) -> int:
    """The decompressed size a gzip file states in its last 4 bytes (modulo 4 GiB)."""
    if size < 18:
        return size
    handle.seek(size - 4)
    return int.from_bytes(handle.read(4), "little") or size


def _members(name: str, path: Path, url: str | None, handle: IO[bytes]) -> list[Source]:
    with archive_errors(name), zipfile.ZipFile(handle) as archive:
        infos = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
    if not infos:
        raise UsageError(f"{url or path} is an empty zip archive")
    return [Source(f"{name}!{i.filename}", path, i.filename, i.file_size, url) for i in infos]


def _local(path: Path) -> list[Source]:
    with path.open("rb") as handle:
        if path.suffix.lower() == ".zip" and zipfile.is_zipfile(handle):
            return _members(path.name, path, None, handle)
        size = path.stat().st_size
        if path.suffix.lower() == ".gz":
            return [Source(path.name, path, None, _gzip_size(handle, size), gzip=True)]
    return [Source(path.name, path, None, size)]


def _remote(item: str) -> list[Source]:
    """Sources for a URL: a file, a folder or a glob, through fsspec."""
    fs, where = _fsspec().core.url_to_fs(item)
    try:
        if _GLOB & set(where):
            found = sorted(p for p in fs.glob(where) if fs.isfile(p))
        elif fs.isdir(where):
            found = sorted(p for p in fs.ls(where, detail=False) if fs.isfile(p))
            found = [p for p in found if not p.rsplit("/", 1)[-1].startswith(".")]
        else:
            found = [where] if fs.exists(where) else []
    except OSError as exc:
        raise UsageError(f"{item} cannot be read: {exc}") from None
    if not found:
        raise UsageError(f"{item} does not exist (no file matches it)")
    sources: list[Source] = []
    for where in found:
        url = fs.unstrip_protocol(where)
        name = where.rstrip("/").rsplit("/", 1)[-1]
        size = int(fs.info(where).get("size") or 0)
        if name.lower().endswith(".zip"):
            with fs.open(where, "rb") as handle:
                sources.extend(_members(name, Path(name), url, handle))
        else:
            gz = name.lower().endswith(".gz")
            sources.append(Source(name, Path(name), None, size, url, gzip=gz))
    return sources


def _folder(path: Path) -> list[Path]:
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise UsageError(f"{path} is an empty folder: give event files, or a glob such as "
                         f"'{path}/*.CSV'")  # fmt: skip
    return files


def expand_sources(paths: str | Path | Iterable[str | Path]) -> list[Source]:
    """Turn files, globs, folders, archives and URLs into the list of sources to read, in order.

    Raises
    ------
    UsageError
        If a path does not exist, a glob matches nothing, a folder is empty, or a path is a
        named pipe or anything else that is not a regular file.
    DataError
        If a zip archive cannot be opened (``bad-archive``).
    """
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    if not items:
        raise UsageError("give at least one event file")
    found: list[Path | str] = []
    for item in items:
        if isinstance(item, str) and "://" in item:
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found.extend(_folder(path))
            continue
        try:
            if is_input_file(path):
                found.append(path)
                continue
        except UsageError as exc:  # a named pipe is read twice (layout, then rows): refused
            raise UsageError(f"{exc}; save the events to a file and import that") from None
        matches = sorted(Path(m) for m in glob.glob(str(item)) if Path(m).is_file())
        if not matches:
            raise UsageError(f"{item} does not exist (no file matches it)")
        found.extend(matches)
    sources: list[Source] = []
    for entry in dict.fromkeys(found):
        sources.extend(_remote(entry) if isinstance(entry, str) else _local(entry))
    return sources
