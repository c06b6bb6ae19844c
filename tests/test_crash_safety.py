"""Crash safety: a run killed with SIGKILL at any point is completed by the next run, exactly once.

Real `sitrep` subprocesses on a generated corpus; the moment to kill is found by watching
the output folder (the lock, staged batches, `_tmp-` files, dataset folders), not by hooks
in the code. After the kill, what pandas sees must be whole; after one more run the
datasets must equal those of a single clean run: same article ids, same event ids, no
duplicates, no leftovers, and the dead run's lock did not block the new run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fixtures.runs import (
    RUN_TIMEOUT,
    Snapshot,
    assert_whole,
    finish,
    kill_when,
    prefect_server,
    snapshot,
    start,
    write_corpus,
)

pytestmark = [pytest.mark.slow, pytest.mark.model]

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
    assert not locked(out)
    assert not files(out / "_staging", "*.parquet")
