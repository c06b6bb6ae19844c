"""What a run shows in Prefect's UI: its summary, its new events, and a link to its report.

Artifact keys are stable (lower-case, dashes) so the UI keeps each one's history across runs:

    sitrep-<flow>-summary      markdown: counts, events by type, rejects by kind, sources
    sitrep-<flow>-new-events   table: the events this run wrote (first `TABLE_ROWS`)
    sitrep-<flow>-report       link: the HTML report written to OUT/report.html

where <flow> is `pipeline` or `extract`. Prefect's table shows "No results" for a table holding a
NaN, so every missing value is an empty string.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

from flows.report.dataset import outlet
from flows.storage.store import Store

TABLE_ROWS = 500
TABLE_COLUMNS = [
    "event_date", "event_type", "location_name", "country_code", "actor_name", "count", "evidence", "url",
    "event_id",
]  # fmt: skip
LOCAL_INPUT = "(local input)"


def rejects_by_kind(store: Store, run_id: str) -> dict[str, int]:
    """This run's rejects, counted by kind (most frequent first)."""
    table = store.read_table("rejects", ["error_kind"], filter=pc.field("run_id") == run_id)
    return dict(Counter(table.column("error_kind").to_pylist()).most_common())


def sources(store: Store, run_id: str) -> dict[str, int]:
    """This run's articles by source: the configured source's name, else the web domain, else local input."""
    table = store.read_table("articles", ["source", "url"], filter=pc.field("run_id") == run_id)
    names = [
        source or outlet(url) or LOCAL_INPUT
        for source, url in zip(
            table.column("source").to_pylist(), table.column("url").to_pylist(), strict=True
        )
    ]
    return dict(Counter(names).most_common())


def _cell(value: Any) -> str | int | float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value if isinstance(value, str | int | float) else str(value)


def new_events(store: Store, run_id: str, limit: int = TABLE_ROWS) -> tuple[list[dict[str, Any]], int]:
    """The first `limit` events this run wrote, as table rows without NaN or None, and how many in all."""
    table = store.read_table("events", TABLE_COLUMNS, filter=pc.field("run_id") == run_id)
    rows = [{k: _cell(v) for k, v in row.items()} for row in table.slice(0, limit).to_pylist()]
    return rows, table.num_rows


def report_link(out: str, path: str) -> str:
    """A link a browser can open: file:// for a local output root, else the URL itself."""
    return Path(path).resolve().as_uri() if "://" not in out else path


def publish(
    flow_name: str, run_id: str, markdown: str, store: Store, report: str | None, report_note: str = ""
) -> None:
    """Create the run's artifacts (see the module docstring for their keys)."""
    from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

    create_markdown_artifact(
        markdown=markdown, key=f"sitrep-{flow_name}-summary", description=f"sitrep run {run_id}"
    )
    rows, total = new_events(store, run_id)
    shown = f"all {total}" if total <= len(rows) else f"the first {len(rows)} of {total}"
    create_table_artifact(
        table=rows or [dict.fromkeys(TABLE_COLUMNS, "")],
        key=f"sitrep-{flow_name}-new-events",
        description=f"Events written by run {run_id}: {shown} (every one is in {store.out}/events).",
    )
    if report:
        create_link_artifact(
            link=report_link(store.out, report),
            link_text=f"sitrep report of {store.out}",
            key=f"sitrep-{flow_name}-report",
            description=f"HTML report written at the end of run {run_id}. {report_note}".strip(),
        )
