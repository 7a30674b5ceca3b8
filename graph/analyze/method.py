"""How the node measures were computed: :class:`MeasureMethod`, worded for ``graph stats`` and
the report (view, engine, sampling, Katz; which layer each measure counts).

>>> graph.stats(ds).measures.sort
'pagerank'
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["MeasureMethod"]

#: How a list of measures is named in a sentence.
_MEASURE_NAMES = {
    "degree": "degree",
    "in_degree": "in-degree",
    "out_degree": "out-degree",
    "weighted_degree": "weighted degree",
    "betweenness": "betweenness",
    "closeness": "closeness",
    "eigenvector": "eigenvector",
    "pagerank": "PageRank",
}


def _measure_words(names: list[str]) -> str:
    """``Degrees`` for the degree counts, else the measures named in a list."""
    if set(names) == {"degree", "in_degree", "out_degree", "weighted_degree"}:
        return "degrees"
    words = [_MEASURE_NAMES.get(n, n) for n in names]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class MeasureMethod:
    """How the node measures were computed.

    Parameters
    ----------
    directed : bool
        Directed or undirected analysis view.
    engine : str
        ``igraph`` or ``networkx``.
    eigenvector : str
        ``"eigenvector"``, or ``"katz"`` when the eigenvector column holds Katz centrality.
    katz_alpha : float or None
        Katz's alpha when used.
    sample : int or None
        Pivot nodes of the estimated betweenness; None when exact.
    seed : int
    sort : str
        Column the node table is sorted by.
    definitions : dict of str to str
        What each measure means (:data:`~graph.analyze.MEASURES`).
    layers : dict of str to str
        The layer each measure reads: ``cooperative``, ``conflictual``, ``all`` or ``signed``
        (:mod:`graph.analyze.layers`).
    affiliations : str
        Membership, office and leadership ties: ``drop``, ``keep`` or ``project``.
    pair_sign : str
        The rule that gives each pair one sign (signed measures).

    Examples
    --------
    >>> m = graph.stats(ds, directed=True).measures
    >>> m.directed, m.eigenvector, m.sample
    (True, 'katz', None)
    """

    directed: bool
    engine: str
    eigenvector: str
    katz_alpha: float | None
    sample: int | None
    seed: int
    sort: str
    definitions: dict[str, str]
    layers: dict[str, str] = field(default_factory=dict)
    affiliations: str = "drop"
    pair_sign: str = "sum"

    def layer_note(self) -> str:
        """Which relations the measures count, in one sentence (``graph stats``, the report).

        >>> import textwrap
        >>> print(textwrap.fill(graph.stats(ds).measures.layer_note(), 80))
        Degrees count all relations; betweenness, closeness, eigenvector and PageRank
        the cooperative layer; signed measures (positive and negative degree, PN) use
        the pair-sign rule sum; memberships, offices and leadership left out.
        """
        groups: dict[str, list[str]] = {}
        for name, layer in self.layers.items():
            groups.setdefault(layer, []).append(name)
        parts = []
        for layer, names in groups.items():
            if layer == "signed":
                continue
            words = _measure_words(names)
            where = "all relations" if layer == "all" else f"the {layer} layer"
            parts.append((words, where))
        if len(parts) == 1:
            sentence = f"Unsigned measures count {parts[0][1]}"
        else:
            first, *rest = parts
            sentence = f"{first[0]} count {first[1]}; " + "; ".join(
                f"{w} {where}" for w, where in rest
            )
            sentence = sentence[:1].upper() + sentence[1:]
        affiliation = {
            "drop": "memberships, offices and leadership left out",
            "keep": "memberships, offices and leadership counted as ties",
            "project": "memberships, offices and leadership projected to co-affiliation ties",
        }.get(self.affiliations, self.affiliations)
        return (
            f"{sentence}; signed measures (positive and negative degree, PN) use the pair-sign "
            f"rule {self.pair_sign}; "
            f"{affiliation}."
        )

    def describe(self) -> str:
        """How the measures were computed, in one line: view, engine, sampling, Katz. The
        words ``graph stats`` and the report both show.

        >>> graph.stats(ds, engine="networkx").measures.describe()
        'undirected view, engine networkx; exact betweenness'
        """
        parts = [f"{'directed' if self.directed else 'undirected'} view, engine {self.engine}"]
        parts.append(
            f"betweenness ESTIMATED from {self.sample} pivots (seed {self.seed})"
            if self.sample
            else "exact betweenness"
        )
        if self.eigenvector == "katz":
            alpha = "–" if self.katz_alpha is None else str(self.katz_alpha)
            parts.append(f"eigenvector column = Katz (alpha {alpha}), not strongly connected")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Plain values for JSON (``measures`` in ``graph stats --format json``)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["definitions"] = dict(self.definitions)
        out["layers"] = dict(self.layers)
        return out
