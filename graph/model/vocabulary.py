"""The vocabulary: node types and relation types, with their colours, shapes, signs,
direction and families.

The vocabulary is data (``graph/model/vocabulary.toml``); this module only reads it and merges
a dataset's own ``vocabulary.toml`` over it. Checking tables against it is
:mod:`graph.loading`'s job.

>>> vocab = load_vocabulary()
>>> vocab.edge_types["visit"].directed, vocab.edge_types["dispute"].sign
(True, -1)
>>> vocab.node_types["state"].shape
'dot'
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import DataError, Issue, ValidationReport
from ..issue_codes import IssueCode
from ..text import normalize_name
from .columns import VOCABULARY_FILE

__all__ = [
    "EdgeType",
    "NodeType",
    "Vocabulary",
    "load_vocabulary",
    "vocabulary_toml",
]

_BUILTIN = Path(__file__).with_name(VOCABULARY_FILE)


@dataclass(frozen=True)
class NodeType:
    """A kind of actor, with how it is drawn.

    Parameters
    ----------
    name : str
        The type's id, as written in the ``type`` column of ``nodes.csv`` (``state``).
    label : str
        The name shown in legends and reports (``State``).
    color : str, default "#7f7f7f"
        The fill colour of its nodes in the explorer page, as ``#rrggbb``.
    shape : str, default "dot"
        The vis-network node shape (``dot``, ``square``, ``diamond``, ``triangle``,
        ``star``...).
    meaning : str, default ""
        What kind of actor it is, in a sentence.

    See Also
    --------
    Vocabulary : All node and relation types of a dataset.

    Examples
    --------
    >>> state = ds.vocabulary.node_types["state"]
    >>> state.label, state.shape
    ('State', 'dot')
    >>> graph.NodeType("militia", "Militia", shape="star").color
    '#7f7f7f'
    """

    name: str
    label: str
    color: str = "#7f7f7f"
    shape: str = "dot"
    meaning: str = ""


@dataclass(frozen=True)
class EdgeType:
    """A kind of relation: direction, default sign, family and colour.

    Parameters
    ----------
    name : str
        The type's id, as written in the ``type`` column of ``edges.csv`` (``visit``).
    directed : bool, default True
        Whether the relation goes from source to target (a visit) or is mutual (talks).
    sign : {1, 0, -1}, default 0
        The default sign of its relations: cooperative (1), neutral (0) or conflictual
        (-1); an edge's own ``sign`` cell overrides it.
    family : str, default "other"
        The group of types it belongs to (``diplomatic``, ``coercion``, ``conflict``...),
        used by filters and summaries.
    color : str, default "#7f7f7f"
        The colour of its edges in the explorer page, as ``#rrggbb``.
    meaning : str, default ""
        What the relation says about source and target, in a sentence.
    weight : float, default 1.0
        The weight of its relations whose ``weight`` cell is empty (a defence pact 3, an
        entente 1).
    interaction : bool, default True
        False for an affiliation (membership, office, leadership): a tie of belonging, not an
        act between two sides, left out of centrality unless asked
        (:mod:`graph.analyze.layers`).

    See Also
    --------
    Vocabulary : All node and relation types of a dataset.

    Examples
    --------
    >>> visit = ds.vocabulary.edge_types["visit"]
    >>> visit.directed, visit.sign, visit.family
    (True, 1, 'diplomatic')
    >>> graph.EdgeType("ceasefire", directed=False, sign=1, family="conflict").color
    '#7f7f7f'
    """

    name: str
    directed: bool = True
    sign: int = 0
    family: str = "other"
    color: str = "#7f7f7f"
    meaning: str = ""
    weight: float = 1.0
    interaction: bool = True


@dataclass(frozen=True)
class Vocabulary:
    """The node and edge types a dataset may use.

    Made by :func:`load_vocabulary`: the built-in types, extended by a dataset's own
    ``vocabulary.toml``.

    Parameters
    ----------
    node_types : dict of str to NodeType
        The kinds of actor, by name, in vocabulary order.
    edge_types : dict of str to EdgeType
        The kinds of relation, by name, in vocabulary order.

    Examples
    --------
    >>> vocab = ds.vocabulary
    >>> list(vocab.node_types)[:3]
    ['state', 'person', 'organization']
    >>> vocab.families[:3]
    ['diplomatic', 'cooperation', 'economic']
    >>> vocab.types_in_families(["conflict"])
    ['dispute', 'conflict']
    """

    node_types: dict[str, NodeType] = field(default_factory=dict)
    edge_types: dict[str, EdgeType] = field(default_factory=dict)

    @property
    def families(self) -> list[str]:
        """Relation families, in vocabulary order, each once."""
        return list(dict.fromkeys(t.family for t in self.edge_types.values()))

    def types_in_families(self, families: list[str]) -> list[str]:
        """Edge type names whose family is one of ``families``."""
        return [t.name for t in self.edge_types.values() if t.family in families]

    def to_dict(self) -> dict[str, Any]:
        """Return the vocabulary as plain dicts (for JSON and pages)."""
        return {
            "node_types": {k: vars(v) for k, v in self.node_types.items()},
            "edge_types": {k: vars(v) for k, v in self.edge_types.items()},
        }


_NODE_FIELDS = {"label": str, "color": str, "shape": str, "meaning": str}
_EDGE_FIELDS = {
    "directed": bool,
    "sign": int,
    "family": str,
    "color": str,
    "meaning": str,
    "weight": float,
    "interaction": bool,
}


def _bad_weight(file: str, section: str, name: str, value: Any) -> Issue:
    return Issue(
        file,
        None,
        section,
        IssueCode.BAD_VOCABULARY,
        f"[{section}.{name}] weight must be a number from 0 to 1e12",
        value=str(value),
    )


def _read_section(
    data: dict[str, Any], section: str, fields: Mapping[str, type], file: str
) -> tuple[dict[str, dict[str, Any]], list[Issue]]:
    issues: list[Issue] = []
    out: dict[str, dict[str, Any]] = {}
    table = data.get(section, {})
    if not isinstance(table, dict):
        return out, [
            Issue(file, None, section, IssueCode.BAD_VOCABULARY, f"[{section}] must be a table")
        ]
    for raw_name, spec in table.items():
        name = normalize_name(str(raw_name))
        if not isinstance(spec, dict):
            issues.append(
                Issue(
                    file,
                    None,
                    section,
                    IssueCode.BAD_VOCABULARY,
                    f"[{section}.{name}] must be a table",
                )
            )
            continue
        clean: dict[str, Any] = {}
        for key, value in spec.items():
            expected = fields.get(key)
            if expected is None:
                issues.append(
                    Issue(
                        file,
                        None,
                        section,
                        IssueCode.BAD_VOCABULARY,
                        f"[{section}.{name}] has unknown field '{key}' "
                        f"(expected one of {', '.join(fields)})",
                        value=key,
                    )
                )
            elif expected is float and isinstance(value, int) and not isinstance(value, bool):
                if value < 0:
                    issues.append(_bad_weight(file, section, name, value))
                else:
                    clean[key] = float(value)
            elif not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                issues.append(
                    Issue(
                        file,
                        None,
                        section,
                        IssueCode.BAD_VOCABULARY,
                        f"[{section}.{name}] field '{key}' must be {expected.__name__}, "
                        f"got {value!r}",
                        value=str(value),
                    )
                )
            elif key == "weight" and not 0 <= float(value) <= 1e12:  # type: ignore[arg-type]
                issues.append(_bad_weight(file, section, name, value))
            elif key == "sign" and value not in (-1, 0, 1):
                issues.append(
                    Issue(
                        file,
                        None,
                        section,
                        IssueCode.BAD_VOCABULARY,
                        f"[{section}.{name}] sign must be -1, 0 or 1",
                        value=str(value),
                    )
                )
            else:
                clean[key] = value
        out[str(name)] = clean
    return out, issues


def _parse(path: Path, base: Vocabulary | None) -> tuple[Vocabulary, list[Issue]]:
    file = path.name if base is not None else str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return base or Vocabulary(), [Issue(file, None, None, IssueCode.BAD_VOCABULARY, str(exc))]
    nodes, issues = _read_section(data, "node_types", _NODE_FIELDS, file)
    edges, more = _read_section(data, "edge_types", _EDGE_FIELDS, file)
    issues += more
    node_types = dict(base.node_types) if base else {}
    edge_types = dict(base.edge_types) if base else {}
    for name, spec in nodes.items():
        old = node_types.get(name)
        if old is None:
            spec.setdefault("label", name)
            node_types[name] = NodeType(name=name, **spec)
        else:
            node_types[name] = replace(old, **spec)
    for name, spec in edges.items():
        old_edge = edge_types.get(name)
        edge_types[name] = (
            EdgeType(name=name, **spec) if old_edge is None else replace(old_edge, **spec)
        )
    return Vocabulary(node_types, edge_types), issues


def load_vocabulary(extra: str | Path | None = None) -> Vocabulary:
    """Read the built-in vocabulary, extended by a dataset's ``vocabulary.toml``.

    Parameters
    ----------
    extra : path, optional
        A TOML file with ``[node_types.NAME]`` and ``[edge_types.NAME]`` tables. New names
        add types; existing names override the given fields.

    Returns
    -------
    Vocabulary
        The node and relation types, built-in ones first.

    Raises
    ------
    DataError
        If ``extra`` is not valid TOML or has fields of the wrong kind.

    Examples
    --------
    >>> load_vocabulary().edge_types["membership"].family
    'membership'

    A dataset's ``vocabulary.toml`` can add a relation type:

    >>> import tempfile
    >>> from pathlib import Path
    >>> path = Path(tempfile.mkdtemp()) / "vocabulary.toml"
    >>> _ = path.write_text('[edge_types.ceasefire]\\ndirected = false\\nsign = 1\\n')
    >>> graph.load_vocabulary(path).edge_types["ceasefire"].sign
    1
    """
    vocab, issues = _parse(_BUILTIN, None)
    if issues:  # pragma: no cover - the built-in file is tested
        raise DataError(ValidationReport(issues))
    if extra is not None:
        vocab, issues = _parse(Path(extra), vocab)
        if issues:
            raise DataError(ValidationReport(issues))
    return vocab


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # 1.0, 0.5, 1e-05: TOML floats
    return json.dumps(str(value), ensure_ascii=False)


def vocabulary_toml(vocabulary: Vocabulary) -> str:
    """The types of ``vocabulary`` that the built-in vocabulary lacks or defines otherwise,
    as the text of a dataset's ``vocabulary.toml``.

    >>> print(vocabulary_toml(load_vocabulary()).strip())
    # Types beyond the built-in vocabulary (written by graph).
    """
    base = load_vocabulary()
    lines = ["# Types beyond the built-in vocabulary (written by graph).", ""]
    sections: list[tuple[str, dict[str, NodeType] | dict[str, EdgeType], dict[str, Any]]] = [
        ("node_types", vocabulary.node_types, base.node_types),
        ("edge_types", vocabulary.edge_types, base.edge_types),
    ]
    for section, types, builtin in sections:
        for name, kind in types.items():
            if builtin.get(name) == kind:
                continue
            key = name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _toml_value(name)
            lines.append(f"[{section}.{key}]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in vars(kind).items() if k != "name"]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
