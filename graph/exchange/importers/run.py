"""The import, step by step, shared by both formats.

The input is cut into chunks (:mod:`.chunks`: a file, or a byte range of a large one); each
chunk is read -> parsed and checked (skipped rows, each with an Issue) -> its actors resolved
(dropped rows) -> the options applied (filtered rows) -> edges, one per event or aggregated
(:mod:`.partial`); the results are combined in input order (:mod:`.stream`) into the nodes
they use and the summary; then the folder is written if asked. Chunks run one after the other
in this process, or on a Dask cluster (``workers``, ``scheduler``: :mod:`.dask_runner`), with
the same result byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ...errors import UsageError
from .options import ImportOptions
from .output import ImportResult
from .pipeline import Parsed
from .reader import Progress, Rows, Source

__all__ = ["Format", "run_import"]

Columns = Callable[[pd.DataFrame, pd.DataFrame], dict[str, pd.Series]]


def _no_layout(source: Source) -> None:
    return None


@dataclass(frozen=True)
class Format:
    """What differs between GDELT and ICEWS.

    ``read(source, report, layout)`` reads a source (or a piece of one) with its file's
    ``layout(source)``; ``id_field`` names the event id column in messages; ``sides`` are the
    column prefixes of the two actors, ``side_names`` the side columns that only name an
    actor (not read to resolve it).
    """

    name: str
    score_column: str
    read: Callable[..., Rows]
    parse: Callable[[list[Rows]], Parsed]
    columns: Columns
    has_mentions: bool = True
    layout: Callable[[Source], Any] = _no_layout
    id_field: str = "event_id"
    sides: tuple[str, str] = ("a1_", "a2_")
    side_names: tuple[str, ...] = ()
    cite: Callable[[pd.DataFrame, np.ndarray], pd.Series] | None = None

    def citations(self, frame: pd.DataFrame, events: pd.DataFrame, at: np.ndarray) -> pd.Series:
        """The citation of the rows at positions ``at``: ``cite(frame, at)`` if the format has
        it (it takes only the columns it reads), else the ``citation`` of :attr:`columns`."""
        if self.cite is not None:
            return self.cite(frame, at)
        return self.columns(frame.iloc[at], events.iloc[at])["citation"]


def run_import(
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
    """Import event files of one format (see :func:`graph.exchange.importers.import_gdelt`)."""
    options = options.checked()
    if not fmt.has_mentions and options.min_mentions:
        raise UsageError(
            f"{fmt.name.upper()} events have no mention counts; drop {{min_mentions}}",
            params=("min_mentions",),
        )
    if workers is not None and scheduler is not None:
        raise UsageError(
            "give {workers} (a cluster on this machine) or {scheduler} (a running one), not both",
            params=("workers", "scheduler"),
        )
    if workers is not None and workers < 1:
        raise UsageError("{workers} must be 1 or more", params=("workers",))
    if chunk_rows is not None and chunk_rows < 1:
        raise UsageError("{chunk_rows} must be 1 or more", params=("chunk_rows",))
    from .stream import stream_import

    return stream_import(
        fmt,
        paths,
        output,
        options,
        progress,
        workers=workers,
        scheduler=scheduler,
        chunk_rows=chunk_rows,
    )
