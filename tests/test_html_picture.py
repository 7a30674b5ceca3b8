"""Pictures of the view: explorer.exportSVG() / exportPNG(), the PNG and SVG buttons, and
``graph html --png/--svg`` through headless Chromium.

The SVG is checked with an XML parser: one shape and one label per visible actor, the links
drawn, the title; hostile strings stay text. The PNG is decoded from its header: the size of
the view. The buttons download files named after the dataset's title.
"""

from __future__ import annotations

import base64
import struct
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from test_html_hostile import ACT, PAYLOAD, assert_untouched, make_hostile
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.render import write_html

pytestmark = pytest.mark.browser

SVG = "{http://www.w3.org/2000/svg}"
SHOWN = "() => nodes.get({filter: (n) => !n.hidden}).map((n) => n.dataId).sort()"
VIEW_SIZE = (
    "() => { const b = document.getElementById('network').getBoundingClientRect();"
    " return [Math.round(b.width), Math.round(b.height)]; }"
)


def parts(svg: str) -> dict[str, list[ET.Element]]:
    """The picture's nodes, labels, links and countries, by class."""
    root = ET.fromstring(svg)  # well-formed, or this raises
    assert root.tag == f"{SVG}svg"
    found: dict[str, list[ET.Element]] = {"node": [], "label": [], "link": [], "country": []}
    for element in root.iter():
        kind = element.get("class")
        if kind in found:
            found[kind].append(element)
    return found


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_svg_has_one_shape_and_label_per_visible_actor(tab: Any, pages: dict[str, Path]) -> None:
    page = tab.show(pages["bundled"], size=(1440, 900))
    svg = page.evaluate("explorer.exportSVG()")
    found = parts(svg)
    shown = page.evaluate(SHOWN)
    assert len(shown) == 22
    assert sorted(n.get("data-id") for n in found["node"]) == shown
    assert sorted(t.get("data-id") for t in found["label"]) == shown
    labels = dict(zip(graph.load().nodes["id"], graph.load().nodes["label"], strict=True))
    assert {t.get("data-id"): t.text for t in found["label"]} == {i: labels[i] for i in shown}
    assert len(found["link"]) == len(page.evaluate("explorer.visibleLinks()")) == 28
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Iran–Tajikistan relations"
    assert root.find(f".//{SVG}text[@class='title']").text == "Iran–Tajikistan relations"
    # hiding people leaves their shapes and labels out of the picture
    assert page.evaluate("explorer.setState({filters: {hiddenActorTypes: ['person']}})")
    found = parts(page.evaluate("explorer.exportSVG()"))
    assert len(found["node"]) == len(found["label"]) == len(page.evaluate(SHOWN)) < 21
    assert not {"hassan_rouhani", "muhiddin_kabiri"} & {n.get("data-id") for n in found["node"]}
    tab.clean()


def test_png_is_the_size_of_the_view(tab: Any, pages: dict[str, Path]) -> None:
    page = tab.show(pages["bundled"], size=(1280, 800))
    url = page.evaluate("explorer.exportPNG()")
    assert url.startswith("data:image/png;base64,")
    assert png_size(base64.b64decode(url.split(",", 1)[1])) == tuple(page.evaluate(VIEW_SIZE))
    double = page.evaluate("explorer.exportPNG({scale: 2})")
    width, height = page.evaluate(VIEW_SIZE)
    assert png_size(base64.b64decode(double.split(",", 1)[1])) == (2 * width, 2 * height)
    tab.clean()


def test_buttons_download_pictures_named_after_the_title(tab: Any, pages: dict[str, Path]) -> None:
    page = tab.show(pages["bundled"], size=(1440, 900))
    with page.expect_download() as svg_download:
        page.click("#save-svg")
    assert svg_download.value.suggested_filename == "Iran–Tajikistan relations.svg"
    assert len(parts(Path(svg_download.value.path()).read_text("utf-8"))["node"]) == 22
    with page.expect_download() as png_download:
        page.click("#save-png")
    assert png_download.value.suggested_filename == "Iran–Tajikistan relations.png"
    width, height = page.evaluate(VIEW_SIZE)
    assert png_size(Path(png_download.value.path()).read_bytes()) == (2 * width, 2 * height)
    # a narrowed window is in the name
    page.evaluate("explorer.setState({window: {from: '2016-01-01', to: '2018-12-31'}})")
    with page.expect_download() as narrowed:
        page.click("#save-svg")
    assert narrowed.value.suggested_filename == (
        "Iran–Tajikistan relations 2016-01-01 to 2018-12-31.svg"
    )
    tab.clean()


def test_hostile_strings_stay_text_in_the_svg(tab: Any, tmp_path: Path, chromium: Any) -> None:
    hostile = make_hostile(tmp_path / f'<img src=x onerror="{ACT}">')  # the title, too
    path = write_html(hostile, tmp_path / "hostile.html")
    page = tab.show(path)
    svg = page.evaluate("explorer.exportSVG()")
    found = parts(svg)
    assert PAYLOAD in {t.text for t in found["label"]}
    assert PAYLOAD in {n.get("data-id") for n in found["node"]}
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith(("script", "foreignObject", "image"))]
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    assert not [a for e in root.iter() for a in e.attrib if a.endswith("href")]  # no link at all
    assert root.find(f"{SVG}title").text == hostile.name
    assert_untouched(page, tab, hostile.name)
    # the file itself, opened as a document, runs nothing either
    picture = tmp_path / "picture.svg"
    picture.write_text(svg, encoding="utf-8")
    page.goto(picture.as_uri())
    assert page.evaluate("() => window.__pwned") is None
    tab.clean()


runner = CliRunner()


def test_cli_writes_png_and_svg_pictures(tmp_path: Path, chromium: Any) -> None:
    result = runner.invoke(
        app,
        ["html", "-o", str(tmp_path / "page.html"), "--png", str(tmp_path / "view.png"),
         "--svg", str(tmp_path / "view.svg"), "--picture-size", "1200x800"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"wrote {tmp_path / 'view.png'}" in result.output
    width, height = png_size((tmp_path / "view.png").read_bytes())
    assert 1200 < width <= 2400 and 600 < height < 1600  # the drawing area at scale 2
    found = parts((tmp_path / "view.svg").read_text("utf-8"))
    assert len(found["node"]) == len(found["label"]) == 22


def test_cli_pictures_without_chromium_say_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRAPH_CHROMIUM", str(tmp_path / "no-such-chromium"))
    result = runner.invoke(
        app, ["html", "-o", str(tmp_path / "page.html"), "--png", str(tmp_path / "view.png")]
    )
    assert result.exit_code == 1
    assert "Chromium was not found" in result.output
    assert "apt-get install chromium" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "view.png").exists()


@pytest.mark.parametrize("size", ["big", "1200", "x800", "12x"])
def test_cli_bad_picture_size_is_a_usage_error(tmp_path: Path, size: str) -> None:
    result = runner.invoke(
        app, ["html", "-o", str(tmp_path / "p.html"), "--svg", "v.svg", "--picture-size", size]
    )
    assert result.exit_code == 2
    assert "--picture-size must be WIDTHxHEIGHT" in result.output
    assert not (tmp_path / "p.html").exists()


def test_python_picture_and_page_export_agree(
    tab: Any, pages: dict[str, Path], bundled: graph.Dataset
) -> None:
    """The report's picture (Python) and the page's SVG: same actors, labels, links, kinds."""
    from graph.render import picture_svg

    python = parts(picture_svg(bundled))
    page = tab.show(pages["bundled"], size=(1440, 900))
    browser = parts(page.evaluate("explorer.exportSVG()"))
    for kind in ("node", "label"):
        assert sorted(e.get("data-id") for e in python[kind]) == sorted(
            e.get("data-id") for e in browser[kind]
        )
    kinds = pd.Series([e.get("data-kind") for e in python["link"]]).value_counts()
    assert kinds.to_dict() == (
        pd.Series([e.get("data-kind") for e in browser["link"]]).value_counts().to_dict()
    )
    fills = {e.get("data-id"): e.get("fill") for e in python["node"]}
    assert fills == {e.get("data-id"): e.get("fill") for e in browser["node"]}
    tab.clean()
