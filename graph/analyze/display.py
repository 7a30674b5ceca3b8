"""How results are shown: floats rounded to the digits every output shows, JSON records, and
the small HTML tables that result objects show in a notebook (``_repr_html_``).

>>> rounded({"a": [0.123456789, 2], "b": float("nan")})
{'a': [0.123457, 2], 'b': None}
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

import pandas as pd

from ..text import num

__all__ = ["DIGITS", "html_table", "records", "rounded"]

#: Significant digits of every float the outputs show (``graph stats``, the report).
DIGITS = 6


def rounded(value: Any) -> Any:
    """Round floats (also inside dicts and lists) to 6 significant digits; NaN becomes None.

    >>> rounded([1.23456789e-7, "x", None])
    [1.23457e-07, 'x', None]
    """
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [rounded(v) for v in value]
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.{DIGITS}g}")
    return value


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """A measure table as JSON records: plain Python values, floats rounded.

    >>> records(pd.DataFrame({"id": ["a"], "x": [1 / 3]}))
    [{'id': 'a', 'x': 0.333333}]
    """
    return [rounded(r) for r in table.astype(object).to_dict("records")]


def _cell(value: Any) -> str:
    """A value as escaped table text: counts as ``key n, …``, lists joined, None as ``–``."""
    if isinstance(value, Mapping | list | tuple) and not value:
        return "–"
    if isinstance(value, Mapping):
        return ", ".join(f"{escape(str(k))} {escape(num(v))}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(escape(num(v)) for v in value)
    return escape(num(value))


def html_table(rows: Iterable[tuple[str, Any]], title: str | None = None) -> str:
    """A two-column HTML table of (label, value) rows for ``_repr_html_``; every string escaped.

    >>> html = html_table([("nodes", 3), ("by type", {"<state>": 2})], title="a & b")
    >>> html.startswith("<div><strong>a &amp; b</strong><table>")
    True
    >>> "<th>by type</th><td>&lt;state&gt; 2</td>" in html
    True
    """
    body = "".join(f"<tr><th>{escape(str(k))}</th><td>{_cell(v)}</td></tr>" for k, v in rows)
    head = f"<strong>{escape(title)}</strong>" if title is not None else ""
    return f"<div>{head}<table><tbody>{body}</tbody></table></div>"
