"""Graph-level figures against networkx and igraph on the bundled and random datasets."""

from __future__ import annotations

import json
import os

import networkx as nx
import pandas as pd
import pytest
from analyze_data import random_dataset, reference_graph

import graph
from graph.analyze import Components, GraphFigures, graph_figures, reciprocity

os.environ.setdefault("OMP_WAIT_POLICY", "passive")
import igraph as ig


@pytest.fixture(scope="module", params=["bundled", "random3", "random8"])
def dataset(request: pytest.FixtureRequest) -> graph.Dataset:
    if request.param == "bundled":
        return graph.load()
    return random_dataset(int(request.param.removeprefix("random")))


@pytest.mark.parametrize("engine", ["igraph", "networkx"])
def test_figures_equal_networkx(dataset: graph.Dataset, engine: str) -> None:
    figures = graph_figures(dataset, engine=engine)
    G = reference_graph(dataset, directed=False)
    D = reference_graph(dataset, directed=True)
    comps = sorted(nx.connected_components(G), key=len, reverse=True)
    largest = G.subgraph(comps[0])
    assert figures.nodes == G.number_of_nodes()
    assert figures.pairs == G.number_of_edges()
    assert figures.links_directed == D.number_of_edges()
    assert figures.density == pytest.approx(nx.density(G), abs=1e-12)
    assert figures.density_directed == pytest.approx(nx.density(D), abs=1e-12)
    assert figures.components == Components(
        count=len(comps),
        largest=len(comps[0]),
        isolated=sum(len(c) == 1 for c in comps),
    )
    assert figures.strong_components == nx.number_strongly_connected_components(D)
    assert figures.diameter == nx.diameter(largest)
    assert figures.average_path_length == pytest.approx(
        nx.average_shortest_path_length(largest), abs=1e-9
    )
    assert figures.assortativity_by_type == pytest.approx(
        nx.attribute_assortativity_coefficient(G, "type"), abs=1e-9
    )
    counts = dataset.edges["type"].value_counts()
    assert figures.relations_by_type == {k: int(v) for k, v in counts.items()}


def test_figures_equal_igraph(dataset: graph.Dataset) -> None:
    figures = graph_figures(dataset)
    G = reference_graph(dataset, directed=False)
    g = ig.Graph.from_networkx(G)
    largest = g.connected_components().giant()
    assert figures.diameter == largest.diameter(directed=False)
    assert figures.average_path_length == pytest.approx(largest.average_path_length(), abs=1e-9)
    codes, _ = pd.factorize(pd.Series(g.vs["type"]))
    assert figures.assortativity_by_type == pytest.approx(
        g.assortativity_nominal(codes.tolist(), directed=False), abs=1e-9
    )


def test_reciprocity_counts_directed_types_only() -> None:
    nodes = pd.DataFrame({"id": list("abc"), "label": list("ABC"), "type": ["state"] * 3})
    edges = pd.DataFrame(
        {
            "source": ["a", "b", "a", "b", "c"],
            "target": ["b", "a", "c", "c", "b"],
            "type": ["visit", "protest", "visit", "talks", "talks"],
        }
    )
    # directed pairs: a->b, b->a, a->c; reciprocated: a->b and b->a; talks are mutual
    assert reciprocity(graph.from_frames(nodes, edges)) == pytest.approx(2 / 3)
    only_mutual = graph.from_frames(nodes, edges[edges["type"] == "talks"])
    assert reciprocity(only_mutual) is None


def test_single_type_has_no_assortativity_and_tiny_graphs_work() -> None:
    nodes = pd.DataFrame({"id": list("ab"), "label": list("AB"), "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["talks"]})
    figures = graph_figures(graph.from_frames(nodes, edges))
    assert figures.assortativity_by_type is None
    assert figures.diameter == 1 and figures.average_path_length == 1.0
    alone = graph_figures(graph.from_frames(nodes, edges.iloc[:0]))
    assert alone.diameter is None and alone.average_path_length is None  # no path
    assert alone.components.isolated == 2
    empty = graph_figures(graph.from_frames(nodes.iloc[:0], edges.iloc[:0]))
    assert empty.diameter is None and empty.average_path_length is None


def test_figures_are_a_frozen_result_whose_dict_is_plain_json() -> None:
    figures = graph_figures(graph.load())
    assert isinstance(figures, GraphFigures)
    data = figures.to_dict()
    assert list(data) == [
        "nodes", "relations", "pairs", "links_directed", "relations_by_type",
        "relations_by_family", "density", "density_directed", "components",
        "strong_components", "diameter", "average_path_length", "reciprocity",
        "assortativity_by_type",
    ]  # fmt: skip
    assert data["components"] == {"count": 1, "largest": 22, "isolated": 0}
    assert json.loads(json.dumps(data)) == data
    assert figures.rounded().density == float(f"{figures.density:.6g}")
    assert figures.rounded().diameter == figures.diameter == 5
