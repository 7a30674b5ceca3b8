"""The page's own front end, read from the package: template, stylesheet and page script.

The page script is written as a few files under ``js/``, one concern each, sharing one scope.
:func:`page_script` joins them, in the order of :data:`SCRIPT_PARTS`, inside one strict-mode
function: the page keeps one inline script and one Content-Security-Policy hash for it. A part
may use what an earlier part declares at its top level (later ones only inside functions that
run after the join has finished).

>>> script = page_script()
>>> script.count("use strict"), script.rstrip().endswith("})();")
(1, True)
>>> [script.index(f"/* {name}:") for name in SCRIPT_PARTS] == sorted(
...     script.index(f"/* {name}:") for name in SCRIPT_PARTS)
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["SCRIPT_PARTS", "STYLE_PARTS", "asset", "page_script", "style_sheet"]

#: The files of ``js/``, in the order they are joined.
SCRIPT_PARTS = (
    "util.js",  # DOM, text, date and number helpers
    "data.js",  # the embedded columns, type lookups, relations of each node and pair
    "state.js",  # the one mutable state object and the view derived from it
    "network.js",  # the vis Network and window.network / nodes / edges / explorer
    "links.js",  # one link per pair (the pair rule) or one line per relation, drawn
    "appearance.js",  # size by and colour by, and the colour legend
    "labels.js",  # labels drawn without overlaps, most important first
    "legend.js",  # type legends and their checkboxes
    "filters.js",  # which relations and actors the filters keep; applyFilters
    "focus.js",  # fading all but a selection or a focus of depth 1 to 3
    "details.js",  # the details card: actor, pair, relation
    "tooltip.js",  # short text tooltips on hover
    "selection.js",  # selecting and clearing, clicks
    "search.js",  # finding actors and relations
    "timeline.js",  # the time strip: relations per year, month or day; window, step and play
    "controls.js",  # view controls, zoom buttons, drawers, keys
    "map.js",  # the map layout: world outline, positions, the layout switch
    "picture.js",  # the view as SVG and PNG, and the buttons that save them
    "api.js",  # window.explorer.state / setState / visibleLinks and the URL fragment
    "main.js",  # reset and the first drawing
)
#: The files of ``css/``, in the order they are joined into the page's one stylesheet.
STYLE_PARTS = ("explorer.css", "timeline.css", "phone.css")
_HEADER = """\
/* graph-explorer page script: draws the embedded data with vis-network and wires the panel.
 *
 * Joined from graph/render/js/ ({parts}) in one scope.
 * Every string from the data reaches the page through textContent, DOM properties or vis
 * DataSets (drawn on a canvas); nothing is parsed as HTML. Lookups keyed by data use Map, and
 * vis-network, which keys plain objects by item id, gets row indices as ids, never data strings.
 */
(() => {{
"use strict";

"""


@lru_cache(maxsize=8)
def asset(name: str) -> str:
    """The text of a file of this package's folder (``explorer.css``, ``js/main.js`` …)."""
    folder = resources.files(__package__)
    for part in name.split("/"):
        folder = folder.joinpath(part)
    return folder.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def page_script() -> str:
    """The page script: the parts of ``js/`` joined in :data:`SCRIPT_PARTS` order."""
    body = "\n".join(asset(f"js/{name}") for name in SCRIPT_PARTS)
    return _HEADER.format(parts=", ".join(SCRIPT_PARTS)) + body + "})();\n"


@lru_cache(maxsize=1)
def style_sheet() -> str:
    """The page's stylesheet: the parts of ``css/`` joined in :data:`STYLE_PARTS` order."""
    return "\n".join(asset(f"css/{name}") for name in STYLE_PARTS)
