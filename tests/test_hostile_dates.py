"""Hostile inputs to the readers (issue 11, point 7): dates outside pandas' nanosecond range
keep their years in every output, time window and import bound (the corpus case
``tests/data/hostile/far-dates``; the other points: test_hostile_inputs.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.exchange.importers.options import ImportOptions

HOSTILE = Path(__file__).parent / "data" / "hostile"
runner = CliRunner()


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def stats_summary(*args: object) -> Any:
    """The summary part of ``graph stats --format json``."""
    result = invoke("stats", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return data.get("summary", data)


# Point 7: dates outside pandas' nanosecond range (far-dates)

FAR = HOSTILE / "far-dates"


def test_far_dates_keep_their_years() -> None:
    edges = graph.load(FAR).edges.set_index("id")
    days = {
        key: (edges.loc[key, "date_start"].date().isoformat(), edges.loc[key, "date_end"].date())
        for key in edges.index
    }
    assert days["old"][0] == "0800-01-01" and str(days["old"][1]) == "0800-12-31"
    assert days["treaty"][0] == "1479-01-25"
    assert days["war"][0] == "1499-01-01" and str(days["war"][1]) == "1503-12-31"
    assert days["edge_day"][0] == "2262-04-12"  # one day past the nanosecond range
    assert days["far"][0] == "2300-01-01" and str(days["far"][1]) == "9999-12-31"
    assert edges["date_start"].dtype == "datetime64[us]"


@pytest.mark.parametrize(
    ("start", "end", "kept"),
    [
        ("2262", None, ["edge_day", "far"]),
        ("1400", "1500", ["treaty", "war"]),
        (None, "1000", ["old"]),
        ("9999", "9999", ["far"]),
        ("2000", "2262-04-11", ["recent"]),
        ("1504", "2018", []),
    ],
)
def test_far_dates_time_windows(start: str | None, end: str | None, kept: list[str]) -> None:
    ds = graph.load(FAR)
    assert sorted(ds.filter(start=start, end=end).edges["id"]) == kept
    flags = [*(["--from", start] if start else []), *(["--to", end] if end else [])]
    assert stats_summary(FAR, *flags)["edges"] == len(kept)


def test_far_dates_as_of() -> None:
    ds = graph.load(FAR)
    # the war ended in 1503; the 2262-04-12 visit and the 2300 agreement had not begun
    assert sorted(ds.filter(as_of="2262-04-11").edges["id"]) == ["old", "recent", "treaty"]


def test_far_dates_reach_every_output(tmp_path: Path) -> None:
    assert invoke("export", FAR, "--format", "gexf", "-o", tmp_path / "g.gexf").exit_code == 0
    G = nx.read_gexf(tmp_path / "g.gexf")
    spans = {key: (d["start"], d["end"]) for _, _, key, d in G.edges(keys=True, data=True)}
    assert spans["old"] == ("0800-01-01", "0800-12-31")
    assert spans["far"] == ("2300-01-01", "9999-12-31")
    assert spans["edge_day"] == ("2262-04-12", "2262-04-12")
    assert invoke("export", FAR, "--format", "json", "-o", tmp_path / "g.json").exit_code == 0
    links = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))["links"]
    assert {link["date_start"] for link in links} >= {"0800-01-01", "2300-01-01"}
    assert invoke("html", FAR, "-o", tmp_path / "page.html").exit_code == 0
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    data = json.loads(page.split('id="graph-data">')[1].split("</script>")[0])
    day = {
        edge_id: t1
        for edge_id, t1 in zip(data["relations"]["id"], data["relations"]["t1"], strict=True)
    }
    epoch = pd.Timestamp("1970-01-01")
    assert day["far"] == (pd.Timestamp("9999-12-31") - epoch).days
    assert day["old"] == (pd.Timestamp("0800-12-31") - epoch).days
    result = invoke("report", FAR, "--format", "markdown", "-o", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r.md").read_text(encoding="utf-8").replace("\\", "")
    assert "0800-01-01 to 9999-12-31" in text
    summary = stats_summary(FAR)
    assert (summary["dates"]["first"], summary["dates"]["last"]) == ("0800-01-01", "9999-12-31")


def test_import_bounds_of_far_years() -> None:
    options = ImportOptions(start="0800", end="9999").checked()
    assert options.bounds() == ("0800-01-01", "9999-12-31")
