"""Import real event data (GDELT, ICEWS) as datasets in this project's format.

Each reported event (actor -> actor, CAMEO code, Goldstein or intensity score) becomes a
typed, dated, sourced edge; actors become states, regions, organizations, bodies of a state
and people. Every row read is either imported or counted with its reason
(:class:`ImportSummary`); rows that cannot be parsed keep their file and line.

>>> from graph.exchange.importers import cameo_table
>>> cameo_table().loc["043", "type"], bool(cameo_table().loc["043", "flip"])
('visit', True)

See ``docs/import.md`` for the mapping tables and the choices behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._lazy import attach

if TYPE_CHECKING:
    from .cameo import CAMEO_FILE, cameo_table, map_codes
    from .gdelt import import_gdelt
    from .icews import import_icews
    from .options import AGGREGATES, ImportOptions, import_vocabulary
    from .output import PROVENANCE_FILE, ImportResult, ImportSummary

__all__ = [
    "AGGREGATES",
    "CAMEO_FILE",
    "PROVENANCE_FILE",
    "ImportOptions",
    "ImportResult",
    "ImportSummary",
    "cameo_table",
    "import_gdelt",
    "import_icews",
    "import_vocabulary",
    "map_codes",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "AGGREGATES": "options",
    "CAMEO_FILE": "cameo",
    "ImportOptions": "options",
    "ImportResult": "output",
    "ImportSummary": "output",
    "PROVENANCE_FILE": "output",
    "cameo_table": "cameo",
    "import_gdelt": "gdelt",
    "import_icews": "icews",
    "import_vocabulary": "options",
    "map_codes": "cameo",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
