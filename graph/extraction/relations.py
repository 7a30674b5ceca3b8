"""Relations in one sentence: for each cue, the actors it links, the direction, the modality.

For a cue, the actors are the nearest mention before it and the nearest after it (within
:data:`MAX_GAP` tokens, not across ``;``), each with the mentions coordinated with it ("Russia
and even China"). Then:

- a verb: the actor before acts on the actor after ("Iran recognized Tajikistan"); in the
  passive voice (a participle after *is/was/been…*, or directly before *by*) the actor after
  *by* acts on the actor before ("Tajikistan was invited by Iran"); ``verbs_reversed`` swap
  the two ("Tajikistan hosted Iran": Iran visits);
- a noun: the actor after *of* takes the type's ``of`` role ("the visit **of** X **to** Y", "the
  invitation **of** X"), the other role going to the actor after *to/with/in…* (or *by/from*
  for the agent) or else to the one before; an actor after *by* or *from* is the source
  ("pressure **from** Russia"); otherwise the actor before (often a possessive) is the source;
- one side only: when it holds two or more actors ("relations between Tehran and Dushanbe
  have become closer", "an agreement between the two countries") they are paired with each
  other; otherwise the other side is the sentence's actor most often named in the document
  ("border disputes with Kyrgyzstan … Tajikistan's capability"), at half the confidence.

Modality: a negation (``not``, ``never``, ``refused to``, ``excluded from`` …) in the six words
before the cue marks the relation ``negated``; a modal or a word of intention (``could``,
``is expected to``, ``future`` …) before it, or a modal right after a noun cue ("Iran's help
could"), marks it ``prospective``. The vocabulary's ``[modality]`` tables give the weight and
sign that follow. Confidence is the cue's, lowered with the distance between cue and actors.

>>> from graph.extraction.reading import document_from_text
>>> from graph.extraction.sentences import chunks
>>> from graph.extraction.mentions import MentionFinder, load_gazetteer
>>> from graph.extraction.cues import CueMatcher, load_cues
>>> finder, cues = MentionFinder(load_gazetteer()), load_cues()
>>> chunk = next(chunks(document_from_text("Tajikistan was invited by Iran.")))
>>> found = sentence_relations(chunk.doc, 0, len(chunk.doc), finder.find(chunk.doc),
...                            CueMatcher(cues).find(chunk.doc), cues)
>>> [(r.source, r.type, r.target, r.modality) for r in found]
[('iran', 'invitation', 'tajikistan', 'asserted')]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .cues import CueForm, CueMatch, Cues
from .mentions import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MAX_GAP", "Relation", "modality_of", "sentence_relations"]

#: The largest number of tokens between a cue and an actor it links.
MAX_GAP = 20
_COORD = {",", "and", "or", "even", "as", "well", "also", "both", "&", "then"}
_PREPOSITIONS = {
    "of",
    "between",
    "among",
    "by",
    "from",
    *["to", "with", "in", "into", "for", "against", "on", "at", "toward", "towards", "over"],
}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "two", "both", "this"}
_BE = {"is", "are", "was", "were", "been", "being", "be", "get", "got", "gets", "getting"}
_AGENT = {"by", "from"}
_TARGET = {"to", "with", "in", "into", "for", "against", "on", "at", "toward", "towards", "over"}
_BETWEEN = {"between", "among", "amongst"}
_PLACE = {"in", "at"}
_COPULA = {"is", "are", "was", "were", "been", "remains", "remain", "became", "become", "becomes"}
_HOST = {"to", "in", "at"}
_MODALS = {"could", "can", "may", "might", "would", "will", "shall", "should"}
_WINDOW = 6


@dataclass(frozen=True)
class Relation:
    """One candidate relation in a sentence (token offsets in the paragraph's doc)."""

    source: str
    target: str
    type: str
    cue: str
    cue_start: int
    cue_end: int
    span_start: int
    span_end: int
    confidence: float
    modality: str
    verb: bool
    source_tokens: tuple[int, int] | None = None
    target_tokens: tuple[int, int] | None = None


def _where(
    actor: str, used: Sequence[Mention], others: Sequence[Mention], cue: CueMatch
) -> tuple[int, int] | None:
    """The token span of the mention that names ``actor`` (the nearest to the cue)."""
    for pool in (used, others):
        named = [m for m in pool if actor in m.ids]
        if named:
            m = min(named, key=lambda m: _gap(cue, m))
            return m.start, m.end
    return None


def _prep(doc: Doc, m: Mention, floor: int) -> str:
    """The word before a mention, skipping determiners; ``""`` when it follows ``floor``."""
    i = m.start - 1
    while i >= floor and doc[i].lower_ in _DETERMINERS:
        i -= 1
    return doc[i].lower_ if i >= floor else ""


def _attached(doc: Doc, cue: CueMatch, m: Mention, covered: set[int]) -> bool:
    """Whether the mention after a noun cue is its argument: right after it, or after a
    preposition and at most one other word (other cues skipped): "talks with Y", "the
    invitation of Y", "a memorandum of defence cooperation between the two countries"."""
    words = [
        t.lower_
        for t in doc[cue.end : m.start]
        if t.i not in covered and t.lower_ not in _DETERMINERS
    ]
    prep = _prep(doc, m, cue.end)
    return not words or (len(words) <= 2 and prep in _PREPOSITIONS)


def _coordinated(doc: Doc, a: Mention, b: Mention, listing: bool = False) -> bool:
    """Whether two mentions form one side: "X and Y", "X, Y and the Z", "X-Y relations",
    "X's relations with Y"; in a list (``listing``: "threats such as X and the spread of
    Y") an item may also be a short noun phrase ending in *of* before the mention."""
    words = [t.lower_ for t in doc[a.end : b.start] if t.lower_ not in _DETERMINERS]
    if listing and _list_item(words):
        return True
    if words in (["-"], ["–"]) or words[-2:] in (["relations", "with"], ["ties", "with"]):
        return words[:-2] in ([], ["'s"], ["’s"]) or words in (["-"], ["–"])
    if a.possessive:
        return False
    return bool(words) and set(words) <= _COORD and bool({"and", "or", ",", "&"} & set(words))


def _list_item(words: list[str]) -> bool:
    """``and``/``,`` then at most three words and *of*: "and the spread of", ", expansion
    of the influence of" (determiners already left out)."""
    if len(words) < 2 or words[0] not in (",", "and", "or") or words[-1] != "of":
        return False
    middle = [w for w in words[1:-1] if w != "of"]
    return len(middle) <= 3 and all(w.isalpha() for w in middle)


def _group(
    doc: Doc, ordered: Sequence[Mention], leftward: bool, listing: bool = False
) -> list[Mention]:
    if not ordered:
        return []
    group = [ordered[0]]
    for m in ordered[1:]:
        if m.kind in ("coref", "pronoun"):  # "…Tehran, and the two countries signed"
            break
        a, b = (m, group[-1]) if leftward else (group[-1], m)
        if b.possessive or not _coordinated(doc, a, b, listing):
            break
        group.append(m)
    return group


def _phrase_in(words: list[str], phrases: Sequence[tuple[str, ...]]) -> bool:
    text = " " + " ".join(words) + " "
    return any(" " + " ".join(p) + " " in text for p in phrases)


def modality_of(doc: Doc, start: int, cue: CueMatch, noun: bool, cues: Cues) -> str:
    """``negated``, ``prospective`` or ``asserted``, from the words around a cue."""
    words: list[str] = []
    for token in reversed(doc[max(start, cue.start - _WINDOW) : cue.start]):
        if token.text in (";", "(", ")", ":"):
            break
        words.insert(0, token.lower_)
    marks = cues.modality
    negated = marks.get("negated")
    if (
        negated
        and "only" not in words
        and (set(words) & negated.words or _phrase_in(words, negated.phrases))
    ):
        return "negated"
    after = {t.lower_ for t in doc[cue.end : cue.end + 3]}
    prospective = marks.get("prospective")
    if prospective:
        if set(words) & prospective.words or _phrase_in(words, prospective.phrases):
            return "prospective"
        if noun and after & _MODALS:
            return "prospective"
    return "asserted"


def _passive(doc: Doc, cue: CueMatch, floor: int) -> bool:
    if cue.end < len(doc) and doc[cue.end].lower_ == "by":
        return True
    before = {t.lower_ for t in doc[max(floor, cue.start - 3) : cue.start]}
    return bool(before & _BE)


def _noun_context(doc: Doc, start: int, cue: CueMatch) -> bool:
    """Whether a cue that may be a verb or a noun reads as a noun here ("the help",
    "Iran's help", "growing pressure from")."""
    prev = doc[cue.start - 1] if cue.start > start else None
    nxt = doc[cue.end].lower_ if cue.end < len(doc) else ""
    if prev is None or nxt in ("of", "from", "between", "among"):
        return True
    word = prev.lower_
    adjective = word.endswith("ing") and word not in _BE
    return word in _DETERMINERS or word in ("'s", "’s") or adjective


def _in_object(doc: Doc, verb: CueMatch, cue: CueMatch) -> bool:
    """Whether a cue after a verb is part of its object ("signed an agreement", "mediate in
    the dispute", "threatened to impose sanctions"): only determiners and at most one
    preposition (or *to*) between them."""
    words = [t.lower_ for t in doc[verb.end : cue.start] if t.lower_ not in _DETERMINERS]
    return len(words) <= 1 and all(w in _PREPOSITIONS or w == "to" for w in words)


def _copula(doc: Doc, group: list[Mention], left: list[Mention]) -> list[Mention]:
    """The subject of "X is Y's partner", "X has been under Y sanctions": the mention before
    the group, when a form of *be* or *become* stands between them."""
    beyond = [m for m in left if m.end <= group[-1].start]
    if not beyond:
        return []
    words = {t.lower_ for t in doc[beyond[0].end : group[-1].start]}
    return [beyond[0]] if words & _COPULA else []


def _only_of(doc: Doc, start: int, end: int) -> bool:
    words = [t.lower_ for t in doc[start:end] if t.lower_ not in _DETERMINERS]
    return words == ["of"]


def _parens(doc: Doc, start: int, end: int) -> dict[int, int]:
    """Each token's innermost open parenthesis (its index), or -1 outside any."""
    stack: list[int] = []
    depth = {}
    for i, token in enumerate(doc[start:end], start=start):
        text = token.text
        if text == ")" and stack:
            stack.pop()
        depth[i] = stack[-1] if stack else -1
        if text == "(":
            stack.append(i)
    return depth


def _after(doc: Doc, start: int, cue: CueMatch, words: frozenset[str]) -> int | None:
    """The token of one of ``words`` before the cue, at most four words back (determiners and
    possessives skipped): "reducing its dependence", "cut the country's dependence"."""
    seen, i = 0, cue.start - 1
    while i >= start and seen < 4:
        word = doc[i].lower_
        if word in words:
            return i
        seen += word not in _DETERMINERS
        i -= 1
    return None


def _gap(cue: CueMatch, m: Mention) -> int:
    return max(0, m.start - cue.end, cue.start - m.end)


def _directed(cues: Cues, name: str) -> bool:
    return cues.directed.get(name, True)


def _ids(group: Sequence[Mention]) -> list[str]:
    """The actor ids of a side, in text order."""
    ordered = sorted(group, key=lambda m: m.start)
    return list(dict.fromkeys(i for m in ordered for i in m.ids))


def _roles(
    doc: Doc, floor: int, cue: CueMatch, form: CueForm, of_role: str, directed: bool,
    left: list[Mention], right: list[Mention],
) -> tuple[list[Mention], list[Mention]]:  # fmt: skip
    """(sources, targets) for one cue."""
    lg = _group(doc, left, leftward=True)
    rg = _group(doc, right, leftward=False, listing=form.phrase.endswith("such as"))
    first = right[0] if right else None
    prep = _prep(doc, first, cue.end) if first is not None else ""
    if form.verb:
        if form.participle and _passive(doc, cue, floor):
            src, tgt = (rg if prep == "by" else []), lg
        elif prep in _AGENT:
            src, tgt = rg, lg
        else:
            src, tgt = lg, rg
    elif prep == "of" and first is not None and _only_of(doc, cue.end, first.start):
        rest = [m for m in right if m.start >= rg[-1].end]
        if of_role == "source":
            extra = [m for m in rest if _prep(doc, m, rg[-1].end) in _AGENT]
            targets = _TARGET | _BETWEEN
            other = next((m for m in rest if _prep(doc, m, rg[-1].end) in targets), None)
            src = rg + [m for m in extra if other is None or m.start < other.start]
            tgt = _group(doc, rest[rest.index(other) :], False) if other else lg
        else:
            agent = next((m for m in rest if _prep(doc, m, rg[-1].end) in _AGENT), None)
            host = next((m for m in rest if _prep(doc, m, rg[-1].end) in _HOST), None)
            src = [agent] if agent else (lg or ([host] if host else []))
            tgt = rg
    elif prep in _AGENT:
        src, tgt = rg, lg
    elif prep in _BETWEEN:
        src, tgt = rg, []
    elif lg and not rg and lg[-1] is not left[-1]:
        src, tgt = lg, _copula(doc, lg, left)
    else:
        src, tgt = lg, rg
    if form.reversed:
        src, tgt = tgt, src
    if not directed and len(_ids(src)) >= 2 and tgt and _prep(doc, tgt[0], floor) in _PLACE:
        tgt = []  # "X and Y signed an agreement in Beijing": Beijing is where
    return src, tgt


def sentence_relations(
    doc: Doc,
    start: int,
    end: int,
    mentions: Sequence[Mention],
    cue_matches: Sequence[CueMatch],
    cues: Cues,
    *,
    topic: Callable[[Sequence[str]], str | None] | None = None,
) -> list[Relation]:
    """The candidate relations of the sentence ``doc[start:end]``.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The paragraph.
    start, end : int
        The sentence's token span.
    mentions : sequence of Mention
        The sentence's actor mentions, references resolved (``ids`` filled), in order.
    cue_matches : sequence of CueMatch
        The sentence's cues, in order.
    cues : Cues
        The cue data (types, modality).
    topic : callable, optional
        Given the ids of the sentence's other mentions, the one to use as the missing side.

    Returns
    -------
    list of Relation
        One per (source, target, type), the most confident when several cues give it.
    """
    mentions = [m for m in mentions if m.ids]
    paren = _parens(doc, start, end)
    covered = {i for c in cue_matches for i in range(c.start, c.end)}
    best: dict[tuple[str, str, str], Relation] = {}
    for n, cue in enumerate(cue_matches):
        forms = cue.forms
        form = sorted(forms, key=lambda f: f.verb == _noun_context(doc, start, cue))[0]
        following = cue_matches[n + 1] if n + 1 < len(cue_matches) else None
        if (
            following is not None
            and following.start == cue.end
            and _noun(forms)
            and _noun(following.forms)
        ):
            continue  # a noun modifying the next cue: "border talks", "trade agreement"
        spec = cues.types[form.type]
        here = [m for m in mentions if paren[m.start] == paren[cue.start]]
        left = [m for m in reversed(here) if m.end <= cue.start and cue.start - m.end <= MAX_GAP]
        left = [m for m in left if ";" not in doc[m.end : cue.start].text]
        right = [m for m in here if m.start >= cue.end and m.start - cue.end <= MAX_GAP]
        right = [m for m in right if ";" not in doc[cue.end : m.start].text]
        if form.verb:  # a verb's object comes before the next cue, unless that cue is in it
            stop = next((c for c in cue_matches[n + 1 :] if not _in_object(doc, cue, c)), None)
            right = [m for m in right if stop is None or m.start < stop.start]
        elif right and not _attached(doc, cue, right[0], covered):
            right = []
        directed = _directed(cues, form.type)
        src, tgt = _roles(doc, start, cue, form, spec.of, directed, left, right)
        factor = 1.0
        pairs: list[tuple[str, str]] = []
        if src and tgt:
            pairs = [(s, t) for s in _ids(src) for t in _ids(tgt)]
        elif len(_ids(src or tgt)) >= 2 and not directed:
            pairs = list(itertools.combinations(_ids(src or tgt), 2))
        elif (src or tgt) and topic is not None:
            side = _ids(src or tgt)
            other = topic([i for m in here for i in m.ids if i not in side])
            if other is not None:
                factor = 0.5
                pairs = [(side[0], other)] if src else [(other, side[0])]
        if not pairs:
            continue
        used = [*src, *tgt]
        lo = min([cue.start, *(m.start for m in used)])
        hi = max([cue.end, *(m.end for m in used)])
        if any(m.kind in ("coref", "pronoun") for m in used):
            factor *= 0.8
        modality = modality_of(doc, start, cue, not form.verb, cues)
        derived = [
            (d, at) for d in cues.derived.values()
            if form.type in d.sources and (at := _after(doc, start, cue, d.words)) is not None
        ]  # fmt: skip
        for s, t in pairs:
            if s == t:
                continue
            gap = max(_gap(cue, m) for m in used if s in m.ids or t in m.ids)
            confidence = round(spec.confidence * factor * (1 - min(gap, 30) / 60), 2)
            rel = Relation(
                s, t, form.type, doc[cue.start : cue.end].text, cue.start, cue.end,
                lo, hi, confidence, modality, form.verb,
                _where(s, used, here, cue), _where(t, used, here, cue),
            )  # fmt: skip
            for d, at in derived:  # "reducing its dependence on X": also balancing X
                more = replace(
                    rel, type=d.name, confidence=round(confidence * d.confidence, 2),
                    cue=doc[at : cue.end].text, cue_start=at, span_start=min(lo, at),
                )  # fmt: skip
                _keep(best, more)
            _keep(best, rel)
    return sorted(best.values(), key=lambda r: (r.cue_start, r.source, r.target, r.type))


def _noun(forms: Sequence[CueForm]) -> bool:
    """Whether a cue may be a noun."""
    return not all(f.verb for f in forms)


def _keep(best: dict[tuple[str, str, str], Relation], rel: Relation) -> None:
    """Keep ``rel`` unless the same (source, target, type) was found more confidently."""
    key = (rel.source, rel.target, rel.type)
    if key not in best or best[key].confidence < rel.confidence:
        best[key] = rel
