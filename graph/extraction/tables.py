"""Candidate rows to a dataset: the node and edge tables, checked like any dataset.

Edges get ids ``x0001``, ``x0002`` … in text order, a ``weight`` and ``sign`` from the type
and the modality (:data:`EDGE_COLUMNS`), and ``status`` ``candidate``. Nodes are the actors of
those relations, in order of first mention, each with how often it was named (``mentions``),
its ``status`` (``known``: a node of the known dataset; ``candidate``: not in it) and how it
was found (``found_by``: ``dataset``, ``gazetteer`` or ``text``, a person by a title, an
organization by its acronym); the state a person, party or institution belongs to is added
when no relation has it.

>>> rows = [{"source": "iran", "target": "tajikistan", "type": "visit", "date": "2019",
...          "end_date": "", "modality": "prospective", "confidence": 0.8, "cue": "visit",
...          "evidence": "Iran could visit Tajikistan.", "citation": "t.txt ¶1",
...          "start": 0, "end": 28}]
>>> edges = edge_table(rows, load_cues(), load_vocabulary())
>>> edges[["id", "type", "weight", "sign", "modality", "status"]].values.tolist()
[['x0001', 'visit', '0.5', '1', 'prospective', 'candidate']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..model.vocabulary import Vocabulary, load_vocabulary
from .cues import Cues, load_cues
from .gazetteer import Actor

__all__ = ["EDGE_COLUMNS", "FOUND_BY", "NODE_COLUMNS", "edge_table", "node_table"]

#: The columns of the candidate ``edges.csv``, in order.
EDGE_COLUMNS = (
    "id", "source", "target", "type", "date", "end_date", "weight", "sign", "confidence",
    "modality", "status", "cue", "evidence", "citation", "start", "end", "source_span",
    "target_span", "cue_span",
)  # fmt: skip
#: The columns of the candidate ``nodes.csv``, in order.
NODE_COLUMNS = (
    "id", "label", "type", "country", "role", "aliases", "iso3", "description", "mentions",
    "status", "found_by",
)  # fmt: skip
#: How each kind of actor was found, and its status for the review page.
FOUND_BY = {"known": "dataset", "gazetteer": "gazetteer", "new": "text"}

_ = load_cues, load_vocabulary  # the doctest's names


def _sign(default: int, rule: str) -> int:
    if rule == "opposite":
        return -default
    if rule == "neutral":
        return 0
    return default


def edge_table(
    rows: Sequence[Mapping[str, Any]], cues: Cues, vocabulary: Vocabulary
) -> pd.DataFrame:
    """The candidate edges, every cell a string as in ``edges.csv``."""
    out = []
    for n, row in enumerate(rows, start=1):
        kind = vocabulary.edge_types[row["type"]]
        weight, sign = kind.weight, kind.sign
        mark = cues.modality.get(row["modality"])
        if mark is not None:
            weight *= mark.weight
            rule = mark.sign
            spec = cues.types.get(row["type"])
            if row["modality"] == "negated" and spec is not None and spec.negated_sign:
                rule = spec.negated_sign
            sign = _sign(sign, rule)
        out.append(
            {
                **{k: str(v) for k, v in row.items()},
                "id": f"x{n:04d}",
                "weight": f"{weight:g}",
                "sign": str(sign),
                "confidence": f"{float(row['confidence']):.2f}",
                "status": "candidate",
            }
        )
    return pd.DataFrame(out, columns=list(EDGE_COLUMNS), dtype=object).fillna("")


def node_table(
    actors: Mapping[str, Actor], counts: Mapping[str, int], order: Mapping[str, int],
    used: Sequence[str],
) -> pd.DataFrame:  # fmt: skip
    """The actors of the edges and their states, every cell a string (an actor named but in
    no relation is left out: it would only be an isolated node)."""
    ids = sorted(set(used), key=lambda i: (order.get(i, len(order)), i))
    seen = set(ids)
    for actor_id in list(ids):
        country = actors[actor_id].country
        if country and country not in seen and country in actors:
            ids.append(country)
            seen.add(country)
    rows = []
    for actor_id in ids:
        a = actors[actor_id]
        country = a.country if a.country in seen else ""
        rows.append(
            {
                "id": a.id, "label": a.label, "type": a.type, "country": country, "role": a.role,
                "aliases": a.aliases, "iso3": a.iso3, "description": a.description,
                "mentions": str(counts.get(actor_id, 0)),
                "status": "known" if a.status == "known" else "candidate",
                "found_by": FOUND_BY[a.status],
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(NODE_COLUMNS), dtype=object).fillna("")
