"""What a dataset is: its files and columns, the vocabulary of types, and how dates are read.

The lowest stage of the pipeline (above the shared leaves :mod:`graph.errors` and
:mod:`graph.text`): it holds facts and small parsers, no tables and no graphs. Every later
stage names columns through :mod:`graph.model.columns` and types through
:mod:`graph.model.vocabulary`.

>>> from graph.model import load_vocabulary, EDGE_REQUIRED
>>> EDGE_REQUIRED, load_vocabulary().edge_types["dispute"].sign
(('source', 'target', 'type'), -1)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .columns import (
        DERIVED_EDGE_COLUMNS,
        EDGE_COLUMNS,
        EDGE_REQUIRED,
        EDGES_FILE,
        FREE_TEXT,
        LINE,
        METADATA_FILE,
        NODE_COLUMNS,
        NODE_REQUIRED,
        NODES_FILE,
        VOCABULARY_FILE,
    )
    from .dates import ParsedDates, parse_bound, parse_dates
    from .metadata import DatasetMetadata, metadata_toml, parse_metadata, read_metadata
    from .vocabulary import EdgeType, NodeType, Vocabulary, load_vocabulary, vocabulary_toml

__all__ = [
    "DERIVED_EDGE_COLUMNS",
    "EDGES_FILE",
    "EDGE_COLUMNS",
    "EDGE_REQUIRED",
    "FREE_TEXT",
    "LINE",
    "METADATA_FILE",
    "NODES_FILE",
    "NODE_COLUMNS",
    "NODE_REQUIRED",
    "VOCABULARY_FILE",
    "DatasetMetadata",
    "EdgeType",
    "NodeType",
    "ParsedDates",
    "Vocabulary",
    "load_vocabulary",
    "metadata_toml",
    "parse_bound",
    "parse_dates",
    "parse_metadata",
    "read_metadata",
    "vocabulary_toml",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "DERIVED_EDGE_COLUMNS": "columns",
    "DatasetMetadata": "metadata",
    "EDGES_FILE": "columns",
    "EDGE_COLUMNS": "columns",
    "EDGE_REQUIRED": "columns",
    "EdgeType": "vocabulary",
    "FREE_TEXT": "columns",
    "LINE": "columns",
    "METADATA_FILE": "columns",
    "NODES_FILE": "columns",
    "NODE_COLUMNS": "columns",
    "NODE_REQUIRED": "columns",
    "NodeType": "vocabulary",
    "ParsedDates": "dates",
    "VOCABULARY_FILE": "columns",
    "Vocabulary": "vocabulary",
    "load_vocabulary": "vocabulary",
    "metadata_toml": "metadata",
    "parse_bound": "dates",
    "parse_dates": "dates",
    "parse_metadata": "metadata",
    "read_metadata": "metadata",
    "vocabulary_toml": "vocabulary",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
