"""Hostile and broken input: every bad record is a named reject or is processed safely.

Fetch safety here adds to `tests/test_fetch.py` (H3): other spellings of loopback,
more schemes, and pages whose scripts, frames and styles must never be loaded or run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.hostile import (
    EVENT_SENTENCE,
    SCRIPT_HEAVY_HTML,
    folder_files,
    jsonl_cases,
    write_folder,
    write_jsonl,
)
from pytest_httpserver import HTTPServer

from extractors.schema import Article, Reject
from flows.fetch import Fetcher
from flows.readers import read_input
from flows.sources import FetchSettings

FAST = FetchSettings(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0, retries=0)


def fetch(url: str, *, allow_private: bool = False):
    with Fetcher(FAST, rate_limit=1000, allow_private=allow_private) as fetcher:
        return fetcher.fetch(url)


# ---- fetching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["localhost", "127.1", "2130706433", "0x7f000001", "0x7f.1", "017700000001", "[::1]",
     "[::ffff:127.0.0.1]", "127.0.0.1"],
)  # fmt: skip
def test_every_spelling_of_loopback_is_refused(httpserver: HTTPServer, host: str) -> None:
    httpserver.expect_request("/page").respond_with_data("<p>secret</p>", content_type="text/html")
    result = fetch(f"http://{host}:{httpserver.port}/page")
    assert result.error_kind == "blocked_address", result
    assert not httpserver.log


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("javascript:alert(1)", "bad_scheme"),
        ("data:text/html,<script>alert(1)</script>", "bad_scheme"),
        ("gopher://127.0.0.1:70/_GET", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("ftp://example.org/article.html", "bad_scheme"),
        ("//example.org/no-scheme", "bad_scheme"),
        ("http:///no-host", "bad_url"),
        ("http://[::1/broken-ipv6", "bad_url"),
        ("http://169.254.169.254/latest/meta-data/", "blocked_address"),
        ("http://0.0.0.0:80/", "blocked_address"),
    ],
)
def test_unsafe_urls_are_refused_before_any_request(url: str, kind: str) -> None:
    assert fetch(url).error_kind == kind


def test_private_source_may_not_redirect_to_an_unspecified_address(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/go").respond_with_data("", status=302, headers={"Location": "http://0:1/x"})
    assert fetch(httpserver.url_for("/go"), allow_private=True).error_kind == "blocked_address"


def test_scripts_frames_and_styles_of_a_page_are_never_loaded(httpserver: HTTPServer, tmp_path: Path) -> None:
    """Reading an HTML file is pure parsing: nothing it references is requested, no script runs."""
    bait = httpserver.url_for("/bait")
    html = SCRIPT_HEAVY_HTML.replace("http://127.0.0.1:9", bait).format(
        scripts=f'<script src="{bait}/more.js"></script><link rel="stylesheet" href="{bait}/s.css">'
        f'<img src="{bait}/pixel.gif"><meta http-equiv="refresh" content="0; url={bait}/meta">',
        body=EVENT_SENTENCE,
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(html, encoding="utf-8")
    (article,) = read_input(tmp_path / "in")
    assert isinstance(article, Article)
    assert EVENT_SENTENCE in article.text
    for code in ("document.title", "alert(", "fetch(", "background:", "var x"):
        assert code not in article.text
    assert not httpserver.log


# ---- reading -------------------------------------------------------------------------------


def test_every_hostile_jsonl_row_is_an_article_or_a_named_reject(tmp_path: Path) -> None:
    cases = jsonl_cases()
    records = list(read_input(write_jsonl(tmp_path / "hostile.jsonl", cases)))
    assert len(records) == len(cases)  # the trailing blank line is no row
    for case, record in zip(cases, records, strict=True):
        if case.accepted:
            assert isinstance(record, Article), (case.name, record)
        else:
            assert isinstance(record, Reject), (case.name, record)
            assert record.error_kind in case.reject_kinds and record.message
            assert record.stage == "read"


def test_every_hostile_file_is_an_article_or_a_named_reject(tmp_path: Path) -> None:
    files = folder_files()
    records = list(read_input(write_folder(tmp_path / "in", files)))
    assert len(records) == len(files)
    by_name = {f.name: f for f in files}
    for record in records:
        where = record.message if isinstance(record, Reject) else ""
        if isinstance(record, Reject):
            (name,) = [n for n in by_name if f"/{n}:" in where]
            assert not by_name.pop(name).accepted, record
    assert all(f.accepted for f in by_name.values())
    for record in records:
        if isinstance(record, Article):
            assert "\x00" not in record.text
            record.text.encode("utf-8")  # storable: no lone surrogates
