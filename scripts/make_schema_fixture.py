"""Write `tests/fixtures/schema_v0/`: an events dataset as the previous schema version stored it.

Version "0" is the current `EVENT_SCHEMA` without the columns added since
(`event_date_end`, `geo_precision`), and carries `sitrep_schema_version=0` in its
Parquet metadata. Files follow the store's layout (`events/bucket-NN/part-0.parquet`,
one bucket per article, see `flows/storage/store.py`). The drift tests read it beside files of
the current version, so a column added to `Event` must never make older datasets unreadable.

Run from the repo root: `.venv/bin/python scripts/make_schema_fixture.py`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.schema import EVENT_SCHEMA, Event, to_row  # noqa: E402
from flows.storage.store import PART_NAME, bucket_of  # noqa: E402

PREVIOUS_SCHEMA_VERSION = "0"
COLUMNS_ADDED_SINCE = ("event_date_end", "geo_precision", "incident_id")
FIXTURE_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "schema_v0"
# sentences written for this fixture, not taken from any article
TEXTS = (
    ("v0-article-a", "Jets bombed a bridge near Town A on Sunday, officials said."),
    ("v0-article-b", "Forty men joined the militia in Town B last week."),
)


def previous_schema() -> pa.Schema:
    """The event schema as version 0 wrote it."""
    kept = [f for f in EVENT_SCHEMA if f.name not in COLUMNS_ADDED_SINCE]
    return pa.schema(kept, metadata={b"sitrep_schema_version": PREVIOUS_SCHEMA_VERSION.encode()})


def fixture_events() -> list[Event]:
    """Two events, one per article, spanning each whole sentence."""
    published = dt.date(2024, 3, 5)
    kinds = ("air_strike", "recruitment")
    events = []
    for (article_id, text), kind in zip(TEXTS, kinds, strict=True):
        events.append(
            Event(
                event_id=Event.make_id(article_id, kind, 0, len(text)),
                article_id=article_id,
                event_type=kind,
                evidence=text,
                evidence_start=0,
                evidence_end=len(text),
                event_date=published - dt.timedelta(days=2),
                date_precision="day",
                count=40 if kind == "recruitment" else None,
                count_qualifier="exact" if kind == "recruitment" else None,
                published=published,
                extractor_version="0.0.9",
                run_id="v0-run",
            )
        )
    return events


def main() -> None:
    schema = previous_schema()
    for event in fixture_events():
        row = {k: v for k, v in to_row(event).items() if k in schema.names}
        out = FIXTURE_DIR / "events" / f"bucket-{bucket_of(event.article_id):02d}"
        out.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist([row], schema=schema), out / PART_NAME)
        print(f"wrote 1 row, {len(schema)} columns to {out / PART_NAME}")


if __name__ == "__main__":
    main()
