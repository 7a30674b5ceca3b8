"""Actor mentions in a paragraph: gazetteer names, people by their titles, organizations by
their acronyms, armed forces of a state, and the references resolved later ("the two
countries", "its").

Where two candidate mentions overlap, the longer one wins ("UN Security Council" over "UN",
"Iranian President Hassan Rouhani" over "Iranian"); at equal length, a person or an acronym
definition wins over a gazetteer name.

>>> from graph.extraction.reading import document_from_text
>>> from graph.extraction.sentences import chunks
>>> finder = MentionFinder(load_gazetteer())
>>> text = "Tajik Defense Minister Shir Ali Mirza flew to Tehran."
>>> chunk = next(chunks(document_from_text(text)))
>>> [(chunk.doc[m.start:m.end].text, m.ids) for m in finder.find(chunk.doc)]
[('Tajik Defense Minister Shir Ali Mirza', ('shir_ali_mirza',)), ('Tehran', ('iran',))]
>>> finder.actors["shir_ali_mirza"].role
'Defence Minister of Tajikistan'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .gazetteer import Actor, Gazetteer, load_gazetteer, slug_of
from .sentences import pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Mention", "MentionFinder", "load_gazetteer"]

_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "la", "le", "abu", "du"}
_CONNECTORS = {"of", "the", "and", "for", "on", "in", "de", "du", "la", "al", "-", "&"}
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "Also", "But", "And", "Or", "Of", "For", "With", "By",
    "To", "From", "As", "After", "Before", "During", "While", "Since", "Until", "This", "That",
    "These", "Those", "It", "He", "She", "They", "We", "His", "Her", "Their", "Its", "Mr",
    "Mrs", "Ms", "Dr", "Council", "Assembly", "Republic", "Union", "Ministry", "Government",
    "Party", "Movement", "Affairs", "Office", "Staff", "Secretary", "Minister", "President",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Resolution", "General", "State", "States", "Foreign", "Defense",
    "Defence", "Security", "Organization", "Organisation", "Forces", "Army", "Navy", "Said",
    "Says", "Who", "Which", "When", "Where", "However", "Meanwhile", "Moreover", "Today",
}  # fmt: skip
_COREFS = (
    "the two countries", "both countries", "the two states", "the two nations", "the two sides",
    "both sides", "the two neighbours", "the two neighbors", "the two governments",
    "both governments", "the two capitals", "both nations", "both states",
)  # fmt: skip
_PRIORITY = {
    "person": 0, "acronym": 1, "institution": 2, "counterpart": 3, "name": 4, "coref": 5,
    "pronoun": 6,
}  # fmt: skip
_ROLE_STOP = {"of", "the", "and", "for", "minister", "ministry", "affairs", "secretary"}
_ARTICLES = {"the", "a", "an"}


@dataclass
class Mention:
    """One mention of one or more actors: a token span of the paragraph's doc.

    ``kind`` is how it was found (``name``, ``person``, ``acronym``, ``institution``, or the
    references ``coref`` and ``pronoun``, whose ``ids`` are filled per sentence); ``wrap``
    marks "the armed forces of the two countries"; ``possessive`` a following ``'s``; a person
    found by a title has the ``title`` and, when a state precedes it, that ``country``.
    """

    start: int
    end: int
    ids: tuple[str, ...]
    kind: str = "name"
    possessive: bool = False
    wrap: str = ""
    country: str = ""
    title: str = ""


class MentionFinder:
    """Finds actor mentions with one gazetteer, adding the people and organizations it meets.

    Parameters
    ----------
    gazetteer : Gazetteer
        The known names (:func:`~graph.extraction.gazetteer.load_gazetteer`).

    Attributes
    ----------
    actors : dict of str to Actor
        Every actor met so far (gazetteer actors and new ones), by id.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = pipeline()
        self.gazetteer = gazetteer
        self.actors: dict[str, Actor] = dict(gazetteer.actors)
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = list(gazetteer.names)
        for name, doc in zip(names, [nlp.make_doc(n) for n in names], strict=True):
            self._names.add(gazetteer.names[name], [doc])
        self._titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._title_of: dict[str, tuple[str, str]] = {}
        for title in gazetteer.titles:
            key = f"{title.kind}:{title.words.lower()}"
            self._title_of[key] = (title.kind, title.role)
            self._titles.add(key, [nlp.make_doc(title.words)])
        self._misc = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._misc.add("coref", [nlp.make_doc(c) for c in _COREFS])
        self._misc.add("forces", [nlp.make_doc("armed forces")])
        self._misc.add("its", [nlp.make_doc("its")])
        self._misc.add("counterpart", [nlp.make_doc("counterpart")])
        self._dynamic: dict[tuple[str, ...], str] = {}

    # -- new actors -------------------------------------------------------------------------

    def _new(self, actor: Actor, *names: str) -> str:
        if actor.id not in self.actors:
            self.actors[actor.id] = actor
        for name in names:
            words = tuple(pipeline().tokenizer(name).to_array(["ORTH"]).tolist())
            key = tuple(pipeline().vocab.strings[w] for w in words)
            self._dynamic.setdefault(key, actor.id)
        return actor.id

    def _institution(self, state: str) -> str | None:
        actor = self.actors.get(state)
        if actor is None or actor.type != "state":
            return None
        label = f"Armed Forces of {actor.label}"
        known = self.gazetteer.label_id(label)
        if known is not None:
            return known
        new = Actor(f"{state}_armed_forces", label, "institution", country=state, status="new")
        return self._new(new)

    # -- finding ----------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Mention]:
        """Every mention in ``doc``, without overlaps, in text order."""
        strings = doc.vocab.strings
        found = [Mention(s, e, (strings[k],)) for k, s, e in self._names(doc)]
        found += self._dynamic_mentions(doc)
        found += self._acronyms(doc)
        states = {m.start: m for m in found if self._is_state(m.ids[0])}
        ends = {m.end: m for m in found if self._is_state(m.ids[0])}
        for key, s, e in self._misc(doc):
            name = strings[key]
            if name == "coref":
                found.append(Mention(s, e, (), "coref"))
            elif name == "its":
                found.append(Mention(s, e, (), "pronoun"))
            elif name == "counterpart" and s in ends:
                found.append(Mention(ends[s].start, e, ends[s].ids, "counterpart"))
            else:
                found += self._forces(doc, s, e, states, ends)
        kept = _resolve_overlaps(found)
        kept = _resolve_overlaps(kept + self._people(doc, kept, ends))
        for m in kept:
            m.possessive = m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s", "'", "’")
        return kept

    def _is_state(self, actor_id: str) -> bool:
        actor = self.actors.get(actor_id)
        return actor is not None and actor.type == "state"

    def _dynamic_mentions(self, doc: Doc) -> list[Mention]:
        if not self._dynamic:
            return []
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for words in self._dynamic:
            firsts.setdefault(words[0], []).append(words)
        found = []
        texts = [t.text for t in doc]
        for i, text in enumerate(texts):
            for words in firsts.get(text, ()):
                if tuple(texts[i : i + len(words)]) == words:
                    found.append(Mention(i, i + len(words), (self._dynamic[words],)))
        return found

    def _acronyms(self, doc: Doc) -> list[Mention]:
        found = []
        for i in range(1, len(doc) - 2):
            acr = doc[i + 1].text
            if doc[i].text != "(" or doc[i + 2].text != ")" or not _is_acronym(acr):
                continue
            start = i
            while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in _CONNECTORS):
                start -= 1
            while start < i and not doc[start].is_title:
                start += 1
            words = [t for t in doc[start:i] if t.is_title]
            if len(words) < 2:
                continue
            name = doc[start:i].text
            known = self.gazetteer.names.get(acr) or self.gazetteer.names.get(name)
            actor_id = known or self._dynamic.get((acr,))
            if actor_id is None:
                new_id = slug_of(acr) if slug_of(acr) not in self.actors else slug_of(name)
                kind = _kind_of(name)
                actor_id = self._new(Actor(new_id, name, kind, aliases=acr, status="new"))
            self._dynamic.setdefault((acr,), actor_id)
            found.append(Mention(start, i + 3, (actor_id,), "acronym"))
        return found

    def _forces(
        self, doc: Doc, s: int, e: int, states: dict[int, Mention], ends: dict[int, Mention]
    ) -> list[Mention]:
        before = ends.get(s) or (
            ends.get(s - 1) if s > 0 and doc[s - 1].lower_ in ("'s", "’s") else None
        )
        if before is not None:
            inst = self._institution(before.ids[0])
            return [Mention(before.start, e, (inst,), "institution")] if inst else []
        if e < len(doc) and doc[e].lower_ == "of":
            at = e + 2 if e + 1 < len(doc) and doc[e + 1].lower_ == "the" else e + 1
            after = states.get(at)
            if after is not None:
                inst = self._institution(after.ids[0])
                return [Mention(s, after.end, (inst,), "institution")] if inst else []
            if (
                doc[e + 1 : e + 4].text.lower() in _COREFS
                or doc[e + 1 : e + 3].text.lower() in _COREFS
            ):
                n = 3 if doc[e + 1 : e + 4].text.lower() in _COREFS else 2
                return [Mention(s, e + 1 + n, (), "coref", wrap="forces")]
        return []

    def wrap(self, mention: Mention, ids: tuple[str, ...]) -> tuple[str, ...]:
        """The ids a resolved reference stands for (the armed forces of the states it names)."""
        if mention.wrap != "forces":
            return ids
        return tuple(i for i in (self._institution(s) for s in ids) if i)

    def counterpart(self, state: str, speaker: str) -> str:
        """Who "his Tajik counterpart" is: the one person of ``state`` with the speaker's
        office (roles compared without country names: "Foreign Minister of Iran" and
        "Minister of Foreign Affairs of Tajikistan" are the same office), else the state."""
        role = self.actors[speaker].role if speaker in self.actors else ""
        key = _role_key(role, self.actors)
        if not key:
            return state
        same = [
            a.id
            for a in self.actors.values()
            if a.type == "person" and a.country == state and _role_key(a.role, self.actors) == key
        ]
        return same[0] if len(same) == 1 else state

    def _people(self, doc: Doc, kept: list[Mention], ends: dict[int, Mention]) -> list[Mention]:
        taken = {i: m for m in kept for i in range(m.start, m.end)}
        found = []
        for key, s, e in self._titles(doc):
            kind, role = self._title_of[doc.vocab.strings[key]]
            if kind == "before":
                found += self._titled(doc, s, e, role, taken, ends)
            else:
                found += self._apposed(doc, s, e, role, taken)
        return found

    def _titled(
        self,
        doc: Doc,
        s: int,
        e: int,
        role: str,
        taken: dict[int, Mention],
        ends: dict[int, Mention],
    ) -> list[Mention]:
        stop = e
        while stop < len(doc) and stop - e < 5 and self._name_part(doc, stop, taken, e):
            stop += 1
        while stop > e and not _is_name(doc[stop - 1]):
            stop -= 1
        if stop == e:
            return []
        country = ends.get(s)
        if country is None and s > 1 and doc[s - 1].lower_ in ("'s", "’s"):
            country = ends.get(s - 1)
        state = self.actors[country.ids[0]] if country is not None else None
        start = country.start if country is not None else s
        where = f" of {state.label}" if state is not None else ""
        actor_id = self._person(doc[e:stop].text, role + where, state.id if state else "")
        country_id = state.id if state is not None else ""
        title = doc[s:e].text
        return [Mention(start, stop, (actor_id,), "person", country=country_id, title=title)]

    def _apposed(
        self, doc: Doc, s: int, e: int, role: str, taken: dict[int, Mention]
    ) -> list[Mention]:
        if s < 3 or doc[s - 1].lower_ not in _ARTICLES or doc[s - 2].text != ",":
            return []
        end = s - 2
        start = end
        while start > 0 and end - start < 4 and _is_name(doc[start - 1]) and start - 1 not in taken:
            start -= 1
        if end - start < 2 or end in taken:
            return []
        of = (
            taken.get(e + 1) or taken.get(e + 2) if e < len(doc) and doc[e].lower_ == "of" else None
        )
        where = f" of {self.actors[of.ids[0]].label}" if of is not None and of.ids else ""
        actor_id = self._person(doc[start:end].text, role + where, "")
        return [Mention(start, end, (actor_id,), "person")]

    def _name_part(self, doc: Doc, i: int, taken: dict[int, Mention], first: int) -> bool:
        """Whether token ``i`` continues a name that began at ``first`` (a known person's
        name may be part of it; another actor's may not)."""
        if i in taken:
            actor = self.actors.get(taken[i].ids[0]) if taken[i].ids else None
            if actor is None or actor.type != "person":
                return False
        token = doc[i]
        if _is_name(token):
            return True
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        inner = i > first and nxt is not None and _is_name(nxt)
        return inner and (token.lower_ in _PARTICLES or token.text == "-")

    def _person(self, name: str, role: str, country: str) -> str:
        name = " ".join(name.replace(" - ", "-").replace(" -", "-").replace("- ", "-").split())
        known = self.gazetteer.names.get(name)
        if known is not None:
            return known
        words = tuple(name.split())
        if words in self._dynamic:
            return self._dynamic[words]
        actor = Actor(slug_of(name), name, "person", country=country, role=role, status="new")
        if actor.id in self.actors and self.actors[actor.id].type != "person":
            actor = replace(actor, id=actor.id + "_person")
        return self._new(actor, name)


def _role_key(role: str, actors: dict[str, Actor]) -> frozenset[str]:
    """The words of a role that name the office, not the country or the years."""
    text = role.split("(")[0].lower().replace("defense", "defence").replace("-", " ")
    places = {w.lower() for a in actors.values() if a.type == "state" for w in a.label.split()}
    return frozenset(w for w in text.split() if w not in _ROLE_STOP and w not in places)


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 8 and text.isalpha() and text.isupper()


def _kind_of(name: str) -> str:
    words = set(name.split())
    if words & {"Party", "Movement", "Front", "Alliance", "Congress", "League"}:
        return "party"
    if words & {"Army", "Brigade", "Brigades", "Militia", "Liberation"}:
        return "armed-group"
    if words & {"Ministry", "Agency", "Parliament", "Court", "Guard", "Forces", "Service"}:
        return "institution"
    return "organization"


def _is_name(token: object) -> bool:
    text = getattr(token, "text", "")
    return (
        bool(text)
        and text[0].isupper()
        and text.replace(".", "").replace("'", "").isalpha()
        and text not in _NOT_NAMES
        and not (len(text) > 1 and text.isupper())
    )


def _resolve_overlaps(found: list[Mention]) -> list[Mention]:
    order = sorted(found, key=lambda m: (-(m.end - m.start), _PRIORITY[m.kind], m.start))
    used: set[int] = set()
    kept = []
    for m in order:
        span = set(range(m.start, m.end))
        if span & used:
            continue
        used |= span
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)
