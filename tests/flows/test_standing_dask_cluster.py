"""A standing Dask cluster: `dask scheduler` and two `dask worker` processes left running, and three
consecutive `sitrep run --dask-address ...` against them, each with its own temporary Prefect API.

Workers run the extraction as plain functions and never talk to Prefect, so they keep no API
address from an earlier run: every batch of every run is a recorded task run (counted afterwards
in the Prefect database the three runs shared), the worker logs hold no connection error, and the
workers stop on SIGTERM by themselves.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest
from fixtures.runs import article_text

from flows.serve import free_port, local_server

BIN = Path(sys.executable).parent
ARTICLES, PER_TASK = 16, 2  # 8 batches, 8 task runs per flow run
RUNS = 3


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]], list[Path]]]:
    """`dask scheduler` and two `dask worker`s as separate processes; yields the address, the
    workers and their log files; whatever is still running at the end is killed."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = _env(tmp_path)  # workers import sitrep from the installed package
    logs = [tmp_path / "scheduler.log", tmp_path / "worker-1.log", tmp_path / "worker-2.log"]
    commands = [
        [
            str(BIN / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--dashboard-address",
            ":0",
        ],
        *[
            [str(BIN / "dask"), "worker", address, "--nthreads", "1", "--dashboard-address", ":0"]
            for _ in range(2)
        ],
    ]
    processes: list[subprocess.Popen[bytes]] = []
    try:
        for command, log in zip(commands, logs, strict=True):
            with log.open("wb") as handle:
                processes.append(
                    subprocess.Popen(command, env=env, stdout=handle, stderr=subprocess.STDOUT, cwd=tmp_path)
                )
            if not processes[1:]:
                _wait_for_text(logs[0], "Scheduler at:", 60)
        for log in logs[1:]:
            _wait_for_text(log, "Registered to:", 120)
        yield address, processes[1:], logs[1:]
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.kill()
                process.wait(10)


def _wait_for_text(path: Path, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in path.read_text(errors="replace"):
            return
        time.sleep(0.3)
    raise AssertionError(f"{path.name}: no {text!r} after {timeout:g} s:\n{path.read_text(errors='replace')}")


def _task_runs_per_flow_run(tmp_path: Path) -> list[tuple[str, int]]:
    """Read back what the runs recorded: a server on the same PREFECT_HOME (database)."""
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(_env(tmp_path))
    try:
        with (
            (tmp_path / "server.log").open("wb") as log,
            local_server(free_port(), log=log, timeout=180) as api,
        ):
            flow_runs = httpx.post(
                f"{api}/flow_runs/filter", json={"sort": "START_TIME_ASC"}, timeout=30
            ).json()
            counted = []
            for run in flow_runs:
                body = {"flow_runs": {"id": {"any_": [run["id"]]}}}
                task_runs = httpx.post(f"{api}/task_runs/filter", json=body, timeout=30).json()
                done = [
                    t for t in task_runs if t["state_type"] == "COMPLETED" and t["name"].startswith("extract")
                ]
                counted.append((run["state_type"], len(done)))
            return counted
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.mark.slow
@pytest.mark.model
def test_three_runs_on_a_standing_cluster_record_every_task_and_leave_workers_clean(
    tmp_path: Path, cluster: tuple[str, list[subprocess.Popen[bytes]], list[Path]]
) -> None:
    address, workers, worker_logs = cluster
    source = tmp_path / "wire.jsonl"
    rows = [
        {"id": f"dask-{i:02d}", "published": f"2025-06-0{1 + i % 9}", "text": article_text(i)}
        for i in range(ARTICLES)
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "sitrep.toml").write_text(f'input = "wire.jsonl"\narticles_per_task = {PER_TASK}\n')
    summaries = []
    for run in range(RUNS):
        out = tmp_path / f"data-{run}"  # a fresh output root per run: all 16 articles each time
        done = subprocess.run(
            [
                str(BIN / "sitrep"),
                "run",
                "--config",
                str(tmp_path / "sitrep.toml"),
                "--out",
                str(out),
                "--dask-address",
                address,
            ],
            cwd=tmp_path,
            env=_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        summaries.append(done.stdout.strip().splitlines()[2])
        assert len(pd.read_parquet(out / "articles")) == ARTICLES
        assert len(pd.read_parquet(out / "events")) > 0
    recorded = _task_runs_per_flow_run(tmp_path)
    assert recorded == [("COMPLETED", ARTICLES // PER_TASK)] * RUNS, recorded

    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    codes = [worker.wait(60) for worker in workers]
    logs = [log.read_text(errors="replace") for log in worker_logs]
    assert not [log for log in logs if "Unable to connect" in log or "Traceback" in log], logs
    assert codes == [0, 0], (codes, logs)
    print(f"{RUNS} runs: {summaries}; task runs recorded per flow run: {recorded}; workers exited {codes}")
