"""What a dataset's files and tables are made of: file names and column names, in one place.

A dataset is a folder with ``nodes.csv`` and ``edges.csv`` (either may be Parquet instead:
``nodes.parquet``, ``edges.parquet``) and optionally ``vocabulary.toml`` (its own types) and
``dataset.toml`` (its title, sources, licence: :mod:`graph.model.metadata`).
Every stage that reads or writes those tables names their columns through this module.

>>> NODE_REQUIRED, EDGE_REQUIRED
(('id', 'label', 'type'), ('source', 'target', 'type'))
>>> set(DERIVED_EDGE_COLUMNS) & set(EDGE_COLUMNS)
set()
"""

from __future__ import annotations

__all__ = [
    "DATASET_FILES",
    "DERIVED_EDGE_COLUMNS",
    "EDGES_FILE",
    "EDGES_PARQUET",
    "EDGE_COLUMNS",
    "EDGE_REQUIRED",
    "FREE_TEXT",
    "LINE",
    "LINK_CITATION_SUFFIX",
    "LINK_ID_INFIX",
    "LINK_TYPES",
    "METADATA_FILE",
    "NODES_FILE",
    "NODES_PARQUET",
    "NODE_COLUMNS",
    "NODE_REQUIRED",
    "VOCABULARY_FILE",
]

NODES_FILE = "nodes.csv"
EDGES_FILE = "edges.csv"
#: The same tables as Parquet files (docs/format.md, "Parquet tables"): a folder holds each
#: table in one of the two formats.
NODES_PARQUET = "nodes.parquet"
EDGES_PARQUET = "edges.parquet"
VOCABULARY_FILE = "vocabulary.toml"
METADATA_FILE = "dataset.toml"
#: The files a dataset write owns: replaced as a whole, the folder's other files kept.
DATASET_FILES = (
    NODES_FILE,
    EDGES_FILE,
    NODES_PARQUET,
    EDGES_PARQUET,
    VOCABULARY_FILE,
    METADATA_FILE,
    "import.json",
)

#: Each record's 1-based line in its file (the header is line 1), or its 1-based row in a Parquet
#: file, kept for messages.
LINE = "_line"

#: Columns of nodes.csv, required first; any other column is kept as an attribute.
NODE_REQUIRED: tuple[str, ...] = ("id", "label", "type")
NODE_COLUMNS: tuple[str, ...] = NODE_REQUIRED + (
    "country",
    "role",
    "aliases",
    "iso3",
    "description",
)
#: Columns of edges.csv; ``citation`` is the edge's source (title, URL, publisher).
EDGE_REQUIRED: tuple[str, ...] = ("source", "target", "type")
EDGE_COLUMNS: tuple[str, ...] = EDGE_REQUIRED + (
    "id",
    "date",
    "end_date",
    "weight",
    "sign",
    "description",
    "evidence",
    "citation",
)

#: Columns the loader adds to the edge table (from the vocabulary and the dates), plus the
#: line number: dropped again when a dataset is written back as CSV.
DERIVED_EDGE_COLUMNS: tuple[str, ...] = (
    "directed",
    "family",
    "date_start",
    "date_end",
    "date_precision",
    LINE,
)

#: Free-text columns: stripped cell by cell. Every other column is factorized first, so
#: stripping, type lookups and parsing run once per distinct value.
FREE_TEXT = frozenset({"label", "description", "evidence", "citation", "aliases", "role"})

#: The links an importer adds from each actor to its state (its actor coding, not an event):
#: id ``<prefix>-link-<actor>``, citation ``<PREFIX> actor coding`` (the format's name, such as
#: ``icews``, upper-cased), type ``office`` for an official and ``membership`` otherwise.
LINK_ID_INFIX = "-link-"
LINK_CITATION_SUFFIX = " actor coding"
LINK_TYPES: tuple[str, ...] = ("membership", "office")
