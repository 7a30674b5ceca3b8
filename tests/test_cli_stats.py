"""``graph stats``: formats, --json alias, equality with the library, sorting, filters, help."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

import graph
from graph.analyze import MEASURES, stats
from graph.cli import app

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_json_equals_the_library_and_json_flag_is_an_alias() -> None:
    fmt = invoke("stats", "--format", "json")
    flag = invoke("stats", "--json")
    assert fmt.exit_code == flag.exit_code == 0
    assert fmt.stdout == flag.stdout
    assert json.loads(fmt.stdout) == json.loads(json.dumps(stats(graph.load()).to_dict()))


def test_json_contains_summary_figures_and_every_node() -> None:
    data = json.loads(invoke("stats", "--json").stdout)
    summary = graph.summarize(graph.load()).to_dict()
    assert {k: data[k] for k in summary} == json.loads(json.dumps(summary))
    assert data["graph"]["diameter"] == 5
    assert len(data["node_measures"]) == len(graph.load().nodes)
    assert data["measures"]["definitions"] == MEASURES
    assert data["measures"]["sample"] is None


def test_filters_sort_top_and_options_reach_the_library() -> None:
    result = invoke(
        "stats",
        "--json",
        "--from",
        "2019",
        "--sort",
        "betweenness",
        "--top",
        "3",
        "--directed",
        "--engine",
        "networkx",
    )
    assert result.exit_code == 0, result.output
    expected = stats(
        graph.load().filter(start="2019"),
        directed=True,
        engine="networkx",
        sort="betweenness",
        top=3,
    )
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_dict()))
    values = expected.node_measures["betweenness"].tolist()
    assert values == sorted(values, reverse=True)


def test_sample_is_stated_in_the_output() -> None:
    data = json.loads(invoke("stats", "--json", "--sample", "5", "--seed", "2").stdout)
    assert data["measures"]["sample"] == 5 and data["measures"]["seed"] == 2
    table = invoke("stats", "--sample", "5", "--seed", "2")
    assert "betweenness ESTIMATED from 5 pivots (seed 2)" in table.stdout


def test_csv_is_the_node_table() -> None:
    result = invoke("stats", "--format", "csv", "--sort", "degree")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["id", "label", "type", *MEASURES]
    assert rows[0]["id"] == "tajikistan" and len(rows) == len(graph.load().nodes)


def test_table_shows_summary_figures_and_measures() -> None:
    result = invoke("stats", "--top", "4")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "22 nodes, 52 relations" in out and "Relations by type" in out
    assert "diameter 5" in out and "assortativity by actor type" in out
    assert "Node measures (sorted by pagerank" in out and "tajikistan" in out


def test_markdown_output() -> None:
    result = invoke("stats", "--format", "markdown", "--top", "2")
    assert result.stdout.startswith("# iran_tajikistan: statistics")
    assert "| id | label | type | degree |" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "xml"),
        ("--json", "--format", "csv"),
        ("--sort", "hubness"),
        ("--engine", "gephi"),
        ("--sample", "1"),
        ("--ego", "tajikstan"),
    ],
)
def test_bad_arguments_exit_2(args: tuple[str, ...]) -> None:
    result = invoke("stats", *args)
    assert result.exit_code == 2, result.output


def test_help_explains_each_measure_and_shows_examples() -> None:
    text = invoke("stats", "--help").stdout
    for words in ("a hub", "a broker between partners", "influence", "Examples: graph stats"):
        assert words in " ".join(text.split()), words


def test_empty_dataset_has_no_diameter_or_path_length(make_dataset) -> None:
    folder = make_dataset("id,label,type\n", "id,source,target,type,date\n")
    text = invoke("stats", folder)
    assert text.exit_code == 0, text.output
    assert "diameter –, average path length –" in text.stdout
    assert "0 nodes, 0 relations between 0 pairs" in text.stdout
    data = json.loads(invoke("stats", folder, "--json").stdout)
    assert data["graph"]["diameter"] is None and data["graph"]["average_path_length"] is None


def test_table_at_80_columns_never_breaks_an_id(make_dataset) -> None:
    nodes = "id,label,type\n" + "".join(
        f"{i},{i.title()},state\n"
        for i in (
            "syria",
            "russia",
            "iran",
            "turkey",
            "isis",
            "hezbollah",
            "arab_league_of_states",
            "unsc",
        )
    )
    edges = """\
        source,target,type,date,weight
        syria,russia,support,2015,5
        syria,iran,support,2011,4
        russia,isis,conflict,2015,4
        turkey,syria,dispute,2016,3
        iran,hezbollah,support,2012,2
        syria,arab_league_of_states,membership,1945,1
        arab_league_of_states,unsc,talks,2012,1
        russia,unsc,membership,1991,1
        hezbollah,isis,conflict,2014,1
        """
    folder = make_dataset(nodes, edges)
    result = runner.invoke(app, ["stats", str(folder)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    table = result.stdout.split("Node measures", 1)[1]
    assert max(map(len, table.splitlines())) <= 80
    assert "…" not in table  # no value cut short either
    for node in ("arab_league_of_states", "hezbollah"):
        assert any(line.split()[:1] == [node] for line in table.splitlines()), node


def test_summary_line_uses_the_singular_for_one(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type\na,A,state\nb,B,state\n", "source,target,type\na,b,talks\n"
    )
    result = invoke("stats", folder)
    assert "ds: 2 nodes, 1 relation between 1 pair" in result.stdout
