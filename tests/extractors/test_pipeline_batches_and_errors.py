"""The extraction entry point: hostile input never stops a batch, evidence always points into the text."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import model_pipeline

from extractors.pipeline import extract_articles
from extractors.schema import Article

pytestmark = pytest.mark.model

HOSTILE = [
    "",
    " \n\t ",
    "\x00\x01\x02 binary \ufffd\ufffd junk \x7f",
    "killed killed killed 9 9 9 at least at least",
    "Air strikes " * 3000,
    "\ud800 lone surrogate then: Jets struck the town of Hass, killing 4.",
    "ALL CAPS HEADLINE: 5 KILLED IN AIR STRIKE ON TOWN",
]


def test_hostile_texts_never_raise_and_keep_the_batch_going():
    articles = [
        Article(article_id=f"h{i}", text=t, published=dt.date(2020, 1, 2)) for i, t in enumerate(HOSTILE)
    ]
    results = list(extract_articles(model_pipeline(), articles))
    assert [r.article.article_id for r in results] == [a.article_id for a in articles]
    for result in results:
        for e in result.events:
            assert e.evidence == result.article.text[e.evidence_start : e.evidence_end]


def test_article_without_publication_date_gives_undated_events():
    article = Article(article_id="n", text="Jets struck the town of Hass on Monday, killing 4 civilians.")
    (result,) = extract_articles(model_pipeline(), [article])
    assert result.error is None
    assert result.events and all(e.event_date is None for e in result.events)


def test_events_carry_provenance():
    article = Article(
        article_id="p",
        text="Warplanes struck Ariha on Monday, killing 6 people.",
        url="http://example.org/p",
        published=dt.date(2020, 1, 8),
    )
    (result,) = extract_articles(model_pipeline(), [article])
    assert {e.event_type for e in result.events} == {"air_strike", "casualties"}
    for e in result.events:
        assert (e.url, e.published, e.article_id) == ("http://example.org/p", dt.date(2020, 1, 8), "p")
        assert e.pattern_id.startswith(e.event_type)
        assert e.event_date == dt.date(2020, 1, 6)
