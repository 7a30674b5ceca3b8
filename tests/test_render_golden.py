"""Golden files for the explorer page's structure (regenerate with UPDATE_GOLDEN=1).

The page is normalized first: the inlined vis-network library, the page script (joined from
``graph/render/js/``) and the stylesheet become placeholders, CSP hashes become ``sha256-…``,
and the embedded data is pretty-printed with node positions zeroed (they are floats from the
layout).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import graph
from graph.render import to_html
from graph.render.assets import page_script, style_sheet
from graph.render.page import _JSON_ESCAPES, _JSON_UNSAFE
from graph.render.vendor import vis_library

GOLDEN = Path(__file__).parent / "golden"
DATA_OPEN = '<script type="application/json" id="graph-data">'


def golden_dataset() -> graph.Dataset:
    nodes = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "label": ["Alpha", "Beta <b>", "Gamma"],
            "type": ["state", "person", "organization"],
            "country": ["", "a", ""],
            "role": ["", "Envoy", ""],
            "aliases": ["Alfa;First", "", ""],
            "note": ["x", "", ""],
        }
    )
    edges = pd.DataFrame(
        {
            "id": ["e1", "e2", "e3", "e4"],
            "source": ["a", "b", "a", "c"],
            "target": ["b", "a", "c", "a"],
            "type": ["visit", "dispute", "membership", "talks"],
            "date": ["2019", "2020-05", "", "2021-01-02"],
            "end_date": ["", "2020-07", "", ""],
            "weight": ["1", "2", "", ""],
            "description": ["A visits B.", "A dispute.", "", ""],
            "evidence": ["“quoted”", "", "", ""],
            "citation": ["Report, https://example.org/r", "", "", ""],
        }
    )
    return graph.from_frames(nodes, edges, name="golden")


def skeleton(page: str) -> str:
    """The page with libraries, hashes and layout floats normalized."""
    page = page.replace(vis_library(), "/* vis-network (graph/render/vendor) */")
    page = page.replace(page_script(), "/* graph/render/js/*.js, joined */")
    page = page.replace(style_sheet(), "/* graph/render/css/*.css, joined */")
    page = re.sub(r"'sha256-[A-Za-z0-9+/=]+'", "'sha256-…'", page)
    page = page.replace(f"graph-explorer {graph.__version__}", "graph-explorer VERSION")
    head, rest = page.split(DATA_OPEN, 1)
    block, tail = rest.split("</script>", 1)
    data = json.loads(block)
    data["nodes"]["x"] = [0 for _ in data["nodes"]["x"]]
    data["nodes"]["y"] = [0 for _ in data["nodes"]["y"]]
    data["meta"]["version"] = "VERSION"
    pretty = _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group(0)], json.dumps(data, indent=1))
    return f"{head}{DATA_OPEN}\n{pretty}\n</script>{tail}"


@pytest.mark.parametrize(
    ("name", "options"),
    [("explorer_pairs.html", {}), ("explorer_relations.html", {"links": "relation"})],
)
def test_page_matches_golden(name: str, options: dict) -> None:
    got = skeleton(to_html(golden_dataset(), **options))
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert got == path.read_text(encoding="utf-8"), (
        f"the page structure changed; if on purpose, run UPDATE_GOLDEN=1 pytest {__file__}"
    )


def test_skeleton_keeps_no_library_code() -> None:
    got = skeleton(to_html(golden_dataset()))
    assert len(got) < 20_000
    assert "vis-network (graph/render/vendor)" in got and "window.network" not in got
