"""Rich display in notebooks: ``_repr_html_`` summaries of datasets.

>>> from graph import load
>>> "<table" in dataset_html(load())
True
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core import Dataset

__all__ = ["dataset_html"]


def dataset_html(dataset: Dataset) -> str:
    """The dataset's title (its name beside it when they differ) and a small HTML table:
    counts of nodes and relations by type (every string escaped)."""
    nodes = dataset.nodes["type"].value_counts().sort_index()
    edges = dataset.edges["type"].value_counts().sort_index()
    rows = "".join(
        f"<tr><td>{escape(kind)}</td><td>{escape(str(name))}</td><td>{int(n)}</td></tr>"
        for kind, counts in (("node", nodes), ("relation", edges))
        for name, n in counts.items()
    )
    name = f" ({escape(dataset.name)})" if dataset.title != dataset.name else ""
    return (
        f"<div><strong>{escape(dataset.title)}</strong>{name}: {len(dataset.nodes)} nodes, "
        f"{len(dataset.edges)} relations"
        f"<table><thead><tr><th>kind</th><th>type</th><th>count</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )
