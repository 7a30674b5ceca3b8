"""One task of an import: read its bytes in pieces, run the import's steps on each, reduce.

Each piece (a block of whole lines) goes through the steps a whole-file import runs: the
format reads and checks its rows, resolves their actors, :func:`~.pipeline.decide` drops and
filters, and the kept events become edges (:func:`~.pipeline.edge_table`, as CSV lines or a
table) or an :class:`~.aggregate.Aggregate`. What a task hands back, a :class:`TaskResult`,
is small and combines with the others: counts, the first issues, the event ids it saw, its
actor descriptions (:mod:`.sides`), and its edges or aggregate. Line numbers in it count from
the task's first line; the import adds the lines of the tasks before.

An event id seen earlier in the input (``excluded``, or in an earlier piece of the task) is a
repeat: rows that pass every check but that one are skipped as ``duplicate-event``, exactly
as the format's own check does within a piece.

>>> import tempfile, pathlib
>>> from .gdelt import GDELT
>>> row = ["1", "20191024"] + [""] * 3 + ["IRN", "IRAN", "IRN"] + [""] * 7
>>> row += ["TJK", "TAJIKISTAN", "TJK"] + [""] * 8 + ["042", "042", "04", "1", "1.9", "3"]
>>> row += ["1", "3", "2.5"] + [""] * 24 + ["20191024143000", "https://example.org/a"]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.export.CSV"
>>> _ = path.write_text("\\t".join(row) + "\\n")
>>> source = Source(path.name, path, size=path.stat().st_size)
>>> job = Job(GDELT, [source], [GDELT.layout(source)], [1 << 20], ImportOptions().checked())
>>> result = run_task(job, Task(0, 0))
>>> result.rows_read, result.imported, result.lines, result.ids.runs()
(1, 1, 1, [(1, 1)])
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ...errors import DataError, GraphError, Issue, ValidationReport
from ...issue_codes import IssueCode
from .aggregate import Aggregate, merge, place, reduce_events
from .chunks import Task, read_pieces
from .options import ImportOptions, import_vocabulary
from .output import SAFE_EDGE_COLUMNS, csv_lines
from .pipeline import decide, edge_table
from .seen import IdSet
from .sides import Resolution, Sides, describe
from .sources import Source

if TYPE_CHECKING:
    from .reader import Rows
    from .run import Format

__all__ = [
    "MAX_ISSUES",
    "Job",
    "TaskResult",
    "release_memory",
    "result_file",
    "run_task",
    "scratch_file",
]

#: Issues an import keeps (the first, by file and line); the rest are counted.
MAX_ISSUES = 10_000
_REPEAT = "event {value} appears earlier in the input; the repeat is skipped"


@dataclass
class Job:
    """What every task of an import shares.

    ``edges`` says how per-event edges come back: ``"csv"`` (lines, to append to
    ``edges.csv``) or ``"frame"`` (a table).
    """

    fmt: Format
    sources: list[Source]
    layouts: list[Any]
    sizes: list[int]  # bytes per piece, per source
    options: ImportOptions
    edges: str = "csv"
    resolution: Resolution | None = None  # imposed on every piece (a second pass)


@dataclass
class TaskResult:
    """What a task hands back (line numbers from the task's first line)."""

    task: Task
    kind: str = ""
    lines: int = 0
    size: int = 0
    sha256: str | None = None
    file_rows: int = 0
    blank: int = 0
    rows_read: int = 0
    imported: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    filtered: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)
    issues_total: int = 0
    ids: IdSet = field(default_factory=IdSet)
    sides: list[Sides] = field(default_factory=list)
    span: tuple[str, str] | None = None
    columns: list[str] = field(default_factory=list)
    edges: bytes | pd.DataFrame | None = None
    ends: pd.Series | None = None
    aggregate: Aggregate | None = None
    failure: tuple[str, Any] | None = None  # an error raised, as plain data


def scratch_file(folder: str, prefix: str, data: bytes) -> Path:
    """``data`` written to a new file in ``folder`` (a name no other task takes); its path."""
    handle, name = tempfile.mkstemp(prefix=prefix, dir=folder)
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    return Path(name)


def result_file(folder: str, job: Job, task: Task, excluded: IdSet | None = None) -> Path:
    """:func:`run_task`, its result pickled to a new file in ``folder``; the file's path."""
    result = run_task(job, task, excluded)
    return scratch_file(
        folder, f"task-{task.index}-", pickle.dumps(result, pickle.HIGHEST_PROTOCOL)
    )


@lru_cache(maxsize=1)
def _undirected() -> frozenset[str]:
    return frozenset(k for k, v in import_vocabulary().edge_types.items() if not v.directed)


def run_task(
    job: Job,
    task: Task,
    excluded: IdSet | None = None,
    digest: Any = None,
    report: Callable[[int], None] | None = None,
    emit: Callable[[list[str], bytes], None] | None = None,
) -> TaskResult:
    """Run one task; errors come back in :attr:`TaskResult.failure` (line numbers kept).

    ``emit(columns, lines)``, if given, takes each piece's CSV edge lines as they are made
    (in this process: a large compressed file's edges are not held until the task ends).
    """
    result = TaskResult(task)
    try:
        _run(job, task, excluded or IdSet(), digest, report, emit, result)
    except DataError as exc:
        result.failure = ("data", list(exc.report.issues))
    except GraphError as exc:
        result.failure = (type(exc).__name__, str(exc))
    release_memory()
    return result


#: Bytes the resident memory may grow by before the heap is trimmed.
TRIM_MARGIN = 64 << 20
_TRIMMED = [0]  # the resident size after the last trim


def release_memory(force: bool = False) -> None:
    """Give the memory freed by a chunk back to the system once it has grown by a margin.

    Without it, the free pages left between chunks add up (the C heap fragments): the peak
    grows with the input. Trimming after every chunk would cost a fifth of the time (the pages
    are taken again by the next chunk); trimming when the resident memory passed the last
    trimmed size by :data:`TRIM_MARGIN` (or when ``force``: before the last steps) bounds the
    growth for a few trims per import.
    """
    pa.default_memory_pool().release_unused()
    if _LIBC is None:
        return
    resident = _resident()
    if force or resident > _TRIMMED[0] + TRIM_MARGIN:
        _LIBC.malloc_trim(0)
        _TRIMMED[0] = _resident()


def _resident() -> int:
    """Resident memory of this process in bytes (Linux)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _PAGE
    except OSError:  # pragma: no cover - /proc is there on Linux
        return 0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # pragma: no cover - not glibc
        return None


_LIBC = _libc()


def _run(
    job: Job,
    task: Task,
    excluded: IdSet,
    digest: Any,
    report: Callable[[int], None] | None,
    emit: Callable[[list[str], bytes], None] | None,
    result: TaskResult,
) -> None:
    fmt = job.fmt
    source = job.sources[task.source]
    own = hashlib.sha256() if task.whole and digest is None else None
    seen = IdSet()
    aggregates: list[Aggregate] = []
    edges: list[bytes | pd.DataFrame] = []
    ends: list[pd.Series] = []
    size, layout = job.sizes[task.source], job.layouts[task.source]
    for number, piece in enumerate(
        read_pieces(source, task.start, task.stop, size, digest if own is None else own)
    ):
        try:
            rows, parsed = _read(fmt, piece.source(source), layout, excluded, seen, report)
        except DataError as exc:
            raise DataError(ValidationReport(_shift(exc.report.issues, result.lines))) from None
        seen = seen.union(_candidates(parsed))
        if job.resolution is not None:
            job.resolution.impose(rows, parsed, fmt)
        else:
            result.sides.append(
                describe(rows, parsed, fmt, bool(job.options.countries or job.options.actors))
            )
        outcome = decide(parsed, job.options)
        _count(result, rows, parsed, outcome)
        _issues(result, _shift(parsed.issues, result.lines), job.options.strict)
        result.lines += piece.lines
        result.size += len(piece.data)
        if job.options.aggregate:
            aggregates.append(
                reduce_events(
                    parsed,
                    outcome,
                    job.options.aggregate,
                    fmt.citations,
                    set(_undirected()),
                    place(task.index, number),
                )
            )
            if len(aggregates) >= 4:  # a long compressed file: keep one aggregate
                aggregates = [merge(aggregates)]
            continue
        table = edge_table(parsed, outcome, fmt.name, fmt.score_column, fmt.columns)
        result.columns = list(table.columns)
        ends.append(pd.concat([table["source"], table["target"]]).value_counts())
        if job.edges != "csv":
            edges.append(table)
        elif emit is not None:
            emit(result.columns, csv_lines(table, SAFE_EDGE_COLUMNS))
        else:
            edges.append(csv_lines(table, SAFE_EDGE_COLUMNS))
    result.ids = seen
    if own is not None:
        result.sha256 = own.hexdigest()
    if aggregates:
        result.aggregate = merge(aggregates)
    elif ends:
        if job.edges == "csv":
            result.edges = b"".join(e for e in edges if isinstance(e, bytes))
        else:
            result.edges = pd.concat([e for e in edges if isinstance(e, pd.DataFrame)])
            result.edges = result.edges.reset_index(drop=True)
        counts = pd.concat(ends)
        result.ends = counts.groupby(level=0, sort=False).sum() if len(counts) else counts


def _read(
    fmt: Format,
    piece: Source,
    layout: Any,
    excluded: IdSet,
    seen: IdSet,
    report: Callable[[int], None] | None,
) -> tuple[Rows, Any]:
    """Read and parse a piece; repeats of earlier ids are skipped as the format would."""
    rows = fmt.read(piece, report or _quiet, layout)
    parsed = fmt.parse([rows])
    candidate = _candidate_mask(parsed)
    ids = parsed.frame["event_id"]
    hit = np.zeros(len(ids), dtype=bool)
    if candidate.any() and (len(excluded) or len(seen)):
        picked = ids[candidate]
        found = excluded.contains(picked) | seen.contains(picked)
        hit[np.flatnonzero(candidate)[found]] = True
    if not hit.any():
        return rows, parsed
    frame = rows.frame.copy()
    frame.loc[hit, "_skip"] = IssueCode.DUPLICATE_EVENT.value
    rows.frame = frame
    values = frame.loc[hit, "event_id"].astype(str)
    rows.issues = rows.issues + [
        Issue(piece.name, int(line), fmt.id_field, IssueCode.DUPLICATE_EVENT,
              _REPEAT.format(value=value), value=value)
        for line, value in zip(frame.loc[hit, "_line"], values, strict=True)
    ]  # fmt: skip
    return rows, fmt.parse([rows])


def _quiet(_: int) -> None:
    return None


def _candidate_mask(parsed: Any) -> np.ndarray:
    """Rows that passed every check but maybe the repeat check (checked last)."""
    names = parsed.checker.names
    code = parsed.checker.code
    ok = code == 0
    if IssueCode.DUPLICATE_EVENT.value in names:
        ok |= code == names.index(IssueCode.DUPLICATE_EVENT.value)
    return ok


def _candidates(parsed: Any) -> IdSet:
    return IdSet.of(parsed.frame["event_id"][_candidate_mask(parsed)])


def _count(result: TaskResult, rows: Rows, parsed: Any, outcome: Any) -> None:
    dropped, filtered = outcome.counts()
    result.kind = result.kind or rows.kind
    result.file_rows += len(rows.frame)
    result.blank += rows.blank
    result.rows_read += len(parsed.frame)
    result.imported += int(outcome.kept.sum())
    result.dropped.update(dropped)
    result.filtered.update(filtered)
    result.skipped.update(parsed.checker.counts())
    dates = parsed.events["date"][outcome.kept]
    if len(dates):
        low, high = str(dates.min()), str(dates.max())
        span = result.span
        result.span = (min(span[0], low), max(span[1], high)) if span else (low, high)


def _shift(issues: list[Issue], lines: int) -> list[Issue]:
    if not lines:
        return list(issues)
    return [replace(i, row=i.row + lines) if i.row is not None else i for i in issues]


def _issues(result: TaskResult, issues: list[Issue], strict: bool) -> None:
    if strict and issues:
        raise DataError(ValidationReport(sorted(issues, key=issue_key)))
    result.issues_total += len(issues)
    result.issues.extend(issues)
    if len(result.issues) > 2 * MAX_ISSUES:
        result.issues = sorted(result.issues, key=issue_key)[:MAX_ISSUES]


def issue_key(issue: Issue) -> tuple[str, int, str]:
    """The order issues are reported in: file, line, code."""
    return (issue.file, issue.row or 0, issue.code)
