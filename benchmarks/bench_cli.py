"""How fast the ``graph`` command starts and answers on the bundled dataset.

Baseline, measured in the same run: ``python -c "import pandas, networkx"``, the two libraries
no command can do without. Each command runs in a fresh process, alternating with the
baseline, ``--runs`` times; the table shows medians and the ratio of medians. Goal (architecture
issue): every command within 1.5x of the baseline.

The package's bytecode is compiled first (``compileall``), as ``pip install`` does and as a
first run does on a normal machine: where ``PYTHONDONTWRITEBYTECODE`` is set (it is on the
development machines here), every run would otherwise compile the ~90 modules it imports
again, which the baseline's installed libraries never do.

Run: ``OMP_WAIT_POLICY=passive .venv/bin/python benchmarks/bench_cli.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL = 1.5
BIN = Path(sys.executable).parent


def _commands(out: Path) -> dict[str, list[str]]:
    graph = str(BIN / "graph")
    return {
        "graph --help": [graph, "--help"],
        "graph validate": [graph, "validate"],
        "graph stats": [graph, "stats"],
        "graph timeline Iran Tajikistan": [graph, "timeline", "Iran", "Tajikistan"],
        "graph html": [graph, "html", "-o", str(out / "page.html")],
    }


def _time(argv: list[str]) -> float:
    env = {**os.environ, "OMP_WAIT_POLICY": "passive"}
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per command")
    args = parser.parse_args()
    baseline_argv = [sys.executable, "-c", "import pandas, networkx"]
    package = Path(__file__).resolve().parent.parent / "graph"
    compileall.compile_dir(package, quiet=1)  # bytecode as an installed package has it
    with tempfile.TemporaryDirectory() as tmp:
        commands = _commands(Path(tmp))
        for argv in [baseline_argv, *commands.values()]:  # warm the file cache once
            _time(argv)
        base: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, argv in commands.items():
                base.append(_time(baseline_argv))
                times[name].append(_time(argv))
    base_median = statistics.median(base)
    print(
        f"baseline `import pandas, networkx`: median {base_median:.2f} s "
        f"(min {min(base):.2f}, max {max(base):.2f}, {len(base)} runs)"
    )
    print(f"{'command':34} {'median':>8} {'min':>6} {'max':>6} {'ratio':>6}  goal <= {GOAL}x")
    worst = 0.0
    for name, values in times.items():
        median = statistics.median(values)
        ratio = median / base_median
        worst = max(worst, ratio)
        mark = "ok" if ratio <= GOAL else "SLOW"
        print(
            f"{name:34} {median:7.2f}s {min(values):5.2f}s {max(values):5.2f}s"
            f" {ratio:5.2f}x  {mark}"
        )
    print(f"worst ratio {worst:.2f}x: {'goal met' if worst <= GOAL else 'goal missed'}")


if __name__ == "__main__":
    main()
