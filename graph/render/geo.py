"""The geometry of the map layout: a world outline and where each actor goes on it.

The map layout draws states at their place on a world map, in the page's own pixel space
(vis-network canvas units), so the outline and the nodes share one coordinate system:

- **Data.** Natural Earth's 1:110m country outlines (public domain), vendored from the npm
  package world-atlas 2.0.2 (``vendor/world-atlas/``, see ``THIRD_PARTY.md``) and decoded in
  :mod:`.geo_topo`: no network, no new dependency. 110m is the scale made for a whole-world map;
  the outline the page inlines stays under 200 KB.
- **Projection.** Equal Earth (Šavrič, Patterson & Jenny 2018): equal-area, so no country looks
  bigger than it is, with shapes close to the Robinson projection's and closed formulas (no
  tables, an exact inverse by Newton's method). The world is :data:`MAP_WIDTH` pixels wide:
  the force layout draws an edge ~110 px long, and at this size neighbouring Central Asian
  capitals are tens of pixels apart. The world is centred on ``(0, 0)``; ``y`` grows
  downwards as on a screen, so north is a smaller ``y``.
- **Where a state goes.** At its capital, the seat of the government that acts in the data
  (GeoNames' capitals, CC BY 4.0, vendored in ``vendor/geonames/capitals.csv``), when the capital
  lies inside the country's 1:110m outline; otherwise (no capital known, or one on a coast or an
  island the outline simplifies away) not at its centroid, which can fall in the sea (Chile,
  Norway, Croatia, Indonesia), but at the pole of inaccessibility of its largest polygon: the
  point inside it farthest from its outline, found as polylabel does (:mod:`.geo_label`).
- **Everything else.** An actor whose ``country`` is a placed state circles that state; the rest
  (organizations, groups, actors of no state, states with no outline such as the Soviet Union)
  line up in a grid band to the right of the map's placed nodes. See :func:`map_positions`.

>>> project(np.array([0.0, 180.0, 0.0]), np.array([0.0, 0.0, 90.0])).round(1)[:, 0].tolist()
[0.0, 4500.0, 0.0]
>>> outline = world_outline()
>>> outline["width"], len(outline["countries"])
(9000.0, 177)
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache

import numpy as np
import pandas as pd

from .geo_label import inside, pole_of_inaccessibility
from .geo_topo import country_outlines

__all__ = ["MAP_WIDTH", "map_positions", "project", "representative_points", "world_outline"]

#: Width of the projected world in page pixels (vis-network canvas units).
MAP_WIDTH: float = 9000.0

# Equal Earth's polynomial coefficients (Šavrič et al. 2018, eq. 2).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = np.sqrt(3.0) / 2.0
#: Pixels per unit of the unit-sphere projection: 180° east is MAP_WIDTH / 2.
_SCALE = MAP_WIDTH / 2.0 / (np.pi / (_M * _A1))

_PRECISION = 1.0  # px: how far from the best the representative point may be
_RING_MIN, _RING_MAX = 60.0, 100.0  # px: radius of the ring of actors round their state
_RING_STEP = 30.0  # px: least distance between actors on a ring, and between rings
_BAND_MARGIN = 160.0  # px: from the rightmost placed node to the band
_BAND_COLUMN, _BAND_ROW = 120.0, 70.0  # px: grid of the band


def _y_poly(theta: np.ndarray) -> np.ndarray:
    t2 = theta * theta
    return theta * (_A1 + _A2 * t2 + t2**3 * (_A3 + _A4 * t2))


def _y_slope(theta: np.ndarray) -> np.ndarray:
    t2 = theta * theta
    return _A1 + 3 * _A2 * t2 + t2**3 * (7 * _A3 + 9 * _A4 * t2)


#: Height of the projected world, pole to pole, in page pixels.
_MAP_HEIGHT = float(2.0 * _SCALE * _y_poly(np.array(np.pi / 3)))


def project(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Equal Earth projection of longitudes and latitudes (degrees) to page pixels.

    Parameters
    ----------
    lon, lat : numpy.ndarray
        Degrees east and north, broadcast against each other.

    Returns
    -------
    numpy.ndarray
        ``(n, 2)`` float pixels: ``x`` east from the prime meridian, ``y`` south from the
        equator (north is a smaller ``y``); ±180° of longitude is ``±MAP_WIDTH / 2``.

    Examples
    --------
    >>> project(np.array([51.39, 68.79]), np.array([35.69, 38.56])).round(1).tolist()
    [[1167.9, -1160.2], [1537.7, -1245.7]]
    """
    lon, lat = np.broadcast_arrays(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    theta = np.arcsin(_M * np.sin(np.radians(lat.ravel())))
    x = np.radians(lon.ravel()) * np.cos(theta) / (_M * _y_slope(theta))
    return np.c_[x, -_y_poly(theta)] * _SCALE


def _unproject(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitudes and latitudes (degrees) of page pixels: :func:`project` inverted.

    >>> lon, lat = _unproject(project(np.array([-70.0, 120.0]), np.array([-33.0, 60.0])))
    >>> lon.round(6).tolist(), lat.round(6).tolist()
    ([-70.0, 120.0], [-33.0, 60.0])
    """
    x, y = xy[:, 0] / _SCALE, -xy[:, 1] / _SCALE
    theta = y / _A1
    for _ in range(20):  # Newton's method; converges in a handful of steps
        theta = theta - (_y_poly(theta) - y) / _y_slope(theta)
    lat = np.degrees(np.arcsin(np.clip(np.sin(theta) / _M, -1.0, 1.0)))
    lon = np.degrees(x * _M * _y_slope(theta) / np.cos(theta))
    return lon, lat


def _area(ring: np.ndarray) -> float:
    """Unsigned area of a ring (shoelace formula)."""
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


@lru_cache(maxsize=1)
def _projected() -> tuple[tuple[str, str, tuple[tuple[np.ndarray, ...], ...]], ...]:
    """Every country as (iso3, name, polygons) in page pixels, sorted by iso3 (none last)."""
    out = [
        (
            c.iso3,
            c.name,
            tuple(tuple(project(ring[:, 0], ring[:, 1]) for ring in poly) for poly in c.polygons),
        )
        for c in country_outlines()
    ]
    return tuple(sorted(out, key=lambda c: (c[0] == "", c[0], c[1])))


def _flat_ring(ring: np.ndarray) -> list[float]:
    """A ring as ``[x0, y0, x1, y1, …]`` to 0.1 px, open, with no point repeated."""
    points = np.round(ring, 1)
    keep = np.r_[True, (np.diff(points, axis=0) != 0).any(axis=1)]
    points = points[keep]
    if len(points) > 1 and (points[0] == points[-1]).all():
        points = points[:-1]
    return [float(v) for v in points.ravel()]


@lru_cache(maxsize=1)
def _outline_json() -> str:
    countries = []
    for iso3, name, polygons in _projected():
        rings = [_flat_ring(ring) for polygon in polygons for ring in polygon]
        every = np.concatenate([ring for polygon in polygons for ring in polygon])
        box = np.r_[every.min(axis=0), every.max(axis=0)].round(1)
        countries.append({"iso3": iso3, "name": name, "rings": rings, "box": box.tolist()})
    outline = {"width": MAP_WIDTH, "height": round(_MAP_HEIGHT, 1), "countries": countries}
    return json.dumps(outline, separators=(",", ":"), ensure_ascii=False)


def world_outline() -> dict:
    """The world's country outlines in page pixels, for drawing under a map layout.

    Returns
    -------
    dict
        ``{"width", "height", "countries"}``: the projected world's size in pixels (centred on
        ``(0, 0)``, ``y`` down) and, sorted by ISO3 (countries with none last), one
        ``{"iso3", "name", "rings", "box"}`` per country. ``rings`` are flat lists
        ``[x0, y0, x1, y1, …]`` to 0.1 px, open (the last point joins the first), outer
        rings and holes together: fill them with the even-odd rule. ``box`` is
        ``[xmin, ymin, xmax, ymax]``. ``iso3`` is ``""`` for Northern Cyprus and Somaliland;
        Kosovo is ``"XKX"``. Each call returns a new copy (the outline is built once).

    Examples
    --------
    >>> iran = next(c for c in world_outline()["countries"] if c["iso3"] == "IRN")
    >>> iran["name"], len(iran["rings"]), [round(v) for v in iran["box"]]
    ('Iran', 1, [981, -1280, 1501, -830])
    """
    outline: dict = json.loads(_outline_json())
    return outline


@lru_cache(maxsize=1)
def _largest_polygons() -> dict[str, tuple[np.ndarray, ...]]:
    """Each ISO3's largest polygon (by area, less its holes) in page pixels."""
    out = {}
    for iso3, _name, polygons in _projected():
        if iso3:
            areas = [_area(poly[0]) - sum(_area(hole) for hole in poly[1:]) for poly in polygons]
            out[iso3] = polygons[int(np.argmax(areas))]
    return out


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[float, float]]:
    """Each ISO3's capital in page pixels (GeoNames, see ``vendor/geonames``)."""
    from importlib import resources

    path = resources.files(__package__).joinpath("vendor", "geonames", "capitals.csv")
    with path.open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype={"iso3": str}, keep_default_na=False)
    xy = project(table["lon"].to_numpy(float), table["lat"].to_numpy(float))
    return {code: (float(x), float(y)) for code, (x, y) in zip(table["iso3"], xy, strict=True)}


@lru_cache(maxsize=1)
def _all_rings() -> dict[str, list[np.ndarray]]:
    """Every ring of each ISO3's outline, for testing whether a point is in the country."""
    return {
        iso3: [ring for poly in polygons for ring in poly]
        for iso3, _name, polygons in _projected()
        if iso3
    }


@lru_cache(maxsize=256)  # more than there are countries
def _point(iso3: str) -> tuple[float, float]:
    """Where a country's state goes: its capital when inside its outline, else the pole of
    inaccessibility of its largest polygon (searched for once, when first needed)."""
    capital = _capitals().get(iso3)
    if capital is not None and inside(np.array([capital]), _all_rings()[iso3])[0]:
        return capital
    x, y = pole_of_inaccessibility(_largest_polygons()[iso3], _PRECISION)
    return float(x), float(y)


def _points(codes: list[str]) -> pd.DataFrame:
    """:func:`representative_points` of the given ISO3 codes, which must have an outline."""
    xy = np.array([_point(code) for code in codes], dtype=float).reshape(-1, 2)
    lon, lat = _unproject(xy)
    index = pd.Index(codes, name="iso3", dtype=object)
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "lon": lon, "lat": lat}, index=index)


def representative_points() -> pd.DataFrame:
    """A point inside each country, where the map layout puts its state.

    Returns
    -------
    pandas.DataFrame
        Indexed by ISO3, sorted; columns ``x``, ``y`` (page pixels, as :func:`project`) and
        ``lon``, ``lat`` (degrees). The point is the capital when it lies inside the outline,
        else the pole of inaccessibility of the country's largest polygon: inside it, as far
        from its coast and borders as can be.

    Examples
    --------
    >>> points = representative_points()
    >>> points.loc["IRN", ["lon", "lat"]].round().tolist()  # Tehran
    [51.0, 36.0]
    """
    return _points(sorted(_largest_polygons()))


def _text(nodes: pd.DataFrame, column: str) -> np.ndarray:
    """A column as stripped strings, missing values as ""; a missing column as all ""."""
    if column not in nodes.columns:
        return np.full(len(nodes), "", dtype=object)
    values = nodes[column].to_numpy(dtype=object)
    text = ["" if gone else str(v).strip() for v, gone in zip(values, pd.isna(values), strict=True)]
    return np.array(text, dtype=object)


def _ring_offsets(count: int, start: float) -> np.ndarray:
    """Offsets of ``count`` actors round their state: one even ring of radius 60–100 px,
    then more rings ``_RING_STEP`` apart when one cannot hold them."""
    radius = min(max(count * _RING_STEP / (2 * np.pi), _RING_MIN), _RING_MAX)
    out: list[tuple[float, float]] = []
    while len(out) < count:
        fit = max(1, int(2 * np.pi * radius / _RING_STEP))
        here = min(fit, count - len(out))
        angles = start + 2 * np.pi * np.arange(here) / here
        out += [(radius * np.cos(a), radius * np.sin(a)) for a in angles]
        radius += _RING_STEP
    return np.array(out, dtype=float).reshape(-1, 2)


def map_positions(nodes: pd.DataFrame, *, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Where each node goes on the map layout, in page pixels.

    Parameters
    ----------
    nodes : pandas.DataFrame
        A node table with columns ``id``, ``type``, ``label``, ``iso3`` (ISO 3166-1 alpha-3, any
        case; empty or missing for non-states) and ``country`` (the id of the actor's state;
        empty or missing for none). A missing column counts as empty.
    seed : int, default 7
        Turns the start angle of each ring of actors round a state.

    Returns
    -------
    xy : numpy.ndarray
        ``(n, 2)`` float pixels, in the frame of :func:`world_outline`.
    placed : numpy.ndarray
        Per node, how it was placed: ``"state"``, at its country's representative point (the
        first node of each ISO3, states first); ``"near"``, on a ring 60–100 px round the state
        its ``country`` names (or the state that already has its ISO3), ordered by type then
        id; ``"band"``, everything else, in a grid (columns 120 px apart, rows 70 px) starting
        160 px right of the placed nodes, ordered by type then label.

    Examples
    --------
    >>> xy, placed = map_positions(ds.nodes)
    >>> how = dict(zip(ds.nodes["id"], placed.tolist()))
    >>> how["iran"], how["hassan_rouhani"], how["cis"]  # Rouhani's country is iran
    ('state', 'near', 'band')
    >>> bool(xy[ds.nodes["id"].eq("tajikistan").to_numpy(), 0][0]
    ...      > xy[ds.nodes["id"].eq("iran").to_numpy(), 0][0])  # Tajikistan is east of Iran
    True
    """
    n = len(nodes)
    ids = _text(nodes, "id") if "id" in nodes.columns else nodes.index.map(str).to_numpy()
    types, labels = _text(nodes, "type"), _text(nodes, "label")
    iso3 = np.array([code.upper() for code in _text(nodes, "iso3")], dtype=object)
    country = _text(nodes, "country")
    outlined = _largest_polygons()
    xy = np.zeros((n, 2))
    placed = np.full(n, "band", dtype="<U5")

    anchor: dict[str, int] = {}  # ISO3 → the node placed there
    satellites: dict[int, list[int]] = {}  # placed state → the nodes round it
    circling: set[int] = set()
    for i in sorted(range(n), key=lambda i: (types[i] != "state", i)):
        if iso3[i] in anchor:
            satellites[anchor[iso3[i]]].append(i)
            circling.add(i)
        elif iso3[i] in outlined:
            anchor[iso3[i]] = i
            satellites[i] = []
            xy[i] = _point(iso3[i])
            placed[i] = "state"
    state_of: dict[str, int] = {}
    for i in satellites:
        state_of.setdefault(ids[i], i)
    for i in range(n):
        if placed[i] == "band" and i not in circling and country[i] in state_of:
            satellites[state_of[country[i]]].append(i)
    for state, around in satellites.items():
        around.sort(key=lambda i: (types[i], ids[i], i))
        start = np.random.default_rng(
            [seed % 2**32, zlib.crc32(ids[state].encode("utf-8", "surrogatepass"))]
        ).uniform(0, 2 * np.pi)
        xy[around] = xy[state] + _ring_offsets(len(around), start)
        placed[around] = "near"

    band = sorted(np.flatnonzero(placed == "band"), key=lambda i: (types[i], labels[i], ids[i], i))
    if band:
        done = xy[placed != "band"]
        low, high = (
            (done.min(axis=0), done.max(axis=0)) if len(done) else (np.zeros(2), np.zeros(2))
        )
        fit = int((high[1] - low[1]) // _BAND_ROW) + 1
        rows = max(fit, int(np.ceil(np.sqrt(len(band) * _BAND_COLUMN / _BAND_ROW))))
        j = np.arange(len(band))
        xy[band, 0] = high[0] + _BAND_MARGIN + (j // rows) * _BAND_COLUMN
        xy[band, 1] = low[1] + (j % rows) * _BAND_ROW
    return xy, placed
