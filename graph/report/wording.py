"""How the report words numbers and sentences, the same in HTML and Markdown.

Numbers are shown at three significant figures (:func:`sig`); the exact values are those of
``graph stats --format json`` (the HTML report keeps them in ``data-value`` attributes).
A sentence is a tuple of :data:`Part` s, ``(kind, text)``: ``text`` (the report's words),
``name`` (an actor or pair from the data, emphasised), ``data`` (other text from the data),
``quote`` (evidence from the data); each writer escapes and styles them for its format, so no
data can become markup.

>>> sig(0.0307018), sig(0.790351), sig(12.0), sig(None), sig(21456.25)
('0.0307', '0.790', '12', '–', '21456')
>>> ordinal(1), ordinal(2), ordinal(3), ordinal(11), ordinal(22)
('1st', '2nd', '3rd', '11th', '22nd')
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["Part", "Sentence", "clip", "ordinal", "sig", "signed"]

#: One piece of a sentence: ``("text" | "name" | "data" | "quote", text)``.
Part = tuple[str, str]
#: A sentence, as its parts in order.
Sentence = tuple[Part, ...]


def sig(value: Any, digits: int = 3) -> str:
    """A number at ``digits`` significant figures: whole numbers as they are, ``–`` for none.

    Parameters
    ----------
    value : int, float or None
        The number (``graph stats`` values are rounded to 6 significant figures).
    digits : int, default 3
        Significant figures of a fraction; numbers of ``10**digits`` or more are rounded to
        a whole number instead (``21456``, not ``2.15e+04``).

    Returns
    -------
    str
        The number as shown: ``0.790`` (trailing zeros kept), ``12``, ``–``.

    Examples
    --------
    >>> sig(0.5), sig(-0.105651), sig(2.39524), sig(0.0), sig(1.5e-05), sig(True)
    ('0.500', '-0.106', '2.40', '0', '1.50e-05', 'yes')
    >>> sig(-366.9999999), sig(859.96)
    ('-367', '860')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    x = float(value)
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x.is_integer() or abs(x) >= 10**digits:
        return str(round(x))
    return f"{x:#.{digits}g}".rstrip(".")  # "367." (a float near a whole number) is "367"


def signed(value: float) -> str:
    """A net score with its sign: ``+8``, ``-1``, ``0``, ``+0.500``.

    >>> signed(8.0), signed(-1.0), signed(0.0), signed(0.5)
    ('+8', '-1', '0', '+0.500')
    """
    text = sig(value)
    return f"+{text}" if value > 0 else text


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` … (``11th``, ``12th``, ``13th``)."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def clip(text: str, limit: int = 180) -> str:
    """``text`` on one line, cut at a word boundary with ``…`` when longer than ``limit``.

    >>> clip("one two three four", 12), clip("short")
    ('one two…', 'short')
    """
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + "…"
