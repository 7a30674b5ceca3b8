"""A point well inside a polygon: its pole of inaccessibility, found as polylabel does.

A polygon's centroid can fall outside it (Chile, Norway, Croatia, Vietnam, any crescent or
archipelago); the pole of inaccessibility is the interior point farthest from the outline, so a
label or a node drawn there sits inside. The search is Mapbox's polylabel (Agafonkin 2016), run
breadth-first so each round is one numpy call: cover the bounding box with square cells, measure
the signed distance from each centre to the outline, keep the cells that could still hold a
point farther in than the best found (distance + half diagonal), split them in four, repeat
until no cell can beat the best by more than ``precision``. Same input, same point.

Rings are ``(n, 2)`` arrays, closed or not; a point is inside by the even-odd rule over all
rings of the polygon (its outer ring and its holes).

>>> square = [np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])]
>>> pole_of_inaccessibility(square).tolist()
[5.0, 5.0]
>>> inside(np.array([[5.0, 5.0], [11.0, 5.0]]), square).tolist()
[True, False]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["inside", "pole_of_inaccessibility", "signed_distance"]

_CHUNK = 400_000  # points × segments compared at once (bounds the temporary arrays)


def _segments(rings: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Start and end points of every edge of the rings, each ring closed."""
    starts = np.concatenate([np.asarray(ring, dtype=float) for ring in rings])
    ends = np.concatenate([np.roll(np.asarray(ring, dtype=float), -1, axis=0) for ring in rings])
    return starts, ends


def signed_distance(points: np.ndarray, rings: Sequence[np.ndarray]) -> np.ndarray:
    """Distance from each point to the nearest edge: positive inside, negative outside.

    Parameters
    ----------
    points : numpy.ndarray
        ``(m, 2)`` points.
    rings : sequence of numpy.ndarray
        The polygon's rings, ``(n, 2)`` each.

    Returns
    -------
    numpy.ndarray
        ``(m,)`` signed distances, in the units of the coordinates.

    Examples
    --------
    >>> square = [np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]])]
    >>> signed_distance(np.array([[1.0, 2.0], [6.0, 2.0]]), square).tolist()
    [1.0, -2.0]
    """
    return _signed_distance(points, *_segments(rings))


def _signed_distance(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """:func:`signed_distance` to the edges from ``a[i]`` to ``b[i]``."""
    ab = b - a
    length2 = np.einsum("ij,ij->i", ab, ab)
    length2[length2 == 0] = 1.0  # a repeated point: its distance is the distance to a
    rising = b[:, 1] - a[:, 1]
    rising[rising == 0] = 1.0  # a flat edge is never crossed (the test below is False)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    out = np.empty(len(points))
    step = max(1, _CHUNK // max(len(a), 1))
    for start in range(0, len(points), step):
        p = points[start : start + step, None, :]
        ap = p - a
        t = np.clip(np.einsum("mij,ij->mi", ap, ab) / length2, 0.0, 1.0)
        gap = ap - t[..., None] * ab
        distance = np.sqrt(np.einsum("mij,mij->mi", gap, gap).min(axis=1))
        py = p[..., 1]
        crosses = (a[:, 1] > py) != (b[:, 1] > py)
        crosses &= p[..., 0] < a[:, 0] + ab[:, 0] * (py - a[:, 1]) / rising
        odd = crosses.sum(axis=1) % 2 == 1
        out[start : start + step] = np.where(odd, distance, -distance)
    return out


def inside(points: np.ndarray, rings: Sequence[np.ndarray]) -> np.ndarray:
    """Whether each point lies inside the polygon (even-odd rule over all its rings).

    Parameters
    ----------
    points : numpy.ndarray
        ``(m, 2)`` points.
    rings : sequence of numpy.ndarray
        The polygon's rings (outer ring and holes, or every ring of a country).

    Returns
    -------
    numpy.ndarray
        ``(m,)`` booleans; a point on an edge may come out either way.

    Examples
    --------
    >>> ring = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]])
    >>> hole = np.array([[1.0, 1.0], [3.0, 1.0], [3.0, 3.0], [1.0, 3.0]])
    >>> inside(np.array([[0.5, 2.0], [2.0, 2.0]]), [ring, hole]).tolist()
    [True, False]
    """
    return signed_distance(points, rings) > 0


def pole_of_inaccessibility(rings: Sequence[np.ndarray], precision: float = 0.25) -> np.ndarray:
    """The point inside the polygon farthest from its outline (to within ``precision``).

    Parameters
    ----------
    rings : sequence of numpy.ndarray
        The polygon's outer ring, then its holes, ``(n, 2)`` each.
    precision : float, default 0.25
        How much farther in than the answer the true pole may be, in coordinate units.

    Returns
    -------
    numpy.ndarray
        ``(2,)``: the point. It is inside the polygon whenever the polygon has an inside;
        a polygon with no area gives the first point of its outer ring.

    Examples
    --------
    An L-shape, whose centroid (about ``(3.2, 3.2)``) is outside it:

    >>> ell = [np.array([[0.0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10]])]
    >>> point = pole_of_inaccessibility(ell, precision=0.01)
    >>> bool(inside(point[None], ell)[0]), round(float(signed_distance(point[None], ell)[0]), 1)
    (True, 1.2)
    """
    outer = np.asarray(rings[0], dtype=float)
    low, high = outer.min(axis=0), outer.max(axis=0)
    cell = float((high - low).min())
    if cell <= 0:
        return outer[0].copy()
    counts = np.ceil((high - low) / cell).astype(int)
    gx, gy = np.meshgrid(np.arange(counts[0]), np.arange(counts[1]), indexing="ij")
    centres = low + (np.c_[gx.ravel(), gy.ravel()] + 0.5) * cell
    half = cell / 2
    a, b = _segments(rings)
    best = (low + high) / 2
    best_d = float(_signed_distance(best[None], a, b)[0])
    quarters = np.array([[-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0], [1.0, 1.0]])
    while len(centres) and half > 1e-12 * cell:
        d = _signed_distance(centres, a, b)
        i = int(np.argmax(d))
        if d[i] > best_d:
            best, best_d = centres[i], float(d[i])
        # Until a centre is inside, keep every cell that may reach inside.
        needed = best_d + precision if best_d > 0 else 0.0
        centres = centres[d + half * np.sqrt(2) > needed]
        half /= 2
        centres = (centres[:, None, :] + half * quarters).reshape(-1, 2)
    return np.array(best, dtype=float)
