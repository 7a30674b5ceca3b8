"""``graph.extract``: text in, a dataset of candidate relations out; and writing it.

>>> found = graph.extract("In 2019, Iranian President Hassan Rouhani paid a visit to Tajikistan.")
>>> found.edges[["source", "type", "target", "date", "status"]].values.tolist()
[['hassan_rouhani', 'visit', 'tajikistan', '2019', 'candidate'], \
['hassan_rouhani', 'office', 'iran', '2019', 'candidate']]
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.columns import VOCABULARY_FILE
from ..model.metadata import DatasetMetadata
from .cues import load_cues
from .gazetteer import load_gazetteer
from .pipeline import Run
from .reading import MAX_BYTES, Document, document_from_text, read_document
from .tables import edge_table, node_table

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["REVIEW_FILE", "extract", "write_extraction"]

#: The review page written beside the dataset (when the render stage provides one).
REVIEW_FILE = "review.html"
_DESCRIPTION = (
    "Candidate relations found by graph extract (a gazetteer of actors and cue words per "
    "relation type, no statistical model). Every relation has status 'candidate', the sentence "
    "it comes from (evidence) and a confidence: review each before using the data."
)


def _documents(text_or_paths: str | Path | Iterable[str | Path], max_bytes: int) -> list[Document]:
    items = [text_or_paths] if isinstance(text_or_paths, (str, Path)) else list(text_or_paths)
    docs = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, Path) or (
            "\n" not in item and len(item) < 4096 and Path(item).is_file()
        ):
            docs.append(read_document(item, max_bytes=max_bytes))
        else:
            name = "text" if len(items) == 1 else f"text{n}"
            docs.append(document_from_text(item, name=name))
    return docs


def _known(known: Dataset | str | Path | None) -> tuple[Dataset | None, Path | None]:
    if known is None:
        return None, None
    if isinstance(known, (str, Path)):
        from ..loading import load

        known = load(known)
    vocab = known.path / VOCABULARY_FILE if known.path is not None else None
    return known, vocab if vocab is not None and vocab.is_file() else None


def extract(
    text_or_paths: str | Path | Iterable[str | Path],
    *,
    known: Dataset | str | Path | None = None,
    name: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Dataset:
    """Find candidate relations in text: actors by a gazetteer, relations by cue words.

    Parameters
    ----------
    text_or_paths : str, path, or iterable of them
        Text, or files to read (plain text, Markdown, HTML). A ``pathlib.Path`` is a file; a
        ``str`` is a file when it names one (one line), else text.
    known : Dataset or path, optional
        A dataset whose actors the text names: its labels and aliases join the gazetteer
        and its ids are reused; cues in its ``vocabulary.toml`` (``[cues.TYPE]``) join the
        built-in ones, and its own relation types may be used.
    name : str, optional
        The dataset's name (default: ``extracted``).
    max_bytes : int
        The largest file read (default 20 MiB).

    Returns
    -------
    Dataset
        The actors mentioned and the candidate relations, checked like any dataset. Each
        relation has its ``evidence`` (the sentence), ``citation`` (file and paragraph),
        ``confidence``, ``cue``, ``modality`` (``asserted``, ``prospective``, ``negated``),
        ``status`` (``candidate``) and the sentence's character offsets (``start``, ``end``).

    Raises
    ------
    GraphError
        If a file is not UTF-8, is binary or is too large, or the known dataset's cues are
        invalid.
    UsageError
        If a path is not a file.

    See Also
    --------
    write_extraction : Write the dataset folder and its review page.

    Examples
    --------
    >>> found = graph.extract("Tajikistan was invited by Iran.", known=ds)
    >>> found.edges[["source", "type", "target", "modality"]].values.tolist()
    [['iran', 'invitation', 'tajikistan', 'asserted']]
    >>> found.nodes[["id", "status"]].values.tolist()
    [['tajikistan', 'known'], ['iran', 'known']]
    """
    from ..loading import from_frames

    documents = _documents(text_or_paths, max_bytes)
    known_ds, vocab_file = _known(known)
    vocabulary = known_ds.vocabulary if known_ds is not None else None
    run = Run.create(
        load_gazetteer(known_ds),
        load_cues(vocab_file, vocabulary=vocabulary),
        vocabulary,
    )
    rows = [row for doc in documents for row in run.document(doc)]
    merged = run.surnames()
    for row in rows:
        row["source"] = merged.get(row["source"], row["source"])
        row["target"] = merged.get(row["target"], row["target"])
    rows = [r for r in rows if r["source"] != r["target"]]
    counts = dict(run.counts)
    for old, new in merged.items():
        counts[new] = counts.get(new, 0) + counts.pop(old, 0)
    order = {k: v for k, v in run.order.items() if k not in merged}
    edges = edge_table(rows, run.cues, run.vocabulary)
    used = [*edges["source"], *edges["target"]]
    nodes = node_table(run.finder.actors, counts, order, used)
    names = ", ".join(d.name for d in documents)
    metadata = DatasetMetadata(
        title=f"Candidate relations from {names}",
        description=_DESCRIPTION,
        sources=tuple(d.name for d in documents),
    )
    return from_frames(
        nodes, edges, name=name or "extracted", vocabulary=run.vocabulary, metadata=metadata
    )


def write_extraction(dataset: Dataset, folder: str | Path) -> Path:
    """Write an extraction as a dataset folder, with its review page when there is one.

    The folder holds ``nodes.csv``, ``edges.csv`` and ``dataset.toml`` (and a
    ``vocabulary.toml`` when the dataset has types of its own), written as
    :func:`graph.write_dataset` does (built beside the folder, swapped in whole); then
    ``review.html``, the page for checking each candidate, if ``graph.render.review`` exists.

    Parameters
    ----------
    dataset : Dataset
        What :func:`extract` returned.
    folder : str or pathlib.Path
        The folder to write.

    Returns
    -------
    pathlib.Path
        The folder.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "candidates"
    >>> _ = write_extraction(graph.extract("Iran recognized Tajikistan."), folder)
    >>> graph.load(folder)
    <Dataset 'candidates': 2 nodes, 1 edges>
    """
    from ..exchange.formats import write_dataset

    write_dataset(dataset, folder)
    if importlib.util.find_spec("graph.render.review") is not None:
        from ..render import review

        nodes = dataset.nodes.drop(columns=["_line"], errors="ignore")
        edges = dataset.edges
        review.write_review(Path(folder), nodes, edges, dataset.title)
    return Path(folder)
