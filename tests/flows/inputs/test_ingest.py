"""Ingest: parsing tables, update planning, and the flow against a real server on 127.0.0.1.

The pages and feeds under tests/fixtures/web/ are written for these tests; `{base}` in a
listing is replaced by the test server's address.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from paths import FIXTURES
from pytest_httpserver import HTTPServer

from flows.ingest import IngestSummary, PlannedPage, ingest_flow, plan_pages
from flows.inputs.language import detect_language
from flows.inputs.pages import ListedItem, decode_html, parse_feed, parse_page, parse_sitemap
from flows.inputs.sources import FetchSettings, Source, SourcesConfig
from flows.inputs.state import IngestState, PageState, canonical_url, load_raw

WEB = FIXTURES / "web"
FAST = FetchSettings(connect_timeout=0.5, read_timeout=0.5, total_timeout=3.0, retries=1, backoff=0.01)
HTML = "text/html; charset=utf-8"
uses_prefect = pytest.mark.usefixtures("prefect_harness")  # session-wide harness from conftest


def fixture(name: str, base: str = "http://news.test", **values: str) -> bytes:
    text = (WEB / name).read_bytes().decode("utf-8", "surrogateescape").replace("{base}", base)
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.encode("utf-8", "surrogateescape")


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The test news site: robots.txt forbidding /private/, pages, a syndicated copy, a 404."""
    httpserver.no_handler_status_code = 404
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    for path, page in [
        ("/news/strike", "strike.html"),
        ("/syndication/strike-copy", "strike.html"),
        ("/news/french", "french.html"),
        ("/private/briefing", "talks.html"),
    ]:
        httpserver.expect_request(path).respond_with_data(fixture(page), content_type=HTML)
    # declared UTF-8, really Latin-1
    httpserver.expect_request("/news/latin1").respond_with_data(fixture("latin1.html"), content_type=HTML)
    return httpserver


def source(**kw: object) -> Source:
    values: dict = {"name": "riverside", "kind": "rss", "allow_private": True, "rate_limit": 200.0}
    values |= kw
    return Source(**values)


def run(out: Path, *sources: Source) -> IngestSummary:
    return ingest_flow(SourcesConfig(tuple(sources), FAST), str(out))


def articles(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "articles", dtype_backend="pyarrow")


def rejects(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "rejects", dtype_backend="pyarrow")


# ---- the flow against the test server ---------------------------------------------------


@uses_prefect
def test_rss_source_first_and_second_run(site: HTTPServer, tmp_path: Path) -> None:
    site.expect_request("/news/talks").respond_with_data(fixture("talks.html"), content_type=HTML)
    site.expect_request("/feed.rss").respond_with_data(
        fixture("feed.rss", site.url_for("").rstrip("/")), content_type="application/rss+xml"
    )
    feed = source(url=site.url_for("/feed.rss"), recheck_days=0)

    first = run(tmp_path, feed).total
    assert (first.listed, first.fetched, first.non_english, first.duplicates, first.failed) == (7, 4, 1, 1, 2)
    stored = articles(tmp_path)
    assert len(stored) == 4
    by_url = stored.set_index("url")
    strike = by_url.loc[site.url_for("/news/strike")]  # utm_* dropped from the listed URL
    assert strike["title"] == "Drone strike damages water station outside Korvane"
    assert strike["author"] == "Mara Telling" and strike["site"] == "Riverside Courier"
    assert (strike["published"], strike["published_source"]) == (dt.date(2025, 6, 3), "page")
    assert "changed by script" not in strike["text"]
    assert by_url.loc[site.url_for("/news/french"), "language"] == "fr"
    latin1 = by_url.loc[site.url_for("/news/latin1"), "text"]
    assert "café" in latin1 and "maître" in latin1  # wrong declared charset detected
    kinds = set(rejects(tmp_path)["error_kind"])
    assert kinds == {"http_404", "robots_disallowed"}
    assert load_raw(str(tmp_path), strike["article_id"]) == fixture("strike.html")

    second = run(tmp_path, feed).total
    assert (second.listed, second.fetched, second.updated, second.seen) == (7, 0, 0, 5)
    assert len(articles(tmp_path)) == 4


@uses_prefect
def test_only_english_articles_are_queued_for_extraction(site: HTTPServer, tmp_path: Path) -> None:
    urls = [site.url_for("/news/strike"), site.url_for("/news/french")]
    summary = run(tmp_path, source(kind="urls", urls=tuple(urls), recheck_days=0))
    stored = articles(tmp_path).set_index("article_id")
    assert summary.total.non_english == 1
    assert [stored.loc[i, "language"] for i in summary.article_ids] == ["en"]
    assert set(stored["language"]) == {"en", "fr"}


@uses_prefect
def test_article_updated_between_runs_replaces_its_row(site: HTTPServer, tmp_path: Path) -> None:
    def serve(updated: str, page: str) -> None:
        feed = fixture("feed.atom", site.url_for("").rstrip("/"), updated=updated)
        site.expect_request("/valley.atom").respond_with_data(feed, content_type="application/atom+xml")
        site.expect_request("/news/talks").respond_with_data(fixture(page), content_type=HTML)

    feed = source(url=site.url_for("/valley.atom"), recheck_days=0)
    serve("2025-06-04T10:00:00Z", "talks.html")
    first = run(tmp_path, feed)
    assert first.total.fetched == 1

    site.clear_all_handlers()
    serve("2025-06-05T16:30:00Z", "talks-updated.html")
    second = run(tmp_path, feed)
    assert (second.total.updated, second.total.fetched) == (1, 0)
    assert second.article_ids == first.article_ids  # same id: extraction replaces its events
    stored = articles(tmp_path)
    assert len(stored) == 1
    assert "signed the truce" in stored["text"].iloc[0]
    assert stored["title"].iloc[0] == "Elders sign truce after talks in the hill villages"


@uses_prefect
def test_conditional_get_on_feed_and_recheck_of_recent_pages(site: HTTPServer, tmp_path: Path) -> None:
    site.expect_request("/news/talks", headers={"If-None-Match": '"t1"'}).respond_with_data("", status=304)
    site.expect_request("/news/talks").respond_with_data(
        fixture("talks.html"), content_type=HTML, headers={"ETag": '"t1"'}
    )
    site.expect_request("/valley.atom", headers={"If-None-Match": '"f1"'}).respond_with_data("", status=304)
    site.expect_request("/valley.atom").respond_with_data(
        fixture("feed.atom", site.url_for("").rstrip("/"), updated="2025-06-04T10:00:00Z"),
        content_type="application/atom+xml",
        headers={"ETag": '"f1"'},
    )
    feed = source(name="valley", url=site.url_for("/valley.atom"))
    pages = source(name="picked", kind="urls", urls=(site.url_for("/news/talks"),), recheck_days=2)
    assert run(tmp_path, feed).total.fetched == 1

    site.clear_log()
    again = run(tmp_path, feed, pages).total
    # feed 304: nothing listed; the page is re-checked (304 too) and counted as seen
    assert (again.listed, again.fetched, again.seen, again.unchanged_listings) == (1, 0, 1, 1)
    statuses = [(req.path, resp.status_code) for req, resp in site.log]
    assert ("/valley.atom", 304) in statuses and ("/news/talks", 304) in statuses


@uses_prefect
def test_news_sitemap_index(site: HTTPServer, tmp_path: Path) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/news/talks").respond_with_data(fixture("talks.html"), content_type=HTML)
    site.expect_request("/sitemap.xml").respond_with_data(
        fixture("sitemap-index.xml", base), content_type="text/xml"
    )
    site.expect_request("/sitemaps/news.xml").respond_with_data(
        fixture("sitemap.xml", base), content_type="text/xml"
    )
    summary = run(tmp_path, source(kind="sitemap", url=site.url_for("/sitemap.xml"))).total
    assert (summary.listed, summary.fetched, summary.failed) == (2, 2, 0)
    again = run(tmp_path, source(kind="sitemap", url=site.url_for("/sitemap.xml"), recheck_days=0)).total
    assert (again.listed, again.fetched, again.seen) == (2, 0, 2)


@uses_prefect
def test_failing_sources_do_not_stop_the_run(site: HTTPServer, tmp_path: Path) -> None:
    base = site.url_for("").rstrip("/")
    site.expect_request("/broken.rss").respond_with_data(
        fixture("malformed.rss", base), content_type="text/xml"
    )
    site.expect_request("/page.png").respond_with_data(b"\x89PNG", content_type="image/png")
    summary = run(
        tmp_path,
        source(name="broken", url=site.url_for("/broken.rss")),
        source(name="gone", url=site.url_for("/no-feed.rss")),
        source(name="odd", kind="urls", urls=(site.url_for("/page.png"), site.url_for("/news/strike"))),
    )
    by_source = {c.source: c for c in summary.sources}
    assert by_source["broken"].failed == by_source["gone"].failed == by_source["odd"].failed == 1
    assert by_source["odd"].fetched == 1
    stored = rejects(tmp_path)
    assert set(zip(stored["source"], stored["error_kind"], strict=True)) == {
        ("broken", "bad_xml"),
        ("gone", "http_404"),
        ("odd", "bad_content_type"),
    }
    assert stored["message"].str.len().min() > 0


@uses_prefect
def test_max_articles_defers_the_rest(site: HTTPServer, tmp_path: Path) -> None:
    urls = (site.url_for("/news/strike"), site.url_for("/news/french"), site.url_for("/news/latin1"))
    first = run(tmp_path, source(kind="urls", urls=urls, max_articles=2, recheck_days=0)).total
    assert (first.fetched, first.deferred) == (2, 1)
    second = run(tmp_path, source(kind="urls", urls=urls, max_articles=2, recheck_days=0)).total
    assert (second.fetched, second.seen, second.deferred) == (1, 2, 0)


@uses_prefect
def test_private_hosts_need_allow_private(site: HTTPServer, tmp_path: Path) -> None:
    summary = run(tmp_path, source(kind="urls", urls=(site.url_for("/news/strike"),), allow_private=False))
    assert summary.total.failed == 1
    assert list(rejects(tmp_path)["error_kind"]) == ["blocked_address"]
    assert not site.log


@uses_prefect
def test_local_folder_source_incremental(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Published: 2025-05-01\n\nGunmen attacked a checkpoint on the northern road overnight, "
        "and two guards were wounded in the exchange of fire, police said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Published: 2025-05-02\n\nLes combats ont repris mardi soir dans les faubourgs de la ville, "
        "selon des habitants qui ont fui vers le sud.\n",
        encoding="utf-8",
    )
    (folder / "c.jsonl").write_text('{"id": "x1", "text": ""}\n', encoding="utf-8")
    local = Source(name="drops", kind="folder", path=folder)
    first = run(tmp_path / "out", local).total
    assert (first.listed, first.fetched, first.non_english, first.failed) == (2, 2, 1, 1)
    second = run(tmp_path / "out", local).total
    assert (second.fetched, second.seen, second.updated) == (0, 2, 0)
    (folder / "a.txt").write_text(
        "Published: 2025-05-01\n\nGunmen attacked a checkpoint on the northern road overnight; "
        "three guards were wounded, police said on Wednesday.\n",
        encoding="utf-8",
    )
    third = run(tmp_path / "out", local).total
    assert (third.updated, third.seen) == (1, 1)
    assert len(articles(tmp_path / "out")) == 2


@uses_prefect
def test_summary_is_published_as_a_markdown_artifact(tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    folder = tmp_path / "in"
    folder.mkdir()
    summary = run(tmp_path / "out", Source(name="empty", kind="folder", path=folder))
    assert summary.to_text().startswith("ingest: 0 listed")
    with get_client(sync_client=True) as client:
        published = [a for a in client.read_artifacts() if a.key == "ingest-summary"]
    assert any(summary.run_id in str(a.data) for a in published)
    for name in ("fetched", "seen", "duplicates", "non_english", "failed"):
        assert name in summary.to_markdown()


# ---- pure parts -------------------------------------------------------------------------


def test_parse_rss_feed() -> None:
    listing = parse_feed(fixture("feed.rss"), "http://news.test/feed.rss", "application/rss+xml")
    assert listing.error_kind is None and len(listing.items) == 7
    first = listing.items[0]
    assert first.url == "http://news.test/news/strike?utm_source=rss&utm_medium=feed"
    assert first.published == dt.date(2025, 6, 3)
    assert listing.items[-1].published is None


def test_parse_atom_feed() -> None:
    listing = parse_feed(fixture("feed.atom", updated="2025-06-05T16:30:00Z"), "http://news.test/a.atom")
    (item,) = listing.items
    assert item.url == "http://news.test/news/talks"
    assert item.published == dt.date(2025, 6, 4)
    assert item.updated == dt.datetime(2025, 6, 5, 16, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (fixture("malformed.rss"), "bad_xml"),
        (b"<html><body><p>not a feed</p></body></html>", "not_a_feed"),
        (b"", "not_a_feed"),
    ],
)
def test_bad_feeds(body: bytes, kind: str) -> None:
    assert parse_feed(body, "http://news.test/f").error_kind == kind


def test_parse_news_sitemap_and_index() -> None:
    listing = parse_sitemap(fixture("sitemap.xml"), "http://news.test/s.xml")
    strike, talks = listing.items
    assert strike.title == "Drone strike damages water station outside Korvane"
    assert strike.published == dt.date(2025, 6, 3)
    assert talks.updated == dt.datetime(2025, 6, 4, tzinfo=dt.UTC)
    index = parse_sitemap(fixture("sitemap-index.xml"), "http://news.test/s.xml")
    assert index.sitemaps == ("http://news.test/sitemaps/news.xml",)


def test_sitemap_index_lists_newest_children_first() -> None:
    body = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/2019.xml</loc><lastmod>2019-12-31</lastmod></sitemap>
      <sitemap><loc>/undated.xml</loc></sitemap>
      <sitemap><loc>/2025-06.xml</loc><lastmod>2025-06-30T23:00:00Z</lastmod></sitemap>
    </sitemapindex>"""
    index = parse_sitemap(body, "http://news.test/index.xml")
    assert [u.rsplit("/", 1)[-1] for u in index.sitemaps] == ["2025-06.xml", "2019.xml", "undated.xml"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<urlset><url><loc>x</loc>", "bad_xml"),
        (b"<html/>", "not_a_sitemap"),
        (
            b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>',
            None,
        ),
    ],
)
def test_bad_sitemaps(body: bytes, kind: str | None) -> None:
    listing = parse_sitemap(body, "http://news.test/s.xml")
    assert listing.error_kind == kind
    assert all("root:" not in item.url for item in listing.items)  # external entity never read


@pytest.mark.parametrize(
    ("body", "declared", "expected", "charset"),
    [
        ("café".encode(), "utf-8", "café", "utf-8"),
        ("café".encode("latin-1"), "utf-8", "café", "cp1252"),  # declared wrong
        ("café".encode(), "iso-8859-1", "café", "utf-8"),  # declared wrong the other way
        ("café".encode("latin-1"), "iso-8859-1", "café", "cp1252"),  # the label browsers read as cp1252
        ("“Quoted” café".encode("cp1252"), "iso-8859-1", "“Quoted” café", "cp1252"),
        ("café".encode("latin-1"), None, "café", "cp1252"),
        ('<meta charset="koi8-r">мир'.encode("koi8-r"), None, '<meta charset="koi8-r">мир', "koi8-r"),
        ("naïve".encode("utf-8-sig"), None, "naïve", "utf-8-sig"),
        (b"plain ascii", "no-such-charset", "plain ascii", "utf-8"),
        (
            "Le prix: «15 €» pour un café.".encode("cp1252"),
            "bogus",
            "Le prix: «15 €» pour un café.",
            "cp1252",
        ),
        # wrong or missing declarations, detected (charset-normalizer)
        (
            "Kämpfe nahe Aleppo: Straßen gesperrt.".encode("latin-1"),
            "utf-8",
            "Kämpfe nahe Aleppo: Straßen gesperrt.",
            "cp1252",
        ),
        (
            "Самолеты нанесли удар по деревне.".encode("cp1251"),
            None,
            "Самолеты нанесли удар по деревне.",
            "cp1251",
        ),
        (
            "Самолеты нанесли удар по деревне.".encode("cp1251"),
            "utf-8",
            "Самолеты нанесли удар по деревне.",
            "cp1251",
        ),
    ],
)
def test_decode_html_survives_wrong_charsets(
    body: bytes, declared: str | None, expected: str, charset: str
) -> None:
    assert decode_html(body, declared) == (expected, charset)


def test_decode_html_never_fails_on_bytes_no_codec_reads() -> None:
    text, charset = decode_html(b"\x81\x8d\x00\xff\xfe\x90 bytes", "utf-8")
    assert text.endswith(" bytes") and charset


def test_parse_page_metadata() -> None:
    page = parse_page(fixture("strike.html").decode(), "http://news.test/news/strike")
    assert page is not None
    assert page.title == "Drone strike damages water station outside Korvane"
    assert page.published == dt.date(2025, 6, 3)
    assert page.author == "Mara Telling" and page.site == "Riverside Courier"
    assert "Home" not in page.text and "document.title" not in page.text
    assert parse_page("<html><body><nav>menu</nav></body></html>", "http://news.test/") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Aircraft bombed a bridge over the river on Sunday, cutting the main road to the south.", "en"),
        ("Des avions ont bombardé un pont sur la rivière dimanche, coupant la route principale.", "fr"),
        ("Flugzeuge bombardierten am Sonntag eine Brücke über den Fluss und sperrten die Straße.", "de"),
        ("Aviones bombardearon un puente sobre el río el domingo y cortaron la carretera principal.", "es"),
        ("Самолёты разбомбили мост через реку в воскресенье, перерезав главную дорогу на юг.", "ru"),
        ("قصفت طائرات جسرا فوق النهر يوم الأحد وقطعت الطريق الرئيسي المؤدي إلى الجنوب في المنطقة", "ar"),
        ("Short headline", None),
        ("", None),
        ("12 34 56 78 -- 2025", None),
        ("Uçaklar pazar günü nehir üzerindeki köprüyü bombaladı ve güneye giden ana yolu kesti.", "tr"),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text, expected=None) == language


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://News.Example.ORG/a/b?utm_source=x&id=3#top", "https://news.example.org/a/b?id=3"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("https://example.org:443", "https://example.org/"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("https://example.org/a?fbclid=abc", "https://example.org/a"),
        ("https://example.org/a?gclid=1&page=2", "https://example.org/a?page=2"),
        ("https://example.org/a?UTM_Campaign=z", "https://example.org/a"),
        ("https://example.org/a?b=1&a=2", "https://example.org/a?b=1&a=2"),
        ("https://example.org/a?mc_cid=1&mc_eid=2", "https://example.org/a"),
        ("HTTPS://example.org/Path/Case", "https://example.org/Path/Case"),
        ("  https://example.org/a  ", "https://example.org/a"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


NOW = dt.datetime(2025, 6, 10, tzinfo=dt.UTC)


def page_state(url: str, first: dt.datetime, listed: dt.datetime | None = None) -> PageState:
    return PageState(url, "id-" + url[-1], "h-" + url[-1], first, first, "s", '"e"', None, listed)


def test_plan_pages_new_updated_recheck_seen_deferred() -> None:
    old = NOW - dt.timedelta(days=30)
    state = IngestState()
    state.remember(
        [
            page_state("https://x.org/1", old, listed=old),
            page_state("https://x.org/2", old, listed=old),
            page_state("https://x.org/3", NOW - dt.timedelta(hours=5)),
        ]
    )
    state.stored_urls.add("https://x.org/4")
    items = [
        ListedItem("https://x.org/1", updated=old),  # unchanged: seen
        ListedItem("https://x.org/2?utm_source=a", updated=NOW),  # feed date moved: updated
        ListedItem("https://x.org/3"),  # fetched hours ago: recheck
        ListedItem("https://x.org/4"),  # stored by an earlier run: seen
        ListedItem("https://x.org/5"),  # new
        ListedItem("https://x.org/5#comments"),  # same page again
        ListedItem("https://x.org/6"),  # new, over the cap
    ]
    planned, counts = plan_pages.fn(source(recheck_days=2, max_articles=3), items, state, NOW)
    assert [(p.canonical, p.reason) for p in planned] == [
        ("https://x.org/2", "updated"),
        ("https://x.org/5", "new"),
        ("https://x.org/6", "new"),
    ]
    assert planned[0].validators.etag == '"e"'
    assert (counts.listed, counts.seen, counts.deferred) == (6, 3, 0)
    assert isinstance(planned[0], PlannedPage)


@pytest.mark.model
@pytest.mark.slow
@uses_prefect
def test_pipeline_with_sources_extracts_only_new_english_articles(site: HTTPServer, tmp_path: Path) -> None:
    from flows.pipeline import sitrep_pipeline

    site.expect_request("/news/talks").respond_with_data(fixture("talks.html"), content_type=HTML)
    urls = ", ".join(f'"{site.url_for(p)}"' for p in ("/news/strike", "/news/talks", "/news/french"))
    config = tmp_path / "sitrep.toml"
    config.write_text(
        f'out = "{tmp_path / "out"}"\n\n[[sources]]\nname = "picked"\nkind = "urls"\nurls = [{urls}]\n'
        "allow_private = true\nrecheck_days = 0\nrate_limit = 100.0\n",
        encoding="utf-8",
    )
    first = sitrep_pipeline(config=str(config))
    assert first.processed == 2  # the French page is stored but not extracted
    assert first.ingest is not None and "3 fetched" in first.ingest and "1 non-English" in first.ingest
    second = sitrep_pipeline(config=str(config))
    assert second.processed == 0
    assert second.ingest is not None and "3 skipped as seen" in second.ingest
    assert len(articles(tmp_path / "out")) == 3


@uses_prefect
def test_jsonl_source_counts_duplicates_and_bad_rows(tmp_path: Path) -> None:
    text = "Rebel units handed over heavy weapons at a stadium on Friday under the deal, a mediator said."
    lines = [
        f'{{"id": "one", "published": "2025-04-01", "text": "{text}"}}',
        f'{{"id": "two", "published": "2025-04-01", "text": "{text}"}}',  # same story, other id
        "{not json",
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run(tmp_path / "out", Source(name="dump", kind="jsonl", path=path)).total
    assert (summary.listed, summary.fetched, summary.duplicates, summary.failed) == (2, 1, 1, 1)
    assert list(articles(tmp_path / "out")["article_id"]) == ["one"]
    assert list(rejects(tmp_path / "out")["error_kind"]) == ["bad_json"]


@uses_prefect
def test_large_local_source_is_written_in_batches_without_loss(tmp_path: Path) -> None:
    rows = []
    for i in range(300):  # more than LOCAL_BATCH_SIZE records
        if i % 3 == 0:
            rows.append(f"{{broken row {i}")
        else:
            rows.append(
                f'{{"id": "r{i}", "text": "Report {i}: a patrol came under fire near checkpoint {i} on the '
                f'ring road, and {i % 7} soldiers were hurt, the ministry said."}}'
            )
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = run(tmp_path / "out", Source(name="many", kind="jsonl", path=path, max_articles=1000)).total
    assert (summary.fetched, summary.failed) == (200, 100)
    assert len(articles(tmp_path / "out")) == 200 and len(rejects(tmp_path / "out")) == 100
