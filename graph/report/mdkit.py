"""The Markdown report's building blocks: escaping, tables, sentences and images.

Every text from the data goes through :func:`md_escape` (:func:`graph.text.markdown_text`):
no data can make a link, an image, an HTML tag or a table break.

>>> print(md_sentence((("name", "A*"), ("text", " said "), ("quote", "[x](y)"))))
**A\\*** said *“\\[x\\](y)”*
"""

from __future__ import annotations

import base64
from typing import Any

from ..text import markdown_text
from .wording import Sentence

__all__ = ["direction", "image", "markdown_table", "md_escape", "md_sentence"]


def md_escape(value: Any) -> str:
    """Any value as Markdown that shows it literally: :func:`graph.text.markdown_text` of
    its text.

    >>> print(md_escape("a|b <i>\\nc"), md_escape("[x](javascript:alert(1))"), md_escape(0.5))
    a\\|b &lt;i&gt; c \\[x\\](javascript:alert(1)) 0.5
    """
    return markdown_text(str(value))


def markdown_table(
    head: list[str],
    rows: list[list[Any]],
    numeric: set[int] | None = None,
    raw: set[int] | None = None,
) -> str:
    """A GitHub-flavoured Markdown table; cells are escaped.

    Parameters
    ----------
    numeric : set of int
        Columns aligned right.
    raw : set of int
        Columns whose cells are already Markdown (their data parts escaped with
        :func:`md_escape`), written as they are.

    >>> print(markdown_table(["a", "n"], [["x", 1]], {1}))
    | a | n |
    |---|--:|
    | x | 1 |
    >>> print(markdown_table(["dir"], [[md_escape("a<b") + " → c"]], raw={0}).splitlines()[-1])
    | a&lt;b → c |
    """
    numeric = numeric or set()
    raw = raw or set()
    align = ["--:" if i in numeric else "---" for i in range(len(head))]
    lines = [
        "| " + " | ".join(md_escape(h) for h in head) + " |",
        "|" + "|".join(align) + "|",
    ]
    lines += [
        "| " + " | ".join(str(c) if i in raw else md_escape(c) for i, c in enumerate(row)) + " |"
        for row in rows
    ]
    return "\n".join(lines)


def md_sentence(sentence: Sentence) -> str:
    """A :data:`~graph.report.wording.Sentence` as Markdown: names bold, quotes in italics
    between curly quotes, every part escaped (its spaces at either end kept).

    >>> print(md_sentence((("text", "1 "), ("data", "a|b"), ("text", " and 2"))))
    1 a\\|b and 2
    """
    out = []
    for kind, text in sentence:
        shown = md_escape(text)
        if not shown:
            out.append(" " if text[:1].isspace() else "")
            continue
        if kind == "name":
            shown = f"**{shown}**"
        elif kind == "quote":
            shown = f"*“{shown}”*"
        lead = " " if text[:1].isspace() else ""
        tail = " " if text[-1:].isspace() else ""
        out.append(lead + shown + tail)
    return "".join(out)


def direction(source: str, target: str, directed: bool) -> str:
    """A relation's direction as a Markdown table cell: ``a → b`` (directed) or ``a – b``;
    the names are escaped, the arrow is not.

    >>> print(direction("russia", "i|s", True), "/", direction("a", "b<", False))
    russia → i\\|s / a – b&lt;
    """
    return f"{md_escape(source)} {'→' if directed else '–'} {md_escape(target)}"


def image(svg: str, alt: str) -> str:
    """An SVG chart as a Markdown image with a ``data:`` URI (no file, no request)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{md_escape(alt)}](data:image/svg+xml;base64,{data})"
