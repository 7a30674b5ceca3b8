"""Sentences: spaCy's blank English pipeline and its rule-based sentencizer, per paragraph.

No statistical model is loaded or downloaded: ``spacy.blank("en")`` tokenizes with spaCy's
English rules and the ``sentencizer`` ends sentences at ``.``, ``!``, ``?`` and the like. A
paragraph longer than :data:`MAX_CHUNK` characters is cut at white space into chunks (spaCy's
own limit is 1,000,000), and a sentence longer than :data:`MAX_SENTENCE` characters is cut into
pieces at a ``;``, ``,`` or word boundary, so a page without full stops cannot make one
sentence of a megabyte.

>>> from graph.extraction.reading import document_from_text
>>> doc = document_from_text("Iran met Tajikistan. They signed a memorandum.")
>>> [c.doc[s:e].text for c in chunks(doc) for s, e in c.sentences]
['Iran met Tajikistan.', 'They signed a memorandum.']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..errors import UsageError
from .reading import Document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["MAX_CHUNK", "MAX_SENTENCE", "Chunk", "chunks", "pipeline", "squeeze"]

#: The longest text handed to spaCy at once (characters); longer paragraphs are cut.
MAX_CHUNK = 100_000
#: The longest sentence kept whole (characters); longer ones are cut into pieces.
MAX_SENTENCE = 2_000
_BREAKS = (";", ",", ":", "—", "–")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """spaCy's blank English pipeline with a sentencizer (built once, nothing downloaded).

    Raises
    ------
    UsageError
        If spaCy is not installed (the ``extract`` extra).
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - installed with the extract extra
        raise UsageError(
            "extraction needs spaCy: pip install 'graph-explorer[extract]' (no model download)"
        ) from exc
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass
class Chunk:
    """A stretch of one paragraph as a spaCy ``Doc``, with its sentences.

    The doc's text is the chunk's with every run of white space (line breaks included) made
    one space, so no token is white space; ``positions[i]`` is where the doc's character
    ``i`` is in the document's text. ``sentences`` are token spans ``(start, end)`` of ``doc``.
    """

    doc: Doc
    positions: np.ndarray
    paragraph: int
    sentences: list[tuple[int, int]]

    def char(self, i: int) -> int:
        """The document offset of the doc's character ``i``."""
        return int(self.positions[i])

    def span_chars(self, start: int, end: int) -> tuple[int, int]:
        """The document offsets (start, end) of the tokens ``doc[start:end]``."""
        last = self.doc[end - 1]
        return self.char(self.doc[start].idx), self.char(last.idx + len(last.text) - 1) + 1


def squeeze(text: str) -> tuple[str, np.ndarray]:
    """``text`` with each run of white space made one space, and where each character was.

    >>> squeeze("Iran\\n  met\\tRussia")
    ('Iran met Russia', array([ 0,  1,  2,  3,  4,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16]))
    """
    chars = list(text)
    keep = np.ones(len(chars), dtype=bool)
    for match in _SPACE.finditer(text):
        a, b = match.span()
        chars[a] = " "
        keep[a + 1 : b] = False
    return "".join(itertools.compress(chars, keep)), np.flatnonzero(keep)


def _pieces(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` at white space into pieces of at most ``size`` characters."""
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        if cut <= start:
            cut = start + size
        yield start, cut
        start = cut
    yield start, end


def _split_long(doc: Doc, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Token spans of at most :data:`MAX_SENTENCE` characters covering ``doc[start:end]``."""
    while end - start > 1 and doc[start:end].end_char - doc[start].idx > MAX_SENTENCE:
        limit = doc[start].idx + MAX_SENTENCE
        last = start
        cut = None
        for i in range(start + 1, end):
            if doc[i].idx + len(doc[i].text) > limit:
                break
            last = i
            if doc[i].text in _BREAKS:
                cut = i + 1
        stop = cut if cut is not None and cut > start + 1 else max(last, start + 1)
        yield start, stop
        start = stop
    if start < end:
        yield start, end


def chunks(document: Document, nlp: Language | None = None) -> Iterator[Chunk]:
    """The document's paragraphs as spaCy docs with their sentences, in order.

    Parameters
    ----------
    document : Document
        The text and its paragraphs.
    nlp : spacy.language.Language, optional
        The pipeline (default: :func:`pipeline`).

    Yields
    ------
    Chunk
        One per paragraph (several for a paragraph over :data:`MAX_CHUNK` characters).
    """
    nlp = nlp or pipeline()
    spans = [
        (para.number, a, b)
        for para in document.paragraphs
        for a, b in _pieces(document.text, para.start, para.end, MAX_CHUNK)
    ]
    squeezed = [squeeze(document.text[a:b]) for _, a, b in spans]
    texts = (text for text, _ in squeezed)
    docs = nlp.pipe(texts, batch_size=64)
    for (number, a, _), (_, where), doc in zip(spans, squeezed, docs, strict=True):
        sentences = [
            piece
            for sent in doc.sents
            for piece in _split_long(doc, sent.start, sent.end)
            if doc[piece[0] : piece[1]].text.strip()
        ]
        yield Chunk(doc, where + a, number, sentences)
