"""Queries: neighbours within K steps and shortest paths with each step's relations."""

from __future__ import annotations

import networkx as nx
import pytest
from analyze_data import random_dataset, reference_graph

import graph
from graph.analyze import neighbors, paths
from graph.errors import UsageError


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbors_equal_networkx_distances(depth: int) -> None:
    ds = random_dataset(3)
    G = reference_graph(ds, directed=False)
    expected = nx.single_source_shortest_path_length(G, "n001", cutoff=depth)
    expected.pop("n001")
    table = neighbors(ds, "n001", depth=depth)
    assert dict(zip(table["id"], table["distance"], strict=True)) == expected
    direct = table[table["distance"] == 1]
    assert (direct["relations"] > 0).all() and (
        table.loc[table["distance"] > 1, "relations"] == 0
    ).all()


def test_direct_neighbors_carry_relations_score_and_types() -> None:
    table = neighbors(graph.load(), "iran").set_index("id")
    assert table.loc["tajikistan", "relations"] == 20
    assert table.loc["unsc", "score"] == -1.0 and table.loc["unsc", "types"] == "sanction"
    assert table.index[0] == "tajikistan"


def test_paths_are_shortest_and_list_each_steps_relations() -> None:
    ds = graph.load()
    rows = paths(ds, "muhiddin_kabiri", "russia")
    G = reference_graph(ds, directed=False)
    length = nx.shortest_path_length(G, "muhiddin_kabiri", "russia")
    assert rows.groupby("path")["step"].max().eq(length).all()
    first = rows[(rows["path"] == 1) & (rows["step"] == 1)]
    assert set(first["type"]) == {"invitation", "visit"}
    assert set(first["direction"]) == {"forward", "backward"}
    assert rows["date"].notna().all()
    expected = {tuple(p) for p in nx.all_shortest_paths(G, "muhiddin_kabiri", "russia")}
    got = {
        tuple([g["from"].iloc[0], *g.drop_duplicates("step")["to"]])
        for _, g in rows.groupby("path")
    }
    assert got == expected


def test_directed_paths_follow_directions() -> None:
    ds = graph.load()
    assert paths(ds, "muhiddin_kabiri", "drug_traffickers", directed=True).empty
    forward = paths(ds, "iran", "tajikistan", directed=True)
    assert set(forward["direction"]) <= {"forward", "mutual"}


def test_no_path_is_empty_and_bad_ids_are_errors() -> None:
    ds = random_dataset(3)
    assert paths(ds, "n000", "n059").empty
    with pytest.raises(UsageError, match="not a node id"):
        neighbors(ds, "nope")
    with pytest.raises(UsageError, match="depth"):
        neighbors(ds, "n000", depth=0)
