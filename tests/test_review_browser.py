"""The review page of ``graph extract`` in a real headless Chromium, from ``file://`` with the
network closed: marks, accept and reject, edits, filters and order, the downloads (parsed with
Python's csv module, validated and merged with ``graph validate`` / ``graph merge``), the keys,
what the browser keeps over a reload, a hostile page, and the phone layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import review_sample
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.render.review import write_review

pytestmark = pytest.mark.browser

READY = "html[data-ready='1']"
ROOT = Path(__file__).resolve().parents[1]
ALL_ROWS = list(range(7))


@pytest.fixture
def review(browser_page: Any, tmp_path: Path) -> Iterator[Any]:
    """The sample's review page, opened; after the test, no request and no error."""
    path = write_review(tmp_path / "out", review_sample.nodes(), review_sample.edges(), "Review")
    page = browser_page.page
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached")
    yield page
    assert browser_page.requests == []
    assert browser_page.errors == []


def card(page: Any, row: int) -> Any:
    return page.locator(f"li.cand[data-row='{row}']")


def shown_rows(page: Any) -> list[int]:
    return page.evaluate(
        "() => [...document.querySelectorAll('li.cand')].filter((li) => !li.hidden)"
        ".map((li) => Number(li.dataset.row))"
    )


def decision(page: Any, row: int) -> str:
    return card(page, row).get_attribute("data-decision")


def downloaded(page: Any, button: str) -> tuple[str, str]:
    """Click a download button; the file's suggested name and its text."""
    with page.expect_download() as info:
        page.click(button)
    raw = Path(info.value.path()).read_bytes()
    return info.value.suggested_filename, raw.decode("utf-8")


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def show(page: Any, status: str) -> None:
    page.check(f"input[name='show'][value='{status}']", force=True)


def test_it_opens_offline_with_every_candidate_and_its_marks(review: Any) -> None:
    page = review
    assert page.locator("li.cand").count() == 7
    assert page.text_content("#counts") == "7 candidates · 0 accepted · 0 rejected · 7 to decide"
    first = card(page, 0)
    assert first.locator("mark.m-source").text_content() == "Iranian"
    assert first.locator("mark.m-target").text_content() == "Dushanbe"
    assert first.locator("mark.m-cue").text_content() == "flew to"
    assert first.locator(".a-source .name").text_content() == "Iran"
    second = card(page, 1)
    assert second.locator(".badge").all_text_contents() == ["new", "new"]
    assert second.locator(".arrow").text_content() == "↔"  # talks: mutual
    assert card(page, 5).locator(".modality").text_content() == "negated"
    assert card(page, 6).locator(".conf").text_content() == "confidence —"
    assert card(page, 6).locator("select.sign").input_value() == "1"  # visit's default sign
    assert page.locator("#download-edges").is_disabled()
    assert page.locator("#download-nodes").is_disabled()


def test_two_accepted_candidates_download_as_exactly_those_rows(
    review: Any, tmp_path: Path
) -> None:
    page = review
    edited = card(page, 1)
    edited.locator("select.type").select_option("dispute")
    assert edited.locator("select.sign").input_value() == "-1"  # the type's default sign
    edited.locator("select.sign").select_option("0")
    edited.locator("input.date").first.fill("2022-03")
    edited.locator("button.accept").click()
    card(page, 3).locator("button.accept").click()
    assert page.text_content("#counts") == "7 candidates · 2 accepted · 0 rejected · 5 to decide"

    name, text = downloaded(page, "#download-edges")
    assert name == "edges.csv"
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert header == review_sample.EDGE_COLUMNS  # same columns, same order, nothing added
    original = review_sample.edges().to_dict("records")
    expected = [
        {**original[1], "type": "dispute", "sign": "0", "date": "2022-03", "status": "accepted"},
        {**original[3], "status": "accepted"},
    ]
    assert rows_of(text) == expected
    assert '"=HYPERLINK(""x"") ¶4"' in text  # quoted, not altered
    assert '"Iran plans to buy aluminium from TALCO, the ""deputy minister"" said."' in text

    name, nodes_text = downloaded(page, "#download-nodes")
    assert name == "nodes.csv"
    nodes = rows_of(nodes_text)
    assert [n["id"] for n in nodes] == [  # the actors named, and the new ones' states
        "iran",
        "tajikistan",
        "hossein_amir_abdollahian",
        "nizomiddin_zohidi",
        "tajik_aluminium",
    ]
    assert {n["id"] for n in nodes if n["status"] == "candidate"} == set(review_sample.NEW)
    by_id = {n["id"]: n for n in review_sample.nodes().to_dict("records")}
    assert nodes == [by_id[n["id"]] for n in nodes]

    runner = CliRunner()
    reviewed = tmp_path / "reviewed"
    reviewed.mkdir()
    (reviewed / "edges.csv").write_text(text, encoding="utf-8", newline="")
    (reviewed / "nodes.csv").write_text(nodes_text, encoding="utf-8", newline="")
    result = runner.invoke(app, ["validate", str(reviewed)])
    assert result.exit_code == 0, result.output
    with_all = tmp_path / "with_all_actors"
    with_all.mkdir()
    (with_all / "edges.csv").write_text(text, encoding="utf-8", newline="")
    review_sample.nodes().to_csv(with_all / "nodes.csv", index=False)
    assert runner.invoke(app, ["validate", str(with_all)]).exit_code == 0

    bundled = graph.load()
    merged_folder = tmp_path / "merged"
    result = runner.invoke(
        app,
        ["merge", str(ROOT / "data" / "iran_tajikistan"), str(reviewed), "-o", str(merged_folder)],
    )
    assert result.exit_code == 0, result.output
    merged = graph.load(merged_folder)
    assert set(merged.nodes["id"]) - set(bundled.nodes["id"]) == set(review_sample.NEW)
    assert len(merged.edges) == len(bundled.edges) + 2


def test_reject_toggles_and_the_filters_and_order_pick_rows(review: Any) -> None:
    page = review
    card(page, 5).locator("button.reject").click()
    card(page, 0).locator("button.accept").click()
    card(page, 2).locator("button.reject").click()
    card(page, 2).locator("button.reject").click()  # again: undecided
    assert [decision(page, r) for r in (0, 2, 5)] == ["accepted", "undecided", "rejected"]
    assert card(page, 5).locator("button.reject").get_attribute("aria-pressed") == "true"
    show(page, "rejected")
    assert shown_rows(page) == [5]
    show(page, "accepted")
    assert shown_rows(page) == [0]
    show(page, "undecided")
    assert shown_rows(page) == [1, 2, 3, 4, 6]
    assert page.text_content("#n-undecided") == "5"
    show(page, "all")
    assert shown_rows(page) == ALL_ROWS

    page.eval_on_selector(
        "#min-confidence",
        "(el) => { el.value = '0.8'; el.dispatchEvent(new Event('input', {bubbles: true})); }",
    )
    assert shown_rows(page) == [0, 1, 4]  # 0.91, 0.84, 0.95; none without a confidence
    assert page.text_content("#counts").endswith("· 3 shown")
    page.eval_on_selector(
        "#min-confidence",
        "(el) => { el.value = '0'; el.dispatchEvent(new Event('input', {bubbles: true})); }",
    )
    page.select_option("#order", "confidence")
    assert shown_rows(page) == [4, 0, 1, 2, 3, 5, 6]
    page.select_option("#order", "confidence-low")
    assert shown_rows(page) == [5, 3, 2, 1, 0, 4, 6]
    page.select_option("#order", "text")
    assert shown_rows(page) == ALL_ROWS
    show(page, "rejected")
    card(page, 5).locator("button.reject").click()
    assert shown_rows(page) == []
    assert page.is_visible("#empty")
    assert page.text_content("#empty") == "No candidate matches these filters."


def test_an_invalid_date_blocks_accept_until_it_is_fixed(review: Any) -> None:
    page = review
    item = card(page, 0)
    date, end = item.locator("input.date").nth(0), item.locator("input.date").nth(1)
    accept = item.locator("button.accept")
    for bad in ("2021-13", "2021-02-29", "21", "0000", "2021-9", "2021-09-01T00"):
        date.fill(bad)
        assert accept.is_disabled(), bad
        assert date.get_attribute("aria-invalid") == "true"
        accept.evaluate("(b) => b.click()")  # a disabled button does nothing
        assert decision(page, 0) == "undecided"
    assert "YYYY-MM-DD" in item.locator(".problem").text_content()
    date.fill("2020-02-29")
    assert accept.is_enabled() and date.get_attribute("aria-invalid") == "false"
    assert item.locator(".problem").is_hidden()
    accept.click()
    assert decision(page, 0) == "accepted"
    end.fill("2019")  # before the date: no longer accepted
    assert decision(page, 0) == "undecided" and accept.is_disabled()
    assert item.locator(".problem").text_content() == "end: before the date"
    end.fill("Ongoing")
    assert accept.is_enabled()
    accept.click()
    _, text = downloaded(page, "#download-edges")
    assert [(r["date"], r["end_date"]) for r in rows_of(text)] == [("2020-02-29", "Ongoing")]


def test_swap_turns_the_relation_and_its_spans_around(review: Any) -> None:
    page = review
    for row in (1, 2):
        card(page, row).locator("button.swap").click()
        card(page, row).locator("button.accept").click()
    swapped = card(page, 2)
    assert swapped.locator(".a-source .name").text_content() == "Iran"
    assert swapped.locator("mark.m-target").text_content() == "Dushanbe"
    assert swapped.locator("mark.m-source").text_content() == "Tehran"
    _, text = downloaded(page, "#download-edges")
    rows = rows_of(text)
    original = review_sample.edges().to_dict("records")
    assert (rows[0]["source"], rows[0]["target"]) == (original[1]["target"], original[1]["source"])
    assert (rows[0]["source_span"], rows[0]["target_span"]) == (
        original[1]["target_span"],
        original[1]["source_span"],
    )
    assert (rows[1]["source"], rows[1]["target"]) == ("iran", "tajikistan")


def test_keys_decide_without_a_mouse(review: Any) -> None:
    page = review
    card(page, 0).locator("button.accept").focus()
    page.keyboard.press("Enter")
    assert decision(page, 0) == "accepted"
    page.keyboard.press("Space")
    assert decision(page, 0) == "undecided"
    card(page, 1).locator(".sentence").click()
    page.keyboard.press("r")
    assert decision(page, 1) == "rejected"
    page.keyboard.press("a")
    assert decision(page, 1) == "accepted"
    card(page, 2).locator("input.date").first.focus()
    page.keyboard.press("a")  # typing in a field decides nothing
    assert decision(page, 2) == "undecided"


def test_decisions_survive_a_reload_and_start_over_forgets_them(review: Any) -> None:
    page = review
    card(page, 0).locator("input.date").first.fill("2021-09-16")
    card(page, 0).locator("button.accept").click()
    card(page, 2).locator("button.swap").click()
    card(page, 4).locator("button.reject").click()
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert [decision(page, r) for r in (0, 2, 4)] == ["accepted", "undecided", "rejected"]
    assert card(page, 0).locator("input.date").first.input_value() == "2021-09-16"
    assert card(page, 2).locator(".a-source .name").text_content() == "Iran"
    page.click("#reset")
    assert decision(page, 0) == "accepted"  # the first click only asks
    page.click("#reset")
    assert [decision(page, r) for r in ALL_ROWS] == ["undecided"] * 7
    assert card(page, 0).locator("input.date").first.input_value() == "2021-09"
    assert card(page, 2).locator(".a-source .name").text_content() == "Tajikistan"
    page.reload()
    page.wait_for_selector(READY, state="attached")
    assert decision(page, 0) == "undecided"


PAYLOAD = "<img src=x onerror=alert(1)></script><script>alert(2)</script>"


def test_a_hostile_page_runs_nothing_and_shows_the_text(browser_page: Any, tmp_path: Path) -> None:
    nodes = review_sample.nodes()
    edges = review_sample.edges()
    nodes.loc[3, "label"] = PAYLOAD
    for column in ("evidence", "citation", "cue", "modality", "type", "confidence", "weight"):
        edges.loc[1, column] = PAYLOAD
    path = write_review(tmp_path, nodes, edges, PAYLOAD)
    page = browser_page.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(READY, state="attached")
    assert page.title() == PAYLOAD
    assert page.text_content("#title") == PAYLOAD
    item = card(page, 1)
    assert item.locator(".sentence").text_content() == PAYLOAD
    assert item.locator(".a-source .name").text_content() == PAYLOAD
    assert item.locator("select.type").input_value() == PAYLOAD
    assert page.locator("img").count() == 0
    item.locator("button.accept").click()
    _, text = downloaded(page, "#download-edges")
    assert rows_of(text)[0]["evidence"] == PAYLOAD
    assert dialogs == [] and browser_page.requests == [] and browser_page.errors == []


def test_a_phone_shows_cards_and_a_desktop_shows_rows(review: Any) -> None:
    page = review
    box = """(row) => {
      const li = document.querySelector(`li.cand[data-row='${row}']`);
      const r = (s) => li.querySelector(s).getBoundingClientRect();
      return {text: r('.c-text'), edit: r('.c-edit'), decide: r('.c-decide'), accept: r('.accept'),
              reject: r('.reject'), width: document.documentElement.scrollWidth};
    }"""
    page.set_viewport_size({"width": 1440, "height": 900})
    wide = page.evaluate(box, 1)
    assert wide["text"]["right"] <= wide["edit"]["left"] <= wide["decide"]["left"]
    assert wide["width"] <= 1440
    page.set_viewport_size({"width": 390, "height": 844})
    narrow = page.evaluate(box, 1)
    assert narrow["width"] <= 390  # nothing sticks out sideways
    assert narrow["text"]["bottom"] <= narrow["edit"]["top"] <= narrow["decide"]["top"]
    assert narrow["accept"]["top"] == narrow["reject"]["top"]  # side by side
    assert narrow["accept"]["height"] >= 40  # big enough for a thumb
