"""Actors of event data as nodes: states, regions, organizations, bodies of a state, people.

Each distinct actor description is resolved once (a GDELT 2.0 file has a few thousand, a
year of ICEWS some tens of thousands), never per event. The result is a *catalogue*: one row
per node id with ``label``, ``type``, ``country`` (the id of its state), ``role``, ``aliases``,
``iso3`` and ``description``; and, per description, its node id or why it has none.

GDELT, by priority: a known group (``EEC``, ``UNO``, ``TAL``) is its organization
(``organizations.csv``); a country code with no type is the state (or region); a country code
with a type is that state's body or group, one node per type code: ``IRNGOV`` ->
``iran_gov`` (*Iran: Government*, an institution of ``iran``). A code with neither country nor
known group (``GOV``, ``MED`` alone) names nobody in particular: ``no-country``; an empty code:
``no-actor``.

ICEWS: an empty name (``NA``) is ``no-actor``; an actor the source names without identifying
it (``Unspecified Actor``, ``Unidentified State Actor``, sector ``Unspecified``) is
``unspecified``; a name equal to its country is the state; ``Sector (Country)`` is a body or
group of that state (``Foreign Affairs (Bangladesh)`` -> ``bangladesh_foreign_affairs``); a
name in ``organizations.csv`` is that organization (``cis``, ``sco``); any other name is a
person or a named organization of its country. Types come from the words of the name
(``actor_rules.csv``), then from the ICEWS sectors (``icews_sectors.csv``): an agent takes its
sectors' type, and so does a name of one word or with a word of an organization
(``Bharatiya Janata``, sectors ``Parties`` -> party); other names are people.

>>> table = gdelt_actors(pd.DataFrame({"country": ["IRN", "IRN", "", "", "AFG"],
...     "group": ["", "", "EEC", "", "TAL"], "type": ["", "GOV", "IGO", "GOV", ""],
...     "code": ["IRN", "IRNGOV", "IGOEUREEC", "GOV", "AFGTAL"]}))
>>> table[["id", "drop"]].values.tolist()
[['iran', ''], ['iran_gov', ''], ['european_union', ''], ['', 'no-country'], ['taliban', '']]
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from .countries import DATA_DIR, resolve_codes, resolve_names, slug, state_table

__all__ = [
    "NOBODY_CODES",
    "NODE_FIELDS",
    "catalogue",
    "disambiguate",
    "gdelt_actors",
    "icews_actors",
    "org_codes",
    "resolve_sides",
    "sector_types",
]

NODE_FIELDS = ["id", "label", "type", "country", "role", "aliases", "iso3", "description"]
_AGENT = r"^(?P<what>.+?) \((?P<where>[^()]+)\)$"
_NOBODY = {"", "NA"}
#: The row position an actor with no node gets, by drop reason: minus its index in
#: :data:`graph.exchange.importers.pipeline.DROPS` (a test checks they agree).
NOBODY_CODES = {"no-actor": -1, "no-country": -2, "unspecified": -4}
_PRECEDENCE = ["state", "region", "organization", "institution", "party", "armed-group", "group"]


@lru_cache(maxsize=1)
def _organizations() -> pd.DataFrame:
    orgs = pd.read_csv(DATA_DIR / "organizations.csv", dtype=str, keep_default_na=False)
    states = state_table()
    orgs["country"] = orgs["country"].map(states["id"]).fillna("")
    return orgs.set_index("id", drop=False)


@lru_cache(maxsize=1)
def _types() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "actor_types.csv", dtype=str, keep_default_na=False).set_index(
        "code"
    )


@lru_cache(maxsize=1)
def _rules() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "actor_rules.csv", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _sectors() -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / "icews_sectors.csv", dtype=str, keep_default_na=False)


def sector_types(sectors: pd.Series) -> pd.Series:
    """The node type ICEWS sectors give: the first row of ``icews_sectors.csv`` that one of
    the (comma-separated) sectors matches, ``""`` when none does. Computed per distinct value.

    >>> sector_types(pd.Series(["Parties,(National) Major Party", "Police,Government",
    ...                         "Elite,Ideological", "Unspecified", ""])).tolist()
    ['party', 'institution', '', 'unspecified', '']
    """
    codes, uniques = pd.factorize(sectors.astype(str))
    items = pd.Series(np.asarray(uniques, dtype=object)).str.split(",").explode().str.strip()
    distinct = pd.Series(items.unique(), dtype=object)
    table = _sectors()
    rank = np.full(len(distinct), len(table))
    for i, pattern in enumerate(table["pattern"]):
        hit = distinct.str.fullmatch(pattern).to_numpy(dtype=bool) & (rank == len(table))
        rank[hit] = i
    by_item = pd.Series(rank, index=distinct.to_numpy()).reindex(items.to_numpy())
    best = pd.Series(by_item.to_numpy(), index=items.index).groupby(level=0).min()
    names = np.append(table["type"].to_numpy(dtype=object), "")
    out = names[best.reindex(range(len(uniques))).fillna(len(table)).astype(int).to_numpy()]
    return pd.Series(out[codes] if len(codes) else [], index=sectors.index, dtype=object)


def _blank(index: pd.Index) -> pd.DataFrame:
    columns = [*NODE_FIELDS, "drop", "unknown"]
    return pd.DataFrame({c: "" for c in columns}, index=index, dtype=object)


def _org_lookup(key: str) -> dict[str, str]:
    """Organization id by GDELT code (``gdelt``) or by lowercased label and alias (``name``)."""
    orgs = _organizations()
    if key == "gdelt":
        codes = orgs["gdelt"].str.split(";").explode()
        codes = codes[codes != ""]
        return dict(zip(codes, codes.index, strict=True))
    names = (orgs["label"] + ";" + orgs["aliases"]).str.lower().str.split(";").explode()
    names = names[names != ""]
    return dict(zip(names, names.index, strict=True))


def org_codes() -> set[str]:
    """The GDELT known-group and type codes that name an organization (``EEC``, ``IRC``)."""
    return set(_org_lookup("gdelt"))


def _fill_orgs(out: pd.DataFrame, mask: pd.Series, org_ids: pd.Series) -> None:
    orgs = _organizations().reindex(org_ids[mask])
    for col in ("id", "label", "type", "country", "aliases"):
        out.loc[mask, col] = orgs[col].to_numpy()


def _fill_places(out: pd.DataFrame, mask: pd.Series, places: pd.DataFrame) -> None:
    out.loc[mask, "id"] = places["id"].to_numpy()
    out.loc[mask, "label"] = places["label"].to_numpy()
    out.loc[mask, "type"] = np.where(places["kind"].to_numpy() == "region", "region", "state")
    out.loc[mask, "iso3"] = places["iso3"].to_numpy()
    out.loc[mask, "aliases"] = places["aliases"].to_numpy()


def gdelt_actors(keys: pd.DataFrame) -> pd.DataFrame:
    """Resolve distinct GDELT actors (``country``, ``group``, ``type``, ``code``) to nodes.

    Returns one row per key row with the node fields (``country`` is a state id), ``actor_code``,
    ``drop`` (``no-actor``, ``no-country`` or ``""``).
    """
    out = _blank(keys.index)
    out["actor_code"] = keys["code"].to_numpy()
    by_code = _org_lookup("gdelt")
    org = keys["group"].map(by_code)
    org = org.fillna(keys["type"].map(by_code))
    is_org = org.notna()
    _fill_orgs(out, is_org, org)
    unknown_group = ~is_org & (keys["group"] != "")
    out.loc[unknown_group, "id"] = "group_" + keys.loc[unknown_group, "group"].str.lower()
    out.loc[unknown_group, "label"] = "Group " + keys.loc[unknown_group, "group"]
    out.loc[unknown_group, "type"] = "group"
    placed = ~is_org & ~unknown_group & (keys["country"] != "")
    places = resolve_codes(pd.Index(keys.loc[placed, "country"].unique()))
    where = places.reindex(keys.loc[placed, "country"])
    own = placed.copy()
    own[placed] = (keys.loc[placed, "type"] == "").to_numpy()
    _fill_places(out, own, where[own[placed].to_numpy()])
    body = placed & ~own
    at = where[body[placed].to_numpy()]
    types = _types().reindex(keys.loc[body, "type"])
    type_label = types["label"].fillna(pd.Series(keys.loc[body, "type"].to_numpy(), types.index))
    out.loc[body, "id"] = at["id"].to_numpy() + "_" + keys.loc[body, "type"].str.lower().to_numpy()
    out.loc[body, "label"] = at["label"].to_numpy() + ": " + type_label.to_numpy()
    out.loc[body, "type"] = types["type"].fillna("group").to_numpy()
    out.loc[body, "role"] = type_label.to_numpy()
    out.loc[body, "country"] = np.where(at["kind"].to_numpy() == "region", "", at["id"].to_numpy())
    out.loc[body, "description"] = (
        type_label.to_numpy()
        + " of "
        + at["label"].to_numpy()
        + " (GDELT actor type "
        + keys.loc[body, "type"].to_numpy()
        + ")"
    )
    nobody = out["id"] == ""
    out.loc[nobody, "drop"] = np.where(keys.loc[nobody, "code"] == "", "no-actor", "no-country")
    kinds = pd.Series(where["kind"].to_numpy(), index=keys.index[placed.to_numpy()])
    out.loc[kinds.index[(kinds == "unknown").to_numpy()], "unknown"] = "1"
    return out


def _apply_rules(texts: pd.Series, applies_to: str, default: str) -> pd.Series:
    """The type of the first rule of ``applies_to`` each text matches (``"1"`` for a rule
    without a type), else ``default``."""
    kind = pd.Series("", index=texts.index, dtype=object)
    rules = _rules()[_rules()["applies_to"] == applies_to]
    for pattern, node_type in zip(rules["pattern"], rules["type"], strict=True):
        hit = texts.str.contains(pattern, regex=True) & (kind == "")
        kind[hit] = node_type or "1"
    return kind.where(kind != "", default)


def icews_actors(keys: pd.DataFrame) -> pd.DataFrame:
    """Resolve distinct ICEWS actors (``name``, ``sectors``, ``country``) to nodes.

    Same columns as :func:`gdelt_actors`, with ``sectors`` for ``actor_code``.
    """
    out = _blank(keys.index)
    out["sectors"] = keys["sectors"].where(keys["sectors"] != "NA", "").to_numpy()
    name = keys["name"].astype(str).str.strip()
    country = keys["country"].astype(str).str.strip()
    country = country.where(country != "NA", "")
    places = resolve_names(pd.Index(country[country != ""].unique()))
    home = places.reindex(country)
    home_id = pd.Series(
        np.where(home["kind"].to_numpy() == "state", home["id"].fillna("").to_numpy(), ""),
        index=keys.index,
    )
    by_sector = sector_types(out["sectors"])
    empty = name.isin(_NOBODY)
    unspecified = ~empty & (
        (_apply_rules(name, "unspecified", "") != "").to_numpy() | (by_sector == "unspecified")
    )
    out.loc[empty, "drop"] = "no-actor"
    out.loc[unspecified, "drop"] = "unspecified"
    nobody = empty | unspecified
    states = state_table()
    spellings = set(states["label"].str.lower()) | set(states["official"].str.lower())
    spellings |= set(country.str.lower())
    own = ~nobody & (name == country)
    _fill_places(out, own, home[own.to_numpy()])
    # "Russia" beside country "Russian Federation" is the state; "Georgia" of the United
    # States is not the state of Georgia.
    spelled = ~nobody & ~own & name.str.lower().isin(spellings)
    as_state = resolve_names(pd.Index(name[spelled].unique())).reindex(name[spelled])
    home_iso = home["iso3"].fillna("").to_numpy()[spelled.to_numpy()]
    same = (as_state["kind"] == "state").to_numpy() & (
        (as_state["iso3"].to_numpy() == home_iso) | (country[spelled] == "").to_numpy()
    )
    spelled[spelled] = same
    _fill_places(out, spelled, as_state[same])
    own |= spelled
    org = name.str.lower().map(_org_lookup("name"))
    is_org = ~nobody & ~own & org.notna()
    _fill_orgs(out, is_org, org)
    left = ~nobody & ~own & ~is_org
    by_name = resolve_names(pd.Index(name[left & (country == "")].unique()))
    region = left & name.map(by_name["kind"]).eq("region")
    _fill_places(out, region, by_name.reindex(name[region]))
    left &= ~region
    parts = name.str.extract(_AGENT)
    agent = left & parts["what"].notna()
    where = resolve_names(pd.Index(parts.loc[agent, "where"].unique()))
    at = where.reindex(parts.loc[agent, "where"])
    # "Police (Russia)" names a state; "Insurgent (Indian Mujahideen)" does not, although
    # a country regex would match it: only exact spellings of a country anchor an agent.
    exact = parts.loc[agent, "where"].str.lower().isin(spellings).to_numpy()
    anchored = (at["kind"].to_numpy() == "region") | ((at["kind"].to_numpy() == "state") & exact)
    what = parts.loc[agent, "what"]
    out.loc[agent, "id"] = np.where(
        anchored, at["id"].to_numpy() + "_" + slug(what).to_numpy(), slug(name[agent]).to_numpy()
    )
    out.loc[agent, "label"] = name[agent].to_numpy()
    by_rule = _apply_rules(what, "agent", "")
    agent_sector = by_sector[agent].where(by_sector[agent] != "", "group")
    out.loc[agent, "type"] = by_rule.where(by_rule != "", agent_sector).to_numpy()
    out.loc[agent, "role"] = what.to_numpy()
    out.loc[agent, "country"] = np.where(
        anchored & (at["kind"].to_numpy() == "state"),
        at["id"].to_numpy(),
        home_id[agent].to_numpy(),
    )
    named = left & ~agent
    # A person's sectors are those of the bodies and parties they belong to (Narendra Modi:
    # Parties), so sectors type a name only of one word or with a word of an organization.
    kind = _apply_rules(name[named], "name", "")
    one_word = ~name[named].str.contains(" ")
    org_word = _apply_rules(name[named], "organization", "") == "1"
    sector = by_sector[named]
    typed = sector.where(sector != "", np.where(org_word, "group", "person"))
    kind = kind.where(kind != "", typed.where(one_word | org_word, "person"))
    out.loc[named, "id"] = slug(name[named]).to_numpy()
    out.loc[named, "label"] = name[named].to_numpy()
    out.loc[named, "type"] = kind.to_numpy()
    out.loc[named, "country"] = home_id[named].to_numpy()
    out.loc[own & (home["kind"] == "unknown").to_numpy(), "unknown"] = "1"
    return out


def disambiguate(resolved: pd.DataFrame) -> pd.DataFrame:
    """Give actors of different types that share an id their own ids.

    The state (then region, organization …) keeps the id; the others get ``_<type>``
    appended: an ICEWS person named like a state would otherwise merge with it.
    """
    named = resolved["id"] != ""
    rank = resolved["type"].map({t: i for i, t in enumerate(_PRECEDENCE)}).fillna(99)
    best = rank[named].groupby(resolved.loc[named, "id"]).transform("min")
    clash = named & (rank != best.reindex(resolved.index))
    out = resolved.copy()
    suffix = "_" + resolved.loc[clash, "type"].str.replace("-", "_")
    out.loc[clash, "id"] = resolved.loc[clash, "id"] + suffix
    return out


def catalogue(resolved: pd.DataFrame, extra: str) -> tuple[pd.DataFrame, list[str]]:
    """Unique nodes (by id) from resolved actors, plus any state named only as a country.

    Returns the catalogue indexed by id and the names the data used that matched no country.
    """
    rows = resolved[resolved["id"] != ""]
    unresolved = sorted(set(rows.loc[rows["unknown"] == "1", "label"]))
    rows = rows.sort_values(["id", extra], kind="stable").drop_duplicates("id")
    states = state_table().set_index("id", drop=False)
    needed = set(rows["country"]) - set(rows["id"]) - {""}
    extra_states = states.reindex(sorted(needed))
    if len(extra_states):
        add = pd.DataFrame({c: "" for c in [*NODE_FIELDS, extra]}, index=extra_states.index)
        add["id"] = extra_states.index
        add["label"] = extra_states["label"].fillna(pd.Series(add.index, add.index))
        add["type"] = "state"
        add["iso3"] = extra_states["iso3"].fillna("")
        official = extra_states["official"].fillna("")
        add["aliases"] = official.where(official != add["label"], "")
        rows = pd.concat([rows, add])
    table = rows[[*NODE_FIELDS, extra]].set_index("id", drop=False).sort_index(kind="stable")
    names = table["aliases"].str.split(";").explode()
    names = names[(names != "") & (names != table["label"].reindex(names.index))]
    pairs = names.reset_index().drop_duplicates()
    joined = pairs.groupby("id", sort=False)["aliases"].agg(";".join)
    table["aliases"] = joined.reindex(table.index).fillna("")
    return table, unresolved


def resolve_sides(
    keys: pd.DataFrame,
    resolve: Callable[[pd.DataFrame], pd.DataFrame],
    extra: str,
    by: list[str],
) -> tuple[np.ndarray, pd.DataFrame, list[str]]:
    """Resolve each distinct row of ``keys`` once; return every row's catalogue position.

    ``keys`` holds both sides of the events stacked; the distinct combinations of its columns
    ``by`` are found on integer codes (other columns come from the first row). A row's
    position is ``-1`` (no actor), ``-2`` (no country) or ``-4`` (unspecified) when it names
    nobody (:data:`NOBODY_CODES`). Returns the positions, the catalogue (positional, with
    ``id``) and the unresolved country names.
    """
    combined = np.zeros(len(keys), dtype=np.int64)
    for column in by:
        codes, uniques = pd.factorize(keys[column])
        combined = combined * (len(uniques) + 1) + codes
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    resolved = disambiguate(resolve(keys.iloc[first].reset_index(drop=True)))
    table, unresolved = catalogue(resolved, extra)
    table = table.reset_index(drop=True)
    position = pd.Index(table["id"]).get_indexer(resolved["id"])
    nobody = resolved["drop"].map(NOBODY_CODES).fillna(-1).to_numpy(dtype=np.int64)
    node = np.where(resolved["id"].to_numpy() != "", position, nobody)
    return node[inverse].astype(np.int64), table, unresolved
