"""graph.render.geo: the world outline, the projection, the point inside each country and where
the map layout puts each node."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import graph
from graph.render import geo

CONCAVE = ["CHL", "NOR", "IDN", "HRV", "VNM", "MYS", "ITA", "GRC", "PHL", "JPN", "CAN", "RUS"]


@pytest.fixture(scope="module")
def bundled() -> tuple[pd.DataFrame, dict[str, np.ndarray], dict[str, str]]:
    """The bundled node table and, per node id, its map position and how it was placed."""
    nodes = graph.load().nodes
    xy, placed = geo.map_positions(nodes)
    ids = nodes["id"].tolist()
    return nodes, dict(zip(ids, xy, strict=True)), dict(zip(ids, placed.tolist(), strict=True))


def nodes_table(rows: list[tuple[str, str, str, object, object]]) -> pd.DataFrame:
    """A node table from ``(id, type, label, iso3, country)`` rows (object columns: pandas'
    arrow strings cannot hold the lone surrogate of the hostile test)."""
    return pd.DataFrame(rows, columns=["id", "type", "label", "iso3", "country"], dtype=object)


def cross(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """The z component of the cross product of 2-D vectors."""
    return p[..., 0] * q[..., 1] - p[..., 1] * q[..., 0]


def ray_cast(x: float, y: float, rings: list[list[float]]) -> bool:
    """Even-odd point in polygon over flat ``[x0, y0, x1, y1, …]`` rings (plain Python)."""
    odd = False
    for flat in rings:
        points = list(zip(flat[::2], flat[1::2], strict=True))
        for (ax, ay), (bx, by) in zip(points, points[1:] + points[:1], strict=True):
            if (ay > y) != (by > y) and x < ax + (bx - ax) * (y - ay) / (by - ay):
                odd = not odd
    return odd


# --- where the bundled dataset's actors go -------------------------------------------------


def test_states_sit_where_they_are_on_the_map(bundled) -> None:
    _, xy, placed = bundled
    states = ["iran", "tajikistan", "afghanistan", "kyrgyzstan", "russia", "china"]
    assert all(placed[s] == "state" for s in states)
    iran, tjk, afg, kgz, rus, chn = (xy[s] for s in states)
    assert tjk[0] > iran[0]  # Tajikistan east of Iran
    assert rus[1] < min(iran[1], tjk[1])  # Russia north of both (y points down)
    assert chn[0] > tjk[0]  # China east of Tajikistan
    # States sit at their capitals: Kabul is south-east of Tehran and south of Dushanbe
    assert afg[0] > iran[0] and afg[1] > iran[1] and afg[1] > tjk[1]
    assert np.hypot(*(tjk - kgz)) >= 30  # neighbours stay apart


def test_actors_of_a_state_circle_it(bundled) -> None:
    nodes, xy, placed = bundled
    for row in nodes.itertuples():
        if row.country in ("iran", "tajikistan"):
            assert placed[row.id] == "near"
            distance = np.hypot(*(xy[row.id] - xy[row.country]))
            assert 60 - 1e-9 <= distance <= 120, (row.id, distance)


def test_organizations_and_the_soviet_union_line_up_right_of_every_state(bundled) -> None:
    nodes, xy, placed = bundled
    band = ["cis", "sco", "eaeu", "unsc", "soviet_union", "extremist_groups", "drug_traffickers"]
    assert [placed[i] for i in band] == ["band"] * len(band)
    on_map = [xy[i] for i in placed if placed[i] != "band"]
    rightmost = max(p[0] for p in on_map)
    assert all(xy[i][0] >= rightmost + 100 for i in band)
    # One tidy grid, ordered by type then label: groups, organizations, states.
    by_id = nodes.set_index("id")
    order = sorted(band, key=lambda i: (by_id.at[i, "type"], by_id.at[i, "label"]))
    grid = np.array([xy[i] for i in order])
    column = np.round((grid[:, 0] - grid[0, 0]) / 120.0)  # columns 120 px apart, filled first
    row = np.round((grid[:, 1] - grid[0, 1]) / 70.0)  # rows 70 px apart
    assert np.allclose(grid[:, 0] - grid[0, 0], column * 120.0)
    assert np.allclose(grid[:, 1] - grid[0, 1], row * 70.0)
    assert list(zip(column, row, strict=True)) == sorted(zip(column, row, strict=True))
    assert order[0] == "drug_traffickers" and order[-1] == "soviet_union"


def test_same_input_same_positions_whatever_the_row_order() -> None:
    nodes = graph.load().nodes
    xy, placed = geo.map_positions(nodes)
    again, placed_again = geo.map_positions(nodes.copy())
    assert np.array_equal(xy, again) and np.array_equal(placed, placed_again)
    shuffled = nodes.sample(frac=1.0, random_state=3)
    xy_s, _ = geo.map_positions(shuffled)
    where = dict(zip(nodes["id"], map(tuple, xy), strict=True))
    assert dict(zip(shuffled["id"], map(tuple, xy_s), strict=True)) == where
    other, _ = geo.map_positions(nodes, seed=8)  # the seed turns the rings, nothing else
    moved = ~np.isclose(other, xy).all(axis=1)
    assert set(placed[moved]) == {"near"}


# --- map_positions rules on small tables --------------------------------------------------


def test_ring_radius_spacing_and_order() -> None:
    rows = [("ir", "state", "Iran", "IRN", "")]
    rows += [(f"p{k}", "person", f"P{k}", "", "ir") for k in (3, 1, 2)]
    rows += [("army", "institution", "Army", "", "ir")]
    xy, placed = geo.map_positions(nodes_table(rows))
    assert placed.tolist() == ["state", "near", "near", "near", "near"]
    offsets = xy[1:] - xy[0]
    radius = np.hypot(offsets[:, 0], offsets[:, 1])
    assert np.allclose(radius, radius[0]) and 60 - 1e-9 <= radius[0] <= 100
    # Evenly spaced, in the order institution, then persons by id: army, p1, p2, p3.
    angle = np.arctan2(offsets[:, 1], offsets[:, 0])
    ordered = angle[[3, 1, 2, 0]]
    assert np.allclose(np.diff(np.unwrap(ordered)), np.pi / 2)


def test_many_satellites_take_more_rings_and_keep_apart() -> None:
    rows = [("ir", "state", "Iran", "IRN", "")]
    rows += [(f"p{k:03}", "person", "x", "", "ir") for k in range(120)]
    xy, placed = geo.map_positions(nodes_table(rows))
    assert (placed[1:] == "near").all()
    radius = np.hypot(*(xy[1:] - xy[0]).T)
    assert radius.min() >= 90 - 1e-9 and len(np.unique(radius.round(6))) > 1
    gaps = np.hypot(*(xy[1:, None, :] - xy[None, 1:, :]).transpose(2, 0, 1))
    assert gaps[~np.eye(120, dtype=bool)].min() > 15


def test_lowercase_duplicate_unknown_and_former_codes() -> None:
    rows = [
        ("tehran_gov", "institution", "Tehran", "IRN", ""),  # same code, not the state
        ("iran", "state", "Iran", "irn", ""),  # lowercase; a state comes first
        ("persia", "state", "Persia", " IRN ", ""),  # a second state with that code
        ("ussr", "state", "Soviet Union", "SUN", ""),  # no outline
        ("atlantis", "state", "Atlantis", "ZZZ", ""),  # unknown code
        ("envoy", "person", "Envoy", np.nan, "iran"),
        ("exile", "person", "Exile", "", "ussr"),  # its state is in the band: so is it
    ]
    xy, placed = geo.map_positions(nodes_table(rows))
    assert placed.tolist() == ["near", "state", "near", "band", "band", "near", "band"]
    point = geo.representative_points().loc["IRN", ["x", "y"]].to_numpy(dtype=float)
    assert np.array_equal(xy[1], point)
    assert np.allclose(np.hypot(*(xy[[0, 2, 5]] - point).T), np.hypot(*(xy[0] - point)))
    assert (xy[[3, 4, 6], 0] > xy[:3, 0].max() + 100).all()


def test_no_placeable_state_puts_everything_in_a_finite_band() -> None:
    rows = [(f"o{k}", "organization", f"Org {k}", "", "") for k in range(10)]
    rows += [("su", "state", "Soviet Union", "SUN", ""), ("p", "person", "P", None, "su")]
    xy, placed = geo.map_positions(nodes_table(rows))
    assert set(placed.tolist()) == {"band"} and np.isfinite(xy).all()
    assert len(np.unique(xy, axis=0)) == len(rows)
    assert set(np.diff(np.unique(xy[:, 0]))) == {120.0}
    assert set(np.diff(np.unique(xy[:, 1]))) == {70.0}


def test_empty_table_and_missing_columns() -> None:
    xy, placed = geo.map_positions(nodes_table([]))
    assert xy.shape == (0, 2) and placed.shape == (0,)
    xy, placed = geo.map_positions(pd.DataFrame({"id": ["a", "b"], "iso3": ["FRA", None]}))
    assert placed.tolist() == ["state", "band"] and np.isfinite(xy).all()


HOSTILE = [
    "<script>alert(1)</script>",
    "\"'`;--",
    "=cmd|' /C calc'!A0",
    "__proto__",
    "constructor",
    "\u202eevil\u202c",
    "line\nbreak\r\ttab",
    "\x00\x1b[31m",
    "\ud800 lone surrogate",
    "💣" * 50,
    "x" * 10_000,
    "",
    " ",
]


def test_hostile_strings_change_nothing_but_names() -> None:
    rows = [("iran", "state", "Iran", "IRN", ""), ("tj", "state", "Tajikistan", "TJK", "")]
    rows += [(f"h{k}", "person", text, "", "iran") for k, text in enumerate(HOSTILE)]
    rows += [(text or "blank", "organization", text, text, text) for text in HOSTILE]
    rows += [(HOSTILE[0], "person", "P", "", HOSTILE[0])]  # names itself as its state
    rows += [("num", 42, 3.5, 7, 1)]  # not text at all
    table = nodes_table(rows)
    xy, placed = geo.map_positions(table)
    assert xy.shape == (len(rows), 2) and np.isfinite(xy).all()
    assert placed[:2].tolist() == ["state", "state"]
    assert placed[2 : 2 + len(HOSTILE)].tolist() == ["near"] * len(HOSTILE)
    assert set(placed[2 + len(HOSTILE) :].tolist()) == {"band"}
    again, _ = geo.map_positions(table)
    assert np.array_equal(xy, again)


# --- the outline, the projection and the points inside countries -------------------------


def test_outline_shape_size_and_codes() -> None:
    outline = geo.world_outline()
    text = json.dumps(outline, separators=(",", ":"), ensure_ascii=False)
    assert len(text.encode()) <= 200_000
    assert outline["width"] == geo.MAP_WIDTH and 4200 < outline["height"] < 4500
    countries = outline["countries"]
    codes = [c["iso3"] for c in countries]
    assert len(countries) == 177 and codes[:-2] == sorted(codes[:-2])
    assert sorted(c["name"] for c in countries if not c["iso3"]) == ["N. Cyprus", "Somaliland"]
    assert next(c["name"] for c in countries if c["iso3"] == "XKX") == "Kosovo"
    half_w, half_h = outline["width"] / 2, outline["height"] / 2
    for country in countries:
        assert country["rings"] and all(len(r) >= 6 and len(r) % 2 == 0 for r in country["rings"])
        every = np.concatenate([np.reshape(r, (-1, 2)) for r in country["rings"]])
        assert np.array_equal(np.round(every, 1), every)
        assert country["box"] == [*every.min(axis=0).tolist(), *every.max(axis=0).tolist()]
        assert (np.abs(every[:, 0]) <= half_w + 0.1).all()
        assert (np.abs(every[:, 1]) <= half_h + 0.1).all()
    # Fiji and Chukotka are cut at the antimeridian instead of drawn across the world.
    steps = [
        np.abs(np.diff(np.reshape(r, (-1, 2))[:, 0])).max()
        for c in countries
        if c["iso3"] in ("FJI", "RUS")
        for r in c["rings"]
    ]
    assert max(steps) < 600


def test_outline_is_a_fresh_copy_each_call() -> None:
    first = geo.world_outline()
    first["countries"][0]["rings"][0][0] = 1e9
    first["countries"].clear()
    second = geo.world_outline()
    assert len(second["countries"]) == 177 and second["countries"][0]["rings"][0][0] != 1e9


def test_every_representative_point_is_inside_its_country() -> None:
    points = geo.representative_points()
    rings = {c["iso3"]: c["rings"] for c in geo.world_outline()["countries"] if c["iso3"]}
    assert sorted(points.index) == sorted(rings) and points.index.is_unique
    assert set(CONCAVE) <= set(points.index)
    outside = [iso for iso, p in points.iterrows() if not ray_cast(p["x"], p["y"], rings[iso])]
    assert outside == []
    back = geo.project(points["lon"].to_numpy(), points["lat"].to_numpy())
    assert np.allclose(back, points[["x", "y"]].to_numpy(), atol=1e-6)


def test_the_centroid_would_miss_where_the_point_does_not() -> None:
    # The area centroid of the mainland of Croatia, Norway and Vietnam is outside it.
    countries = {c["iso3"]: c for c in geo.world_outline()["countries"]}
    points = geo.representative_points()
    for iso in ("HRV", "NOR", "VNM"):
        ring = max(
            (np.reshape(r, (-1, 2)) for r in countries[iso]["rings"]),
            key=lambda r: abs(cross(r, np.roll(r, -1, axis=0)).sum()),
        )
        after = np.roll(ring, -1, axis=0)
        step = cross(ring, after)
        cx, cy = ((ring + after) * step[:, None]).sum(axis=0) / (3 * step.sum())
        assert not ray_cast(cx, cy, countries[iso]["rings"]), iso
        assert ray_cast(points.at[iso, "x"], points.at[iso, "y"], countries[iso]["rings"])


def test_projection_is_monotonic_centred_and_equal_area() -> None:
    lon, lat = np.meshgrid(np.linspace(-180, 180, 73), np.linspace(-90, 90, 37))
    xy = geo.project(lon.ravel(), lat.ravel()).reshape(37, 73, 2)
    assert (np.diff(xy[..., 0], axis=1) > 0).all()  # east is right, on every parallel
    assert (np.diff(xy[..., 1], axis=0) < 0).all()  # north is up, on every meridian
    assert np.allclose(xy[18, [0, -1], 0], [-geo.MAP_WIDTH / 2, geo.MAP_WIDTH / 2])
    assert np.allclose(xy[[0, -1], 36, 1], [2190.2, -2190.2], atol=0.2)
    # Equal area: a 5° × 5° cell's projected area is proportional to its area on the sphere.
    a, b, c, d = xy[:-1, :-1], xy[:-1, 1:], xy[1:, 1:], xy[1:, :-1]
    cells = np.abs(cross(a, b) + cross(b, c) + cross(c, d) + cross(d, a)) / 2
    sphere = np.diff(np.sin(np.radians(lat[:, 0])))[:, None] * np.ones((1, 72))
    ratio = cells / sphere
    assert np.allclose(ratio, ratio.mean(), rtol=0.01)


def test_projected_places_keep_their_order() -> None:
    capitals = {"Tehran": (51.39, 35.69), "Dushanbe": (68.79, 38.56), "Moscow": (37.62, 55.76)}
    xy = geo.project(*np.array(list(capitals.values())).T)
    tehran, dushanbe, moscow = xy
    assert dushanbe[0] > tehran[0] > moscow[0] and moscow[1] < dushanbe[1] < tehran[1]
    assert geo.project(np.array(10.0), np.array(20.0)).shape == (1, 2)
