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

import importlib
from typing import TYPE_CHECKING, Any

from .options import AGGREGATES, ImportOptions, import_vocabulary
from .output import PROVENANCE_FILE, ImportResult, ImportSummary

if TYPE_CHECKING:
    from .cameo import CAMEO_FILE, cameo_table, map_codes
    from .gdelt import import_gdelt
    from .icews import import_icews

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

#: The readers and the CAMEO table load on first use, so that commands which only name
#: import options (``graph --help``) do not pay for them.
_LAZY = {
    "CAMEO_FILE": "cameo",
    "cameo_table": "cameo",
    "map_codes": "cameo",
    "import_gdelt": "gdelt",
    "import_icews": "icews",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value
