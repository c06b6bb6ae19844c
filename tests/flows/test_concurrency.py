"""Concurrent runs on one output folder: never corrupt data; a second writer waits or stops naming the holder.

Real processes throughout: each writer is a separate Python process using the store,
or a `sitrep` command; the datasets are read back with pandas.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from fixtures.runs import assert_whole, finish, prefect_server, snapshot, start, write_corpus
from paths import REPO

from flows.storage.store import LOCK_NAME, LockHeld, Store

# A writer process: stage `count` articles with one event each, then commit under the lock.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from extractors.schema import Article, Event
    from flows.storage.store import Store
    out, run_id, first, count, wait, hold = sys.argv[1:7]
    first, count, wait = int(first), int(count), float(wait)
    store = Store(out)
    with store.lock(run_id, wait=wait):
        print("locked", flush=True)
        if hold.startswith("/"):  # hold the lock until this file exists
            while not Path(hold).exists():
                time.sleep(0.05)
        else:
            time.sleep(float(hold))
        writer = store.stage(run_id)
        ids = [f"art-{i:05d}" for i in range(first, first + count)]
        text = "Jets struck a depot near Town D, killing two guards."
        writer.add_articles([Article(article_id=i, text=text, run_id=run_id) for i in ids])
        events = [Event(event_id=Event.make_id(i, "air_strike", 0, 10), article_id=i, event_type="air_strike",
                        evidence=text[:10], evidence_start=0, evidence_end=10, run_id=run_id) for i in ids]
        writer.add_events(ids, events)
        writer.commit()
    print("committed", flush=True)
    """
)


def writer(out: Path, run_id: str, first: int, count: int, *, wait: float = 0.0, hold: float | Path = 0.0):
    args = [sys.executable, "-c", WRITER, str(out), run_id, str(first), str(count), str(wait), str(hold)]
    return subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_line(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == line, proc.stderr.read() if proc.stderr else ""


def read(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / name)


def test_second_writer_stops_at_once_naming_the_holder(tmp_path: Path) -> None:
    release = tmp_path / "release"
    holder = writer(tmp_path, "run-holder", 0, 50, hold=release)
    wait_for_line(holder, "locked")
    started = time.monotonic()
    second = writer(tmp_path, "run-second", 50, 50, wait=0.0)
    _, err = second.communicate(timeout=120)
    release.touch()
    assert second.returncode != 0
    assert time.monotonic() - started < 60  # no waiting: the time is Python's start-up alone
    assert "LockHeld" in err and "run-holder" in err and f"pid {holder.pid}" in err
    assert holder.wait(timeout=60) == 0
    assert sorted(read(tmp_path, "articles")["run_id"].unique()) == ["run-holder"]


def test_waiting_writers_both_commit_without_corruption(tmp_path: Path) -> None:
    """Overlapping article ids: the last commit wins per article, nothing is duplicated or lost."""
    procs = [writer(tmp_path, f"run-{k}", k * 30, 60, wait=120.0, hold=0.5) for k in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    articles, events = read(tmp_path, "articles"), read(tmp_path, "events")
    expected = {f"art-{i:05d}" for i in range(0, 2 * 30 + 60)}
    assert set(articles["article_id"]) == expected and len(articles) == len(expected)
    assert set(events["article_id"]) == expected and not events["event_id"].duplicated().any()
    # each article's row and its event were written by the same run
    merged = articles.merge(events, on="article_id", suffixes=("_a", "_e"))
    assert (merged["run_id_a"] == merged["run_id_e"]).all()
    assert not (tmp_path / LOCK_NAME).exists()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(out: Path, **holder: object) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / LOCK_NAME).write_text(json.dumps(holder))


def test_lock_of_a_dead_process_on_this_host_is_broken(tmp_path: Path) -> None:
    write_lock(tmp_path, run_id="killed-run", pid=dead_pid(), host=socket.gethostname(), started="x")
    with Store(str(tmp_path)).lock("next-run"):
        assert json.loads((tmp_path / LOCK_NAME).read_text())["run_id"] == "next-run"
    assert not (tmp_path / LOCK_NAME).exists()


@pytest.mark.parametrize(
    "holder",
    [
        {"run_id": "live-run", "pid": os.getpid(), "host": socket.gethostname()},
        {"run_id": "remote-run", "pid": 1, "host": "another-host.example"},
    ],
    ids=["live_local_process", "other_host"],
)
def test_lock_of_a_live_or_remote_holder_is_respected(tmp_path: Path, holder: dict[str, object]) -> None:
    write_lock(tmp_path, **holder, started="2024-01-01T00:00:00+00:00")
    with pytest.raises(LockHeld, match=str(holder["run_id"])), Store(str(tmp_path)).lock("other", wait=0.5):
        pass
    assert (tmp_path / LOCK_NAME).exists()


@pytest.mark.parametrize("content", ["", "{not json", "[]"], ids=["empty", "garbled", "not_object"])
def test_unreadable_stale_lock_does_not_block_forever(tmp_path: Path, content: str) -> None:
    """A run killed between creating the lock file and writing it leaves an empty file."""
    (tmp_path / LOCK_NAME).write_text(content)
    old = time.time() - 3600
    os.utime(tmp_path / LOCK_NAME, (old, old))
    with Store(str(tmp_path)).lock("next-run", wait=5.0):
        assert json.loads((tmp_path / LOCK_NAME).read_text())["run_id"] == "next-run"


# ---- two real `sitrep extract` runs on one output folder -----------------------------------


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with prefect_server(tmp_path_factory.mktemp("prefect")) as environment:
        yield environment


@pytest.mark.slow
@pytest.mark.model
def test_second_sitrep_run_stops_at_once_naming_the_holder(tmp_path: Path, env: dict[str, str]) -> None:
    first_input = write_corpus(tmp_path / "first.jsonl", 200, prefix="first")
    second_input = write_corpus(tmp_path / "second.jsonl", 20, prefix="second")
    out = tmp_path / "out"
    first = start(
        ["extract", str(first_input), "--out", str(out), "--articles-per-task", "40"],
        tmp_path / "first.log",
        env,
    )
    deadline = time.monotonic() + 120
    while not (out / LOCK_NAME).exists():
        assert first.poll() is None and time.monotonic() < deadline, (tmp_path / "first.log").read_text()
        time.sleep(0.01)
    holder = json.loads((out / LOCK_NAME).read_text())
    second = subprocess.run(
        [str(Path(sys.executable).parent / "sitrep"), "extract", str(second_input), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.poll() is None, "the first run must still hold the lock while the second is refused"
    assert second.returncode == 1
    assert f"locked by run {holder['run_id']} (pid {first.pid} on {socket.gethostname()}" in second.stderr
    assert first.wait(timeout=300) == 0
    assert_whole(out)
    assert {i.split("-")[0] for i in snapshot(out).article_ids} == {"first"}
    # once the first is done, the second goes through and both inputs are in the datasets
    assert finish(["extract", str(second_input), "--out", str(out)], tmp_path / "second.log", env) == 0
    assert_whole(out)
    assert snapshot(out).articles == 220
