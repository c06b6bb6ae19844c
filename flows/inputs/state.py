"""What earlier ingest runs saw, kept with the data under the output root (no server).

    OUT/ingest_state/pages-<source>.parquet     one row per page URL: article id, content
                                                hash, first/last fetch, HTTP validators,
                                                the listing's updated date
    OUT/ingest_state/listings-<source>.parquet  feed/sitemap validators (conditional GET)
    OUT/raw/<id[:2]>/<article_id>.html.gz       last fetched HTML of each article

Pages are keyed by `canonical_url` (tracking parameters and fragment dropped, scheme
and host lowercased). Together with the `articles` dataset's `content_hash` column this
catches the same story under two URLs; the raw HTML lets extraction be re-run without
re-fetching. Files are written under a `_tmp-` name and renamed into place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import typing
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pyarrow as pa
import pyarrow.parquet as pq

from extractors.schema import arrow_schema
from flows.storage.store import Store

STATE_DIR = "ingest_state"
RAW_DIR = "raw"
# Query parameters that only say how a reader arrived (campaigns, ad clicks, shares),
# never which article: dropped so one story has one URL.
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "_hs")
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "_ga",
        "ocid",
        "cmpid",
    }
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """One spelling per article URL: lowercase scheme/host, no default port, fragment or trackers."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


@dataclass(frozen=True)
class PageState:
    """One page URL seen by ingest, and the article it became (or duplicated)."""

    url: str  # canonical
    article_id: str
    content_hash: str
    first_fetched: dt.datetime
    last_fetched: dt.datetime
    source: str  # source slug
    etag: str | None = None
    last_modified: str | None = None
    listed_updated: dt.datetime | None = None  # the feed/sitemap date when last fetched


@dataclass(frozen=True)
class ListingState:
    """HTTP validators of a feed or sitemap, for a conditional GET next run."""

    url: str
    source: str
    fetched: dt.datetime
    etag: str | None = None
    last_modified: str | None = None


PAGE_STATE_SCHEMA = arrow_schema(PageState)
LISTING_STATE_SCHEMA = arrow_schema(ListingState)


class IngestState:
    """Everything ingest knows from earlier runs, loaded once per run and updated as it goes.

    A plain class on purpose, not a dataclass: Prefect walks (and rebuilds) dataclass,
    dict and list task parameters looking for futures, which would cost a pass over
    every remembered page on each task call.
    """

    def __init__(self) -> None:
        self.pages: dict[str, PageState] = {}
        self.listings: dict[str, ListingState] = {}
        self.hashes: dict[str, str] = {}  # content_hash -> article_id
        self.article_hashes: dict[str, str] = {}  # article_id -> content_hash
        self.stored_urls: set[str] = set()  # article URLs in the articles dataset

    def remember(
        self, pages: typing.Iterable[PageState], listings: typing.Iterable[ListingState] = ()
    ) -> None:
        for page in pages:
            self.pages[page.url] = page
            self.hashes.setdefault(page.content_hash, page.article_id)
            if page.content_hash and self.hashes[page.content_hash] == page.article_id:
                self.article_hashes[page.article_id] = page.content_hash
        for listing in listings:
            self.listings[listing.url] = listing

    def remember_article(self, article_id: str, content_hash: str) -> None:
        self.hashes.setdefault(content_hash, article_id)
        self.article_hashes[article_id] = content_hash


def load_state(out: str) -> IngestState:
    """State of earlier runs: the state files plus ids, URLs and hashes of stored articles."""
    store = Store(out)
    state = IngestState()
    stored = store.read_table("articles", ["article_id", "url", "content_hash"])
    for article_id, url, digest in zip(
        *(stored.column(c).to_pylist() for c in stored.column_names), strict=True
    ):
        state.remember_article(article_id, digest)
        if url:
            state.stored_urls.add(canonical_url(url))
    pages = _read_all(store, "pages-", PAGE_STATE_SCHEMA)
    state.remember(
        [PageState(**row) for row in pages.to_pylist()],
        [ListingState(**row) for row in _read_all(store, "listings-", LISTING_STATE_SCHEMA).to_pylist()],
    )
    return state


def save_source_state(out: str, slug: str, state: IngestState) -> None:
    """Rewrite one source's state files from `state` (atomic per file)."""
    store = Store(out)
    pages = [p for p in state.pages.values() if p.source == slug]
    listings = [s for s in state.listings.values() if s.source == slug]
    for prefix, rows, schema in (
        ("pages-", pages, PAGE_STATE_SCHEMA),
        ("listings-", listings, LISTING_STATE_SCHEMA),
    ):
        table = pa.Table.from_pylist([dataclasses.asdict(r) for r in rows], schema=schema)
        store.write_file(table, store.path(STATE_DIR, f"{prefix}{slug}.parquet"))


def save_raw(out: str, article_id: str, html: bytes) -> str:
    """Keep the page's bytes gzipped under `raw/`, replacing an older version; returns the path."""
    store = Store(out)
    path = store.path(RAW_DIR, article_id[:2], f"{article_id}.html.gz")
    folder, fs = path.rsplit("/", 1)[0], store.fs
    fs.makedirs(folder, exist_ok=True)
    temp = f"{folder}/_tmp-{article_id}.html.gz"
    with fs.open(temp, "wb") as handle:
        handle.write(gzip.compress(html, mtime=0))
    fs.mv(temp, path)
    return path


def load_raw(out: str, article_id: str) -> bytes | None:
    """The stored HTML of an article, or None when it was not fetched from the web."""
    store = Store(out)
    path = store.path(RAW_DIR, article_id[:2], f"{article_id}.html.gz")
    if not store.fs.exists(path):
        return None
    with store.fs.open(path, "rb") as handle:
        return gzip.decompress(handle.read())


def _read_all(store: Store, prefix: str, schema: pa.Schema) -> pa.Table:
    folder = store.path(STATE_DIR)
    if not store.fs.exists(folder):
        return schema.empty_table()
    names = [p for p in store.fs.ls(folder, detail=False) if p.rsplit("/", 1)[-1].startswith(prefix)]
    tables = [pq.read_table(p, filesystem=store.fs, schema=schema) for p in sorted(names)]
    return pa.concat_tables(tables) if tables else schema.empty_table()
