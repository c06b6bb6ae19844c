"""Incidents in the store: written with the events, joined night after night, ids that last.

Real commits under a temporary output root, read back with pandas. The reports are invented:
one air strike on the (invented) town of Tell Sabkha told by several outlets over two nights.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa

from extractors.incidents.rules import MergeTuning
from extractors.incidents.summary import incident_id_of
from extractors.schema import EVENT_SCHEMA, INCIDENT_SCHEMA, Event
from flows.storage.incidents import plan_incidents
from flows.storage.store import Store, to_table

D = dt.date
STRIKE_DAY = D(2024, 3, 5)
TELL_SABKHA = {"location_name": "Tell Sabkha", "admin1": "North", "country_code": "SY", "latitude": 36.0}
TELL_SABKHA |= {"longitude": 37.0, "geo_precision": 1}
AIN_HALWA = {"location_name": "Ain Halwa", "admin1": "North", "country_code": "SY", "latitude": 36.25}
AIN_HALWA |= {"longitude": 37.0, "geo_precision": 1}


def strike(article_id: str, count: int | None, published: dt.date, **columns: object) -> Event:
    text = f"Warplanes struck Tell Sabkha, killing {count} people, {article_id} reported."
    place = columns.pop("place", TELL_SABKHA)
    return Event(
        event_id=Event.make_id(article_id, "air_strike", 0, len(text)),
        article_id=article_id,
        event_type="air_strike",
        evidence=text,
        evidence_start=0,
        evidence_end=len(text),
        event_date=columns.pop("event_date", STRIKE_DAY),  # type: ignore[arg-type]
        date_precision="day",
        count=count,
        published=published,
        url=f"https://{article_id}.example/news/1",
        **place,  # type: ignore[arg-type]
        **columns,  # type: ignore[arg-type]
    )


def commit(out: Path, run_id: str, events: list[Event], articles: list[str] | None = None) -> None:
    store = Store(str(out))
    with store.lock(run_id):
        writer = store.stage(run_id)
        writer.add_events(articles if articles is not None else [e.article_id for e in events], events)
        writer.commit()


def incidents(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "incidents", dtype_backend="pyarrow").sort_values(
        "incident_id", ignore_index=True
    )


def events(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "events", dtype_backend="pyarrow").sort_values("event_id", ignore_index=True)


def live(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["merged_into"].isna()]


def test_incidents_are_written_with_the_events_and_every_event_names_its_incident(tmp_path: Path) -> None:
    night = [
        strike("one", 9, STRIKE_DAY),
        strike("two", 11, STRIKE_DAY),
        strike("three", None, STRIKE_DAY, place=AIN_HALWA),
    ]
    commit(tmp_path, "run-1", night)
    table = incidents(tmp_path)
    assert list(table.columns) == INCIDENT_SCHEMA.names
    assert sorted(table["n_reports"]) == [1, 2]
    merged = table[table["n_reports"] == 2].iloc[0]
    assert merged["incident_id"] == incident_id_of(min(night[:2], key=lambda e: e.event_id).event_id)
    assert (merged["count_low"], merged["count_high"], merged["n_sources"]) == (9, 11, 2)
    assert sorted(merged["urls"]) == ["https://one.example/news/1", "https://two.example/news/1"]
    rows = events(tmp_path)
    assert rows["incident_id"].notna().all()
    members = {e: i for i, ids in zip(table["incident_id"], table["event_ids"], strict=True) for e in ids}
    assert dict(zip(rows["event_id"], rows["incident_id"], strict=True)) == members


def test_tonight_joins_last_night_and_the_incident_keeps_its_id(tmp_path: Path) -> None:
    commit(tmp_path, "run-1", [strike("one", 9, STRIKE_DAY), strike("two", 11, STRIKE_DAY)])
    before = incidents(tmp_path)
    commit(tmp_path, "run-2", [strike("three", 14, D(2024, 3, 6), event_date=D(2024, 3, 6))])
    after = incidents(tmp_path)
    assert len(after) == 1 and after["incident_id"][0] == before["incident_id"][0]
    assert (after["n_reports"][0], after["count_best"][0], after["count_low"][0]) == (3, 14, 9)
    assert after["last_reported"][0] == D(2024, 3, 6)


def test_an_undated_report_joins_the_stored_strike_of_two_days_before_in_either_order(tmp_path: Path) -> None:
    dated = strike("dated", 9, STRIKE_DAY, date_text="on Tuesday")
    later = STRIKE_DAY + dt.timedelta(days=2)
    undated = strike("undated", 9, later, event_date=later)  # no date in its text: its publication day
    for first, second in ((dated, undated), (undated, dated)):
        out = tmp_path / first.article_id
        commit(out, "run-1", [first])
        commit(out, "run-2", [second])
        (incident_id,) = live(incidents(out))["incident_id"]
        assert set(events(out)["incident_id"]) == {incident_id}


def test_the_same_input_twice_changes_nothing(tmp_path: Path) -> None:
    nights = [
        [strike("one", 9, STRIKE_DAY), strike("two", 40, STRIKE_DAY)],
        [strike("three", 20, D(2024, 3, 6)), strike("four", None, D(2024, 3, 6), place=AIN_HALWA)],
    ]
    for n, night in enumerate(nights):
        commit(tmp_path, f"run-{n}", night)
    first_incidents, first_events = incidents(tmp_path), events(tmp_path).drop(columns="run_id")
    commit(tmp_path, "run-again", nights[1])
    commit(tmp_path, "run-again-2", nights[0])
    pd.testing.assert_frame_equal(incidents(tmp_path), first_incidents)
    pd.testing.assert_frame_equal(events(tmp_path).drop(columns="run_id"), first_events)


def test_a_bridging_report_joins_two_incidents_and_the_older_id_survives(tmp_path: Path) -> None:
    commit(tmp_path, "run-1", [strike("early", 10, STRIKE_DAY)])
    commit(tmp_path, "run-2", [strike("late", 40, D(2024, 3, 6))])
    two = incidents(tmp_path)
    assert len(two) == 2
    older = incident_id_of(strike("early", 10, STRIKE_DAY).event_id)
    younger = incident_id_of(strike("late", 40, STRIKE_DAY).event_id)
    commit(tmp_path, "run-3", [strike("middle", 20, D(2024, 3, 7))])
    table = incidents(tmp_path)
    survivor = table[table["incident_id"] == older].iloc[0]
    absorbed = table[table["incident_id"] == younger].iloc[0]
    assert survivor["n_reports"] == 3 and pd.isna(survivor["merged_into"])
    assert (survivor["count_low"], survivor["count_best"], survivor["count_high"]) == (10, 20, 40)
    assert any("bridges" in reason for reason in survivor["merge_reasons"])
    assert absorbed["merged_into"] == older and absorbed["n_reports"] == 0
    assert set(events(tmp_path)["incident_id"]) == {older}


def test_re_extracting_an_article_updates_its_incidents(tmp_path: Path) -> None:
    commit(tmp_path, "run-1", [strike("one", 9, STRIKE_DAY), strike("two", 11, STRIKE_DAY)])
    kept = incidents(tmp_path)["incident_id"][0]
    commit(tmp_path, "run-2", [strike("two", 12, STRIKE_DAY)])  # the toll was corrected
    assert incidents(tmp_path)[["incident_id", "count_high", "n_reports"]].values.tolist() == [[kept, 12, 2]]
    commit(tmp_path, "run-3", [], articles=["two"])  # the article no longer reports the strike
    table = incidents(tmp_path)
    assert table[["incident_id", "count_high", "n_reports"]].values.tolist() == [[kept, 9, 1]]
    commit(tmp_path, "run-4", [], articles=["one"])
    assert incidents(tmp_path).empty and events(tmp_path).empty


def test_two_events_of_one_article_are_never_merged(tmp_path: Path) -> None:
    first = strike("one", 9, STRIKE_DAY)
    second = dataclasses.replace(first, evidence_start=1, event_id=Event.make_id("one", "air_strike", 1, 10))
    commit(tmp_path, "run-1", [first, second])
    assert sorted(incidents(tmp_path)["n_reports"]) == [1, 1]


def test_merging_reads_only_the_incidents_whose_window_can_match(tmp_path: Path) -> None:
    commit(
        tmp_path,
        "run-1",
        [strike("winter", 3, D(2023, 1, 10), event_date=D(2023, 1, 10)), strike("spring", 5, STRIKE_DAY)],
    )
    tonight = to_table([strike("tonight", 6, D(2024, 3, 6))], EVENT_SCHEMA)
    update = plan_incidents(Store(str(tmp_path)), tonight, {"tonight"}, MergeTuning())
    spring = incident_id_of(strike("spring", 5, STRIKE_DAY).event_id)
    assert update.replaced == {spring}
    assert update.partitions == {"air_strike-2024-03"}
    assert [r.n_reports for r in update.rows] == [2]


def test_tuning_reaches_the_commit(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    far = [strike("one", 9, STRIKE_DAY), strike("two", 9, STRIKE_DAY, place=AIN_HALWA)]
    with store.lock("run-1"):
        writer = store.stage("run-1", merging=MergeTuning(place_km=30.0))
        writer.add_events(["one", "two"], far)
        writer.commit()
    assert incidents(tmp_path)["n_reports"].tolist() == [2]


def test_incident_lists_read_back_as_lists(tmp_path: Path) -> None:
    days = [STRIKE_DAY + dt.timedelta(days=3 * i) for i in range(3)]
    commit(tmp_path, "run-1", [strike(f"a{i}", 5, day, event_date=day) for i, day in enumerate(days)])
    table = pd.read_parquet(tmp_path / "incidents", dtype_backend="pyarrow")
    assert len(table) == 3
    for column in ("event_ids", "urls", "sources", "merge_reasons"):
        assert pa.types.is_list(table[column].dtype.pyarrow_dtype)


def test_a_run_over_many_days_still_finds_every_incident_it_touches(tmp_path: Path) -> None:
    days = [STRIKE_DAY + dt.timedelta(days=3 * i) for i in range(100)]  # more windows than one filter holds
    night = [strike(f"a{i}", 5, day, event_date=day) for i, day in enumerate(days)]
    commit(tmp_path, "run-1", night)
    stored = set(incidents(tmp_path)["incident_id"])
    update = plan_incidents(
        Store(str(tmp_path)), to_table(night, EVENT_SCHEMA), {e.article_id for e in night}, MergeTuning()
    )
    assert update.replaced == stored and len(stored) == 100
    assert {r.incident_id for r in update.rows} == stored


def test_an_incident_of_last_year_is_found_by_tonights_reports(tmp_path: Path) -> None:
    new_year_eve = strike("eve", 7, D(2024, 1, 1), event_date=D(2023, 12, 31))
    commit(tmp_path, "run-1", [new_year_eve])
    commit(tmp_path, "run-2", [strike("morning", 8, D(2024, 1, 1), event_date=D(2024, 1, 1))])
    table = incidents(tmp_path)
    assert table[["incident_id", "n_reports"]].values.tolist() == [[incident_id_of(new_year_eve.event_id), 2]]
    assert sorted(p.name for p in (tmp_path / "incidents").iterdir() if p.is_dir()) == ["air_strike-2023-12"]
