"""The extraction flow writes to an fsspec URL as well as to a folder; pandas reads it back."""

from __future__ import annotations

import json
from pathlib import Path

import fsspec
import pandas as pd
import pytest

from flows.cli import main

# sentences written for this test
TEXTS = [
    "Drones struck a fuel depot near the river port of Abu Hamra on Tuesday, residents said.",
    "Nine villagers were killed when the convoy was ambushed outside Tel Safra last night.",
]


def _corpus(path: Path) -> Path:
    rows = [{"id": f"f-{i}", "published": "2025-09-17", "text": t} for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("scheme", ["file", "memory"])
def test_extract_to_an_fsspec_url(tmp_path: Path, prefect_harness: None, scheme: str) -> None:
    root = f"{tmp_path}/out" if scheme == "file" else f"/sitrep-test-{tmp_path.name}"
    url = f"{scheme}://{root}"
    assert main(["extract", str(_corpus(tmp_path / "wire.jsonl")), "--out", url]) == 0
    events = pd.read_parquet(f"{url}/events")
    articles = pd.read_parquet(f"{url}/articles")
    assert sorted(articles["article_id"]) == ["f-0", "f-1"]
    assert {"air_strike", "casualties"} <= set(events["event_type"])
    text_of = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in events.itertuples():
        assert text_of[row.article_id][row.evidence_start : row.evidence_end] == row.evidence
    if scheme == "file":
        assert (tmp_path / "out" / "events").is_dir()  # a file:// URL is the local folder
    else:
        fsspec.filesystem("memory").rm(root, recursive=True)
