"""Filtered views of a dataset: by relation type or family, node type, sign, time, ego network.

Filtering works on the tables (boolean masks) and returns a new :class:`~graph.Dataset`,
so every graph view, page and report can be built from the result.

Time: a relation dated ``2019`` covers 2019-01-01..2019-12-31 (its ``end_date``, if given,
extends it). Its end is *unknown* when ``end_date`` is empty and *open* when it is
``ongoing`` (still in force).

- A window ``start``..``end`` keeps the relations whose interval overlaps it; an ``ongoing``
  relation is in force from its start to the window's end, one with an unknown end only
  during the period its ``date`` names (a point event).
- ``as_of`` keeps the relations in force then: on that day for a full date (``2021-04-05``),
  at some time during that year or month for ``2019`` or ``2019-06`` (the interval overlaps
  the period, so a dispute of March 1985 is kept by ``as_of="1985"``). Relations begun by
  then whose end is unknown or ``ongoing`` count as still in force.

Undated relations are kept unless ``undated=False``.

When any relation criterion is given, actors left with no relation are dropped.

>>> from graph import load
>>> ds = load()
>>> len(filter_dataset(ds, types=["visit"]).edges) == int((ds.edges["type"] == "visit").sum())
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import UsageError
from ..model.dates import is_ongoing, iso_day, parse_bound
from ..text import normalize_name, suggest
from .criteria import Criteria, DateLike
from .names import find_node

if TYPE_CHECKING:
    from .core import Dataset

__all__ = ["Criteria", "filter_dataset"]


def _names(given: Iterable[str] | None, known: Iterable[str], what: str) -> list[str] | None:
    if given is None:
        return None
    known = list(known)
    names = [normalize_name(g) for g in given if g.strip()]
    for name in names:
        if name not in known:
            expected = ", ".join(known)
            raise UsageError(
                f"unknown {what} '{name}'{suggest(name, known)}; expected one of: {expected}"
            )
    return names


def _bound(value: DateLike, *, upper: bool, param: str) -> pd.Timestamp | None:
    if value is None or isinstance(value, pd.Timestamp):
        return None if value is None else value.normalize()
    try:
        return parse_bound(str(value), upper=upper)
    except ValueError as exc:
        raise UsageError(f"{{{param}}}: {exc}", params=(param,)) from None


def _time_mask(edges: pd.DataFrame, start: DateLike, end: DateLike, as_of: DateLike) -> np.ndarray:
    lo = _bound(start, upper=False, param="start")
    hi = _bound(end, upper=True, param="end")
    if lo is not None and hi is not None and hi < lo:
        raise UsageError(
            f"{{start}} {start} is after {{end}} {end}; swap them", params=("start", "end")
        )
    first, last = edges["date_start"], edges["date_end"]
    ongoing = is_ongoing(edges["end_date"])
    mask = pd.Series(True, index=edges.index)
    if lo is not None:
        mask &= (last >= lo) | ongoing
    if hi is not None:
        mask &= first <= hi
    if as_of is not None:
        # the period as_of names: one day, or a whole month or year
        since = _bound(as_of, upper=False, param="as_of")
        until = _bound(as_of, upper=True, param="as_of")
        open_end = ongoing | (edges["end_date"] == "").to_numpy(dtype=bool)
        mask &= (first <= until) & (open_end | (last >= since))
    return mask.to_numpy(dtype=bool)


def _ego_nodes(edges: pd.DataFrame, ego: str, depth: int) -> set[str]:
    import networkx as nx  # only for an ego filter: importing a dataset needs no graph

    G = nx.Graph()
    G.add_node(ego)
    G.add_edges_from(zip(edges["source"], edges["target"], strict=True))
    return set(nx.single_source_shortest_path_length(G, ego, cutoff=depth))


def filter_dataset(
    dataset: Dataset,
    *,
    types: Sequence[str] | None = None,
    families: Sequence[str] | None = None,
    node_types: Sequence[str] | None = None,
    sign: int | None = None,
    start: DateLike = None,
    end: DateLike = None,
    as_of: DateLike = None,
    ego: str | None = None,
    depth: int = 1,
    undated: bool = True,
) -> Dataset:
    """Keep the relations and actors that match every given criterion.

    Parameters
    ----------
    dataset : Dataset
        The actors and relations to filter.
    types, families : list of str, optional
        Relation types (``visit``) or families (``diplomatic``) to keep.
    node_types : list of str, optional
        Actor types to keep; relations with an endpoint of another type go too.
    sign : {-1, 0, 1}, optional
        Keep only conflictual, neutral or cooperative relations.
    start, end : str or Timestamp, optional
        Time window (``2015``, ``2019-06``, ``2021-04-05``); bounds are inclusive.
    as_of : str or Timestamp, optional
        Relations in force then: on that day for a full date or a Timestamp, at some time
        in that year or month for ``1985`` or ``1985-03``; an unknown (empty) or
        ``ongoing`` end counts as still in force.
    ego : str, optional
        Keep the actors within ``depth`` steps of this actor (after the other filters): its
        id, label or an alias (see :func:`~graph.dataset.find_node`).
    depth : int, default 1
        How many steps from ``ego`` to keep.
    undated : bool
        Keep relations without a date when filtering by time (default True).

    Returns
    -------
    Dataset
        The relations that match and the actors they touch (all actors if only actor
        criteria are given); a line describing the filter is added to its ``notes``.

    Raises
    ------
    UsageError
        For an unknown type, family or node type, an unknown or ambiguous ``ego``, or a
        malformed date.

    See Also
    --------
    Dataset.filter : The same, as a method.
    Criteria : The criteria as one object.

    Examples
    --------
    Conflictual relations in force in 2020–2021:

    >>> hostile = graph.filter_dataset(ds, sign=-1, start="2020", end="2021")
    >>> hostile
    <Dataset 'iran_tajikistan': 8 nodes, 7 edges>
    >>> hostile.notes
    ('filtered: conflictual relations; from 2020 to 2021',)

    Muhiddin Kabiri's direct partners, found by an alias:

    >>> sorted(graph.filter_dataset(ds, ego="Kabiri").nodes["id"])
    ['iran', 'irpt', 'muhiddin_kabiri']
    """
    vocab = dataset.vocabulary
    types = _names(types, vocab.edge_types, "relation type")
    families = _names(families, vocab.families, "relation family")
    node_types = _names(node_types, vocab.node_types, "node type")
    if sign is not None and sign not in (-1, 0, 1):
        raise UsageError(f"{{sign}} must be -1, 0 or 1, not {sign!r}", params=("sign",))
    if ego is not None:
        ego = find_node(dataset, ego, param="ego")
    nodes, edges = dataset.nodes, dataset.edges
    keep = np.ones(len(edges), dtype=bool)
    if types is not None:
        keep &= edges["type"].isin(types).to_numpy()
    if families is not None:
        keep &= edges["family"].isin(families).to_numpy()
    if sign is not None:
        keep &= (edges["sign"] == sign).to_numpy()
    timed = any(v is not None for v in (start, end, as_of))
    if timed:
        dated = edges["date_start"].notna().to_numpy()
        keep &= _time_mask(edges, start, end, as_of) | (~dated & undated)
    node_keep = np.ones(len(nodes), dtype=bool)
    if node_types is not None:
        node_keep &= nodes["type"].isin(node_types).to_numpy()
        kept_ids = nodes.loc[node_keep, "id"]
        keep &= (edges["source"].isin(kept_ids) & edges["target"].isin(kept_ids)).to_numpy()
    edges = edges[keep]
    if ego is not None:
        around = _ego_nodes(edges, ego, depth)
        node_keep &= nodes["id"].isin(around).to_numpy()
        edges = edges[edges["source"].isin(around) & edges["target"].isin(around)]
    edge_filter = any(v is not None for v in (types, families, sign, ego)) or timed
    if edge_filter:
        linked = pd.Index(edges["source"]).union(pd.Index(edges["target"]))
        node_keep &= nodes["id"].isin(linked).to_numpy() | (nodes["id"] == ego).to_numpy()
    nodes = nodes[node_keep]
    note = _describe(types, families, node_types, sign, start, end, as_of, ego, depth)
    return dataset.with_tables(nodes.reset_index(drop=True), edges.reset_index(drop=True), note)


def _describe(
    types: list[str] | None,
    families: list[str] | None,
    node_types: list[str] | None,
    sign: int | None,
    start: DateLike,
    end: DateLike,
    as_of: DateLike,
    ego: str | None,
    depth: int,
) -> str | None:
    parts = []
    if types:
        parts.append("types " + ", ".join(types))
    if families:
        parts.append("families " + ", ".join(families))
    if node_types:
        parts.append("node types " + ", ".join(node_types))
    if sign is not None:
        parts.append({1: "cooperative", 0: "neutral", -1: "conflictual"}[sign] + " relations")
    if start is not None or end is not None:
        parts.append(f"from {start or '…'} to {end or '…'}")
    if as_of is not None:
        parts.append(f"in force {_as_of_words(as_of)}")
    if ego is not None:
        parts.append(f"within {depth} step(s) of {ego}")
    return "filtered: " + "; ".join(parts) if parts else None


def _as_of_words(as_of: DateLike) -> str:
    """``on 1985-03-15`` for a day, ``at some time in 1985`` for a year or month.

    >>> _as_of_words("1985"), _as_of_words("1985-03-15"), _as_of_words(pd.Timestamp("1985-03-15"))
    ('at some time in 1985', 'on 1985-03-15', 'on 1985-03-15')
    """
    if isinstance(as_of, pd.Timestamp):
        return f"on {iso_day(as_of)}"
    text = str(as_of).strip()
    return f"on {text}" if len(text) == 10 else f"at some time in {text}"
