"""Peak memory of the current process, for the benchmarks' child processes.

``getrusage(RUSAGE_SELF).ru_maxrss`` is not enough there: on Linux a process started with
fork and exec keeps its parent's high-water mark, so a child started by a benchmark that has
just generated a large dataset would report the parent's peak. ``VmHWM`` in
``/proc/self/status`` belongs to the process's own address space.
"""

from __future__ import annotations

import resource
import sys


def peak_rss_mib() -> float:
    """Largest resident set size of this process so far, in MiB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS
