"""graph.exchange.combine: actors matched by id, ISO3 or alias; unique edge ids; vocabularies."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.exchange.combine import merge, merge_with_report
from graph.exchange.importers import import_gdelt
from graph.model.vocabulary import vocabulary_toml

EVENTS = Path(__file__).parent / "data" / "events"
runner = CliRunner()

A_NODES = """\
id,label,type,country,aliases,iso3,description
iran,Iran,state,,Islamic Republic of Iran,IRN,Hand-made
tajikistan,Tajikistan,state,,,TJK,
hassan_rouhani,Hassan Rouhani,person,iran,Rouhani,,President
rahmon,Emomali Rahmon,person,tajikistan,Rahmon,,President of Tajikistan
"""
A_EDGES = """\
id,source,target,type,date
e1,hassan_rouhani,tajikistan,visit,2019-06
e2,iran,tajikistan,agreement,2019
"""


@pytest.fixture
def a(make_dataset: Callable[..., Path]) -> graph.Dataset:
    return graph.load(make_dataset(A_NODES, A_EDGES, name="hand"))


def test_match_by_id_iso3_and_alias(a: graph.Dataset, make_dataset: Callable[..., Path]) -> None:
    b = graph.load(
        make_dataset(
            """\
            id,label,type,country,aliases,iso3
            tajikistan,Tajikistan,state,,Republic of Tajikistan,TJK
            IR,Persia,state,,,IRN
            h_rouhani,Hasan Rouhani,person,IR,Hassan Rouhani,
            rouhani_city,Rouhani,group,,,
            kabiri,Muhiddin Kabiri,person,tajikistan,,
            """,
            """\
            id,source,target,type,date,weight,sign
            e1,h_rouhani,tajikistan,talks,2019-07,2.5,-1
            e9,kabiri,IR,visit,2015-12,,
            e3,rouhani_city,IR,protest,2016,,
            """,
            name="imported",
        )
    )
    merged, report = merge_with_report(a, b)
    assert report.matched == {
        "tajikistan": "tajikistan",
        "IR": "iran",
        "h_rouhani": "hassan_rouhani",
    }
    assert report.matched_by == {"alias": 1, "id": 1, "iso3": 1}
    assert report.added_nodes == 2  # a group called Rouhani is not the person
    nodes = merged.nodes.set_index("id")
    assert nodes.loc["iran", "description"] == "Hand-made"
    assert nodes.loc["iran", "aliases"].split(";") == ["Islamic Republic of Iran", "Persia"]
    assert "Republic of Tajikistan" in nodes.loc["tajikistan", "aliases"]
    assert nodes.loc["kabiri", "country"] == "tajikistan"
    edges = merged.edges.set_index("id")
    assert edges.loc["imported-e1", ["source", "target", "weight", "sign"]].tolist() == [
        "hassan_rouhani",
        "tajikistan",
        2.5,
        -1,
    ]
    assert edges.loc["e9", ["source", "target"]].tolist() == ["kabiri", "iran"]
    assert report.renamed_edges == {"e1": "imported-e1"}
    assert merged.edges["id"].is_unique and merged.report.valid
    assert merged.notes[-1].startswith("merged 'imported' into 'hand'")


def test_ambiguous_alias_is_not_used(make_dataset: Callable[..., Path]) -> None:
    a = graph.load(
        make_dataset(
            "id,label,type,aliases\nx1,Ministry,institution,Foreign Ministry\n"
            "x2,Office,institution,Foreign Ministry\ny,Y,state,\n",
            "source,target,type\nx1,y,talks\nx2,y,talks\n",
            name="a",
        )
    )
    b = graph.load(
        make_dataset(
            "id,label,type\nfm,Foreign Ministry,institution\ny,Y,state\n",
            "source,target,type\nfm,y,talks\n",
            name="b",
        )
    )
    merged, report = merge_with_report(a, b)
    assert "fm" not in report.matched and "fm" in set(merged.nodes["id"])


def test_vocabularies_are_merged_and_conflicts_reported(
    a: graph.Dataset, make_dataset: Callable[..., Path]
) -> None:
    toml = (
        '[edge_types.statement]\ndirected = true\nsign = 0\nfamily = "verbal"\n'
        "[edge_types.visit]\ndirected = false\n"
    )
    b = graph.load(
        make_dataset(
            "id,label,type\ntajikistan,Tajikistan,state\niran,Iran,state\n",
            "id,source,target,type\ns1,iran,tajikistan,statement\nv1,iran,tajikistan,visit\n",
            name="b",
            extra={"vocabulary.toml": toml},
        )
    )
    merged, report = merge_with_report(a, b)
    assert "statement" in merged.vocabulary.edge_types
    assert merged.vocabulary.edge_types["visit"].directed is True  # a's definition wins
    assert report.vocabulary_conflicts == ["relation type 'visit'"]
    text = vocabulary_toml(merged.vocabulary)
    assert "[edge_types.statement]" in text and "[edge_types.visit]" not in text


def test_merge_an_import_with_the_bundled_dataset(bundled: graph.Dataset, tmp_path: Path) -> None:
    imported = import_gdelt(EVENTS / "gdelt2_sample.export.CSV", tmp_path / "gdelt")
    merged = merge(bundled, tmp_path / "gdelt")
    ids = set(merged.nodes["id"])
    assert {"iran", "tajikistan", "russia", "china", "cis"} <= ids
    assert len(merged.nodes) == len(bundled.nodes) + imported.summary.nodes - 5
    assert len(merged.edges) == len(bundled.edges) + imported.summary.edges
    cis = merged.nodes.set_index("id").loc["cis"]
    assert cis["label"] == "Commonwealth of Independent States" and cis["type"] == "organization"


def test_cli_merge_writes_a_valid_folder(tmp_path: Path) -> None:
    import_gdelt(EVENTS / "gdelt2_sample.export.CSV", tmp_path / "gdelt")
    out = tmp_path / "both"
    bundled = graph.default_dataset_path()
    result = runner.invoke(app, ["merge", str(bundled), str(tmp_path / "gdelt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "actors matched: 5 (5 by id)" in result.stdout
    assert graph.validate(out).valid
    assert "[edge_types.pledge]" in (out / "vocabulary.toml").read_text()
    again = runner.invoke(app, ["merge", str(bundled), str(tmp_path / "gdelt"), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr  # never overwrites silently
    as_json = runner.invoke(
        app, ["merge", str(bundled), str(tmp_path / "gdelt"), "-o", str(out), "--json", "--force"]
    )
    library = merge_with_report(bundled, tmp_path / "gdelt")[1]
    assert json.loads(as_json.stdout) == json.loads(json.dumps(library.to_dict()))
    missing = runner.invoke(
        app, ["merge", str(bundled), str(tmp_path / "nope"), "-o", str(tmp_path / "new")]
    )
    assert missing.exit_code == 2
