"""Files to text: plain text, Markdown and HTML pages, split into numbered paragraphs.

Plain text and Markdown are read as UTF-8 (a byte-order mark is skipped); a file that is not
UTF-8 is refused with the byte offset of the first bad byte. Markdown keeps its length:
markup characters (``#``, ``*``, ``_``, backquotes, link brackets and targets) become spaces, so
character offsets still point into the file. HTML (``.html``, ``.htm``, or a text file that
holds markup such as ``<script>`` or ``<p>``) goes through BeautifulSoup with Python's own
parser: scripts, styles and other non-text elements are dropped and each block element ends a
paragraph; offsets then point into the extracted text.

Paragraphs are separated by blank lines (white space only, non-breaking spaces included) and
numbered from 1, as citations give them (``article.txt ¶3``).

>>> doc = document_from_text("Iran and Tajikistan.\\n\\nSecond paragraph.", name="t.txt")
>>> [(p.number, doc.text[p.start:p.end]) for p in doc.paragraphs]
[(1, 'Iran and Tajikistan.'), (2, 'Second paragraph.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import GraphError, UsageError

__all__ = [
    "MAX_BYTES",
    "Document",
    "Paragraph",
    "document_from_text",
    "html_text",
    "markdown_text",
    "read_document",
]

#: The largest input file read (bytes); a larger one is refused with a message saying so.
MAX_BYTES = 20 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_MARKUP = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|script|style|iframe|p|div|br|span|a\s|table)\b",
    re.IGNORECASE,
)
#: Characters replaced one for one (offsets keep): lone CR ends a line; NUL, the no-break and
#: other Unicode spaces, zero-width spaces and the BOM become plain spaces.
_SAME_LENGTH = {
    ord("\r"): "\n",
    **{ord(c): " " for c in "\x00\t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"},
    **{ord(c): " " for c in "\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"},
}
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
    "section", "article", "header", "footer", "pre", "table", "ul", "ol", "dd", "dt",
)  # fmt: skip


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document: its number (from 1) and character span in the text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """The text of one input with its paragraphs.

    Parameters
    ----------
    name : str
        What citations call it: the file name (``article.txt``), or the name given.
    text : str
        The text; offsets in the extraction point into it.
    paragraphs : tuple of Paragraph
        The non-blank paragraphs, in order.
    kind : {"text", "markdown", "html"}
        How the input was read.
    """

    name: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    kind: str = "text"


def _paragraphs(text: str) -> tuple[Paragraph, ...]:
    found: list[Paragraph] = []
    start = 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap is not None else len(text)
        chunk = text[start:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            found.append(Paragraph(len(found) + 1, start + lead, start + trail))
        if gap is not None:
            start = gap.end()
    return tuple(found)


def document_from_text(text: str, *, name: str = "text", kind: str = "text") -> Document:
    """A :class:`Document` from text already in memory (no markup is removed).

    Line ends and odd spaces are replaced character for character (CRLF by a space and a
    line feed, a no-break space by a space), so offsets into the text are offsets into the
    input.

    Examples
    --------
    >>> document_from_text("One.\\n \\nTwo.").paragraphs[1]
    Paragraph(number=2, start=7, end=11)
    """
    text = text.replace("\r\n", " \n").translate(_SAME_LENGTH)
    return Document(name, text, _paragraphs(text), kind)


def markdown_text(text: str) -> str:
    """Markdown with its markup blanked out, same length (offsets stay valid).

    >>> markdown_text("## Iran *and* [Tajikistan](http://x.org)")
    '   Iran  and   Tajikistan               '
    """
    text = re.sub(r"\]\([^)\n]*\)", lambda m: " " * len(m.group()), text)
    text = re.sub(r"(?m)^[ \t]*(?:#{1,6}|>|[-*+](?=\s)|\d+\.(?=\s))", _spaces, text)
    return re.sub(r"[*_`\[\]]|<!--|-->", _spaces, text)


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one paragraph per block element.

    Scripts, styles, templates and embedded objects are dropped, never run.

    >>> html_text("<p>Iran <b>visited</b></p><script>alert(1)</script><p>Tajikistan</p>")
    'Iran visited\\n\\nTajikistan'
    """
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - installed with the extract extra
        raise UsageError(
            "reading HTML needs beautifulsoup4: pip install 'graph-explorer[extract]'"
        ) from exc
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(list(_DROPPED_TAGS)):
        tag.decompose()
    for tag in soup.find_all(list(_BLOCK_TAGS)):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise GraphError(
            f"{name} is not UTF-8 text: byte 0x{bad} at offset {exc.start} cannot be decoded; "
            "save the file as UTF-8 (in most editors: Save As, encoding UTF-8) and try again"
        ) from None


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a text, Markdown or HTML file into a :class:`Document`.

    Parameters
    ----------
    path : str or pathlib.Path
        The file. ``.html``/``.htm`` files, and text files that hold HTML markup, are read as
        HTML; ``.md``/``.markdown`` as Markdown; anything else as plain text.
    max_bytes : int
        The largest file read (default 20 MiB).

    Returns
    -------
    Document
        Its text and paragraphs; ``name`` is the file name.

    Raises
    ------
    UsageError
        If the path is missing or not a file.
    GraphError
        If the file is larger than ``max_bytes``, holds NUL bytes (a binary file) or is not
        UTF-8 (the message gives the offset of the first bad byte).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "note.md"
    >>> _ = path.write_text("# Visit\\n\\nIran **visited** Tajikistan.", encoding="utf-8")
    >>> doc = read_document(path)
    >>> doc.kind, doc.text[doc.paragraphs[1].start:doc.paragraphs[1].end]
    ('markdown', 'Iran   visited   Tajikistan.')
    """
    file = Path(path)
    if not file.is_file():
        what = "is not a file" if file.exists() else "does not exist"
        raise UsageError(f"{file} {what}; give the path of a text, Markdown or HTML file")
    size = file.stat().st_size
    if size > max_bytes:
        raise GraphError(
            f"{file.name} is {size / 2**20:.1f} MiB; the limit is {max_bytes / 2**20:.1f} MiB: "
            "split the file, or raise the limit"
        )
    data = file.read_bytes()
    if b"\x00" in data[:8192]:
        raise GraphError(f"{file.name} holds NUL bytes: it is a binary file, not text")
    text = _decode(data, file.name)
    suffix = file.suffix.lower()
    if suffix in _HTML_SUFFIXES or _MARKUP.search(text[:100_000]):
        return document_from_text(html_text(text), name=file.name, kind="html")
    if suffix in _MARKDOWN_SUFFIXES:
        return document_from_text(markdown_text(text), name=file.name, kind="markdown")
    return document_from_text(text, name=file.name)
