"""Views of a parsed doc that the extractors ask for again and again, computed once per doc.

spaCy rebuilds `doc.sents` and `doc.ents` on every access by walking every token, and
`span.ents` walks `doc.ents` again; the extractors ask per sentence, per trigger and per
event. The views are kept in `doc.user_data`, so they live and die with their doc. Sentences
and entities are only valid once the doc is fully annotated: extractors call them, pipeline
components don't. The text is the same before and after, so the pre-filter shares it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

_TEXT_KEY = "sitrep_text"
_SENTS_KEY = "sitrep_sents"
_ENTS_KEY = "sitrep_ents"
_ENT_STARTS_KEY = "sitrep_ent_starts"


def made_from(doc: Doc, text: str) -> Doc:
    """The doc, with the text it was tokenized from recorded for `doc_text`: spaCy's tokenizer is
    lossless (`doc.text == text`), so the caller that made the doc already holds its text."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def doc_text(doc: Doc) -> str:
    """`doc.text` (a join over every token), built once per doc: a doc's text never changes."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def doc_sentences(doc: Doc) -> tuple[Span, ...]:
    """`tuple(doc.sents)`, built once per doc."""
    sents = doc.user_data.get(_SENTS_KEY)
    if sents is None:
        sents = doc.user_data[_SENTS_KEY] = tuple(doc.sents)
    return sents


def doc_entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc."""
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
        doc.user_data[_ENT_STARTS_KEY] = [e.start for e in ents]
    return ents


def span_entities(span: Span) -> list[Span]:
    """`span.ents` (entities wholly inside the span, in order) found by bisecting the doc's entities."""
    ents = doc_entities(span.doc)
    starts: list[int] = span.doc.user_data[_ENT_STARTS_KEY]
    out = []
    for ent in ents[bisect.bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break  # entities do not overlap: none after this one fits either
        out.append(ent)
    return out
