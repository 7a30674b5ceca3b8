"""``graph.signed_triad_census``: the 16 directed signed triad types of Leskovec, Huttenlocher
& Kleinberg (2010) on hand-built triangles, against a brute-force loop on random graphs, and
on the bundled dataset (figures checked by hand)."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from itertools import product

import numpy as np
import pandas as pd
import pytest

import graph

#: Directed types (+ visit, − threat) and mutual ones (+ cooperation, − conflict).
DIRECTED = {1: "visit", -1: "threat"}
MUTUAL = {1: "cooperation", -1: "conflict"}
AX = [("A->X", 1), ("A->X", -1), ("X->A", 1), ("X->A", -1)]
XB = [("X->B", 1), ("X->B", -1), ("B->X", 1), ("B->X", -1)]


def directed(rows: list[tuple[str, str, int]], mutual: tuple[tuple[str, str, int], ...] = ()):
    """A dataset of states with one directed relation per row (+ visit, − threat) and the
    mutual ones (+ cooperation, − conflict)."""
    every = [*rows, *mutual]
    ids = sorted({r[0] for r in every} | {r[1] for r in every})
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    types = [DIRECTED[s] for *_, s in rows] + [MUTUAL[s] for *_, s in mutual]
    edges = pd.DataFrame(
        {"source": [r[0] for r in every], "target": [r[1] for r in every], "type": types}
    )
    return graph.from_frames(nodes, edges)


def by_type(census: graph.SignedTriads) -> dict[str, int]:
    t = census.types
    return {k: int(c) for k, c in zip(t["type"], t["contexts"], strict=True) if c}


def test_the_sixteen_types_follow_the_papers_order_and_predictions() -> None:
    types = graph.signed_triad_census(directed([("a", "b", 1)])).types
    assert types["type"].tolist() == [f"t{k}" for k in range(1, 17)]
    assert list(zip(types["ax"], types["ax_sign"], strict=True)) == [
        x for x in AX for _ in range(4)
    ]
    assert list(zip(types["xb"], types["xb_sign"], strict=True)) == XB * 4
    # balance: + for t1, t3, t6, t8, t9, t11, t14, t16 (the product of the two signs)
    positive = {1, 3, 6, 8, 9, 11, 14, 16}
    assert types["balance"].tolist() == [1 if k in positive else -1 for k in range(1, 17)]
    # status: + for t1, t4, t13, t16; − for t6, t7, t10, t11; no prediction elsewhere
    status = {1: 1, 4: 1, 13: 1, 16: 1, 6: -1, 7: -1, 10: -1, 11: -1}
    assert types["status"].tolist() == [status.get(k, 0) for k in range(1, 17)]
    # generative: B's status seen from X (X →+ B or B →− X: high)
    assert types["status_g"].tolist() == [1, -1, -1, 1] * 4
    # receptive: minus A's status seen from X (A →+ X or X →− A: A low, so +)
    assert types["status_r"].tolist() == [1] * 4 + [-1] * 8 + [1] * 4


def test_a_status_consistent_but_unbalanced_triangle() -> None:
    # a threatens b and c, b threatens c: status orders a > b > c, no cycle; − − − is
    # unbalanced. Closing a → b via c: A →− X, B →− X (t8); b → c via a: X →− A, X →− B (t14);
    # a → c via b: A →− X, X →− B (t6), the one status decides: −, as observed.
    census = graph.signed_triad_census(directed([("a", "b", -1), ("b", "c", -1), ("a", "c", -1)]))
    assert (census.edges, census.positive, census.triangles, census.contexts) == (3, 0, 1, 3)
    assert by_type(census) == {"t6": 1, "t8": 1, "t14": 1}
    assert (census.balance_consistent, census.balance_share) == (0, 0.0)
    assert (census.status_decided, census.status_consistent, census.status_share) == (1, 1, 1.0)


def test_a_balanced_but_status_inconsistent_triangle() -> None:
    # a → b → c → a, all positive: + + + is balanced, but c > b > a > c is a status cycle.
    # Each edge A → B closes X →+ A, B →+ X: t11, where status predicts −.
    census = graph.signed_triad_census(directed([("a", "b", 1), ("b", "c", 1), ("c", "a", 1)]))
    assert by_type(census) == {"t11": 3}
    assert (census.balance_consistent, census.balance_share) == (3, 1.0)
    assert (census.status_decided, census.status_consistent, census.status_share) == (3, 0, 0.0)


def test_a_transitive_positive_triangle_satisfies_both() -> None:
    # a → b, b → c, a → c: a → c via b is A →+ X →+ B (t1, status +); a → b via c is t3 and
    # b → c via a is t9, on which status is silent.
    census = graph.signed_triad_census(directed([("a", "b", 1), ("b", "c", 1), ("a", "c", 1)]))
    assert by_type(census) == {"t1": 1, "t3": 1, "t9": 1}
    assert (census.balance_share, census.status_decided, census.status_share) == (1.0, 1, 1.0)


def test_a_mutual_relation_counts_both_ways() -> None:
    # a–b cooperate (a → b and b → a), b and a visit c: four edges, six contexts.
    census = graph.signed_triad_census(
        directed([("b", "c", 1), ("a", "c", 1)], mutual=(("a", "b", 1),))
    )
    assert (census.edges, census.triangles, census.contexts) == (4, 1, 6)
    assert by_type(census) == {"t1": 2, "t3": 2, "t9": 2}


def test_each_direction_gets_the_sign_of_its_weighted_sum() -> None:
    nodes = pd.DataFrame({"id": ["a", "b", "c"], "label": ["A", "B", "C"], "type": "state"})
    edges = pd.DataFrame(
        {
            "source": ["a", "a", "b", "a", "c", "c"],
            "target": ["b", "b", "c", "c", "a", "a"],
            "type": ["visit", "threat", "visit", "visit", "visit", "threat"],
            "weight": [1.0, 2.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    census = graph.signed_triad_census(graph.from_frames(nodes, edges))
    # a → b: 1 − 2 < 0; b → c +; a → c +; c → a: 1 − 1 = 0, no edge.
    assert (census.edges, census.positive) == (3, 2)
    # a → c via b: A →− X, X →+ B (t5); a → b via c: A →+ X, B →+ X (t3);
    # b → c via a: X →− A, X →+ B (t13).
    assert by_type(census) == {"t3": 1, "t5": 1, "t13": 1}


def _brute_force(ds: graph.Dataset) -> dict[str, dict[str, float]]:
    """The census by plain loops over ordered triples, with the paper's surprises."""
    total: dict[tuple[str, str], float] = defaultdict(float)
    for row in ds.edges.itertuples(index=False):
        if row.source == row.target:
            continue
        total[(row.source, row.target)] += row.weight * row.sign
        if not row.directed:
            total[(row.target, row.source)] += row.weight * row.sign
    sign = {pair: int(np.sign(v)) for pair, v in total.items() if v != 0}
    ids = list(ds.nodes["id"])
    out_pos = {a: [s for (u, _), s in sign.items() if u == a] for a in ids}
    in_pos = {b: [s for (_, v), s in sign.items() if v == b] for b in ids}
    p_g = {a: sum(s > 0 for s in v) / len(v) for a, v in out_pos.items() if v}
    p_r = {b: sum(s > 0 for s in v) / len(v) for b, v in in_pos.items() if v}
    cells = {f"t{k}": defaultdict(float) for k in range(1, 17)}
    for (a, b), s in sign.items():
        for x in ids:
            if x in (a, b):
                continue
            left = [("A->X", sign[(a, x)])] if (a, x) in sign else []
            left += [("X->A", sign[(x, a)])] if (x, a) in sign else []
            right = [("X->B", sign[(x, b)])] if (x, b) in sign else []
            right += [("B->X", sign[(b, x)])] if (b, x) in sign else []
            for ax, xb in product(left, right):
                cell = cells[f"t{4 * AX.index(ax) + XB.index(xb) + 1}"]
                cell["contexts"] += 1
                cell["positive"] += s > 0
                cell["eg"] += p_g[a]
                cell["vg"] += p_g[a] * (1 - p_g[a])
                cell["er"] += p_r[b]
                cell["vr"] += p_r[b] * (1 - p_r[b])
    return cells


def _random(seed: int, n: int = 12, m: int = 70) -> graph.Dataset:
    rng = np.random.default_rng(seed)
    ids = [f"n{i:02d}" for i in range(n)]
    pick = rng.integers(0, n, size=(m, 2))
    keep = pick[:, 0] != pick[:, 1]
    names = np.array(["visit", "threat", "cooperation", "conflict"])
    edges = pd.DataFrame(
        {
            "source": [ids[i] for i in pick[keep, 0]],
            "target": [ids[i] for i in pick[keep, 1]],
            "type": names[rng.integers(0, 4, size=int(keep.sum()))],
            "weight": rng.choice([0.5, 1.0, 2.0], size=int(keep.sum())),
        }
    )
    nodes = pd.DataFrame({"id": ids, "label": ids, "type": "state"})
    return graph.from_frames(nodes, edges)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_census_equals_a_brute_force_loop(seed: int) -> None:
    ds = _random(seed)
    census = graph.signed_triad_census(ds)
    cells = _brute_force(ds)
    assert census.contexts == sum(c["contexts"] for c in cells.values()) > 20
    for row in census.types.itertuples(index=False):
        cell = cells[row.type]
        assert (row.contexts, row.positive) == (cell["contexts"], cell["positive"])
        for got, e, v in ((row.surprise_g, "eg", "vg"), (row.surprise_r, "er", "vr")):
            if cell[v] > 1e-12:
                assert got == pytest.approx((cell["positive"] - cell[e]) / math.sqrt(cell[v]))
            else:
                assert got is None or np.isnan(got)
    agree = sum(
        r.positive if r.balance > 0 else r.contexts - r.positive
        for r in census.types.itertuples(index=False)
    )
    assert census.balance_consistent == agree


def test_the_bundled_dataset() -> None:
    # The civil war years, 1994–1996 (with the undated rows): 6 signed directed edges (3
    # positive). One triangle: Iran ⇄ Tajikistan (+ both ways: mediation, the undated security
    # agreements), Iran →+ UTO (mediation), Tajikistan ⇄ UTO (− both ways: the war); IRPT →−
    # Tajikistan closes none. Its contexts, by hand:
    #   Iran → Tajikistan via UTO: A →+ X; X →− B and B →− X: t2 and t4
    #   Tajikistan → Iran via UTO: A →− X and X →− A; B →+ X: t7 and t15
    #   Iran → UTO via Tajikistan: A →+ X and X →+ A; X →− B and B →− X: t2, t4, t10 and t12
    #   Tajikistan → UTO via Iran: A →+ X and X →+ A; X →+ B: t1 and t9
    #   UTO → Tajikistan via Iran: X →+ A; X →+ B and B →+ X: t9 and t11
    # All twelve closing signs contradict balance (the triangle + + − is unbalanced); status
    # decides t1 (+, observed −), t4 twice (+, observed +), t7 (−, observed +), t10 (−,
    # observed +) and t11 (−, observed −): 3 of 6 agree.
    census = graph.signed_triad_census(graph.load().filter(start="1994", end="1996"))
    assert (census.edges, census.positive, census.triangles, census.contexts) == (6, 3, 1, 12)
    twice = {"t2", "t4", "t9"}
    assert by_type(census) == {
        t: 2 if t in twice else 1
        for t in ("t1", "t2", "t4", "t7", "t9", "t10", "t11", "t12", "t15")
    }
    assert (census.balance_consistent, census.balance_share) == (0, 0.0)
    assert (census.status_decided, census.status_consistent, census.status_share) == (6, 3, 0.5)
    t2 = census.types.set_index("type").loc["t2"]
    # Iran's out-edges are all positive: no generative variance. The receivers: Tajikistan gets
    # 1 of 3 positive, the UTO 1 of 2: s_r = (2 − (1/3 + 1/2)) / √(2/9 + 1/4) = 7 / √17.
    assert np.isnan(t2["surprise_g"]) and t2["bg"] is None
    assert t2["surprise_r"] == pytest.approx(7 / math.sqrt(17))
    assert (t2["br"], t2["sr"]) == (False, True)


def test_to_dict_is_plain_json_and_the_html_is_a_table() -> None:
    census = graph.signed_triad_census(graph.load().filter(start="1994", end="1996"))
    data = json.loads(json.dumps(census.to_dict(), allow_nan=False))
    assert data["contexts"] == 12 and data["status_share"] == 0.5
    assert len(data["types"]) == 16 and data["types"][1]["surprise_g"] is None
    assert set(data["types"][0]) >= {"type", "contexts", "positive", "balance", "status", "sg"}
    html = census._repr_html_()
    assert "directed signed triads" in html and "t11 1" in html


def test_no_signed_edges() -> None:
    census = graph.signed_triad_census(directed([("a", "b", 1)]).filter(sign=0))
    assert (census.edges, census.contexts, census.triangles) == (0, 0, 0)
    assert census.balance_share is None and census.status_share is None
