"""Layers and affiliations: which relations each measure counts (``graph.analyze.layers``)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

import graph
from graph.analyze.layers import DEFAULT_LAYERS, measure_layers
from graph.cli import app
from graph.errors import UsageError

runner = CliRunner()


def states(rows: list[tuple[str, str, str]], extra: tuple[str, ...] = ()) -> graph.Dataset:
    """States joined by one relation per row (source, target, type)."""
    ids = sorted({r[0] for r in rows} | {r[1] for r in rows} | set(extra))
    nodes = pd.DataFrame({"id": ids, "label": [i.upper() for i in ids], "type": "state"})
    edges = pd.DataFrame(rows, columns=["source", "target", "type"])
    return graph.from_frames(nodes, edges)


def test_an_actor_with_only_conflict_ties_ranks_like_an_isolate_on_the_cooperative_layer() -> None:
    ds = states(
        [
            ("a", "b", "cooperation"),
            ("b", "c", "cooperation"),
            ("c", "a", "trade"),
            ("war", "a", "conflict"),
            ("war", "b", "sanction"),
            ("war", "c", "threat"),
        ],
        extra=("hermit",),
    )
    table = graph.node_measures(ds).set_index("id")
    assert table.loc["war", "pagerank"] == pytest.approx(table.loc["hermit", "pagerank"])
    assert table.loc["war", "betweenness"] == 0.0
    assert table.loc["war", "eigenvector"] == 0.0
    # the degree still counts its three conflicts, and the signed columns name them
    assert table.loc["war", "degree"] == 3
    assert table.loc["war", ["positive_degree", "negative_degree"]].tolist() == [0, 3]
    # on the mixed graph (the old behaviour) the warmonger is a hub
    mixed = graph.node_measures(ds, layer="all").set_index("id")
    assert mixed.loc["war", "pagerank"] > 3 * mixed.loc["hermit", "pagerank"]
    conflict = graph.node_measures(ds, layer="conflictual").set_index("id")
    assert conflict["pagerank"].idxmax() == "war"


def test_default_layers_are_recorded_per_measure() -> None:
    table = graph.node_measures(graph.load())
    layers = table.attrs["layers"]
    assert {m: layers[m] for m in DEFAULT_LAYERS} == DEFAULT_LAYERS
    assert layers["pn"] == "signed"
    assert (table.attrs["affiliations"], table.attrs["pair_sign"]) == ("drop", "sum")
    assert set(measure_layers("conflictual").values()) == {"conflictual"}


def test_memberships_and_offices_leave_centrality_unless_asked() -> None:
    ds = graph.load()
    tajik = {
        rule: graph.node_measures(ds, layer="all", affiliations=rule)
        .set_index("id")
        .loc["tajikistan", "betweenness"]
        for rule in ("drop", "keep", "project")
    }
    # with its memberships of the Soviet Union, CIS and SCO and its offices, Tajikistan brokers 0.78
    assert tajik["keep"] == pytest.approx(0.776984, abs=1e-6)
    assert tajik["drop"] == pytest.approx(0.369048, abs=1e-6)
    assert tajik["drop"] < tajik["project"] < tajik["keep"]
    kept = graph.node_measures(ds, affiliations="keep").set_index("id")
    dropped = graph.node_measures(ds).set_index("id")
    assert kept.loc["sco", "degree"] == 1 and dropped.loc["sco", "degree"] == 0


def test_projection_ties_members_of_one_organization() -> None:
    nodes = pd.DataFrame(
        {
            "id": ["a", "b", "c", "org", "club"],
            "label": list("ABCOK"),
            "type": ["state"] * 3 + ["organization"] * 2,
        }
    )
    edges = pd.DataFrame(
        {
            "source": ["a", "b", "c", "a", "b"],
            "target": ["org", "org", "org", "club", "club"],
            "type": "membership",
        }
    )
    ds = graph.from_frames(nodes, edges)
    ties = graph.layer_dataset(ds, "cooperative", "project").edges
    pairs = ties[["source", "target", "weight"]].values.tolist()
    assert pairs == [["a", "b", 2.0], ["a", "c", 1.0], ["b", "c", 1.0]]
    table = graph.node_measures(ds, affiliations="project").set_index("id")
    assert table.loc["org", "degree"] == 0
    assert table.loc["a", "weighted_degree"] == 3.0


def test_unknown_layer_or_affiliation_rule_is_a_usage_error() -> None:
    ds = graph.load()
    with pytest.raises(UsageError, match="layer"):
        graph.node_measures(ds, layer="friends")
    with pytest.raises(UsageError, match="affiliations"):
        graph.layer_dataset(ds, "all", "ignore")


def test_a_dataset_vocabulary_marks_its_own_affiliations_and_type_weights(tmp_path) -> None:
    (tmp_path / "nodes.csv").write_text("id,label,type\na,A,state\nb,B,state\nc,C,state\n")
    (tmp_path / "edges.csv").write_text(
        "source,target,type,weight\na,b,pact,\na,c,entente,\nb,c,pact,2\nc,a,sponsor,\n"
    )
    (tmp_path / "vocabulary.toml").write_text(
        "[edge_types.pact]\ndirected = false\nsign = 1\nweight = 3\n"
        "[edge_types.entente]\ndirected = false\nsign = 1\n"
        "[edge_types.sponsor]\nsign = 0\ninteraction = false\nweight = 0.5\n"
    )
    ds = graph.load(tmp_path)
    weights = ds.edges.set_index("type")["weight"]
    # an empty cell takes its type's weight; a given one is kept
    assert sorted(weights["pact"].tolist()) == [2.0, 3.0]
    assert weights["entente"] == 1.0 and weights["sponsor"] == 0.5
    assert graph.analyze.layers.affiliation_types(ds.vocabulary) == [
        "membership",
        "office",
        "leadership",
        "sponsor",
    ]
    table = graph.node_measures(ds).set_index("id")
    assert table.loc["a", "weighted_degree"] == 4.0  # the sponsor tie is left out


def test_a_negative_type_weight_in_the_vocabulary_is_refused(tmp_path) -> None:
    (tmp_path / "nodes.csv").write_text("id,label,type\na,A,state\nb,B,state\n")
    (tmp_path / "edges.csv").write_text("source,target,type\na,b,pact\n")
    (tmp_path / "vocabulary.toml").write_text("[edge_types.pact]\nweight = -3\n")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "weight must be a number from 0 to 1e12" in result.output


def test_stats_cli_takes_the_layer_and_says_it() -> None:
    default = runner.invoke(app, ["stats", "--format", "json"])
    assert default.exit_code == 0, default.output
    data = json.loads(default.stdout)
    assert data["measures"]["layers"]["pagerank"] == "cooperative"
    assert data["measures"]["pair_sign"] == "sum"
    first = data["node_measures"][0]
    assert {"positive_degree", "negative_degree", "net_degree", "negative_share", "pn"} <= set(
        first
    )
    every = json.loads(runner.invoke(app, ["stats", "--format", "json", "--layer", "all"]).stdout)
    assert every["measures"]["layers"]["pagerank"] == "all"
    pr = {r["id"]: r["pagerank"] for r in every["node_measures"]}
    pr_default = {r["id"]: r["pagerank"] for r in data["node_measures"]}
    # Russia has no cooperative relation (pressure, dependence, balancing); the all layer has them
    assert pr["russia"] > 2 * pr_default["russia"]
    text = runner.invoke(app, ["stats", "--top", "3"], env={"COLUMNS": "100"})
    assert "PageRank the cooperative layer" in " ".join(text.output.split())
    assert "pair-sign rule sum" in " ".join(text.output.split())
    bad = runner.invoke(app, ["stats", "--layer", "friends"])
    assert bad.exit_code == 2
    assert "--layer" in bad.output


def test_report_first_screen_names_layer_and_pair_sign(tmp_path) -> None:
    target = tmp_path / "r.html"
    result = runner.invoke(
        app, ["report", "-o", str(target), "--pair-sign", "any-negative", "--no-interactive"]
    )
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    lede = page[page.index('id="layers"') : page.index('id="findings"')]
    assert "cooperative layer" in lede and "pair-sign rule any-negative" in lede
    assert page.index('id="layers"') < page.index('id="findings"')
    md = tmp_path / "r.md"
    runner.invoke(app, ["report", "-f", "markdown", "-o", str(md), "--layer", "all"])
    head = md.read_text(encoding="utf-8").split("## Key findings")[0]
    assert "Unsigned measures count all relations" in head


def test_page_measures_use_the_same_layers_as_stats() -> None:
    from graph.render.measures import page_measures

    ds = graph.load()
    page = page_measures(ds)
    table = graph.node_measures(ds)
    for name in ("degree", "pagerank", "betweenness"):
        assert np.allclose(page["values"][name], table[name].to_numpy(), rtol=1e-5, atol=1e-9)
    described = {m["name"]: m["description"] for m in page["measures"]}
    assert "cooperative relations only" in described["pagerank"]


def test_page_measures_take_the_layer_and_affiliations(tmp_path) -> None:
    from graph.render.measures import page_measures

    ds = graph.load()
    page = page_measures(ds, layer="all", affiliations="keep")
    table = graph.node_measures(ds, layer="all", affiliations="keep")
    for name in ("degree", "pagerank", "betweenness", "eigenvector"):
        assert np.allclose(page["values"][name], table[name].to_numpy(), rtol=1e-5, atol=1e-9)
    target = tmp_path / "page.html"
    result = runner.invoke(app, ["html", "--layer", "conflictual", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "influence flowing along relations (conflictual relations only" in target.read_text(
        encoding="utf-8"
    )
    assert runner.invoke(app, ["html", "--affiliations", "x", "-o", str(target)]).exit_code == 2
