"""The extract stage in worker processes: same events as one process, and a dead worker
costs only its batch (the flows retry it article by article), not the next ones."""

from __future__ import annotations

import multiprocessing
import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest

from bench.corpus import CorpusSpec, make_articles
from extractors.pipeline import ARTICLES_PER_CHUNK, extract_articles, load_pipeline


def _events(results: object) -> list[tuple[str, list, str | None]]:
    return [(x.article.article_id, x.events, x.error) for x in results]  # type: ignore[attr-defined]


@pytest.mark.model
def test_workers_keep_the_input_order_across_chunks() -> None:
    nlp = load_pipeline()
    articles = list(make_articles(CorpusSpec(3 * ARTICLES_PER_CHUNK + 5, seed=5)))
    in_workers = _events(extract_articles(nlp, articles, n_process=2))
    assert [aid for aid, _, _ in in_workers] == [a.article_id for a in articles]
    assert in_workers == _events(extract_articles(nlp, articles))


@pytest.mark.model
def test_a_killed_worker_fails_its_call_and_the_next_call_gets_new_workers() -> None:
    nlp = load_pipeline()
    articles = list(make_articles(CorpusSpec(2 * ARTICLES_PER_CHUNK, seed=6)))
    list(extract_articles(nlp, articles[:2], n_process=2))  # workers start and stay
    workers = multiprocessing.active_children()
    assert workers
    for worker in workers:
        os.kill(worker.pid, signal.SIGKILL)  # type: ignore[arg-type]
    with pytest.raises(BrokenProcessPool):
        list(extract_articles(nlp, articles, n_process=2))
    assert _events(extract_articles(nlp, articles, n_process=2)) == _events(extract_articles(nlp, articles))
