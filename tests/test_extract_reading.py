"""Reading inputs for ``graph extract``: paragraphs and offsets, Markdown and HTML, and hostile
files (not UTF-8, binary, too large, markup in a text file, very long sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

import graph
from graph.extraction.reading import MAX_BYTES, document_from_text, html_text, read_document
from graph.extraction.sentences import MAX_SENTENCE, chunks


def _paragraph_texts(doc: graph.extraction.Document) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.paragraphs]


def test_paragraphs_split_on_blank_lines_even_with_no_break_spaces() -> None:
    doc = document_from_text("First one.\n\xa0\n\nSecond\none.\n \nThird.")
    assert _paragraph_texts(doc) == ["First one.", "Second\none.", "Third."]
    assert [p.number for p in doc.paragraphs] == [1, 2, 3]


def test_offsets_point_into_the_file_with_crlf_and_odd_spaces(tmp_path: Path) -> None:
    raw = "Intro line.\r\n\r\nIran\xa0visited Tajikistan in 2019.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    found = graph.extract(path)
    (edge,) = found.edges.itertuples(index=False)
    start, end = int(edge.start), int(edge.end)
    assert raw[start:end].replace("\xa0", " ") == "Iran visited Tajikistan in 2019."
    assert edge.citation == "crlf.txt ¶2"


def test_markdown_markup_is_blanked_and_offsets_kept(tmp_path: Path) -> None:
    raw = "# Visits\n\n**Iran** [visited](https://x.org/a) *Tajikistan*.\n"
    path = tmp_path / "note.md"
    path.write_text(raw, encoding="utf-8")
    doc = read_document(path)
    assert doc.kind == "markdown" and len(doc.text) == len(raw)
    found = graph.extract(path)
    (edge,) = found.edges.itertuples(index=False)
    assert (edge.source, edge.type, edge.target) == ("iran", "visit", "tajikistan")
    assert raw[int(edge.start) : int(edge.end)] == "Iran** [visited](https://x.org/a) *Tajikistan*."
    assert "https" not in edge.evidence and "*" not in edge.evidence


def test_html_keeps_the_text_drops_scripts_and_splits_blocks(tmp_path: Path) -> None:
    page = (
        "<html><head><title>t</title><script>var s = 'Russia attacked Iran';</script>"
        "<style>p {color: red}</style></head><body><p>Iran <b>visited</b> Tajikistan.</p>"
        '<p onclick="alert(1)">Russia &amp; China signed an agreement.</p></body></html>'
    )
    assert html_text(page) == "Iran visited Tajikistan.\n\nRussia & China signed an agreement."
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    edges = graph.extract(path).edges
    assert edges[["source", "type", "target"]].values.tolist() == [
        ["iran", "visit", "tajikistan"],
        ["russia", "agreement", "china"],
    ]
    assert edges["citation"].tolist() == ["page.html ¶1", "page.html ¶2"]
    assert not edges["evidence"].str.contains("<|alert|attacked", regex=True).any()


def test_markup_inside_a_text_file_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "pasted.txt"
    path.write_text("Iran met Russia.<script>alert('Iran attacked Russia')</script>", "utf-8")
    assert read_document(path).kind == "html"
    found = graph.extract(path)
    assert found.edges[["source", "type", "target"]].values.tolist() == [
        ["iran", "talks", "russia"]
    ]


def test_text_that_is_not_utf8_is_refused_with_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Iran visited the café in Dushanbe.".encode("latin-1"))
    with pytest.raises(
        graph.GraphError, match=r"latin1\.txt is not UTF-8 text: byte 0xe9 at offset 20"
    ):
        read_document(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary" * 10, "holds NUL bytes"),
        (b"x" * 2048, r"is 0\.0 MiB; the limit is 0\.0 MiB"),
    ],
)
def test_binary_and_oversized_files_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(graph.GraphError, match=message):
        read_document(path, max_bytes=1024)


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(graph.UsageError, match="does not exist"):
        read_document(tmp_path / "nope.txt")


def test_ten_megabyte_files_get_an_answer(tmp_path: Path) -> None:
    ten = 10 * 1024 * 1024
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n" * (ten // 2))  # 10 MiB of nothing: read, no paragraph
    assert graph.extract(blank).edges.empty
    big = tmp_path / "big.txt"
    big.write_bytes(b"Iran met Russia. " * (ten // 17 + 1))
    assert big.stat().st_size > ten and ten < MAX_BYTES
    with pytest.raises(graph.GraphError, match=r"big\.txt is 10\.0 MiB; the limit is 5\.0 MiB"):
        graph.extract(big, max_bytes=5 * 1024 * 1024)
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00" * ten)
    with pytest.raises(graph.GraphError, match="binary file"):
        graph.extract(binary)


def test_a_very_long_sentence_is_cut_into_pieces() -> None:
    text = "Iran met Russia " + "and talked at length " * 3_000 + "and Tajikistan visited Iran"
    doc = document_from_text(text)
    (chunk,) = list(chunks(doc))
    spans = [chunk.doc[s:e] for s, e in chunk.sentences]
    assert len(spans) > 30
    assert all(len(span.text) <= MAX_SENTENCE for span in spans)
    assert sum(len(span) for span in spans) == len(chunk.doc)  # every token kept once
    edges = graph.extract(text).edges
    assert {("iran", "talks", "russia"), ("tajikistan", "visit", "iran")} <= set(
        map(tuple, edges[["source", "type", "target"]].values.tolist())
    )
    assert edges["evidence"].str.len().max() <= MAX_SENTENCE


def test_a_word_longer_than_a_sentence_is_kept_whole() -> None:
    doc = document_from_text("x" * 300_000)
    assert sum(len(c.sentences) for c in chunks(doc)) >= 3
    assert graph.extract("x" * 300_000).edges.empty
