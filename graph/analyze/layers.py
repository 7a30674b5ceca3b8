"""Which relations a measure counts: the layer (by sign) and the affiliations.

International relations mix cooperation and conflict; a walk or a shortest path that runs
through a war is not influence or brokerage. Each measure therefore reads one **layer**:

- ``cooperative``: the relations with a positive sign (visits, agreements, aid, ...);
- ``conflictual``: the relations with a negative sign (pressure, sanctions, disputes, ...);
- ``all``: every relation, whatever its sign (neutral ones too).

Unless a layer is asked for, the path and walk measures (betweenness, closeness, eigenvector,
PageRank) use the cooperative layer, and the degree counts (degree, in/out degree, weighted
degree) use all relations (:data:`DEFAULT_LAYERS`); the signed measures (positive and
negative degree, PN centrality) read the signs themselves.

**Affiliations** are relation types that are not interactions: membership, office and
leadership in the built-in vocabulary (``interaction = false`` in a ``vocabulary.toml``). A
member of an organization does not act on it, so by default (``drop``) they are left out of
every measure. ``keep`` counts them as ordinary ties, whatever the layer (they are neither
cooperative nor conflictual); ``project`` replaces the two-mode actor–organization ties by
one-mode co-affiliation ties: two actors that belong to the same organizations are tied, with
the number of affiliations they share as weight (the organizations themselves are left
without these ties).

>>> import graph
>>> ds = graph.load()
>>> len(layer_dataset(ds, "cooperative").edges) < len(ds.edges)
True
>>> measure_layers(None)["pagerank"], measure_layers("all")["pagerank"]
('cooperative', 'all')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import UsageError

if TYPE_CHECKING:
    from ..dataset import Dataset
    from ..model.vocabulary import Vocabulary

__all__ = [
    "AFFILIATIONS",
    "DEFAULT_LAYERS",
    "LAYERS",
    "affiliation_types",
    "check_layer_options",
    "layer_dataset",
    "measure_layers",
]

#: The layers a measure may read; ``all`` keeps every relation.
LAYERS = ("cooperative", "conflictual", "all")
#: What to do with affiliations (membership, office, leadership); the first is the default.
AFFILIATIONS = ("drop", "keep", "project")
#: The layer of each unsigned measure when none is asked for.
DEFAULT_LAYERS: dict[str, str] = {
    "degree": "all",
    "in_degree": "all",
    "out_degree": "all",
    "weighted_degree": "all",
    "betweenness": "cooperative",
    "closeness": "cooperative",
    "eigenvector": "cooperative",
    "pagerank": "cooperative",
}
#: The relation type given to projected co-affiliation ties.
CO_AFFILIATION = "co-affiliation"


def check_layer_options(layer: str | None, affiliations: str) -> None:
    """Raise :class:`~graph.errors.UsageError` for an unknown layer or affiliation rule.

    >>> check_layer_options("cooperative", "drop")
    >>> check_layer_options("friends", "drop")
    Traceback (most recent call last):
    ...
    graph.errors.UsageError: unknown layer 'friends'; expected one of: cooperative, conflictual, all
    """
    if layer is not None and layer not in LAYERS:
        raise UsageError(
            f"unknown {{layer}} '{layer}'; expected one of: {', '.join(LAYERS)}",
            params=("layer",),
        )
    if affiliations not in AFFILIATIONS:
        raise UsageError(
            f"unknown {{affiliations}} '{affiliations}'; expected one of: "
            f"{', '.join(AFFILIATIONS)}",
            params=("affiliations",),
        )


def measure_layers(layer: str | None) -> dict[str, str]:
    """The layer each unsigned measure reads: ``layer`` for all of them, or the defaults.

    >>> measure_layers(None)["degree"], measure_layers("conflictual")["degree"]
    ('all', 'conflictual')
    """
    check_layer_options(layer, AFFILIATIONS[0])
    if layer is None:
        return dict(DEFAULT_LAYERS)
    return dict.fromkeys(DEFAULT_LAYERS, layer)


def affiliation_types(vocabulary: Vocabulary) -> list[str]:
    """The relation types that are affiliations, not interactions (``interaction = false``).

    >>> affiliation_types(graph.load().vocabulary)
    ['membership', 'office', 'leadership']
    """
    return [name for name, t in vocabulary.edge_types.items() if not t.interaction]


def layer_dataset(dataset: Dataset, layer: str = "all", affiliations: str = "drop") -> Dataset:
    """The dataset with only the relations a layer's measures count (all actors kept).

    Parameters
    ----------
    dataset : Dataset
        The (possibly filtered) actors and relations.
    layer : {"cooperative", "conflictual", "all"}, default "all"
        Which interactions to keep, by sign.
    affiliations : {"drop", "keep", "project"}, default "drop"
        Leave the affiliations out, keep them as ties, or replace them by co-affiliation ties
        (module docstring).

    Returns
    -------
    Dataset
        Same nodes; the kept relations (plus projected ties, type ``co-affiliation``, sign 0,
        undirected, undated).

    Raises
    ------
    UsageError
        For an unknown layer or affiliation rule.

    Examples
    --------
    >>> coop = graph.layer_dataset(ds, "cooperative")
    >>> sorted(set(coop.edges["sign"]))
    [1]

    Two office holders of Iran become tied when offices are projected:

    >>> projected = graph.layer_dataset(ds, "all", "project").edges
    >>> projected[projected["type"] == "co-affiliation"][["source", "target", "weight"]].head(1)
               source                target  weight
    0  hassan_rouhani  mohammad_javad_zarif     1.0
    """
    check_layer_options(layer, affiliations)
    edges = dataset.edges
    affiliation = edges["type"].isin(affiliation_types(dataset.vocabulary)).to_numpy()
    sign = edges["sign"].to_numpy()
    keep = ~affiliation
    if layer == "cooperative":
        keep &= sign > 0
    elif layer == "conflictual":
        keep &= sign < 0
    if affiliations == "keep":
        keep |= affiliation
    kept = edges[keep]
    if affiliations == "project":
        kept = pd.concat([_co_affiliations(dataset, edges[affiliation]), kept], ignore_index=True)
    return dataset.with_tables(dataset.nodes, kept)


def _co_affiliations(dataset: Dataset, links: pd.DataFrame) -> pd.DataFrame:
    """One undirected tie per pair of actors sharing affiliations, weighted by their number."""
    import scipy.sparse as sp

    ids = pd.Index(dataset.nodes["id"])
    member = ids.get_indexer(links["source"])
    body, _ = pd.factorize(links["target"])
    n, k = len(ids), int(body.max()) + 1 if len(body) else 0
    incidence = sp.csr_array((np.ones(len(member)), (member, body)), shape=(n, max(k, 1)))
    incidence.sum_duplicates()
    incidence.data[:] = 1.0  # an actor counted once per organization
    shared = sp.triu(incidence @ incidence.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row))
    row, col, weight = shared.row[order], shared.col[order], shared.data[order]
    values = np.asarray(ids, dtype=object)
    frame = pd.DataFrame(
        {
            "source": pd.Series(values[row], dtype=object),
            "target": pd.Series(values[col], dtype=object),
            "type": CO_AFFILIATION,
            "weight": weight.astype(float),
            "sign": np.zeros(len(row), dtype=np.int8),
            "directed": np.zeros(len(row), dtype=bool),
            "family": "membership",
        }
    )
    for column in ("date_start", "date_end"):
        frame[column] = pd.Series(pd.NaT, index=frame.index, dtype=str(links[column].dtype))
    return frame
