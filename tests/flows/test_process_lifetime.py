"""Nothing outlives sitrep: the Prefect API servers it starts go when it goes, however it goes.

Real processes only: `sitrep extract`, `sitrep run` and `sitrep serve --start-server` as
subprocesses with their own PREFECT_HOME; the processes each one started are listed (psutil)
before the kill, and must all be gone within 15 s of a SIGKILL of the sitrep process alone
(not its group: an OOM kill takes one process). `serve` must stop on SIGTERM and on SIGINT,
also as a background job of a script, where the shell starts it with SIGINT ignored.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from paths import REPO

from flows.serve import free_port

SITREP = Path(sys.executable).parent / "sitrep"
ORPHAN_DEADLINE = 15.0


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}


def _wait_for(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def _descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _alive(processes: list[psutil.Process]) -> list[str]:
    alive = []
    for proc in processes:
        try:
            if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(f"{proc.pid} {' '.join(proc.cmdline())[:120]}")
        except psutil.NoSuchProcess:
            continue
    return alive


def _kill_left_over(processes: list[psutil.Process]) -> None:
    for proc in processes:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            continue


def _server_started(pid: int) -> bool:
    return any("server_guard" in " ".join(p.cmdline()) for p in _descendants(pid) if p.is_running())


def _sigkill_leaves_nothing(proc: subprocess.Popen[bytes], ready: Callable[[], bool]) -> float:
    """SIGKILL `proc` once `ready()`; the seconds until every process it had started was gone."""
    try:
        _wait_for(ready, 120, "the run to start its server")
        started = _descendants(proc.pid)
        assert any("server_guard" in " ".join(p.cmdline()) for p in started), "no server was started"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        killed = time.monotonic()
        _wait_for(lambda: not _alive(started), ORPHAN_DEADLINE, f"these to end: {_alive(started)}")
        return time.monotonic() - killed
    finally:
        if proc.poll() is None:
            proc.kill()
        _kill_left_over(started if "started" in locals() else [])


@pytest.mark.slow
@pytest.mark.parametrize("command", ["extract", "run"])
def test_a_run_killed_with_sigkill_leaves_no_server(tmp_path: Path, command: str) -> None:
    args = [str(SITREP), command, "--out", str(tmp_path / "data")]
    args += [str(REPO / "examples" / "articles")] if command == "extract" else []
    log = (tmp_path / "run.log").open("wb")
    proc = subprocess.Popen(args, env=_env(tmp_path), cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    seconds = _sigkill_leaves_nothing(proc, lambda: _server_started(proc.pid))
    print(f"sitrep {command}: killed with SIGKILL; its server was gone {seconds:.1f} s later")


def _serve(tmp_path: Path, *, background_script: bool = False) -> tuple[subprocess.Popen[bytes], Path, int]:
    """`sitrep serve --start-server` on a free port; its process, its output file, its pid."""
    out = tmp_path / "serve.log"
    args = [str(SITREP), "serve", "--start-server", "--port", str(free_port())]
    env, handle = _env(tmp_path), out.open("wb")
    if not background_script:
        proc = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=handle, stderr=subprocess.STDOUT)
        return proc, out, proc.pid
    # a script that starts serve as a background job, as `cmd &` in a shell script does
    script = f"{' '.join(args)} &\necho $! > {tmp_path / 'serve.pid'}\nwait\n"
    proc = subprocess.Popen(
        ["bash", "-c", script], env=env, cwd=tmp_path, stdout=handle, stderr=subprocess.STDOUT
    )
    pid_file = tmp_path / "serve.pid"
    _wait_for(lambda: pid_file.exists() and pid_file.read_text().strip().isdigit(), 30, "the pid")
    return proc, out, int(pid_file.read_text())


def _serving(out: Path) -> Callable[[], bool]:
    return lambda: "serving sitrep-pipeline" in out.read_text(errors="replace")


@pytest.mark.slow
def test_serve_killed_with_sigkill_leaves_no_server(tmp_path: Path) -> None:
    proc, out, _ = _serve(tmp_path)
    seconds = _sigkill_leaves_nothing(proc, _serving(out))
    print(f"sitrep serve --start-server: killed with SIGKILL; its server was gone {seconds:.1f} s later")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sig", "background"), [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True)]
)
def test_serve_stops_on_sigterm_and_sigint_and_says_so(
    tmp_path: Path, sig: signal.Signals, background: bool
) -> None:
    if background:  # the condition is real: a script's background job starts with SIGINT ignored
        mask = subprocess.run(
            ["bash", "-c", "grep SigIgn /proc/self/status & wait"], capture_output=True, text=True
        ).stdout.split()[-1]
        assert int(mask, 16) & (1 << (signal.SIGINT - 1))
    proc, out, pid = _serve(tmp_path, background_script=background)
    started: list[psutil.Process] = []
    try:
        _wait_for(_serving(out), 120, "serve to start serving")
        started = _descendants(pid)
        os.kill(pid, sig)
        assert proc.wait(60) == 0
        text = out.read_text(errors="replace")
        _wait_for(lambda: not _alive(started), ORPHAN_DEADLINE, f"these to end: {_alive(started)}")
    finally:
        if proc.poll() is None:
            proc.kill()
        _kill_left_over(started)
    assert "stopped the Prefect server it started at http://127.0.0.1:" in text
    assert "export PREFECT_API_URL=http://127.0.0.1:" in text
    print(f"{sig.name}{' (background job)' if background else ''}: {text.strip().splitlines()[-1]}")
