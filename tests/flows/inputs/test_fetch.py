"""Fetching against a real HTTP server on 127.0.0.1: outcomes, retries, caps, redirects, robots."""

from __future__ import annotations

import datetime as dt
import gzip
import socket
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.inputs.fetch import Fetcher, Validators, is_blocked_address, parse_retry_after
from flows.inputs.sources import FetchSettings

FAST = FetchSettings(
    connect_timeout=0.5,
    read_timeout=0.3,
    total_timeout=2.0,
    retries=2,
    backoff=0.01,
    max_backoff=0.05,
    max_retry_after=1.0,
    max_bytes=200_000,
    max_decompressed_bytes=400_000,
    max_redirects=3,
)
PAGE = "<html><body><p>Shelling was reported overnight near the border post.</p></body></html>"


@pytest.fixture
def web(httpserver: HTTPServer) -> HTTPServer:
    """The test server with a permissive robots.txt and 404 for unknown paths."""
    httpserver.no_handler_status_code = 404
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow:\n")
    return httpserver


def fetch(url: str, settings: FetchSettings = FAST, validators: Validators | None = None, **kw):
    with Fetcher(settings, rate_limit=1000, allow_private=kw.pop("allow_private", True), **kw) as f:
        return f.fetch(url, validators)


def requests_to(server: HTTPServer, path: str) -> int:
    return sum(1 for req, _ in server.log if req.path == path)


def test_ok_page_has_body_type_and_validators(web: HTTPServer) -> None:
    web.expect_request("/a").respond_with_data(
        PAGE,
        content_type="text/html; charset=utf-8",
        headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024"},
    )
    result = fetch(web.url_for("/a"))
    assert result.ok and result.status == 200
    assert result.body.decode() == PAGE
    assert (result.content_type, result.charset) == ("text/html", "utf-8")
    assert result.validators == Validators('"v1"', "Mon, 01 Jan 2024")


@pytest.mark.parametrize("status", [404, 410, 403])
def test_permanent_errors_are_not_retried(web: HTTPServer, status: int) -> None:
    web.expect_request("/gone").respond_with_data("no", status=status)
    result = fetch(web.url_for("/gone"))
    assert result.error_kind == f"http_{status}"
    assert requests_to(web, "/gone") == 1


def test_500_then_200_is_retried(web: HTTPServer) -> None:
    web.expect_oneshot_request("/flaky").respond_with_data("boom", status=500)
    web.expect_request("/flaky").respond_with_data(PAGE, content_type="text/html")
    result = fetch(web.url_for("/flaky"))
    assert result.ok and result.attempts == 2
    assert requests_to(web, "/flaky") == 2


def test_persistent_503_gives_up_after_bounded_retries(web: HTTPServer) -> None:
    web.expect_request("/down").respond_with_data("busy", status=503)
    result = fetch(web.url_for("/down"))
    assert result.error_kind == "http_503"
    assert requests_to(web, "/down") == FAST.retries + 1


def test_429_honours_retry_after(web: HTTPServer) -> None:
    web.expect_oneshot_request("/limited").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "1"}
    )
    web.expect_request("/limited").respond_with_data(PAGE, content_type="text/html")
    started = time.monotonic()
    result = fetch(web.url_for("/limited"))
    assert result.ok
    assert time.monotonic() - started >= 0.9


def test_429_with_retry_after_beyond_the_cap_is_not_waited_for(web: HTTPServer) -> None:
    web.expect_request("/later").respond_with_data("tomorrow", status=429, headers={"Retry-After": "3600"})
    result = fetch(web.url_for("/later"))
    assert result.error_kind == "http_429"
    assert requests_to(web, "/later") == 1


def test_slow_response_times_out(web: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(0.6)
        return Response(PAGE, content_type="text/html")

    web.expect_request("/slow").respond_with_handler(slow)
    result = fetch(web.url_for("/slow"), FetchSettings(**{**FAST.__dict__, "retries": 0}))
    assert result.error_kind == "timeout"


def test_redirect_is_followed_and_final_url_kept(web: HTTPServer) -> None:
    web.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    web.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    result = fetch(web.url_for("/old"))
    assert result.ok
    assert result.url.endswith("/old") and result.final_url.endswith("/new")


def test_redirect_loop_is_named(web: HTTPServer) -> None:
    web.expect_request("/ping").respond_with_data("", status=302, headers={"Location": "/pong"})
    web.expect_request("/pong").respond_with_data("", status=302, headers={"Location": "/ping"})
    assert fetch(web.url_for("/ping")).error_kind == "redirect_loop"


def test_too_many_redirects(web: HTTPServer) -> None:
    for i in range(6):
        web.expect_request(f"/hop{i}").respond_with_data("", status=302, headers={"Location": f"/hop{i + 1}"})
    assert fetch(web.url_for("/hop0")).error_kind == "too_many_redirects"


@pytest.mark.parametrize(
    ("location", "kind"),
    [
        ("ftp://127.0.0.1/file", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("http://0.0.0.0/", "blocked_address"),
    ],
)
def test_redirect_targets_are_rechecked(web: HTTPServer, location: str, kind: str) -> None:
    web.expect_request("/jump").respond_with_data("", status=302, headers={"Location": location})
    assert fetch(web.url_for("/jump")).error_kind == kind


def test_private_address_refused_unless_allowed(web: HTTPServer) -> None:
    web.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    result = fetch(web.url_for("/a"), allow_private=False)
    assert result.error_kind == "blocked_address"
    assert requests_to(web, "/a") == 0


def test_only_http_urls(web: HTTPServer) -> None:
    assert fetch("file:///etc/hostname").error_kind == "bad_scheme"


def test_huge_page_with_length_is_refused(web: HTTPServer) -> None:
    web.expect_request("/huge").respond_with_data("x" * (FAST.max_bytes + 1), content_type="text/html")
    assert fetch(web.url_for("/huge")).error_kind == "too_large"


def test_huge_streamed_page_without_length_is_cut(web: HTTPServer) -> None:
    def chunks():
        for _ in range(100):
            yield b"y" * 10_000

    web.expect_request("/stream").respond_with_response(Response(chunks(), content_type="text/html"))
    result = fetch(web.url_for("/stream"))
    assert result.error_kind == "too_large"
    assert result.body == b""


def test_gzip_bomb_is_stopped_at_the_decompressed_cap(web: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < FAST.max_bytes  # small on the wire, huge once inflated
    web.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert fetch(web.url_for("/bomb")).error_kind == "too_large"


def test_gzip_page_is_decompressed(web: HTTPServer) -> None:
    web.expect_request("/gz").respond_with_data(
        gzip.compress(PAGE.encode()), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert fetch(web.url_for("/gz")).body.decode() == PAGE


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/octet-stream"])
def test_wrong_content_type(web: HTTPServer, content_type: str) -> None:
    web.expect_request("/file").respond_with_data(b"\x89PNG....", content_type=content_type)
    assert fetch(web.url_for("/file")).error_kind == "bad_content_type"


def test_robots_txt_forbids_a_path_and_is_fetched_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n")
    httpserver.expect_request("/private/page").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/public").respond_with_data(PAGE, content_type="text/html")
    with Fetcher(FAST, rate_limit=1000, allow_private=True) as f:
        assert f.fetch(httpserver.url_for("/private/page")).error_kind == "robots_disallowed"
        assert f.fetch(httpserver.url_for("/public")).ok
    assert requests_to(httpserver, "/private/page") == 0
    assert requests_to(httpserver, "/robots.txt") == 1


def test_robots_txt_unavailable_means_stay_out(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("oops", status=500)
    httpserver.expect_request("/page").respond_with_data(PAGE, content_type="text/html")
    assert fetch(httpserver.url_for("/page")).error_kind == "robots_unavailable"
    assert requests_to(httpserver, "/page") == 0


def test_user_agent_is_sent(web: HTTPServer) -> None:
    settings = FetchSettings(**{**FAST.__dict__, "user_agent": "sitrep-test/9 (+ops@example.org)"})
    web.expect_request("/ua", headers={"User-Agent": "sitrep-test/9 (+ops@example.org)"}).respond_with_data(
        PAGE, content_type="text/html"
    )
    assert fetch(web.url_for("/ua"), settings).ok


def test_conditional_get_returns_not_modified(web: HTTPServer) -> None:
    web.expect_request("/feed", headers={"If-None-Match": '"v7"'}).respond_with_data("", status=304)
    web.expect_request("/feed").respond_with_data("<rss/>", content_type="application/rss+xml")
    first = fetch(web.url_for("/feed"))
    again = fetch(web.url_for("/feed"), validators=Validators(etag='"v7"'))
    assert first.ok and not first.not_modified
    assert again.ok and again.not_modified and again.body == b""


def test_rate_limit_spaces_requests_to_one_host(web: HTTPServer) -> None:
    for i in range(3):
        web.expect_request(f"/r{i}").respond_with_data(PAGE, content_type="text/html")
    with Fetcher(FAST, rate_limit=10, allow_private=True) as f:
        started = time.monotonic()
        results = f.fetch_many([web.url_for(f"/r{i}") for i in range(3)])
    assert all(r.ok for r in results)
    assert time.monotonic() - started >= 0.2  # robots + 3 pages at 10/s: at least 3 gaps of 0.1 s


def test_connection_refused_is_named() -> None:
    settings = FetchSettings(**{**FAST.__dict__, "retries": 0})
    assert fetch("http://127.0.0.1:9/", settings).error_kind == "connect_error"


@pytest.mark.parametrize(
    ("address", "allow_private", "blocked"),
    [
        ("127.0.0.1", False, True),
        ("10.1.2.3", False, True),
        ("192.168.0.10", False, True),
        ("169.254.169.254", False, True),
        ("::1", False, True),
        ("fe80::1", False, True),
        ("::ffff:127.0.0.1", False, True),
        ("100.64.0.1", False, True),
        ("8.8.8.8", False, False),
        ("2606:4700::1111", False, False),
        ("127.0.0.1", True, False),
        ("0.0.0.0", True, True),
        ("224.0.0.1", True, True),
    ],
)
def test_blocked_addresses(address: str, allow_private: bool, blocked: bool) -> None:
    assert is_blocked_address(address, allow_private=allow_private) is blocked


NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        ("0", 0.0),
        (" 5 ", 5.0),
        ("Wed, 01 May 2024 12:01:00 GMT", 60.0),
        ("Wed, 01 May 2024 11:00:00 GMT", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
        ("-3", None),
        ("Thu, 02 May 2024 12:00:00 GMT", 86400.0),
    ],
)
def test_parse_retry_after(header: str | None, seconds: float | None) -> None:
    assert parse_retry_after(header, NOW) == seconds


def test_requests_go_to_the_checked_address_with_the_real_host_name(
    web: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: a second, different DNS answer is never used; Host keeps the name."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.255.255.1"])  # checked answer, then a rebinding one

    def rebinding(host, port, *args, **kw):
        if host == "news.rebind.test":
            return real(next(answers, "10.255.255.1"), port, *args, **kw)
        return real(host, port, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    host = f"news.rebind.test:{web.port}"
    web.expect_request("/story", headers={"Host": host}).respond_with_data(PAGE, content_type="text/html")
    result = fetch(f"http://{host}/story", FetchSettings(**{**FAST.__dict__, "retries": 0}))
    assert result.ok, result
    assert result.final_url == f"http://{host}/story"
    assert next(answers) == "10.255.255.1"  # the name was resolved once, by the check
