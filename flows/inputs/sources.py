"""The sources file: which feeds, sitemaps, URL lists and local files the ingest flow reads.

A TOML file with `[[sources]]` tables and an optional `[fetch]` table (see
`examples/sources.toml` and `docs/ingest.md`). Loaded explicitly, never at import;
every mistake (unknown key, bad kind, wrong type, missing field) is a `SourcesError`
naming the source and the key, so a typo never silently disables a source.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

SourceKind = Literal["rss", "sitemap", "urls", "folder", "jsonl"]
SOURCE_KINDS: tuple[str, ...] = get_args(SourceKind)
NETWORK_KINDS = ("rss", "sitemap", "urls")

_SLUG_UNSAFE = re.compile(r"[^a-z0-9_-]+")


class SourcesError(ValueError):
    """A sources file or table that cannot be used as written."""


def source_slug(name: str) -> str:
    """File- and partition-safe form of a source name: no separators, dots or traversal.

    Lowercase ASCII letters, digits, `_` and `-` only, at most 64 characters;
    empty when nothing usable is left (the loader refuses such names).
    """
    return _SLUG_UNSAFE.sub("-", name.strip().lower()).strip("-_")[:64]


@dataclass(frozen=True)
class FetchSettings:
    """How politely and defensively pages are fetched; shared by all sources of a file."""

    user_agent: str = "sitrep/0.1 (+https://github.com/sitrep/sitrep)"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0  # whole request incl. a slowly dripping body
    retries: int = 3  # extra attempts after a transient failure
    backoff: float = 0.5  # first retry delay in seconds, doubled each time
    max_backoff: float = 30.0
    max_retry_after: float = 60.0  # longest Retry-After we honour; longer -> give up
    max_bytes: int = 5_000_000  # bytes on the wire
    max_decompressed_bytes: int = 20_000_000  # bytes after gzip/deflate
    max_redirects: int = 5
    max_connections_per_host: int = 2
    max_workers: int = 8


@dataclass(frozen=True)
class Source:
    """One configured input; `kind` decides which of `url`, `urls`, `path` is used."""

    name: str
    kind: SourceKind
    url: str | None = None  # rss, sitemap
    urls: tuple[str, ...] = ()  # urls
    path: Path | None = None  # folder, jsonl (relative paths resolve against the sources file)
    enabled: bool = True
    max_articles: int = 50  # new or updated articles taken per run
    rate_limit: float = 1.0  # requests per second per host
    language: str = "en"  # expected language; detection still decides
    tags: tuple[str, ...] = ()
    allow_private: bool = False  # allow loopback/private/link-local hosts (tests, intranets)
    recheck_days: int = 2  # pages fetched within N days are re-checked (conditional GET)

    @property
    def slug(self) -> str:
        """The name as used in file and partition names."""
        return source_slug(self.name)


@dataclass(frozen=True)
class SourcesConfig:
    """All sources of one file plus the fetch settings they share."""

    sources: tuple[Source, ...]
    fetch: FetchSettings = field(default_factory=FetchSettings)

    @property
    def enabled(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.enabled)


def load_sources(path: str | Path) -> SourcesConfig:
    """Read and validate a sources TOML file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"sources file not found: {path}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: not valid TOML: {exc}") from exc
    unknown = set(data) - {"sources", "fetch"}
    if unknown:
        raise SourcesError(f"{path}: unknown top-level keys {sorted(unknown)}; expected [[sources]], [fetch]")
    return sources_from_tables(data.get("sources", []), data.get("fetch"), base_dir=path.parent)


def sources_from_tables(sources: Any, fetch: Any = None, *, base_dir: Path | None = None) -> SourcesConfig:
    """Validate already-parsed `[[sources]]` and `[fetch]` tables (e.g. from the main config)."""
    base_dir = base_dir or Path.cwd()
    if not isinstance(sources, list) or not sources:
        raise SourcesError("expected a non-empty list of [[sources]] tables")
    parsed = tuple(_source(i, table, base_dir) for i, table in enumerate(sources))
    seen: dict[str, str] = {}
    for s in parsed:
        if s.slug in seen:
            raise SourcesError(f"sources {seen[s.slug]!r} and {s.name!r} have the same file name {s.slug!r}")
        seen[s.slug] = s.name
    return SourcesConfig(parsed, _fetch_settings(fetch or {}))


def _fetch_settings(table: Any) -> FetchSettings:
    if not isinstance(table, Mapping):
        raise SourcesError("[fetch] must be a table")
    allowed = {f.name: f for f in fields(FetchSettings)}
    unknown = set(table) - set(allowed)
    if unknown:
        raise SourcesError(f"[fetch]: unknown keys {sorted(unknown)}; allowed: {sorted(allowed)}")
    values: dict[str, Any] = {}
    for key, value in table.items():
        default = allowed[key].default
        if isinstance(default, str):
            values[key] = _typed(f"[fetch].{key}", value, str)
        elif isinstance(default, int):
            values[key] = _positive(f"[fetch].{key}", value, int, zero_ok=key == "retries")
        else:
            values[key] = _positive(f"[fetch].{key}", value, float)
    return FetchSettings(**values)


_SOURCE_KEYS = {f.name for f in fields(Source)}
_KIND_FIELDS = {"rss": "url", "sitemap": "url", "urls": "urls", "folder": "path", "jsonl": "path"}


def _source(index: int, table: Any, base_dir: Path) -> Source:
    if not isinstance(table, Mapping):
        raise SourcesError(f"sources[{index}] must be a table")
    where = f"source {table.get('name', f'#{index}')!r}"
    unknown = set(table) - _SOURCE_KEYS
    if unknown:
        raise SourcesError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_SOURCE_KEYS)}")
    name = _typed(f"{where}.name", table.get("name"), str)
    if not source_slug(name):
        raise SourcesError(f"{where}: name must contain letters or digits")
    kind = table.get("kind")
    if kind not in SOURCE_KINDS:
        raise SourcesError(f"{where}: kind must be one of {list(SOURCE_KINDS)}, got {kind!r}")
    needed = _KIND_FIELDS[kind]
    for other in set(_KIND_FIELDS.values()) - {needed}:
        if other in table:
            raise SourcesError(f"{where}: key {other!r} does not apply to kind {kind!r} (use {needed!r})")
    if needed not in table:
        raise SourcesError(f"{where}: kind {kind!r} needs {needed!r}")
    values: dict[str, Any] = {"name": name, "kind": kind}
    if needed == "url":
        values["url"] = _http_url(f"{where}.url", table["url"])
    elif needed == "urls":
        urls = table["urls"]
        if not isinstance(urls, list) or not urls:
            raise SourcesError(f"{where}.urls must be a non-empty list of URLs")
        values["urls"] = tuple(_http_url(f"{where}.urls", u) for u in urls)
    else:
        path = Path(_typed(f"{where}.path", table["path"], str)).expanduser()
        values["path"] = path if path.is_absolute() else base_dir / path
    for key, typ in (("enabled", bool), ("allow_private", bool), ("language", str)):
        if key in table:
            values[key] = _typed(f"{where}.{key}", table[key], typ)
    if "max_articles" in table:
        values["max_articles"] = _positive(f"{where}.max_articles", table["max_articles"], int)
    if "recheck_days" in table:
        values["recheck_days"] = _positive(f"{where}.recheck_days", table["recheck_days"], int, zero_ok=True)
    if "rate_limit" in table:
        values["rate_limit"] = _positive(f"{where}.rate_limit", table["rate_limit"], float)
    if "tags" in table:
        tags = table["tags"]
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise SourcesError(f"{where}.tags must be a list of strings")
        values["tags"] = tuple(tags)
    return Source(**values)


def _typed(where: str, value: Any, typ: type) -> Any:
    if not isinstance(value, typ) or (typ is not bool and isinstance(value, bool)):
        raise SourcesError(f"{where} must be a {typ.__name__}, got {value!r}")
    return value


def _positive(where: str, value: Any, typ: type, *, zero_ok: bool = False) -> Any:
    if typ is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    _typed(where, value, typ)
    if value < 0 or (value == 0 and not zero_ok):
        raise SourcesError(f"{where} must be {'>= 0' if zero_ok else '> 0'}, got {value!r}")
    return value


def _http_url(where: str, value: Any) -> str:
    url = _typed(where, value, str).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{where}: only absolute http(s) URLs are allowed, got {value!r}")
    return url
