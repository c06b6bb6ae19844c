"""The `sitrep` console script, run as a user would: exit codes, one-line errors, the summary."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

SITREP = Path(sys.executable).parent / "sitrep"
# sentences written for these tests
TEXTS = (
    "Two drones struck an ammunition depot near the village of Kafr Sama on Thursday, residents said.",
    "The town council of Kafr Sama repaired the main water pipe on Friday.",
)


def sitrep(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PREFECT_HOME": str(home / "prefect"), "PREFECT_API_URL": ""}
    env.pop("PREFECT_API_URL")
    return subprocess.run(
        [str(SITREP), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def wire(path: Path) -> Path:
    rows = [{"id": f"c-{i}", "published": "2025-04-04", "text": t} for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n")
    return path


@pytest.mark.parametrize("command", [[], ["run"], ["extract"], ["eval"], ["serve"]])
def test_help(tmp_path: Path, command: list[str]) -> None:
    result = sitrep(*command, "--help", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: sitrep")


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["run", "--config", "bad.toml"], 'outdir = "x"\n', "unknown keys ['outdir']"),
        (["run", "--config", "bad.toml"], "out = [", "not valid TOML"),
        (["run", "--config", "bad.toml"], '[schedule]\ntimezone = "Nowhere/City"\n', "IANA"),
        (["run", "--config", "missing.toml"], None, "config file not found"),
        (["run", "--input", "missing-folder"], None, "no such file or folder"),
        (["extract", "missing.jsonl"], None, "no such file or folder"),
        (["extract", "bad.toml"], "x", "expected a .jsonl file or a folder"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    tmp_path: Path, args: list[str], config: str | None, message: str
) -> None:
    if config is not None:
        (tmp_path / "bad.toml").write_text(config)
    result = sitrep(*args, cwd=tmp_path, home=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert sitrep(cwd=tmp_path, home=tmp_path).returncode == 2
    assert sitrep("extract", "x", "--n-process", "0", cwd=tmp_path, home=tmp_path).returncode == 2


def test_a_locked_output_root_refuses_the_run(tmp_path: Path) -> None:
    out = tmp_path / "data"
    out.mkdir()
    holder = {"run_id": "other-run", "pid": os.getpid(), "host": socket.gethostname(), "started": "earlier"}
    (out / "_lock.json").write_text(json.dumps(holder))
    result = sitrep(
        "extract", str(wire(tmp_path / "in.jsonl")), "--out", str(out), cwd=tmp_path, home=tmp_path
    )
    assert result.returncode == 1
    assert "other-run" in result.stderr and str(os.getpid()) in result.stderr


@pytest.mark.slow
@pytest.mark.model
def test_extract_prints_a_summary_that_adds_up(tmp_path: Path) -> None:
    result = sitrep("extract", str(wire(tmp_path / "in.jsonl")), "--out", "out", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0, result.stderr
    counts = re.search(r"articles: (\d+) read = (\d+) processed \+ (\d+) rejected", result.stdout)
    assert counts is not None
    read, processed, rejected = map(int, counts.groups())
    assert (read, processed, rejected) == (3, 2, 1)
    events = pd.read_parquet(tmp_path / "out" / "events")
    assert f"events:   {len(events)} " in result.stdout
    assert str(tmp_path / "out") in result.stdout or "output:   out" in result.stdout


@pytest.mark.slow
@pytest.mark.model
def test_a_run_without_an_api_uses_an_early_temporary_server_and_stops_it_cleanly(tmp_path: Path) -> None:
    result = sitrep("extract", str(wire(tmp_path / "in.jsonl")), "--out", "out", cwd=tmp_path, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Beginning flow run" in result.stderr
    # Prefect's own late server is not needed, no dead UI link, and no log is lost at shutdown
    for message in ("Starting temporary server", "View at", "Error logging to API"):
        assert message not in result.stderr
