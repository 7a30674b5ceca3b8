"""Benchmark: ``graph import gdelt --aggregate month`` on 1, 5 and 20 million GDELT 2.0 rows.

Synthetic daily files (seeded, 200,000 rows a day, 61 tab-separated fields as GDELT 2.0
writes them), with GDELT's skew: actors drawn by a power law over the ~250 countries of the
importer's table (the large ones first), a quarter of the sides empty, some with a type code
but no country, bodies of states (the importer's actor type codes, Government most often),
known groups (the GDELT codes of organizations.csv); CAMEO codes from the importer's table,
weighted by root as GDELT's are (statements and consultations most, force rarely), each with
its Goldstein score; 90 % of a day's events dated that day, the rest in the month before;
mention counts by a power law; source URLs. Event ids run on across the files. The files are
written once into a folder and reused: each size imports the first days (a folder of links).

For each size, each in a fresh process, one after the other:

1. ``in-process``: ``graph import gdelt DAYS/ --aggregate month -o OUT`` (the default: chunks
   read one after the other, no Dask);
2. ``--workers 2``: the same command on a local Dask cluster of two worker processes
   (started and stopped by the command, counted in its time).

The input is read once before each run, so that both start with it in the page cache. It
prints rows/s (rows read / wall-clock seconds of the whole command, start-up included)
and peak memory: the command's own ``VmHWM`` (read by the process itself at exit), and for
``--workers`` also each worker's ``VmHWM`` (polled every 50 ms from ``/proc``): the driver
plus the larger worker, and the sum of all. Then the ratios: peak memory at the largest size
over the 1 M peak (in-process), and throughput of ``--workers 2`` over the in-process rate of
the same size; the baseline is the in-process 1 M run of this same invocation. It checks that
both runs write the same folder, byte for byte.

    python benchmarks/bench_import.py [--quick] [--sizes 1000000 5000000 20000000]
                                      [--workers 2] [--data DIR] [--keep] [--before REF]

``--before REF`` (a git commit, e.g. ``cf135a6``, the last before streaming): also imports the
first size with that commit's package (a temporary ``git worktree``), right after this
version's in-process run of it, and prints this version's speed and peak memory over it.

``--quick``: 200,000 and 500,000 rows (days of 50,000 rows). ``--data DIR`` keeps the
generated days there for the next run (default: a temporary folder, removed at the end).

The days are written by ``gdelt_days.py`` (beside this file). Targets: peak memory at 20 M at
most 1.2 x the peak at 1 M and under 1.5 GB; in-process at least the speed before streaming
(``--before cf135a6``; 150,000 rows/s was quoted); ``--workers 2`` at least 1.6 x the
in-process rate.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gdelt_days import DAY_ROWS, generate  # noqa: E402 (after the path is set)


def _linked(days: list[Path], folder: Path) -> Path:
    """A folder holding (hard links to) the given days: the input of one size."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for day in days:
        try:
            os.link(day, folder / day.name)
        except OSError:
            os.symlink(day, folder / day.name)
    return folder


def _vmhwm(pid: int | str) -> float:
    """A process's peak resident memory in MiB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        children: list[str] = []
        for task in Path(f"/proc/{parent}/task").glob("*"):  # any thread may have started one
            try:
                children += (task / "children").read_text().split()
            except OSError:
                continue
        for child in map(int, dict.fromkeys(children)):
            found.append(child)
            todo.append(child)
    return found


def _watch(process: subprocess.Popen[bytes], peaks: dict[int, float]) -> None:
    """Poll the peak memory of every process under ``process`` until it ends."""
    while process.poll() is None:
        for pid in _descendants(process.pid):
            peaks[pid] = max(peaks.get(pid, 0.0), _vmhwm(pid))
        time.sleep(0.05)


def child(report: str, argv: list[str]) -> None:
    """In the measured process: run the CLI, then write its own peak memory to ``report``."""
    from graph.cli import main

    sys.argv = ["graph", *argv]
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    Path(report).write_text(json.dumps({"peak_mb": _vmhwm("self"), "exit": code}))
    sys.exit(code)


def measure(
    source: Path, out: Path, workers: int | None, root: Path | None = None
) -> dict[str, float]:
    """Run one import in a fresh process; its rows, seconds, rows/s and peak memory.

    ``root``: run the package found there (a checkout of another commit) instead of this one.
    """
    extra = ["--workers", str(workers)] if workers else []
    report = out.with_suffix(".json")
    command = [sys.executable, __file__, "--child", str(report), "import", "gdelt",
               str(source), "--aggregate", "month", "-o", str(out), "--force", "--json",
               *extra]  # fmt: skip
    peaks: dict[int, float] = {}
    env = {**os.environ, "OMP_WAIT_POLICY": "passive"}
    if root is not None:
        env["GRAPH_BENCH_ROOT"] = str(root)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=env)
    watcher = threading.Thread(target=_watch, args=(process, peaks))
    watcher.start()
    stdout, _ = process.communicate()
    seconds = time.perf_counter() - start
    watcher.join()
    if process.returncode:
        raise SystemExit(f"import failed ({process.returncode}): {' '.join(command)}")
    summary = json.loads(stdout)
    own = json.loads(report.read_text())["peak_mb"]
    workers_mb = sorted(peaks.values(), reverse=True)[: workers or 0]
    assert summary["rows_read"] == summary["imported"] + sum(
        sum(summary[k].values()) for k in ("dropped", "filtered", "skipped")
    ), "rows not accounted for"
    return {
        "rows": summary["rows_read"],
        "edges": summary["edges"],
        "seconds": seconds,
        "rate": summary["rows_read"] / seconds,
        "peak_mb": own,
        "driver_plus_worker_mb": own + (max(workers_mb) if workers_mb else 0.0),
        "sum_mb": own + sum(workers_mb),
    }


def _warm(folder: Path) -> None:
    """Read the input once, so that every run starts with it in the page cache."""
    for path in sorted(folder.iterdir()):
        with path.open("rb") as handle:
            while handle.read(64 << 20):
                pass


def _same(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:  # the measured process: a report path, then the CLI's
        if os.environ.get("GRAPH_BENCH_ROOT"):  # the package of another commit
            sys.path.remove(str(ROOT))
            sys.path.insert(0, os.environ["GRAPH_BENCH_ROOT"])
        child(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 5_000_000, 20_000_000])
    parser.add_argument("--quick", action="store_true", help="200,000 and 500,000 rows")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, help="keep the generated days in this folder")
    parser.add_argument("--keep", action="store_true", help="keep the outputs (in --data)")
    parser.add_argument(
        "--before",
        metavar="REF",
        help="also import the first size with the package of this git commit (e.g. cf135a6, "
        "the last one before streaming), in the same run, as the baseline for speed",
    )
    args = parser.parse_args()
    sizes = [200_000, 500_000] if args.quick else args.sizes
    day_rows = 50_000 if args.quick else DAY_ROWS
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "days"
        work = (args.data or Path(tmp)) / "runs"
        start = time.perf_counter()
        days = generate(data, max(sizes), day_rows)
        size = sum(d.stat().st_size for d in days) / 1e6
        print(
            f"data: {len(days)} daily files of {day_rows:,} GDELT 2.0 rows ({size:,.0f} MB) "
            f"ready in {time.perf_counter() - start:.1f} s (seed 7), in {data}"
        )
        rows_line = f"{'rows':>12} | {'run':<12} | {'seconds':>8} | {'rows/s':>9} | "
        print(rows_line + f"{'peak MB':>8} | {'driver+worker':>13} | {'sum':>7} | edges")
        results: dict[tuple[int, str], dict[str, float]] = {}
        for rows in sizes:
            source = _linked(days[: -(-rows // day_rows)], work / f"in{rows}")
            runs = [("in-process", None), (f"--workers {args.workers}", args.workers)]
            for name, workers in runs:
                _warm(source)
                out = work / f"out{rows}-{workers or 0}"
                r = measure(source, out, workers)
                results[(rows, name)] = r
                extra = (
                    f"{r['driver_plus_worker_mb']:>13,.0f} | {r['sum_mb']:>7,.0f}"
                    if workers
                    else f"{'':>13} | {'':>7}"
                )
                print(
                    f"{int(r['rows']):>12,} | {name:<12} | {r['seconds']:>8.1f} | "
                    f"{r['rate']:>9,.0f} | {r['peak_mb']:>8,.0f} | {extra} | {int(r['edges']):,}"
                )
            same = _same(work / f"out{rows}-0", work / f"out{rows}-{args.workers}")
            print(f"{'':>12}   outputs in-process and --workers {args.workers} identical: {same}")
            if args.before and rows == sizes[0]:  # right after the run it is compared with
                results[(rows, "before")] = _before(args.before, days, rows, day_rows, work)
        _ratios(results, sizes, args.workers)
        if args.quick:
            print(
                "(--quick: start-up costs dominate; the targets are for 1, 5 and 20 million rows)"
            )
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _before(ref: str, days: list[Path], rows: int, day_rows: int, work: Path) -> dict[str, float]:
    """Import the first ``rows`` with the package of commit ``ref`` (a temporary worktree)."""
    tree = work / "before"
    shutil.rmtree(tree, ignore_errors=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=True)
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), ref], check=True
    )
    try:
        source = _linked(days[: -(-rows // day_rows)], work / f"in{rows}")
        _warm(source)
        files = source / "*.export.CSV"  # a glob: folders came with streaming
        r = measure(files, work / f"out{rows}-before", None, root=tree)
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
        )
    print(
        f"{int(r['rows']):>12,} | {ref[:12]:<12} | {r['seconds']:>8.1f} | {r['rate']:>9,.0f} | "
        f"{r['peak_mb']:>8,.0f} | {'':>13} | {'':>7} | {int(r['edges']):,}"
    )
    print(f"{'':>12}   ({ref}: the import of that commit, reading each file whole)")
    return r


def _down(ratio: float) -> str:
    """A ratio with three decimals, rounded down: a miss never prints as the target."""
    return f"{math.floor(ratio * 1000) / 1000:.3f}x"


def _up(ratio: float) -> str:
    """A ratio with three decimals, rounded up (for a target that is an upper bound)."""
    return f"{math.ceil(ratio * 1000) / 1000:.3f}x"


def _ratios(results: dict[tuple[int, str], dict[str, float]], sizes: list[int], n: int) -> None:
    first, last = sizes[0], sizes[-1]
    base = results[(first, "in-process")]
    print(f"baseline: in-process {first:,} rows: {base['rate']:,.0f} rows/s, "
          f"peak {base['peak_mb']:,.0f} MB")  # fmt: skip
    before = results.get((first, "before"))
    if before is not None:
        print(
            f"before:   {first:,} rows with the earlier import: {before['rate']:,.0f} rows/s, "
            f"peak {before['peak_mb']:,.0f} MB; this version in-process "
            f"{base['rate'] / before['rate']:.2f}x its speed, "
            f"{base['peak_mb'] / before['peak_mb']:.2f}x its peak memory"
        )
    top = results[(last, "in-process")]
    ratio = top["peak_mb"] / base["peak_mb"]
    print(
        f"memory:   peak at {last:,} rows / peak at {first:,} = {_up(ratio)} "
        f"(target <= 1.2x: {'met' if ratio <= 1.2 else 'MISSED'}); {top['peak_mb']:,.0f} MB "
        f"(target < 1,500 MB: {'met' if top['peak_mb'] < 1500 else 'MISSED'})"
    )
    for rows in sizes:
        alone, spread = results[(rows, "in-process")], results[(rows, f"--workers {n}")]
        speed = spread["rate"] / alone["rate"]
        print(
            f"speed:    {rows:,} rows: --workers {n} {spread['rate']:,.0f} rows/s = {_down(speed)} "
            f"in-process {alone['rate']:,.0f} (target >= 1.6x: "
            f"{'met' if speed >= 1.6 else 'MISSED'})"
        )
    fast = all(results[(r, "in-process")]["rate"] >= 150_000 for r in sizes)
    print(f"rate:     in-process >= 150,000 rows/s at every size: {'met' if fast else 'MISSED'}")


if __name__ == "__main__":
    main()
