"""The API-URL trap: a configured Prefect API that no longer answers stops `sitrep run` at once,
with a message naming the setting, where it points, where it was set and how to unset it.

(`sitrep serve --start-server` printing its own `export PREFECT_API_URL=...` hint instead of
Prefect's banner is checked in test_process_lifetime.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from flows.serve import free_port

BIN = Path(sys.executable).parent


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    clock = time.monotonic()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)
    return done, time.monotonic() - clock


def test_an_unreachable_api_in_the_environment_fails_fast_and_says_how_to_unset_it(tmp_path: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/api"
    done, seconds = _run([str(BIN / "sitrep"), "run"], {**_env(tmp_path), "PREFECT_API_URL": dead}, tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"no Prefect server answers at {dead}, where PREFECT_API_URL points (in the environment)" in (
        done.stderr
    )
    assert "`unset PREFECT_API_URL`" in done.stderr
    assert "Traceback" not in done.stderr and seconds < 30
    assert not (tmp_path / "data").exists()
    print(f"{seconds:.1f} s: {done.stderr.strip()}")


def test_an_unreachable_api_left_in_the_profile_fails_fast_and_says_how_to_unset_it(tmp_path: Path) -> None:
    env = _env(tmp_path)
    dead = f"http://127.0.0.1:{free_port()}/api"
    # what Prefect's own banner advises, followed once a server has stopped
    subprocess.run([str(BIN / "prefect"), "config", "set", f"PREFECT_API_URL={dead}"], env=env, check=True)
    done, seconds = _run([str(BIN / "sitrep"), "run"], env, tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"no Prefect server answers at {dead}, where PREFECT_API_URL points (in the Prefect profile" in (
        done.stderr
    )
    assert "`prefect config unset PREFECT_API_URL`" in done.stderr
    print(f"{seconds:.1f} s: {done.stderr.strip()}")
