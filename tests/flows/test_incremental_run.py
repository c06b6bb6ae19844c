"""`sitrep run` as a new user meets it: incremental on a folder input, a cap on article size,
a log line per batch, and one summary with the rejects by kind.

One folder input (our own sentences), three real `sitrep run` processes in a row on it, each
with its own temporary Prefect API: the first reads everything, the second nothing (all seen),
the third only the two files that changed since.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

SITREP = Path(sys.executable).parent / "sitrep"
STRIKE = "Warplanes struck the village of Tell Qasr on Friday, killing four civilians, residents said."
RECRUIT = "Forty young men from Hajin joined a local militia last week, relatives said."
FRENCH = "Des avions ont bombardé un pont sur la rivière dimanche, coupant la route principale vers le sud."
# over the cap below: the same report padded with calm sentences
LONG = STRIKE + " " + " ".join(["Shops in the town reopened and schools plan to resume classes soon."] * 40)
CAP = 2000


def _write_input(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "strike.txt").write_text(STRIKE + "\n", encoding="utf-8")
    (folder / "recruit.txt").write_text(RECRUIT + "\n", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (folder / "long.txt").write_text(LONG + "\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")


def _run(tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}
    done = subprocess.run(
        [str(SITREP), "run", "--config", str(tmp_path / "sitrep.toml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def three_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[subprocess.CompletedProcess[str]]]:
    tmp_path = tmp_path_factory.mktemp("incremental")
    _write_input(tmp_path / "input")
    (tmp_path / "sitrep.toml").write_text(f'input = "input"\nout = "data"\nmax_chars = {CAP}\n')
    runs = [_run(tmp_path), _run(tmp_path)]
    (tmp_path / "input" / "long.txt").write_text(STRIKE + " It was the second raid this month.\n")
    (tmp_path / "input" / "notes.pdf").write_bytes(b"%PDF-1.4 a second version")
    runs.append(_run(tmp_path))
    return tmp_path, runs


@pytest.mark.slow
@pytest.mark.model
def test_a_second_run_skips_what_it_has_seen_and_records_no_reject_twice(
    three_runs: tuple[Path, list[subprocess.CompletedProcess[str]]],
) -> None:
    tmp_path, (first, second, third) = three_runs
    assert "articles: 6 read = 2 processed + 4 rejected" in first.stdout
    assert "skipped:  6 seen before, unchanged" in second.stdout
    assert "articles: 0 read = 0 processed + 0 rejected" in second.stdout
    assert "skipped:  4 seen before, unchanged" in third.stdout
    assert "articles: 2 read = 1 processed + 1 rejected" in third.stdout
    rejects = pd.read_parquet(tmp_path / "data" / "rejects")
    kinds = sorted(rejects["error_kind"])
    # once per input version: notes.pdf twice (two versions), everything else once
    assert kinds == ["empty_text", "too_long", "unsupported_file", "unsupported_file", "unsupported_language"]
    events = pd.read_parquet(tmp_path / "data" / "events")
    assert events["event_id"].is_unique
    print(f"rejects after three runs: {kinds}")
    print("second run:\n" + second.stdout.strip())


@pytest.mark.slow
@pytest.mark.model
def test_a_long_article_is_a_too_long_reject_and_every_batch_logs_its_time(
    three_runs: tuple[Path, list[subprocess.CompletedProcess[str]]],
) -> None:
    tmp_path, (first, _, third) = three_runs
    rejects = pd.read_parquet(tmp_path / "data" / "rejects")
    (too_long,) = rejects[rejects["error_kind"] == "too_long"]["message"]
    assert f"{len(LONG) + 1:,} characters > max_chars {CAP:,}" in too_long  # with its final newline
    batch_lines = [line for line in first.stderr.splitlines() if "batch of " in line]
    assert len(batch_lines) == 1 and " s" in batch_lines[0], first.stderr
    assert "batch of 4 articles" in batch_lines[0]  # what reached extraction: not the .pdf nor the empty file
    articles = pd.read_parquet(tmp_path / "data" / "articles")
    assert (articles["article_id"].nunique(), len(articles)) == (4, 4)
    assert "air_strike" in third.stdout  # the shortened article, extracted on the third run
    print(batch_lines[0])
    print(too_long)


@pytest.mark.slow
@pytest.mark.model
def test_the_summary_is_printed_once_with_rejects_by_kind(
    three_runs: tuple[Path, list[subprocess.CompletedProcess[str]]],
) -> None:
    _, (first, _, _) = three_runs
    terminal = first.stdout + first.stderr
    assert terminal.count("articles: 6 read") == 1, terminal
    assert (
        "rejects:  empty_text 1, too_long 1, unsupported_file 1, unsupported_language 1 (why: OUT/rejects)"
        in first.stdout
    )
    print(first.stdout.strip())
