"""The same import on Dask: a ``distributed.LocalCluster`` of two workers (started and stopped
here) writes the output folder of the in-process import, byte for byte, every row accounted
for; repeats across chunks run on different workers; ``--workers`` and the errors."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from import_whole import folder_bytes
from test_import_stream import ICEWS, accounted, synthetic
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import ToolError
from graph.exchange.importers import dask_runner, import_gdelt, import_icews, spill

distributed = pytest.importorskip("distributed")
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local cluster of two worker processes; its scheduler's address."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # no fixed port: no clash
        scheduler_kwargs={"dashboard": False},
    ) as local:
        yield local.scheduler_address


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 GDELT rows with repeats across chunks, bad rows and several months."""
    return synthetic(tmp_path_factory.mktemp("events") / "day.export.CSV", 3000)


@pytest.mark.parametrize("options", [{"aggregate": "month"}, {}], ids=["month", "events"])
def test_cluster_writes_the_in_process_folder(
    cluster: str, events: Path, tmp_path: Path, options: dict[str, object]
) -> None:
    alone = import_gdelt(events, tmp_path / "alone", chunk_rows=800, **options)
    spread = import_gdelt(events, tmp_path / "dask", chunk_rows=800, scheduler=cluster, **options)
    assert folder_bytes(tmp_path / "alone") == folder_bytes(tmp_path / "dask")
    assert accounted(spread.summary) and spread.summary.rows_read == 3000
    assert spread.summary.skipped == alone.summary.skipped
    assert spread.summary.skipped["duplicate-event"] > 50  # found across workers


@pytest.mark.parametrize("started", [False, True], ids=["running-cluster", "workers-2"])
def test_spilled_groups_are_finished_on_the_cluster_in_order(
    cluster: str,
    events: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    started: bool,
) -> None:
    """Groups spilled to disk come back in many batches, merged and finished by the workers
    a window ahead; the edges are numbered as in one sort, as in this process. A running
    cluster gets the spilled files' bytes and hands back the edges; a cluster the import
    starts (``workers=2``) reads the files and writes the edges (and task results) to files,
    all removed after."""
    whole = import_gdelt(events, tmp_path / "whole", aggregate="day")
    monkeypatch.setattr(spill, "SPILL_GROUPS", 60)
    monkeypatch.setattr(spill, "_BATCH", 25)
    batches = list(spill.Groups().batches())  # nothing held: one empty batch
    assert len(batches) == 1
    import_gdelt(events, tmp_path / "alone", chunk_rows=400, aggregate="day")
    where: dict[str, object] = {"workers": 2} if started else {"scheduler": cluster}
    before = _scratch()
    spread = import_gdelt(events, tmp_path / "dask", chunk_rows=400, aggregate="day", **where)
    assert folder_bytes(tmp_path / "whole") == folder_bytes(tmp_path / "alone")
    assert folder_bytes(tmp_path / "alone") == folder_bytes(tmp_path / "dask")
    assert spread.summary.edges == whole.summary.edges > 3 * 25
    table = import_gdelt(events, None, chunk_rows=400, aggregate="day", **where)
    assert table.edges.equals(whole.edges)
    numbered = [i for i in table.edges["id"] if i.startswith("gdelt-day-")]
    assert numbered == [f"gdelt-day-{n}" for n in range(1, len(numbered) + 1)]
    assert _scratch() == before  # no spilled groups or edge files left behind


def _scratch() -> set[str]:
    """The import's temporary folders (spilled groups, finished edges) now present."""
    folder = Path(tempfile.gettempdir())
    return {
        p.name for prefix in ("graph-groups-", "graph-dask-") for p in folder.glob(prefix + "*")
    }


def test_icews_on_the_cluster(cluster: str, tmp_path: Path) -> None:
    import_icews(ICEWS, tmp_path / "alone", aggregate="day")
    import_icews(ICEWS, tmp_path / "dask", aggregate="day", chunk_rows=2, scheduler=cluster)
    assert folder_bytes(tmp_path / "alone") == folder_bytes(tmp_path / "dask")


def test_cli_workers_starts_and_stops_a_cluster(events: Path, tmp_path: Path) -> None:
    args = ["import", "gdelt", str(events), "--aggregate", "month", "--json"]
    alone = runner.invoke(app, [*args, "-o", str(tmp_path / "alone")])
    spread = runner.invoke(
        app, [*args, "-o", str(tmp_path / "dask"), "--workers", "2", "--chunk-rows", "1000"]
    )
    assert alone.exit_code == spread.exit_code == 0, spread.output
    assert json.loads(alone.stdout) == json.loads(spread.stdout)
    assert folder_bytes(tmp_path / "alone") == folder_bytes(tmp_path / "dask")


def test_unreachable_scheduler_is_one_clear_error(
    events: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(ToolError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        import_gdelt(events, scheduler="tcp://127.0.0.1:9")
    result = runner.invoke(
        app,
        ["import", "gdelt", str(events), "-o", str(tmp_path / "x")],
        env={"DASK_SCHEDULER_ADDRESS": "tcp://127.0.0.1:9"},
    )
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.stderr
    assert not (tmp_path / "x").exists()


def test_without_dask_installed(
    events: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = runner.invoke(
        app, ["import", "gdelt", str(events), "-o", str(tmp_path / "x"), "--workers", "2"]
    )
    assert result.exit_code == 1
    assert "pip install 'graph-explorer[scale]'" in result.stderr
