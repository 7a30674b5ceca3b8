"""Words and numbers for people: name normalisation, did-you-mean hints, number formatting.

A shared leaf: every stage (loader, filters, vocabulary, CLI, reports) writes type names,
suggestions and counts through these functions, so they agree.

>>> normalize_name("Armed  group"), normalize_name(" arms_SALE ")
('armed-group', 'arms-sale')
>>> suggest("tajikstan", ["iran", "tajikistan"])
" (did you mean 'tajikistan'?)"
>>> plural(2, "relation"), num(None)
('2 relations', '–')
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

__all__ = [
    "REPLACEMENT_CHARACTER",
    "json_text",
    "normalize_name",
    "normalize_names",
    "num",
    "plural",
    "suggest",
    "xml_safe",
]

_SEPARATORS = re.compile(r"[\s_]+")
#: What :func:`xml_safe` writes in place of a character XML cannot hold (U+FFFD).
REPLACEMENT_CHARACTER = "\ufffd"
# Not an XML 1.0 Char: C0 controls but tab, newline and CR; lone surrogates; U+FFFE, U+FFFF.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def normalize_name(name: str) -> str:
    """A type or family name as the tables use it: stripped, lowercase, runs of spaces and
    underscores written as one hyphen.

    Parameters
    ----------
    name : str
        A name as a person typed it (``"Armed group"``, ``"arms_sale"``).

    Returns
    -------
    str
        The normalised name (``"armed-group"``, ``"arms-sale"``).

    Examples
    --------
    >>> normalize_name("Armed group"), normalize_name("armed__group")
    ('armed-group', 'armed-group')
    """
    return _SEPARATORS.sub("-", name.strip().lower())


def normalize_names(uniques: np.ndarray) -> np.ndarray:
    """:func:`normalize_name` over an array of distinct strings (an object array).

    Examples
    --------
    >>> normalize_names(np.array(["Armed group", " STATE "], dtype=object)).tolist()
    ['armed-group', 'state']
    """
    return np.array([normalize_name(str(u)) for u in uniques], dtype=object)


def suggest(value: str, candidates: Iterable[str]) -> str:
    """Return a ``" (did you mean 'x'?)"`` hint, or an empty string.

    Parameters
    ----------
    value : str
        What was given.
    candidates : iterable of str
        What would have been accepted.

    Returns
    -------
    str
        The hint, starting with a space, or ``""`` when nothing is close.

    Examples
    --------
    >>> suggest("tajikstan", ["iran", "tajikistan"])
    " (did you mean 'tajikistan'?)"
    >>> suggest("zzz", ["iran"])
    ''
    """
    pool = list(candidates)
    lowered = {c.lower(): c for c in pool}
    if value.lower() in lowered:
        return f" (did you mean '{lowered[value.lower()]}'?)"
    close = difflib.get_close_matches(value, pool, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def num(value: Any) -> str:
    """A number as the JSON gives it (floats already rounded): ``–`` for None.

    Examples
    --------
    >>> num(0.123457), num(3), num(None), num(True)
    ('0.123457', '3', '–', 'yes')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, in the plural unless ``count`` is 1.

    Examples
    --------
    >>> plural(1, "relation"), plural(2, "relation"), plural(0, "pair"), plural(3, "ally", "allies")
    ('1 relation', '2 relations', '0 pairs', '3 allies')
    """
    return f"{count} {word if count == 1 else (many or word + 's')}"


def xml_safe(text: str) -> str:
    r"""``text`` with every character that XML 1.0 cannot hold replaced by U+FFFD.

    XML has no escape for the C0 control characters (except tab, newline and carriage return),
    for lone surrogates, nor for U+FFFE and U+FFFF: a document holding one is not well-formed,
    whatever the escaping. GraphML and GEXF outputs pass every string through this function.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The same text where XML can hold it; each other character is ``\ufffd``.

    Examples
    --------
    >>> xml_safe("bell\x07, tab\t, nul\x00, \ufffe") == "bell\ufffd, tab\t, nul\ufffd, \ufffd"
    True
    >>> xml_safe("Душанбе & <Tehran>")
    'Душанбе & <Tehran>'
    """
    return _XML_UNSAFE.sub(REPLACEMENT_CHARACTER, text)


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float in it (at any depth) replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(
    data: Any,
    *,
    indent: int | None = None,
    sort_keys: bool = False,
    compact: bool = False,
    default: Callable[[Any], Any] | None = None,
) -> str:
    """Strict JSON of ``data``: NaN and infinities are written as ``null``.

    Python's ``json`` writes them as ``NaN`` and ``Infinity``, which are not JSON (a browser's
    ``JSON.parse`` and most readers reject them). Every JSON output of this package is
    written by this function.

    Parameters
    ----------
    data : object
        Dicts, lists, tuples, strings, numbers, booleans and None.
    indent : int, optional
        Indent nested values by this many spaces (default: one line).
    sort_keys : bool
        Write the keys of each object in sorted order.
    compact : bool
        No space after ``,`` and ``:``.
    default : callable, optional
        Turns any other object into one of the above (as in ``json.dumps``).

    Returns
    -------
    str
        The JSON text, non-ASCII characters kept as they are.

    Examples
    --------
    >>> json_text({"w": float("inf"), "x": [1.5, float("nan")], "name": "Душанбе"})
    '{"w": null, "x": [1.5, null], "name": "Душанбе"}'
    """
    options: dict[str, Any] = {
        "ensure_ascii": False,
        "allow_nan": False,
        "indent": indent,
        "sort_keys": sort_keys,
        "separators": (",", ":") if compact else None,
        "default": default,
    }
    try:
        return json.dumps(data, **options)
    except ValueError:  # a NaN or an infinity somewhere: rare, so only then walk the data
        return json.dumps(_finite(data), **options)
