"""The hostile-input corpus (``tests/data/hostile/``), each case run end to end.

Every folder there holds one input built to break the tool and a ``README.md`` with the attack
and the expected outcome; each test below runs its case through the CLI (``CliRunner`` on
``graph.cli.app``) and, where a page is made, opens it in Chromium with the network closed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app

HOSTILE = Path(__file__).parent / "data" / "hostile"
READY = "html[data-ready='1']"
runner = CliRunner()

# What vis-network holds after drawing: its node and edge items by data id, and whether every
# node has a finite position.
DRAWN = """
() => ({
  nodes: network.body.nodeIndices.map((i) => nodes.get(i).dataId).sort(),
  edges: network.body.edgeIndices.map((j) => edges.get(j).dataId).sort(),
  finite: Object.values(network.getPositions()).every((p) => isFinite(p.x) && isFinite(p.y)),
})
"""
HIDDEN_EDGES = "() => edges.get({filter: (e) => e.hidden}).map((e) => e.dataId).sort()"


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def strict_json(text: str) -> Any:
    """Parse JSON, failing on the non-JSON tokens NaN, Infinity and -Infinity."""

    def refuse(token: str) -> None:
        raise AssertionError(f"non-JSON token {token}")

    return json.loads(text, parse_constant=refuse)


def open_page(probe: Any, path: Path) -> Any:
    page = probe.page
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached", timeout=30_000)
    return page


def test_every_case_says_its_attack_and_outcome() -> None:
    cases = [p for p in HOSTILE.iterdir() if p.is_dir()]
    assert len(cases) >= 5
    for case in cases:
        text = (case / "README.md").read_text(encoding="utf-8")
        assert "Attack:" in text and "Expected:" in text, case.name


# proto-ids: ids, types and column names that are Object.prototype's member names


@pytest.fixture(scope="module")
def proto() -> graph.Dataset:
    return graph.load(HOSTILE / "proto-ids")


def _check_proto_page(probe: Any, path: Path, ds: graph.Dataset, per_relation: bool) -> None:
    page = open_page(probe, path)
    drawn = page.evaluate(DRAWN)
    assert drawn["nodes"] == sorted(ds.nodes["id"])
    if per_relation:
        assert drawn["edges"] == sorted(ds.edges["id"])
    assert drawn["finite"]
    for node_id, label in zip(ds.nodes["id"], ds.nodes["label"], strict=True):
        page.evaluate("(id) => explorer.selectNode(id, false)", node_id)
        assert page.text_content("#details-title") == label
    extra = page.evaluate(
        "() => { explorer.selectNode('constructor', false);"
        " return [...document.querySelectorAll('#details dt')].map((dt) => dt.textContent); }"
    )
    assert {"__proto__", "constructor"} <= set(extra)  # the extra columns
    if per_relation:
        for edge_id in ds.edges["id"]:
            page.evaluate("(id) => explorer.selectEdge(id)", edge_id)
            assert edge_id in page.text_content("#details")
        page.locator("#edge-types label", has_text="constructor").locator("input").click()
        assert page.evaluate(HIDDEN_EDGES) == ["__proto__"]
    page.fill("#search", "proto")
    assert "__proto__" in page.inner_text("#search-results")
    page.press("#search", "Enter")
    assert page.text_content("#details-title") == "__proto__"
    page.click("#reset")
    assert page.evaluate(HIDDEN_EDGES) == []
    assert probe.errors == [] and probe.requests == []


def test_proto_ids_validate(proto: graph.Dataset) -> None:
    result = invoke("validate", HOSTILE / "proto-ids")
    assert result.exit_code == 0, result.output
    assert "constructor" in proto.vocabulary.edge_types


@pytest.mark.browser
@pytest.mark.parametrize("links", ["relation", "pair"])
def test_proto_ids_page_draws_every_node(
    browser_page: Any, tmp_path: Path, proto: graph.Dataset, links: str
) -> None:
    path = tmp_path / "proto.html"
    result = invoke("html", HOSTILE / "proto-ids", "-o", path, "--links", links)
    assert result.exit_code == 0, result.output
    _check_proto_page(browser_page, path, proto, links == "relation")


# icews-proto-actors: an import that makes such ids from actor names


@pytest.mark.browser
def test_icews_actor_named_constructor_is_drawn(browser_page: Any, tmp_path: Path) -> None:
    out = tmp_path / "icews"
    events = HOSTILE / "icews-proto-actors" / "events.tab"
    result = invoke("import", "icews", events, "-o", out)
    assert result.exit_code == 0, result.output
    ds = graph.load(out)
    assert {"constructor", "tostring", "valueof", "hasownproperty"} <= set(ds.nodes["id"])
    assert invoke("validate", out).exit_code == 0
    path = tmp_path / "icews.html"
    assert invoke("html", out, "-o", path, "--links", "relation").exit_code == 0
    page = open_page(browser_page, path)
    assert page.evaluate("() => explorer.setState({filters: {automatic: true}})")
    drawn = page.evaluate(DRAWN)
    assert drawn["nodes"] == sorted(ds.nodes["id"])
    assert drawn["edges"] == sorted(ds.edges["id"]) and drawn["finite"]
    assert browser_page.errors == [] and browser_page.requests == []


# xml-control-chars: text that no XML document can hold


XML_CASE = HOSTILE / "xml-control-chars"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_of_control_characters_read_back(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"g.{fmt}"
    result = invoke("export", XML_CASE, "--format", fmt, "-o", path)
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    ds = graph.load(XML_CASE)
    assert (back.number_of_nodes(), back.number_of_edges()) == (len(ds.nodes), len(ds.edges))
    iran = back.nodes["iran\ufffd"]
    assert iran["label"] == "Iran\ufffd bell\ufffd"
    assert iran["note\ufffdcol"] == "\ufffd[31mred\ufffd[0m"
    assert back.nodes["tajikistan"]["label"] == "Tajikistan\ufffd\ufffd"
    assert "tab\there, newline\nthere" in iran["description"]  # tab and newline kept
    assert back.has_edge("iran\ufffd", "tajikistan")


def test_json_and_csv_exports_keep_control_characters(tmp_path: Path) -> None:
    assert invoke("export", XML_CASE, "--format", "json", "-o", tmp_path / "g.json").exit_code == 0
    data = strict_json((tmp_path / "g.json").read_text(encoding="utf-8"))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["iran\x01"] == "Iran\x00 bell\x07"
    assert invoke("export", XML_CASE, "--format", "csv", "-o", tmp_path / "copy").exit_code == 0
    G, H = graph.load(XML_CASE).to_networkx(), graph.load(tmp_path / "copy").to_networkx()
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))


# huge-weight and max-weight: weights beyond, and at, the limit


@pytest.mark.parametrize("command", ["validate", "stats", "html", "report", "export"])
def test_weights_above_the_limit_are_bad_weight(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    args: list[object] = [command, HOSTILE / "huge-weight"]
    if command != "validate":
        args += ["-o", out] if command != "stats" else []
    result = invoke(*args)
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [line.split(",")[0] for line in errors] == [
        f"error: edges.csv line {n}" for n in (2, 4, 5, 6)
    ]
    assert all(line.endswith("[bad-weight]") and "1e12" in line for line in errors)
    assert "Traceback" not in result.output and "unexpected" not in result.output
    assert not out.exists()


def test_weights_at_the_limit_give_strict_json(tmp_path: Path) -> None:
    case = HOSTILE / "max-weight"
    result = invoke("stats", case, "--format", "json")
    assert result.exit_code == 0, result.output
    stats = strict_json(result.stdout)
    assert stats
    assert invoke("export", case, "--format", "json", "-o", tmp_path / "g.json").exit_code == 0
    strict_json((tmp_path / "g.json").read_text(encoding="utf-8"))
    for name in ("page.html", "report.html", "report.md"):
        result = invoke("report" if "report" in name else "html", case, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    data = page.split('id="graph-data">')[1].split("</script>")[0]
    assert strict_json(data)["relations"]["weight"][0] == 1e12


@pytest.mark.browser
def test_weights_at_the_limit_draw(browser_page: Any, tmp_path: Path) -> None:
    ds = graph.load(HOSTILE / "max-weight")
    path = tmp_path / "max.html"
    assert invoke("html", HOSTILE / "max-weight", "-o", path).exit_code == 0
    page = open_page(browser_page, path)
    drawn = page.evaluate(DRAWN)
    assert drawn["nodes"] == sorted(ds.nodes["id"]) and drawn["finite"]
    page.evaluate("(id) => explorer.selectEdge(id)", ds.edges["id"][0])
    assert "1,000,000,000,000" in page.text_content("#details")
    assert browser_page.errors == [] and browser_page.requests == []


def test_control_characters_are_in_the_corpus_file() -> None:
    # raw bytes: a checkout or an editor that rewrote them would hide the case
    raw = (XML_CASE / "nodes.csv").read_bytes()
    assert b"\x00" in raw and b"\x1b" in raw and "\ufffe".encode() in raw
