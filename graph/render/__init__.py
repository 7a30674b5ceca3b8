"""Rendering: the offline, self-contained interactive HTML explorer of a dataset.

- :func:`to_html` / :func:`write_html`: one HTML file with vis-network, the data and the page
  script inlined; it opens from ``file://`` with no network and runs no data as code.
- :func:`notebook_html` and :class:`Explorer`: the same page inline in Jupyter.
- :func:`node_measure`: the node measure that sizes nodes; :func:`pair_links`: one link per
  pair of actors, the rule the page draws by.
- :func:`to_pyvis`: a ``pyvis.network.Network`` with the page's styles and layout, for scripting.
- :func:`review_page` / :func:`write_review`: the offline page where the candidates of
  ``graph extract`` are accepted, rejected or edited and downloaded as CSV.

vis-network is vendored in ``vendor/`` (its version pinned there, :data:`VIS_VERSION`); the page
script is written as a few files in ``js/``, joined into one inline script (see ``assets``).

>>> from graph import load
>>> from graph.render import to_html
>>> page = to_html(load(), size_by="pagerank")
>>> "window.network" in page
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .choices import COLOR_CHOICES, LINK_MODES, PAIR_KINDS, SIZE_MEASURES
    from .data import page_data
    from .layout import positions
    from .measures import node_measure
    from .notebook import Explorer, notebook_html
    from .page import VIS_VERSION, to_html, write_html
    from .pairs import pair_links
    from .picture import picture_svg
    from .pyvis_network import to_pyvis
    from .review import review_page, write_review

__all__ = [
    "COLOR_CHOICES",
    "LINK_MODES",
    "PAIR_KINDS",
    "SIZE_MEASURES",
    "VIS_VERSION",
    "Explorer",
    "node_measure",
    "notebook_html",
    "page_data",
    "pair_links",
    "picture_svg",
    "positions",
    "review_page",
    "to_html",
    "to_pyvis",
    "write_html",
    "write_review",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "Explorer": "notebook",
    "COLOR_CHOICES": "choices",
    "LINK_MODES": "choices",
    "PAIR_KINDS": "choices",
    "SIZE_MEASURES": "choices",
    "VIS_VERSION": "page",
    "node_measure": "measures",
    "notebook_html": "notebook",
    "page_data": "data",
    "pair_links": "pairs",
    "picture_svg": "picture",
    "positions": "layout",
    "review_page": "review",
    "to_html": "page",
    "to_pyvis": "pyvis_network",
    "write_html": "page",
    "write_review": "review",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
