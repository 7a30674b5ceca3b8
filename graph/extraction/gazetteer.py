"""The gazetteer: which names in a text stand for which actor.

Built from data, in three layers (a later layer wins a name the earlier ones also claim):

1. every state: its short and official name (``country_converter``'s table), the demonyms and
   extra names of ``data/states.csv`` (``Tajik``, ``the Islamic Republic``) and its capital
   (GeoNames' capitals, the file the map layout uses; ``states.csv`` replaces an ambiguous
   one or drops it with ``-``);
2. organizations and other actors: the organizations the event importers know
   (``graph/exchange/importers/organizations.csv``) and ``data/actors.csv`` (former states,
   armed groups, generic groups such as extremist groups), each by name, acronym and alias;
3. a known dataset: each node by its label and aliases. A built-in actor with the same ISO3
   code, label or alias as a known node takes the known node's id, so the extraction reuses
   the dataset's ids.

Names match case-sensitively (``US`` is not ``us``), as whole tokens; a name that begins with
"the" also matches with "The". ``data/titles.csv`` lists the titles that introduce people
("Defense Minister X", "X, the leader of Y").

>>> gaz = load_gazetteer()
>>> [gaz.names[n] for n in ("Tajik", "Dushanbe", "the Islamic Republic", "CSTO")]
['tajikistan', 'tajikistan', 'iran', 'csto']
>>> gaz.actors["tajikistan"].iso3
'TJK'
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..exchange.importers.countries import DATA_DIR as IMPORTER_DATA
from ..exchange.importers.countries import slug, state_table

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["DATA", "Actor", "Gazetteer", "Title", "load_gazetteer", "slug_of"]

DATA = Path(__file__).resolve().parent / "data"
_CAPITALS = Path(__file__).resolve().parents[1] / "render" / "vendor" / "geonames" / "capitals.csv"
#: Demonyms that take no plural "s" (the Chinese, the Swiss).
_NO_PLURAL = ("ese", "sh", "ch", "ss", "z", "x", "i-Kiribati")


@dataclass(frozen=True)
class Actor:
    """One actor the extraction can name: the columns of ``nodes.csv`` and where it came from.

    ``status`` is ``known`` (a node of the known dataset), ``gazetteer`` (built-in data) or
    ``new`` (found in the text: a person by a title, an organization by its acronym).
    """

    id: str
    label: str
    type: str
    country: str = ""
    role: str = ""
    aliases: str = ""
    iso3: str = ""
    description: str = ""
    status: str = "gazetteer"


@dataclass(frozen=True)
class Title:
    """A title that introduces a person: ``before`` a name (President X) or ``after`` it
    (X, the leader of Y); ``role`` is how the node's role column words it."""

    words: str
    kind: str
    role: str


@dataclass
class Gazetteer:
    """Actors and the names that stand for them.

    Parameters
    ----------
    actors : dict of str to Actor
        Every actor by id.
    names : dict of str to str
        Each name as written in a text (case-sensitive) and the id it stands for.
    titles : list of Title
        Titles that introduce people.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    titles: list[Title] = field(default_factory=list)

    def add(self, actor: Actor, names: list[str]) -> None:
        """Add an actor and its names (a name already taken moves to this actor)."""
        self.actors[actor.id] = actor
        for name in names:
            for form in _forms(name):
                self.names[form] = actor.id

    def label_id(self, label: str) -> str | None:
        """The id of the actor called ``label`` (any of its names), if there is one."""
        return self.names.get(label)


def slug_of(text: str) -> str:
    """The id a name gets: lower-case ASCII words joined by ``_``.

    >>> slug_of("Shir Ali Mirza"), slug_of("Côte d'Ivoire")
    ('shir_ali_mirza', 'cote_d_ivoire')
    """
    return str(slug(pd.Series([text], dtype=object)).iloc[0])


def _forms(name: str) -> list[str]:
    name = " ".join(name.split())
    if not name:
        return []
    if name.startswith("the "):
        return [name, "The " + name[4:]]
    return [name]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(_NO_PLURAL) or demonym.endswith("s"):
        return [demonym]
    return [demonym, demonym + "s"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _states(gaz: Gazetteer) -> dict[str, str]:
    """Add every state; return ISO3 -> id."""
    table = state_table()
    capitals = {row["iso3"]: row["capital"] for row in _read(_CAPITALS)}
    ids: dict[str, str] = {}
    for row in _read(DATA / "states.csv"):
        iso3 = row["iso3"]
        known = table.loc[iso3]
        label, official, sid = str(known["label"]), str(known["official"]), str(known["id"])
        own = _split(row["capitals"]) if row["capitals"] else [capitals.get(iso3, "")]
        names = [label, official, *_split(row["aliases"]), *[c for c in own if c != "-"]]
        names += [p for d in _split(row["demonyms"]) for p in _plurals(d)]
        aliases = official if official != label else ""
        gaz.add(Actor(sid, label, "state", aliases=aliases, iso3=iso3), names)
        ids[iso3] = sid
    return ids


def _others(gaz: Gazetteer, states: dict[str, str]) -> None:
    for row in _read(IMPORTER_DATA / "organizations.csv"):
        country = states.get(row["country"], "")
        actor = Actor(row["id"], row["label"], row["type"], country=country, aliases=row["aliases"])
        gaz.add(actor, [row["label"], *_split(row["aliases"])])
    for row in _read(DATA / "actors.csv"):
        country = states.get(row["country"], "")
        actor = Actor(
            row["id"], row["label"], row["type"], country, aliases=row["aliases"], iso3=row["iso3"]
        )
        names = [row["label"], *_split(row["aliases"])]
        names += [p for d in _split(row["demonyms"]) for p in _plurals(d)]
        gaz.add(actor, names)


@lru_cache(maxsize=1)
def _builtin() -> Gazetteer:
    gaz = Gazetteer()
    _others(gaz, _states(gaz))
    gaz.titles = [Title(r["title"], r["kind"], r["role"]) for r in _read(DATA / "titles.csv")]
    return gaz


def _records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """A table's rows as dicts of strings ("" for a missing cell)."""
    rows = frame.astype(object).where(frame.notna(), "").to_dict("records")
    return [{str(k): str(v) for k, v in row.items()} for row in rows]


def _with_known(base: Gazetteer, known: Dataset) -> Gazetteer:
    gaz = Gazetteer(dict(base.actors), dict(base.names), list(base.titles))
    nodes = _records(known.nodes)
    renamed: dict[str, str] = {}
    by_iso3 = {a.iso3: a.id for a in base.actors.values() if a.iso3}
    for node in nodes:
        for name in [node.get("label", ""), *_split(node.get("aliases", ""))]:
            if name in base.names:
                renamed[base.names[name]] = node["id"]
        if node.get("iso3", "") in by_iso3:
            renamed[by_iso3[node["iso3"]]] = node["id"]
    for old, new in renamed.items():  # built-in names of a known actor: its known id
        gaz.actors.pop(old, None)
        for name, target in base.names.items():
            if target == old:
                gaz.names[name] = new
    for node in nodes:
        actor = Actor(
            node["id"],
            node.get("label", "") or node["id"],
            node.get("type", ""),
            country=node.get("country", ""),
            role=node.get("role", ""),
            aliases=node.get("aliases", ""),
            iso3=node.get("iso3", ""),
            description=node.get("description", ""),
            status="known",
        )
        gaz.add(actor, [actor.label, *_split(actor.aliases)])
    for actor in list(gaz.actors.values()):  # a built-in country that is now a known id
        if actor.country in renamed:
            gaz.actors[actor.id] = replace(actor, country=renamed[actor.country])
    return gaz


def load_gazetteer(known: Dataset | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by a known dataset's nodes and aliases.

    Parameters
    ----------
    known : Dataset, optional
        A dataset whose actors the text may name; their ids are reused.

    Returns
    -------
    Gazetteer
        Actors by id and the names that stand for them.

    Examples
    --------
    >>> gaz = load_gazetteer(ds)
    >>> gaz.names["Kabiri"], gaz.names["Iranian"], gaz.actors["iran"].status
    ('muhiddin_kabiri', 'iran', 'known')
    """
    base = _builtin()
    return base if known is None else _with_known(base, known)
