"""The extract task: one Prefect task per batch of a few hundred articles.

A task loads the spaCy pipeline once per worker process (cached, never at import),
drops non-English articles as `language` rejects, cuts very long texts into chunks
spaCy can take (events keep offsets into the whole text), runs
`extractors.pipeline.extract_articles`, and stages the batch with the run's
`RunWriter`. Only counts travel back to the flow, so memory stays bounded by a batch.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError
from spacy.language import Language

from extractors.pipeline import Extracted, extract_articles, load_pipeline
from extractors.schema import Article, Event, Reject
from flows.config import MAX_ARTICLE_CHARS
from flows.inputs.language import detect_language
from flows.storage.store import RunWriter

# Texts longer than this go through spaCy in chunks: far below nlp.max_length (1,000,000),
# because parser memory grows with document length, and the extractors' time grows faster
# than linearly with it (measured: a 100,000-character doc took 63 s to extract, 10 s to parse).
# Chunks are parsed one at a time: a whole batch of them at once took 10 GB (OOM-killed).
CHUNK_CHARS = 20_000
SUPPORTED_LANGUAGES = frozenset({"en"})


@dataclass(frozen=True)
class BatchCounts:
    """What one batch did: articles processed, articles rejected, events by type."""

    processed: int = 0
    rejected: int = 0
    events_by_type: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: BatchCounts) -> BatchCounts:
        events = Counter(self.events_by_type) + Counter(other.events_by_type)
        return BatchCounts(self.processed + other.processed, self.rejected + other.rejected, dict(events))


@functools.cache
def pipeline_for(model: str) -> Language:
    """The spaCy pipeline of `model`, loaded once per process."""
    return load_pipeline(model)


def with_language(article: Article) -> Article:
    """The article with its language: as the input said, else detected."""
    if article.language:
        return article
    return dataclasses.replace(article, language=detect_language(article.text))


def chunk_starts(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Start offsets of chunks of at most `size` characters, cut at a paragraph, line or space."""
    starts = [0]
    while len(text) - starts[-1] > size:
        start = starts[-1]
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "), window.rfind(" "))
        starts.append(start + (cut + 1 if cut > size // 2 else size))
    return starts


def extract_chunked(
    nlp: Language, articles: Sequence[Article], *, batch_size: int, n_process: int, prefilter: bool = True
) -> Iterator[Extracted]:
    """`extract_articles` that also takes texts longer than `CHUNK_CHARS`, one result per article."""
    short = [a for a in articles if len(a.text) <= CHUNK_CHARS]
    long = [a for a in articles if len(a.text) > CHUNK_CHARS]
    yield from extract_articles(nlp, short, batch_size=batch_size, n_process=n_process, prefilter=prefilter)
    for article in long:
        starts = chunk_starts(article.text)
        ends = [*starts[1:], len(article.text)]
        pieces = [
            dataclasses.replace(article, text=article.text[s:e]) for s, e in zip(starts, ends, strict=True)
        ]
        events: list[Event] = []
        errors: list[str] = []
        results = extract_articles(nlp, pieces, batch_size=1, prefilter=prefilter)
        for offset, result in zip(starts, results, strict=True):
            events.extend(_shifted(e, offset) for e in result.events)
            if result.error:
                errors.append(f"chunk at {offset}: {result.error}")
        yield Extracted(article, [] if errors else events, "; ".join(errors) or None)


def extract_safely(
    nlp: Language, articles: Sequence[Article], *, batch_size: int, n_process: int, prefilter: bool = True
) -> list[Extracted]:
    """`extract_chunked` on the batch; if spaCy itself fails on it, article by article, so one
    bad text becomes that article's error instead of failing the batch (and the run)."""
    try:
        return list(
            extract_chunked(nlp, articles, batch_size=batch_size, n_process=n_process, prefilter=prefilter)
        )
    except Exception:  # which article broke the batch is unknown: find out one at a time
        results: list[Extracted] = []
        for article in articles:
            try:
                one = extract_chunked(nlp, [article], batch_size=1, n_process=1, prefilter=prefilter)
                results.extend(one)
            except Exception as exc:
                results.append(Extracted(article, [], f"{type(exc).__name__}: {exc}"))
        return results


def _shifted(event: Event, offset: int) -> Event:
    start, end = event.evidence_start + offset, event.evidence_end + offset
    return dataclasses.replace(event, evidence_start=start, evidence_end=end).with_id()


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(
    articles: list[Article],
    writer: RunWriter,
    model: str,
    batch_size: int = 64,
    n_process: int = 1,
    prefilter: bool = True,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> BatchCounts:
    """Extract one batch and stage its articles, events and rejects with `writer`.

    Articles over `max_chars` characters are stored but not extracted (a `too_long` reject).
    Logs one line with the batch's size and time.
    """
    clock = time.monotonic()
    nlp = pipeline_for(model)
    run_id = writer.run_id
    articles = [dataclasses.replace(a, run_id=run_id) for a in articles]
    too_long = {a.article_id for a in articles if len(a.text) > max_chars}
    articles = [a if a.article_id in too_long else with_language(a) for a in articles]
    english = [a for a in articles if a.language in SUPPORTED_LANGUAGES and a.article_id not in too_long]
    rejects = [
        Reject.now(
            "extract",
            "too_long",
            f"{len(a.text):,} characters > max_chars {max_chars:,}: not extracted (raise `max_chars` "
            "in the config to extract it)",
            url=a.url,
            source=a.source,
            article_id=a.article_id,
            run_id=run_id,
        )
        if a.article_id in too_long
        else Reject.now(
            "language",
            "unsupported_language",
            f"language {a.language!r}",
            url=a.url,
            source=a.source,
            article_id=a.article_id,
            run_id=run_id,
        )
        for a in articles
        if a.article_id in too_long or a.language not in SUPPORTED_LANGUAGES
    ]
    extracted_ids: list[str] = []
    events: list[Event] = []
    results = extract_safely(nlp, english, batch_size=batch_size, n_process=n_process, prefilter=prefilter)
    for result in results:
        if result.error:
            rejects.append(
                Reject.now(
                    "extract",
                    "extractor_error",
                    result.error,
                    url=result.article.url,
                    source=result.article.source,
                    article_id=result.article.article_id,
                    run_id=run_id,
                )
            )
            continue
        extracted_ids.append(result.article.article_id)
        events.extend(dataclasses.replace(e, run_id=run_id) for e in result.events)
    writer.add_articles(articles)
    writer.add_events(extracted_ids, events)
    writer.add_rejects(rejects)
    _logger().info(
        "batch of %d articles (%s characters): %d extracted, %d rejected, %d events in %.1f s",
        len(articles),
        f"{sum(len(a.text) for a in articles):,}",
        len(extracted_ids),
        len(rejects),
        len(events),
        time.monotonic() - clock,
    )
    return BatchCounts(len(extracted_ids), len(rejects), dict(Counter(e.event_type for e in events)))


def _logger() -> logging.Logger | logging.LoggerAdapter[logging.Logger]:
    """The task run's logger (its lines reach the Prefect UI); a plain one outside a run (`sitrep eval`)."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(__name__)
