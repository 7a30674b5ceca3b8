"""The extraction loop: documents to candidate rows, one sentence at a time.

For each paragraph: find the actor mentions and cues, then for each sentence resolve the
references ("the two countries": the last two states named before; "its": the sentence's
first actor, or else the previous sentence's), find the relations and their dates, and add
an ``office`` relation for each person introduced by a title and a state ("Tajik Defense
Minister Shir Ali Mirza"). A person named by one word ("President Rouhani") who has the last
name of a person named in full elsewhere takes that person's id.

>>> from graph.extraction.reading import document_from_text
>>> run = Run.create()
>>> doc = document_from_text("In May 2019, Iran recognized Tajikistan.", name="t.txt")
>>> rows = run.document(doc)
>>> [(r["source"], r["type"], r["target"], r["date"], r["citation"]) for r in rows]
[('iran', 'recognition', 'tajikistan', '2019-05', 't.txt ¶1')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model.vocabulary import Vocabulary, load_vocabulary
from .cues import CueMatcher, Cues, load_cues
from .dates import choose, find_dates
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import Mention, MentionFinder
from .reading import Document
from .relations import sentence_relations
from .sentences import Chunk, chunks

__all__ = ["Run"]

if TYPE_CHECKING:
    from spacy.tokens import Doc

_OFFICE_CONFIDENCE = 0.9
#: How often an actor must have been named in the document to stand in for a missing side.
_TOPIC_MENTIONS = 3


def _span(doc: Doc, first: int, tokens: tuple[int, int] | None) -> str:
    """Tokens as ``"start:end"`` character offsets in the sentence's evidence (which is the
    sentence with its white space made single spaces, as the doc's text is)."""
    if tokens is None:
        return ""
    base = doc[first].idx
    last = doc[tokens[1] - 1]
    return f"{doc[tokens[0]].idx - base}:{last.idx + len(last.text) - base}"


@dataclass
class _State:
    """What one document remembers between sentences."""

    recent_states: list[str] = field(default_factory=list)
    previous_first: str = ""
    counts: Counter[str] = field(default_factory=Counter)
    paragraph: int = 0
    paragraph_date: str = ""
    offices: set[str] = field(default_factory=set)


@dataclass
class Run:
    """One extraction: the matchers, and what every document added (actors, mention counts).

    Make one with :meth:`create`; feed documents to :meth:`document`.
    """

    finder: MentionFinder
    matcher: CueMatcher
    cues: Cues
    vocabulary: Vocabulary
    counts: Counter[str] = field(default_factory=Counter)
    order: dict[str, int] = field(default_factory=dict)

    @classmethod
    def create(
        cls,
        gazetteer: Gazetteer | None = None,
        cues: Cues | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> Run:
        """A run with the given (default: built-in) gazetteer, cues and vocabulary."""
        cues = cues or load_cues()
        return cls(
            MentionFinder(gazetteer or load_gazetteer()),
            CueMatcher(cues),
            cues,
            vocabulary or load_vocabulary(),
        )

    def _seen(self, actor_id: str) -> None:
        self.counts[actor_id] += 1
        self.order.setdefault(actor_id, len(self.order))

    def _resolve(self, mentions: list[Mention], state: _State) -> list[Mention]:
        actors = self.finder.actors
        first = speaker = ""
        for m in mentions:
            if m.kind == "coref":
                recent = tuple(state.recent_states[-2:])
                m.ids = self.finder.wrap(m, recent) if len(recent) == 2 else ()
            elif m.kind == "pronoun":
                m.ids = (first or state.previous_first,) if (first or state.previous_first) else ()
            elif m.kind == "counterpart" and speaker:
                m.ids = (self.finder.counterpart(m.ids[0], speaker),)
            if m.ids and actors[m.ids[0]].type == "person":
                speaker = m.ids[0]
            elif not first and m.ids and m.kind not in ("coref", "pronoun"):
                first = m.ids[0]
        for m in mentions:
            if m.kind in ("coref", "pronoun"):
                continue
            for i in m.ids:
                self._seen(i)
                state.counts[i] += 1
                if actors[i].type == "state":
                    if i in state.recent_states:
                        state.recent_states.remove(i)
                    state.recent_states.append(i)  # distinct, the last named at the end
            if m.country:
                self._seen(m.country)
        state.previous_first = first or state.previous_first
        return [m for m in mentions if m.ids]

    def _topic(self, state: _State) -> Any:
        def topic(ids: Sequence[str]) -> str | None:
            ranked = sorted(set(ids), key=lambda i: (-state.counts[i], i))
            return ranked[0] if ranked and state.counts[ranked[0]] >= _TOPIC_MENTIONS else None

        return topic

    def document(self, document: Document) -> list[dict[str, Any]]:
        """The candidate rows of one document (string and number cells, no ids yet)."""
        state = _State()
        rows: list[dict[str, Any]] = []
        for chunk in chunks(document):
            if chunk.paragraph != state.paragraph:
                state.paragraph, state.paragraph_date = chunk.paragraph, ""
            rows += self._chunk(document, chunk, state)
        return rows

    def _chunk(self, document: Document, chunk: Chunk, state: _State) -> list[dict[str, Any]]:
        doc = chunk.doc
        mentions = self.finder.find(doc)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        cue_matches = [c for c in self.matcher.find(doc) if not taken & set(range(c.start, c.end))]
        rows = []
        for s, e in chunk.sentences:
            inside = self._resolve([m for m in mentions if s <= m.start < e], state)
            cues_in = [c for c in cue_matches if s <= c.start < e]
            base, stop = chunk.span_chars(s, e)
            text = document.text[base:stop]
            dates = find_dates(text)
            citation = f"{document.name} ¶{chunk.paragraph}"
            common: dict[str, Any] = {"evidence": " ".join(text.split()), "citation": citation}
            common.update({"start": base, "end": stop})
            found = sentence_relations(
                doc, s, e, inside, cues_in, self.cues, topic=self._topic(state)
            )
            for rel in found:
                lo, hi = chunk.span_chars(rel.span_start, rel.span_end)
                date, end_date = choose(dates, lo - base, hi - base, state.paragraph_date)
                rows.append(
                    {
                        "source": rel.source,
                        "target": rel.target,
                        "type": rel.type,
                        "date": date,
                        "end_date": end_date,
                        "modality": rel.modality,
                        "confidence": rel.confidence,
                        "cue": rel.cue,
                        **common,
                        "source_span": _span(doc, s, rel.source_tokens),
                        "target_span": _span(doc, s, rel.target_tokens),
                        "cue_span": _span(doc, s, (rel.cue_start, rel.cue_end)),
                    }
                )
            rows += self._offices(doc, s, inside, state, common, dates)
            points = [d for d in dates if d.role in ("point", "range")]
            if points:
                state.paragraph_date = points[-1].value
        return rows

    def _offices(
        self,
        doc: Doc,
        first: int,
        mentions: list[Mention],
        state: _State,
        common: dict[str, Any],
        dates: list[Any],
    ) -> list[dict[str, Any]]:
        rows = []
        for m in mentions:
            if m.kind != "person" or not m.country or m.ids[0] in state.offices:
                continue
            state.offices.add(m.ids[0])
            date = state.paragraph_date if not dates else dates[0].value
            rows.append(
                {
                    "source": m.ids[0],
                    "target": m.country,
                    "type": "office",
                    "date": date,
                    "end_date": "",
                    "modality": "asserted",
                    "confidence": _OFFICE_CONFIDENCE,
                    "cue": m.title,
                    **common,
                    "source_span": _span(doc, first, (m.start, m.end)),
                    "target_span": "",
                    "cue_span": "",
                }
            )
        return rows

    def surnames(self) -> dict[str, str]:
        """New one-word people (``rouhani``) -> the person with that last name, if only one."""
        people = [a for a in self.finder.actors.values() if a.type == "person"]
        full: dict[str, list[str]] = {}
        for a in people:
            words = a.label.split()
            if len(words) > 1:
                full.setdefault(words[-1], []).append(a.id)
        return {
            a.id: full[a.label][0]
            for a in people
            if a.status == "new" and len(a.label.split()) == 1 and len(full.get(a.label, [])) == 1
        }
