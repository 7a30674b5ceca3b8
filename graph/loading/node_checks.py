"""Check node and edge tables against the vocabulary and turn cells into typed columns.

Every check is vectorized and records an :class:`~graph.errors.Issue` per offending cell;
nothing is raised here. :func:`graph.load` raises one :class:`~graph.errors.DataError`
with all of them.

Node checks are here, edge checks in :mod:`graph.loading.edge_checks`, the cell helpers they
share in :mod:`graph.loading.cells`. Every code, with its severity and fix, is in
:mod:`graph.issue_codes`.

>>> import pandas as pd
>>> from graph.model import load_vocabulary
>>> nodes = pd.DataFrame({"id": ["a", "b"], "label": ["A", ""], "type": ["state", "State"],
...                       "_line": [2, 3]})
>>> frame, issues = check_nodes(nodes, load_vocabulary())
>>> frame["label"].tolist(), frame["type"].tolist(), issues
(['A', 'b'], ['state', 'state'], [])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import Issue, place_word
from ..issue_codes import IssueCode
from ..model.columns import NODE_COLUMNS, NODES_FILE
from ..model.vocabulary import Vocabulary
from ..text import suggest
from .cells import (
    as_text,
    check_duplicate_ids,
    check_required,
    check_types,
    issues_for,
    with_columns,
)

__all__ = ["check_nodes"]


def check_nodes(
    nodes: pd.DataFrame, vocab: Vocabulary, *, file: str = NODES_FILE
) -> tuple[pd.DataFrame, list[Issue]]:
    """Check ``nodes.csv`` as read by :func:`~graph.loading.csv_reader.read_table`; return it clean.

    Empty labels become the id; type names are normalized (``Armed group`` -> ``armed-group``);
    a ``country`` given as an ISO3 code of a state node becomes that node's id. ``file`` names
    the table in issues (``nodes.parquet`` when read from Parquet: places are then rows).
    """
    frame, coded = with_columns(nodes, NODE_COLUMNS)
    f = file
    issues = check_required(frame, coded, ("id", "type"), f)
    frame["label"] = frame["label"].where(frame["label"] != "", frame["id"])
    issues += check_types(frame, coded, vocab.node_types, f, "node")
    given = (frame["id"] != "").to_numpy()
    message = f"node id '{{value}}' is used twice (first defined on {place_word(f)} {{line}})"
    issues += check_duplicate_ids(frame, given, f, message)
    iso = frame["iso3"].str.upper()
    frame["iso3"] = iso
    bad_iso = (iso != "") & ~iso.str.fullmatch(r"[A-Z]{3}")
    issues += issues_for(
        frame,
        bad_iso,
        f,
        "iso3",
        IssueCode.BAD_ISO3,
        "'{value}' is not an ISO 3166 alpha-3 code (IRN)",
    )
    ids = set(frame["id"])
    by_iso = dict(zip(frame.loc[iso != "", "iso3"], frame.loc[iso != "", "id"], strict=True))
    country = frame["country"]
    resolved = as_text(
        np.array([c if c in ids else by_iso.get(c.upper(), c) for c in country], dtype=object),
        frame.index,
    )
    frame["country"] = resolved
    dangling = (resolved != "").to_numpy() & ~resolved.isin(ids).to_numpy()
    types = dict(zip(frame["id"], frame["type"], strict=True))
    not_state = (resolved != "") & ~dangling & (resolved.map(types) != "state")
    issues += issues_for(
        frame,
        not_state,
        f,
        "country",
        IssueCode.COUNTRY_NOT_STATE,
        "'{value}' is {hint} node, not a state; 'country' should name a state",
        hints={
            v: ("an " if types[v][:1] in "aeiou" else "a ") + types[v]
            for v in resolved[not_state].unique()
        },
    )
    if frame.empty:
        issues.append(Issue(f, None, None, IssueCode.NO_ROWS, "the file has a header but no rows"))
    hints = {v: suggest(v, ids) for v in resolved[dangling].unique()}
    issues += issues_for(
        frame,
        dangling,
        f,
        "country",
        IssueCode.DANGLING_COUNTRY,
        "'{value}' is not a node id{hint}; 'country' must be the id of a state node",
        hints=hints,
    )
    return frame, issues
