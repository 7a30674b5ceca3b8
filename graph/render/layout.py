"""Seeded node positions, computed in Python so a page opens already laid out.

Each connected component is laid out on its own and the components are packed in rows,
largest first; isolated nodes end up in a grid below. Inside a component the layout is
Fruchterman–Reingold: small components use exact repulsion, large ones start from a pivot-MDS
embedding (Brandes & Pich) and repel only within a cut-off radius found with a k-d tree, so
5,000 nodes take well under a second. Same input and seed, same positions.

>>> import numpy as np
>>> xy = positions(4, np.array([0, 1, 2]), np.array([1, 2, 0]), seed=1)
>>> xy.shape, bool(np.isfinite(xy).all())
((4, 2), True)
>>> bool((positions(4, np.array([0, 1]), np.array([1, 2]), seed=1) == positions(
...     4, np.array([0, 1]), np.array([1, 2]), seed=1)).all())
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # scipy is imported where it is used, and only for large graphs
    from scipy import sparse

__all__ = ["EDGE_LENGTH", "positions", "separate_boxes"]

#: Ideal edge length in pixels (vis-network canvas units).
EDGE_LENGTH = 110.0
_EXACT_MAX = 400  # components up to this size use exact all-pairs repulsion
_PIVOTS = 40
_ITERATIONS = 30  # refinement steps after the pivot-MDS start
_GAP = 0.35  # nodes closer than this (in edge lengths) are pushed apart
_SPACING = 0.8  # least mean spacing between nodes, in edge lengths
#: Up to this many nodes, close pairs are found by comparing all pairs with numpy: importing
#: scipy's k-d tree (0.3 s) costs more than the search on a page of this size.
_ALL_PAIRS_MAX = 500


def _close_pairs(points: np.ndarray, radius: float, *, chebyshev: bool = False) -> np.ndarray:
    """Pairs ``i < j`` of points at most ``radius`` apart.

    Euclidean distance, or the largest coordinate difference with ``chebyshev``. Small inputs
    compare all pairs with numpy (lexicographic order); larger ones use scipy's k-d tree, in
    its own order for Euclidean pairs (as before, so large layouts are unchanged) and sorted
    for Chebyshev pairs (:func:`separate_boxes` needs a fixed order).

    >>> _close_pairs(np.array([[0.0, 0.0], [0.5, 0.0], [3.0, 0.0]]), 1.0).tolist()
    [[0, 1]]
    """
    if len(points) <= _ALL_PAIRS_MAX:
        delta = np.abs(points[:, None, :] - points[None, :, :])
        if chebyshev:
            near = delta.max(axis=2) <= radius
        else:
            near = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta)) <= radius
        i, j = np.nonzero(np.triu(near, k=1))
        return np.c_[i, j].astype(np.int64)
    from scipy.spatial import cKDTree

    pairs = cKDTree(points).query_pairs(
        radius, p=np.inf if chebyshev else 2.0, output_type="ndarray"
    )
    if chebyshev:
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    return pairs.astype(np.int64)


def _unique_links(n: int, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Each pair of distinct linked nodes once, as ``(low, high)`` rows in lexicographic order.

    >>> _unique_links(3, np.array([2, 0, 1, 1]), np.array([0, 2, 1, 2])).tolist()
    [[0, 2], [1, 2]]
    """
    keep = sources != targets
    low = np.minimum(sources[keep], targets[keep])
    high = np.maximum(sources[keep], targets[keep])
    key = np.unique(low * n + high)
    return np.c_[key // n, key % n].astype(np.int64)


def _adjacency(n: int, src: np.ndarray, dst: np.ndarray) -> sparse.csr_matrix:
    """The symmetric unit adjacency matrix of unique links (for the pivot-MDS start)."""
    from scipy import sparse

    data = np.ones(2 * len(src), dtype=np.float64)
    return sparse.coo_matrix((data, (np.r_[src, dst], np.r_[dst, src])), shape=(n, n)).tocsr()


def _pivot_mds(A: sparse.csr_matrix, rng: np.random.Generator) -> np.ndarray:
    from scipy.sparse.csgraph import shortest_path

    n = A.shape[0]
    k = min(_PIVOTS, n)
    degree = np.asarray(A.sum(axis=1)).ravel()
    pivots = [int(np.argmax(degree))]
    dist = np.empty((k, n))
    nearest = np.full(n, np.inf)
    for p in range(k):
        dist[p] = shortest_path(A, method="D", unweighted=True, indices=pivots[p])
        nearest = np.minimum(nearest, dist[p])
        if p + 1 < k:
            pivots.append(int(np.argmax(nearest)))
    D2 = dist.T**2  # n x k
    C = -0.5 * (D2 - D2.mean(axis=0) - D2.mean(axis=1, keepdims=True) + D2.mean())
    _, vectors = np.linalg.eigh(C.T @ C)  # k x k: cheap, unlike an SVD of C
    xy = C @ vectors[:, ::-1][:, :2]
    xy *= np.where(xy.sum(axis=0) < 0, -1.0, 1.0)  # fix the sign: stable across runs
    xy /= max(float(np.abs(xy).max()), 1e-9)
    xy *= np.sqrt(n)
    return xy + rng.normal(scale=0.05, size=xy.shape)


def _convolve_same(grid: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """``scipy.signal.fftconvolve(grid, kernel, mode="same")``, bit for bit, without importing
    ``scipy.signal`` (0.9 s): the same ``scipy.fft`` transforms and the same centred crop.

    >>> from scipy.signal import fftconvolve
    >>> g, k = np.arange(9.0).reshape(3, 3), np.ones((5, 5))
    >>> bool((_convolve_same(g, k) == fftconvolve(g, k, mode="same")).all())
    True
    """
    from scipy import fft

    shape = [a + b - 1 for a, b in zip(grid.shape, kernel.shape, strict=True)]
    padded = [fft.next_fast_len(n, True) for n in shape]
    full = fft.irfftn(fft.rfftn(grid, padded) * fft.rfftn(kernel, padded), padded)
    rows, cols = grid.shape
    top, left = (shape[0] - rows) // 2, (shape[1] - cols) // 2  # the centred "same" part
    return full[top : top + rows, left : left + cols]


def _far_field(xy: np.ndarray, cells: int) -> tuple[np.ndarray, float]:
    """Repulsion from every other node, approximated on a grid by FFT convolution."""
    low = xy.min(axis=0)
    size = max(float(np.ptp(xy, axis=0).max()), 1e-9) / (cells - 1)
    ij = np.minimum(((xy - low) / size).astype(np.int64), cells - 1)
    flat = ij[:, 0] * cells + ij[:, 1]
    density = np.bincount(flat, minlength=cells * cells).reshape(cells, cells).astype(float)
    offsets = np.arange(-(cells - 1), cells, dtype=float)
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    d2 = dx**2 + dy**2
    d2[cells - 1, cells - 1] = np.inf  # a cell does not push itself
    force = np.empty_like(xy)
    for axis, d in enumerate((dx, dy)):
        field = _convolve_same(density, d / d2 / size)
        force[:, axis] = field.ravel()[flat]
    return force, size


def _force_directed(
    xy: np.ndarray, src: np.ndarray, dst: np.ndarray, iterations: int, exact: bool
) -> np.ndarray:
    """Fruchterman–Reingold with ideal edge length 1 (exact or grid-approximated repulsion)."""
    n = len(xy)
    temperature = max(float(np.ptp(xy, axis=0).max()) / (10 if exact else 40), 1.0)
    cool = temperature / (iterations + 1)
    cells = int(min(96, max(16, np.sqrt(n))))
    for _ in range(iterations):
        if exact:
            delta = xy[:, None, :] - xy[None, :, :]
            d2 = np.einsum("ijk,ijk->ij", delta, delta) + 1e-9
            disp = np.einsum("ijk,ij->ik", delta, 1.0 / d2)
        else:
            disp, size = _far_field(xy, cells)
            pairs = _close_pairs(xy, size)
            i, j = pairs[:, 0], pairs[:, 1]
            delta = xy[i] - xy[j]
            push = delta / (np.einsum("ij,ij->i", delta, delta) + 1e-9)[:, None]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(i, push[:, axis], n) - np.bincount(j, push[:, axis], n)
        delta = xy[src] - xy[dst]
        pull = delta * np.sqrt(np.einsum("ij,ij->i", delta, delta))[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(dst, pull[:, axis], n) - np.bincount(src, pull[:, axis], n)
        disp -= 0.01 * xy  # weak gravity keeps loose parts near the centre
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        xy = xy + disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return xy


def _spread_out(xy: np.ndarray, gap: float, rounds: int = 12) -> np.ndarray:
    """Push apart nodes closer than ``gap`` (scaled so the median edge is 1)."""
    for _ in range(rounds):
        pairs = _close_pairs(xy, gap)
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[i] - xy[j]
        dist = np.sqrt(np.einsum("ij,ij->i", delta, delta))
        tiny = dist < 1e-6
        delta[tiny] = np.c_[np.cos(i[tiny] * 2.4), np.sin(i[tiny] * 2.4)] * 1e-3
        dist[tiny] = 1e-3
        step = delta * ((gap - dist) / dist / 2)[:, None]
        move = np.zeros_like(xy)
        for axis in (0, 1):
            move[:, axis] = np.bincount(i, step[:, axis], len(xy)) - np.bincount(
                j, step[:, axis], len(xy)
            )
        xy = xy + move * 0.5
    return xy


def _component(n: int, links: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Lay out one connected component (``links``: its unique pairs, local indices)."""
    if n == 1:
        return np.zeros((1, 2))
    src, dst = links[:, 0], links[:, 1]
    if n <= _EXACT_MAX:
        xy = rng.uniform(-1, 1, size=(n, 2)) * np.sqrt(n)
        xy = _force_directed(xy, src, dst, 120 if n <= 100 else 80, exact=True)
    else:
        start = _pivot_mds(_adjacency(n, src, dst), rng)
        xy = _force_directed(start, src, dst, _ITERATIONS, exact=False)
    edge = np.sqrt(np.einsum("ij,ij->i", xy[src] - xy[dst], xy[src] - xy[dst]))
    spacing = np.sqrt(float(np.prod(np.ptp(xy, axis=0) + 1e-9)) / n)
    xy = xy * max(1 / max(float(np.median(edge)), 1e-9), _SPACING / spacing)
    xy = _spread_out(xy, _GAP)
    return xy - xy.mean(axis=0)


def _pack(parts: list[np.ndarray]) -> list[np.ndarray]:
    """Place components in rows, left to right, each row under the previous one."""
    pad = 1.5
    boxes = [p.max(axis=0) - p.min(axis=0) + pad for p in parts]
    area = sum(float(w * h) for w, h in boxes)
    width = max(max(float(w) for w, _ in boxes), np.sqrt(area) * 1.2)
    placed: list[np.ndarray] = []
    x = y = row_height = 0.0
    for part, (w, h) in zip(parts, boxes, strict=True):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append(part - part.min(axis=0) + np.array([x + pad / 2, y + pad / 2]))
        x += float(w)
        row_height = max(row_height, float(h))
    return placed


def positions(n: int, sources: np.ndarray, targets: np.ndarray, *, seed: int = 7) -> np.ndarray:
    """Positions of ``n`` nodes in canvas pixels, one row per node.

    Parameters
    ----------
    n : int
        Number of nodes; ``sources`` and ``targets`` are integer node indices.
    seed : int
        Seed of the random start; the result depends only on the input and the seed.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, 2)``, centred on the origin, rounded to a tenth of a pixel.
    """
    from ..analyze.components import weak_components

    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    links = _unique_links(n, np.asarray(sources, dtype=np.int64), np.asarray(targets, np.int64))
    labels = weak_components(n, links[:, 0], links[:, 1])
    count = int(labels.max()) + 1
    sizes = np.bincount(labels, minlength=count)
    by_label = np.argsort(labels, kind="stable")
    groups = np.split(by_label, np.cumsum(sizes)[:-1])  # node indices of each component
    order = sorted(
        (c for c in range(count) if sizes[c] > 1), key=lambda c: (-sizes[c], groups[c][0])
    )
    members = [groups[c] for c in order]
    by_component = np.argsort(labels[links[:, 0]], kind="stable")  # stable: still sorted
    link_groups = np.split(
        links[by_component], np.cumsum(np.bincount(labels[links[:, 0]], minlength=count))[:-1]
    )
    local = np.empty(n, dtype=np.int64)
    parts = []
    for c, m in zip(order, members, strict=True):  # m ascends: local links stay sorted
        local[m] = np.arange(len(m))
        parts.append(_component(len(m), local[link_groups[c]], rng))
    alone = np.flatnonzero(sizes[labels] == 1)
    if len(alone):
        side = int(np.ceil(np.sqrt(len(alone))))
        cells = np.arange(len(alone))
        parts.append(np.c_[cells % side, cells // side].astype(float))
        members.append(alone)
    xy = np.zeros((n, 2))
    for m, part in zip(members, _pack(parts), strict=True):
        xy[m] = part
    xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
    return np.round(xy * EDGE_LENGTH, 1)


def separate_boxes(
    xy: np.ndarray,
    width: np.ndarray,
    height: np.ndarray,
    rounds: int = 600,
    *,
    grow_every: int = 15,
) -> np.ndarray:
    """Move boxes (a node with its label) apart until no two overlap, or ``rounds`` pass.

    Each overlapping pair moves apart along the axis where it overlaps less, so the layout
    changes as little as possible. Where boxes are crowded (a hub ringed by its partners),
    pushing alone can cycle: every ``grow_every`` rounds that still find an overlap, the whole
    layout is stretched by 5 % around its centre, which always makes room. All pairs are
    compared at once (:func:`_close_pairs`): meant for a few hundred nodes.

    >>> xy = separate_boxes(np.zeros((2, 2)), np.array([10.0, 10.0]), np.array([4.0, 4.0]))
    >>> float(abs(xy[0] - xy[1]).max()) >= 4.0
    True
    """
    xy = np.asarray(xy, dtype=float).copy()
    width, height = np.asarray(width, dtype=float), np.asarray(height, dtype=float)
    n = len(xy)
    if n < 2:
        return xy
    # two boxes can overlap only if their centres are closer than the largest box on each
    # axis: in those units the candidates are the pairs at Chebyshev distance up to 1
    unit = np.array([width.max(), height.max()])
    for step_no in range(rounds):
        if step_no and step_no % grow_every == 0:
            centre = xy.mean(axis=0)
            xy = (xy - centre) * 1.05 + centre
        pairs = _close_pairs(xy / unit, 1.0, chebyshev=True)  # a fixed order: same sums
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        d = xy[i] - xy[j]
        over_x = (width[i] + width[j]) / 2 - np.abs(d[:, 0])
        over_y = (height[i] + height[j]) / 2 - np.abs(d[:, 1])
        hit = (over_x > 0) & (over_y > 0)
        if not hit.any():
            break
        i, j, d, over_x, over_y = i[hit], j[hit], d[hit], over_x[hit], over_y[hit]
        along_x = over_x <= over_y
        sign = np.where(d == 0, -1.0, np.sign(d))  # i < j: the first of a tie goes left/up
        step = np.where(along_x, over_x, over_y) / 2 + 0.5
        move = np.zeros_like(xy)
        for axis, mask in ((0, along_x), (1, ~along_x)):
            push = np.where(mask, sign[:, axis] * step, 0.0)
            move[:, axis] = np.bincount(i, push, n) - np.bincount(j, push, n)
        xy += move
    return np.round(xy, 1)
