"""Crash safety: a run killed with SIGKILL at any point is completed by the next run, exactly once.

Real `sitrep` subprocesses on a generated corpus; the moment to kill is found by watching
the output folder (staging files, `_tmp-` files, the lock), not by hooks in the code. After
the kill, what pandas sees must be whole; after one more run the datasets must equal those
of a single clean run: same article ids, same event ids, no duplicates, no leftovers.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

SITREP = Path(sys.executable).parent / "sitrep"
ARTICLES = 240
RUN_TIMEOUT = 300.0
# News-style sentences written for these tests; place names and numbers vary per article.
TEMPLATES = (
    "Warplanes struck the village of {place} on {weekday}, killing {n} civilians, a monitor said.",
    "At least {n} fighters were killed when drones hit a base near {place} {when}.",
    "{n} young men from {place} joined the local militia last week, relatives said.",
    "Elders in {place} signed a settlement agreement with the government on {weekday}.",
    "Shops in {place} reopened after a quiet night, and schools plan to resume classes soon.",
)
PLACES = ("Karmel", "Tell Sabra", "Ouda", "Nabi Hamra", "Jisr Alwan", "Deir Mansour", "Rasafa")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def write_corpus(path: Path, count: int = ARTICLES) -> Path:
    """A JSON Lines input of `count` short articles, each with three to five sentences."""
    lines = []
    for i in range(count):
        sentences = [
            TEMPLATES[(i + k) % len(TEMPLATES)].format(
                place=PLACES[(i * 3 + k) % len(PLACES)], weekday=WEEKDAYS[(i + k) % len(WEEKDAYS)],
                n=(i * 7 + k) % 40 + 2, when="yesterday" if k % 2 else "on Sunday",
            )
            for k in range(3 + i % 3)
        ]  # fmt: skip
        record = {
            "id": f"crash-{i:04d}",
            "url": f"https://news.example/crash/{i}",
            "title": f"Report {i}",
            "published": f"2024-0{1 + i % 9}-1{i % 10}",
            "text": " ".join(sentences),
        }
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass(frozen=True)
class Snapshot:
    """What a user reading the output folder with pandas sees."""

    article_ids: frozenset[str]
    event_ids: frozenset[str]
    articles: int
    events: int


def read_dataset(folder: Path) -> pd.DataFrame:
    return pd.read_parquet(folder) if folder.exists() else pd.DataFrame(columns=["article_id", "event_id"])


def snapshot(out: Path) -> Snapshot:
    articles = read_dataset(out / "articles")
    events = read_dataset(out / "events")
    return Snapshot(
        frozenset(articles["article_id"]), frozenset(events["event_id"]), len(articles), len(events)
    )


def start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING", "DO_NOT_TRACK": "1"}
    with log.open("ab") as handle:
        return subprocess.Popen([str(SITREP), *args], stdout=handle, stderr=subprocess.STDOUT, env=env)


def finish(args: list[str], log: Path) -> int:
    proc = start(args, log)
    try:
        return proc.wait(timeout=RUN_TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def kill_when(
    proc: subprocess.Popen[bytes], moment: Callable[[], bool], timeout: float = RUN_TIMEOUT
) -> None:
    """SIGKILL `proc` as soon as `moment()` holds; fail if the run ends first."""
    deadline = time.monotonic() + timeout
    while not moment():
        assert proc.poll() is None, "the run finished before the moment to kill it came"
        assert time.monotonic() < deadline, "the moment to kill never came"
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL


def files(out: Path, pattern: str) -> list[Path]:
    return list(out.rglob(pattern)) if out.exists() else []


def staged(out: Path) -> bool:
    """Extraction under way: a batch has been staged, nothing is committed yet."""
    return bool(files(out / "_staging", "*.parquet")) and not (out / "events").exists()


def committing(out: Path) -> bool:
    """Writing the datasets: a `_tmp-` file outside staging, or a dataset folder appeared."""
    tmp = [p for p in files(out, "_tmp-*") if "_staging" not in p.parts]
    return bool(tmp) or (out / "articles").exists() or (out / "events").exists()


def locked(out: Path) -> bool:
    return (out / "_lock.json").exists()


MOMENTS: dict[str, Callable[[Path], bool]] = {
    "at_lock": locked,
    "extracting": staged,
    "committing": committing,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("input") / "articles.jsonl")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The datasets of one clean run: the reference every recovered run must equal."""
    out = tmp_path_factory.mktemp("clean") / "out"
    log = out.parent / "run.log"
    assert finish(["extract", str(corpus), "--out", str(out)], log) == 0, log.read_text()
    reference = snapshot(out)
    assert reference.articles == ARTICLES and reference.events > ARTICLES
    return reference


def assert_whole(out: Path) -> None:
    """Every dataset folder reads with pandas and holds no duplicate keys."""
    articles = read_dataset(out / "articles")
    events = read_dataset(out / "events")
    assert not articles["article_id"].duplicated().any()
    assert not events["event_id"].duplicated().any()
    if (out / "rejects").exists():
        pd.read_parquet(out / "rejects")


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_extract_killed_then_rerun_equals_one_clean_run(
    moment: str, corpus: Path, clean: Snapshot, tmp_path: Path
) -> None:
    out, log = tmp_path / "out", tmp_path / "run.log"
    args = ["extract", str(corpus), "--out", str(out)]
    kill_when(start(args, log), lambda: MOMENTS[moment](out))
    assert_whole(out)
    started = time.monotonic()
    assert finish(args, log) == 0, log.read_text()
    assert time.monotonic() - started < RUN_TIMEOUT  # a stale lock did not block the rerun
    assert_whole(out)
    assert snapshot(out) == clean
    assert not locked(out)
    assert not files(out / "_staging", "*.parquet")
