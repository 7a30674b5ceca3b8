"""Node measures against independent implementations (networkx and igraph), within 1e-6.

Each engine is compared with both references, on the bundled dataset and on random graphs
with several components and isolated actors, for the undirected and the directed view.
"""

from __future__ import annotations

import os
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from analyze_data import random_dataset, reference_graph

import graph
from graph.analyze import MEASURES, SIGNED_MEASURES, node_measures, rank
from graph.errors import UsageError

os.environ.setdefault("OMP_WAIT_POLICY", "passive")
import igraph as ig

TOL = 1e-6
ENGINES = ("igraph", "networkx")
#: The measures that ignore signs (the references compute these).
UNSIGNED = [m for m in MEASURES if m not in SIGNED_MEASURES]
#: The whole graph as it is: every relation, memberships and offices as ties.
RAW = {"layer": "all", "affiliations": "keep"}


@pytest.fixture(scope="module", params=["bundled", "random3", "random8"])
def dataset(request: pytest.FixtureRequest) -> graph.Dataset:
    if request.param == "bundled":
        return graph.load()
    return random_dataset(int(request.param.removeprefix("random")))


def _series(values: dict, ids: pd.Series) -> np.ndarray:
    return np.array([values[i] for i in ids], dtype=float)


def _to_igraph(G: nx.Graph) -> tuple[ig.Graph, list[str]]:
    names = list(G.nodes)
    index = {n: i for i, n in enumerate(names)}
    g = ig.Graph(
        n=len(names), edges=[(index[u], index[v]) for u, v in G.edges], directed=G.is_directed()
    )
    g.es["weight"] = [w for _, _, w in G.edges(data="weight")]
    return g, names


def _by_name(values: list[float], names: list[str], ids: pd.Series) -> np.ndarray:
    return _series(dict(zip(names, values, strict=True)), ids)


def _largest_cc(G: nx.Graph, order: list[str]) -> set[str]:
    comps = list(nx.connected_components(G))
    position = {n: i for i, n in enumerate(order)}
    return max(comps, key=lambda c: (len(c), -min(position[x] for x in c)))


def networkx_reference(ds: graph.Dataset, directed: bool, katz_alpha: float | None) -> dict:
    G = reference_graph(ds, directed=directed)
    D = reference_graph(ds, directed=True)
    ids = ds.nodes["id"]
    ref = {
        "degree": _series(dict(G.degree()), ids),
        "in_degree": _series(dict(D.in_degree()), ids),
        "out_degree": _series(dict(D.out_degree()), ids),
        "weighted_degree": _series(dict(G.degree(weight="weight")), ids),
        "betweenness": _series(nx.betweenness_centrality(G), ids),
        "closeness": _series(nx.closeness_centrality(G), ids),
        "pagerank": _series(nx.pagerank(G, tol=1e-13, max_iter=100_000), ids),
    }
    if katz_alpha is not None:
        ref["eigenvector"] = _series(
            nx.katz_centrality_numpy(G, alpha=katz_alpha, beta=1.0, weight=None), ids
        )
    elif directed:
        ref["eigenvector"] = _series(nx.eigenvector_centrality(G, max_iter=100_000, tol=1e-14), ids)
    else:
        part = G.subgraph(_largest_cc(G, list(ids)))
        eig = nx.eigenvector_centrality(part, max_iter=100_000, tol=1e-14) if len(part) > 1 else {}
        ref["eigenvector"] = np.array([eig.get(i, 0.0) for i in ids])
    return ref


def igraph_reference(ds: graph.Dataset, directed: bool) -> dict:
    G = reference_graph(ds, directed=directed)
    g, names = _to_igraph(G)
    ids = ds.nodes["id"]
    n = len(names)
    pairs = 1 if directed else 2
    scale = pairs / ((n - 1) * (n - 2))
    dist = np.array(g.distances(mode="in" if directed else "all"), dtype=float)
    np.fill_diagonal(dist, np.inf)
    reach = np.isfinite(dist).sum(axis=0 if not directed else 1)
    total = np.where(np.isfinite(dist), dist, 0).sum(axis=0 if not directed else 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = np.where(total > 0, reach / total * reach / (n - 1), 0.0)
    ref = {
        "degree": _by_name(g.degree(), names, ids),
        "weighted_degree": _by_name(g.strength(weights="weight"), names, ids),
        "betweenness": _by_name([b * scale for b in g.betweenness(directed=directed)], names, ids),
        "closeness": _by_name(closeness.tolist(), names, ids),
        "pagerank": _by_name(g.pagerank(directed=directed, weights="weight"), names, ids),
    }
    if not directed:
        keep = _largest_cc(G, list(ids))
        sub = g.induced_subgraph([names.index(k) for k in keep])
        sub_names = [names[v.index] for v in g.vs if names[v.index] in keep]
        if len(keep) > 1:
            vec = np.array(sub.eigenvector_centrality(), dtype=float)
            vec /= np.linalg.norm(vec)
            values = dict(zip(sub_names, vec, strict=True))
        else:
            values = {}
        ref["eigenvector"] = np.array([values.get(i, 0.0) for i in ids])
    return ref


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("engine", ENGINES)
def test_measures_equal_networkx(dataset: graph.Dataset, engine: str, directed: bool) -> None:
    table = node_measures(dataset, engine=engine, directed=directed, **RAW)
    alpha = table.attrs["katz_alpha"]
    ref = networkx_reference(dataset, directed, alpha)
    for measure in UNSIGNED:
        np.testing.assert_allclose(table[measure], ref[measure], atol=TOL, err_msg=measure)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("engine", ENGINES)
def test_measures_equal_igraph(dataset: graph.Dataset, engine: str, directed: bool) -> None:
    table = node_measures(dataset, engine=engine, directed=directed, **RAW)
    ref = igraph_reference(dataset, directed)
    for measure, expected in ref.items():
        np.testing.assert_allclose(table[measure], expected, atol=TOL, err_msg=measure)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_default_layers_equal_the_references_on_their_relations(
    dataset: graph.Dataset, directed: bool
) -> None:
    """Degrees on all interactions, path measures on the cooperative ones: each equals
    networkx on a dataset holding only those relations."""
    table = node_measures(dataset, directed=directed)
    edges = dataset.edges
    interactions = edges[edges["family"] != "membership"]
    for measures, kept in (
        (("degree", "in_degree", "out_degree", "weighted_degree"), interactions),
        (("betweenness", "closeness", "pagerank"), interactions[interactions["sign"] > 0]),
    ):
        part = dataset.with_tables(dataset.nodes, kept)
        ref = networkx_reference(part, directed, None)
        for measure in measures:
            np.testing.assert_allclose(table[measure], ref[measure], atol=TOL, err_msg=measure)


def test_engines_agree_exactly_enough(dataset: graph.Dataset) -> None:
    for directed in (False, True):
        a = node_measures(dataset, engine="igraph", directed=directed)
        b = node_measures(dataset, engine="networkx", directed=directed)
        assert a.attrs["eigenvector"] == b.attrs["eigenvector"]
        for measure in MEASURES:
            np.testing.assert_allclose(a[measure], b[measure], atol=TOL, err_msg=measure)


def test_katz_alpha_is_085_over_the_spectral_radius() -> None:
    ds = random_dataset(3)
    table = node_measures(ds, directed=True, **RAW)
    assert table.attrs["eigenvector"] == "katz"
    D = reference_graph(ds, directed=True)
    rho = max(abs(np.linalg.eigvals(nx.to_numpy_array(D, weight=None))))
    assert table.attrs["katz_alpha"] == pytest.approx(0.85 / rho, rel=1e-9)


def test_directed_eigenvector_on_a_strongly_connected_graph() -> None:
    nodes = pd.DataFrame({"id": list("abcd"), "label": list("ABCD"), "type": ["state"] * 4})
    edges = pd.DataFrame({"source": list("abcda"), "target": list("bcdac"), "type": ["visit"] * 5})
    ds = graph.from_frames(nodes, edges)
    for engine in ENGINES:
        table = node_measures(ds, directed=True, engine=engine, **RAW)
        assert table.attrs["eigenvector"] == "eigenvector"
        D = reference_graph(ds, directed=True)
        ref = nx.eigenvector_centrality(D, max_iter=100_000, tol=1e-14)
        np.testing.assert_allclose(table["eigenvector"], _series(ref, ds.nodes["id"]), atol=TOL)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_sampled_betweenness_equals_networkx_k_sampling(directed: bool) -> None:
    ds = random_dataset(5)
    G = reference_graph(ds, directed=directed)
    expected = _series(nx.betweenness_centrality(G, k=12, seed=4), ds.nodes["id"])
    for engine in ENGINES:
        table = node_measures(ds, engine=engine, directed=directed, sample=12, seed=4, **RAW)
        assert table.attrs["sample"] == 12 and table.attrs["seed"] == 4
        np.testing.assert_allclose(table["betweenness"], expected, atol=TOL)
    # the pivots are networkx's: random.Random(seed).sample over the nodes in order
    assert len(random.Random(4).sample(list(G.nodes), 12)) == 12


def test_sample_at_least_n_is_exact_and_too_small_is_an_error() -> None:
    ds = graph.load()
    exact = node_measures(ds)
    full = node_measures(ds, sample=len(ds.nodes))
    assert full.attrs["sample"] is None
    np.testing.assert_allclose(full["betweenness"], exact["betweenness"])
    with pytest.raises(UsageError, match="at least 2"):
        node_measures(ds, sample=1)


def test_isolated_nodes_and_empty_graph() -> None:
    nodes = pd.DataFrame({"id": list("abc"), "label": list("ABC"), "type": ["state"] * 3})
    edges = pd.DataFrame({"source": ["a"], "target": ["a"], "type": ["talks"]})
    ds = graph.from_frames(nodes, edges)
    for engine in ENGINES:
        table = node_measures(ds, engine=engine)
        assert table[UNSIGNED].drop(columns="pagerank").to_numpy().sum() == 0
        assert table["pn"].tolist() == [1.0, 1.0, 1.0]
        np.testing.assert_allclose(table["pagerank"], [1 / 3] * 3)
    empty = node_measures(ds.filter(types=["visit"]))
    assert empty.empty and list(empty.columns[:3]) == ["id", "label", "type"]


def test_unknown_engine_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown engine"):
        node_measures(graph.load(), engine="gephi")


def test_rank_sorts_largest_first_ties_by_id() -> None:
    table = node_measures(graph.load())
    top = rank(table, "degree", 3)
    assert top["degree"].is_monotonic_decreasing and len(top) == 3
    assert rank(table, "id")["id"].is_monotonic_increasing
    with pytest.raises(UsageError, match="cannot sort by 'hubness'"):
        rank(table, "hubness")


def test_measures_are_deterministic() -> None:
    ds = random_dataset(3)
    a = node_measures(ds)
    b = node_measures(ds)
    pd.testing.assert_frame_equal(a, b)


def test_without_igraph_auto_falls_back_to_networkx(monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.analyze.engines as engines_module

    ds = graph.load()
    fast = node_measures(ds)
    monkeypatch.setattr(engines_module, "igraph_module", lambda: None)
    slow = node_measures(ds)
    assert slow.attrs["engine"] == "networkx" and fast.attrs["engine"] == "igraph"
    for measure in MEASURES:
        np.testing.assert_allclose(slow[measure], fast[measure], atol=TOL)
    with pytest.raises(UsageError, match="pip install 'graph-explorer\\[fast\\]'"):
        node_measures(ds, engine="igraph")
