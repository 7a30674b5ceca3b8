"""Natural Earth country outlines, decoded from the vendored world-atlas TopoJSON.

``vendor/world-atlas/countries-110m.json`` stores each shared border once, as an *arc*: a run of
integer points, each the difference from the one before (delta encoding), turned into degrees
by the file's ``transform`` (``scale``, ``translate``). A polygon ring is a list of arc indices;
a negative index ``i`` means arc ``~i`` walked backwards, and consecutive arcs share their end
point. Rings that cross the antimeridian (Fiji, Chukotka, Wrangel Island) are cut there into
pieces that each stay within [-180°, 180°], and Antarctica, whose ring goes round the South Pole,
is closed along the pole, as a flat map needs. Countries carry their ISO 3166-1 numeric code as
``id``; it becomes ISO3 through country_converter's table. Kosovo has no numeric code and gets
``XKX`` (country_converter's code); Northern Cyprus and Somaliland have none and keep an empty
``iso3``.

>>> countries = country_outlines()
>>> len(countries), sum(c.iso3 == "" for c in countries)
(177, 2)
>>> iran = next(c for c in countries if c.iso3 == "IRN")
>>> iran.name, len(iran.polygons), iran.polygons[0][0].shape[1]
('Iran', 1, 2)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .vendor import WORLD_ATLAS, read_vendored

__all__ = ["CountryOutline", "country_outlines"]

#: Countries world-atlas gives no numeric id, by their name there: ISO3 code or "" for none.
_UNNUMBERED = {"Kosovo": "XKX", "N. Cyprus": "", "Somaliland": ""}


@dataclass(frozen=True)
class CountryOutline:
    """One country of the outline file, in degrees."""

    iso3: str
    """ISO 3166-1 alpha-3 code, or "" where there is none (Northern Cyprus, Somaliland)."""
    name: str
    """The short name world-atlas gives (``"Iran"``, ``"Bosnia and Herz."``)."""
    polygons: tuple[tuple[np.ndarray, ...], ...]
    """Each polygon: its outer ring, then its holes; a ring is a closed ``(n, 2)`` array of
    longitude, latitude (first point repeated last), within [-180°, 180°]."""


def _numeric_to_iso3() -> dict[int, str]:
    """ISO 3166-1 numeric code → ISO3, for current countries, from country_converter's table."""
    from country_converter.country_converter import COUNTRY_DATA_FILE

    # Read the table as text, as the importers do ("NA" is Namibia's code, not a missing cell).
    data = pd.read_csv(
        COUNTRY_DATA_FILE, sep="\t", dtype=str, keep_default_na=False, na_values=[""]
    )
    data = data[data["obsolete"].isna() & data["ISOnumeric"].notna()]
    return dict(zip(data["ISOnumeric"].astype(int), data["ISO3"].astype(str), strict=True))


def _decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Every arc as an ``(n, 2)`` array of degrees: undo the delta encoding and quantization."""
    scale = np.asarray(topology["transform"]["scale"], dtype=float)
    translate = np.asarray(topology["transform"]["translate"], dtype=float)
    return [
        np.cumsum(np.asarray(arc, dtype=np.int64), axis=0) * scale + translate
        for arc in topology["arcs"]
    ]


def _ring(indices: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """The closed ring that walks the given arcs (``~i`` for arc ``i`` backwards)."""
    parts = [arcs[i] if i >= 0 else arcs[~i][::-1] for i in indices]
    return np.concatenate([parts[0], *(part[1:] for part in parts[1:])])


def _clip(ring: np.ndarray, x: float, *, below: bool) -> np.ndarray:
    """The closed ring cut to ``lon <= x`` (``below``) or ``lon >= x`` (Sutherland–Hodgman)."""
    keep = ring[:, 0] <= x if below else ring[:, 0] >= x
    out: list[np.ndarray] = []
    for i in range(len(ring) - 1):
        p, q = ring[i], ring[i + 1]
        if keep[i]:
            out.append(p)
        if keep[i] != keep[i + 1]:
            out.append(np.array([x, p[1] + (x - p[0]) / (q[0] - p[0]) * (q[1] - p[1])]))
    return np.array([*out, out[0]]) if len(out) >= 3 else np.empty((0, 2))


def _flat(ring: np.ndarray) -> list[np.ndarray]:
    """A closed ring as pieces that stay within [-180°, 180°] of longitude.

    >>> square = np.array([[170.0, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]])
    >>> [piece[:, 0].tolist() for piece in _flat(square)]
    [[170.0, 180.0, 180.0, 170.0, 170.0], [-180.0, -170.0, -170.0, -180.0, -180.0]]
    """
    step = np.diff(ring[:, 0])
    if not (np.abs(step) > 180).any():
        return [ring]
    lon = ring[0, 0] + np.r_[0.0, np.cumsum(step - 360.0 * np.round(step / 360.0))]
    flat = np.c_[lon, ring[:, 1]]
    if abs(lon[-1] - lon[0]) > 180:  # round a pole: close the ring along it
        pole = -90.0 if ring[:, 1].mean() < 0 else 90.0
        flat = np.r_[flat, [[lon[-1], pole], [lon[0], pole], flat[0]]]
    pieces = []
    for turn in range(
        int(np.floor((lon.min() + 180) / 360)), int(np.ceil((lon.max() - 180) / 360)) + 1
    ):
        piece = _clip(_clip(flat, 360.0 * turn - 180, below=False), 360.0 * turn + 180, below=True)
        if len(piece):
            pieces.append(piece - [360.0 * turn, 0.0])
    return pieces


def _polygons(
    parts: list[list[list[int]]], arcs: list[np.ndarray]
) -> tuple[tuple[np.ndarray, ...], ...]:
    """A country's polygons (outer ring, then holes), each cut at the antimeridian if need be.

    A cut outer ring makes one polygon per piece; holes go with the first (in world-atlas 2.0.2
    no polygon that crosses the antimeridian has a hole). Rings with no area (fewer than three
    distinct points: one, in North Korea, is a single point repeated) are dropped.
    """
    out = []
    for polygon in parts:
        outer, *holes = (
            [piece for piece in _flat(_ring(ring, arcs)) if len(np.unique(piece, axis=0)) >= 3]
            for ring in polygon
        )
        if outer:
            inner = tuple(piece for hole in holes for piece in hole)
            out += [(outer[0], *inner), *((piece,) for piece in outer[1:])]
    return tuple(out)


@lru_cache(maxsize=1)
def country_outlines() -> tuple[CountryOutline, ...]:
    """Every country of the vendored outline file, in the file's order.

    Returns
    -------
    tuple of CountryOutline
        177 countries (world-atlas 2.0.2), each with its ISO3 code, name and polygons.

    Examples
    --------
    >>> rus = next(c for c in country_outlines() if c.iso3 == "RUS")
    >>> bool(all(-180 <= ring[:, 0].min() and ring[:, 0].max() <= 180
    ...          for polygon in rus.polygons for ring in polygon))
    True
    """
    topology = json.loads(read_vendored(WORLD_ATLAS.name))
    arcs = _decode_arcs(topology)
    iso3 = _numeric_to_iso3()
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = str(geometry["properties"]["name"])
        code = iso3.get(int(geometry["id"]), "") if "id" in geometry else _UNNUMBERED[name]
        parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        out.append(CountryOutline(iso3=code, name=name, polygons=_polygons(parts, arcs)))
    return tuple(out)
