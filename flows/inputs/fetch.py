"""Polite, defensive HTTP fetching: bytes in, a `FetchResult` out, never an exception.

Fetching never parses (see `flows/inputs/pages.py`). Every request is checked before it is
sent (http/https only, no private or loopback address unless the source allows it,
robots.txt), throttled per host (rate and concurrency), retried with exponential
backoff on transient failures only (5xx, 429 with Retry-After, timeouts, dropped
connections), and read as a stream with caps on both wire and decompressed size, so
a huge page or a gzip bomb costs at most the cap. Redirects are followed by hand so
that each target is re-checked. Each failure is a named `error_kind`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from flows.inputs.sources import FetchSettings

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
# Media types we can parse: pages (html, plain text) and feeds/sitemaps (xml flavours).
ACCEPTED_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml"}
)
ROBOTS_MAX_BYTES = 500_000  # robots.txt bigger than this is treated as unavailable (RFC 9309 asks >= 500 KiB)
TRANSIENT_KINDS = frozenset({"timeout", "connect_error", "protocol_error"})


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators remembered between runs for conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True)
class FetchResult:
    """Outcome of fetching one URL: a body, `not_modified`, or a named `error_kind`."""

    url: str  # as requested
    final_url: str  # after redirects
    fetched_at: dt.datetime
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None  # media type, lowercase, without parameters
    charset: str | None = None  # as declared by the server (may be wrong)
    validators: Validators = field(default_factory=Validators)
    not_modified: bool = False
    error_kind: str | None = None  # e.g. http_404, timeout, too_large, robots_disallowed
    message: str = ""
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error_kind is None


@dataclass(frozen=True)
class _Resolved:
    """A host's checked address, or why it may not be fetched."""

    address: str | None
    error_kind: str | None = None  # blocked_address, dns_error
    message: str = ""


@dataclass(frozen=True)
class _Hop:
    """One GET (no redirect following): its result, a redirect target, a Retry-After delay."""

    result: FetchResult
    location: str | None = None
    retry_after: float | None = None


def is_acceptable_type(media_type: str | None) -> bool:
    """True for types we can parse; a missing type is accepted and sniffed by the parser."""
    if not media_type:
        return True
    return media_type in ACCEPTED_TYPES or media_type.endswith("+xml")


def is_blocked_address(address: str, *, allow_private: bool) -> bool:
    """True for addresses a fetch must not reach: private, loopback, link-local, reserved..."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_multicast or ip.is_unspecified:
        return True
    return not allow_private and not ip.is_global


def parse_retry_after(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now).total_seconds())


class _CappedDecoder:
    """Decompress gzip/deflate bodies without ever producing more than the cap."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        wbits = {"gzip": 31, "x-gzip": 31, "deflate": 15}.get(encoding)
        if wbits is None:
            raise ValueError(f"unsupported content-encoding {encoding!r}")
        self._z = zlib.decompressobj(wbits)
        self._raw_deflate_tried = encoding != "deflate"

    def feed(self, chunk: bytes, room: int) -> tuple[bytes, bool]:
        """Decompress a chunk into at most `room + 1` bytes; True when the cap is exceeded."""
        try:
            out = self._z.decompress(chunk, room + 1)
        except zlib.error:
            if self._raw_deflate_tried:  # servers send raw deflate under "deflate": retry once
                raise
            self._raw_deflate_tried = True
            self._z = zlib.decompressobj(-15)
            out = self._z.decompress(chunk, room + 1)
        return out, len(out) > room or bool(self._z.unconsumed_tail)


class HostLimiter:
    """Per-host request spacing (`rate` per second) and concurrency cap, thread-safe."""

    def __init__(self, rate: float, max_concurrent: int) -> None:
        self.interval = 1.0 / rate
        self.max_concurrent = max_concurrent
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self._slots: dict[str, threading.Semaphore] = {}

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        with self._lock:
            sem = self._slots.setdefault(host, threading.Semaphore(self.max_concurrent))
        with sem:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next.get(host, now))
                self._next[host] = start + self.interval
            if start > now:
                time.sleep(start - now)
            yield


class Fetcher:
    """An httpx client with robots cache, address checks and per-host throttling.

    Use as a context manager; one per source (its `rate_limit` and `allow_private`).
    """

    def __init__(self, settings: FetchSettings, *, rate_limit: float = 1.0, allow_private: bool = False):
        self.settings = settings
        self.allow_private = allow_private
        self.limiter = HostLimiter(rate_limit, settings.max_connections_per_host)
        self._client = httpx.Client(
            timeout=httpx.Timeout(
                connect=settings.connect_timeout,
                read=settings.read_timeout,
                write=settings.read_timeout,
                pool=settings.total_timeout,
            ),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=settings.max_workers * 2),
        )
        self._lock = threading.Lock()
        self._robots: dict[str, RobotFileParser | FetchResult] = {}  # origin -> rules or failed fetch
        self._robots_locks: dict[str, threading.Lock] = {}
        self._addresses: dict[tuple[str, int], _Resolved] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_many(
        self, urls: Sequence[str], validators: dict[str, Validators] | None = None
    ) -> list[FetchResult]:
        """Fetch several URLs concurrently (bounded by `max_workers` and the per-host limits)."""
        validators = validators or {}
        with ThreadPoolExecutor(max_workers=self.settings.max_workers) as pool:
            return list(pool.map(lambda u: self.fetch(u, validators.get(u)), urls))

    def fetch(self, url: str, validators: Validators | None = None) -> FetchResult:
        """Fetch one URL; every failure comes back as a result with an `error_kind`."""
        try:
            return self._fetch(url, validators or Validators(), check_robots=True)
        except Exception as exc:  # a bug here must not stop a run: record it like any failure
            return self._failure(url, url, "unexpected", f"{type(exc).__name__}: {exc}")

    def _fetch(self, url: str, validators: Validators, *, check_robots: bool) -> FetchResult:
        visited: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            problem = self._check_target(url, current, check_robots=check_robots)
            if problem is not None:
                return problem
            visited.append(current)
            hop = self._get_with_retries(url, current, validators)
            if hop.location is None:
                return hop.result
            target = urljoin(current, hop.location).split("#", 1)[0]
            if target in visited:
                return self._failure(url, target, "redirect_loop", f"redirect back to {target}")
            current = target
        return self._failure(url, current, "too_many_redirects", f"more than {self.settings.max_redirects}")

    def _check_target(self, url: str, target: str, *, check_robots: bool) -> FetchResult | None:
        try:
            parts = urlsplit(target)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            return self._failure(url, target, "bad_url", str(exc))
        if parts.scheme not in ("http", "https"):
            return self._failure(url, target, "bad_scheme", f"only http(s) is fetched, not {parts.scheme!r}")
        if not parts.hostname:
            return self._failure(url, target, "bad_url", "no host")
        resolved = self._resolve(parts.hostname, port)
        if resolved.error_kind is not None:
            return self._failure(url, target, resolved.error_kind, resolved.message)
        if check_robots:
            return self._robots_check(url, target)
        return None

    def _resolve(self, host: str, port: int) -> _Resolved:
        """The address requests to `host` go to, checked once; every address must be allowed."""
        key = (host.lower(), port)
        with self._lock:
            if key in self._addresses:
                return self._addresses[key]
        try:
            addresses = [str(i[4][0]) for i in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
            blocked = [a for a in addresses if is_blocked_address(a, allow_private=self.allow_private)]
            if blocked:
                resolved = _Resolved(None, "blocked_address", f"{host} resolves to {blocked[0]}")
            elif not addresses:
                resolved = _Resolved(None, "dns_error", f"{host}: no address")
            else:
                resolved = _Resolved(addresses[0])
        except (socket.gaierror, UnicodeError, ValueError) as exc:
            resolved = _Resolved(None, "dns_error", f"{host}: {exc}")
        with self._lock:
            self._addresses[key] = resolved
        return resolved

    def _robots_check(self, url: str, target: str) -> FetchResult | None:
        """None when robots.txt lets us fetch `target`, else the named refusal."""
        parts = urlsplit(target)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per origin even under concurrency
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, FetchResult):
            return self._failure(url, target, rules.error_kind or "robots_unavailable", rules.message)
        if not rules.can_fetch(self.settings.user_agent, target):
            return self._failure(url, target, "robots_disallowed", "robots.txt forbids this path")
        return None

    def _load_robots(self, origin: str) -> RobotFileParser | FetchResult:
        """Rules for an origin: 4xx means no rules; 5xx or unreachable means stay out (RFC 9309)."""
        result = self._fetch(f"{origin}/robots.txt", Validators(), check_robots=False)
        rules = RobotFileParser()
        if result.ok:
            rules.parse(result.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace").splitlines())
        elif (result.status is not None and 400 <= result.status < 500) or result.error_kind in (
            "bad_content_type",
            "too_large",
        ):
            rules.parse([])  # no robots file we can read: no rules
        elif result.status is not None:
            return replace(
                result, error_kind="robots_unavailable", message=f"robots.txt: HTTP {result.status}"
            )
        else:
            return replace(result, message=f"robots.txt: {result.message}")
        return rules

    def _get_with_retries(self, url: str, target: str, validators: Validators) -> _Hop:
        s = self.settings
        hop = self._get_once(url, target, validators)
        for attempt in range(1, s.retries + 1):
            result = hop.result
            transient = result.error_kind in TRANSIENT_KINDS or (
                result.status is not None and (result.status >= 500 or result.status == 429)
            )
            if not transient or hop.location is not None:
                break
            delay = min(s.backoff * 2 ** (attempt - 1), s.max_backoff)
            if hop.retry_after is not None:
                if hop.retry_after > s.max_retry_after:
                    break
                delay = max(delay, hop.retry_after)
            time.sleep(delay)
            hop = self._get_once(url, target, validators)
            hop = replace(hop, result=replace(hop.result, attempts=attempt + 1))
        return hop

    def _get_once(self, url: str, target: str, validators: Validators) -> _Hop:
        s = self.settings
        parts = urlsplit(target)
        host = parts.hostname or ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = self._resolve(host, port).address
        if address is None:  # _check_target refused it already; never send the request
            return _Hop(self._failure(url, target, "blocked_address", f"{host} has no allowed address"))
        # Connect to the address we checked, not to a second DNS answer (DNS rebinding);
        # the server still sees the real host name in Host and, for https, in SNI.
        ip_host = f"[{address}]" if ":" in address else address
        pinned = urlunsplit((parts.scheme, f"{ip_host}:{port}", parts.path or "/", parts.query, ""))
        name = f"[{host}]" if ":" in host else host
        headers = {"Host": name if parts.port is None else f"{name}:{parts.port}", **validators.headers()}
        extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
        deadline = time.monotonic() + s.total_timeout
        with self.limiter.slot(f"{host}:{port}"):
            try:
                with self._client.stream("GET", pinned, headers=headers, extensions=extensions) as resp:
                    return self._read(url, target, resp, deadline)
            except httpx.TimeoutException as exc:
                return _Hop(self._failure(url, target, "timeout", f"{type(exc).__name__}: {exc}"))
            except httpx.ConnectError as exc:
                return _Hop(self._failure(url, target, "connect_error", str(exc)))
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                return _Hop(self._failure(url, target, "protocol_error", f"{type(exc).__name__}: {exc}"))
            except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
                return _Hop(self._failure(url, target, "bad_url", str(exc)))
            except httpx.HTTPError as exc:
                return _Hop(self._failure(url, target, "http_error", f"{type(exc).__name__}: {exc}"))

    def _read(self, url: str, target: str, resp: httpx.Response, deadline: float) -> _Hop:
        s = self.settings
        now = _now()
        status = resp.status_code
        media_type, charset = _content_type(resp.headers.get("content-type"))
        base = FetchResult(url, target, now, status=status, content_type=media_type, charset=charset)

        def fail(kind: str, message: str, retry_after: float | None = None) -> _Hop:
            return _Hop(replace(base, error_kind=kind, message=message), None, retry_after)

        if status in REDIRECT_CODES and resp.headers.get("location"):
            return _Hop(base, location=resp.headers["location"])
        if status == 304:
            return _Hop(replace(base, not_modified=True))
        if status >= 400 or status < 200 or status in REDIRECT_CODES:
            return fail(
                f"http_{status}", resp.reason_phrase, parse_retry_after(resp.headers.get("retry-after"), now)
            )
        if not is_acceptable_type(media_type):
            return fail("bad_content_type", f"content-type {media_type}")
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > s.max_bytes:
            return fail("too_large", f"content-length {length} > {s.max_bytes}")
        encoding = resp.headers.get("content-encoding", "identity").strip().lower()
        try:
            decoder = None if encoding in ("", "identity") else _CappedDecoder(encoding)
        except ValueError as exc:
            return fail("bad_encoding", str(exc))
        body = bytearray()
        wire = 0
        try:
            for chunk in resp.iter_raw(chunk_size=65536):
                wire += len(chunk)
                if wire > s.max_bytes:
                    return fail("too_large", f"more than {s.max_bytes} bytes on the wire")
                if time.monotonic() > deadline:
                    return fail("timeout", f"body took longer than {s.total_timeout}s")
                room = s.max_decompressed_bytes - len(body)
                data, over = decoder.feed(chunk, room) if decoder else (chunk, len(chunk) > room)
                if over:
                    return fail("too_large", f"more than {s.max_decompressed_bytes} bytes decompressed")
                body += data
        except zlib.error as exc:
            return fail("bad_encoding", f"{encoding}: {exc}")
        validators = Validators(resp.headers.get("etag"), resp.headers.get("last-modified"))
        return _Hop(replace(base, body=bytes(body), validators=validators))

    @staticmethod
    def _failure(url: str, target: str, kind: str, message: str) -> FetchResult:
        return FetchResult(url, target, _now(), error_kind=kind, message=message)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower() or None, charset


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
