"""Which library computes the measures: igraph when installed (fast, exact), else networkx.

Kept apart from the analysis view so that naming the engines (``--engine``'s help) costs no
import of pandas, networkx or igraph.

>>> ENGINES
('auto', 'igraph', 'networkx')
>>> resolve_engine("networkx")
'networkx'
"""

from __future__ import annotations

import os
from typing import Any, Literal

from ..errors import UsageError

__all__ = ["ENGINES", "Engine", "igraph_module", "resolve_engine"]

Engine = Literal["auto", "igraph", "networkx"]
ENGINES: tuple[str, ...] = ("auto", "igraph", "networkx")


def igraph_module() -> Any | None:
    """The igraph module, or None when it is not installed.

    ``OMP_WAIT_POLICY=passive`` is set first so that OpenMP threads do not spin.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    try:
        import igraph
    except ImportError:
        return None
    return igraph


def resolve_engine(engine: str) -> str:
    """``auto`` becomes ``igraph`` when it is installed, else ``networkx``."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine '{engine}'; expected one of: {', '.join(ENGINES)}")
    if engine == "networkx":
        return engine
    if igraph_module() is None:
        if engine == "igraph":
            raise UsageError(
                "the igraph engine needs igraph: pip install 'graph-explorer[fast]' "
                "(or use {engine} networkx)",
                params=("engine",),
            )
        return "networkx"
    return "igraph"
