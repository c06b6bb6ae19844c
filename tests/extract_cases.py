"""Shared helpers for the extractor tests: run one article of our own through the pipeline."""

from __future__ import annotations

import datetime as dt
import functools

from spacy.language import Language

from extractors.pipeline import extract_articles, load_pipeline
from extractors.schema import Article, Event

# A Wednesday: "on Monday" is 2021-03-08, "yesterday" 2021-03-09.
PUBLISHED = dt.date(2021, 3, 10)


@functools.cache
def model_pipeline() -> Language:
    """The full pipeline, loaded once per test session (model tests only)."""
    return load_pipeline()


def run(text: str, *, title: str | None = None, published: dt.date = PUBLISHED) -> list[Event]:
    """Events extracted from one article; fails loudly if the article errored."""
    article = Article(
        article_id="t-1", text=text, title=title, published=published, url="http://example.org/a"
    )
    (result,) = extract_articles(model_pipeline(), [article])
    assert result.error is None, result.error
    for e in result.events:
        assert e.evidence == text[e.evidence_start : e.evidence_end]
        assert e.event_id == Event.make_id("t-1", e.event_type, e.evidence_start, e.evidence_end, e.id_part)
        assert e.pattern_id
    assert len({e.event_id for e in result.events}) == len(result.events)
    return result.events


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.event_type == event_type]


def contains(value: str | None, expected: str | None) -> bool:
    """Scorer-style text match: one contains the other, case-insensitively (None matches None)."""
    if expected is None:
        return value is None
    return value is not None and (expected.lower() in value.lower() or value.lower() in expected.lower())
