"""Hostile and broken input: every bad record is a named reject or is processed safely.

Fetch safety here adds to `tests/flows/inputs/test_fetch.py` (H3): other spellings of loopback,
more schemes, and pages whose scripts, frames and styles must never be loaded or run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fixtures.hostile import (
    EVENT_SENTENCE,
    SCRIPT_HEAVY_HTML,
    HostileCase,
    five_mb_text,
    folder_files,
    jsonl_cases,
    write_folder,
    write_jsonl,
)
from fixtures.runs import finish, prefect_server
from pytest_httpserver import HTTPServer

from extractors.schema import Article, Reject
from flows.inputs.fetch import Fetcher
from flows.inputs.readers import read_input
from flows.inputs.sources import FetchSettings

# 5 MB of text is about 250 chunks of 20,000 characters: minutes of parsing on a busy machine.
HUGE_TIMEOUT = 1800.0
FAST = FetchSettings(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0, retries=0)


def fetch(url: str, *, allow_private: bool = False):
    with Fetcher(FAST, rate_limit=1000, allow_private=allow_private) as fetcher:
        return fetcher.fetch(url)


# ---- fetching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "127.1",
        "2130706433",
        "0x7f000001",
        "0x7f.1",
        "017700000001",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "127.0.0.1",
    ],
)
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


# ---- names that could become paths ---------------------------------------------------------

HOSTILE_IDS = (
    "../../escape",
    "/etc/passwd",
    "a/../../b",
    "C:\\windows\\evil",
    "x" * 5000,
    "nul\x00id",
    "bucket-00/part-0.parquet",
    "_lock.json",
    "..",
    "ünï/cödé",
)


def test_hostile_article_ids_never_become_paths(tmp_path: Path) -> None:
    """Ids from the input are column values only: files land in hashed bucket folders inside OUT."""
    from flows.storage.store import Store

    out = tmp_path / "deep" / "out"
    writer = Store(str(out)).stage("hostile-ids")
    articles = [Article(article_id=i, text=EVENT_SENTENCE, run_id="hostile-ids") for i in HOSTILE_IDS]
    writer.add_articles(articles)
    writer.add_events([a.article_id for a in articles], [])
    writer.commit()
    outside = [p for p in tmp_path.rglob("*") if out not in p.parents and p != out and p != out.parent]
    assert outside == []
    folders = {p.parent.relative_to(out).as_posix() for p in out.rglob("*.parquet")}
    buckets = {f"{d}/bucket-{b:02d}" for d in ("articles", "events") for b in range(16)}
    assert folders <= buckets | {"rejects", "incidents"}  # incident folders are named by type and month
    assert set(pd.read_parquet(out / "articles")["article_id"]) == set(HOSTILE_IDS)


def test_hostile_source_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    from flows.inputs.sources import SourcesError, load_sources
    from flows.inputs.state import IngestState, save_source_state

    names = ["../../../escape", "/abs/path", "a\\..\\b", "source=../x", "..."]
    tables = "".join(
        f'[[sources]]\nname = "{n}"\nkind = "urls"\nurls = ["https://news.example/{i}"]\n'
        for i, n in enumerate(names)
    )
    (tmp_path / "sources.toml").write_text(tables.replace("\\", "\\\\"), encoding="utf-8")
    with pytest.raises(SourcesError, match="letters or digits"):  # "..." leaves nothing usable
        load_sources(tmp_path / "sources.toml")
    (tmp_path / "sources.toml").write_text(tables.rsplit("[[sources]]", 1)[0].replace("\\", "\\\\"))
    config = load_sources(tmp_path / "sources.toml")
    out = tmp_path / "out"
    for source in config.sources:
        assert "/" not in source.slug and ".." not in source.slug and source.slug
        save_source_state(str(out), source.slug, IngestState())
    written = [p for p in tmp_path.rglob("*.parquet")]
    assert written and all(out in p.parents for p in written)


# ---- whole runs: `sitrep extract` on hostile input -----------------------------------------


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with prefect_server(tmp_path_factory.mktemp("prefect")) as environment:
        yield environment


def outcomes(out: Path, cases: list[HostileCase], input_path: Path) -> dict[str, str]:
    """What became of each case: `events:N` when extracted, else `reject:<stage>/<kind>`."""
    line_of = {i + 1: c.name for i, c in enumerate(cases)}
    ids = {c.name: _case_id(c) for c in cases}
    articles = pd.read_parquet(out / "articles")
    events = (
        pd.read_parquet(out / "events") if (out / "events").exists() else pd.DataFrame({"article_id": []})
    )
    rejects = pd.read_parquet(out / "rejects")
    found: dict[str, str] = {}
    for row in rejects.itertuples():
        where = re.search(re.escape(str(input_path)) + r":(\d+):", row.message)
        if where:
            name = line_of[int(where[1])]
        else:  # by id; of cases sharing an id, the one expecting this kind of reject
            named = [c for c in cases if ids[c.name] == row.article_id]
            name = max(named, key=lambda c: row.error_kind in c.reject_kinds).name
        found[name] = f"reject:{row.stage}/{row.error_kind}"
    for name, article_id in ids.items():
        if name not in found and article_id in set(articles["article_id"]):
            found[name] = f"events:{int((events['article_id'] == article_id).sum())}"
    return found


def _case_id(case: HostileCase) -> str | None:
    match = re.search(rb'"id": "([^"]+)"', case.line)
    return match[1].decode() if match else None


def run_summary(out: Path) -> pd.Series:
    runs = pd.read_parquet(out / "runs")
    assert len(runs) == 1
    return runs.iloc[0]


@pytest.mark.slow
@pytest.mark.model
def test_extract_run_on_hostile_input_finishes_and_counts_add_up(tmp_path: Path, env: dict[str, str]) -> None:
    cases = [c for c in jsonl_cases() if c.name != "five_mb"]
    path = write_jsonl(tmp_path / "hostile.jsonl", cases)
    out, log = tmp_path / "out", tmp_path / "run.log"
    assert finish(["extract", str(path), "--out", str(out)], log, env) == 0, log.read_text()
    run = run_summary(out)
    assert run["status"] == "completed"
    assert run["articles_read"] == len(cases)
    assert run["articles_read"] == run["articles_processed"] + run["articles_rejected"]
    rejects = pd.read_parquet(out / "rejects")
    assert len(rejects) == run["articles_rejected"]
    assert rejects["error_kind"].notna().all() and (rejects["message"].str.len() > 0).all()
    found = outcomes(out, cases, path)
    print("\n".join(f"{name}: {outcome}" for name, outcome in found.items()))
    assert set(found) == {c.name for c in cases}  # every case accounted for, none lost silently
    for case in cases:
        if case.reject_kinds:
            assert found[case.name].split("/")[-1] in case.reject_kinds, (case.name, found[case.name])
    assert found["non_english"] == "reject:language/unsupported_language"
    assert found["good"].startswith("events:") and found["good"] != "events:0"
    events = pd.read_parquet(out / "events")
    texts = {c.name: c for c in cases}
    assert texts  # evidence of every event is the exact slice of its article's text
    stored = pd.read_parquet(out / "articles").set_index("article_id")["text"]
    for row in events.itertuples():
        assert stored[row.article_id][row.evidence_start : row.evidence_end] == row.evidence


@pytest.mark.slow
@pytest.mark.model
def test_five_megabyte_article_is_a_too_long_reject_by_default_and_costs_seconds(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """It held a run for ~14 minutes; past the default cap (1,000,000 characters) it is not extracted."""
    (case,) = [c for c in jsonl_cases() if c.name == "five_mb"]
    path = write_jsonl(tmp_path / "huge.jsonl", [case])
    out, log = tmp_path / "out", tmp_path / "run.log"
    started = time.monotonic()
    assert finish(["extract", str(path), "--out", str(out)], log, env, timeout=300) == 0, log.read_text()
    seconds = time.monotonic() - started
    run = run_summary(out)
    assert (run["articles_read"], run["articles_processed"], run["articles_rejected"]) == (1, 0, 1)
    (message,) = pd.read_parquet(out / "rejects").query("error_kind == 'too_long'")["message"]
    assert "5,242,880 characters > max_chars 1,000,000" in message
    assert len(pd.read_parquet(out / "articles")) == 1  # kept, so a later run skips it as seen
    print(f"5 MB article with the default cap: {seconds:.0f} s, {message}")


@pytest.mark.slow
@pytest.mark.model
def test_five_megabyte_article_is_extracted_in_chunks_with_offsets_kept(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Beyond spaCy's max_length: extracted in chunks, every offset still points into the whole text
    (with `max_chars` raised above the article's length: by default it is a `too_long` reject)."""
    (case,) = [c for c in jsonl_cases() if c.name == "five_mb"]
    path = write_jsonl(tmp_path / "huge.jsonl", [case])
    out, log = tmp_path / "out", tmp_path / "run.log"
    (tmp_path / "big.toml").write_text("max_chars = 6000000\n")
    args = ["extract", str(path), "--out", str(out), "--config", str(tmp_path / "big.toml")]
    started = time.monotonic()
    assert finish(args, log, env, timeout=HUGE_TIMEOUT) == 0, log.read_text()
    print(f"5 MB article: {time.monotonic() - started:.0f} s")
    run = run_summary(out)
    assert (run["articles_read"], run["articles_processed"], run["articles_rejected"]) == (1, 1, 0)
    events = pd.read_parquet(out / "events")
    text = five_mb_text()
    assert len(events) > 100 and not events["event_id"].duplicated().any()
    assert events["evidence_end"].max() > 4_000_000  # events from the last chunks too
    for row in events.itertuples():
        assert text[row.evidence_start : row.evidence_end] == row.evidence
