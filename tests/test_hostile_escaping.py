"""Escaping per output target, run on the hostile corpus (issue 11, points 1, 11 and 13).

- ``markdown-injection``: Markdown outputs, rendered by a real Markdown renderer (markdown-it),
  hold no link, image, HTML tag, heading or extra table cell made by the data.
- ``terminal-escapes`` and ``terminal-escapes-invalid``: no command's output for people lets a
  control character from the data reach the terminal raw; JSON and CSV keep them exactly.
- ``csv-formulas``: CSV outputs are exact by default; ``--excel-safe`` defuses formulas.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import graph
from graph.cli import app
from graph.text import markdown_text, spreadsheet_text, terminal_text

HOSTILE = Path(__file__).parent / "data" / "hostile"
MARKDOWN = HOSTILE / "markdown-injection"
TERMINAL = HOSTILE / "terminal-escapes"
TERMINAL_INVALID = HOSTILE / "terminal-escapes-invalid"
FORMULAS = HOSTILE / "csv-formulas"
runner = CliRunner()

# What a terminal would act on: every control character but the newline, DEL, C1 controls,
# bidirectional overrides and isolates, line and paragraph separators.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args])


# Markdown (point 1)


class _Tags(HTMLParser):
    """The tags, attributes and text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(markdown: str) -> _Tags:
    """Markdown as CommonMark with GFM tables and strikethrough renders it, parsed."""
    from markdown_it import MarkdownIt

    parser = _Tags()
    parser.feed(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown))
    return parser


def assert_inert(markdown: str) -> None:
    """No link, HTML, quote, list, code or extra heading from the data; images only the
    report's own ``data:`` charts; every table row as wide as its header."""
    page = render(markdown)
    names = [tag for tag, _ in page.tags]
    for tag in ("a", "script", "iframe", "blockquote", "ol", "pre", "code", "s", "del"):
        assert tag not in names, (tag, markdown)
    assert names.count("h1") == 1
    for tag, attrs in page.tags:
        for value in attrs.values():
            assert "127.0.0.1" not in (value or "") and "javascript:" not in (value or "")
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/svg+xml;base64,")
    for table in re.findall(r"(?m)^\|.*\|$(?:\n^\|.*\|$)*", markdown):
        rows = table.splitlines()
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, table


MARKDOWN_OUTPUTS = {
    "report": ["report", MARKDOWN, "--format", "markdown", "--pair", "leak,js", "-o"],
    "stats": ["stats", MARKDOWN, "--format", "markdown", "--top", "0"],
    "timeline": ["timeline", "leak", "js", MARKDOWN, "--format", "markdown"],
    "path": ["path", "table", "js", MARKDOWN, "--format", "markdown"],
    "neighbors": ["neighbors", "js", MARKDOWN, "--depth", "3", "--format", "markdown"],
}


@pytest.mark.parametrize("name", MARKDOWN_OUTPUTS)
def test_markdown_outputs_make_no_link_image_or_html(name: str, tmp_path: Path) -> None:
    args: list[object] = list(MARKDOWN_OUTPUTS[name])
    if name == "report":
        args.append(tmp_path / "report.md")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "report.md").read_text("utf-8") if name == "report" else result.stdout
    if name in ("path", "neighbors"):
        text = "# output\n\n" + text  # one h1, as the others have
    assert_inert(text)
    shown = "".join(render(text).text)
    assert "![a](http://127.0.0.1:9/leak)" in shown  # shown as written
    if name in ("report", "timeline", "path"):
        assert "[x](javascript:alert(1))" in shown


def test_the_markdown_report_shows_every_hostile_text_as_written() -> None:
    ds = graph.load(MARKDOWN)
    report = graph.build_report(ds, pair=("leak", "js"))
    text = graph.to_report_markdown(report)
    assert_inert(text)
    shown = "".join(render(text).text)
    for label in ds.nodes["label"]:
        assert " ".join(label.split()) in shown
    for column in ("description", "evidence", "citation"):
        for value in ds.edges[column]:
            assert " ".join(value.split()) in shown


@given(st.text())
def test_markdown_text_renders_as_the_text_itself(text: str) -> None:
    from markdown_it import MarkdownIt

    rendered = (
        MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown_text(text))
    )
    expected = terminal_text(" ".join(text.split()))
    page = _Tags()
    page.feed(rendered)
    assert [tag for tag, _ in page.tags] == (["p"] if expected else [])
    assert "".join(page.text).strip("\n") == expected


# Terminal (point 11)

TAJIK = "tajik\x1b[31m"  # an id holding an escape sequence
HUMAN_OUTPUTS: dict[str, list[object]] = {
    "validate": ["validate", TERMINAL],
    "stats": ["stats", TERMINAL],
    "stats-markdown": ["stats", TERMINAL, "--format", "markdown"],
    "timeline": ["timeline", "iran", TAJIK, TERMINAL],
    "timeline-markdown": ["timeline", "iran", TAJIK, TERMINAL, "--format", "markdown"],
    "path": ["path", "iran", "bidi", TERMINAL],
    "path-markdown": ["path", "iran", "bidi", TERMINAL, "--format", "markdown"],
    "neighbors": ["neighbors", "russia", TERMINAL, "--depth", "2"],
    "neighbors-markdown": ["neighbors", "russia", TERMINAL, "--format", "markdown"],
    "html": ["html", TERMINAL, "-o", "{tmp}/page.html"],
    "report": ["report", TERMINAL, "-o", "{tmp}/report.html"],
    "export": ["export", TERMINAL, "--format", "graphml", "-o", "{tmp}/g.graphml"],
    "invalid-validate": ["validate", TERMINAL_INVALID],
    "invalid-stats": ["stats", TERMINAL_INVALID],
    "invalid-timeline": ["timeline", "iran", "tajikistan", TERMINAL_INVALID],
    "unknown-name": ["timeline", "nobody\x1b]0;pwned\x07", "russia", TERMINAL],
}


@pytest.mark.parametrize("name", HUMAN_OUTPUTS)
def test_no_control_character_reaches_the_terminal_raw(name: str, tmp_path: Path) -> None:
    args = [str(a).replace("{tmp}", str(tmp_path)) for a in HUMAN_OUTPUTS[name]]
    result = invoke(*args)
    expected = 2 if name == "unknown-name" else 1 if name.startswith("invalid") else 0
    assert result.exit_code == expected, result.output
    for stream in (result.stdout, result.stderr):
        assert not RAW_CONTROL.findall(stream), stream
    assert "Traceback" not in result.output and "unexpected" not in result.output
    if name in ("stats", "timeline", "path", "invalid-validate", "unknown-name"):
        assert "\\x1b" in result.output  # shown, not dropped


def test_the_data_cannot_forge_an_output_line() -> None:
    result = invoke("timeline", TAJIK, "russia", TERMINAL)
    assert result.exit_code == 0, result.output
    assert "line one\\nvalid: 0 error(s), 0 warning(s)" in result.stdout
    assert not any(line.startswith("valid:") for line in result.stdout.splitlines())


def test_validation_messages_show_the_sequences() -> None:
    result = invoke("validate", TERMINAL_INVALID)
    assert result.exit_code == 1
    assert "edges.csv line 2, column 'target': 'tajik\\x1b]0;pwned\\x07'" in result.stderr


def test_rich_markup_in_the_data_is_shown_as_written() -> None:
    result = invoke("path", "iran", "bidi", TERMINAL)
    assert "[link=http://127.0.0.1:9/]Russia[/link]" in result.stdout


def test_json_and_csv_keep_the_exact_characters() -> None:
    ds = graph.load(TERMINAL)
    first = ds.edges.iloc[0]
    result = invoke("timeline", "iran", TAJIK, TERMINAL, "--json")
    relation = json.loads(result.stdout)["relations"][0]
    assert relation["description"] == first["description"] == "talks\x1b]0;pwned\x07"
    assert relation["target"] == TAJIK
    result = invoke("timeline", "iran", TAJIK, TERMINAL, "--format", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert row["description"] == first["description"] and row["citation"] == first["citation"]


# CSV formulas (point 13)

CSV_OUTPUTS: dict[str, list[object]] = {
    "stats": ["stats", FORMULAS],
    "timeline": ["timeline", "eq", "plus", FORMULAS],
    "path": ["path", "eq", "=dde", FORMULAS],
    "neighbors": ["neighbors", "eq", FORMULAS, "--depth", "3"],
}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _defused(cells: list[str]) -> bool:
    return not [c for c in cells if c.startswith(FORMULA_START) and not _is_number(c)]


@pytest.mark.parametrize("name", CSV_OUTPUTS)
def test_csv_is_exact_by_default_and_defused_with_excel_safe(name: str) -> None:
    plain = invoke(*CSV_OUTPUTS[name], "--format", "csv")
    assert plain.exit_code == 0, plain.output
    assert not _defused(_cells(plain.stdout))  # the corpus does reach each output
    safe = invoke(*CSV_OUTPUTS[name], "--format", "csv", "--excel-safe")
    assert safe.exit_code == 0, safe.output
    assert _defused(_cells(safe.stdout))
    assert [c.removeprefix("'") for c in _cells(safe.stdout)] == _cells(plain.stdout)


def test_excel_safe_is_for_csv_only(tmp_path: Path) -> None:
    result = invoke("stats", FORMULAS, "--excel-safe")
    assert result.exit_code == 2 and "--excel-safe" in result.stderr
    result = invoke(
        "export", FORMULAS, "--format", "json", "-o", tmp_path / "g.json", "--excel-safe"
    )
    assert result.exit_code == 2 and "excel" in result.stderr
    assert not (tmp_path / "g.json").exists()


def test_csv_export_round_trips_by_default_and_is_defused_on_request(tmp_path: Path) -> None:
    ds = graph.load(FORMULAS)
    result = invoke("export", FORMULAS, "--format", "csv", "-o", tmp_path / "exact")
    assert result.exit_code == 0, result.output
    back = graph.load(tmp_path / "exact")
    pd.testing.assert_series_equal(back.nodes["label"], ds.nodes["label"])
    pd.testing.assert_series_equal(back.edges["description"], ds.edges["description"])
    result = invoke("export", FORMULAS, "--format", "csv", "-o", tmp_path / "safe", "--excel-safe")
    assert result.exit_code == 0, result.output
    for name in ("nodes.csv", "edges.csv"):
        assert _defused(_cells((tmp_path / "safe" / name).read_text("utf-8")))
    safe = graph.load(tmp_path / "safe")  # ids are prefixed alike in both files: still valid
    assert "'=dde" in set(safe.nodes["id"]) and "'-note" in safe.nodes.columns
    assert safe.nodes.set_index("id").loc["minus", "label"] == "-1"  # a number is kept


@pytest.mark.parametrize("start", FORMULA_START)
def test_spreadsheet_text_prefixes_each_formula_start(start: str) -> None:
    assert spreadsheet_text(start + "cmd") == "'" + start + "cmd"
    assert spreadsheet_text("a" + start) == "a" + start


@pytest.mark.parametrize("number", ["-1", "+2", "-0.5", "-1e-05", "+.5"])
def test_spreadsheet_text_keeps_numbers(number: str) -> None:
    assert spreadsheet_text(number) == number
