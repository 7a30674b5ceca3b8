"""The node measures and communities a page shows, and the links importers add.

Measures are those of :func:`graph.analyze.node_measures` on the undirected view (one link per
pair, self-loops removed), on the same layers (:mod:`graph.analyze.layers`: degrees on all
relations, the rest on the cooperative layer, memberships and offices left out), with the same
names, definitions and 6-digit rounding as ``graph stats``: ``degree`` (distinct partners),
``weighted_degree``, ``betweenness`` (hops), ``pagerank`` (weighted) and ``eigenvector``.
Closeness is left out: it costs as much as exact betweenness and sizes nothing.

:func:`page_measures` keeps a page cheap on large graphs, and says so in its ``note``:

- betweenness is exact while ``n · (n + m)`` (nodes, links) is at most the engine's
  :data:`BETWEENNESS_WORK`; above, it is estimated from ``max(MIN_PIVOTS, work // (n + m))``
  seeded pivot actors, as ``graph stats --sample k`` does (same pivots, same numbers);
- communities are those of the report (:func:`graph.analyze.communities`, networkx's Louvain,
  seed 0) up to :data:`COMMUNITY_EXACT_MAX_TIES` cooperative links; above, with igraph,
  igraph's Louvain (multilevel) with the same seed, resolution and weights finds them.

>>> from graph import load
>>> ds = load()
>>> degree = node_measure(ds, "degree")
>>> degree.index.equals(pd.Index(ds.nodes["id"])), int(degree["tajikistan"]) > 3
(True, True)
>>> page = page_measures(ds)
>>> page["values"]["degree"][1] == float(degree.iloc[1]), page["note"]
(True, None)
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, TypedDict

import numpy as np
import pandas as pd

from ..analyze import node_measures
from ..analyze._view import View, analysis_view
from ..analyze.centrality import (  # the stats table's own definitions, without closeness
    MEASURES,
    LayerViews,
    _betweenness,
    _eigenvector,
    _pagerank,
    _pivots,
)
from ..analyze.community import communities
from ..analyze.display import DIGITS
from ..analyze.engines import igraph_module, resolve_engine
from ..analyze.layers import check_layer_options, layer_dataset, measure_layers
from ..dataset.build import aggregate_table
from ..errors import UsageError
from ..model.columns import LINK_CITATION_SUFFIX, LINK_ID_INFIX, LINK_TYPES
from .choices import SIZE_MEASURES

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = [
    "BETWEENNESS_WORK",
    "COMMUNITY_EXACT_MAX_TIES",
    "MIN_PIVOTS",
    "PAGE_MEASURES",
    "MeasureInfo",
    "PageMeasures",
    "automatic_links",
    "node_measure",
    "page_measures",
]

#: The measures a page carries, in the order it lists them (names of ``graph stats``).
_LABELS = {
    "degree": "Degree",
    "weighted_degree": "Weighted degree",
    "betweenness": "Betweenness",
    "pagerank": "PageRank",
    "eigenvector": "Eigenvector",
}
PAGE_MEASURES: tuple[str, ...] = (
    "degree",
    "weighted_degree",
    "betweenness",
    "pagerank",
    "eigenvector",
)

#: How a page names the layer a measure counts (:mod:`graph.analyze.layers`).
_LAYER_WORDS = {
    "all": "all relations",
    "cooperative": "cooperative relations only",
    "conflictual": "conflictual relations only",
}

#: What the description adds about memberships and offices.
_AFFILIATION_WORDS = {
    "drop": ", memberships and offices left out",
    "keep": ", memberships and offices as ties",
    "project": ", co-members tied",
}

#: Exact betweenness while nodes × (nodes + links) is at most this (per engine): about 0.15 s
#: with igraph on the 2-core development machine. Above, seeded pivots estimate it.
BETWEENNESS_WORK: dict[str, int] = {"igraph": 5_000_000, "networkx": 250_000}

#: The fewest pivot actors an estimated betweenness uses, however large the graph.
MIN_PIVOTS = 100

#: Communities equal the report's (networkx's Louvain) up to this many cooperative links;
#: above, igraph's Louvain finds them (networkx's takes about 1 s on 7,500 links).
COMMUNITY_EXACT_MAX_TIES = 2_500

#: Seed and resolution of the communities: those of the report and ``graph.communities``.
COMMUNITY_SEED = 0
COMMUNITY_RESOLUTION = 1.0


class MeasureInfo(TypedDict):
    """A measure as a page shows it: ``name`` (that of ``graph stats``), ``label`` and
    ``description`` (from :data:`graph.analyze.MEASURES`)."""

    name: str
    label: str
    description: str


class PageMeasures(TypedDict):
    """What :func:`page_measures` returns; every value is plain Python (JSON-ready).

    Keys: ``values`` (measure name → one float per node, 6 significant digits),
    ``communities`` (one int per node, -1 without a cooperative tie), ``measures``
    (:class:`MeasureInfo` of each measure, in :data:`PAGE_MEASURES` order), ``engine`` (that of
    the measures), ``community_engine`` (``networkx``: the report's communities, or
    ``igraph``), ``eigenvector`` (``eigenvector``, or ``katz`` if it were undefined),
    ``sample`` (pivots of an estimated betweenness, None if exact) and ``note`` (what was
    estimated, or None).
    """

    values: dict[str, list[float]]
    communities: list[int]
    measures: list[MeasureInfo]
    engine: str
    community_engine: str
    eigenvector: str
    sample: int | None
    note: str | None


def node_measure(dataset: Dataset, name: str) -> pd.Series:
    """One value per node of ``dataset`` (indexed by id, in node order).

    Parameters
    ----------
    dataset : Dataset
        The actors and relations.
    name : str
        A measure of :data:`~graph.render.SIZE_MEASURES`.

    Returns
    -------
    pandas.Series
        Floats indexed by node id, named ``name``.

    Raises
    ------
    UsageError
        For another name.

    Examples
    --------
    >>> from graph import load
    >>> round(float(node_measure(load(), "pagerank").sum()), 6)
    1.0
    """
    if name not in SIZE_MEASURES:
        raise UsageError(f"unknown measure '{name}'; expected one of: {', '.join(SIZE_MEASURES)}")
    ids = pd.Index(dataset.nodes["id"], name="id")
    if name == "degree":  # vectorized: distinct partners from the pair table (no affiliations)
        pairs = aggregate_table(layer_dataset(dataset, measure_layers(None)["degree"]))
        pairs = pairs[pairs["source"] != pairs["target"]]
        ends = pd.concat([pairs["source"], pairs["target"]], ignore_index=True)
        return ends.value_counts().reindex(ids, fill_value=0).astype(float).rename(name)
    table = node_measures(dataset).set_index("id")
    return table[name].astype(float).reindex(ids, fill_value=0.0).rename(name)


def _rounded(values: np.ndarray) -> list[float]:
    """Floats at 6 significant digits, as :func:`graph.analyze.rounded` writes them (NaN: 0)."""
    finite = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    return [float(f"{x:.{DIGITS}g}") for x in finite.tolist()]


def _pivot_count(view: View, engine: str) -> int | None:
    """Pivots of the betweenness estimate, or None when exact betweenness is cheap enough."""
    n, reach = view.n, view.n + view.m
    work = BETWEENNESS_WORK[engine]
    if n * reach <= work:
        return None
    k = max(MIN_PIVOTS, work // reach)
    return k if k < n else None


def _numbered(labels: np.ndarray) -> np.ndarray:
    """Renumber group labels (>= 0; -1 stays) 0.. by size, largest first, ties by first node."""
    out = np.full(len(labels), -1, dtype=np.int64)
    placed = np.flatnonzero(labels >= 0)
    if len(placed) == 0:
        return out
    _, dense = np.unique(labels[placed], return_inverse=True)
    sizes = np.bincount(dense)
    first = np.full(len(sizes), len(labels), dtype=np.int64)
    np.minimum.at(first, dense, placed)
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(sizes), dtype=np.int64)
    rank[order] = np.arange(len(sizes))
    out[placed] = rank[dense]
    return out


def _igraph_communities(dataset: Dataset) -> np.ndarray | None:
    """igraph's Louvain on the cooperative layer (as :func:`~graph.analyze.communities` builds
    it), or None when the layer is small enough for the report's own communities."""
    layer = dataset.filter(sign=1)
    view = analysis_view(dataset.with_tables(dataset.nodes, layer.edges))
    if view.m <= COMMUNITY_EXACT_MAX_TIES:
        return None
    tied = np.flatnonzero(
        np.bincount(view.source, minlength=view.n) + np.bincount(view.target, minlength=view.n)
    )
    sub = view.subview(tied)
    top = float(sub.weight.max())
    if top > 0:  # weights ÷ the largest, as the report does
        ig = igraph_module()
        if ig is None:  # pragma: no cover - the caller checked the engine
            return None
        ig.set_random_number_generator(random.Random(COMMUNITY_SEED))
        try:
            found = sub.igraph.community_multilevel(
                weights=(sub.weight / top).tolist(), resolution=COMMUNITY_RESOLUTION
            )
        finally:
            ig.set_random_number_generator(random)
        groups = np.asarray(found.membership, dtype=np.int64)
    else:  # every weight is 0: the ties hold the groups, as in the report
        groups = sub.components()
    labels = np.full(view.n, -1, dtype=np.int64)
    labels[tied] = groups
    return labels


def _communities(dataset: Dataset, engine: str) -> tuple[list[int], str]:
    labels = _igraph_communities(dataset) if engine == "igraph" else None
    if labels is not None:
        return _numbered(labels).tolist(), "igraph"
    found = communities(dataset, seed=COMMUNITY_SEED, resolution=COMMUNITY_RESOLUTION)
    column = found.table["community"].fillna(0).to_numpy(dtype=np.int64) - 1  # 1.. → 0.., NA → -1
    return column.tolist(), "networkx"


def page_measures(
    dataset: Dataset, *, engine: str = "auto", layer: str | None = None, affiliations: str = "drop"
) -> PageMeasures:
    """Every node measure of ``graph stats`` (but closeness) and the cooperative communities.

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    engine : {"auto", "igraph", "networkx"}
        Library for betweenness, eigenvector and PageRank (and large graphs' communities);
        ``auto`` picks igraph when it is installed.
    layer : {"cooperative", "conflictual", "all"}, optional
        The relations every measure counts (default: degrees all, the rest cooperative), as
        ``graph stats --layer``; each measure's description names it.
    affiliations : {"drop", "keep", "project"}, default "drop"
        Memberships, offices and leadership, as ``graph stats --affiliations``.

    Returns
    -------
    PageMeasures
        One value per node, in ``dataset.nodes`` order: ``values`` (each measure of
        :data:`PAGE_MEASURES` as floats rounded to 6 significant digits, equal to ``graph
        stats``), ``communities`` (0 = the largest community of the cooperative layer, ties by
        earliest node, so community ``k`` here is the report's ``k + 1``; -1 for an actor
        without a cooperative tie), ``measures`` (name, label and description of each),
        ``engine``, ``community_engine``, ``eigenvector``, ``sample`` and ``note`` (what was
        estimated on a large graph; None when every number equals ``graph stats`` and the
        report).

    Raises
    ------
    UsageError
        For an unknown engine, or igraph requested but not installed.

    Examples
    --------
    >>> from graph import load
    >>> page = page_measures(load())
    >>> [m["name"] for m in page["measures"]][:3], page["values"]["pagerank"][:2]
    (['degree', 'weighted_degree', 'betweenness'], [0.277261, 0.214712])
    >>> page["communities"][:4], page["note"]
    ([0, 0, -1, -1], None)
    """
    chosen = resolve_engine(engine)
    check_layer_options(layer, affiliations)
    views = LayerViews(dataset, affiliations)
    layers = measure_layers(layer)
    every = views.get(layers["degree"], False)
    view = views.get(layers["pagerank"], False)
    n = view.n
    k = _pivot_count(view, chosen)
    pivots = _pivots(n, k, 0)
    eigen, method, _ = _eigenvector(view, chosen)
    raw = {
        "degree": np.bincount(every.source, minlength=n) + np.bincount(every.target, minlength=n),
        "weighted_degree": np.bincount(every.source, every.weight, minlength=n)
        + np.bincount(every.target, every.weight, minlength=n),
        "betweenness": _betweenness(view, chosen, pivots, 0),
        "pagerank": _pagerank(view, chosen),
        "eigenvector": eigen,
    }
    values = {name: _rounded(raw[name]) for name in PAGE_MEASURES}
    groups, community_engine = _communities(dataset, chosen)
    notes = []
    if pivots is not None:
        notes.append(
            f"Betweenness is estimated from {len(pivots):,} of {n:,} actors (seeded pivots, as "
            f"graph stats --sample {len(pivots)}); smaller graphs get it exact."
        )
    if community_engine == "igraph":
        notes.append(
            f"Communities are found by igraph's Louvain (seed {COMMUNITY_SEED}) on more than "
            f"{COMMUNITY_EXACT_MAX_TIES:,} cooperative links; the report's may split differently."
        )
    measures: list[MeasureInfo] = [
        {
            "name": name,
            "label": "Katz" if name == "eigenvector" and method == "katz" else _LABELS[name],
            "description": f"{MEASURES[name]} ({_LAYER_WORDS[layers[name]]}"
            f"{_AFFILIATION_WORDS[affiliations]})",
        }
        for name in PAGE_MEASURES
    ]
    return {
        "values": values,
        "communities": groups,
        "measures": measures,
        "engine": chosen,
        "community_engine": community_engine,
        "eigenvector": method,
        "sample": None if pivots is None else len(pivots),
        "note": " ".join(notes) or None,
    }


def automatic_links(edges: pd.DataFrame) -> np.ndarray:
    """Which relations are an importer's links from an actor to its state, not events.

    An importer (``graph import icews|gdelt``) adds one per coded actor: id
    ``<prefix>-link-<actor>`` with the actor as ``source``, citation ``<PREFIX> actor
    coding`` (the same prefix, upper-cased) and type ``membership`` or ``office``. All three
    must hold; vectorized (the citation is checked once per distinct value).

    Parameters
    ----------
    edges : pandas.DataFrame
        A relation table with ``id``, ``source``, ``type`` and ``citation`` columns (a table
        without one of them has no automatic link).

    Returns
    -------
    numpy.ndarray
        One bool per row.

    Examples
    --------
    >>> edges = pd.DataFrame({"id": ["icews-link-a", "icews-link-a", "e1"],
    ...                       "source": ["a", "b", "a"], "type": ["membership"] * 3,
    ...                       "citation": ["ICEWS actor coding"] * 3})
    >>> automatic_links(edges).tolist()
    [True, False, False]
    """
    rows = len(edges)
    if rows == 0 or not {"id", "source", "type", "citation"} <= set(edges.columns):
        return np.zeros(rows, dtype=bool)
    codes, cited = pd.factorize(edges["citation"].astype(object).fillna("").astype(str))
    cut = len(LINK_CITATION_SUFFIX)
    prefixes = np.array(
        [
            c[:-cut].lower()
            if c.endswith(LINK_CITATION_SUFFIX) and c[:-cut] and c[:-cut] == c[:-cut].upper()
            else ""
            for c in cited.tolist()
        ]
        + [""],  # code -1 (none): no prefix
        dtype=object,
    )
    prefix = prefixes[codes]
    candidate = (prefix != "") & edges["type"].isin(LINK_TYPES).to_numpy()
    out = np.zeros(rows, dtype=bool)
    at = np.flatnonzero(candidate)
    if len(at):
        expected = pd.Series(prefix[at], dtype=object) + LINK_ID_INFIX
        expected = expected + edges["source"].iloc[at].astype(str).to_numpy(dtype=object)
        ids = edges["id"].iloc[at].astype(str).to_numpy(dtype=object)
        out[at] = expected.to_numpy(dtype=object) == ids
    return out
