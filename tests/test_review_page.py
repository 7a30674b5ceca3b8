"""The review page of ``graph extract`` as HTML: structure, embedded data, escaping of hostile
strings in every field, the Content-Security-Policy, nothing fetched, same input same bytes,
and where the sentence's marks go. The page in Chromium: tests/test_review_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import review_sample

import graph
from graph.errors import UsageError
from graph.render.assets import asset
from graph.render.review import REVIEW_FILE, candidate_marks, review_page, write_review

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "<!-- \u2028\u2029 & &amp; ' \"",
]


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL)


def _data(page: str) -> dict[str, Any]:
    block = re.search(
        r'<script id="review-data" type="application/json">(.*?)</script>', page, re.DOTALL
    )
    assert block is not None
    return json.loads(block.group(1))


def _page(**changes: Any) -> str:
    return review_page(review_sample.nodes(), review_sample.edges(), title="Review", **changes)


# ---------- structure and data ----------


def test_the_page_embeds_both_tables_as_strings_in_their_column_order() -> None:
    page = _page()
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Review</title>" in page and '<h1 id="title">Review</h1>' in page
    data = _data(page)
    nodes, edges = review_sample.nodes(), review_sample.edges()
    assert data["nodes"]["columns"] == list(nodes.columns)
    assert data["edges"]["columns"] == list(edges.columns)
    assert data["nodes"]["rows"] == nodes.to_numpy().tolist()
    assert data["edges"]["rows"] == edges.to_numpy().tolist()
    assert data["confidence"] == [0.91, 0.84, 0.77, 0.52, 0.95, 0.31, None]
    assert [t["name"] for t in data["types"]] == list(graph.load_vocabulary().edge_types)
    assert {"name": "protest", "sign": -1, "directed": True}.items() <= data["types"][
        [t["name"] for t in data["types"]].index("protest")
    ].items()
    for marker in ('id="download-edges"', 'id="download-nodes"', 'id="candidates"', 'id="order"'):
        assert marker in page


def test_missing_cells_are_empty_strings_and_a_bad_confidence_is_none() -> None:
    edges = pd.DataFrame(
        {"source": ["a", "b"], "target": ["b", None], "type": ["visit", float("nan")]}
    )
    edges["confidence"] = ["1.5", "x"]
    data = _data(review_page(pd.DataFrame({"id": ["a", "b"]}), edges, title="T"))
    assert data["edges"]["rows"] == [["a", "b", "visit", "1.5"], ["b", "", "", "x"]]
    assert data["confidence"] == [None, None]


def test_a_dataset_vocabulary_gives_the_types() -> None:
    ds = graph.load(Path(__file__).parent / "data" / "highland_tribes")
    data = _data(_page(vocabulary=ds.vocabulary))
    names = [t["name"] for t in data["types"]]
    assert "rova" in names and "hina" in names
    assert next(t for t in data["types"] if t["name"] == "hina")["sign"] == -1


def test_tables_without_the_columns_the_page_needs_are_refused() -> None:
    nodes = review_sample.nodes()
    with pytest.raises(ValueError, match="no target, type column"):
        review_page(nodes, pd.DataFrame({"source": ["iran"]}), title="T")
    with pytest.raises(ValueError, match="no id column"):
        review_page(nodes.drop(columns="id"), review_sample.edges(), title="T")


def test_no_candidate_is_still_a_page() -> None:
    edges = review_sample.edges().iloc[0:0]
    data = _data(review_page(review_sample.nodes(), edges, title="T"))
    assert data["edges"]["rows"] == [] and data["marks"] == []


# ---------- safety ----------


def test_the_page_has_one_script_allowed_by_hash_and_nothing_else() -> None:
    page = _page()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = csp.group(1)
    assert policy.startswith("default-src 'none'; ")
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "connect-src" not in policy  # default-src 'none': no fetch, XHR or WebSocket
    scripts = _scripts(page)
    assert len(scripts) == 2  # the data block, the page script
    code = scripts[1]
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in policy
    assert asset("js/review.js") in code
    style = re.search(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}';" in policy


def test_nothing_is_fetched_and_no_data_is_parsed_as_html() -> None:
    page = _page()
    assert not re.search(r"""(src|href|action)\s*=\s*["']?(https?:)?//""", page)
    # the SVG namespace of util.js's svgElement names a standard, it fetches nothing
    assert not re.search(r"https?://", page.replace("http://www.w3.org/2000/svg", ""))
    script = asset("js/util.js") + asset("js/review.js")
    for call in ("fetch(", "XMLHttpRequest", "WebSocket", "import(", "eval(", "new Function"):
        assert call not in script
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in script


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_string_in_every_field_stays_data(payload: str) -> None:
    nodes = review_sample.nodes().astype(object)
    edges = review_sample.edges().astype(object)
    nodes.loc[:, :] = payload
    edges.loc[:, :] = payload
    nodes.columns = [f"{c}{payload}" if c != "id" else c for c in nodes.columns]
    edges.columns = [
        f"{c}{payload}" if c not in ("source", "target", "type") else c for c in edges.columns
    ]
    page = review_page(nodes, edges, title=payload)
    assert page.count("</script>") == 2
    assert "<img" not in page and "<!--" not in page
    assert not any("\u2028" in s or "\u2029" in s for s in _scripts(page))  # JSON-safe
    assert f"<title>{payload}" not in page
    data = _data(page)
    assert data["meta"]["title"] == payload
    assert data["nodes"]["rows"][0] == [payload] * len(nodes.columns)
    assert data["edges"]["rows"][-1] == [payload] * len(edges.columns)
    assert data["edges"]["columns"] == list(edges.columns)


# ---------- determinism ----------


def test_same_input_same_bytes_and_the_key_follows_the_data(tmp_path: Path) -> None:
    first = write_review(tmp_path / "a", review_sample.nodes(), review_sample.edges(), "Review")
    second = write_review(tmp_path / "b", review_sample.nodes(), review_sample.edges(), "Review")
    assert first.read_bytes() == second.read_bytes()
    edges = review_sample.edges()
    edges.loc[0, "type"] = "talks"
    assert _data(_page())["meta"]["key"] != _data(review_page(
        review_sample.nodes(), edges, title="Review"))["meta"]["key"]  # fmt: skip


def test_write_review_writes_review_html_whole(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "new"
    path = write_review(folder, review_sample.nodes(), review_sample.edges(), "Review")
    assert path == folder / REVIEW_FILE == folder / "review.html"
    assert path.read_text(encoding="utf-8") == _page()
    assert sorted(os.listdir(folder)) == ["review.html"]  # no temporary file left
    link = tmp_path / "link"
    link.mkdir()
    (link / "elsewhere").write_text("keep", encoding="utf-8")
    (link / "review.html").symlink_to(link / "elsewhere")
    with pytest.raises(UsageError):
        write_review(link, review_sample.nodes(), review_sample.edges(), "Review")
    assert (link / "elsewhere").read_text(encoding="utf-8") == "keep"


# ---------- marks ----------


def _marked(edges: pd.DataFrame, nodes: pd.DataFrame | None = None) -> list[list[tuple[str, str]]]:
    """Each candidate's marks as (kind, marked text)."""
    nodes = review_sample.nodes() if nodes is None else nodes
    out = []
    for marks, sentence in zip(candidate_marks(edges, nodes), edges["evidence"], strict=True):
        units = sentence.encode("utf-16-le")
        out.append([(k, units[2 * s : 2 * e].decode("utf-16-le")) for s, e, k in marks])
    return out


def test_marks_find_names_aliases_and_cues_or_use_the_spans_given() -> None:
    marked = _marked(review_sample.edges())
    assert marked[0] == [("source", "Iranian"), ("cue", "flew to"), ("target", "Dushanbe")]
    assert marked[1] == [  # spans given
        ("source", "Amir-Abdollahian"),
        ("cue", "held talks with"),
        ("target", "Nizomiddin Zohidi"),
    ]
    assert marked[2] == [("source", "Dushanbe"), ("cue", "protested to"), ("target", "Tehran")]
    assert marked[6] == [("source", "Zohidi"), ("cue", "visited"), ("target", "Iran")]


def test_a_span_given_wins_and_a_bad_one_falls_back_to_searching() -> None:
    edges = pd.DataFrame(
        {
            "source": ["iran", "iran"],
            "target": ["tajikistan", "tajikistan"],
            "evidence": ["Iran, Iran and Tajikistan", "Iran and Tajikistan"],
            "source_span": ["6:10", "3:99"],
            "target_span": ["", "nonsense"],
            "cue": ["", "and"],
        }
    )
    assert candidate_marks(edges, review_sample.nodes()) == [
        [[6, 10, "source"], [15, 25, "target"]],
        [[0, 4, "source"], [5, 8, "cue"], [9, 19, "target"]],
    ]


def test_overlapping_marks_keep_the_source_then_the_target() -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["Tajik Aluminium", "Tajik"]})
    edges = pd.DataFrame(
        {"source": ["a"], "target": ["b"], "evidence": ["Tajik Aluminium said"], "cue": ["Tajik"]}
    )
    assert candidate_marks(edges, nodes) == [[[0, 15, "source"]]]


def test_marks_count_utf16_units_and_never_split_a_word_in_the_middle() -> None:
    nodes = pd.DataFrame({"id": ["x", "y"], "label": ["Éire", "Iran"]})
    edges = pd.DataFrame(
        {"source": ["x"], "target": ["y"], "evidence": ["😀 Éire met Tiran and Iranians"]}
    )
    assert _marked(edges, nodes) == [[("source", "Éire"), ("target", "Iranians")]]
    assert candidate_marks(edges, nodes)[0][0] == [3, 7, "source"]
