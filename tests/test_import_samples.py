"""The real GDELT and ICEWS samples (../shared/data/events, present in CI): nothing is lost,
the datasets validate, render as HTML, give stats and merge with the bundled dataset."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import graph
from conftest import SHARED_EVENTS
from graph.cli import app
from graph.exchange.combine import merge_with_report
from graph.exchange.importers import ImportResult, import_gdelt, import_icews
from graph.render import to_html

# The real samples live beside the repository (../shared/data/events), as in CI. Outside CI a
# checkout without them skips this module; in CI (CI=true) a missing folder fails it.
pytestmark = pytest.mark.skipif(
    not SHARED_EVENTS.is_dir() and not os.environ.get("CI"),
    reason=f"{SHARED_EVENTS} not found (present in CI)",
)
GDELT = SHARED_EVENTS / "gdelt2_20191024143000.export.CSV"
ICEWS = SHARED_EVENTS / "icews_events.2018.sample.tab"
runner = CliRunner()


def data_rows(path: Path, header: bool) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    return rows[1:] if header else rows


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ImportResult]:
    folder = tmp_path_factory.mktemp("samples")
    return {
        "gdelt": import_gdelt(GDELT, folder / "gdelt"),
        "icews": import_icews(ICEWS, folder / "icews"),
    }


@pytest.mark.parametrize(("name", "path", "header"), [("gdelt", GDELT, False),
                                                      ("icews", ICEWS, True)])  # fmt: skip
def test_every_row_is_imported_or_reported(
    imported: dict[str, ImportResult], name: str, path: Path, header: bool
) -> None:
    s = imported[name].summary
    assert s.rows_read == len(data_rows(path, header))
    assert s.consistent
    parts = sum(s.filtered.values()) + sum(s.dropped.values()) + sum(s.skipped.values())
    assert s.imported + parts == s.rows_read
    assert len(s.issues) == sum(s.skipped.values())  # every skipped row has its line
    assert all(i.row is not None and i.row >= 1 for i in s.issues)
    assert s.imported > 0 and s.edges >= s.imported


def test_gdelt_sample_counts(imported: dict[str, ImportResult]) -> None:
    s = imported["gdelt"].summary
    rows = data_rows(GDELT, header=False)
    assert all(len(r) == 61 for r in rows)
    empty = sum(1 for r in rows if r[5] == "" or r[15] == "")
    assert s.dropped["no-actor"] <= empty <= s.dropped["no-actor"] + s.dropped["no-country"]
    ids = {e for e in imported["gdelt"].edges["id"] if not e.startswith("gdelt-link-")}
    assert len(ids) == s.imported
    assert ids <= {f"gdelt-{r[0]}" for r in rows}


def test_icews_sample_counts(imported: dict[str, ImportResult]) -> None:
    s = imported["icews"].summary
    rows = data_rows(ICEWS, header=True)
    nobody = sum(1 for r in rows if r[2] in ("", "NA") or r[8] in ("", "NA"))
    assert s.dropped.get("no-actor", 0) == nobody
    unknown = (
        "Unspecified Actor",
        "Unidentified State Actor",
        "Citizen (Unidentified State Actor)",
    )
    unspecified = sum(1 for r in rows if r[2] in unknown or r[8] in unknown)
    assert s.dropped["unspecified"] == unspecified == 92
    edges = imported["icews"].edges.set_index("id")
    first = rows[0]
    assert edges.loc[f"icews-{first[0]}", "cameo"] == first[6] == "040"


@pytest.mark.parametrize("name", ["gdelt", "icews"])
def test_datasets_validate_render_and_give_stats(
    imported: dict[str, ImportResult], name: str, tmp_path: Path
) -> None:
    folder = imported[name].path
    assert folder is not None
    report = graph.validate(folder)
    assert report.valid, report.errors[:5]
    dataset = graph.load(folder)
    assert len(dataset.nodes) == imported[name].summary.nodes
    assert "window.network" in to_html(dataset)
    page = tmp_path / "page.html"
    result = runner.invoke(app, ["html", str(folder), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.stat().st_size > 0
    result = runner.invoke(app, ["stats", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["nodes"] == len(dataset.nodes)
    assert graph.summarize(dataset).edges == len(dataset.edges)


@pytest.mark.parametrize("importer", [import_gdelt, import_icews])
def test_filtered_and_aggregated_samples_validate(importer: object, tmp_path: Path) -> None:
    path = GDELT if importer is import_gdelt else ICEWS
    result = importer(path, tmp_path / "out", countries="IRN,RUS,CHN,TJK",  # type: ignore[operator]
                      aggregate="month")  # fmt: skip
    assert result.summary.consistent and result.summary.filtered["actors"] > 0
    assert graph.validate(tmp_path / "out").valid


def test_samples_merge_with_the_bundled_dataset(
    imported: dict[str, ImportResult], bundled: graph.Dataset
) -> None:
    folder = imported["icews"].path
    merged, report = merge_with_report(bundled, folder)
    assert merged.report.valid
    assert {"iran", "russia", "china"} <= set(report.matched)
    assert merged.edges["id"].is_unique
    assert len(merged.edges) == len(bundled.edges) + imported["icews"].summary.edges
    both, _ = merge_with_report(merged, imported["gdelt"].path)
    assert both.edges["id"].is_unique and both.report.valid
