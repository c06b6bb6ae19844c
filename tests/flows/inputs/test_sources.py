"""Loading and validating the sources file: good files load, every mistake is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import REPO

from flows.inputs.sources import FetchSettings, SourcesError, load_sources, source_slug

EXAMPLE = REPO / "examples" / "sources.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads() -> None:
    config = load_sources(EXAMPLE)
    kinds = {s.kind for s in config.sources}
    assert kinds == {"rss", "sitemap", "urls", "folder", "jsonl"}
    assert all(s.slug for s in config.sources)


def test_full_source_and_fetch_tables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[fetch]
user_agent = "sitrep-test/1 (+ops@example.org)"
read_timeout = 3
retries = 0

[[sources]]
name = "Border Wire"
kind = "rss"
url = "https://news.example.org/feed.xml"
max_articles = 10
rate_limit = 0.5
language = "en"
tags = ["wire", "border"]
recheck_days = 0

[[sources]]
name = "local drops"
kind = "folder"
path = "drops"
enabled = false
""",
    )
    config = load_sources(path)
    feed, folder = config.sources
    assert feed.url == "https://news.example.org/feed.xml"
    assert (feed.max_articles, feed.rate_limit, feed.tags, feed.recheck_days) == (
        10,
        0.5,
        ("wire", "border"),
        0,
    )
    assert feed.allow_private is False
    assert folder.path == tmp_path / "drops"
    assert config.enabled == (feed,)
    assert config.fetch.read_timeout == 3.0 and config.fetch.retries == 0
    assert config.fetch.max_bytes == FetchSettings().max_bytes


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://x.org/f"\nmax_article = 3\n', "unknown keys"),
        ('[[sources]]\nname = "a"\nkind = "podcast"\nurl = "https://x.org/f"\n', "kind must be one of"),
        ('[[sources]]\nname = "a"\nkind = "rss"\n', "needs 'url'"),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "ftp://x.org/f"\n', "only absolute http"),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "/etc/passwd"\n', "only absolute http"),
        ('[[sources]]\nname = "a"\nkind = "urls"\nurls = []\n', "non-empty list"),
        ('[[sources]]\nname = "a"\nkind = "folder"\nurl = "https://x.org"\n', "does not apply"),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://x.org/f"\nrate_limit = 0\n', "> 0"),
        (
            '[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://x.org/f"\nmax_articles = "5"\n',
            "must be a int",
        ),
        ('[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://x.org/f"\nenabled = 1\n', "must be a bool"),
        ('[[sources]]\nname = "../.."\nkind = "rss"\nurl = "https://x.org/f"\n', "letters or digits"),
        ('[[sources]]\nkind = "rss"\nurl = "https://x.org/f"\n', "name must be a str"),
        (
            '[[sources]]\nname = "A b"\nkind = "rss"\nurl = "https://x.org/f"\n'
            '[[sources]]\nname = "a-b"\nkind = "rss"\nurl = "https://x.org/g"\n',
            "same file name",
        ),
        ('[fetch]\ntimeout = 3\n[[sources]]\nname = "a"\nkind = "rss"\nurl = "https://x.org/f"\n', "[fetch]"),
        ("[feeds]\nx = 1\n", "unknown top-level"),
        ("", "non-empty list"),
        ("[[sources]\n", "not valid TOML"),
    ],
)
def test_bad_files_are_clear_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(SourcesError, match=None) as info:
        load_sources(write(tmp_path, body))
    assert message in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="not found"):
        load_sources(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Border Wire", "border-wire"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", ""),
        ("a/b\\c", "a-b-c"),
        ("source=x", "source-x"),
        ("Ünïcode News", "n-code-news"),
        ("  spaced  ", "spaced"),
        ("under_score-ok", "under_score-ok"),
        (".hidden", "hidden"),
        ("x" * 100, "x" * 64),
    ],
)
def test_source_slug_is_path_safe(name: str, slug: str) -> None:
    assert source_slug(name) == slug
    assert "/" not in slug and ".." not in slug
