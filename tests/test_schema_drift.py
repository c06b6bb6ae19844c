"""Schema discipline: version in metadata, older datasets still readable after a column is added."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extractors.schema import EVENT_SCHEMA, SCHEMA_VERSION, Event, to_row

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v0" / "events" / "part-v0.parquet"
ADDED_SINCE_V0 = ("event_date_end", "geo_precision")


def current_event() -> Event:
    text = "Drones hit a depot outside Town C."
    return Event(
        event_id=Event.make_id("v1-article", "air_strike", 0, len(text)),
        article_id="v1-article",
        event_type="air_strike",
        evidence=text,
        evidence_start=0,
        evidence_end=len(text),
        geo_precision=3,
    )


def write_current(path: Path) -> None:
    table = pa.Table.from_pylist([to_row(current_event())], schema=EVENT_SCHEMA)
    pq.write_table(table, path)


@pytest.fixture
def mixed_dataset(tmp_path: Path) -> Path:
    """One events directory holding a v0 file and a current-version file."""
    events = tmp_path / "events"
    events.mkdir()
    shutil.copy(FIXTURE, events / "part-v0.parquet")
    write_current(events / "part-v1.parquet")
    return events


def test_fixture_is_the_previous_version() -> None:
    schema = pq.read_schema(FIXTURE)
    assert schema.metadata[b"sitrep_schema_version"] == b"0"
    assert SCHEMA_VERSION.encode() != b"0"
    for name in ADDED_SINCE_V0:
        assert name not in schema.names
        assert name in EVENT_SCHEMA.names


def test_current_files_carry_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "part.parquet"
    write_current(path)
    assert pq.read_schema(path).metadata[b"sitrep_schema_version"] == SCHEMA_VERSION.encode()


def test_plain_pandas_with_current_schema_fills_missing_columns_with_nulls(mixed_dataset: Path) -> None:
    df = pd.read_parquet(mixed_dataset, schema=EVENT_SCHEMA)
    assert list(df.columns) == EVENT_SCHEMA.names
    assert len(df) == 3
    old = df[df["run_id"] == "v0-run"]
    assert len(old) == 2
    for name in ADDED_SINCE_V0:
        assert old[name].isna().all()
    new = df[df["article_id"] == "v1-article"]
    assert new["geo_precision"].tolist() == [3]
    assert set(old["event_type"]) == {"air_strike", "recruitment"}
