"""Signed degree and PN centrality: Everett & Borgatti's example, signnet's figures, toys."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import graph
from graph.analyze.signed_centrality import pn_centrality
from graph.errors import UsageError

TRIBES = Path(__file__).parent / "data" / "highland_tribes"

#: Everett & Borgatti (2014)'s 10-actor example, as signnet's ``pn_index`` documents it.
EB_MATRIX = np.array(
    [
        [0, 1, 0, 1, 0, 0, 0, -1, -1, 0],
        [1, 0, 1, -1, 1, -1, -1, 0, 0, 0],
        [0, 1, 0, 1, -1, 0, 0, 0, -1, 0],
        [1, -1, 1, 0, 1, -1, -1, 0, 0, 0],
        [0, 1, -1, 1, 0, 1, 0, -1, 0, -1],
        [0, -1, 0, -1, 1, 0, 1, 0, 1, -1],
        [0, -1, 0, -1, 0, 1, 0, 1, -1, 1],
        [-1, 0, 0, 0, -1, 0, 1, 0, 1, 0],
        [-1, 0, -1, 0, 0, 1, -1, 1, 0, 1],
        [0, 0, 0, 0, -1, -1, 1, 0, 1, 0],
    ]
)


def signed(rows: list[tuple[str, str, int]], extra: list[str] = ()) -> graph.Dataset:
    """States with one mutual relation per row: cooperation (+1) or conflict (−1)."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows} | set(extra))
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    types = ["cooperation" if sign > 0 else "conflict" for _, _, sign in rows]
    edges = pd.DataFrame({"source": [r[0] for r in rows], "target": [r[1] for r in rows]})
    return graph.from_frames(nodes, edges.assign(type=types))


def test_pn_reproduces_everett_and_borgatti_table() -> None:
    s, t = np.nonzero(np.triu(EB_MATRIX))
    pn = pn_centrality(10, s, t, EB_MATRIX[s, t])
    # the article's values, to the 3 decimals it prints
    article = [0.901, 0.861, 0.908, 0.861, 0.841, 0.850, 0.862, 0.902, 0.851, 0.907]
    assert pn == pytest.approx(article, abs=5e-4)
    # and the closed form (I − A/(2n − 2))⁻¹ 1 with A = P − 2N, to 1e-9
    A = np.where(EB_MATRIX > 0, 1.0, 0.0) - 2 * np.where(EB_MATRIX < 0, 1.0, 0.0)
    exact = np.linalg.solve(np.eye(10) - A / 18, np.ones(10))
    assert pn == pytest.approx(exact, abs=1e-9)


def test_pn_of_the_tribes_cooperative_layer_equals_signnet() -> None:
    tribes = graph.load(TRIBES)
    pn = graph.signed_measures(graph.layer_dataset(tribes, "cooperative"))["pn"]
    # signnet::pn_index on the positive Gahuku–Gama ties (GAMAPOS), in the same actor order
    signnet = [
        *(1.111111, 1.111111, 1.159564, 1.079804, 1.115326, 1.199719, 1.272832, 1.234552),
        *(1.111397, 1.075419, 1.162314, 1.162314, 1.151173, 1.075550, 1.111111, 1.111111),
    ]
    assert pn.to_numpy() == pytest.approx(signnet, abs=1e-6)


def test_pn_of_a_friendly_clique_is_two_and_an_isolate_one() -> None:
    ds = signed([(a, b, 1) for a, b in combinations("abcde", 2)])
    assert graph.signed_measures(ds)["pn"].to_numpy() == pytest.approx([2.0] * 5)
    lonely = signed([("a", "b", 1)], extra=["z"])
    assert graph.signed_measures(lonely)["pn"].iloc[-1] == pytest.approx(1.0)


def test_signed_degrees_count_partners_by_pair_sign() -> None:
    ds = signed([("a", "b", 1), ("a", "c", -1), ("a", "d", -1), ("b", "c", 1)])
    table = graph.signed_measures(ds).assign(id=ds.nodes["id"]).set_index("id")
    assert table.loc["a", ["positive_degree", "negative_degree", "net_degree"]].tolist() == [
        1,
        2,
        -1,
    ]
    assert table.loc["a", "negative_share"] == pytest.approx(2 / 3)
    assert table.loc["d", "negative_share"] == 1.0
    assert table.loc["b", "negative_share"] == 0.0


def test_two_alliances_and_a_dispute_follow_the_pair_sign_rule() -> None:
    ds = signed([("a", "b", 1), ("a", "b", 1), ("a", "b", -1)])
    by_sum = graph.signed_measures(ds, pair_sign="sum")
    by_any = graph.signed_measures(ds, pair_sign="any-negative")
    assert by_sum["positive_degree"].tolist() == [1, 1]
    assert by_sum["negative_degree"].tolist() == [0, 0]
    assert by_any["negative_degree"].tolist() == [1, 1]
    assert by_any["positive_degree"].tolist() == [0, 0]
    with pytest.raises(UsageError, match="pair_sign"):
        graph.signed_measures(ds, pair_sign="vote")


def test_signed_measures_leave_affiliations_out() -> None:
    nodes = pd.DataFrame(
        {
            "id": ["a", "b", "org"],
            "label": ["A", "B", "Org"],
            "type": ["state", "state", "organization"],
        }
    )
    edges = pd.DataFrame(
        {"source": ["a", "b"], "target": ["org", "org"], "type": "membership", "sign": ["1", "1"]}
    )
    table = graph.signed_measures(graph.from_frames(nodes, edges))
    assert table["positive_degree"].tolist() == [0, 0, 0]
    assert table["pn"].tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_two_enemies_get_the_symmetric_pn() -> None:
    pn = graph.signed_measures(signed([("a", "b", -1)]))["pn"]
    assert pn.tolist() == pytest.approx([0.5, 0.5])
