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
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

__all__ = ["normalize_name", "normalize_names", "num", "plural", "suggest"]

_SEPARATORS = re.compile(r"[\s_]+")


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
