"""graph.render: page content, escaping, determinism, notebooks (styles, measures and layout:
test_render_styles.py)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

import graph
from graph.errors import UsageError
from graph.render import (
    Explorer,
    notebook_html,
    page_data,
    pair_links,
    to_html,
    write_html,
)
from graph.render.assets import SCRIPT_PARTS, asset, page_script
from graph.render.page import script_json
from graph.render.vendor import VENDORED, VIS_NETWORK, VIS_VERSION, vis_library


def small() -> graph.Dataset:
    nodes = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "label": ["Alpha", "Beta", "Gamma", "Delta"],
            "type": ["state", "person", "organization", "state"],
            "aliases": ["Alfa;First", "", "", ""],
        }
    )
    edges = pd.DataFrame(
        {
            "id": ["e1", "e2", "e3", "e4", "e5"],
            "source": ["a", "a", "b", "a", "c"],
            "target": ["b", "b", "a", "c", "c"],
            "type": ["visit", "talks", "dispute", "membership", "talks"],
            "date": ["2019", "2020-05", "", "2021-01-02", "2018"],
            "weight": ["1", "3", "", "", ""],
        }
    )
    return graph.from_frames(nodes, edges, name="small")


def _data_json(page: str) -> dict:
    text = page.split('<script type="application/json" id="graph-data">', 1)[1]
    return json.loads(text.split("</script>", 1)[0])


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)


# ---------- escaping ----------


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!--", "a&b", "x\u2028y\u2029z", "'\"`", "<>"],
)
def test_script_json_escapes_and_round_trips(text: str) -> None:
    out = script_json({"k": text, text: [text]})
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out
    assert json.loads(out) == {"k": text, text: [text]}


def test_script_json_writes_nan_and_infinity_as_null() -> None:
    out = script_json({"x": float("nan"), "y": [float("inf"), -float("inf"), 1e308]})
    assert out == '{"x":null,"y":[null,null,1e+308]}'


def test_hostile_strings_never_appear_raw_in_the_page() -> None:
    payload = "</script><img src=x onerror=alert(1)>&amp;\u2028<!--"
    nodes = pd.DataFrame(
        {
            "id": ["a", payload],
            "label": [payload, "B"],
            "type": ["state", "state"],
            "description": [payload, payload],
        }
    )
    edges = pd.DataFrame(
        {"source": ["a"], "target": [payload], "type": ["visit"], "evidence": [payload]}
    )
    ds = graph.from_frames(nodes, edges, name=payload)
    page = to_html(ds, title=payload)
    assert payload not in page
    assert "<img" not in page
    assert page.count("</script>") == 3  # the data block, vis-network, the page script
    assert html.escape(payload) in page  # <title>, <h1>
    data = _data_json(page)
    assert data["nodes"]["label"][0] == payload
    assert data["meta"]["title"] == payload


# ---------- the page ----------


def test_page_is_self_contained_with_a_hash_csp() -> None:
    page = to_html(small())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy
    assert "script-src 'sha256-" in policy and "'unsafe-inline'" not in policy
    for code in _scripts(page):
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    style = re.search(r"<style>(.*?)</style>", page, flags=re.DOTALL)
    assert style is not None
    digest = base64.b64encode(hashlib.sha256(style.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    skeleton = page.replace(vis_library(), "")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", skeleton)
    assert "sourceMappingURL" not in page
    assert "window.network = network" in page


def test_page_has_two_inline_scripts_the_vendored_library_and_the_joined_parts() -> None:
    scripts = _scripts(to_html(small()))
    assert scripts == [vis_library(), page_script()]
    for name in SCRIPT_PARTS:
        assert asset(f"js/{name}") in scripts[1]


def test_vendored_files_match_their_pin_and_third_party_md() -> None:
    vendor = Path(graph.render.vendor.__file__).parent
    for item in VENDORED:
        data = (vendor / item.name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item.sha256
        if item.name.endswith(".js"):  # a script's banner names its version; data has none
            assert f"@version {item.version}".encode() in data[:400]
        assert all((vendor / name).stat().st_size > 500 for name in item.licence_files)
        listed = (Path(__file__).parents[1] / "THIRD_PARTY.md").read_text(encoding="utf-8")
        row = next(line for line in listed.splitlines() if f"vendor/{item.name}`" in line)
        for fact in (item.package, f"| {item.version} |", item.source, item.sha256, item.licence):
            assert fact in row, f"THIRD_PARTY.md does not say {fact!r} for {item.name}"
        assert all(name in row for name in item.licence_files)
    assert VIS_NETWORK.version == VIS_VERSION == graph.render.VIS_VERSION


def test_the_page_reads_nothing_from_pyvis(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoPyvis:
        def find_spec(self, name: str, *args: object) -> None:
            if name.partition(".")[0] == "pyvis":
                raise ImportError("pyvis is blocked in this test")

    for name in [m for m in sys.modules if m.partition(".")[0] == "pyvis"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [NoPyvis(), *sys.meta_path])
    vis_library.cache_clear()
    assert f"@version {VIS_VERSION}" in to_html(small())


def test_same_input_same_bytes(tmp_path: Path, bundled: graph.Dataset) -> None:
    first = write_html(bundled, tmp_path / "a.html")
    second = write_html(bundled, tmp_path / "b.html")
    assert first.read_bytes() == second.read_bytes()
    assert to_html(bundled, seed=8) != first.read_text(encoding="utf-8")


def test_every_node_and_relation_is_in_the_data(bundled: graph.Dataset) -> None:
    data = page_data(bundled)
    assert data["nodes"]["id"] == bundled.nodes["id"].tolist()
    assert data["relations"]["id"] == bundled.edges["id"].tolist()
    assert data["relations"]["evidence"] == bundled.edges["evidence"].tolist()
    assert {t["name"] for t in data["edgeTypes"]} == set(bundled.edges["type"])
    assert {t["name"] for t in data["nodeTypes"]} == set(bundled.nodes["type"])
    assert data["meta"]["version"] == graph.__version__
    assert data["meta"]["links"] == "pair" and data["meta"]["automatic"] == 0


def test_rows_carry_dates_as_days_and_undated_as_null() -> None:
    data = page_data(small())
    e = data["relations"]
    assert e["t0"][2] is None and e["t1"][2] is None  # undated
    assert e["t0"][0] == (pd.Timestamp("2019-01-01") - pd.Timestamp(0)).days
    assert e["t1"][0] == (pd.Timestamp("2019-12-31") - pd.Timestamp(0)).days
    assert e["date"][1] == "2020-05"
    assert data["meta"]["undated"] == 1
    assert (data["meta"]["dateMin"], data["meta"]["dateMax"]) == ("2018-01-01", "2021-01-02")


def test_parallel_edges_get_distinct_curves() -> None:
    e = page_data(small())["relations"]
    # vis bends curvedCW edges to the right of their own direction: compare in a->b terms
    pair = [
        c if s == "a" else -c
        for c, s, t in zip(e["curve"], e["from"], e["to"], strict=True)
        if {s, t} == {"a", "b"}
    ]
    assert len(pair) == 3 and len(set(pair)) == 3
    assert e["curve"][3] == 0.0  # a single edge stays straight
    assert e["loop"][4] == 0 and e["from"][4] == e["to"][4]  # a self-loop


def test_widths_follow_weight() -> None:
    e = page_data(small())["relations"]
    assert e["width"][1] > e["width"][0]


def test_one_link_per_pair_by_the_pair_rule() -> None:
    ds = small()
    pairs = pair_links(ds)
    ends = {frozenset((s, t)) for s, t in zip(pairs["source"], pairs["target"], strict=True)}
    assert len(ends) == len(pairs)  # one row per unordered pair
    assert sorted(r for group in pairs["relations"] for r in group) == list(range(len(ds.edges)))
    for row in pairs.itertuples():
        rel = ds.edges.iloc[row.relations]
        assert row.count == len(rel) and row.weight == pytest.approx(rel["weight"].sum())
        assert row.net == pytest.approx((rel["weight"] * rel["sign"]).sum())
        pos, neg = (rel["sign"] > 0).any(), (rel["sign"] < 0).any()
        expected = {(1, 1): "mixed", (1, 0): "cooperative", (0, 1): "conflictual"}.get(
            (int(pos), int(neg)), "neutral"
        )
        assert row.kind == expected and row.dashed == (row.net < 0)
        dated = rel["date_start"].dropna()
        assert dated.is_monotonic_increasing  # relations in date order, undated last
        assert rel["date_start"].isna().tolist() == sorted(rel["date_start"].isna().tolist())


def test_pair_arrow_only_when_every_relation_points_one_way(bundled: graph.Dataset) -> None:
    pairs = pair_links(bundled).set_index(["source", "target"])
    directed = {n for n, t in bundled.vocabulary.edge_types.items() if t.directed}
    for (s, t), row in pairs.iterrows():
        rel = bundled.edges.iloc[row["relations"]]
        one_way = rel["type"].isin(directed).all() and (rel["source"] == s).all()
        assert row["directed"] == bool(one_way), (s, t)
    assert pairs.loc[("unsc", "iran"), "directed"]  # the sanctions point at Iran


def test_max_nodes_keeps_the_most_connected_and_says_so(bundled: graph.Dataset) -> None:
    data = page_data(bundled, max_nodes=5)
    assert len(data["nodes"]["id"]) == 5
    top = graph.relation_counts(bundled).index[:5].tolist()
    assert set(data["nodes"]["id"]) == set(top)
    assert any("most connected" in note for note in data["meta"]["notes"])
    assert set(data["relations"]["from"]) | set(data["relations"]["to"]) <= set(top)
    assert data["meta"]["allNodes"] == len(bundled.nodes)


def test_filters_show_in_the_page(bundled: graph.Dataset) -> None:
    view = bundled.filter(types=["visit"])
    meta = page_data(view, title="Visits")["meta"]
    assert meta["notes"] == ["filtered: types visit"]
    assert meta["title"] == "Visits" and meta["subtitle"].startswith(bundled.name)


def test_bad_options_raise_usage_errors() -> None:
    with pytest.raises(UsageError, match="unknown size_by 'closeness'"):
        to_html(small(), size_by="closeness")
    with pytest.raises(UsageError, match="unknown color_by"):
        to_html(small(), color_by="rainbow")
    with pytest.raises(UsageError, match="unknown links"):
        to_html(small(), links="both")
    with pytest.raises(UsageError, match="at least 1"):
        to_html(small(), max_nodes=0)


# ---------- notebooks ----------


def test_notebook_html_escapes_the_page() -> None:
    page = "<html><body title=\"a&b\">'x'</body></html>"
    frame = notebook_html(page, height=321)
    assert frame.count("<") == 2  # only the iframe's own tags
    src = re.search(r'srcdoc="([^"]*)"', frame)
    assert src is not None and html.unescape(src.group(1)) == page
    assert "height:321px" in frame and 'sandbox="allow-scripts' in frame


def test_explorer_object(tmp_path: Path, bundled: graph.Dataset) -> None:
    view = Explorer(bundled, height=450, links="relation")
    assert view.html == to_html(bundled, links="relation")
    assert view._repr_html_() == notebook_html(view.html, 450)
    target = view.save(tmp_path / "sub" / "page.html")
    assert target.read_text(encoding="utf-8") == view.html
    assert "Explorer" in repr(view)


@pytest.mark.parametrize("links", ["pair", "relation"])
@pytest.mark.parametrize("size_by", ["degree", "pagerank", "betweenness"])
def test_a_dataset_without_relations_still_renders(links: str, size_by: str) -> None:
    nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", "B"], "type": ["state", "person"]})
    edges = pd.DataFrame({c: pd.Series([], dtype=str) for c in ("source", "target", "type")})
    ds = graph.from_frames(nodes, edges, name="lonely")
    data = _data_json(to_html(ds, links=links, size_by=size_by))
    assert data["nodes"]["id"] == ["a", "b"] and data["relations"]["id"] == []
    assert data["meta"]["dateMin"] is None and data["edgeTypes"] == []
