"""graph.analyze._view: components of small views without scipy equal scipy's labels."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse.csgraph import connected_components

from graph.analyze._view import View


def _random_view(rng: np.random.Generator, directed: bool) -> View:
    n = int(rng.integers(1, 80))
    m = int(rng.integers(0, 120))
    s, t = rng.integers(0, n, m), rng.integers(0, n, m)
    s, t = s[s != t], t[s != t]
    if not directed:
        s, t = np.minimum(s, t), np.maximum(s, t)
    pairs = np.unique(np.stack([s, t], 1), axis=0) if len(s) else np.zeros((0, 2), np.int64)
    k = len(pairs)
    ones = np.ones(k)
    return View(
        np.arange(n).astype(str),
        pairs[:, 0].astype(np.int64),
        pairs[:, 1].astype(np.int64),
        ones,
        ones,
        np.ones(k, dtype=np.int64),
        directed,
    )


@pytest.mark.parametrize("directed", [False, True])
def test_small_components_equal_scipys(directed: bool) -> None:
    rng = np.random.default_rng(7)
    for _ in range(150):
        view = _random_view(rng, directed)
        for strong in (False, True):
            ours = view._small_components(strong)
            _, ref = connected_components(
                view.sparse(), directed=directed, connection="strong" if strong else "weak"
            )
            if strong and directed:  # the same partition (numbering is free)
                pairs = set(zip(ours.tolist(), ref.tolist(), strict=True))
                assert len(pairs) == len(set(ours.tolist())) == len(set(ref.tolist()))
            else:  # weak components: scipy's numbering, by first node
                assert ours.tolist() == ref.tolist()
