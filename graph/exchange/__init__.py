"""Data in and out: export to other tools' formats, merge datasets, import event data.

- :func:`export` / :func:`write_dataset`: GraphML, GEXF (with a Gephi timeline), node-link
  JSON, or this project's CSV folder (:mod:`graph.exchange.formats`).
- :func:`dyad_years`: one row per pair of actors and year, for panel regressions
  (:mod:`graph.exchange.dyads`; ``export`` format ``dyad-year``).
- :func:`merge` / :func:`merge_with_report`: two datasets into one, actors matched by id,
  ISO3 or label (:mod:`graph.exchange.combine`).
- :func:`import_gdelt` / :func:`import_icews`: event data to a dataset
  (:mod:`graph.exchange.importers`).

>>> import graph
>>> from graph.exchange import to_node_link
>>> data = to_node_link(graph.load())
>>> len(data["nodes"]) > 0
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .choices import FORMATS
    from .combine import MergeReport, merge, merge_with_report, write_merged
    from .dyads import dyad_years
    from .formats import export, to_gexf_graph, to_node_link, write_dataset
    from .importers import ImportOptions, ImportResult, ImportSummary, import_gdelt, import_icews

__all__ = [
    "FORMATS",
    "ImportOptions",
    "ImportResult",
    "ImportSummary",
    "MergeReport",
    "dyad_years",
    "export",
    "import_gdelt",
    "import_icews",
    "merge",
    "merge_with_report",
    "to_gexf_graph",
    "to_node_link",
    "write_dataset",
    "write_merged",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "FORMATS": "choices",
    "ImportOptions": "importers",
    "ImportResult": "importers",
    "ImportSummary": "importers",
    "MergeReport": "combine",
    "dyad_years": "dyads",
    "export": "formats",
    "import_gdelt": "importers",
    "import_icews": "importers",
    "merge": "combine",
    "merge_with_report": "combine",
    "to_gexf_graph": "formats",
    "to_node_link": "formats",
    "write_dataset": "formats",
    "write_merged": "combine",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
