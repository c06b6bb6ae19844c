"""Pure parsing of fetched bytes: feeds, sitemaps and article pages. No I/O, no network.

`parse_feed` / `parse_sitemap` turn a listing into `ListedItem`s; `decode_html` picks a
charset that actually fits the bytes (servers often declare the wrong one);
`parse_page` extracts text and metadata with trafilatura (no script is ever run: it
only walks the parsed tree).
Malformed input is an `error_kind`, never an exception.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
import trafilatura
from lxml import etree
from trafilatura.settings import Document

# feedparser flags these on well-formed feeds (a missing or mismatched charset
# header); they are not reasons to distrust the entries.
_BENIGN_FEED_ERRORS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_OLDEST = dt.datetime.min.replace(tzinfo=dt.UTC)  # sorts undated sitemaps last
# The legacy encoding of Western newsrooms, and the labels browsers read as it (WHATWG Encoding).
_WESTERN = "cp1252"
_BROWSER_ALIASES = {"iso8859-1": _WESTERN, "ascii": _WESTERN}
# Less text than this is a menu, a paywall stub or an error page, not a news article.
MIN_ARTICLE_CHARS = 80


@dataclass(frozen=True)
class ListedItem:
    """One article link found in a feed or sitemap, with the dates the listing gives."""

    url: str
    title: str | None = None
    published: dt.date | None = None
    updated: dt.datetime | None = None  # feed <updated>, sitemap <lastmod>: drives re-fetching


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap lists; a sitemap index lists further sitemaps instead."""

    items: tuple[ListedItem, ...] = ()
    sitemaps: tuple[str, ...] = ()
    error_kind: str | None = None  # bad_xml, not_a_feed, not_a_sitemap
    message: str = ""


@dataclass(frozen=True)
class Page:
    """Text and metadata of one article page."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    site: str | None = None
    canonical_url: str | None = None


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Listing:
    """Entries of an RSS or Atom feed; ill-formed XML is `bad_xml`, not a best guess."""
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, _BENIGN_FEED_ERRORS):
        return Listing(error_kind="bad_xml", message=f"{type(problem).__name__}: {problem}")
    if not parsed.get("version") and not parsed.entries:
        return Listing(error_kind="not_a_feed", message="no RSS or Atom feed found")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        # plain dict lookups: FeedParserDict.get maps missing `updated` to `published` (deprecated)
        updated = _struct_time(dict.get(entry, "updated_parsed"))
        published = _struct_time(dict.get(entry, "published_parsed")) or updated
        items.append(
            ListedItem(
                url=urljoin(url, link.strip()),
                title=(entry.get("title") or "").strip() or None,
                published=published.date() if published else None,
                updated=updated or published,
            )
        )
    return Listing(items=tuple(items))


def parse_sitemap(body: bytes, url: str) -> Listing:
    """URLs of a (news) sitemap, or the child sitemaps of a sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        return Listing(error_kind="bad_xml", message=str(exc))
    kind = etree.QName(root).localname
    if kind == "sitemapindex":  # newest first: the news is in the recently changed children
        children = [
            (_iso_datetime(_child_text(s, "lastmod")), loc)
            for s in root
            if _localname(s) == "sitemap" and (loc := _child_text(s, "loc"))
        ]
        children.sort(key=lambda c: c[0] or _OLDEST, reverse=True)
        return Listing(sitemaps=tuple(urljoin(url, loc) for _, loc in children))
    if kind != "urlset":
        return Listing(error_kind="not_a_sitemap", message=f"root element <{kind}>")
    items = []
    for node in root:
        if _localname(node) != "url" or not (loc := _child_text(node, "loc")):
            continue
        news = next((c for c in node if _localname(c) == "news"), None)
        news_date = _iso_datetime(_child_text(news, "publication_date")) if news is not None else None
        lastmod = _iso_datetime(_child_text(node, "lastmod"))
        published = news_date or lastmod
        items.append(
            ListedItem(
                url=urljoin(url, loc),
                title=_child_text(news, "title") if news is not None else None,
                published=published.date() if published else None,
                updated=lastmod or news_date,
            )
        )
    return Listing(items=tuple(items))


def decode_html(body: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text of a page and the charset used; survives wrong or missing declarations.

    Order: a byte-order mark (removed); valid UTF-8 (non-ASCII bytes that decode as UTF-8
    are UTF-8 whatever the header says); the declared charset, then the `<meta>` one, if
    the bytes decode with it (a declared UTF-8 that failed is wrong, and labels
    `iso-8859-1`/`ascii` mean windows-1252, as browsers read them); else the charset
    detected by charset-normalizer (`detect_charset`).
    """
    known = _bom_or_utf8(body)
    if known is not None:
        return known
    meta = _META_CHARSET.search(body[:4096])
    for name in (declared, meta.group(1).decode("ascii", "ignore") if meta else None):
        if not name:
            continue
        try:
            codec = codecs.lookup(name).name
            codec = _BROWSER_ALIASES.get(codec, codec)
            if codec == "utf-8":
                continue
            return body.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            continue
    return detect_charset(body)


def decode_text(body: bytes) -> tuple[str, str]:
    """Text of a plain-text file and the encoding used: a byte-order mark (removed), UTF-8,
    else the legacy encoding detected by charset-normalizer (`detect_charset`)."""
    return _bom_or_utf8(body) or detect_charset(body, fallback="utf-8")


def detect_charset(body: bytes, fallback: str = "cp1252") -> tuple[str, str]:
    """Bytes that are not UTF-8, decoded with the legacy encoding charset-normalizer finds.

    Windows-1252 wins whenever it reads the bytes with no more chaos than the detector's
    first pick: on Western texts many single-byte codecs read the same letters, and the
    first pick among them is arbitrary (cp1250, even cp1006 on a short text). When the
    detector finds no plausible reading (binary data), the bytes are decoded as `fallback`
    with replacement characters.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    western = from_bytes(body, cp_isolation=[_WESTERN]).best()
    if western is not None and (best is None or western.chaos <= best.chaos):
        return str(western), _WESTERN
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    return body.decode(fallback, errors="replace"), fallback


def _bom_or_utf8(body: bytes) -> tuple[str, str] | None:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(codec, errors="replace").removeprefix("\ufeff"), codec
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def extract_document(html: str | bytes, url: str | None = None) -> Document | None:
    """Trafilatura's main text and metadata of a page (fetched or read from a file); None if it finds none.

    Comments and tables are not the article's report. The date comes from the page's own markup
    (no extensive search of the text) and is the original publication, not the last update.
    """
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return doc if isinstance(doc, Document) else None


def parse_page(html: str, url: str) -> Page | None:
    """Main text and metadata of an article page; None when it has (almost) no text."""
    try:
        doc = extract_document(html, url)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    text = (doc.text or "") if doc is not None else ""
    if doc is None or len(text.strip()) < MIN_ARTICLE_CHARS:
        return None
    return Page(
        text=text.replace("\x00", " "),
        title=doc.title or None,
        published=_iso_date(doc.date),
        author=doc.author or None,
        site=doc.sitename or None,
        canonical_url=doc.url or None,
    )


def _struct_time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _iso_datetime(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _iso_date(value: str | None) -> dt.date | None:
    parsed = _iso_datetime(value)
    return parsed.date() if parsed else None


def _localname(node: Any) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _child_text(node: Any, name: str) -> str | None:
    if node is None:
        return None
    for child in node:
        if _localname(child) == name and child.text and child.text.strip():
            return str(child.text.strip())
    return None
