"""Read and check: CSV (or Parquet) files to a checked :class:`~graph.Dataset`.

This stage owns everything between bytes and a valid dataset: the CSV readers (a fast Arrow
path for well-formed files, a careful one that reports each problem's line), the Parquet
reader (the same columns, types checked on the schema, rows named in issues), the cell and
row checks against the vocabulary, and :func:`load` / :func:`validate` / :func:`from_frames`.
Every problem is collected as an :class:`~graph.errors.Issue` before one
:class:`~graph.errors.DataError` is raised.

>>> from graph.loading import load, validate
>>> validate().valid, len(load().nodes) > 0
(True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .loader import default_dataset_path, from_frames, load, validate

__all__ = ["default_dataset_path", "from_frames", "load", "validate"]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "default_dataset_path": "loader",
    "from_frames": "loader",
    "load": "loader",
    "validate": "loader",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
