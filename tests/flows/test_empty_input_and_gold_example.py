"""Empty and odd input: an empty input leaves readable empty datasets; `sitrep eval` wants gold
events and the repository ships a gold example of its own to try it on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from paths import REPO

from extractors.schema import ARTICLE_SCHEMA, EVENT_SCHEMA, REJECT_SCHEMA

SITREP = Path(sys.executable).parent / "sitrep"
GOLD_EXAMPLE = REPO / "examples" / "gold.jsonl"


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(tmp_path / "prefect-home"), "DO_NOT_TRACK": "1"}


@pytest.mark.slow
@pytest.mark.parametrize("empty", ["folder", "jsonl"])
def test_an_empty_input_writes_empty_datasets_with_the_schema(tmp_path: Path, empty: str) -> None:
    source = tmp_path / "in"
    source.mkdir() if empty == "folder" else (tmp_path / "in.jsonl").write_text("")
    source = source if empty == "folder" else tmp_path / "in.jsonl"
    done = subprocess.run(
        [str(SITREP), "extract", str(source), "--out", "data"],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "articles: 0 read = 0 processed + 0 rejected" in done.stdout
    for name, schema in (("events", EVENT_SCHEMA), ("articles", ARTICLE_SCHEMA), ("rejects", REJECT_SCHEMA)):
        frame = pd.read_parquet(tmp_path / "data" / name)  # as the README queries it
        assert len(frame) == 0 and list(frame.columns) == schema.names, name
    print(f"{empty}: events, articles, rejects: 0 rows, {len(EVENT_SCHEMA.names)} event columns")


def test_eval_on_a_file_without_gold_events_is_a_usage_error(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": "Jets struck a depot near Idlib on Monday."}) + "\n")
    done = subprocess.run(
        [str(SITREP), "eval", str(articles)], env=_env(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "has no gold events" in done.stderr and "examples/gold.jsonl" in done.stderr
    assert "Traceback" not in done.stderr
    print(done.stderr.strip())


def test_the_gold_example_is_valid_gold_of_every_type() -> None:
    from flows.evaluation.scoring import load_gold

    gold = load_gold(GOLD_EXAMPLE)  # raises if an evidence is not in its text
    types = {e.event_type for a in gold.values() for e in a.events}
    assert types == {"air_strike", "casualties", "recruitment", "reconciliation"}
    assert any(not a.events for a in gold.values())  # and an article with none


@pytest.mark.model
def test_a_new_user_can_run_eval_on_the_gold_example(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(SITREP), "eval", str(GOLD_EXAMPLE), "--json"],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["extraction"]["articles_read"] == 4
    overall = report["overall"]
    assert overall["gold"] == 4 and overall["tp"] >= 3, overall
    print(f"examples/gold.jsonl: F1 {overall['f1']:.3f}, strict F1 {overall['strict_f1']:.3f}")
