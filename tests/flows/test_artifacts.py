"""A run's Prefect artifacts (summary, new events, report link) and its OUT/report.html."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extractors.schema import Event
from flows.artifacts import new_events, rejects_by_kind, sources
from flows.pipeline import RunSummary
from flows.storage.store import Store

STRIKE = "Warplanes bombed the market of Tell Sabkha on Monday, killing nine civilians, a monitor said."
JOINED = "More than 60 young men joined the Harith Brigades in the town of Nahr Azraq last week."


def test_new_events_rows_hold_no_nan_or_none(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    event = Event(event_id="e1", article_id="a1", event_type="casualties", evidence="x", evidence_start=0,
                  evidence_end=1, count=None, latitude=None, run_id="r1")  # fmt: skip
    with store.lock("r1"):
        writer = store.stage("r1")
        writer.add_events(["a1"], [event])
        writer.commit()
    rows, total = new_events(store, "r1")
    assert (
        total == 1 and rows[0]["count"] == "" and rows[0]["event_date"] == "" and rows[0]["event_id"] == "e1"
    )
    assert all(v is not None for v in rows[0].values())
    assert new_events(store, "other-run") == ([], 0)


@pytest.mark.slow
@pytest.mark.model
def test_a_run_publishes_its_artifacts_and_writes_its_report(tmp_path: Path, prefect_harness: None) -> None:
    from prefect.client.orchestration import get_client

    from flows.pipeline import sitrep_extract

    corpus = tmp_path / "in.jsonl"
    rows = [
        {"id": "s-1", "url": "https://www.w.example/1", "published": "2025-03-05", "text": STRIKE},
        {"id": "s-2", "published": "2025-03-05", "text": JOINED},
        {"id": "s-3", "published": "2025-03-05", "text": ""},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out"
    summary: RunSummary = sitrep_extract(input=str(corpus), out=str(out))
    assert summary.rejects_by_kind == {"empty_text": 1}
    assert summary.sources == {"w.example": 1, "(local input)": 1}
    markdown = summary.markdown()
    assert "| empty_text | 1 |" in markdown and "| w.example | 1 |" in markdown
    with get_client(sync_client=True) as client:
        ours = [a for a in client.read_artifacts() if a.key and a.key.startswith("sitrep-extract-")]
    latest = {a.key: a for a in sorted(ours, key=lambda a: a.created)}  # other tests' runs share the server
    assert set(latest) == {"sitrep-extract-summary", "sitrep-extract-new-events", "sitrep-extract-report"}
    table = latest["sitrep-extract-new-events"].data
    table = json.loads(table) if isinstance(table, str) else table
    events = pd.read_parquet(out / "events")
    assert len(table) == len(events) == summary.events > 0
    assert "NaN" not in json.dumps(table) and all(v is not None for row in table for v in row.values())
    assert latest["sitrep-extract-report"].data.endswith(f"({(out / 'report.html').resolve().as_uri()})")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f'data-figure="incidents">{len(events)}<' in html


def test_an_empty_output_root_has_no_rejects_and_no_sources(tmp_path: Path) -> None:
    assert rejects_by_kind(Store(str(tmp_path)), "r") == {} and sources(Store(str(tmp_path)), "r") == {}
