"""Turn a reported sentence plus its slots into an `Event`, the same way for every type."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from extractors.doc_state import state_of
from extractors.layout import ArticleLayout, read_layout
from extractors.normalize.numbers import Amount
from extractors.schema import Article, Event, EventType
from extractors.slots.clauses import evidence_bounds
from extractors.slots.when import When
from extractors.slots.where import Where
from extractors.slots.who import as_actor
from extractors.speed.docviews import doc_sentences, doc_text

TRIGGERS_KEY = "sitrep_triggers"  # doc.spans key of the trigger ruler
PLACES_KEY = "sitrep_places"  # doc.spans key of the place ruler


def places_of(doc: Doc) -> list[Span]:
    """Place spans the place ruler marked (empty when the ruler is not in the pipeline)."""
    return list(doc.spans[PLACES_KEY]) if PLACES_KEY in doc.spans else []


def triggers_of(doc: Doc, event_type: str) -> list[Span]:
    """Trigger spans of one event type (every kind), in text order."""
    if TRIGGERS_KEY not in doc.spans:
        return []
    spans = [s for s in doc.spans[TRIGGERS_KEY] if s.label_ == event_type]
    return sorted(spans, key=lambda s: (s.start, -len(s)))


def layout_of(doc: Doc, article: Article) -> ArticleLayout:
    """Article context, built once per doc and shared by the extractors."""
    state = state_of(doc)
    if state.layout is None:
        state.layout = read_layout(doc, article)
    return state.layout


def sentences(doc: Doc, article: Article) -> list[Span]:
    """The doc's sentences, with a headline the parser ran into the body split off on its own.

    Sentences inside a "Related coverage:" list of links are left out: they are other articles.
    """
    layout = layout_of(doc, article)
    headline = layout.headline
    out: list[Span] = []
    for sent in doc_sentences(doc):
        if any(s <= sent.start_char < e for s, e in layout.link_lists):
            continue
        if headline and sent.start_char < headline[1] < sent.end_char:
            cut = next((t.i for t in sent if t.idx >= headline[1]), sent.end)
            out.extend(s for s in (doc[sent.start : cut], doc[cut : sent.end]) if len(s))
        else:
            out.append(sent)
    return out


def sentences_with_triggers(doc: Doc, article: Article, event_type: str) -> Iterator[tuple[Span, list[Span]]]:
    """Each sentence of the article in which triggers of one event type start, with those triggers.

    Sentences without any are left out: no extractor reports an event without a trigger.
    """
    triggers = triggers_of(doc, event_type)
    if not triggers:
        return
    starts = [s.start for s in triggers]
    for sent in sentences(doc, article):
        first, last = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        if first < last:
            yield sent, triggers[first:last]


def build_event(
    article: Article,
    event_type: EventType,
    sent: Span,
    trigger: Span,
    when: When,
    where: Where,
    *,
    shares_span: bool = False,
    count: Amount | None = None,
    **slots: object,
) -> Event:
    """An Event whose evidence is the sentence, with the given slots (`count` with its qualifier).

    `shares_span`: the sentence reports other events of this type too (strikes on two places),
    so the place joins the id key (`Event.id_part`) to keep ids apart. The id itself is made
    once the offsets are final (`Event.with_id`).
    """
    if "actor" in slots:
        slots["actor"] = as_actor(slots["actor"] if isinstance(slots["actor"], str) else None)
    start, end = evidence_bounds(sent)
    text = article.text if isinstance(article.text, str) else doc_text(sent.doc)
    part = where.name if shares_span else None
    return Event(
        event_id="",
        id_part=part,
        article_id=article.article_id,
        event_type=event_type,
        evidence=text[start:end],
        evidence_start=start,
        evidence_end=end,
        event_date=when.date,
        date_precision=when.precision,
        date_text=when.text,
        event_date_end=when.end,
        location=where.name,
        location_source=where.source,
        location_parent=where.parent,
        country=where.country,
        published=article.published,
        url=article.url,
        pattern_id=trigger.id_ or trigger.label_,
        count=count.value if count else None,
        count_qualifier=count.qualifier if count else None,
        **slots,  # type: ignore[arg-type]
    )
