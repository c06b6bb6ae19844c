"""The ingest flow: configured sources -> new or updated articles in `OUT/articles`.

Per source, a few tasks: network I/O (`fetch_listing`, `fetch_pages`: batches, threads
inside) is kept apart from pure parsing (`parse_listing`, `parse_pages`) and from
writing (`store_pages`, `ingest_local`). Nothing here raises for a bad feed or page:
each failure becomes a `Reject` row and a count in the `IngestSummary`.

Incremental policy (see docs/ingest.md): a page URL seen before is skipped unless
its feed/sitemap date moved forward (re-fetched with a conditional GET), or it was
first fetched less than `recheck_days` ago (conditional GET too). A re-fetched page
whose text changed is written again under the same article_id, so extraction
replaces its events; the same text at another URL is a duplicate. Non-English
articles are stored with their language and left out of `article_ids`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from extractors.schema import Article, Reject
from flows.inputs.fetch import Fetcher, FetchResult, Validators
from flows.inputs.language import detect_language
from flows.inputs.pages import ListedItem, decode_html, parse_feed, parse_page, parse_sitemap
from flows.inputs.readers import InputError, content_hash, read_input
from flows.inputs.sources import NETWORK_KINDS, FetchSettings, Source, SourcesConfig, load_sources
from flows.inputs.state import (
    IngestState,
    ListingState,
    PageState,
    canonical_url,
    load_state,
    save_raw,
    save_source_state,
)
from flows.storage.store import Store, new_run_id, write_batch

BATCH_SIZE = 50  # pages per fetch/parse/store task: bounds memory (bodies) and task count
LOCAL_BATCH_SIZE = 200  # articles + rejects of a local source written at once
MAX_CHILD_SITEMAPS = 20  # a sitemap index may list thousands; the newest few carry the news
ENGLISH = "en"
# A page date more than this after the fetch is a site error, not a timezone effect.
FUTURE_TOLERANCE = dt.timedelta(days=1)


@dataclass
class SourceCounts:
    """What happened to one source's items in a run; every listed item lands in one count."""

    source: str
    listed: int = 0
    fetched: int = 0  # new articles stored
    updated: int = 0  # stored again with changed text, same article_id
    seen: int = 0  # skipped as seen: not re-fetched, not modified, or unchanged text
    duplicates: int = 0  # same text as another stored article
    non_english: int = 0  # of fetched + updated: stored but not sent to extraction
    failed: int = 0  # rejects
    deferred: int = 0  # over max_articles: left for the next run
    unchanged_listings: int = 0  # feeds/sitemaps answering 304 Not Modified: nothing new listed

    def add(self, other: SourceCounts) -> None:
        for f in dataclasses.fields(self):
            if f.name != "source":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


COUNT_NAMES = [f.name for f in dataclasses.fields(SourceCounts) if f.name != "source"]


@dataclass(frozen=True)
class IngestSummary:
    """Counts per source and the ids of new or updated English articles to extract."""

    run_id: str
    sources: tuple[SourceCounts, ...]
    article_ids: tuple[str, ...]

    @property
    def total(self) -> SourceCounts:
        total = SourceCounts("total")
        for counts in self.sources:
            total.add(counts)
        return total

    def to_markdown(self) -> str:
        rows = [*self.sources, self.total]
        lines = [
            f"# Ingest summary, run `{self.run_id}`",
            "",
            "| source | " + " | ".join(COUNT_NAMES) + " |",
            "|---|" + "---:|" * len(COUNT_NAMES),
        ]
        lines += [
            f"| {r.source} | " + " | ".join(str(getattr(r, n)) for n in COUNT_NAMES) + " |" for r in rows
        ]
        lines += ["", f"{len(self.article_ids)} English articles queued for extraction."]
        return "\n".join(lines)

    def to_text(self) -> str:
        t = self.total
        return (
            f"ingest: {t.listed} listed, {t.fetched} fetched, {t.updated} updated, "
            f"{t.seen} skipped as seen, {t.duplicates} duplicates, {t.non_english} non-English, "
            f"{t.failed} failed, {t.deferred} deferred, {t.unchanged_listings} listings unchanged"
        )


@dataclass(frozen=True)
class PlannedPage:
    """A listed page that this run fetches, and why."""

    item: ListedItem
    canonical: str
    reason: str  # new | updated | recheck
    validators: Validators = field(default_factory=Validators)


@dataclass(frozen=True)
class ParsedPage:
    """A fetched page made into an article, or why not."""

    planned: PlannedPage
    fetch: FetchResult
    article: Article | None = None
    reject: Reject | None = None


@dataclass(frozen=True)
class ListingOutcome:
    items: tuple[ListedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[ListingState, ...] = ()
    rejects: tuple[Reject, ...] = ()
    not_modified: int = 0


@dataclass(frozen=True)
class StoredBatch:
    """What a store task wrote and learned."""

    counts: SourceCounts
    article_ids: tuple[str, ...] = ()
    pages: tuple[PageState, ...] = ()
    articles: tuple[tuple[str, str], ...] = ()  # (article_id, content_hash) of local articles


# ---- network I/O tasks ------------------------------------------------------------------


@task(cache_policy=NO_CACHE)
def fetch_listing(fetcher: Fetcher, urls: Sequence[str], state: IngestState) -> list[FetchResult]:
    """Fetch feeds or sitemaps with the validators of the last run (conditional GET)."""
    validators = {
        u: Validators(s.etag, s.last_modified) for u in urls if (s := state.listings.get(u)) is not None
    }
    return fetcher.fetch_many(urls, validators)


@task(cache_policy=NO_CACHE)
def fetch_pages(fetcher: Fetcher, batch: Sequence[PlannedPage]) -> list[FetchResult]:
    """Fetch a batch of article pages concurrently (per-host limits inside the fetcher)."""
    return fetcher.fetch_many([p.item.url for p in batch], {p.item.url: p.validators for p in batch})


# ---- pure tasks -------------------------------------------------------------------------


@task(cache_policy=NO_CACHE)
def parse_listing(source: Source, results: Sequence[FetchResult]) -> ListingOutcome:
    """Items (or child sitemaps) of fetched listings; failures become rejects."""
    items: list[ListedItem] = []
    sitemaps: list[str] = []
    listings: list[ListingState] = []
    rejects: list[Reject] = []
    not_modified = 0
    for result in results:
        if not result.ok:
            rejects.append(
                Reject.now(
                    "fetch",
                    result.error_kind or "fetch_failed",
                    result.message,
                    url=result.url,
                    source=source.name,
                )
            )
            continue
        if result.not_modified:
            not_modified += 1
            continue
        if source.kind == "sitemap":
            listing = parse_sitemap(result.body, result.final_url)
        else:
            listing = parse_feed(result.body, result.final_url, result.content_type)
        if listing.error_kind:
            rejects.append(
                Reject.now("parse", listing.error_kind, listing.message, url=result.url, source=source.name)
            )
            continue
        items.extend(listing.items)
        sitemaps.extend(listing.sitemaps)
        v = result.validators
        listings.append(ListingState(result.url, source.slug, result.fetched_at, v.etag, v.last_modified))
    return ListingOutcome(tuple(items), tuple(sitemaps), tuple(listings), tuple(rejects), not_modified)


@task(cache_policy=NO_CACHE)
def plan_pages(
    source: Source, items: Sequence[ListedItem], state: IngestState, now: dt.datetime
) -> tuple[list[PlannedPage], SourceCounts]:
    """Which listed pages to fetch this run (updated first, then new, then re-checks)."""
    counts = SourceCounts(source.name)
    by_reason: dict[str, list[PlannedPage]] = {"updated": [], "new": [], "recheck": []}
    taken: set[str] = set()
    for item in items:
        canonical = canonical_url(item.url)
        if canonical in taken:
            continue  # listed twice in one listing
        taken.add(canonical)
        counts.listed += 1
        known = state.pages.get(canonical)
        if known is None:
            if canonical in state.stored_urls:
                counts.seen += 1
            else:
                by_reason["new"].append(PlannedPage(item, canonical, "new"))
            continue
        validators = Validators(known.etag, known.last_modified)
        if item.updated and (known.listed_updated is None or item.updated > known.listed_updated):
            by_reason["updated"].append(PlannedPage(item, canonical, "updated", validators))
        elif now - known.first_fetched < dt.timedelta(days=source.recheck_days):
            by_reason["recheck"].append(PlannedPage(item, canonical, "recheck", validators))
        else:
            counts.seen += 1
    planned = by_reason["updated"] + by_reason["new"] + by_reason["recheck"]
    for skipped in planned[source.max_articles :]:
        if skipped.reason == "recheck":
            counts.seen += 1
        else:
            counts.deferred += 1
    return planned[: source.max_articles], counts


@task(cache_policy=NO_CACHE)
def parse_pages(
    source: Source, batch: Sequence[PlannedPage], results: Sequence[FetchResult]
) -> list[ParsedPage]:
    """Articles (text, metadata, language) from fetched pages; no I/O."""
    return [_parse_safely(source, planned, result) for planned, result in zip(batch, results, strict=True)]


def _parse_safely(source: Source, planned: PlannedPage, result: FetchResult) -> ParsedPage:
    try:
        return _parse_one(source, planned, result)
    except Exception as exc:  # a page that trips a parser bug is a reject, not a failed batch
        message = f"{type(exc).__name__}: {exc}"
        return ParsedPage(
            planned,
            result,
            reject=Reject.now("parse", "parse_error", message, url=result.url, source=source.name),
        )


def _parse_one(source: Source, planned: PlannedPage, result: FetchResult) -> ParsedPage:
    if not result.ok:
        kind = result.error_kind or "fetch_failed"
        return ParsedPage(
            planned,
            result,
            reject=Reject.now("fetch", kind, result.message, url=result.url, source=source.name),
        )
    if result.not_modified:
        return ParsedPage(planned, result)
    html, charset = decode_html(result.body, result.charset)
    page = parse_page(html, result.final_url)
    if page is None:
        return ParsedPage(
            planned,
            result,
            reject=Reject.now(
                "parse", "no_text", "no article text found", url=result.url, source=source.name
            ),
        )
    fetched_on = result.fetched_at.date()
    published, published_source = fetched_on, "fetch"
    if page.published and page.published <= fetched_on + FUTURE_TOLERANCE:
        published, published_source = page.published, "page"
    elif planned.item.published and planned.item.published <= fetched_on + FUTURE_TOLERANCE:
        published, published_source = planned.item.published, "feed"
    article = Article(
        article_id=Article.derive_id(planned.canonical, ""),
        text=page.text,
        url=planned.canonical,
        title=page.title or planned.item.title,
        published=published,
        published_source=published_source,
        language=detect_language(page.text, expected=source.language),
        source=source.name,
        author=page.author,
        site=page.site,
        content_hash=content_hash(page.text),
        fetched_at=result.fetched_at,
        encoding=charset,
    )
    return ParsedPage(planned, result, article=article)


# ---- writing tasks ----------------------------------------------------------------------


@task(cache_policy=NO_CACHE)
def store_pages(
    out: str, run_id: str, source: Source, parsed: Sequence[ParsedPage], state: IngestState
) -> StoredBatch:
    """Write new/updated articles (+ raw HTML) and rejects; classify the rest as seen or duplicate."""
    counts = SourceCounts(source.name)
    articles: list[Article] = []
    rejects: list[Reject] = []
    pages: list[PageState] = []
    ids: list[str] = []
    batch_hashes: dict[str, str] = {}
    for p in parsed:
        known = state.pages.get(p.planned.canonical)
        if p.reject is not None:
            counts.failed += 1
            rejects.append(p.reject)
            continue
        v = p.fetch.validators
        if p.article is None:  # 304: unchanged since the last fetch
            counts.seen += 1
            if known is not None:
                pages.append(
                    replace(known, last_fetched=p.fetch.fetched_at, listed_updated=p.planned.item.updated)
                )
            continue
        article = p.article
        verdict = _classify(article, state, batch_hashes)
        owner = state.hashes.get(article.content_hash) or batch_hashes.get(article.content_hash)
        pages.append(
            PageState(
                url=p.planned.canonical,
                article_id=owner if verdict == "duplicate" and owner else article.article_id,
                content_hash=article.content_hash,
                first_fetched=known.first_fetched if known else p.fetch.fetched_at,
                last_fetched=p.fetch.fetched_at,
                source=known.source if known else source.slug,
                etag=v.etag,
                last_modified=v.last_modified,
                listed_updated=p.planned.item.updated,
            )
        )
        if verdict == "seen":
            counts.seen += 1
            continue
        if verdict == "duplicate":
            counts.duplicates += 1
            continue
        _count_written(counts, verdict, article)
        batch_hashes[article.content_hash] = article.article_id
        articles.append(article)
        save_raw(out, article.article_id, p.fetch.body)
        if article.language == ENGLISH:
            ids.append(article.article_id)
    _write(out, run_id, articles, rejects)
    return StoredBatch(counts, tuple(ids), tuple(pages))


@task(cache_policy=NO_CACHE)
def ingest_local(out: str, run_id: str, source: Source, state: IngestState) -> StoredBatch:
    """Read a folder or JSON Lines source (flows/inputs/readers.py), writing new/updated articles."""
    counts = SourceCounts(source.name)
    ids: list[str] = []
    learned: list[tuple[str, str]] = []
    batch_hashes: dict[str, str] = {}
    articles: list[Article] = []
    rejects: list[Reject] = []
    for record in _local_records(source):
        if len(articles) + len(rejects) >= LOCAL_BATCH_SIZE:  # memory bounded by a batch
            _write(out, run_id, articles, rejects)
            articles, rejects = [], []
        if isinstance(record, Reject):
            counts.failed += 1
            rejects.append(replace(record, source=record.source or source.name))
            continue
        counts.listed += 1
        language = detect_language(record.text, expected=record.language or source.language)
        article = replace(record, source=source.name, language=language)
        verdict = _classify(article, state, batch_hashes)
        if verdict == "seen":
            counts.seen += 1
            continue
        if verdict == "duplicate":
            counts.duplicates += 1
            continue
        if counts.fetched + counts.updated >= source.max_articles:
            counts.deferred += 1
            continue
        _count_written(counts, verdict, article)
        batch_hashes[article.content_hash] = article.article_id
        learned.append((article.article_id, article.content_hash))
        articles.append(article)
        if language == ENGLISH:
            ids.append(article.article_id)
    _write(out, run_id, articles, rejects)
    return StoredBatch(counts, tuple(ids), articles=tuple(learned))


@task(cache_policy=NO_CACHE)
def read_state(out: str) -> IngestState:
    return load_state(out)


@task(cache_policy=NO_CACHE)
def write_state(out: str, slug: str, state: IngestState) -> None:
    save_source_state(out, slug, state)


@task(cache_policy=NO_CACHE)
def record_rejects(out: str, run_id: str, rejects: Sequence[Reject]) -> None:
    _write(out, run_id, [], list(rejects))


@task(cache_policy=NO_CACHE)
def publish_summary(summary: IngestSummary) -> None:
    """The summary as a Prefect markdown artifact and a log line."""
    create_markdown_artifact(
        markdown=summary.to_markdown(), key="ingest-summary", description=f"sitrep ingest {summary.run_id}"
    )
    get_run_logger().info(summary.to_text())


# ---- the flow ---------------------------------------------------------------------------


@flow(name="sitrep-ingest", validate_parameters=False)
def ingest_flow(sources: str | Path | SourcesConfig, out: str = "data", run_id: str = "") -> IngestSummary:
    """Fetch every enabled source into `out`; returns counts and the article ids to extract."""
    config = sources if isinstance(sources, SourcesConfig) else load_sources(sources)
    run_id = run_id or new_run_id(dt.datetime.now(dt.UTC))
    with Store(out).lock(run_id):
        state = read_state(out)
        counts: list[SourceCounts] = []
        ids: list[str] = []
        for source in config.enabled:
            try:
                if source.kind in NETWORK_KINDS:
                    batch = _ingest_web(out, run_id, source, config.fetch, state)
                else:
                    batch = ingest_local(out, run_id, source, state)
                    for article_id, digest in batch.articles:
                        state.remember_article(article_id, digest)
            except Exception as exc:  # safety net: one broken source never stops the others
                failure = Reject.now(
                    "ingest",
                    "source_error",
                    f"{type(exc).__name__}: {exc}",
                    url=source.url,
                    source=source.name,
                )
                record_rejects(out, run_id, [failure])
                batch = StoredBatch(SourceCounts(source.name, failed=1))
            write_state(out, source.slug, state)
            counts.append(batch.counts)
            ids.extend(batch.article_ids)
        summary = IngestSummary(run_id, tuple(counts), tuple(dict.fromkeys(ids)))
        publish_summary(summary)
    return summary


def _ingest_web(
    out: str, run_id: str, source: Source, settings: FetchSettings, state: IngestState
) -> StoredBatch:
    """The tasks of one feed, sitemap or URL list (called by the flow)."""
    with Fetcher(settings, rate_limit=source.rate_limit, allow_private=source.allow_private) as fetcher:
        items: Sequence[ListedItem] = [ListedItem(u) for u in source.urls]
        rejects: list[Reject] = []
        unchanged = 0
        if source.url:
            listing = parse_listing(source, fetch_listing(fetcher, [source.url], state))
            if listing.sitemaps:
                children = fetch_listing(fetcher, listing.sitemaps[:MAX_CHILD_SITEMAPS], state)
                child = parse_listing(source, children)
                listing = ListingOutcome(
                    listing.items + child.items,
                    (),
                    listing.listings + child.listings,
                    listing.rejects + child.rejects,
                    listing.not_modified + child.not_modified,
                )
            state.remember([], listing.listings)
            items, rejects, unchanged = listing.items, list(listing.rejects), listing.not_modified
        planned, counts = plan_pages(source, items, state, dt.datetime.now(dt.UTC))
        counts.failed += len(rejects)
        counts.unchanged_listings += unchanged
        if rejects:
            record_rejects(out, run_id, rejects)
        ids: list[str] = []
        for start in range(0, len(planned), BATCH_SIZE):
            batch = planned[start : start + BATCH_SIZE]
            stored = store_pages(
                out, run_id, source, parse_pages(source, batch, fetch_pages(fetcher, batch)), state
            )
            state.remember(stored.pages)
            counts.add(stored.counts)
            ids.extend(stored.article_ids)
    return StoredBatch(counts, tuple(ids))


def _local_records(source: Source) -> Iterator[Article | Reject]:
    try:
        yield from read_input(source.path or Path())
    except InputError as exc:
        yield Reject.now("read", "missing_input", str(exc), source=source.name)


def _classify(article: Article, state: IngestState, batch_hashes: dict[str, str]) -> str:
    """new | updated | seen (same text as stored) | duplicate (same text, other article)."""
    stored_hash = state.article_hashes.get(article.article_id)
    if stored_hash == article.content_hash:
        return "seen"
    owner = state.hashes.get(article.content_hash) or batch_hashes.get(article.content_hash)
    if owner is not None and owner != article.article_id:
        return "duplicate"
    return "updated" if stored_hash is not None else "new"


def _count_written(counts: SourceCounts, verdict: str, article: Article) -> None:
    if verdict == "updated":
        counts.updated += 1
    else:
        counts.fetched += 1
    if article.language != ENGLISH:
        counts.non_english += 1


def _write(out: str, run_id: str, articles: list[Article], rejects: list[Reject]) -> None:
    if articles or rejects:
        write_batch(out, run_id=run_id, articles=articles, rejects=rejects)
