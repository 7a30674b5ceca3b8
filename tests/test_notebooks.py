"""The notebooks run top to bottom in a fresh kernel, show the inline graph, use the public API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import graph

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ["01_explore_iran_tajikistan.ipynb", "02_event_data.ipynb"]


def _run(name: str) -> Any:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    return nb


@pytest.fixture(scope="module")
def executed() -> dict[str, Any]:
    return {name: _run(name) for name in NAMES}


def _outputs(nb: Any, mime: str = "text/plain") -> list[str]:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out["text"])
            elif mime in out.get("data", {}):
                texts.append(out["data"][mime])
    return texts


def _inline_graphs(nb: Any) -> list[str]:
    return [h for h in _outputs(nb, "text/html") if h.startswith("<iframe srcdoc=")]


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs_and_with_a_fixed_kernel(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", NAMES)
def test_uses_only_the_public_api(name: str) -> None:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"\bgraph(\.\w+)*\._", source), "private name used"
    assert not re.search(r"from graph[\w.]* import .*\b_\w", source), "private import"
    for attr in set(re.findall(r"\bgraph\.(\w+)\(", source)):
        assert attr in graph.__all__, attr


def test_explore_notebook_outputs(executed: dict[str, Any]) -> None:
    nb = executed[NAMES[0]]
    text = "\n".join(_outputs(nb))
    ds = graph.load()
    assert f"{len(ds.nodes)} actors, {len(ds.edges)} relations" in text
    assert "whole record: 1 unbalanced triads" in text
    assert "iran tajikistan irpt   1  -1   1" in text  # Tajikistan–IRPT breaks it
    assert "1994–1996: 0 balanced and 1 unbalanced triads" in text
    (frame,) = _inline_graphs(nb)
    assert f"{len(ds.nodes)} actors" in frame  # the page's subtitle, inside srcdoc
    svg = "\n".join(_outputs(nb, "image/svg+xml"))
    assert "<svg" in svg and "Iran–Tajikistan" in svg


def test_event_notebook_accounts_for_every_row(executed: dict[str, Any]) -> None:
    nb = executed[NAMES[1]]
    text = "\n".join(_outputs(nb))
    table = next(t for t in _outputs(nb) if t.lstrip().startswith("GDELT"))
    rows = {line.split()[0] + (" " + line.split()[1] if line.startswith("rows") else ""): line
            for line in table.splitlines()[1:]}  # fmt: skip
    read = [int(x) for x in rows["rows read"].split()[2:]]
    parts = [
        [int(x) for x in rows[k].split()[1:]]
        for k in ("imported", "filtered", "dropped", "skipped")
    ]
    assert [sum(col) for col in zip(*parts, strict=True)] == read
    assert "MergeReport" in text
    assert len(_inline_graphs(nb)) == 1


@pytest.mark.browser
def test_inline_graph_loads_offline_in_chromium(
    executed: dict[str, Any], browser_page: Any, tmp_path: Path
) -> None:
    (frame,) = _inline_graphs(executed[NAMES[0]])
    page_file = tmp_path / "cell.html"
    page_file.write_text(f"<!doctype html><html><body>{frame}</body></html>", encoding="utf-8")
    page = browser_page.page
    page.goto(page_file.as_uri())
    inner = page.frames[1]
    inner.wait_for_selector("html[data-ready='1']", state="attached", timeout=20_000)
    assert inner.evaluate("() => window.nodes.length") == len(graph.load().nodes)
    assert browser_page.requests == []
    assert browser_page.errors == []
