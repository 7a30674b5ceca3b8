"""How an import cuts its input: tasks (byte ranges of files) and pieces (blocks of whole lines).

A plain file (not compressed, not a zip member) larger than the chunk size is cut into byte
ranges ``[start, stop)``, one :class:`Task` each, which any process can read by itself. A
line belongs to the range where it starts: a range that does not begin at 0 skips to the
first line end at or after ``start - 1``, and reads on past ``stop`` to the end of the line
that crosses it. Lines are never split, and the ranges of a file own its bytes exactly once,
in order. A compressed file or a zip member is read from its start, so it is one task; the
task reads it in *pieces* of about the chunk size, one after the other, so that memory stays
bounded by the chunk size there too.

The chunk size is given in rows (:data:`CHUNK_ROWS`, ``--chunk-rows``) and turned into bytes
from the length of a file's first lines, at most :data:`CHUNK_BYTES` unless rows were asked; a
file is cut into ranges of about that size, none much smaller.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.tsv"
>>> _ = path.write_bytes(b"aaa\\nbbbbbb\\ncc\\nd\\n")
>>> source = Source(path.name, path, size=path.stat().st_size)
>>> tasks = plan([source], [5])
>>> [(t.start, t.stop) for t in tasks]
[(0, 6), (6, 12), (12, 18)]
>>> [[p.data for p in read_pieces(source, t.start, t.stop, 5)] for t in tasks]
[[b'aaa\\nbbbbbb\\n'], [b'cc\\n'], [b'd\\n']]
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

from .reader import MAX_LINE, peek_lines
from .sources import Source, archive_errors

__all__ = [
    "CHUNK_BYTES",
    "CHUNK_ROWS",
    "Piece",
    "Task",
    "chunk_bytes",
    "plan",
    "read_pieces",
    "source_sha256",
]

#: Rows per chunk by default: about 200-300 MB of memory per chunk in flight.
CHUNK_ROWS = 250_000
#: The most bytes per chunk by default (64 MiB), whatever the rows' length.
CHUNK_BYTES = 64 << 20
_READ = 8 << 20


@dataclass(frozen=True)
class Task:
    """One unit of work: bytes ``[start, stop)`` of source number ``source`` (``stop`` None: to
    the end). ``index`` is its place in the input; results are combined in that order."""

    index: int
    source: int
    start: int = 0
    stop: int | None = None

    @property
    def whole(self) -> bool:
        """True when the task reads its whole source (then it hashes it)."""
        return self.start == 0 and self.stop is None


@dataclass(frozen=True)
class Piece:
    """Whole lines read from a source: the bytes and where they start in it."""

    data: bytes
    offset: int

    @property
    def lines(self) -> int:
        """Lines in the piece (a last line without a line end counts)."""
        ends = self.data.count(b"\n")
        return ends + (1 if self.data and not self.data.endswith(b"\n") else 0)

    def source(self, whole: Source) -> Source:
        """The piece as a source of its own, named as its file."""
        return replace(whole, data=self.data, offset=self.offset, size=len(self.data))


def chunk_bytes(source: Source, rows: int | None) -> int:
    """The bytes of ``rows`` rows of the source, from the length of its first lines.

    Without ``rows``, :data:`CHUNK_ROWS` rows but at most :data:`CHUNK_BYTES`.
    """
    lines = peek_lines(source, 200)
    width = (sum(len(line.encode()) + 1 for line in lines) // len(lines)) if lines else 256
    if rows is None:
        return max(1, min(CHUNK_BYTES, CHUNK_ROWS * width))
    return max(1, rows * width)


def plan(sources: list[Source], sizes: list[int]) -> list[Task]:
    """The tasks of an import: byte ranges of ``sizes[i]`` bytes of each splittable source.

    An empty source is one task still (its kind and columns come from reading it).
    """
    tasks: list[Task] = []
    for number, (source, size) in enumerate(zip(sources, sizes, strict=True)):
        count = max(1, round(source.size / size))  # ranges of about ``size``, none tiny
        if not source.splittable or count == 1:
            tasks.append(Task(len(tasks), number))
            continue
        step = -(-source.size // count)
        for start in range(0, source.size, step):
            tasks.append(Task(len(tasks), number, start, start + step))
    return tasks


def _line_start(raw: IO[bytes], start: int) -> int | None:
    """Where the first line that starts at or after ``start`` starts (None: none does)."""
    raw.seek(start - 1)
    at = start - 1
    while True:
        data = raw.read(1 << 16)
        if not data:
            return None
        end = data.find(b"\n")
        if end >= 0:
            raw.seek(at + end + 1)
            return at + end + 1
        at += len(data)


def read_pieces(
    source: Source,
    start: int,
    stop: int | None,
    piece_bytes: int,
    digest: Any = None,
    report: Callable[[int], None] | None = None,
) -> Iterator[Piece]:
    """The lines a task owns, in pieces of about ``piece_bytes`` (at least one, maybe empty).

    A byte range (``stop`` given) is one piece: it is at most ``piece_bytes`` plus the end of
    its last line. The bytes owned are fed to ``digest`` in order and counted to ``report``.
    """
    offset = start
    blocks: list[bytes] = []
    held = 0
    given = False
    with archive_errors(source.name), source.open() as raw:
        if start > 0:
            found = _line_start(raw, start)
            if found is None or (stop is not None and found >= stop):
                yield Piece(b"", start)
                return
            offset = found
        if source.splittable:  # a plain file: its range (or all of it) in one read
            yield _range(raw, source, offset, stop, digest, report)
            return
        while data := raw.read(_READ):
            if stop is not None:  # a range: read on to the end of the line that crosses stop
                end = data.find(b"\n", max(stop - 1 - offset - held, 0))
                if offset + held + len(data) >= stop and end >= 0:
                    blocks.append(data[: end + 1])
                    break
                blocks.append(data)
                held += len(data)
                if held > piece_bytes + MAX_LINE:  # the reader reports the long line
                    break
                continue
            blocks.append(data)
            held += len(data)
            if held < piece_bytes:
                continue
            buffer, at = b"".join(blocks), 0
            while len(buffer) - at >= piece_bytes:
                cut = buffer.find(b"\n", at + piece_bytes - 1)
                if cut < 0 and len(buffer) - at <= MAX_LINE:
                    break  # the line goes on: read more
                cut = len(buffer) - 1 if cut < 0 else cut
                if 0 <= source.size - offset - (cut + 1 - at) < piece_bytes // 4:
                    break  # a small rest joins this piece
                piece = Piece(buffer[at : cut + 1], offset)
                at, offset, given = cut + 1, offset + len(piece.data), True
                _feed(piece.data, digest, report)
                yield piece
            blocks, held = [buffer[at:]], len(buffer) - at
    if blocks or not given:
        piece = Piece(b"".join(blocks), offset)
        _feed(piece.data, digest, report)
        yield piece


def _range(
    raw: IO[bytes],
    source: Source,
    offset: int,
    stop: int | None,
    digest: Any,
    report: Callable[[int], None] | None,
) -> Piece:
    """Bytes ``offset`` to ``stop`` and on to the end of the line that crosses ``stop``."""
    data = raw.read(max((source.size if stop is None else stop) - offset, 0))
    if stop is None:
        data += raw.read()  # a file that grew since it was listed
    elif data and not data.endswith(b"\n"):
        rest = [data]
        while block := raw.read(1 << 16):
            end = block.find(b"\n")
            rest.append(block if end < 0 else block[: end + 1])
            if end >= 0 or sum(map(len, rest)) > len(data) + MAX_LINE:
                break
        data = b"".join(rest)
    _feed(data, digest, report)
    return Piece(data, offset)


def _feed(data: bytes, digest: Any, report: Callable[[int], None] | None) -> None:
    if digest is not None:
        digest.update(data)
    if report is not None:
        report(len(data))


def source_sha256(source: Source) -> str:
    """The sha256 of a source's (decompressed) bytes, read in blocks."""
    digest = hashlib.sha256()
    with archive_errors(source.name), source.open() as raw:
        while data := raw.read(_READ):
            digest.update(data)
    return digest.hexdigest()
