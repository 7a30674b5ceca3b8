"""``graph extract``: folders that validate (with and without --dataset), the summary and
--json, the review page, byte-identical reruns, and one clear error per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph
from graph.cli import app

runner = CliRunner()
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
ARTICLE = """\
In 2019, Iranian President Hassan Rouhani paid a visit to Tajikistan. Relations between Tehran
and Dushanbe have become closer since then. Iran could supply drones to Tajikistan.

In April 2021 the Tajik Defense Minister Shir Ali Mirza visited Tehran, and the two countries
signed a memorandum of defence cooperation. Dushanbe is under pressure from Russia to join the
Eurasian Economic Union.
"""


def invoke(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_writes_a_dataset_that_validates_with_a_review_page(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "candidates"
    result = invoke("extract", article, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "dataset.toml", "edges.csv", "nodes.csv", "review.html",
    ]  # fmt: skip
    assert (
        result.output.splitlines()[0]
        == "6 actors (4 from the gazetteer, 2 new), 10 candidate relations"
    )
    assert f"review them in {out / 'review.html'}" in result.output
    check = invoke("validate", out)
    assert check.exit_code == 0 and "valid: 0 error(s), 0 warning(s)" in check.output
    found = graph.load(out)
    assert set(found.edges["status"]) == {"candidate"}
    assert ("shir_ali_mirza", "visit", "iran") in set(
        map(tuple, found.edges[["source", "type", "target"]].values.tolist())
    )
    assert found.title == "Candidate relations from article.txt"


def test_with_a_dataset_its_ids_are_used(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "known"
    result = invoke(
        "extract", article, "--dataset", graph.default_dataset_path(), "-o", out, "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["nodes_found_by"] == {"dataset": 6}
    assert data["review"] == str(out / "review.html")
    assert invoke("validate", out).exit_code == 0
    nodes = graph.load(out).nodes
    assert set(nodes["id"]) <= set(graph.load().nodes["id"])


def test_json_counts_match_the_files(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "j"
    data = json.loads(invoke("extract", article, "-o", out, "--json").stdout)
    found = graph.load(out)
    assert (data["nodes"], data["edges"]) == (len(found.nodes), len(found.edges))
    assert sum(data["edges_by_type"].values()) == len(found.edges)
    assert data["edges_by_modality"] == {"asserted": 9, "prospective": 1}


def test_the_same_input_writes_the_same_bytes(article: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert invoke("extract", article, "-o", first).exit_code == 0
    assert invoke("extract", article, "-o", second).exit_code == 0
    for name in ("nodes.csv", "edges.csv", "dataset.toml", "review.html"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_several_files_are_cited_by_name(article: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>Russia <i>invaded</i> Ukraine in February 2022.</p>", encoding="utf-8")
    out = tmp_path / "both"
    assert invoke("extract", article, page, "-o", out).exit_code == 0
    edges = graph.load(out).edges
    assert edges["citation"].iloc[-1] == "page.html ¶1"
    assert set(edges["citation"].str.split(" ").str[0]) == {"article.txt", "page.html"}


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        ("café".encode("latin-1"), 1, "bad.txt is not UTF-8 text: byte 0xe9 at offset 3"),
        (b"\x00\x00binary", 1, "bad.txt holds NUL bytes: it is a binary file, not text"),
        (b"x" * 3000, 1, "bad.txt is 0.0 MiB; the limit is 0.0 MiB"),
    ],
)
def test_bad_input_is_one_error_line(
    tmp_path: Path, content: bytes, code: int, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = invoke("extract", bad, "-o", tmp_path / "out", "--max-mb", "0.001")
    assert result.exit_code == code
    assert result.output.startswith(f"Error: {message}")
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_usage_errors_exit_2(article: Path, tmp_path: Path) -> None:
    missing = invoke("extract", tmp_path / "nope.txt", "-o", tmp_path / "o")
    assert missing.exit_code == 2 and "nope.txt does not exist" in missing.output
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("x", encoding="utf-8")
    refused = invoke("extract", article, "-o", full)
    assert refused.exit_code == 2 and "already holds files" in refused.output
    assert invoke("extract", article, "-o", full, "--force").exit_code == 0
    assert (full / "keep.txt").exists() and (full / "edges.csv").exists()
    no_dataset = invoke("extract", article, "--dataset", tmp_path / "none", "-o", tmp_path / "p")
    assert no_dataset.exit_code == 2


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article (../shared/seed) is not here")
@pytest.mark.parametrize("known", [False, True])
def test_the_seed_article_gives_folders_that_validate(tmp_path: Path, known: bool) -> None:
    out = tmp_path / "seed"
    extra = ["--dataset", str(graph.default_dataset_path())] if known else []
    result = invoke("extract", SEED, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    assert graph.validate(out).valid
    assert len(graph.load(out).edges) >= 30
