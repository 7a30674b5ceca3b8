"""Candidate relations from text: ``graph extract`` and :func:`graph.extract`.

One module per stage: :mod:`~graph.extraction.reading` (files to text and paragraphs),
:mod:`~graph.extraction.sentences` (spaCy's blank English pipeline and sentencizer),
:mod:`~graph.extraction.gazetteer` (which names stand for which actor),
:mod:`~graph.extraction.mentions` (actor mentions in a paragraph),
:mod:`~graph.extraction.cues` (cue words per relation type, modality words),
:mod:`~graph.extraction.relations` (the relations of one sentence),
:mod:`~graph.extraction.dates` (dates and their precision),
:mod:`~graph.extraction.pipeline` (the loop over documents),
:mod:`~graph.extraction.tables` (the candidate tables) and :mod:`~graph.extraction.api`
(:func:`extract`, :func:`write_extraction`). The gazetteer and the cues are data, in
``graph/extraction/data/``; docs/extract.md describes them.

spaCy and BeautifulSoup (the ``extract`` extra) are imported only when text is read; no
model is downloaded.

>>> found = graph.extract("Russia imposed sanctions on Iran in March 2007.")
>>> found.edges[["source", "type", "target", "date"]].values.tolist()
[['russia', 'sanction', 'iran', '2007-03']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import attach

if TYPE_CHECKING:
    from .api import REVIEW_FILE, extract, write_extraction
    from .cues import Cues, load_cues
    from .gazetteer import Gazetteer, load_gazetteer
    from .reading import Document, read_document

__all__ = [
    "REVIEW_FILE",
    "Cues",
    "Document",
    "Gazetteer",
    "extract",
    "load_cues",
    "load_gazetteer",
    "read_document",
    "write_extraction",
]

#: Where each public name lives; it is imported on first use (:mod:`graph._lazy`).
_EXPORTS = {
    "REVIEW_FILE": "api",
    "Cues": "cues",
    "Document": "reading",
    "Gazetteer": "gazetteer",
    "extract": "api",
    "load_cues": "cues",
    "load_gazetteer": "gazetteer",
    "read_document": "reading",
    "write_extraction": "api",
}
__getattr__, __dir__ = attach(__name__, _EXPORTS)
