"""Combine two datasets: a hand-made one and an import, or two imports.

An actor of ``b`` is the actor of ``a`` with the same id; failing that, the one with the same
ISO3 code; failing that, the one of the same node type whose id, label or an alias equals
its id, label or an alias (case-insensitive; a name shared by several actors of ``a`` is not
used). A matched actor keeps ``a``'s id and row: its empty cells are filled from ``b`` and
``b``'s names join its aliases. Other actors of ``b`` are added. Relations of both are kept;
an edge id of ``b`` already used in ``a`` becomes ``<b name>-<id>``. Vocabularies are merged:
``b``'s types that ``a`` lacks are added (``a`` wins a conflict, which is reported). The
merged dataset's metadata names the two titles and keeps both lists of sources; it has no
title of its own (its name stands for one).

>>> from graph import from_frames
>>> a = from_frames(pd.DataFrame({"id": ["iran", "tajikistan"], "label": ["Iran", "Tajikistan"],
...     "type": ["state", "state"], "iso3": ["IRN", "TJK"]}),
...     pd.DataFrame({"id": ["e1"], "source": ["iran"], "target": ["tajikistan"],
...                   "type": ["visit"]}), name="a")
>>> b = from_frames(pd.DataFrame({"id": ["IR", "TJ"], "label": ["Islamic Republic", "Tajik"],
...     "type": ["state", "state"], "iso3": ["IRN", "TJK"]}),
...     pd.DataFrame({"id": ["e1"], "source": ["TJ"], "target": ["IR"], "type": ["talks"]}),
...     name="b")
>>> merged = merge(a, b)
>>> sorted(merged.edges["id"]), sorted(merged.nodes["id"])
(['b-e1', 'e1'], ['iran', 'tajikistan'])
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..analyze.display import html_table
from ..dataset import Dataset
from ..loading import from_frames, load
from ..model.columns import DERIVED_EDGE_COLUMNS
from ..model.metadata import DatasetMetadata
from ..model.vocabulary import Vocabulary
from .formats import write_dataset

__all__ = ["MergeReport", "merge", "merge_with_report", "write_merged"]


@dataclass
class MergeReport:
    """How two datasets were combined, as :func:`merge_with_report` returns it.

    Parameters
    ----------
    name : str
        The merged dataset's name.
    matched : dict of str to str
        For each actor of the second dataset matched to one of the first: its id, mapped
        to the id it now has.
    matched_by : dict of str to int
        How many actors were matched each way: ``"id"`` (same id), ``"iso3"`` (same ISO3
        code) or ``"alias"`` (same name or alias, same node type).
    added_nodes : int
        Actors of the second dataset that matched none and were added.
    renamed_edges : dict of str to str
        Relation ids of the second dataset that were already used in the first, mapped
        to their new ids (``<second name>-<id>``).
    vocabulary_conflicts : list of str
        Node and relation types defined differently in the two datasets (the first one's
        definition is kept), such as ``"relation type 'visit'"``.
    nodes : int
        Actors in the merged dataset.
    edges : int
        Relations in the merged dataset.

    Examples
    --------
    Merging the bundled dataset with itself matches every actor by id and renames every
    relation id of the copy:

    >>> merged, report = graph.merge_with_report(ds, ds)
    >>> report.matched_by, report.added_nodes, len(report.renamed_edges)
    ({'id': 22}, 0, 52)
    >>> report.nodes, report.edges
    (22, 104)
    """

    name: str
    matched: dict[str, str] = field(default_factory=dict)
    matched_by: dict[str, int] = field(default_factory=dict)
    added_nodes: int = 0
    renamed_edges: dict[str, str] = field(default_factory=dict)
    vocabulary_conflicts: list[str] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data (for JSON)."""
        return {
            "name": self.name,
            "nodes": self.nodes,
            "edges": self.edges,
            "matched": self.matched,
            "matched_by": self.matched_by,
            "added_nodes": self.added_nodes,
            "renamed_edges": self.renamed_edges,
            "vocabulary_conflicts": self.vocabulary_conflicts,
        }

    def _repr_html_(self) -> str:
        rows = [
            ("nodes", self.nodes),
            ("edges", self.edges),
            ("added nodes", self.added_nodes),
            ("matched", [f"{b} → {a}" for b, a in self.matched.items()]),
            ("matched by", self.matched_by),
            ("renamed edges", [f"{old} → {new}" for old, new in self.renamed_edges.items()]),
            ("vocabulary conflicts", self.vocabulary_conflicts),
        ]
        return html_table(rows, title=f"merged: {self.name}")


def _names(nodes: pd.DataFrame) -> pd.Series:
    """Every lowercased name of each node (id, label, aliases), indexed by node id."""
    text = nodes["id"] + ";" + nodes["label"] + ";" + nodes["aliases"]
    lists = pd.Series(text.to_numpy(), index=nodes["id"].to_numpy()).str.lower().str.split(";")
    names = lists.explode().str.strip()
    return names[names.notna() & (names != "")]


def _match(a: pd.DataFrame, b: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """For each node of ``b`` (by id): the id of its match in ``a`` ("" if none), and how."""
    ids = pd.Series(b["id"].to_numpy(), index=b["id"].to_numpy())
    target = pd.Series("", index=ids.index, dtype=object)
    how = pd.Series("", index=ids.index, dtype=object)
    same = ids.isin(set(a["id"]))
    target[same], how[same] = ids[same], "id"
    iso_a = a[a["iso3"] != ""].drop_duplicates("iso3").set_index("iso3")["id"]
    iso_b = pd.Series(b["iso3"].to_numpy(), index=ids.index)
    by_iso = ~same & iso_b.isin(iso_a.index) & (iso_b != "")
    target[by_iso], how[by_iso] = iso_b[by_iso].map(iso_a), "iso3"
    pairs = _names(a).rename_axis("id").rename("name").reset_index().drop_duplicates()
    pairs = pairs[~pairs["name"].duplicated(keep=False)]  # a name of several actors: unused
    lookup = pd.Series(pairs["id"].to_numpy(), index=pairs["name"].to_numpy())
    names_b = _names(b)
    hits = names_b[names_b.isin(lookup.index)]
    found = pd.Series(hits.map(lookup).to_numpy(), index=hits.index)
    found = found[~found.index.duplicated(keep="first")]
    type_a = pd.Series(a["type"].to_numpy(), index=a["id"].to_numpy())
    type_b = pd.Series(b["type"].to_numpy(), index=ids.index)
    same_type = found.map(type_a).to_numpy() == type_b.reindex(found.index).to_numpy()
    found = found[same_type]
    by_name = ~same & ~by_iso & ids.index.isin(found.index)
    target[by_name], how[by_name] = found.reindex(ids.index[by_name]).to_numpy(), "alias"
    return target, how


def _text_frame(dataset: Dataset, edges: bool) -> pd.DataFrame:
    frame = dataset.edges if edges else dataset.nodes
    frame = frame.drop(columns=[c for c in DERIVED_EDGE_COLUMNS if c in frame.columns])
    if edges:
        codes, uniques = pd.factorize(frame["weight"].astype(float))
        text = np.array([f"{w:g}" for w in uniques], dtype=object)
        frame = frame.assign(
            weight=text[codes] if len(text) else [], sign=frame["sign"].astype(str)
        )
    return frame.fillna("").astype(str)


def _merge_vocabulary(a: Vocabulary, b: Vocabulary) -> tuple[Vocabulary, list[str]]:
    conflicts: list[str] = []
    node_types = dict(a.node_types)
    edge_types = dict(a.edge_types)
    for name, node_type in b.node_types.items():
        if name not in node_types:
            node_types[name] = node_type
        elif node_types[name] != node_type:
            conflicts.append(f"node type '{name}'")
    for name, edge_type in b.edge_types.items():
        if name not in edge_types:
            edge_types[name] = edge_type
        elif edge_types[name] != edge_type:
            conflicts.append(f"relation type '{name}'")
    return Vocabulary(node_types, edge_types), conflicts


def _combine_nodes(a: pd.DataFrame, b: pd.DataFrame, target: pd.Series) -> pd.DataFrame:
    matched = b[b["id"].map(target).ne("").to_numpy()].copy()
    matched["_to"] = matched["id"].map(target)
    added = b[b["id"].map(target).eq("").to_numpy()]
    nodes = pd.concat([a, added], ignore_index=True).fillna("")
    if len(matched):
        first = matched.drop_duplicates("_to").set_index("_to")
        rows = nodes["id"].isin(first.index)
        for col in first.columns.drop(["id", "aliases", "label"]):
            if col not in nodes:
                nodes[col] = ""
            fill = nodes.loc[rows, "id"].map(first[col]).fillna("")
            nodes.loc[rows, col] = nodes.loc[rows, col].where(nodes.loc[rows, col] != "", fill)
        extra = (matched["label"] + ";" + matched["aliases"]).groupby(matched["_to"]).agg(";".join)
        joined = nodes.loc[rows, "aliases"] + ";" + nodes.loc[rows, "id"].map(extra).fillna("")
        names = joined.str.split(";").explode().str.strip().rename("name").to_frame()
        names["key"] = names["name"].str.lower()
        names["label"] = nodes.loc[names.index, "label"].str.lower()
        names = names[(names["name"] != "") & (names["key"] != names["label"])]
        names = names.reset_index().drop_duplicates(["index", "key"]).set_index("index")
        aliases = names.groupby(level=0)["name"].agg(";".join)
        nodes.loc[rows, "aliases"] = aliases.reindex(nodes.index[rows]).fillna("").to_numpy()
    renamed = target[target != ""].astype(str)
    country = nodes["country"].astype(str)
    nodes["country"] = (
        country.map(renamed).astype(object).where(country.isin(renamed.index), country)
    )
    return nodes


def merge_with_report(
    a: Dataset | str | Path, b: Dataset | str | Path, *, name: str | None = None
) -> tuple[Dataset, MergeReport]:
    """Merge ``b`` into ``a``; return the validated dataset and how it was done.

    Actors are matched as the module docstring describes (same id, then same ISO3 code,
    then same name or alias); relations of both are kept.

    Parameters
    ----------
    a : Dataset or str or pathlib.Path
        The main dataset (or its folder): matched actors keep its ids and rows.
    b : Dataset or str or pathlib.Path
        The dataset (or folder) to add, for example an import of news events.
    name : str, optional
        The merged dataset's name. Default: ``"<a name>+<b name>"``.

    Returns
    -------
    dataset : Dataset
        The combined actors and relations, validated; its ``notes`` record the merge.
    report : MergeReport
        Which actors were matched and how, what was added, which ids were renamed.

    Raises
    ------
    DataError
        If the combined tables do not validate (for example an edge type conflict).

    See Also
    --------
    merge : The same, without the report.

    Examples
    --------
    An import that names Iran ``IR`` (matched by its ISO3 code) and adds Uzbekistan:

    >>> news = graph.from_frames(
    ...     pd.DataFrame({"id": ["IR", "UZ"], "label": ["Iran", "Uzbekistan"],
    ...                   "type": ["state", "state"], "iso3": ["IRN", "UZB"]}),
    ...     pd.DataFrame({"id": ["v1"], "source": ["IR"], "target": ["UZ"],
    ...                   "type": ["visit"], "date": ["2021-03"]}),
    ...     name="news")
    >>> merged, report = graph.merge_with_report(ds, news)
    >>> report.matched, report.matched_by, report.added_nodes
    ({'IR': 'iran'}, {'iso3': 1}, 1)
    >>> merged
    <Dataset 'iran_tajikistan+news': 23 nodes, 53 edges>
    """
    first = a if isinstance(a, Dataset) else load(a)
    second = b if isinstance(b, Dataset) else load(b)
    nodes_a, nodes_b = _text_frame(first, False), _text_frame(second, False)
    edges_a, edges_b = _text_frame(first, True), _text_frame(second, True)
    target, how = _match(nodes_a, nodes_b)
    mapping = {
        **dict(zip(nodes_b["id"], nodes_b["id"], strict=True)),
        **target[target != ""].to_dict(),
    }
    edges_b = edges_b.assign(
        source=edges_b["source"].map(mapping), target=edges_b["target"].map(mapping)
    )
    taken = set(edges_a["id"])
    clash = edges_b["id"].isin(taken)
    renamed = second.name + "-" + edges_b.loc[clash, "id"]
    while renamed.isin(taken | set(edges_b["id"])).any():
        renamed = renamed.where(~renamed.isin(taken | set(edges_b["id"])), renamed + "-b")
    renames = dict(zip(edges_b.loc[clash, "id"], renamed, strict=True))
    edges_b.loc[clash, "id"] = renamed
    nodes = _combine_nodes(nodes_a, nodes_b, target)
    edges = pd.concat([edges_a, edges_b], ignore_index=True).fillna("")
    vocabulary, conflicts = _merge_vocabulary(first.vocabulary, second.vocabulary)
    label = name or f"{first.name}+{second.name}"
    merged = from_frames(
        nodes, edges, name=label, vocabulary=vocabulary, metadata=_metadata(first, second)
    )
    counts = how[how != ""].value_counts()
    report = MergeReport(
        name=label,
        matched={str(k): str(v) for k, v in target.items() if v},
        matched_by={str(k): int(v) for k, v in sorted(counts.items())},
        added_nodes=int((target == "").sum()),
        renamed_edges=renames,
        vocabulary_conflicts=conflicts,
        nodes=len(merged.nodes),
        edges=len(merged.edges),
    )
    note = (
        f"merged '{second.name}' into '{first.name}': {len(report.matched)} actors matched, "
        f"{report.added_nodes} added, {len(renames)} edge ids renamed"
    )
    return replace(merged, notes=(*first.notes, note)), report


def _metadata(first: Dataset, second: Dataset) -> DatasetMetadata:
    """The merged dataset's metadata: none when neither dataset has any."""
    if first.metadata.empty and second.metadata.empty:
        return DatasetMetadata()
    sources = dict.fromkeys((*first.metadata.sources, *second.metadata.sources))
    return DatasetMetadata(
        description=f"{second.title} merged into {first.title} (graph merge).",
        sources=tuple(sources),
    )


def merge(a: Dataset | str | Path, b: Dataset | str | Path, *, name: str | None = None) -> Dataset:
    """Merge dataset ``b`` into ``a`` (datasets or folders); see the module docstring.

    Parameters
    ----------
    a : Dataset or str or pathlib.Path
        The main dataset (or its folder): matched actors keep its ids and rows.
    b : Dataset or str or pathlib.Path
        The dataset (or folder) to add, for example an import of news events.
    name : str, optional
        The merged dataset's name. Default: ``"<a name>+<b name>"``.

    Returns
    -------
    Dataset
        The combined actors and relations, validated; its ``notes`` record the merge.

    Raises
    ------
    DataError
        If the combined tables do not validate (for example an edge type conflict).

    See Also
    --------
    merge_with_report : The same, with a :class:`MergeReport` of what was matched.

    Examples
    --------
    >>> news = graph.from_frames(
    ...     pd.DataFrame({"id": ["IR", "UZ"], "label": ["Iran", "Uzbekistan"],
    ...                   "type": ["state", "state"], "iso3": ["IRN", "UZB"]}),
    ...     pd.DataFrame({"id": ["v1"], "source": ["IR"], "target": ["UZ"], "type": ["visit"]}),
    ...     name="news")
    >>> merged = graph.merge(ds, news, name="with_news")
    >>> merged
    <Dataset 'with_news': 23 nodes, 53 edges>
    >>> merged.edges.loc[merged.edges["id"] == "v1", ["source", "target"]].values.tolist()
    [['iran', 'UZ']]
    """
    return merge_with_report(a, b, name=name)[0]


def write_merged(dataset: Dataset, folder: str | Path) -> Path:
    """Write a dataset folder with its own ``vocabulary.toml`` (types beyond the built-in)."""
    write_dataset(dataset, folder)
    return Path(folder)
