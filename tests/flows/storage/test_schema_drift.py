"""Schema discipline: validated writes, version in metadata, older datasets readable after a column is added.

`tests/fixtures/schema_v0/` is an events dataset of the previous schema version (made by
`scripts/make_schema_fixture.py`): two columns fewer and `sitrep_schema_version=0`.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from paths import FIXTURES

from extractors.schema import EVENT_SCHEMA, SCHEMA_VERSION, Event, to_row
from flows.storage.store import PART_NAME, Store, StoreError, bucket_of, to_table, validate

FIXTURE = FIXTURES / "schema_v0"
ADDED_SINCE_V0 = ("event_date_end", "geo_precision", "incident_id")
# a commit merges every stored event still without an incident: the old ones get theirs at once
NULL_AFTER_COMMIT = ("event_date_end", "geo_precision")
V0_EVENTS = 2
V0_RUN = "v0-run"


def make_event(article_id: str, text: str = "Drones hit a depot outside Town C.") -> Event:
    return Event(
        event_id=Event.make_id(article_id, "air_strike", 0, len(text)),
        article_id=article_id,
        event_type="air_strike",
        evidence=text,
        evidence_start=0,
        evidence_end=len(text),
        geo_precision=3,
        run_id="v1-run",
    )


def commit_events(out: Path, events: list[Event]) -> None:
    writer = Store(str(out)).stage("v1-run")
    writer.add_events([e.article_id for e in events], events)
    writer.commit()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output root holding the v0 events dataset."""
    shutil.copytree(FIXTURE / "events", tmp_path / "out" / "events")
    return tmp_path / "out"


def v0_files() -> list[Path]:
    return sorted((FIXTURE / "events").glob(f"bucket-*/{PART_NAME}"))


def test_fixture_is_the_previous_version() -> None:
    assert len(v0_files()) == V0_EVENTS
    for path in v0_files():
        schema = pq.read_schema(path)
        assert schema.metadata[b"sitrep_schema_version"] == b"0"
        assert SCHEMA_VERSION.encode() != b"0"
        for name in ADDED_SINCE_V0:
            assert name not in schema.names
            assert name in EVENT_SCHEMA.names


def test_store_reads_old_and_new_files_with_nulls_for_added_columns(out: Path) -> None:
    commit_events(out, [make_event("v1-article")])
    table = Store(str(out)).read_table("events")
    assert table.schema.names == EVENT_SCHEMA.names
    df = table.to_pandas()
    old = df[df["run_id"] == V0_RUN]
    assert len(old) == V0_EVENTS and len(df) == V0_EVENTS + 1
    for name in NULL_AFTER_COMMIT:
        assert old[name].isna().all()
    assert df.loc[df["article_id"] == "v1-article", "geo_precision"].tolist() == [3]


def test_the_first_commit_merges_the_events_of_an_older_dataset_into_incidents(out: Path) -> None:
    commit_events(out, [make_event("v1-article")])
    events = pd.read_parquet(out / "events")
    incidents = pd.read_parquet(out / "incidents")
    assert events["incident_id"].notna().all()
    assert sorted(incidents["incident_id"]) == sorted(events["incident_id"].unique())
    assert sorted(e for ids in incidents["event_ids"] for e in ids) == sorted(events["event_id"])


def test_plain_pandas_with_current_schema_reads_the_mixed_dataset(out: Path, tmp_path: Path) -> None:
    # a commit upgrades every old file (its events get incidents): mix by copying a new file in
    commit_events(tmp_path / "new", [make_event("v1-article")])
    shutil.copytree(tmp_path / "new" / "events", out / "events", dirs_exist_ok=True)
    df = pd.read_parquet(out / "events", schema=EVENT_SCHEMA)
    assert list(df.columns) == EVENT_SCHEMA.names
    assert len(df) == V0_EVENTS + 1
    assert df.loc[df["run_id"] == V0_RUN, list(ADDED_SINCE_V0)].isna().all().all()
    assert set(df["event_type"]) == {"air_strike", "recruitment"}


def test_rewriting_a_bucket_upgrades_its_old_file_and_keeps_old_rows(out: Path) -> None:
    newcomer = "v1-article-11"  # same bucket as the v0 article "v0-article-a"
    assert bucket_of(newcomer) == bucket_of("v0-article-a")
    commit_events(out, [make_event(newcomer)])
    path = out / "events" / f"bucket-{bucket_of(newcomer):02d}" / PART_NAME
    schema = pq.read_schema(path)
    assert schema.metadata[b"sitrep_schema_version"] == SCHEMA_VERSION.encode()
    assert schema.names == EVENT_SCHEMA.names
    rows = pq.read_table(path).to_pandas()
    assert sorted(rows["article_id"]) == ["v0-article-a", newcomer]
    assert rows.loc[rows["article_id"] == "v0-article-a", "geo_precision"].isna().all()
    assert rows["incident_id"].notna().all()


def test_committed_files_carry_the_schema_version(tmp_path: Path) -> None:
    commit_events(tmp_path, [make_event("v1-article")])
    files = list((tmp_path / "events").rglob("*.parquet"))
    assert files
    for path in files:
        assert pq.read_schema(path).metadata[b"sitrep_schema_version"] == SCHEMA_VERSION.encode()


def test_a_record_of_the_wrong_type_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    bad = dataclasses.replace(make_event("v1-article"), evidence_start="zero")  # type: ignore[arg-type]
    writer = Store(str(tmp_path)).stage("bad-run")
    with pytest.raises(StoreError, match="do not fit the schema"):
        writer.add_events([bad.article_id], [bad])
    writer.commit()
    assert Store(str(tmp_path)).read_table("events").num_rows == 0  # (a commit leaves empty datasets)
    with pytest.raises(StoreError, match="do not fit the schema"):
        to_table([dataclasses.replace(bad, evidence_start=0, count="many")], EVENT_SCHEMA)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.drop_columns(["geo_precision"]), "schema differs"),
        (lambda t: t.set_column(4, "evidence_start", pa.array(["0"])), "schema differs"),
        (lambda t: t.replace_schema_metadata({}), "sitrep_schema_version"),
        (lambda t: t.replace_schema_metadata({b"sitrep_schema_version": b"0"}), "sitrep_schema_version"),
    ],
    ids=["missing_column", "wrong_type", "no_version", "old_version"],
)
def test_validate_refuses_tables_that_do_not_match(change, message: str) -> None:
    table = pa.Table.from_pylist([to_row(make_event("v1-article"))], schema=EVENT_SCHEMA)
    validate(table, EVENT_SCHEMA)
    with pytest.raises(StoreError, match=message):
        validate(change(table), EVENT_SCHEMA)


def test_a_required_column_with_a_null_is_refused() -> None:
    with pytest.raises(StoreError):
        to_table([dataclasses.replace(make_event("v1-article"), evidence=None)], EVENT_SCHEMA)  # type: ignore[arg-type]
