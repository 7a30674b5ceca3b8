"""``graph.similarity``: Signorino–Ritter S and structural equivalence, on hand-computed toys,
against plain loops on random graphs, and on the bundled dataset."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pytest

import graph
from graph.errors import UsageError


def signed(rows: list[tuple[str, str, int]], extra: tuple[str, ...] = ()) -> graph.Dataset:
    """States with one mutual relation per row: cooperation (+1) or conflict (−1); ``extra``
    actors have no relation."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows} | set(extra))
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    types = ["cooperation" if sign > 0 else "conflict" for _, _, sign in rows]
    edges = pd.DataFrame({"source": [r[0] for r in rows], "target": [r[1] for r in rows]})
    return graph.from_frames(nodes, edges.assign(type=types))


def value(pairs: pd.DataFrame, a: str, b: str) -> float:
    hit = pairs[
        ((pairs["source"] == a) & (pairs["target"] == b))
        | ((pairs["source"] == b) & (pairs["target"] == a))
    ]
    assert len(hit) == 1
    return float(hit["value"].iloc[0])


# The 4-actor example: a–b +, a–c −, b–d −, c–d +. Portfolios with the self-tie +1
# (columns a, b, c, d):
#   a: [ 1,  1, −1,  0]    b: [ 1, 1, 0, −1]    c: [−1, 0, 1, 1]    d: [0, −1, 1, 1]
# Σ|a − b| = 0 + 0 + 1 + 1 = 2 → S = 1 − 2·2/(4·2) = 0.5; likewise c, d: 2 → 0.5;
# a, c: 2 + 1 + 2 + 1 = 6 → S = 1 − 12/8 = −0.5, and a–d, b–c, b–d: 6 → −0.5.
FOUR = [("a", "b", 1), ("a", "c", -1), ("b", "d", -1), ("c", "d", 1)]


def test_s_on_the_hand_computed_four_actor_example() -> None:
    pairs = graph.similarity(signed(FOUR))
    expected = {("a", "b"): 0.5, ("c", "d"): 0.5}
    for a, b in combinations("abcd", 2):
        assert value(pairs, a, b) == pytest.approx(expected.get((a, b), -0.5))
    assert pairs["value"].tolist() == [0.5, 0.5, -0.5, -0.5, -0.5, -0.5]
    assert list(zip(pairs["source"], pairs["target"], strict=True))[:2] == [("a", "b"), ("c", "d")]


def test_identical_portfolios_of_allies_give_one_and_opposite_of_enemies_minus_one() -> None:
    # a and b allied, both friends of c and enemies of d: identical portfolios.
    same = signed([("a", "b", 1), ("a", "c", 1), ("b", "c", 1), ("a", "d", -1), ("b", "d", -1)])
    assert value(graph.similarity(same), "a", "b") == 1.0
    # a and b enemies, a friend of c and enemy of d, b the reverse: every entry differs by 2.
    opposite = signed(
        [("a", "b", -1), ("a", "c", 1), ("b", "c", -1), ("a", "d", -1), ("b", "d", 1)]
    )
    assert value(graph.similarity(opposite), "a", "b") == -1.0


def test_the_pair_counts_itself_and_neutral_actors_dilute_s() -> None:
    # Two unrelated actors with no ties: their own entries differ (1 vs 0) twice → 1 − 2/N.
    ds = signed([("a", "b", 1)], extra=("x", "y"))
    assert value(graph.similarity(ds), "x", "y") == pytest.approx(1 - 2 / 4)
    assert value(graph.similarity(ds), "a", "b") == 1.0


def test_structural_equivalence_ignores_the_pairs_own_tie() -> None:
    # a and b: the same ties to c, d, e (+, −, 0), whatever they are to each other.
    rows = [("a", "c", 1), ("a", "d", -1), ("b", "c", 1), ("b", "d", -1)]
    for between in (1, -1):
        pairs = graph.similarity(signed([*rows, ("a", "b", between)], ("e",)), method="structural")
        assert value(pairs, "a", "b") == pytest.approx(1.0)
    # b the mirror of a: −1.
    mirror = [("a", "c", 1), ("a", "d", -1), ("b", "c", -1), ("b", "d", 1)]
    pairs = graph.similarity(signed(mirror, ("e",)), method="structural")
    assert value(pairs, "a", "b") == pytest.approx(-1.0)
    # e has no tie: its row is constant, so every pair with it is undefined and sorted last.
    assert np.isnan(value(pairs, "a", "e"))
    assert pairs["value"].isna().tolist() == [False] * 6 + [True] * 4


def _loop_s(signs: np.ndarray) -> dict[tuple[int, int], float]:
    n = len(signs)
    port = signs.copy()
    np.fill_diagonal(port, 1)
    return {
        (i, j): 1 - 2 * sum(abs(port[i, k] - port[j, k]) for k in range(n)) / (n * 2)
        for i, j in combinations(range(n), 2)
    }


def _loop_structural(signs: np.ndarray) -> dict[tuple[int, int], float]:
    n = len(signs)
    out = {}
    for i, j in combinations(range(n), 2):
        others = [k for k in range(n) if k not in (i, j)]
        x, y = signs[i, others], signs[j, others]
        out[(i, j)] = (
            float(np.corrcoef(x, y)[0, 1]) if x.std() > 0 and y.std() > 0 else float("nan")
        )
    return out


def _random(seed: int, n: int = 14, m: int = 40) -> tuple[graph.Dataset, np.ndarray]:
    rng = np.random.default_rng(seed)
    ids = [f"n{i:02d}" for i in range(n)]
    pairs = list(combinations(range(n), 2))
    chosen = rng.choice(len(pairs), size=m, replace=False)
    rows = [(ids[pairs[c][0]], ids[pairs[c][1]], int(rng.choice([-1, 1]))) for c in chosen]
    signs = np.zeros((n, n))
    for a, b, s in rows:
        signs[ids.index(a), ids.index(b)] = signs[ids.index(b), ids.index(a)] = s
    return signed(rows, tuple(ids)), signs


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("method", ["s", "structural"])
def test_both_methods_equal_a_plain_loop_on_random_graphs(seed: int, method: str) -> None:
    ds, signs = _random(seed)
    expected = (_loop_s if method == "s" else _loop_structural)(signs)
    pairs = graph.similarity(ds, method=method)
    assert len(pairs) == len(expected) == 14 * 13 // 2
    got = {
        (int(a[1:]), int(b[1:])): v
        for a, b, v in pairs[["source", "target", "value"]].itertuples(index=False)
    }
    assert got.keys() == expected.keys()
    for key, v in expected.items():
        assert got[key] == pytest.approx(v, nan_ok=True, abs=1e-12)
    # with actors: the same values, only the pairs with them, the listed actor as source
    some = graph.similarity(ds, method=method, actors=["n03", "n07"])
    assert len(some) == 2 * 13 - 1
    assert set(some["source"]) == {"n03", "n07"}
    for a, b, v in some[["source", "target", "value"]].itertuples(index=False):
        key = tuple(sorted((int(a[1:]), int(b[1:]))))
        assert v == pytest.approx(expected[key], nan_ok=True, abs=1e-12)


def test_rows_are_sorted_most_similar_first_then_by_pair() -> None:
    ds, _ = _random(4)
    for method in ("s", "structural"):
        pairs = graph.similarity(ds, method=method)
        defined = pairs.dropna()
        keys = list(zip(-defined["value"], defined["source"], defined["target"], strict=True))
        assert keys == sorted(keys)
        assert pairs["value"].iloc[len(defined) :].isna().all()


def test_the_pair_sign_rule_changes_the_portfolios() -> None:
    # a–b: two cooperations and one conflict: + under sum, − under any-negative.
    nodes = pd.DataFrame({"id": ["a", "b", "c"], "label": ["A", "B", "C"], "type": "state"})
    edges = pd.DataFrame(
        {
            "source": ["a", "a", "a", "b"],
            "target": ["b", "b", "b", "c"],
            "type": ["cooperation", "cooperation", "conflict", "cooperation"],
        }
    )
    ds = graph.from_frames(nodes, edges)
    # sum: a [1, 1, 0], b [1, 1, 1] → S = 1 − 1/3; any-negative: a [1, −1, 0], b [−1, 1, 1]
    # → Σ = 2 + 2 + 1 = 5, S = 1 − 5/3.
    assert value(graph.similarity(ds), "a", "b") == pytest.approx(2 / 3)
    negative = graph.similarity(ds, pair_sign="any-negative")
    assert value(negative, "a", "b") == pytest.approx(-2 / 3)


def test_actors_by_name_and_errors() -> None:
    ds = graph.load()
    by_label = graph.similarity(ds, actors=["Shir Ali Mirza"])
    assert set(by_label["source"]) == {"shir_ali_mirza"} and len(by_label) == len(ds.nodes) - 1
    with pytest.raises(UsageError, match="'nowhere' is not a node id"):
        graph.similarity(ds, actors=["nowhere"])
    with pytest.raises(UsageError, match="unknown method 'cosine'"):
        graph.similarity(ds, method="cosine")
    with pytest.raises(UsageError, match="unknown pair_sign"):
        graph.similarity(ds, pair_sign="mean")


def test_the_bundled_dataset() -> None:
    ds = graph.load()
    pairs = graph.similarity(ds)
    assert len(pairs) == 22 * 21 // 2
    # Zarif and Muhriddin: allied, no other signed tie → identical portfolios.
    assert value(pairs, "mohammad_javad_zarif", "sirojiddin_muhriddin") == 1.0
    # Iran and Tajikistan differ by 12 over 22 actors (1 for each of ten actors that only
    # one of them has a signed tie with, 2 for the IRPT: Iran +, Tajikistan −).
    assert value(pairs, "iran", "tajikistan") == pytest.approx(1 - 12 / 22)
    structural = graph.similarity(ds, method="structural")
    # Kabiri and Sherali Mirzo: each cooperates with Iran and has no other signed tie.
    assert value(structural, "muhiddin_kabiri", "shir_ali_mirza") == pytest.approx(1.0)
    assert int(structural["value"].isna().sum()) == 122


def test_tiny_datasets() -> None:
    one = graph.from_frames(
        pd.DataFrame({"id": ["a"], "label": ["A"], "type": "state"}),
        pd.DataFrame(columns=["source", "target", "type"]),
    )
    for method in ("s", "structural"):
        assert graph.similarity(one, method=method).empty
    two = signed([("a", "b", -1)])
    assert value(graph.similarity(two), "a", "b") == -1.0  # |1 − −1| twice over N = 2
    assert np.isnan(value(graph.similarity(two, method="structural"), "a", "b"))


def test_s_equals_scipy_cityblock_distances() -> None:
    from scipy.spatial.distance import pdist

    rng = np.random.default_rng(9)
    n = 120
    ids = [f"n{i:03d}" for i in range(n)]
    rows = [
        (ids[a], ids[b], int(rng.choice([-1, 1])))
        for a, b in combinations(range(n), 2)
        if rng.random() < 0.05
    ]
    ds = signed(rows, tuple(ids))
    signs = np.zeros((n, n))
    for a, b, s in rows:
        signs[int(a[1:]), int(b[1:])] = signs[int(b[1:]), int(a[1:])] = s
    np.fill_diagonal(signs, 1)
    expected = 1 - pdist(signs, "cityblock") / n
    got = graph.similarity(ds).set_index(["source", "target"])["value"]
    i, j = np.triu_indices(n, 1)
    keys = [(ids[a], ids[b]) for a, b in zip(i, j, strict=True)]
    assert np.abs(got.loc[keys].to_numpy() - expected).max() < 1e-12
