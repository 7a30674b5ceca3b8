"""The HTML report's building blocks: escaping, numbers with their exact value, tables,
sentences and the per-family colours.

Every string from the data goes through :func:`esc` (``html.escape``, quotes too), in text
and in attributes.

>>> esc('<b a="1">')
'&lt;b a=&quot;1&quot;&gt;'
>>> sentence_html((("name", "A&B"), ("text", " met "), ("quote", "<hi>")))
'<b>A&amp;B</b> met <q>&lt;hi&gt;</q>'
"""

from __future__ import annotations

from html import escape
from typing import Any

from .model import Report
from .svg import family_colors as _palette
from .wording import Sentence, sig

__all__ = ["bar", "esc", "family_colors", "sentence_html", "stat", "table"]


def esc(value: Any) -> str:
    """``value`` as HTML text or attribute value."""
    return escape(str(value), quote=True)


def stat(path: str, value: Any) -> str:
    """A figure of ``graph stats``: shown at 3 significant figures (text as it is), its exact
    value (that of ``graph stats --format json``) in ``data-value``, its dotted path there in
    ``data-stat``.

    >>> stat("graph.density", 0.119048)
    '<span data-stat="graph.density" data-value="0.119048">0.119</span>'
    """
    exact = "" if value is None else str(value)
    shown = value if isinstance(value, str) else sig(value)
    return f'<span data-stat="{esc(path)}" data-value="{esc(exact)}">{esc(shown)}</span>'


def bar(share: float) -> str:
    """A small inline bar (CSS, no script) filled to ``share`` (0 to 1) of its width.

    >>> bar(0.5)
    '<span class="bar" aria-hidden="true"><i style="width:50%"></i></span>'
    """
    share = max(0.0, min(1.0, float(share)))
    width = max(round(share * 100), 1 if share > 0 else 0)  # a value above 0 shows
    return f'<span class="bar" aria-hidden="true"><i style="width:{width}%"></i></span>'


def table(
    head: list[str],
    rows: list[list[str]],
    numeric: set[int] | None = None,
    *,
    cls: str = "",
    titles: list[str] | None = None,
) -> str:
    """A table; ``head`` is escaped, ``rows`` are HTML already; ``numeric`` columns align
    right; ``titles`` (escaped) are the header cells' tooltips."""
    numeric = numeric or set()
    align = [' class="n"' if i in numeric else "" for i in range(len(head))]
    tips = [f' title="{esc(t)}"' if t else "" for t in (titles or [""] * len(head))]
    th = "".join(f"<th{align[i]}{tips[i]}>{esc(h)}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f"<td{align[i]}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    klass = f' class="{esc(cls)}"' if cls else ""
    return f"<table{klass}><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def sentence_html(sentence: Sentence) -> str:
    """A :data:`~graph.report.wording.Sentence` as HTML: names bold, quotes in ``<q>``, all
    escaped."""
    out = []
    for kind, text in sentence:
        if kind == "name":
            out.append(f"<b>{esc(text)}</b>")
        elif kind == "quote":
            out.append(f"<q>{esc(text)}</q>")
        else:
            out.append(esc(text))
    return "".join(out)


def family_colors(report: Report) -> dict[str, str]:
    """Each relation family's colour in the report's charts: a fixed, distinct colour per
    family in vocabulary family order (:func:`graph.report.svg.family_colors`), not the
    colour of any relation type, so that similar type colours never merge two families.
    """
    families = [*report.dataset.vocabulary.families, *map(str, report.by_period.columns)]
    return _palette(families)
