"""`sitrep serve`: deployments as configured, a clear refusal without an API, and a schedule seen firing.

The slow test runs everything for real: `prefect server start` on a free port with its own
PREFECT_HOME, `sitrep serve` as a subprocess with a 15-second interval, and waits (bounded)
until the scheduler has created and the runner has completed a nightly run, and until an
adhoc run triggered with `prefect deployment run` has completed. Flow runs are read back from
the server's REST API; every process group is killed at the end.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import pandas as pd
import pytest
from paths import REPO
from prefect import flow

from flows.serve import (
    ADHOC,
    NIGHTLY,
    ScheduleSpec,
    ServeError,
    TemporaryServer,
    build_deployments,
    local_server,
    stop_process_group,
)

BIN = Path(sys.executable).parent
FLOW = "sitrep-pipeline"
T = TypeVar("T")


@flow(name="serve-probe")
def probe(out: str = "") -> str:
    return out


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {
        **env,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }


def test_two_deployments_nightly_on_cron_in_timezone_adhoc_unscheduled() -> None:
    nightly, adhoc = build_deployments(probe, ScheduleSpec(timezone="Asia/Damascus"), {"out": "data"})
    assert (nightly.name, adhoc.name) == (NIGHTLY, ADHOC)
    schedule = nightly.schedules[0].schedule
    assert (schedule.cron, schedule.timezone) == ("0 2 * * *", "Asia/Damascus")
    assert adhoc.schedules == []
    assert nightly.parameters == adhoc.parameters == {"out": "data"}
    assert nightly.entrypoint.endswith("test_serve.probe")


def test_interval_schedule_for_tests() -> None:
    (nightly, _) = build_deployments(probe, ScheduleSpec(interval_seconds=5), {})
    assert nightly.schedules[0].schedule.interval.total_seconds() == 5


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (ScheduleSpec(timezone="Mars/Olympus"), "unknown timezone"),
        (ScheduleSpec(cron="0 25 * * *"), "bad cron"),
        (ScheduleSpec(cron="every night"), "bad cron"),
        (ScheduleSpec(interval_seconds=0), "positive"),
    ],
)
def test_bad_schedule_is_a_clear_error(spec: ScheduleSpec, message: str) -> None:
    with pytest.raises(ServeError, match=message):
        spec.to_schedule()


def test_refuses_without_an_api(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flows.serve"],
        env=_clean_env(tmp_path),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "PREFECT_API_URL" in done.stderr and "--start-server" in done.stderr


def test_unreachable_api_exits_1(tmp_path: Path) -> None:
    env = {**_clean_env(tmp_path), "PREFECT_API_URL": f"http://127.0.0.1:{_free_port()}/api"}
    done = subprocess.run(
        [sys.executable, "-m", "flows.serve"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "no Prefect server answers" in done.stderr


def test_bad_timezone_exits_2_before_any_server(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "flows.serve", "--timezone", "Nowhere/Town", "--start-server"]
    done = subprocess.run(
        command, env=_clean_env(tmp_path), cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "unknown timezone" in done.stderr


# ---- the schedule, firing --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, dict[str, str]]]:
    """A real Prefect server with its own PREFECT_HOME; yields its API URL and a client env."""
    env = _clean_env(tmp_path)
    for key in [k for k in os.environ if k.startswith("PREFECT_")]:
        monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with (tmp_path / "server.log").open("wb") as log, local_server(_free_port(), log=log, timeout=120) as url:
        yield url, {**env, "PREFECT_API_URL": url}


def _deployment_id(api: str, name: str) -> str | None:
    try:
        response = httpx.get(f"{api}/deployments/name/{FLOW}/{name}", timeout=10)
    except httpx.HTTPError:  # server not up yet
        return None
    return response.json()["id"] if response.status_code == 200 else None


def _runs(api: str, deployment_id: str) -> list[dict]:
    body = {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


def _wait_for(what: str, check: Callable[[], T], deadline: float, serve_log: Path) -> T:
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(1)
    pytest.fail(f"timed out waiting for {what}; sitrep serve said:\n{serve_log.read_text()[-3000:]}")


def _articles(path: Path) -> Path:
    lines = [
        {
            "id": "serve-1",
            "url": None,
            "title": None,
            "published": "2024-03-05",
            "text": "Warplanes struck a fuel depot outside Ridgetown on Monday, the monitor said.",
        },
        {
            "id": "serve-2",
            "url": None,
            "title": None,
            "published": "2024-03-06",
            "text": "The council opened a new library in the old quarter.",
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.model
def test_nightly_schedule_fires_and_adhoc_runs(tmp_path: Path, server: tuple[str, dict[str, str]]) -> None:
    pytest.importorskip("flows.pipeline")
    api, env = server
    articles = _articles(tmp_path / "articles.jsonl")
    config = tmp_path / "sitrep.toml"
    config.write_text(f'out = "{tmp_path / "nightly"}"\ninput = "{articles}"\n', encoding="utf-8")
    serve_log = tmp_path / "serve.log"
    deadline = time.monotonic() + 240  # typically ~60 s; generous for a loaded 2-core machine
    env = {**env, "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    with serve_log.open("wb") as log:
        command = [str(BIN / "sitrep"), "serve", "--config", str(config), "--interval", "15"]
        serving = subprocess.Popen(
            command,
            env=env,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        nightly = _wait_for("nightly deployment", lambda: _deployment_id(api, NIGHTLY), deadline, serve_log)
        adhoc = _wait_for("adhoc deployment", lambda: _deployment_id(api, ADHOC), deadline, serve_log)
        adhoc_out = tmp_path / "adhoc"
        subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", f"{FLOW}/{ADHOC}", "--param", f"out={adhoc_out}"],
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )

        def completed(deployment_id: str) -> list[dict]:
            return [r for r in _runs(api, deployment_id) if r["state_type"] == "COMPLETED"]

        fired = _wait_for("a completed nightly run", lambda: completed(nightly), deadline, serve_log)
        by_hand = _wait_for("the completed adhoc run", lambda: completed(adhoc), deadline, serve_log)
    finally:
        stop_process_group(serving)
    assert fired[0]["auto_scheduled"] is True  # created by the server's scheduler, not by us
    assert by_hand[0]["auto_scheduled"] is False and by_hand[0]["parameters"]["out"] == str(adhoc_out)
    for out in (tmp_path / "nightly", adhoc_out):
        runs = pd.read_parquet(out / "runs")
        assert "completed" in set(runs["status"])
    with pytest.raises(ProcessLookupError):
        os.killpg(serving.pid, 0)  # nothing of sitrep serve survives


@pytest.mark.slow
def test_start_server_serves_then_stops_its_server_on_sigterm(tmp_path: Path) -> None:
    pytest.importorskip("flows.pipeline")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    serve_log = tmp_path / "serve.log"
    with serve_log.open("wb") as log:
        command = [str(BIN / "sitrep"), "serve", "--start-server", "--port", str(port)]
        serving = subprocess.Popen(
            command,
            env=_clean_env(tmp_path),
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        _wait_for("nightly deployment", lambda: _deployment_id(api, NIGHTLY), deadline, serve_log)
        schedules = httpx.get(f"{api}/deployments/name/{FLOW}/{NIGHTLY}", timeout=10).json()["schedules"]
        assert [s["schedule"]["cron"] for s in schedules] == ["0 2 * * *"]  # the sample config's
        serving.send_signal(signal.SIGTERM)  # to sitrep serve alone: it must stop its server itself
        assert serving.wait(60) == 0
    finally:
        stop_process_group(serving)
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{api}/health", timeout=5)


def test_a_configured_api_gets_no_temporary_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert TemporaryServer().process is None
    # named in a profile, not the environment: the server started on speculation is stopped
    monkeypatch.delenv("PREFECT_API_URL")
    with temporary_settings(updates={PREFECT_API_URL: "http://127.0.0.1:4200/api"}):
        server = TemporaryServer()
    assert server.process is None
