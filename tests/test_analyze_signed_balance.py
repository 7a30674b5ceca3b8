"""``graph.balance``: published oracles (Read's highland tribes), toys, brute force and limits."""

from __future__ import annotations

from itertools import combinations, product
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.linalg import expm

import graph
import graph.analyze._cuts as cuts
import graph.analyze.frustration as frustration
from graph.analyze.frustration import frustration_index
from graph.errors import UsageError

TRIBES = Path(__file__).parent / "data" / "highland_tribes"


def signed(rows: list[tuple[str, str, int]]) -> graph.Dataset:
    """A dataset of states with one mutual relation per row: cooperation (+1) or conflict (−1)."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows})
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    types = ["cooperation" if sign > 0 else "conflict" for _, _, sign in rows]
    edges = pd.DataFrame({"source": [r[0] for r in rows], "target": [r[1] for r in rows]})
    return graph.from_frames(nodes, edges.assign(type=types))


def consistent(result: graph.SignedBalance, ds: graph.Dataset) -> bool:
    """The frustrated ties are exactly those the groups frustrate, and there are L of them."""
    f = result.frustration
    side = {i: k for k, group in enumerate(f.groups) for i in group}
    scores = graph.pair_scores(ds)
    ties = scores[scores["sign"] != 0]
    bad = {
        (a, b, s)
        for a, b, s in ties[["source", "target", "sign"]].values.tolist()
        if (side[a] != side[b]) == (s > 0)
    }
    listed = {tuple(r) for r in f.frustrated[["source", "target", "sign"]].values.tolist()}
    return bad == listed and len(bad) == f.index


@pytest.fixture(scope="module")
def tribes() -> graph.SignedBalance:
    return graph.balance(graph.load(TRIBES), null_samples=1000, seed=7)


def test_the_highland_tribes_reproduce_the_published_figures(tribes) -> None:
    assert tribes.pairs == 58
    assert tribes.triangles == {"+++": 19, "++-": 2, "+--": 40, "---": 7}
    assert tribes.balanced_share == pytest.approx(0.8676471, abs=5e-8)  # 59 / 68
    assert tribes.walk_balance == pytest.approx(0.3575761, abs=5e-8)  # signnet, method="walk"
    f = tribes.frustration
    assert (f.index, f.optimal, f.bound) == (7, True, None)
    assert f.normalized == pytest.approx(0.7586207, abs=5e-8)  # 1 − 2·7/58


def test_the_tribes_partition_is_consistent_and_sorted(tribes) -> None:
    f = tribes.frustration
    assert consistent(tribes, graph.load(TRIBES))
    assert sorted(f.groups[0] + f.groups[1]) == sorted(graph.load(TRIBES).nodes["id"])
    assert "gavev" in f.groups[0]  # the first tribe (dataset order) is in the first group
    assert all(g == sorted(g) for g in f.groups)
    rows = f.frustrated[["source", "target"]].values.tolist()
    assert rows == sorted(rows)


def test_the_null_model_is_seeded_and_far_below_the_tribes(tribes) -> None:
    null = tribes.null
    # 29 positive and 29 negative signs: a shuffled triangle is balanced about half the time
    assert 0.45 < null.mean < 0.55 and 0.02 < null.sd < 0.12
    assert null.z == pytest.approx((tribes.balanced_share - null.mean) / null.sd)
    assert null.z > 4
    ds = graph.load(TRIBES)
    again = graph.balance(ds, null_samples=1000, seed=7).null
    assert again == null
    assert graph.balance(ds, null_samples=1000, seed=8).null != null


def test_to_dict_has_exactly_the_documented_keys(tribes) -> None:
    data = tribes.to_dict()
    assert list(data) == [
        "triangles",
        "balanced_share",
        "null",
        "walk_balance",
        "frustration",
        "pairs",
        "pair_sign",
        "ambivalent",
    ]
    assert list(data["null"]) == ["mean", "sd", "z"]
    assert list(data["frustration"]) == [
        "index",
        "normalized",
        "groups",
        "frustrated",
        "optimal",
        "bound",
    ]
    assert data["frustration"]["frustrated"][0].keys() == {"source", "target", "sign"}
    assert data["pair_sign"] == "sum" and data["ambivalent"] == []


@pytest.mark.parametrize(
    ("signs", "index", "census"),
    [
        ((1, 1, -1), 1, {"+++": 0, "++-": 1, "+--": 0, "---": 0}),
        ((1, -1, -1), 0, {"+++": 0, "++-": 0, "+--": 1, "---": 0}),
        ((1, 1, 1), 0, {"+++": 1, "++-": 0, "+--": 0, "---": 0}),
        ((-1, -1, -1), 1, {"+++": 0, "++-": 0, "+--": 0, "---": 1}),
    ],
)
def test_one_triangle(signs: tuple[int, int, int], index: int, census: dict[str, int]) -> None:
    ds = signed([("a", "b", signs[0]), ("a", "c", signs[1]), ("b", "c", signs[2])])
    result = graph.balance(ds, null_samples=10)
    assert result.triangles == census
    assert result.balanced_share == (1.0 if index == 0 else 0.0)
    assert result.frustration.index == len(result.frustration.frustrated) == index
    assert result.frustration.optimal and consistent(result, ds)
    assert result.null.sd == 0 and result.null.z is None  # every shuffle is the same triangle


def test_pair_sign_rules_on_two_alliances_and_a_dispute() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": "state"})
    edges = pd.DataFrame(
        {"source": ["a", "a", "b"], "target": ["b", "b", "a"]},
    ).assign(type=["cooperation", "cooperation", "dispute"])
    ds = graph.from_frames(nodes, edges)
    expected = {"sum": 1, "any-negative": -1, "majority": 1}
    for rule, sign in expected.items():
        result = graph.balance(ds, pair_sign=rule, null_samples=0)
        assert result.pair_sign == rule and result.pairs == 1
        assert result.ambivalent.to_dict("records") == [
            {"source": "a", "target": "b", "cooperative": 2, "conflictual": 1, "sign": sign}
        ]
        assert result.frustration.index == 0


def test_a_tie_is_neutral_under_majority_and_left_out() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": "state"})
    edges = pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "weight": ["3", "1"]})
    ds = graph.from_frames(nodes, edges.assign(type=["cooperation", "dispute"]))
    assert graph.balance(ds, pair_sign="sum", null_samples=0).pairs == 1  # 3 − 1 > 0
    majority = graph.balance(ds, pair_sign="majority", null_samples=0)
    assert majority.pairs == 0 and majority.ambivalent["sign"].tolist() == [0]
    assert majority.frustration.groups == ([], []) and majority.frustration.normalized is None


def test_no_signed_tie_gives_empty_figures() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": "state"})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["membership"]})
    result = graph.balance(graph.from_frames(nodes, edges))
    assert result.pairs == 0 and result.triangles == dict.fromkeys(result.triangles, 0)
    assert result.balanced_share is None and result.walk_balance is None
    assert result.null.to_dict() == {"mean": None, "sd": None, "z": None}
    assert result.frustration.index == 0 and result.frustration.optimal


def test_components_are_solved_apart_and_summed() -> None:
    rows = [("a", "b", 1), ("a", "c", 1), ("b", "c", -1)]
    rows += [("x", "y", -1), ("x", "z", -1), ("y", "z", -1)]
    ds = signed(rows)
    result = graph.balance(ds, null_samples=0)
    f = result.frustration
    assert f.index == 2 and f.optimal and consistent(result, ds)
    assert {"a", "x"} <= set(f.groups[0])  # each component's first actor is in group 1


@pytest.mark.parametrize(
    ("kwargs", "flag"),
    [
        ({"pair_sign": "mostly"}, "pair_sign"),
        ({"null_samples": -1}, "null_samples"),
        ({"time_limit": 0}, "time_limit"),
    ],
)
def test_bad_parameters_are_usage_errors_naming_them(kwargs: dict, flag: str) -> None:
    with pytest.raises(UsageError, match=flag) as caught:
        graph.balance(graph.load(), **kwargs)
    assert caught.value.params == (flag,)


def random_signed(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """m distinct random pairs of n nodes with random signs."""
    rng = np.random.default_rng(seed)
    pairs = np.array(list(combinations(range(n), 2)))
    chosen = pairs[rng.choice(len(pairs), size=min(m, len(pairs)), replace=False)]
    return chosen[:, 0], chosen[:, 1], rng.choice([-1, 1], size=len(chosen))


def brute_force(n: int, s: np.ndarray, t: np.ndarray, sign: np.ndarray) -> int:
    return min(
        int(((np.array(x)[s] != np.array(x)[t]) == (sign > 0)).sum())
        for x in product((0, 1), repeat=n)
    )


@pytest.mark.parametrize("seed", range(8))
def test_frustration_equals_brute_force(seed: int) -> None:
    s, t, sign = random_signed(9, 20, seed)
    result = frustration_index(np.array([f"v{i}" for i in range(9)], dtype=object), s, t, sign)
    assert result.index == brute_force(9, s, t, sign) and result.optimal


@pytest.mark.parametrize("rounds", [0, 1])
@pytest.mark.parametrize("seed", range(4))
def test_the_mixed_integer_program_alone_equals_brute_force(monkeypatch, rounds, seed) -> None:
    # with no or one round of cycle cuts the relaxation cannot prove the optimum: HiGHS must
    monkeypatch.setattr(cuts, "MAX_ROUNDS", rounds)
    solved = []
    real = frustration._solve_milp
    monkeypatch.setattr(frustration, "_solve_milp", lambda *a: solved.append(1) or real(*a))
    s, t, sign = random_signed(10, 26, seed)
    result = frustration_index(np.array([f"v{i}" for i in range(10)], dtype=object), s, t, sign)
    assert result.index == brute_force(10, s, t, sign) and result.optimal
    assert solved


@pytest.mark.parametrize("seed", range(4))
def test_census_and_walk_balance_against_direct_computation(seed: int) -> None:
    s, t, sign = random_signed(12, 30, seed)
    ids = [f"v{i:02d}" for i in range(12)]
    ds = signed([(ids[a], ids[b], int(x)) for a, b, x in zip(s, t, sign, strict=True)])
    result = graph.balance(ds, null_samples=0)
    tie = {
        frozenset((a, b)): x for a, b, x in zip(s.tolist(), t.tolist(), sign.tolist(), strict=True)
    }
    census = dict.fromkeys(result.triangles, 0)
    for trio in combinations(range(12), 3):
        signs = [tie.get(frozenset(p)) for p in combinations(trio, 2)]
        if None not in signs:
            census[["---", "+--", "++-", "+++"][sum(x > 0 for x in signs)]] += 1
    assert result.triangles == census
    used = sorted(set(s.tolist()) | set(t.tolist()))
    a = np.zeros((12, 12))
    a[s, t] = a[t, s] = sign
    a = a[np.ix_(used, used)]
    expected = np.trace(expm(a)) / np.trace(expm(np.abs(a)))
    assert result.walk_balance == pytest.approx(expected, rel=1e-9)


def blocs(n: int = 200, m: int = 1200, seed: int = 1) -> tuple[np.ndarray, ...]:
    """Three blocs, positive inside and negative between, 10 % of the signs flipped."""
    rng = np.random.default_rng(seed)
    bloc = rng.choice(3, size=n, p=[0.45, 0.35, 0.2])
    s, t = rng.integers(0, n, size=(2, 4 * m))
    keep = s < t
    s, t = s[keep], t[keep]
    _, first = np.unique(s * n + t, return_index=True)
    s, t = s[np.sort(first)][:m], t[np.sort(first)][:m]
    sign = np.where(bloc[s] == bloc[t], 1, -1) * np.where(rng.random(len(s)) < 0.1, -1, 1)
    return np.array([f"a{i:03d}" for i in range(n)], dtype=object), s, t, sign


def test_the_time_limit_returns_the_best_partition_and_a_bound() -> None:
    ids, s, t, sign = blocs()
    result = frustration_index(ids, s, t, sign, time_limit=1e-3)
    assert result.optimal is False
    assert isinstance(result.bound, int) and 0 <= result.bound <= result.index
    assert len(result.frustrated) == result.index
    side = {i: k for k, group in enumerate(result.groups) for i in group}
    bad = sum((side[ids[a]] != side[ids[b]]) == (x > 0) for a, b, x in zip(s, t, sign, strict=True))
    assert bad == result.index
    assert result.to_dict()["optimal"] is False and result.to_dict()["bound"] == result.bound


def test_the_bounded_search_is_exact_given_time() -> None:
    ids, s, t, sign = blocs(n=60, m=300, seed=2)
    result = frustration_index(ids, s, t, sign, time_limit=60)
    assert result.optimal and result.bound is None
    quick = frustration_index(ids, s, t, sign, time_limit=1e-3)
    assert quick.index >= result.index
    assert quick.optimal or (quick.bound is not None and quick.bound <= result.index)


def test_the_bundled_unbalanced_triangle_has_a_frustrated_tie() -> None:
    ds = graph.load().filter(start="1994", end="1996")  # the civil war years of Iran's mediation
    result = graph.balance(ds)
    trio = {"iran", "tajikistan", "uto"}
    ends = [{a, b} for a, b in result.frustration.frustrated[["source", "target"]].values]
    assert any(pair <= trio for pair in ends)
    assert result.frustration.index == 1 and consistent(result, ds)


def test_a_notebook_shows_a_small_table(tribes) -> None:
    html = tribes._repr_html_()
    assert html.startswith("<div><strong>structural balance</strong>")
    assert "<th>frustration L</th><td>7</td>" in html
    assert "+++ 19, ++- 2, +-- 40, --- 7" in html
