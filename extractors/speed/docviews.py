"""Views of a parsed doc that the extractors ask for again and again, computed once per doc.

spaCy rebuilds `doc.sents` and `doc.ents` on every access by walking every token, and
`span.ents` walks `doc.ents` again; the extractors ask per sentence, per trigger and per
event. The views are kept in the doc's state (`extractors/doc_state.py`), so they live and
die with their doc. Sentences and entities are only valid once the doc is fully annotated:
extractors call them, pipeline components don't. The text is the same before and after, so
the pre-filter shares it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from extractors.doc_state import state_of


def made_from(doc: Doc, text: str) -> Doc:
    """The doc, with the text it was tokenized from recorded for `doc_text`: spaCy's tokenizer is
    lossless (`doc.text == text`), so the caller that made the doc already holds its text."""
    state_of(doc).text = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text` (a join over every token), built once per doc: a doc's text never changes."""
    state = state_of(doc)
    if state.text is None:
        state.text = doc.text
    return state.text


def doc_sentences(doc: Doc) -> tuple[Span, ...]:
    """`tuple(doc.sents)`, built once per doc."""
    state = state_of(doc)
    if state.sentences is None:
        state.sentences = tuple(doc.sents)
    return state.sentences


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc."""
    state = state_of(doc)
    if state.entities is None:
        state.entities = tuple(doc.ents)
        state.entity_starts = [e.start for e in state.entities]
    return state.entities


def span_entities(span: Span) -> list[Span]:
    """`span.ents` (entities wholly inside the span, in order) found by bisecting the doc's entities."""
    ents = doc_entities(span.doc)
    starts = state_of(span.doc).entity_starts
    out = []
    for ent in ents[bisect.bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break  # entities do not overlap: none after this one fits either
        out.append(ent)
    return out
