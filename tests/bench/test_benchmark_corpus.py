"""The benchmark corpus is deterministic, news-like, and readable as sitrep input."""

from __future__ import annotations

import json

from bench.corpus import CorpusSpec, make_article, make_articles, write_jsonl
from extractors.speed.prefilter import candidate_spans


def test_same_seed_same_texts_and_prefix_stable():
    small = [a.text for a in make_articles(CorpusSpec(20, seed=7))]
    large = [a.text for a in make_articles(CorpusSpec(40, seed=7))]
    assert small == large[:20]
    assert make_article(CorpusSpec(5, seed=8), 3).text != make_article(CorpusSpec(5, seed=7), 3).text


def test_articles_vary_and_ids_are_unique():
    articles = list(make_articles(CorpusSpec(200)))
    assert len({a.article_id for a in articles}) == 200
    assert len({a.text for a in articles}) == 200
    lengths = sorted(len(a.text.split()) for a in articles)
    assert lengths[0] < lengths[-1] / 2


def _trigger_share(spec: CorpusSpec) -> float:
    """Share of characters in sentences with a trigger word (no neighbours, no lead)."""
    total = kept = 0
    for article in make_articles(spec):
        total += len(article.text)
        kept += sum(end - start for start, end in candidate_spans(article.text, before=0, after=0, lead=0))
    return kept / total


def test_realistic_mix_is_mostly_non_event_text_and_all_events_mix_is_not():
    assert _trigger_share(CorpusSpec(200)) < 0.3
    assert _trigger_share(CorpusSpec(200, all_events=True)) > 0.9


def test_jsonl_is_the_input_format(tmp_path):
    path = tmp_path / "corpus.jsonl"
    words = write_jsonl(CorpusSpec(10), path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [a.article_id for a in make_articles(CorpusSpec(10))]
    assert all(r["text"] and r["published"] and r["url"] for r in records)
    assert words == sum(len(r["text"].split()) for r in records)
