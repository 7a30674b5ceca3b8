"""The streaming import: tasks run, their results combined in input order, the output written.

Results are taken in input order whoever ran them (this process, or Dask workers that finish
in any order). For each, in turn: its line numbers are moved past the lines of the tasks
before in its file; its event ids are checked against those seen before (a Dask task did not
know them: if it holds a repeat it runs again with the repeats named, which is rare); its
counts, issues and actor descriptions are added; its edges are appended to ``edges.csv``
(written beside the output folder, moved in at the end) or its aggregate merged. At the end
the actors are resolved for the whole input (:mod:`.sides`); in the rare case where a chunk
resolved one otherwise, the input is read a second time with that resolution imposed. So the
output is the same, byte for byte, however the input was cut and wherever it ran.

>>> import tempfile, pathlib
>>> from .gdelt import GDELT
>>> row = ["1", "20191024"] + [""] * 3 + ["IRN", "IRAN", "IRN"] + [""] * 7
>>> row += ["TJK", "TAJIKISTAN", "TJK"] + [""] * 8 + ["042", "042", "04", "1", "1.9", "3"]
>>> row += ["1", "3", "2.5"] + [""] * 24 + ["20191024143000", "https://example.org/a"]
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.export.CSV"
>>> _ = path.write_text("\\n".join("\\t".join([str(i)] + row[1:]) for i in range(1, 5)) + "\\n")
>>> whole = stream_import(GDELT, path, None, ImportOptions().checked(), None)
>>> cut = stream_import(GDELT, path, None, ImportOptions().checked(), None, chunk_rows=1)
>>> cut.edges.equals(whole.edges), cut.summary.rows_read
(True, 4)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pandas as pd

from ...errors import DataError, GraphError, Issue, ToolError, UsageError, ValidationReport
from .aggregate import Aggregate
from .chunks import Task, chunk_bytes, plan
from .describe import import_metadata
from .options import ImportOptions, import_vocabulary
from .output import SAFE_EDGE_COLUMNS, ImportResult, ImportSummary, csv_lines, write_output
from .partial import MAX_ISSUES, Job, TaskResult, issue_key, release_memory, run_task
from .pipeline import counted_nodes, link_edges, used_nodes
from .reader import Progress
from .seen import IdSet
from .sides import Registry, Resolution, resolve
from .sources import expand_sources
from .spill import EdgeSlice, Groups, edge_slice, merged

if TYPE_CHECKING:
    from .run import Format

__all__ = ["InProcess", "stream_import"]

_COPY = 1 << 22  # bytes copied at a time from a file of finished edges


class InProcess:
    """Runs the tasks one after the other in this process (the default: no Dask at all)."""

    #: Each task is given the event ids seen before it (so it never runs twice).
    informed = True

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def results(self, job: Job, tasks: list[Task], seen: Any, report: Any) -> Iterator[TaskResult]:
        """Each task's result, in order; each task knows the event ids seen before it."""
        digests: dict[int, Any] = {}
        last = {task.source: task.index for task in tasks}
        for task in tasks:
            digest = None if task.whole else digests.setdefault(task.source, hashlib.sha256())
            result = run_task(job, task, seen(), digest, report)
            if digest is not None and last[task.source] == task.index:
                result.sha256 = digests.pop(task.source).hexdigest()
            yield result

    def rerun(self, job: Job, task: Task, excluded: IdSet) -> TaskResult:  # pragma: no cover
        """Run a task again (never needed here: a task knows the ids seen before it)."""
        return run_task(job, task, excluded)

    def hashes(self) -> dict[int, str]:
        """The sha256 of sources read in several tasks (here: done while reading)."""
        return {}

    def finished(
        self, groups: Groups, finishing: Callable[[Aggregate, int], EdgeSlice]
    ) -> Iterator[EdgeSlice]:
        """Each batch of ``groups`` merged and finished, numbered on, in order."""
        numbered = 0
        for parts in groups.batches():
            piece = finishing(merged(parts), numbered)
            numbered += piece.count
            yield piece


@dataclass
class _Combined:
    """What the results of the tasks add up to, so far."""

    files: list[dict[str, Any]]
    kinds: list[str]
    lines: list[int]
    rows_read: int = 0
    imported: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    filtered: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    blank: int = 0
    issues: list[Issue] = field(default_factory=list)
    issues_total: int = 0
    span: tuple[str, str] | None = None
    seen: IdSet = field(default_factory=IdSet)
    registry: Registry = field(default_factory=Registry)
    columns: list[str] = field(default_factory=list)
    frames: list[pd.DataFrame] = field(default_factory=list)
    ends: pd.Series = field(default_factory=lambda: pd.Series(dtype="int64"))
    groups: Groups = field(default_factory=Groups)

    def add(self, result: TaskResult, sink: IO[bytes] | None) -> None:
        source = result.task.source
        shift = self.lines[source]
        self.lines[source] += result.lines
        info = self.files[source]
        info["bytes"] += result.size
        info["rows"] += result.file_rows
        if result.sha256 is not None:
            info["sha256"] = result.sha256
        self.kinds[source] = self.kinds[source] or result.kind
        self.rows_read += result.rows_read
        self.imported += result.imported
        self.dropped.update(result.dropped)
        self.filtered.update(result.filtered)
        self.skipped.update(result.skipped)
        self.blank += result.blank
        self.issues_total += result.issues_total
        self.issues.extend(_shifted(result.issues, shift))
        if len(self.issues) > 2 * MAX_ISSUES:
            self.issues = sorted(self.issues, key=issue_key)[:MAX_ISSUES]
        if result.span is not None:
            low, high = result.span
            if self.span is not None:
                low, high = min(self.span[0], low), max(self.span[1], high)
            self.span = (low, high)
        for part in result.sides:
            self.registry.add(part)
        self.columns = self.columns or result.columns
        if result.aggregate is not None:
            self.groups.add(result.aggregate)
        elif isinstance(result.edges, bytes) and sink is not None:
            sink.write(result.edges)
        elif isinstance(result.edges, pd.DataFrame):
            self.frames.append(result.edges)
        if result.ends is not None and len(result.ends):
            self.ends = self.ends.add(result.ends, fill_value=0)


def _shifted(issues: list[Issue], lines: int) -> list[Issue]:
    if not lines:
        return issues
    return [replace(i, row=i.row + lines) if i.row is not None else i for i in issues]


def _fail(result: TaskResult, shift: int) -> GraphError:
    assert result.failure is not None
    kind, detail = result.failure
    if kind == "data":
        return DataError(ValidationReport(_shifted(list(detail), shift)))
    if kind == "UsageError":
        return UsageError(str(detail))
    return ToolError(str(detail)) if kind == "ToolError" else GraphError(str(detail))


def _runner(workers: int | None, scheduler: str | None) -> Any:
    if workers is None and scheduler is None:
        return InProcess()
    from .dask_runner import DaskRunner

    return DaskRunner(workers=workers, scheduler=scheduler)


def stream_import(
    fmt: Format,
    paths: str | Path | Iterable[str | Path],
    output: str | Path | None,
    options: ImportOptions,
    progress: Progress | None,
    *,
    workers: int | None = None,
    scheduler: Any = None,
    chunk_rows: int | None = None,
) -> ImportResult:
    """Import in chunks, in this process or on Dask; ``options`` already checked."""
    sources = expand_sources(paths)
    layouts = [fmt.layout(s) for s in sources]
    sizes = [chunk_bytes(s, chunk_rows) for s in sources]
    tasks = plan(sources, sizes)
    streamed = output is not None and options.table_format == "csv"
    job = Job(fmt, sources, layouts, sizes, options, "csv" if streamed else "frame")
    total = sum(s.size for s in sources)
    done = [0]

    def report(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(min(done[0], total), total)

    spill = _spill_path(output) if streamed else None
    try:
        with _runner(workers, scheduler) as runner:
            state, resolution = _pass(fmt, job, tasks, runner, report, spill)
            if not resolution.consistent:  # a chunk resolved an actor otherwise: read again
                done[0] = 0
                state.groups.close()
                resolution = replace(resolution, consistent=True)
                job = replace(job, resolution=resolution)
                state, _ = _pass(fmt, job, tasks, runner, report, spill)
            for number, digest in runner.hashes().items():
                state.files[number]["sha256"] = digest
            result = _result(fmt, options, state, resolution, spill, runner)
        if output is not None:
            result.path = write_output(
                result, output, table_format=options.table_format, edges_file=spill
            )
    finally:
        if spill is not None and spill.exists():
            spill.unlink()
    return result


def _pass(
    fmt: Format, job: Job, tasks: list[Task], runner: Any, report: Any, spill: Path | None
) -> tuple[_Combined, Resolution]:
    """Run every task and combine the results in order; resolve the actors at the end."""
    sources = job.sources
    state = _Combined(
        [{"name": s.name, "bytes": 0, "sha256": "", "rows": 0} for s in sources],
        [""] * len(sources),
        [0] * len(sources),
    )
    sink = spill.open("wb") if spill is not None and not job.options.aggregate else None
    try:
        for result in runner.results(job, tasks, lambda: state.seen, report):
            if result.failure is not None:
                raise _fail(result, state.lines[result.task.source])
            repeats = IdSet() if runner.informed else result.ids.intersection(state.seen)
            if len(repeats):
                result = runner.rerun(job, result.task, repeats)
                if result.failure is not None:
                    raise _fail(result, state.lines[result.task.source])
            if sink is not None and result.columns and not state.columns:
                sink.write(csv_lines(pd.DataFrame([result.columns], columns=result.columns)))
            state.seen = state.seen.union(result.ids)
            state.add(result, sink)
        resolution = job.resolution
        if resolution is None:
            filters = bool(job.options.countries or job.options.actors)
            release_memory(force=True)  # the last steps start from a trimmed heap
            resolution = resolve(fmt, state.registry, filters)
        if sink is not None and state.columns and resolution.consistent:
            nodes = counted_nodes(resolution.catalogue, state.ends)
            if job.options.link:
                links = link_edges(nodes, fmt.name, state.columns)
                sink.write(csv_lines(links, SAFE_EDGE_COLUMNS))
        return state, resolution
    finally:
        if sink is not None:
            sink.close()


def _result(
    fmt: Format,
    options: ImportOptions,
    state: _Combined,
    resolution: Resolution,
    spill: Path | None,
    runner: Any,
) -> ImportResult:
    """Nodes, edges (or their count), the summary and metadata of a combined import."""
    catalogue = resolution.catalogue
    edges: pd.DataFrame | None = None
    if options.aggregate:
        edges, nodes, count = _aggregated(fmt, options, state, catalogue, spill, runner)
    elif spill is None:
        edges = pd.concat(state.frames, ignore_index=True)
        nodes = used_nodes(catalogue, edges)
    else:
        nodes = counted_nodes(catalogue, state.ends)
    if not options.aggregate:
        links = link_edges(nodes, fmt.name, state.columns) if options.link else None
        if edges is not None and links is not None:
            edges = pd.concat([edges, links], ignore_index=True)
        count = state.imported + (len(links) if links is not None else 0)
    issues = sorted(state.issues, key=issue_key)[:MAX_ISSUES]
    summary = ImportSummary(
        format=fmt.name,
        files=state.files,
        options=options.to_dict(),
        rows_read=state.rows_read,
        imported=state.imported,
        filtered=dict(sorted(state.filtered.items())),
        dropped=dict(sorted(state.dropped.items())),
        skipped=dict(sorted(state.skipped.items())),
        blank_lines=state.blank,
        nodes=len(nodes),
        edges=count,
        unresolved=resolution.unresolved,
        issues=issues,
        issues_total=state.issues_total if state.issues_total > len(issues) else None,
    )
    metadata = import_metadata(summary, state.kinds, state.span)
    vocabulary = import_vocabulary()
    if edges is None:
        return _Written(summary, nodes, pd.DataFrame(), vocabulary, metadata=metadata)
    return ImportResult(summary, nodes, edges, vocabulary, metadata=metadata)


def _aggregated(
    fmt: Format,
    options: ImportOptions,
    state: _Combined,
    catalogue: pd.DataFrame,
    spill: Path | None,
    runner: Any,
) -> tuple[pd.DataFrame | None, pd.DataFrame, int]:
    """The aggregated edges, batch by batch (each merged and finished by ``runner``, numbered
    in order): to ``spill`` (``edges.csv``) or a table."""
    assert options.aggregate is not None
    tables: list[pd.DataFrame] = []
    ends = pd.Series(dtype="int64")
    count = 0
    columns: list[str] = []
    with spill.open("wb") if spill is not None else nullcontext() as sink:
        finishing = partial(edge_slice, prefix=fmt.name, period=options.aggregate,
                            score_column=fmt.score_column, as_csv=sink is not None)  # fmt: skip
        try:
            for piece in runner.finished(state.groups, finishing):
                if sink is not None and not columns:
                    sink.write(csv_lines(pd.DataFrame([piece.columns], columns=piece.columns)))
                columns = piece.columns
                ends = ends.add(piece.ends, fill_value=0)
                count += piece.count
                if piece.path is not None and sink is not None:
                    with piece.path.open("rb") as lines:
                        shutil.copyfileobj(lines, sink, _COPY)
                    piece.path.unlink()
                elif piece.lines is not None and sink is not None:
                    sink.write(piece.lines)
                elif piece.table is not None:
                    tables.append(piece.table)
        finally:
            state.groups.close()
        nodes = counted_nodes(catalogue, ends)
        if options.link:
            links = link_edges(nodes, fmt.name, columns)
            count += len(links)
            if sink is not None:
                sink.write(csv_lines(links, SAFE_EDGE_COLUMNS))
            else:
                tables.append(links)
    edges = pd.concat(tables, ignore_index=True) if sink is None else None
    return edges, nodes, count


class _Written(ImportResult):
    """An import whose edges went straight to ``edges.csv``: read back on first use."""

    _loaded: pd.DataFrame | None = None

    @property  # type: ignore[override]
    def edges(self) -> pd.DataFrame:
        if self._loaded is None and self.path is not None:
            self._loaded = pd.read_csv(
                self.path / "edges.csv", dtype=str, keep_default_na=False, na_filter=False
            )
        return pd.DataFrame() if self._loaded is None else self._loaded

    @edges.setter
    def edges(self, value: pd.DataFrame) -> None:
        self._loaded = value if len(value.columns) else None

    def __repr__(self) -> str:
        return f"<ImportResult {self.summary.format}: {self.summary.edges:,} edges in {self.path}>"


def _spill_path(output: str | Path | None) -> Path:
    """A temporary file beside the output folder (moved into it at the end)."""
    assert output is not None
    folder = Path(output).absolute()
    folder.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{folder.name}.edges.", suffix=".tmp",
                                    dir=folder.parent)  # fmt: skip
    os.close(handle)
    return Path(name)
