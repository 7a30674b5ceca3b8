"""Where a dataset's metadata is shown: the title and subtitle of the explorer page, and a
hostile title and description escaped in the page, the HTML and Markdown reports, the notebook
display and the exports (GraphML, GEXF, JSON)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.render.data import page_data

HOSTILE = '</title><script>alert("t")</script> & [x](javascript:alert(1)) # *'


def test_page_title_and_subtitle(bundled: graph.Dataset) -> None:
    meta = page_data(bundled)["meta"]
    assert meta["title"] == "Iran–Tajikistan relations"
    assert meta["subtitle"].startswith("iran_tajikistan · 22 actors · 52 relations")
    page = graph.to_html(bundled)
    assert "<title>Iran–Tajikistan relations</title>" in page
    given_title = page_data(bundled, title="Visits")["meta"]
    assert given_title["title"] == "Visits" and given_title["subtitle"].startswith("iran_")
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    plain = page_data(graph.from_frames(nodes, edges, name="plain"))["meta"]
    assert plain["title"] == "plain" and plain["subtitle"].startswith("2 actors")


@pytest.fixture(scope="module")
def hostile() -> graph.Dataset:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"], "date": ["2020"]})
    meta = {
        "title": HOSTILE,
        "description": "<img src=x onerror=alert(1)>\n# heading",
        "sources": ["<b>bold</b>", "[link](http://127.0.0.1:9/leak)"],
        "licence": "<i>",
        "author": "a & b",
    }
    return graph.from_frames(nodes, edges, name="plain", metadata=meta)


def test_hostile_title_is_escaped_in_the_page(hostile: graph.Dataset) -> None:
    page = graph.to_html(hostile)
    (title,) = re.findall(r"<title>(.*?)</title>", page, flags=re.S)
    assert "<" not in title and "&lt;/title&gt;&lt;script&gt;" in title
    assert "<script>alert" not in page
    assert page.count("<title>") == 1


def test_hostile_metadata_is_escaped_in_the_html_report(hostile: graph.Dataset) -> None:
    page = graph.to_report_html(graph.build_report(hostile, top=2), interactive=False)
    head = page.split("</head>", 1)[0]  # the SVG charts have <title>s of their own
    (title,) = re.findall(r"<title>(.*?)</title>", head, flags=re.S)
    assert title.startswith("&lt;/title&gt;&lt;script&gt;") and title.endswith(": network report")
    for raw in ("<script>alert", "<img src", "<b>bold", "<i>"):
        assert raw not in page
    about = page.split('<section id="about">', 1)[1].split("</section>", 1)[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in about and "&lt;b&gt;bold&lt;/b&gt;" in about
    assert "a &amp; b" in about


def test_hostile_metadata_is_escaped_in_the_markdown_report(hostile: graph.Dataset) -> None:
    text = graph.to_report_markdown(graph.build_report(hostile, top=2))
    first = text.splitlines()[0]
    assert first.startswith("# &lt;/title&gt;&lt;script&gt;alert") and "\\[x\\]" in first
    assert first.endswith(": network report")
    assert "<script>" not in text and "<img" not in text and "[link](" not in text
    assert "\n# heading" not in text  # the description stays one paragraph
    assert "  - \\[link\\](http\\://127\\.0\\.0\\.1:9/leak)" in text


def test_notebook_display_shows_the_title_escaped(
    bundled: graph.Dataset, hostile: graph.Dataset
) -> None:
    assert "<strong>Iran–Tajikistan relations</strong> (iran_tajikistan)" in bundled._repr_html_()
    html = hostile._repr_html_()
    assert "<script>" not in html and "&lt;/title&gt;&lt;script&gt;" in html
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state"] * 2})
    edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    assert "<strong>plain</strong>:" in graph.from_frames(nodes, edges, name="plain")._repr_html_()


def test_exports_carry_the_title(hostile: graph.Dataset, tmp_path: Path) -> None:
    assert hostile.to_networkx().name == HOSTILE
    graph.export(hostile, "graphml", tmp_path / "g.graphml")
    assert nx.read_graphml(tmp_path / "g.graphml").graph["name"] == HOSTILE
    graph.export(hostile, "gexf", tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").graph["name"] == HOSTILE
    graph.export(hostile, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["graph"]["name"] == HOSTILE
