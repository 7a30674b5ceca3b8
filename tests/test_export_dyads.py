"""Dyad-year panels (``graph.dyad_years``, ``graph export --format dyad-year``): hand-counted
answers on a small dataset, the CSV file, its round trip and the bundled dataset."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.errors import UsageError

runner = CliRunner()

NODES = """
    id,label,type
    a,A,state
    b,B,state
    c,C,state
    d,D,state
"""
# a–b: a three-year support and an undated visit; a–c: a month-long dispute in 2015 and a
# conflict in 2017; a–d: two cooperations and a dispute in 2016; b–d: an agreement in 2016
# (a triangle of friends a, b, d in 2016); b–c: a sanction in 2017 (c an enemy of a and b).
EDGES = """
    source,target,type,date,end_date
    a,b,support,2015,2017
    b,a,visit,,
    c,a,dispute,2015-03,2015-04
    a,d,cooperation,2016-02,
    d,a,cooperation,2016,
    a,d,dispute,2016-11-05,
    d,b,agreement,2016,
    a,c,conflict,2017,
    b,c,sanction,2017-06,
"""


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"source": object, "target": object}, keep_default_na=False)
    frame["previous_sign"] = pd.array(
        [pd.NA if v == "" else int(v) for v in frame["previous_sign"]], dtype="Int64"
    )
    return frame


@pytest.fixture
def small(make_dataset: Callable[..., Path]) -> Path:
    return make_dataset(NODES, EDGES, name="small")


@pytest.fixture
def panel(small: Path) -> pd.DataFrame:
    return graph.dyad_years(graph.load(small)).set_index(["source", "target", "year"])


def test_each_pair_has_a_row_per_year_in_force(panel: pd.DataFrame) -> None:
    assert panel.index.tolist() == [
        ("a", "b", 2015),
        ("a", "b", 2016),
        ("a", "b", 2017),
        ("a", "c", 2015),
        ("a", "c", 2017),
        ("a", "d", 2016),
        ("b", "c", 2017),
        ("b", "d", 2016),
    ]
    assert panel.loc[("a", "b"), "type_support"].tolist() == [1, 1, 1]
    assert panel.loc[("a", "c", 2015), "type_dispute"] == 1  # a month-long dispute: one row


def test_counts_by_sign_net_and_sign(panel: pd.DataFrame) -> None:
    row = panel.loc[("a", "d", 2016)]
    assert (row["relations"], row["cooperative"], row["conflictual"], row["neutral"]) == (
        3,
        2,
        1,
        0,
    )
    assert (row["net"], row["sign"]) == (1.0, 1)
    assert (row["type_cooperation"], row["type_dispute"]) == (2, 1)


def test_columns_and_types_present() -> None:
    ds = graph.load()
    panel = graph.dyad_years(ds)
    assert list(panel.columns[:8]) == [
        "source",
        "target",
        "year",
        "relations",
        "cooperative",
        "conflictual",
        "neutral",
        "net",
    ]
    assert list(panel.columns[-4:]) == ["sign", "shared_allies", "shared_enemies", "previous_sign"]
    types = sorted(ds.edges.loc[ds.edges["date_start"].notna(), "type"].unique())
    assert [c for c in panel.columns if c.startswith("type_")] == [f"type_{t}" for t in types]


def test_previous_sign(panel: pd.DataFrame) -> None:
    assert panel.loc[("a", "b"), "previous_sign"].tolist() == [pd.NA, 1, 1]
    assert panel.loc[("a", "c"), "previous_sign"].isna().all()  # 2016 has no a–c relation
    assert panel["previous_sign"].dtype == "Int64"


def test_shared_allies_and_enemies(panel: pd.DataFrame) -> None:
    allies, enemies = panel["shared_allies"], panel["shared_enemies"]
    assert allies.loc[[("a", "b", 2016), ("a", "d", 2016), ("b", "d", 2016)]].tolist() == [1, 1, 1]
    assert (allies.loc[("a", "b", 2015)], allies.loc[("a", "b", 2017)]) == (0, 0)
    assert enemies.loc[("a", "b", 2017)] == 1  # c, conflictual with both
    assert enemies.drop(("a", "b", 2017)).eq(0).all()


def test_undated_relations_and_self_pairs_are_left_out(make_dataset: Callable[..., Path]) -> None:
    folder = make_dataset(NODES, EDGES + "    a,a,visit,2016,\n", name="loop")
    panel = graph.dyad_years(graph.load(folder))
    assert "type_visit" not in panel.columns
    assert not (panel["source"] == panel["target"]).any()
    assert panel.loc[(panel["source"] == "a") & (panel["target"] == "b"), "relations"].eq(1).all()


def test_years_are_restricted_and_previous_sign_reads_the_year_before(small: Path) -> None:
    ds = graph.load(small)
    panel = graph.dyad_years(ds, start=2016, end="2016-06")
    assert panel["year"].unique().tolist() == [2016]
    assert panel["previous_sign"].tolist()[0] == 1  # a–b in 2015
    assert "type_conflict" not in panel.columns
    with pytest.raises(UsageError, match="swap them"):
        graph.dyad_years(ds, start=2017, end=2016)
    with pytest.raises(UsageError, match="not a date"):
        graph.dyad_years(ds, start="soon")


def test_source_is_first_in_node_order(make_dataset: Callable[..., Path]) -> None:
    nodes = "id,label,type\nzed,Z,state\nabe,A,state\n"
    folder = make_dataset(nodes, "source,target,type,date\nabe,zed,visit,2020\n", name="order")
    panel = graph.dyad_years(graph.load(folder))
    assert (panel["source"].tolist(), panel["target"].tolist()) == (["zed"], ["abe"])


def test_export_writes_the_same_frame_deterministically(small: Path, tmp_path: Path) -> None:
    ds = graph.load(small)
    first, second = tmp_path / "one.csv", tmp_path / "two.csv"
    graph.export(ds, "dyad-year", first)
    graph.export(ds, "DYAD-YEAR", second)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().startswith(b"source,target,year,relations,")
    pd.testing.assert_frame_equal(_read(first), graph.dyad_years(ds))
    with pytest.raises(UsageError, match="dyad-year format only"):
        graph.export(ds, "json", tmp_path / "g.json", start=2016)


def test_cli_writes_the_file_and_from_restricts_years(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "dyads.csv"
    args = ["export", str(small), "--format", "dyad-year", "--from", "2016", "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stdout
    back = _read(out)
    assert back["year"].min() == 2016
    pd.testing.assert_frame_equal(back, graph.dyad_years(graph.load(small), start="2016"))


def test_hostile_ids_round_trip_and_excel_safe(tmp_path: Path) -> None:
    ids = ["x,1", 'say "hi"', "two\nlines", "=cmd|' /C calc'!A0", "-2+3"]
    nodes = pd.DataFrame({"id": ids, "label": ids, "type": "state"})
    edges = pd.DataFrame(
        {
            "source": ids[:-1],
            "target": ids[1:],
            "type": ["visit", "dispute", "trade", "talks"],
            "date": ["2019", "2019", "2020", "2020-05"],
        }
    )
    ds = graph.from_frames(nodes, edges)
    path = tmp_path / "hostile.csv"
    graph.export(ds, "dyad-year", path)
    pd.testing.assert_frame_equal(_read(path), graph.dyad_years(ds))
    graph.export(ds, "dyad-year", path, excel_safe=True)
    safe = _read(path)
    cells = pd.concat([safe["source"], safe["target"]])
    assert not cells.str.match(r"[=+\-@]").any()
    assert set(cells.str.removeprefix("'")) == set(ids)


def test_bundled_iran_tajikistan(bundled: graph.Dataset) -> None:
    panel = graph.dyad_years(bundled).set_index(["source", "target", "year"])
    pair = panel.loc[("iran", "tajikistan")]
    assert (pair.loc[2016, "sign"], pair.loc[2021, "sign"]) == (-1, 1)
    assert (pair.loc[2021, "relations"], pair.loc[2021, "net"]) == (13, 7.5)
    assert (pair.loc[2016, "previous_sign"], pair.loc[2015, "conflictual"]) == (-1, 2)
