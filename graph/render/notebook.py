"""Pages in notebooks: an ``<iframe srcdoc>`` that needs no file server, and ``Explorer``.

>>> frame = notebook_html('<p title="x">&</p>', height=300)
>>> frame.startswith('<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;&amp;&lt;/p&gt;"')
True
>>> 'height:300px' in frame
True
"""

from __future__ import annotations

import html
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_text
from .page import to_html

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["Explorer", "notebook_html"]


def notebook_html(page_html: str, height: int = 600) -> str:
    """Wrap a whole page in an ``<iframe srcdoc="…">`` (attribute-escaped) for inline display.

    The frame is sandboxed: scripts run, but in their own origin, apart from the notebook.

    Parameters
    ----------
    page_html : str
        A whole HTML page, such as :func:`graph.to_html` returns.
    height : int, default 600
        Height of the frame in pixels (it takes the notebook's full width).

    Returns
    -------
    str
        The ``<iframe>`` element, ready for ``IPython.display.HTML``.

    See Also
    --------
    Explorer : A dataset's page, shown inline by Jupyter.

    Examples
    --------
    >>> frame = graph.notebook_html("<h1>Iran & Tajikistan</h1>", height=300)
    >>> frame.startswith('<iframe srcdoc="&lt;h1&gt;Iran &amp; Tajikistan&lt;/h1&gt;"')
    True
    """
    return (
        f'<iframe srcdoc="{html.escape(page_html, quote=True)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #e4e7eb;border-radius:6px" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
        'title="graph explorer"></iframe>'
    )


class Explorer:
    """The explorer page of a dataset, shown inline in Jupyter and savable as a file.

    Parameters
    ----------
    dataset : Dataset
        What to draw.
    height : int
        Height of the inline frame in pixels.
    **options
        Passed to :func:`graph.render.to_html` (``layout="map"``, ``size_by``, ``links`` …).

    Examples
    --------
    In a notebook, an ``Explorer`` as the last expression of a cell shows the page:

    >>> from graph import load
    >>> view = Explorer(load(), height=500)
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """

    def __init__(self, dataset: Dataset, *, height: int = 600, **options: Any) -> None:
        self.dataset = dataset
        self.height = height
        self.options = options

    @cached_property
    def html(self) -> str:
        """The whole page (computed once)."""
        return to_html(self.dataset, **self.options)

    def _repr_html_(self) -> str:
        return notebook_html(self.html, self.height)

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (atomically) and return the path."""
        write_text(path, self.html)
        return Path(path)

    def __repr__(self) -> str:
        return f"<Explorer of {self.dataset!r}>"
