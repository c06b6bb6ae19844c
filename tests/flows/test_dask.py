"""Extraction tasks run on an existing Dask cluster when given its scheduler address."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from flows.cli import main

# sentences written for this test
TEXTS = [
    "Helicopter gunships bombed the hill village of Kfar Tuma on Saturday, a local doctor said.",
    "At least 14 fighters were killed in clashes outside the town of Wadi Rimah on Friday.",
    "The water board of Wadi Rimah announced new opening hours for its office.",
]


def _loaded_extract_module() -> bool:
    return "flows.extract" in sys.modules


@pytest.mark.slow
@pytest.mark.model
def test_extract_runs_on_a_dask_cluster(tmp_path: Path, prefect_harness: None) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = tmp_path / "wire.jsonl"
    rows = [{"id": f"d-{i}", "published": "2025-06-09", "text": t} for i, t in enumerate(TEXTS)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        code = main(
            [
                "extract",
                str(corpus),
                "--out",
                str(out),
                "--articles-per-task",
                "2",
                "--dask-address",
                cluster.scheduler_address,
            ]
        )
        ran_on_worker = client.run(_loaded_extract_module)
    assert code == 0
    assert list(ran_on_worker.values()) == [True]  # the worker process imported and ran the task
    events = pd.read_parquet(out / "events")
    articles = pd.read_parquet(out / "articles")
    assert sorted(articles["article_id"]) == ["d-0", "d-1", "d-2"]
    assert {"air_strike", "casualties"} <= set(events["event_type"])
    text_of = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in events.itertuples():
        assert text_of[row.article_id][row.evidence_start : row.evidence_end] == row.evidence
