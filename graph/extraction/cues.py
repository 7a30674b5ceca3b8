"""Cue words: which phrases say which relation type, and which words make a relation uncertain.

The cues are data: ``data/cues.toml`` (its header documents the fields), extended by a
dataset's ``vocabulary.toml`` with tables of the same shape (``[cues.TYPE]``,
``[modality.NAME]``). Lists add to the built-in ones; numbers and strings replace them. Every
phrase is expanded into its word forms (verbs inflected, nouns pluralized, optional and
alternative words spelled out) once, when the cues are loaded.

>>> cues = load_cues()
>>> sorted(f.type for f in cues.forms["paid a visit to"])
['visit']
>>> cues.forms["was"] if "was" in cues.forms else "no cue"
'no cue'
>>> cues.modality["prospective"].weight
0.5
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import GraphError
from ..model.vocabulary import Vocabulary, load_vocabulary
from .gazetteer import DATA
from .sentences import pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "CueForm",
    "CueMatch",
    "CueMatcher",
    "Cues",
    "Derived",
    "Modality",
    "TypeCues",
    "expand",
    "inflect",
    "load_cues",
]

_KINDS = ("verbs", "verbs_reversed", "nouns", "nouns_reversed")
_SIGNS = ("same", "opposite", "neutral")


@dataclass(frozen=True)
class CueForm:
    """One matched word form: its type, whether it is a verb or noun, reversed, a participle."""

    type: str
    verb: bool
    reversed: bool
    participle: bool
    phrase: str


@dataclass(frozen=True)
class TypeCues:
    """The cues of one relation type (see ``data/cues.toml``)."""

    name: str
    phrases: Mapping[str, tuple[str, ...]]
    of: str = "source"
    confidence: float = 0.7
    negated_sign: str = ""


@dataclass(frozen=True)
class Modality:
    """Words that mark a relation prospective or negated, and what that does to it."""

    name: str
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    weight: float
    sign: str


@dataclass(frozen=True)
class Derived:
    """A type found through another: a cue of a type in ``sources`` after one of ``words``
    ("reducing its dependence on") also gives a relation of type ``name``."""

    name: str
    sources: frozenset[str]
    words: frozenset[str]
    confidence: float = 0.9


@dataclass
class Cues:
    """Every cue type, the expanded word forms, and the modality markers.

    ``forms`` maps a lower-case phrase (words separated by single spaces) to its forms: one
    phrase may be a verb and a noun (``help``). ``directed`` says, for each relation type of
    the vocabulary, whether it goes from source to target.
    """

    types: dict[str, TypeCues]
    forms: dict[str, list[CueForm]] = field(default_factory=dict)
    modality: dict[str, Modality] = field(default_factory=dict)
    directed: dict[str, bool] = field(default_factory=dict)
    derived: dict[str, Derived] = field(default_factory=dict)


def inflect(verb: str, irregular: Mapping[str, list[str]]) -> dict[str, bool]:
    """A verb's forms, each with whether it is a past participle (for the passive voice).

    >>> inflect("visit", {})
    {'visit': False, 'visits': False, 'visited': True, 'visiting': False}
    >>> list(inflect("drop", {}))
    ['drop', 'drops', 'dropped', 'dropping']
    >>> inflect("meet", {"meet": ["meets", "met", "met", "meeting"]})
    {'meet': False, 'meets': False, 'met': True, 'meeting': False}
    """
    if verb in irregular:
        third, past, participle, ing = irregular[verb]
        return {verb: False, third: False, past: participle == past, participle: True, ing: False}
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    if _doubles(verb):
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    elif verb.endswith("e"):
        past, ing = verb + "d", (verb[:-1] + "ing" if not verb.endswith("ee") else verb + "ing")
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    return {verb: False, third: False, past: True, ing: False}


def _doubles(verb: str) -> bool:
    """A one-syllable verb ending consonant-vowel-consonant doubles it: drop -> dropped."""
    vowels = "aeiou"
    groups = sum(
        1 for i, c in enumerate(verb) if c in vowels and (i == 0 or verb[i - 1] not in vowels)
    )
    end = verb[-3:]
    return (
        groups == 1 and len(end) == 3 and end[0] not in vowels and end[1] in vowels
        and end[2] not in vowels + "wxy"
    )  # fmt: skip


def _plural(noun: str) -> list[str]:
    if noun.endswith("s") or not noun.isalpha():
        return [noun]
    if noun.endswith(("x", "z", "ch", "sh")):
        return [noun, noun + "es"]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


def expand(phrase: str) -> list[tuple[str, ...]]:
    """Every word sequence a phrase stands for (``a|b`` alternatives, ``[x]`` optional).

    >>> expand("pay [a|an] visit to")
    [('pay', 'visit', 'to'), ('pay', 'a', 'visit', 'to'), ('pay', 'an', 'visit', 'to')]
    """
    slots: list[list[str]] = []
    for word in phrase.lower().split():
        if word.startswith("[") and word.endswith("]"):
            slots.append(["", *word[1:-1].split("|")])
        else:
            slots.append(word.split("|"))
    return [tuple(w for w in combo if w) for combo in itertools.product(*slots)]


def _forms_of(spec: TypeCues, irregular: Mapping[str, list[str]]) -> Iterable[tuple[str, CueForm]]:
    for kind in _KINDS:
        verb, reverse = kind.startswith("verb"), kind.endswith("reversed")
        for phrase in spec.phrases.get(kind, ()):
            for words in expand(phrase):
                if not words:
                    continue
                head, rest = words[0], words[1:]
                if verb:
                    variants = [((h, *rest), p) for h, p in inflect(head, irregular).items()]
                elif rest:
                    variants = [((*words[:-1], w), False) for w in _plural(words[-1])]
                else:
                    variants = [((w,), False) for w in _plural(head)]
                for seq, participle in variants:
                    yield " ".join(seq), CueForm(spec.name, verb, reverse, participle, phrase)


def _modality(name: str, spec: Mapping[str, Any]) -> Modality:
    sign = str(spec.get("sign", "same"))
    if sign not in _SIGNS:
        raise GraphError(f"[modality.{name}] sign must be one of {', '.join(_SIGNS)}: {sign!r}")
    return Modality(
        name,
        frozenset(w.lower() for w in spec.get("words", [])),
        tuple(tuple(p.lower().split()) for p in spec.get("phrases", [])),
        float(spec.get("weight", 1.0)),
        sign,
    )


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = {**base}
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


def _table(data: Mapping[str, Any], section: str, where: str) -> dict[str, Any]:
    table = data.get(section, {})
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise GraphError(f"{where}: [{section}] must hold tables such as [{section}.NAME]")
    return table


def _type_cues(name: str, spec: Mapping[str, Any], where: str) -> TypeCues:
    unknown = set(spec) - {*_KINDS, "of", "confidence", "negated_sign"}
    if unknown:
        raise GraphError(
            f"{where}: [cues.{name}] has unknown field(s) {', '.join(sorted(unknown))}"
        )
    if spec.get("of", "source") not in ("source", "target"):
        raise GraphError(f"{where}: [cues.{name}] of must be 'source' or 'target'")
    confidence = float(spec.get("confidence", 0.7))
    if not 0 <= confidence <= 1:
        raise GraphError(f"{where}: [cues.{name}] confidence must be from 0 to 1")
    negated = str(spec.get("negated_sign", ""))
    if negated and negated not in _SIGNS:
        raise GraphError(f"{where}: [cues.{name}] negated_sign must be one of {', '.join(_SIGNS)}")
    phrases = {k: tuple(str(p) for p in spec.get(k, [])) for k in _KINDS}
    return TypeCues(name, phrases, str(spec.get("of", "source")), confidence, negated)


def _derived(name: str, spec: Mapping[str, Any], allowed: set[str], where: str) -> Derived:
    unknown = set(spec) - {"from", "words", "confidence"}
    if unknown:
        raise GraphError(
            f"{where}: [derived.{name}] has unknown field(s) {', '.join(sorted(unknown))}"
        )
    sources = [str(t) for t in spec.get("from", [])]
    missing = [t for t in [name, *sources] if t not in allowed]
    if missing:
        raise GraphError(
            f"{where}: [derived.{name}] names relation type(s) the vocabulary lacks: "
            + ", ".join(missing)
        )
    confidence = float(spec.get("confidence", 0.9))
    if not 0 <= confidence <= 1:
        raise GraphError(f"{where}: [derived.{name}] confidence must be from 0 to 1")
    words = frozenset(str(w).lower() for w in spec.get("words", []))
    return Derived(name, frozenset(sources), words, confidence)


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    return tomllib.loads((DATA / "cues.toml").read_text(encoding="utf-8"))


def load_cues(extra: str | Path | None = None, vocabulary: Vocabulary | None = None) -> Cues:
    """The built-in cues, extended by a dataset's ``vocabulary.toml``.

    Parameters
    ----------
    extra : path, optional
        A ``vocabulary.toml`` with ``[cues.TYPE]`` and ``[modality.NAME]`` tables.
    vocabulary : Vocabulary, optional
        The relation types allowed (default: the built-in ones); a cue for a type that is not
        in it is an error.

    Returns
    -------
    Cues
        The types, their expanded word forms and the modality markers.

    Raises
    ------
    GraphError
        If a table has an unknown field or a value of the wrong kind, or names an unknown type.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "vocabulary.toml"
    >>> _ = path.write_text('[cues.visit]\\nverbs = ["look in on"]\\n', encoding="utf-8")
    >>> [f.type for f in load_cues(path).forms["looked in on"]]
    ['visit']
    """
    data = _builtin_data()
    cue_specs = dict(_table(data, "cues", "cues.toml"))
    modal_specs = dict(_table(data, "modality", "cues.toml"))
    derived_specs = dict(_table(data, "derived", "cues.toml"))
    where, own = "cues.toml", set()
    if extra is not None:
        where = Path(extra).name
        try:
            more = tomllib.loads(Path(extra).read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise GraphError(f"{where}: {exc}") from None
        for name, spec in _table(more, "cues", where).items():
            cue_specs[name] = _merge(cue_specs.get(name, {}), spec)
            own |= {p for k in _KINDS for p in spec.get(k, [])}
        for name, spec in _table(more, "modality", where).items():
            modal_specs[name] = _merge(modal_specs.get(name, {}), spec)
        for name, spec in _table(more, "derived", where).items():
            derived_specs[name] = _merge(derived_specs.get(name, {}), spec)
    vocab = vocabulary or _builtin_vocabulary()
    allowed = set(vocab.edge_types)
    types = {}
    for name, spec in cue_specs.items():
        if name not in allowed:
            raise GraphError(f"{where}: [cues.{name}] names a relation type the vocabulary lacks")
        types[name] = _type_cues(name, spec, where)
    cues = Cues(types, modality={n: _modality(n, s) for n, s in modal_specs.items()})
    cues.derived = {n: _derived(n, s, allowed, where) for n, s in derived_specs.items()}
    cues.forms = _choose(types, data.get("irregular", {}), own)
    cues.directed = {name: kind.directed for name, kind in vocab.edge_types.items()}
    return cues


def _choose(
    types: Mapping[str, TypeCues], irregular: Mapping[str, list[str]], own: set[str]
) -> dict[str, list[CueForm]]:
    """One type per word form: a dataset's phrases first, then phrases as listed, then
    generated forms (inflections, plurals); among equals, the type listed first."""
    ranked: dict[str, list[tuple[int, int, CueForm]]] = {}
    for order, spec in enumerate(types.values()):
        for text, form in _forms_of(spec, irregular):
            listed = text in {" ".join(w) for w in expand(form.phrase)}
            rank = (0 if form.phrase in own else 2) + (0 if listed else 1)
            ranked.setdefault(text, []).append((rank, order, form))
    forms: dict[str, list[CueForm]] = {}
    for text, items in ranked.items():
        best = min(items, key=lambda item: item[:2])
        kept: list[CueForm] = []
        for rank, _, form in sorted(items, key=lambda item: item[:2]):
            same = (form.verb, form.reversed) in {(k.verb, k.reversed) for k in kept}
            if rank == best[0] and form.type == best[2].type and not same:
                kept.append(form)
        forms[text] = kept
    return forms


@lru_cache(maxsize=1)
def _builtin_vocabulary() -> Vocabulary:
    return load_vocabulary()


@dataclass(frozen=True)
class CueMatch:
    """A cue in a doc: token span and the forms it may be (verb and/or noun)."""

    start: int
    end: int
    forms: tuple[CueForm, ...]


class CueMatcher:
    """Finds cue phrases in a doc (case-insensitive, longest match first).

    >>> doc = pipeline()("The two sides held talks and signed a memorandum of understanding.")
    >>> [(doc[m.start:m.end].text, m.forms[0].type) for m in CueMatcher(load_cues()).find(doc)]
    [('held talks', 'talks'), ('signed', 'agreement'), ('memorandum of understanding', 'agreement')]
    """

    def __init__(self, cues: Cues) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = pipeline()
        self.cues = cues
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        texts = list(cues.forms)
        for text, doc in zip(texts, [nlp.make_doc(t) for t in texts], strict=True):
            self._matcher.add(text, [doc])

    def find(self, doc: Doc) -> list[CueMatch]:
        """Non-overlapping cue matches in text order (the longest wins an overlap)."""
        strings = doc.vocab.strings
        found = sorted(
            ((s, e, strings[k]) for k, s, e in self._matcher(doc)),
            key=lambda m: (-(m[1] - m[0]), m[0]),
        )
        used: set[int] = set()
        kept = []
        for s, e, text in found:
            if used & set(range(s, e)):
                continue
            used |= set(range(s, e))
            kept.append(CueMatch(s, e, tuple(self.cues.forms[text])))
        return sorted(kept, key=lambda m: m.start)
