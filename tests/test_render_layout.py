"""graph.render.layout: the all-pairs search of small pages finds the k-d tree's pairs, and a
small page is laid out without importing scipy."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy.spatial import cKDTree

from graph.render import layout


@pytest.mark.parametrize("chebyshev", [False, True])
def test_all_pairs_search_equals_the_kd_tree(chebyshev: bool) -> None:
    rng = np.random.default_rng(11)
    for _ in range(40):
        n = int(rng.integers(2, layout._ALL_PAIRS_MAX))
        points = rng.normal(size=(n, 2)) * 4
        ours = layout._close_pairs(points, 1.0, chebyshev=chebyshev)
        tree = cKDTree(points).query_pairs(1.0, p=np.inf if chebyshev else 2.0)
        assert {tuple(p) for p in ours.tolist()} == tree
        assert ours.tolist() == sorted(ours.tolist())  # a fixed order: same sums every run


def test_a_small_page_is_laid_out_without_scipy() -> None:
    code = (
        "import sys, numpy as np; from graph.render.layout import positions, separate_boxes; "
        "xy = positions(30, np.arange(29), np.arange(1, 30)); "
        "separate_boxes(xy, np.full(30, 40.0), np.full(30, 12.0)); "
        "print(any(m.startswith('scipy') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
