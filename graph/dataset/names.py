"""Names people type for actors: an id, a label or an alias, resolved to one node id.

Matching ignores case, accents, surrounding spaces and runs of spaces or underscores
(``"shir ali  mirza"``, ``"Shir_Ali_Mirza"`` and ``"SHIR ALI MIRZA"`` are the same name).
The ``aliases`` column holds ``;``-separated names (docs/format.md).

>>> from graph import load
>>> ds = load()
>>> find_node(ds, "Kabiri"), find_node(ds, " TAJIKISTAN "), find_node(ds, "Tehran")
('muhiddin_kabiri', 'tajikistan', 'iran')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..text import suggest

if TYPE_CHECKING:
    from .core import Dataset

__all__ = ["find_node", "node_labels", "normalize_key"]

_GAPS = re.compile(r"[\s_]+")
#: Separator of the names in the ``aliases`` column.
ALIAS_SEPARATOR = ";"


def normalize_key(name: str) -> str:
    """A name as it is compared: accents dropped, case folded, spaces and underscores collapsed.

    Examples
    --------
    >>> normalize_key("  Muḥiddin   KABIRI "), normalize_key("shir_ali_mirza")
    ('muhiddin kabiri', 'shir ali mirza')
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(part for part in _GAPS.split(plain.casefold()) if part)


def _aliases(cell: object) -> list[str]:
    return [a.strip() for a in str(cell or "").split(ALIAS_SEPARATOR) if a.strip()]


def _matches(ids: Iterable[str], names: Iterable[Iterable[str]], key: str) -> list[str]:
    """The ids (in node order, once each) one of whose names has ``key``."""
    return [
        i for i, own in zip(ids, names, strict=True) if any(normalize_key(n) == key for n in own)
    ]


def find_node(dataset: Dataset, name: str, *, param: str | None = None) -> str:
    """The id of the actor a person means by ``name``: an id, a label or an alias.

    Parameters
    ----------
    dataset : Dataset
        Where to look.
    name : str
        An id (``muhiddin_kabiri``), a label (``Muhiddin Kabiri``) or an alias (``Kabiri``);
        case, accents and extra spaces do not matter.
    param : str, optional
        The parameter ``name`` was given as (``"ego"``); error messages start with it.

    Returns
    -------
    str
        The node id. The first rule that finds exactly one actor wins: the exact id, then ids,
        labels and aliases compared as :func:`normalize_key` writes them.

    Raises
    ------
    UsageError
        When no actor has that name (with a did-you-mean over ids, labels and aliases), or
        when the first rule that finds any finds several (listing their ids and labels).

    Examples
    --------
    >>> find_node(ds, "Shir Ali Mirza")
    'shir_ali_mirza'
    >>> try:
    ...     find_node(ds, "tajikstan", param="ego")
    ... except UsageError as error:
    ...     print(error)
    ego: 'tajikstan' is not a node id, label or alias (did you mean 'tajikistan'?)
    """
    nodes = dataset.nodes
    ids = [str(i) for i in nodes["id"]]
    if name in set(ids):
        return name
    labels = [str(x) for x in nodes["label"]]
    aliases = [_aliases(a) for a in nodes["aliases"]] if "aliases" in nodes else [[]] * len(ids)
    key = normalize_key(name)
    where = "{" + param + "}: " if param else ""
    params = (param,) if param else ()
    for names in ([[i] for i in ids], [[x] for x in labels], aliases):
        found = _matches(ids, names, key) if key else []
        if len(found) == 1:
            return found[0]
        if found:
            label = dict(zip(ids, labels, strict=True))
            listed = ", ".join(f"{i} ({label[i]})" for i in found)
            raise UsageError(
                f"{where}'{name}' could be any of {len(found)} actors: {listed}; give its id",
                params=params,
            )
    pool = [*ids, *labels, *(a for own in aliases for a in own)]
    raise UsageError(
        f"{where}'{name}' is not a node id, label or alias{suggest(name.strip(), pool)}",
        params=params,
    )


def node_labels(dataset: Dataset) -> dict[str, str]:
    """Each node id's label (its id when the label is empty), for people to read.

    Examples
    --------
    >>> node_labels(ds)["shir_ali_mirza"]
    'Sherali Mirzo'
    """
    nodes = dataset.nodes
    return {str(i): str(x) or str(i) for i, x in zip(nodes["id"], nodes["label"], strict=True)}
