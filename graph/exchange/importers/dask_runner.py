"""The same import on Dask: a cluster started on this machine, or a running one.

``workers=N`` starts a ``distributed.LocalCluster`` of N worker processes of one thread each
for the import and closes it after; ``scheduler="tcp://host:8786"`` connects to a running
cluster (a ``distributed.Client`` may be given instead, such as dask-gateway's
``cluster.get_client()``: it is used and left open), whose workers must have this package
(``pip install 'graph-explorer[scale]'``) and see the input paths or URLs. Tasks are byte
ranges of files (:mod:`.chunks`): each worker reads its own bytes. A window of tasks a few
times the cluster's threads is in flight; results are taken in input order as they arrive.
Files read in several tasks are hashed (sha256) by a task of their own. The workers of a
cluster started here share this machine's files: task results, spilled groups and finished
edges pass through a scratch folder (removed at the end) instead of Dask's connections. Dask
is imported here only, when one of the two options is given.

>>> DaskRunner(workers=2).workers
2
"""

from __future__ import annotations

import logging
import operator
import pickle
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from ...errors import ToolError
from .chunks import Task, source_sha256
from .partial import Job, TaskResult, result_file, run_task
from .seen import IdSet
from .spill import EdgeSlice, Groups, edge_file, merged

__all__ = ["CONNECT_TIMEOUT", "DaskRunner"]

_INSTALL = "pip install 'graph-explorer[scale]'"
#: How long to try to reach a scheduler before giving up.
CONNECT_TIMEOUT = "10s"


def _local_cluster(distributed: Any, workers: int) -> Any:
    """A cluster of ``workers`` processes of one thread each on this machine.

    Workers keep glibc's own heap settings, as this process has: Dask's default
    ``MALLOC_TRIM_THRESHOLD_`` of 64 KiB trims at every free, and any fixed threshold turns
    off glibc's adaptive mmap threshold, so each array of a chunk was mapped afresh (three
    times the page faults of an in-process task, and up to five times its system time when
    two workers fault at once). They trim their heap when a task ends (``release_memory``)
    and do not sample their own stacks every 10 ms for Dask's profiler.
    """
    import dask

    environ = {"OMP_WAIT_POLICY": "passive"}
    settings = {
        "distributed.nanny.pre-spawn-environ": environ,
        "distributed.worker.profile.enabled": False,  # sampling every 10 ms cost a fifth
    }
    with dask.config.set(settings):
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # no fixed port: no clash with another cluster
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.CRITICAL,  # a worker's heartbeat to a closed scheduler
            env=environ,
        )


class DaskRunner:
    """Runs an import's tasks on Dask (see the module docstring)."""

    #: Tasks run at the same time do not know the event ids the others hold.
    informed = False

    def __init__(self, *, workers: int | None = None, scheduler: Any = None) -> None:
        self.workers = workers
        self.scheduler = scheduler
        self.owned = not (scheduler is not None and not isinstance(scheduler, str))
        self.client: Any = None if self.owned else scheduler  # a Client given: used, not closed
        self.cluster: Any = None
        self.window = 4
        self._job: Any = None
        self._hashes: dict[int, Any] = {}
        self._scratch: tempfile.TemporaryDirectory[str] | None = None

    def __enter__(self) -> DaskRunner:
        try:
            import distributed
        except ImportError:
            raise ToolError(
                f"running on Dask (--workers, --scheduler) needs dask and distributed: {_INSTALL}"
            ) from None
        if self.client is not None:
            pass
        elif self.workers is not None:
            self.cluster = _local_cluster(distributed, self.workers)
            self.client = distributed.Client(self.cluster, set_as_default=False)
            self._scratch = tempfile.TemporaryDirectory(prefix="graph-dask-")
        else:
            try:
                self.client = distributed.Client(
                    self.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False
                )
            except Exception as exc:  # OSError, TimeoutError, a bad address ...
                raise ToolError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); start it "
                    "(dask-scheduler) or check the address"
                ) from None
        threads = sum(self.client.nthreads().values()) or 1
        self.window = 2 * threads + 2
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None and self.owned:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        if self._scratch is not None:
            self._scratch.cleanup()

    def _submit_task(self, task: Task, *excluded: IdSet) -> Any:
        """Run a task on the cluster: its result comes back as a file on this machine when
        the workers are this machine's (no result bytes through Dask), else as itself."""
        if self._scratch is None:
            return self.client.submit(run_task, self._job, task, *excluded, pure=False)
        folder = self._scratch.name
        return self.client.submit(result_file, folder, self._job, task, *excluded, pure=False)

    @staticmethod
    def _received(future: Any) -> TaskResult:
        """The result of :meth:`_submit_task`, read from its file (then removed) if one."""
        got = future.result()
        if isinstance(got, TaskResult):
            return got
        path = Path(got)
        try:
            result: TaskResult = pickle.loads(path.read_bytes())
        finally:
            path.unlink()
        return result

    def results(
        self,
        job: Job,
        tasks: list[Task],
        seen: Callable[[], IdSet],
        report: Callable[[int], None],
        emit: object = None,
    ) -> Iterator[TaskResult]:
        """Each task's result, in input order (a task does not know the ids seen before it;
        its edges come back with it, not through ``emit``)."""
        [self._job] = self.client.scatter([job], broadcast=True)
        split = {t.source for t in tasks if not t.whole}
        self._hashes = {
            n: self.client.submit(source_sha256, job.sources[n], pure=False) for n in split
        }
        futures: dict[int, Any] = {}
        submitted = 0
        for position in range(len(tasks)):
            while submitted < min(len(tasks), position + self.window):
                task = tasks[submitted]
                futures[submitted] = self._submit_task(task)
                submitted += 1
            result = self._received(futures.pop(position))
            report(result.size)
            yield result

    def rerun(self, job: Job, task: Task, excluded: IdSet) -> TaskResult:
        """Run a task again, skipping ``excluded`` event ids as repeats."""
        return self._received(self._submit_task(task, excluded))

    def finished(self, groups: Groups, finishing: Callable[..., EdgeSlice]) -> Iterator[EdgeSlice]:
        """Each batch of ``groups`` merged and finished on the workers, in order.

        Batches go out as they are read, a window ahead: spilled buckets as the paths of
        their files on a cluster started here (its workers write the edges to files there
        too, which this process copies into the output), as the bytes of the files on any
        other. A batch's edges are numbered on from the edges before it, a number the
        cluster adds up itself (the count before the batch before, plus that batch's length):
        the workers go on merging and finishing without waiting for this process.
        """
        folder = self._scratch.name if self._scratch is not None else None
        task = partial(edge_file, finishing, folder) if folder else finishing
        pending: deque[Any] = deque()  # each batch's finished edges, in order
        before: Any = 0  # edges before the next batch: then a future, summed on the cluster
        for batch in groups.batches():
            sent = (
                batch if folder else [p.read_bytes() if isinstance(p, Path) else p for p in batch]
            )
            parts = self.client.scatter(sent, hash=False)  # elsewhere: the spilled files' bytes
            agg = self.client.submit(merged, parts, pure=False)
            pending.append(self.client.submit(task, agg, before, pure=False))
            size = self.client.submit(len, agg, pure=False)
            before = self.client.submit(operator.add, before, size, pure=False)
            if len(pending) >= self.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def hashes(self) -> dict[int, str]:
        """The sha256 of each source read in several tasks."""
        return {n: str(f.result()) for n, f in self._hashes.items()}
