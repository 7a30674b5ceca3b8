"""The review page of ``graph extract``: accept, reject and edit candidate relations offline.

:func:`review_page` turns the extractor's tables (``nodes``: actors, ``status`` ``known`` or
``candidate``; ``edges``: candidate relations with their sentence, cue, modality and
confidence) into one self-contained HTML page, and :func:`write_review` writes it as
``review.html`` in the output folder. The page lists each candidate with its sentence, the
source actor, the target actor and the cue marked in it; the reviewer accepts or rejects it,
edits its type, sign and dates or swaps its direction, and downloads the accepted rows as
``edges.csv`` and the actors they name (and their states) as ``nodes.csv``: a dataset folder
for ``graph merge``.

The page follows the explorer's safety rules (see :mod:`graph.render.page`): one inline script
and one inline stylesheet, allowed by hash in a Content-Security-Policy that allows nothing
else; the data as JSON with ``<``, ``>`` and ``&`` escaped; every data string put in the page
with ``textContent``. Where the sentence names the actors and the cue is worked out here (the
``source_span``, ``target_span`` and ``cue_span`` columns when given, else the actors' names
and aliases and the cue text found in the sentence, regardless of case), as offsets in the
page's UTF-16 code units.

>>> nodes = pd.DataFrame({"id": ["iran", "tajikistan"], "label": ["Iran", "Tajikistan"],
...                       "type": ["state", "state"], "status": ["known", "known"]})
>>> edges = pd.DataFrame({"id": ["c1"], "source": ["iran"], "target": ["tajikistan"],
...                       "type": ["agreement"], "cue": ["signed"], "status": ["candidate"],
...                       "evidence": ["Iran signed a deal with Tajikistan."]})
>>> page = review_page(nodes, edges, title="Review")
>>> page.startswith("<!DOCTYPE html>"), review_page(nodes, edges, title="Review") == page
(True, True)
>>> candidate_marks(edges, nodes)[0]
[[0, 4, 'source'], [5, 11, 'cue'], [24, 34, 'target']]
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._version import __version__
from ..atomic import write_text
from ..model.vocabulary import load_vocabulary
from ..text import json_text
from .assets import asset
from .page import _csp, _inline_script, script_json

if TYPE_CHECKING:
    from ..model.vocabulary import Vocabulary

__all__ = ["REVIEW_FILE", "candidate_marks", "review_data", "review_page", "write_review"]

#: The name of the page in the extractor's output folder.
REVIEW_FILE = "review.html"
#: The columns the page reads from ``edges`` (an absent one reads as empty cells).
_REQUIRED = ("source", "target", "type")
_SPANS = {"source": "source_span", "target": "target_span", "cue": "cue_span"}
_SPAN = re.compile(r"\s*(\d+)\s*:\s*(\d+)\s*")
_HEADER = """\
/* graph-explorer review page script (graph/render/js/review.js): the candidates of graph
 * extract, decided and edited in memory, downloaded as edges.csv and nodes.csv.
 * Every string from the data reaches the page through textContent or DOM properties.
 */
"""


def _strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as a string; missing cells (None, NaN) empty."""
    out = frame.astype(object).where(frame.notna(), "")
    return out.map(str) if len(out.columns) else out


def _utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index`` of ``text`` (JavaScript's string index)."""
    return len(text[:index].encode("utf-16-le")) // 2


def _span(cell: str, sentence: str) -> tuple[int, int] | None:
    match = _SPAN.fullmatch(cell)
    if match is None:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    return (start, end) if 0 <= start < end <= len(sentence) else None


def _find(names: list[str], sentence: str) -> tuple[int, int] | None:
    """The earliest (then longest) place where one of ``names`` stands in ``sentence``.

    A whole-word match (no letter or digit on either side) is preferred, then a match at the
    start of a word, taken to the word's end (``Iran`` in ``Iranian``); any case.
    """
    for bounded in (True, False):
        found: list[tuple[int, int]] = []
        for name in names:
            pattern = re.escape(name)
            pattern = rf"(?<!\w){pattern}(?!\w)" if bounded else rf"(?<!\w){pattern}\w*"
            match = re.search(pattern, sentence, flags=re.IGNORECASE)
            if match is not None:
                found.append((match.start(), -match.end()))
        if found:
            start, end = min(found)
            return start, -end
    return None


def _names(node: dict[str, str] | None, node_id: str) -> list[str]:
    if node is None:
        return [node_id] if node_id.strip() else []
    names = [node.get("label", ""), *node.get("aliases", "").split(";"), node_id]
    return [n.strip() for n in dict.fromkeys(names) if n.strip()]


def candidate_marks(edges: pd.DataFrame, nodes: pd.DataFrame) -> list[list[list[Any]]]:
    """Where each candidate's sentence names its source, its target and its cue.

    Parameters
    ----------
    edges : pandas.DataFrame
        The candidates: ``source``, ``target``, ``evidence`` (the sentence), ``cue``, and
        optionally ``source_span``, ``target_span`` and ``cue_span`` (``"start:end"``, code
        point offsets in the sentence), which win over searching.
    nodes : pandas.DataFrame
        The actors: ``id``, ``label`` and ``aliases`` (``;``-separated) are searched for.

    Returns
    -------
    list
        For each candidate, its marks ``[start, end, kind]`` (``kind`` ``source``, ``target``
        or ``cue``) in the order they stand, as UTF-16 offsets, none overlapping another (the
        source wins, then the target).

    Examples
    --------
    >>> nodes = pd.DataFrame({"id": ["iri"], "label": ["Islamic Republic"], "aliases": ["Iran"]})
    >>> edges = pd.DataFrame({"source": ["iri"], "target": ["tjk"],
    ...                       "evidence": ["Iran and TJK agreed 😀 to talk"], "cue": ["talk"]})
    >>> candidate_marks(edges, nodes)  # the emoji is two UTF-16 code units
    [[[0, 4, 'source'], [9, 12, 'target'], [26, 30, 'cue']]]
    """
    edges, nodes = _strings(edges), _strings(nodes)
    actors: dict[str, dict[str, str]] = {}
    if "id" in nodes.columns:
        for row in nodes.to_dict("records"):  # the first row of an id, as on the page
            actors.setdefault(row["id"], {str(k): v for k, v in row.items()})
    marks: list[list[list[Any]]] = []
    for row in edges.to_dict("records"):
        sentence = row.get("evidence", "")
        taken: list[tuple[int, int, str]] = []
        for kind in ("source", "target", "cue"):
            where = _span(row.get(_SPANS[kind], ""), sentence)
            if where is None:
                if kind == "cue":
                    names = [row.get("cue", "").strip()] if row.get("cue", "").strip() else []
                else:
                    names = _names(actors.get(row.get(kind, "")), row.get(kind, ""))
                where = _find(names, sentence)
            if where is not None and all(where[1] <= s or e <= where[0] for s, e, _ in taken):
                taken.append((where[0], where[1], kind))
        marks.append(
            [[_utf16(sentence, s), _utf16(sentence, e), kind] for s, e, kind in sorted(taken)]
        )
    return marks


def _table(frame: pd.DataFrame) -> dict[str, Any]:
    return {"columns": [str(c) for c in frame.columns], "rows": frame.to_numpy().tolist()}


def _confidence(cell: str) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if 0 <= value <= 1 else None


def review_data(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str, vocabulary: Vocabulary | None = None
) -> dict[str, Any]:
    """What the review page embeds: the two tables as strings, marks, types and a key.

    Parameters
    ----------
    nodes, edges : pandas.DataFrame
        The extractor's actors and candidate relations (see :func:`review_page`).
    title : str
        The page's title.
    vocabulary : Vocabulary, optional
        The relation types offered (default: the built-in vocabulary).

    Returns
    -------
    dict
        ``meta`` (title, version, ``key``: a hash of the rest, under which the page keeps its
        decisions in the browser), ``types``, ``nodes`` and ``edges`` (``columns`` and
        ``rows``), ``marks`` and ``confidence`` (one per candidate).

    Examples
    --------
    >>> edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    >>> data = review_data(pd.DataFrame({"id": ["a", "b"]}), edges, title="T")
    >>> data["edges"]["columns"], data["confidence"], data["types"][0]["name"]
    (['source', 'target', 'type'], [None], 'visit')
    """
    missing = [c for c in _REQUIRED if c not in edges.columns]
    if missing:
        raise ValueError(f"the candidate relations have no {', '.join(missing)} column")
    if "id" not in nodes.columns:
        raise ValueError("the actors have no id column")
    nodes, edges = _strings(nodes), _strings(edges)
    vocabulary = vocabulary or load_vocabulary()
    types = [
        {"name": name, "sign": t.sign, "directed": t.directed, "meaning": t.meaning}
        for name, t in vocabulary.edge_types.items()
    ]
    confidence = [_confidence(c) for c in edges.get("confidence", pd.Series([""] * len(edges)))]
    data: dict[str, Any] = {
        "types": types,
        "nodes": _table(nodes),
        "edges": _table(edges),
        "marks": candidate_marks(edges, nodes),
        "confidence": confidence,
    }
    key = hashlib.sha256(json_text(data, compact=True).encode("utf-8")).hexdigest()[:16]
    data["meta"] = {"title": title, "version": __version__, "key": key}
    return data


def review_page(
    nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str, vocabulary: Vocabulary | None = None
) -> str:
    """The review page of ``graph extract``'s candidates, as one self-contained HTML string.

    Parameters
    ----------
    nodes : pandas.DataFrame
        The actors: ``id``, ``label``, ``type``, ``country``, ``role``, ``aliases``,
        ``iso3``, ``description`` and ``status`` (``known``: in the dataset the extractor
        matched names against; ``candidate``: new).
    edges : pandas.DataFrame
        The candidate relations: ``source``, ``target``, ``type`` and the rest of an
        ``edges.csv`` row, plus ``evidence`` (the sentence), ``citation``, ``confidence``
        (0 to 1), ``cue``, ``modality`` and ``status``; optionally ``source_span``,
        ``target_span`` and ``cue_span`` (see :func:`candidate_marks`).
    title : str
        The page's title.
    vocabulary : Vocabulary, optional
        The relation types the type menus offer, with their default signs (default: the
        built-in vocabulary; a candidate's own type is offered too).

    Returns
    -------
    str
        The page; it opens from ``file://`` with no network. Its download buttons write the
        accepted rows, with their edits and ``status`` ``accepted``, as ``edges.csv`` (the
        columns of ``edges``) and the actors those rows name, with the states they belong to
        (``country``), as ``nodes.csv`` (the columns of ``nodes``): together a dataset
        folder that ``graph validate`` passes and ``graph merge`` adds.

    See Also
    --------
    write_review : Write the page into a folder.

    Examples
    --------
    >>> nodes = pd.DataFrame({"id": ["x"], "label": ["<b>X</b>"], "status": ["candidate"]})
    >>> edges = pd.DataFrame({"source": ["x"], "target": ["x"], "type": ["talks"]})
    >>> page = review_page(nodes, edges, title="</script>")
    >>> "<b>X" in page, "<title>&lt;/script&gt;</title>" in page
    (False, True)
    """
    data = review_data(nodes, edges, title=title, vocabulary=vocabulary)
    script = _inline_script(_HEADER + asset("js/util.js") + "\n" + asset("js/review.js"))
    css = asset("css/review.css")
    if re.search(r"</style", css, flags=re.IGNORECASE):  # pragma: no cover - our own file
        raise ValueError("the stylesheet must not contain '</style'")
    return Template(asset("review.html")).substitute(
        csp=_csp([script], [css]),
        version=html.escape(__version__),
        title=html.escape(title),
        css=css,
        data=script_json(data),
        app=script,
    )


def write_review(
    folder: str | Path,
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    title: str,
    *,
    vocabulary: Vocabulary | None = None,
) -> Path:
    """Write :func:`review_page` as ``review.html`` in ``folder`` (atomically).

    Parameters
    ----------
    folder : str or pathlib.Path
        The extractor's output folder (made if it does not exist).
    nodes, edges : pandas.DataFrame
        The actors and the candidate relations (see :func:`review_page`).
    title : str
        The page's title.
    vocabulary : Vocabulary, optional
        The relation types offered (default: the built-in vocabulary).

    Returns
    -------
    pathlib.Path
        The page's path, ``folder / "review.html"``.

    Examples
    --------
    >>> import tempfile
    >>> nodes = pd.DataFrame({"id": ["a", "b"], "status": ["known", "candidate"]})
    >>> edges = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["visit"]})
    >>> path = write_review(tempfile.mkdtemp(), nodes, edges, "Candidates")
    >>> path.name, path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    ('review.html', True)
    """
    target = Path(folder) / REVIEW_FILE
    write_text(target, review_page(nodes, edges, title=title, vocabulary=vocabulary))
    return target
