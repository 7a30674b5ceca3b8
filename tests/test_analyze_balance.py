"""Signed analysis: pair scores and structural balance against brute force."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from analyze_data import random_dataset

import graph
from graph.analyze import pair_scores, triad_balance


def _frames(rows: list[tuple[str, str, str, str]]) -> graph.Dataset:
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows})
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    edges = pd.DataFrame(rows, columns=["source", "target", "type", "weight"])
    return graph.from_frames(nodes, edges)


def test_pair_score_is_the_sum_of_signed_weights_in_both_directions() -> None:
    ds = _frames(
        [
            ("a", "b", "visit", "2"),
            ("b", "a", "protest", "0.5"),
            ("a", "b", "membership", "3"),
            ("c", "a", "conflict", "1"),
            ("a", "a", "talks", "1"),
        ]
    )
    scores = pair_scores(ds).set_index(["source", "target"])
    assert scores.loc[("a", "b"), "score"] == pytest.approx(1.5)
    assert scores.loc[("a", "b"), ["relations", "cooperative", "conflictual"]].tolist() == [3, 1, 1]
    assert scores.loc[("a", "c"), "sign"] == -1
    assert ("a", "a") not in scores.index
    assert pair_scores(ds)["score"].is_monotonic_increasing


def test_hand_made_triads() -> None:
    ds = _frames(
        [
            ("a", "b", "cooperation", ""),
            ("b", "c", "cooperation", ""),
            ("a", "c", "cooperation", ""),  # + + + balanced
            ("c", "d", "conflict", ""),
            ("a", "d", "conflict", ""),  # a-c +, c-d -, a-d -: balanced
            ("b", "d", "cooperation", ""),  # a-b +, b-d +, a-d -: unbalanced; b-c-d too
        ]
    )
    result = triad_balance(ds)
    assert (result.balanced, result.unbalanced, result.triads) == (2, 2, 4)
    assert result.unbalanced_triads[["a", "b", "c"]].values.tolist() == [
        ["a", "b", "d"],
        ["b", "c", "d"],
    ]
    assert result.ratio == 0.5
    assert result.to_dict()["unbalanced"] == 2


def _brute_force(ds: graph.Dataset) -> tuple[int, set[tuple[str, str, str]]]:
    scores = pair_scores(ds)
    sign = {}
    for s, t, v in zip(scores["source"], scores["target"], scores["sign"], strict=True):
        if v != 0:
            sign[frozenset((s, t))] = int(v)
    balanced, unbalanced = 0, set()
    order = list(ds.nodes["id"])
    for a, b, c in combinations(order, 3):
        ties = [sign.get(frozenset(p)) for p in ((a, b), (b, c), (a, c))]
        if None in ties:
            continue
        if np.prod(ties) > 0:
            balanced += 1
        else:
            unbalanced.add((a, b, c))
    return balanced, unbalanced


@pytest.mark.parametrize("seed", [3, 8, 13])
def test_triads_equal_brute_force_on_random_signed_graphs(seed: int) -> None:
    ds = random_dataset(seed, nodes=30, edges=160)
    result = triad_balance(ds)
    balanced, unbalanced = _brute_force(ds)
    assert result.balanced == balanced
    assert set(map(tuple, result.unbalanced_triads[["a", "b", "c"]].values.tolist())) == unbalanced


def test_bundled_civil_war_years_have_the_iran_tajikistan_uto_triad() -> None:
    # 1994–1996: Iran mediates with the UTO and cooperates with Tajikistan, at war with the UTO
    result = triad_balance(graph.load().filter(start="1994", end="1996"))
    rows = result.unbalanced_triads[["a", "b", "c"]].values.tolist()
    assert rows == [["iran", "tajikistan", "uto"]]
