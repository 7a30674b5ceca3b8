"""One self-contained HTML page: template, styles, vis-network, the page script and the data.

Nothing is fetched when the page opens: vis-network (vendored in ``vendor/``), the CSS and
the page script (joined from ``js/``) are inlined, and a Content-Security-Policy allows only
those inline scripts (by hash), inline styles and ``data:`` images. Data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped,
and the script puts it in the page with ``textContent`` only.

>>> from graph import load
>>> page = to_html(load())
>>> page.startswith("<!DOCTYPE html>"), "https://" in page.split("<script")[0]
(True, False)
>>> to_html(load()) == page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..atomic import write_text
from ..text import json_text
from .assets import asset, page_script, style_sheet
from .data import page_data
from .vendor import VIS_VERSION, vis_library

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["VIS_VERSION", "script_json", "to_html", "vis_library", "write_html"]

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


def script_json(data: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``</script>``, ``<!--`` or line separators.

    >>> script_json({"a": "</script><b>&\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json_text(data, compact=True)  # NaN and infinities as null
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


def _inline_script(code: str) -> str:
    if re.search(r"</script|<!--", code, flags=re.IGNORECASE):
        raise ValueError("an inline script must not contain '</script' or '<!--'")
    return code


def _sha256(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _csp(scripts: list[str], styles: list[str]) -> str:
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_sha256(s) for s in scripts)}; "
        f"style-src {' '.join(_sha256(s) for s in styles)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def to_html(
    dataset: Dataset,
    *,
    title: str | None = None,
    size_by: str = "degree",
    color_by: str = "type",
    links: str = "pair",
    max_nodes: int | None = None,
    seed: int = 7,
    layout: str = "network",
    layer: str | None = None,
    affiliations: str = "drop",
) -> str:
    """The interactive explorer page of a dataset, as one self-contained HTML string.

    Parameters
    ----------
    dataset : Dataset
        What to draw (filter it first for a view).
    title : str, optional
        Page title (default: :attr:`Dataset.title <graph.Dataset.title>`, the title in the
        dataset's ``dataset.toml`` or else its name). The subtitle starts with the dataset's
        name when the title is not that name.
    size_by : {"degree", "weighted_degree", "betweenness", "pagerank", "eigenvector"}
        The measure that sizes nodes at first (the page can switch).
    color_by : {"type", "community", "sign"}
        What colours nodes at first: actor type, cooperative-layer community, or net sign
        towards the selected actor.
    links : {"pair", "relation"}
        Draw one link per pair of actors (width by count, colour by net sign) or one line per
        relation (the page can switch).
    max_nodes : int, optional
        Keep only this many of the most connected nodes; the page says so.
    seed : int
        Seed of the layout: same data and seed, same bytes.
    layout : {"network", "map"}
        Where actors sit at first: by their relations, or states on a world map (Natural
        Earth outlines) with their actors around them and the rest in a band beside it. Pages
        of datasets with states carry both layouts and can switch.
    layer : {"cooperative", "conflictual", "all"}, optional
        The relations the size measures count (default: degrees all relations, betweenness,
        PageRank and eigenvector the cooperative layer), as ``graph stats --layer``.
    affiliations : {"drop", "keep", "project"}, default "drop"
        Memberships, offices and leadership in the measures, as ``graph stats``.

    Returns
    -------
    str
        The page; opens from ``file://`` with no network. In it, ``window.network`` is the
        vis Network and ``window.nodes`` / ``window.edges`` its DataSets, whose item ids are
        row indices (each item's ``dataId`` is the data's id); ``window.explorer`` is the
        page's API (``state()``, ``setState()``, ``visibleLinks()``; see docs/explorer.md).

    See Also
    --------
    write_html : Write the page to a file.
    Explorer : Show the page in a notebook.

    Examples
    --------
    >>> page = graph.to_html(ds, title="Iran and Tajikistan")
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> "<title>Iran and Tajikistan</title>" in page
    True
    """
    data = page_data(
        dataset,
        title=title,
        size_by=size_by,
        color_by=color_by,
        links=links,
        max_nodes=max_nodes,
        seed=seed,
        layout=layout,
        layer=layer,
        affiliations=affiliations,
    )
    vis = _inline_script(vis_library())
    app = _inline_script(page_script())
    css = style_sheet()
    if re.search(r"</style", css, flags=re.IGNORECASE):  # pragma: no cover - our own file
        raise ValueError("the stylesheet must not contain '</style'")
    meta = data["meta"]
    return Template(asset("explorer.html")).substitute(
        csp=_csp([vis, app], [css]),
        version=html.escape(__version__),
        vis_version=VIS_VERSION,
        title=html.escape(meta["title"]),
        subtitle=html.escape(meta["subtitle"]),
        css=css,
        data=script_json(data),
        vis=vis,
        app=app,
    )


def write_html(dataset: Dataset, path: str | Path, **options: Any) -> Path:
    """Write :func:`to_html` of ``dataset`` to ``path`` (atomically) and return the path.

    Parameters
    ----------
    dataset : Dataset
        What to draw (filter it first for a view).
    path : str or pathlib.Path
        The HTML file to write; it opens in a browser with no network.
    **options
        Passed to :func:`to_html` (``title``, ``size_by``, ``links``, ``max_nodes`` …).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    The relations since 2019, nodes sized by PageRank:

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "recent.html"
    >>> graph.write_html(ds.filter(start="2019"), path, size_by="pagerank").name
    'recent.html'
    >>> path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    True
    """
    target = Path(path)
    write_text(target, to_html(dataset, **options))
    return target
