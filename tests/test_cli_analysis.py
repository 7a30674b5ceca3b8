"""``graph timeline``, ``neighbors``, ``path`` and ``report``: output, JSON, exit codes, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph
from graph.analyze import neighbors, pair_trend, paths, records, timeline
from graph.cli import app
from graph.cli.neighbors import COLUMNS

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_timeline_shows_the_articles_events_with_their_quotes() -> None:
    result = invoke("timeline", "iran", "tajikistan")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for line in (
        "Iran – Tajikistan: 20 relations",
        "1991  recognition  Iran -> Tajikistan  (sign +1)",
        "“Iran became the first country to recognize it”",
        "2015-12 to 2018  dispute  Iran -- Tajikistan  (sign -1)",
        "2015-12-29  protest  Tajikistan -> Iran  (sign -1)",
        "“But relations cooled until 2019 after the invitation of Muhiddin Kabiri",
        "2019 to 2021  cooperation  Iran -- Tajikistan  (sign +1)",
        "“relations between Tehran and Dushanbe have become closer”",
        "2021-04  agreement  Iran -- Tajikistan  (sign +1)",
    ):
        assert line in out, line
    assert out.index("1991") < out.index("2015-12-29") < out.index("2019 to 2021")
    assert "2016: -1.0" in out and "2019: 1.0" in out


def test_timeline_json_equals_the_library() -> None:
    result = invoke("timeline", "tajikistan", "iran", "--json")
    data = json.loads(result.stdout)
    ds = graph.load()
    assert data["relations"] == json.loads(json.dumps(records(timeline(ds, "tajikistan", "iran"))))
    assert data["trend"] == json.loads(json.dumps(records(pair_trend(ds, "tajikistan", "iran"))))


def test_neighbors_and_path_json_equal_the_library() -> None:
    ds = graph.load()
    data = json.loads(invoke("neighbors", "iran", "--depth", "2", "--json").stdout)
    assert data["neighbors"] == json.loads(json.dumps(records(neighbors(ds, "iran", depth=2))))
    data = json.loads(invoke("path", "muhiddin_kabiri", "russia", "--json").stdout)
    expected = records(paths(ds, "muhiddin_kabiri", "russia"))
    assert data["steps"] == json.loads(json.dumps(expected))


def test_path_text_lists_steps_with_type_and_date() -> None:
    out = invoke("path", "muhiddin_kabiri", "russia").stdout
    assert "path 1 (3 steps): Muhiddin Kabiri → Iran → Tajikistan → Russia" in out
    assert "  1. Muhiddin Kabiri → Iran\n" in out
    assert "invitation (<-, sign +1) 2015-12" in out
    none = invoke("path", "muhiddin_kabiri", "drug_traffickers", "--directed").stdout
    assert none == "no path between Muhiddin Kabiri and Drug traffickers\n"


def test_neighbors_table_and_csv() -> None:
    table = invoke("neighbors", "iran").stdout
    assert "9 actors within 1 step of Iran" in table
    assert table.splitlines()[2].split() == ["label", *COLUMNS[2:]]
    assert "Tajikistan" in table and "tajikistan" not in table
    lines = invoke("neighbors", "iran", "-f", "csv").stdout.splitlines()
    assert lines[0] == "id,label,type,distance,relations,score,types" and len(lines) == 10


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "iran", "tajikstan"),
        ("timeline", "iran", "iran"),
        ("timeline", "iran", "tajikistan", "--period", "decade"),
        ("neighbors", "nobody"),
        ("path", "iran", "nobody"),
        ("report", "--format", "pdf"),
        ("report", "--pair", "iran"),
        ("report", "--pair", "iran,nobody"),
    ],
)
def test_bad_arguments_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = invoke(*args, *(["-o", tmp_path / "r"] if args[0] == "report" else []))
    assert result.exit_code == 2, result.output
    assert list(tmp_path.iterdir()) == []


def test_report_command_writes_html_and_markdown(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = invoke("report", "-o", html, "--top", "5", "--pair", "iran,tajikistan", "--no-graph")
    assert result.exit_code == 0, result.output
    assert f"wrote {html}" in result.stdout
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<iframe" not in page
    md = tmp_path / "report.md"
    assert invoke("report", "--format", "markdown", "-o", md).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Iran–Tajikistan relations: network report")


def test_report_filters_apply(tmp_path: Path) -> None:
    target = tmp_path / "recent.html"
    assert invoke("report", "--from", "2019", "-o", target, "--no-graph").exit_code == 0
    assert "filtered: from 2019" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["timeline", "neighbors", "path", "report"])
def test_help_shows_examples(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Examples: graph " + command in " ".join(result.stdout.split())


def test_timeline_markdown_has_the_citation_and_a_literal_arrow(make_dataset) -> None:
    nodes = "id,label,type\nrussia,Russia,state\nisis,ISIS,armed-group\n"
    edges = """\
        source,target,type,date,description,evidence,citation
        russia,isis,pressure,2015-09-30,Strikes <heavy>,"Jets hit | ISIS","BBC, https://b.example/?a=1&b=2"
        russia,isis,conflict,2016,War,,
        """
    result = invoke("timeline", "russia", "isis", make_dataset(nodes, edges), "-f", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[2] == (
        "| date | end_date | type | direction | sign | description | evidence | citation |"
    )
    assert lines[4] == (
        "| 2015-09-30 |  | pressure | Russia → ISIS | -1 | Strikes &lt;heavy&gt; "
        "| Jets hit \\| ISIS | BBC, https\\://b\\.example/?a=1&amp;b=2 |"  # not auto-linked
    )
    assert "| Russia – ISIS |" in lines[5]
    assert lines[0] == "# Russia – ISIS"


def test_counts_in_text_output_use_the_singular_for_one(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type\na,A,state\nb,B,state\n", "source,target,type\na,b,talks\n"
    )
    assert "A – B: 1 relation\n" in invoke("timeline", "a", "b", folder).stdout
    assert "1 actor within 1 step of A" in invoke("neighbors", "a", folder).stdout
    assert "2 actors within 2 steps of A" not in invoke("neighbors", "a", folder, "-k", "2").stdout
    assert "1 actor within 2 steps of A" in invoke("neighbors", "a", folder, "-k", "2").stdout
    assert "path 1 (1 step): A → B" in invoke("path", "a", "b", folder).stdout


def test_commands_take_names_and_json_keeps_ids() -> None:
    by_name = invoke("timeline", "Iran", "Tajikistan")
    assert by_name.exit_code == 0, by_name.output
    assert by_name.stdout == invoke("timeline", "iran", "tajikistan").stdout
    data = json.loads(invoke("timeline", "Tehran", "Dushanbe", "--json").stdout)
    assert data["pair"] == ["iran", "tajikistan"]
    data = json.loads(invoke("path", "Kabiri", "Russia", "--json").stdout)
    assert (data["from"], data["to"]) == ("muhiddin_kabiri", "russia")
    assert data == json.loads(invoke("path", "muhiddin_kabiri", "russia", "--json").stdout)
    data = json.loads(invoke("neighbors", "Shir Ali Mirza", "--json").stdout)
    assert data["node"] == "shir_ali_mirza"
    assert [r["id"] for r in data["neighbors"]] == ["iran", "tajikistan"]
    rows = invoke("path", "Kabiri", "Russia", "-f", "csv").stdout.splitlines()
    assert rows[1].startswith("1,1,muhiddin_kabiri,iran,")


def test_markdown_shows_labels(tmp_path: Path) -> None:
    md = invoke("path", "Kabiri", "Russia", "-f", "markdown").stdout
    assert "| 1 | 1 | Muhiddin Kabiri | Iran | invitation |" in md
    assert invoke("timeline", "iran", "tajikistan", "-f", "md").exit_code == 2


def test_report_pair_takes_names(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    result = invoke("report", "--pair", "Iran,Russia", "--format", "markdown", "-o", target)
    assert result.exit_code == 0, result.output
    assert "Iran" in target.read_text(encoding="utf-8")


def test_ambiguous_and_unknown_names_exit_2(make_dataset) -> None:
    folder = make_dataset(
        "id,label,type,aliases\nb,B,person,Mirzo\nc,Shir Ali Mirza,person,Mirzo\n",
        "source,target,type\nb,c,talks\n",
    )
    result = invoke("neighbors", "mirzo", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 'mirzo' could be any of 2 actors: b (B), c (Shir Ali Mirza); give its id\n"
    )
    result = invoke("path", "Kabri", "Russia")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == (
        "Error: 'Kabri' is not a node id, label or alias (did you mean 'Kabiri'?)\n"
    )
    result = invoke("report", "--pair", "Iran,Narnia", "-o", folder / "r.html")
    assert result.exit_code == 2 and "'Narnia' is not a node id" in result.stderr
