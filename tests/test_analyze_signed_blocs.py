"""``graph.signed_blocs``: exhaustive search on small graphs, a clusterable toy, Read's highland
tribes (against the frustration index and the known three-bloc structure), seeds and errors."""

from __future__ import annotations

from itertools import combinations, product
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

import graph
import graph.analyze.blocs as blocs
from graph.errors import UsageError

TRIBES = Path(__file__).parent / "data" / "highland_tribes"


def signed(rows: list[tuple[str, str, int]], extra: tuple[str, ...] = ()) -> graph.Dataset:
    """A dataset of states with one mutual relation per row: cooperation (+1) or conflict (−1);
    ``extra`` actors have no relation."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows} | set(extra))
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    types = ["cooperation" if sign > 0 else "conflict" for _, _, sign in rows]
    edges = pd.DataFrame({"source": [r[0] for r in rows], "target": [r[1] for r in rows]})
    return graph.from_frames(nodes, edges.assign(type=types))


def random_signed(seed: int, n: int, p: float) -> list[tuple[str, str, int]]:
    rng = np.random.default_rng(seed)
    rows = [
        (f"a{i}", f"a{j}", 1 if rng.random() < 0.5 else -1)
        for i, j in combinations(range(n), 2)
        if rng.random() < p
    ]
    return rows or [("a0", "a1", -1)]


def exhaustive(rows: list[tuple[str, str, int]], k: int, alpha: float) -> float:
    """The least α·N + (1 − α)·P over every partition of the tied actors into k non-empty
    blocs (every labelling, all at once)."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows})
    k = min(k, len(ids))
    where = {x: i for i, x in enumerate(ids)}
    s = np.array([where[a] for a, _, _ in rows])
    t = np.array([where[b] for _, b, _ in rows])
    negative = np.array([sign < 0 for _, _, sign in rows])
    labels = np.array(list(product(range(k), repeat=len(ids))))
    full = np.all([(labels == b).any(axis=1) for b in range(k)], axis=0)
    inside = labels[:, s] == labels[:, t]
    cost = alpha * (inside & negative).sum(axis=1) + (1 - alpha) * (~inside & ~negative).sum(axis=1)
    return float(cost[full].min())


def check_consistent(result: graph.SignedBlocs, rows: list[tuple[str, str, int]]) -> None:
    """N, P, the criterion and the violations all follow from the table's blocs."""
    bloc = result.table.dropna(subset=["bloc"]).set_index("id")["bloc"].to_dict()
    bad = {(a, b, s) if a < b else (b, a, s) for a, b, s in rows if (bloc[a] == bloc[b]) == (s < 0)}
    listed = {
        (a, b, s) if a < b else (b, a, s)
        for a, b, s in result.violations[["source", "target", "sign"]].values.tolist()
    }
    assert listed == bad
    kinds = result.violations["kind"].value_counts().to_dict()
    assert kinds.get("negative inside", 0) == result.negative_inside
    assert kinds.get("positive between", 0) == result.positive_between
    a = result.alpha
    assert result.criterion == pytest.approx(
        a * result.negative_inside + (1 - a) * result.positive_between
    )
    sizes = [g["size"] for g in result.blocs()]
    assert sizes == sorted(sizes, reverse=True) and all(sizes)


@pytest.mark.parametrize("case", range(24))
def test_the_criterion_equals_exhaustive_search_on_small_graphs(case: int) -> None:
    n = 4 + case % 6  # 4..9 actors
    k = 2 + case % 2
    alpha = (0.5, 0.3, 0.8)[case % 3]
    rows = random_signed(case, n, p=0.35 + 0.05 * (case % 5))
    result = graph.signed_blocs(signed(rows), k, alpha=alpha, restarts=20)
    assert result.criterion == pytest.approx(exhaustive(rows, k, alpha))
    check_consistent(result, rows)
    assert len(result.blocs()) == min(k, len({r[0] for r in rows} | {r[1] for r in rows}))


def test_three_positive_cliques_joined_by_negative_ties_are_the_three_blocs() -> None:
    cliques = [["a", "b", "c", "d"], ["e", "f", "g"], ["h", "i"]]
    rows = [(x, y, 1) for c in cliques for x, y in combinations(c, 2)]
    rows += [(x, y, -1) for c1, c2 in combinations(cliques, 2) for x in c1 for y in c2]
    result = graph.signed_blocs(signed(rows), 3)
    assert result.criterion == 0 and result.violations.empty
    assert [g["members"] for g in result.blocs()] == cliques  # largest first
    two = graph.signed_blocs(signed(rows), 2, alpha=0.5)
    assert two.criterion == pytest.approx(exhaustive(rows, 2, 0.5)) and two.criterion > 0


def test_the_tribes_two_blocs_are_half_the_frustration_index() -> None:
    ds = graph.load(TRIBES)
    result = graph.signed_blocs(ds, 2, alpha=0.5)
    f = graph.balance(ds, null_samples=0).frustration
    assert f.index == 7 and f.optimal
    assert result.criterion == 3.5 == 0.5 * f.index
    assert result.negative_inside + result.positive_between == f.index
    assert sorted(sorted(g["members"]) for g in result.blocs()) == sorted(f.groups)
    assert result.blocs()[1]["members"] == ["gavev", "kotun", "nagad", "gama"]


def test_the_tribes_three_blocs_are_the_gahuku_gama_structure() -> None:
    # The exact optimum, by exhaustive search over the 3^15 labellings with Gavev fixed (about
    # 8 s, run once): criterion 1.0 (N = 0, P = 2), reached by this partition only.
    result = graph.signed_blocs(graph.load(TRIBES), 3, alpha=0.5)
    assert (result.criterion, result.negative_inside, result.positive_between) == (1.0, 0, 2)
    assert [g["members"] for g in result.blocs()] == [
        ["ove", "alika", "gahuk", "masil", "ukudz", "geham", "asaro"],
        ["nagam", "notoh", "kohik", "uheto", "seuve"],
        ["gavev", "kotun", "nagad", "gama"],
    ]
    assert result.violations[["source", "target", "kind"]].values.tolist() == [
        ["masil", "uheto", "positive between"],
        ["nagam", "masil", "positive between"],
    ]
    assert result.criterion <= graph.signed_blocs(graph.load(TRIBES), 2).criterion


def test_a_planted_three_bloc_structure_is_recovered_at_least_as_well() -> None:
    rng = np.random.default_rng(3)
    n, m = 200, 1500
    planted = rng.choice(3, size=n, p=[0.45, 0.35, 0.2])
    pairs: dict[tuple[int, int], int] = {}
    while len(pairs) < m:
        a, b = sorted(rng.integers(0, n, size=2).tolist())
        if a != b:
            agree = (planted[a] == planted[b]) != (rng.random() < 0.1)
            pairs.setdefault((a, b), 1 if agree else -1)
    rows = [(f"a{a:03d}", f"a{b:03d}", s) for (a, b), s in pairs.items()]
    noise = sum((planted[a] == planted[b]) != (s > 0) for (a, b), s in pairs.items())
    result = graph.signed_blocs(signed(rows), 3, restarts=20)
    assert result.criterion <= 0.5 * noise  # at least as good as the planted partition
    check_consistent(result, rows)


def test_same_seed_same_output_and_numbering() -> None:
    rows = random_signed(5, 9, 0.5)
    ds = signed(rows)
    a = graph.signed_blocs(ds, 3, seed=11)
    b = graph.signed_blocs(ds, 3, seed=11)
    assert a.to_dict() == b.to_dict() and a.table.equals(b.table)
    assert a.seed == 11 and a.restarts == 50
    first = [g["members"][0] for g in a.blocs()]
    sizes = [g["size"] for g in a.blocs()]
    for i in range(len(sizes) - 1):  # largest first, then by earliest actor
        assert sizes[i] > sizes[i + 1] or first[i] < first[i + 1]


def test_actors_without_a_signed_tie_are_in_no_bloc() -> None:
    rows = [("a", "b", 1), ("b", "c", -1), ("c", "d", 1)]
    result = graph.signed_blocs(signed(rows, extra=("z",)), 2)
    table = result.table.set_index("id")
    assert table.loc["z", "bloc"] is pd.NA and str(table["bloc"].dtype) == "Int64"
    assert result.criterion == 0 and table.loc["a", "bloc"] == table.loc["b", "bloc"]
    assert list(result.table.columns) == ["id", "label", "bloc"]


def test_no_signed_tie_and_fewer_actors_than_blocs() -> None:
    empty = graph.signed_blocs(graph.load().filter(sign=0), 2)
    assert empty.criterion == 0 and empty.blocs() == [] and empty.violations.empty
    assert empty.table["bloc"].isna().all()
    two = graph.signed_blocs(signed([("a", "b", 1)]), 3)
    assert [g["members"] for g in two.blocs()] == [["a"], ["b"]] and two.criterion == 0.5


def test_the_pair_sign_rule_reaches_the_ties() -> None:
    ds = graph.load()
    by_sum = graph.signed_blocs(ds, 2)
    # the Iran–Tajikistan–IRPT triangle is unbalanced: one tie must break the blocs
    assert by_sum.criterion == 0.5
    assert by_sum.violations[["source", "target", "sign"]].values.tolist() == [["iran", "irpt", 1]]
    bloc = graph.signed_blocs(ds, 2).table.set_index("id")["bloc"]
    assert bloc["iran"] == bloc["tajikistan"]  # by the sum, Iran–Tajikistan is cooperative
    strict = graph.signed_blocs(ds, 2, pair_sign="any-negative")
    bloc = strict.table.set_index("id")["bloc"]
    assert bloc["iran"] != bloc["tajikistan"]  # any conflictual relation makes it negative
    assert strict.pair_sign == "any-negative"
    negatives = set(map(tuple, strict.violations[["source", "target"]].values.tolist()))
    assert strict.criterion == pytest.approx(0.5 * len(negatives))
    assert ("iran", "tajikistan") in negatives or strict.negative_inside == 0


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"k": 0}, "k"),
        ({"restarts": 0}, "restarts"),
        ({"alpha": -0.1}, "alpha"),
        ({"alpha": 1.5}, "alpha"),
        ({"pair_sign": "mean"}, "pair_sign"),
    ],
)
def test_bad_arguments_are_usage_errors(kwargs: dict[str, object], param: str) -> None:
    with pytest.raises(UsageError) as error:
        graph.signed_blocs(graph.load(), **kwargs)  # type: ignore[arg-type]
    assert error.value.params == (param,)


def test_alpha_zero_and_one_weigh_one_kind_only() -> None:
    rows = random_signed(2, 8, 0.6)
    ds = signed(rows)
    only_negative = graph.signed_blocs(ds, 2, alpha=1.0)
    assert only_negative.criterion == only_negative.negative_inside
    assert only_negative.criterion == pytest.approx(exhaustive(rows, 2, 1.0))
    only_positive = graph.signed_blocs(ds, 2, alpha=0.0)
    assert only_positive.criterion == only_positive.positive_between
    assert only_positive.criterion == pytest.approx(exhaustive(rows, 2, 0.0))


def test_repr_html_escapes_the_data() -> None:
    bad = "<script>x</script>"
    rows = [(bad, "b", -1), ("b", "c", 1), (bad, "c", 1)]
    html = graph.signed_blocs(signed(rows), 2)._repr_html_()
    assert bad not in html and "&lt;script&gt;" in html and "signed blocs" in html


def _cost(adjacency: np.ndarray, labels: np.ndarray) -> float:
    same = labels[:, None] == labels[None, :]
    return float(adjacency[same].sum()) / 2


@pytest.mark.parametrize("case", range(12))
def test_the_local_search_stops_where_no_move_or_swap_improves(case: int) -> None:
    """Doreian & Mrvar's neighbourhood: at the end, neither moving one actor (without emptying
    a bloc) nor swapping two of different blocs lowers the criterion, recomputed from scratch."""
    rng = np.random.default_rng(case)
    n, k = 12, 3
    upper = np.triu(rng.choice([0.0, 0.5, -0.5], size=(n, n), p=[0.5, 0.25, 0.25]), 1)
    adjacency = upper + upper.T
    labels = rng.integers(0, k, size=n)
    labels[:k] = np.arange(k)
    found = blocs._descend(sparse.csr_matrix(adjacency), labels.copy(), k)
    cost = _cost(adjacency, found)
    sizes = np.bincount(found, minlength=k)
    assert cost <= _cost(adjacency, labels) and sizes.min() >= 1
    for i in range(n):
        for b in range(k):
            if b != found[i] and sizes[found[i]] > 1:
                moved = found.copy()
                moved[i] = b
                assert _cost(adjacency, moved) >= cost - 1e-9
    for i, j in combinations(range(n), 2):
        if found[i] != found[j]:
            swapped = found.copy()
            swapped[i], swapped[j] = found[j], found[i]
            assert _cost(adjacency, swapped) >= cost - 1e-9
