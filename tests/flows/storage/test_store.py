"""Store: typed, idempotent, replace-by-article, atomic Parquet datasets read back with pandas."""

from __future__ import annotations

import datetime as dt
import os
import socket
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extractors.schema import (
    EVENT_SCHEMA,
    INCIDENT_SCHEMA,
    REJECT_SCHEMA,
    SCHEMA_VERSION,
    Article,
    Event,
    Reject,
    Run,
)
from flows.storage.store import (
    LockHeld,
    Store,
    StoreError,
    bucket_of,
    iter_articles,
    read_column,
    write_batch,
)

# texts written for these tests
TEXTS = {
    "art-1": "Jets struck a fuel depot near Town D on Sunday. Two guards were killed in the raid.",
    "art-2": "Forty volunteers joined the brigade in Town E last month, a commander said.",
    "art-3": "Elders of Town F signed a settlement with the army on Tuesday.",
}


def article(article_id: str, text: str | None = None, run_id: str = "run-a") -> Article:
    text = text or TEXTS[article_id]
    return Article(article_id=article_id, text=text, published=dt.date(2024, 3, 10), run_id=run_id)


def event(a: Article, event_type: str, phrase: str, day: dt.date, run_id: str = "run-a") -> Event:
    start = a.text.index(phrase)
    end = start + len(phrase)
    return Event(
        event_id=Event.make_id(a.article_id, event_type, start, end),
        article_id=a.article_id,
        event_type=event_type,
        evidence=phrase,
        evidence_start=start,
        evidence_end=end,
        event_date=day,
        date_precision="day",
        run_id=run_id,
    )


def corpus(run_id: str = "run-a") -> tuple[list[Article], list[Event]]:
    a1, a2, a3 = (article(i, run_id=run_id) for i in TEXTS)
    events = [
        event(
            a1, "air_strike", "Jets struck a fuel depot near Town D on Sunday.", dt.date(2024, 3, 10), run_id
        ),
        event(a1, "casualties", "Two guards were killed in the raid.", dt.date(2024, 3, 10), run_id),
        event(a2, "recruitment", "Forty volunteers joined the brigade", dt.date(2024, 2, 1), run_id),
        event(a3, "reconciliation", "Elders of Town F signed a settlement", dt.date(2019, 5, 7), run_id),
    ]
    return [a1, a2, a3], events


def commit(store: Store, run_id: str, articles: list[Article], events: list[Event]) -> None:
    with store.lock(run_id):
        writer = store.stage(run_id)
        writer.add_articles(articles)
        writer.add_events([a.article_id for a in articles], events)
        writer.commit()


def read_events(out: Path, **kwargs: object) -> pd.DataFrame:
    return pd.read_parquet(out / "events", dtype_backend="pyarrow", **kwargs)  # type: ignore[arg-type]


def rows(df: pd.DataFrame) -> list[tuple[object, ...]]:
    return sorted(df.drop(columns=["run_id"]).itertuples(index=False, name=None), key=repr)


def test_same_input_twice_gives_the_same_rows(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    articles, events = corpus("run-a")
    commit(store, "run-a", articles, events)
    first = read_events(tmp_path)
    articles, events = corpus("run-b")
    commit(store, "run-b", articles, events)
    second = read_events(tmp_path)
    assert len(second) == 4 and second["event_id"].is_unique
    assert rows(first) == rows(second)
    assert set(second["run_id"]) == {"run-b"}
    assert len(pd.read_parquet(tmp_path / "articles")) == 3


def test_re_extracted_article_replaces_all_its_events(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    articles, events = corpus()
    commit(store, "run-a", articles, events)
    updated = article("art-1", "Jets struck a fuel depot near Town D on Sunday, officials said.", "run-b")
    new_event = event(
        updated, "air_strike", "Jets struck a fuel depot near Town D on Sunday", dt.date(2024, 3, 10)
    )
    emptied = article("art-3", run_id="run-b")  # now extracts nothing: its old event must go
    commit(store, "run-b", [updated, emptied], [new_event])
    df = read_events(tmp_path)
    assert sorted(zip(df["article_id"], df["event_type"], strict=True)) == [
        ("art-1", "air_strike"),
        ("art-2", "recruitment"),
    ]
    assert df.loc[df["article_id"] == "art-1", "event_id"].tolist() == [new_event.event_id]
    stored = pd.read_parquet(tmp_path / "articles").set_index("article_id")
    assert stored.loc["art-1", "text"] == updated.text and stored.loc["art-2", "run_id"] == "run-a"


def test_typed_filters_work_with_pandas(tmp_path: Path) -> None:
    articles, events = corpus()
    commit(Store(str(tmp_path)), "run-a", articles, events)
    strikes = read_events(tmp_path, filters=[("event_type", "==", "air_strike")])
    assert strikes["article_id"].tolist() == ["art-1"]
    recent = read_events(tmp_path, filters=[("event_date", ">=", dt.date(2024, 1, 1))])
    assert sorted(recent["event_type"]) == ["air_strike", "casualties", "recruitment"]
    assert str(recent["event_date"].dtype) == "date32[day][pyarrow]"
    assert recent["event_date"].min() == dt.date(2024, 2, 1)
    assert "bucket" not in recent.columns


def test_every_file_carries_the_schema_version(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    articles, events = corpus()
    commit(store, "run-a", articles, events)
    store.write_run(Run(run_id="run-a", flow="extract", status="completed", started=dt.datetime.now(dt.UTC)))
    files = list(tmp_path.rglob("*.parquet"))
    assert {f.parent.parent.name for f in files} >= {"articles", "events"}
    for path in files:
        assert pq.read_schema(path).metadata[b"sitrep_schema_version"] == SCHEMA_VERSION.encode()
    for a in articles:
        assert (tmp_path / "events" / f"bucket-{bucket_of(a.article_id):02d}").is_dir()


def test_staged_writes_are_invisible_until_commit_and_leave_no_temp_files(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    articles, events = corpus()
    with store.lock("run-a"):
        writer = store.stage("run-a")
        writer.add_articles(articles)
        writer.add_events([a.article_id for a in articles], events)
        assert not (tmp_path / "events").exists() and not (tmp_path / "articles").exists()
        writer.commit()
    names = [p.name for p in tmp_path.rglob("*") if p.is_file()]
    assert not [n for n in names if n.startswith("_tmp")]
    assert not (tmp_path / "_staging").exists()
    assert len(read_events(tmp_path)) == 4


def test_aborted_run_changes_nothing(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    articles, events = corpus()
    commit(store, "run-a", articles, events)
    before = rows(read_events(tmp_path))
    with store.lock("run-b"):
        writer = store.stage("run-b")
        writer.add_articles([article("art-1", "Nothing happened in Town D.", "run-b")])
        writer.add_events(["art-1"], [])
        writer.abort()
    assert rows(read_events(tmp_path)) == before


def test_a_temp_file_in_a_dataset_is_ignored_by_readers(tmp_path: Path) -> None:
    articles, events = corpus()
    commit(Store(str(tmp_path)), "run-a", articles, events)
    bucket = next((tmp_path / "events").iterdir())
    (bucket / "_tmp-crashed.parquet").write_bytes(b"half a file")
    assert len(read_events(tmp_path)) == 4


def test_second_run_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    with store.lock("run-a"):
        with store.lock("run-a"):  # re-entrant for the same run
            pass
        assert (tmp_path / "_lock.json").exists()
        with pytest.raises(LockHeld) as refused, store.lock("run-b", wait=0.3):
            pass
        message = str(refused.value)
        assert "run-a" in message and str(os.getpid()) in message and socket.gethostname() in message
    assert not (tmp_path / "_lock.json").exists()
    with store.lock("run-b"):
        pass


def test_lock_of_a_dead_process_is_broken(tmp_path: Path) -> None:
    dead_pid = 2**22 + 12345  # above the default pid_max: no such process
    (tmp_path / "_lock.json").write_text(
        f'{{"run_id": "old", "pid": {dead_pid}, "host": "{socket.gethostname()}", "started": "x"}}'
    )
    with Store(str(tmp_path)).lock("run-b"):
        assert "run-b" in (tmp_path / "_lock.json").read_text()


@pytest.mark.parametrize(
    "bad",
    [
        Event(
            event_id="e",
            article_id="a",
            event_type="air_strike",
            evidence="x",
            evidence_start="0",
            evidence_end=1,
        ),  # type: ignore[arg-type]
        Event(event_id="e", article_id="a", event_type=None, evidence="x", evidence_start=0, evidence_end=1),  # type: ignore[arg-type]
        Event(
            event_id="e",
            article_id="a",
            event_type="casualties",
            evidence="x",
            evidence_start=0,
            evidence_end=1,
            count=2.5,
        ),  # type: ignore[arg-type]
    ],
)
def test_records_that_break_the_schema_are_refused(tmp_path: Path, bad: Event) -> None:
    store = Store(str(tmp_path))
    with store.lock("run-a"), pytest.raises(StoreError):
        store.stage("run-a").add_events(["a"], [bad])


def test_events_of_unlisted_articles_are_refused(tmp_path: Path) -> None:
    _, events = corpus()
    with pytest.raises(StoreError, match="not listed"):
        Store(str(tmp_path)).stage("run-a").add_events(["art-2"], events)


def test_rejects_and_runs_logs(tmp_path: Path) -> None:
    store = Store(str(tmp_path))
    reject = Reject(stage="read", error_kind="bad_json", message="x.jsonl:3: bad", at=dt.datetime.now(dt.UTC))
    with store.lock("run-a"):
        writer = store.stage("run-a")
        writer.add_rejects([reject])
        writer.commit()
    store.write_run(Run(run_id="run-a", flow="extract", status="completed", started=dt.datetime.now(dt.UTC)))
    assert pd.read_parquet(tmp_path / "rejects")["error_kind"].tolist() == ["bad_json"]
    assert pd.read_parquet(tmp_path / "runs")["status"].tolist() == ["completed"]


def test_helpers_for_ingest_over_an_fsspec_url(tmp_path: Path) -> None:
    out = f"file://{tmp_path}/out"
    articles, _ = corpus()
    write_batch(out, run_id="ingest-1", articles=articles)
    batches = list(iter_articles(out, run_id="ingest-1", batch_size=2))
    assert [len(b) for b in batches] == [2, 1]
    assert {a.article_id for b in batches for a in b} == set(TEXTS)
    assert all(isinstance(a.published, dt.date) for b in batches for a in b)
    assert list(iter_articles(out, run_id="other")) == []
    urls = read_column(out, "articles", ["article_id", "content_hash"])
    assert urls.num_rows == 3 and urls.column_names == ["article_id", "content_hash"]
    assert read_column(f"{tmp_path}/empty", "articles", ["url"]).num_rows == 0


def test_every_dataset_is_readable_after_a_run_without_events_or_rejects(tmp_path: Path) -> None:
    commit(Store(str(tmp_path)), "run-a", [article("art-3")], [])
    for name, schema in (
        ("events", EVENT_SCHEMA),
        ("incidents", INCIDENT_SCHEMA),
        ("rejects", REJECT_SCHEMA),
    ):
        df = pd.read_parquet(tmp_path / name, dtype_backend="pyarrow")
        assert df.empty and list(df.columns) == schema.names
    assert len(pd.read_parquet(tmp_path / "articles")) == 1
