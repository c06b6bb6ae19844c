"""The Prefect flows end to end: read, extract in batches, store, log the run; read back with pandas."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extractors.pipeline import DEFAULT_MODEL
from extractors.schema import EVENT_TYPES
from flows.config import SAMPLE_CONFIG, Settings
from flows.extract import CHUNK_CHARS, chunk_starts, extract_chunked, extract_safely, pipeline_for
from flows.inputs.language import detect_language

# sentences written for these tests
STRIKE = "Warplanes bombed the market of Tell Sabkha on Monday, killing nine civilians, a monitor said."
JOINED = "More than 60 young men joined the Harith Brigades in the town of Nahr Azraq last week."
QUIET = "The municipal council of Nahr Azraq opened a new public library on Sunday."
FRENCH = "Des avions ont bombardé le marché de la ville lundi, selon les habitants du quartier."


def jsonl(path: Path, rows: list[dict[str, object] | str]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def small_corpus(folder: Path, strike_text: str = STRIKE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    published = "2025-03-05"
    jsonl(
        folder / "wire.jsonl",
        [
            {"id": "s-1", "url": "https://w.example/1", "published": published, "text": strike_text},
            {"id": "s-2", "published": published, "text": JOINED},
            {"id": "s-3", "published": published, "text": QUIET},
            {"id": "s-4", "published": published, "text": FRENCH},
            {"id": "s-5", "published": published, "text": ""},
            '{"id": "s-6", "text": "broken',
        ],
    )
    (folder / "notes.txt").write_text(f"Published: {published}\n\n{JOINED} {QUIET}\n")
    return folder


def events_of(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "events", dtype_backend="pyarrow")


@pytest.mark.parametrize(
    ("text", "size", "expected"),
    [
        ("short", 10, [0]),
        ("a" * 25, 10, [0, 10, 20]),
        ("aaaa bbbb cccc dddd", 10, [0, 10]),
        ("aaaaaa. bbbbbbbbbbbbbb", 10, [0, 8, 18]),
        ("aaaaaa\n\nbbbbbbbbb", 10, [0, 8]),
        ("", 10, [0]),
        ("x" * 10, 10, [0]),
        ("x" * 11, 10, [0, 10]),
        ("a b c d e f g h i j k l", 10, [0, 10, 20]),
        ("ab\ncdefghijklmnopqrst", 10, [0, 10, 20]),
    ],
)
def test_chunk_starts(text: str, size: int, expected: list[int]) -> None:
    starts = chunk_starts(text, size)
    assert starts == expected
    assert all(b - a <= size for a, b in zip(starts, [*starts[1:], len(text)], strict=True))


@pytest.mark.model
def test_long_text_events_keep_offsets_into_the_whole_text() -> None:
    from extractors.schema import Article

    filler = "Residents of the eastern districts said the bakeries had reopened. " * 1600
    text = f"{filler}{STRIKE} {filler}{STRIKE}"
    assert len(text) > 2 * CHUNK_CHARS
    article = Article(article_id="long-1", text=text, published=pd.Timestamp("2025-03-05").date())
    (result,) = extract_chunked(pipeline_for(DEFAULT_MODEL), [article], batch_size=8, n_process=1)
    assert result.error is None and result.events
    assert {e.evidence_start for e in result.events} & set(range(CHUNK_CHARS, len(text)))
    for e in result.events:
        assert text[e.evidence_start : e.evidence_end] == e.evidence


@pytest.mark.slow
@pytest.mark.model
def test_extract_flow_stores_counts_and_replaces(tmp_path: Path, prefect_harness: None) -> None:
    from flows.pipeline import sitrep_extract

    out = tmp_path / "out"
    corpus = small_corpus(tmp_path / "in")
    first = sitrep_extract(input=str(corpus), out=str(out), articles_per_task=2)
    assert first.status == "completed"
    assert first.articles_read == 7 == first.processed + first.rejected
    assert first.processed == 4  # s-1, s-2, s-3 and notes.txt; s-4 French, s-5 empty, s-6 broken
    rejects = pd.read_parquet(out / "rejects")
    assert sorted(rejects["error_kind"]) == ["bad_json", "empty_text", "unsupported_language"]
    assert len(pd.read_parquet(out / "articles")) == 5  # the French article is stored, not extracted
    events = events_of(out)
    assert len(events) == sum(first.events_by_type.values()) > 0
    assert set(events["event_type"]) <= set(EVENT_TYPES)
    assert (events["run_id"] == first.run_id).all() and events["event_id"].is_unique
    texts = pd.read_parquet(out / "articles").set_index("article_id")["text"]
    for row in events.itertuples():
        assert texts[row.article_id][row.evidence_start : row.evidence_end] == row.evidence
    assert "s-1" in set(events["article_id"])

    incidents = pd.read_parquet(out / "incidents")
    assert events["incident_id"].notna().all()
    assert set(events["incident_id"]) == set(incidents["incident_id"])

    again = sitrep_extract(input=str(corpus), out=str(out))
    repeated = events_of(out)
    assert again.events_by_type == first.events_by_type
    assert sorted(repeated["event_id"]) == sorted(events["event_id"])
    pd.testing.assert_frame_equal(pd.read_parquet(out / "incidents"), incidents)

    small_corpus(tmp_path / "in", strike_text=QUIET + " Nothing else was reported.")
    sitrep_extract(input=str(corpus), out=str(out))
    assert "s-1" not in set(events_of(out)["article_id"])  # its stale events are gone

    runs = pd.read_parquet(out / "runs")
    assert sorted(runs["status"]) == ["completed"] * 3
    assert (runs["articles_read"] == runs["articles_processed"] + runs["articles_rejected"]).all()
    assert not (out / "_lock.json").exists() and not (out / "_staging").exists()


# two outlets' reports of one (invented) strike on a real town, and a strike elsewhere that day
OUTLET_ONE = "Warplanes bombed the market of Saraqib in Idlib province on Monday, killing nine civilians."
OUTLET_TWO = "An air strike hit Saraqib in Idlib province on Monday, killing 11 people, rescuers said."
ELSEWHERE = "Warplanes bombed the market of Jisr al-Shughur in Idlib province on Monday, killing four people."


@pytest.mark.slow
@pytest.mark.model
def test_two_outlets_reports_of_one_strike_become_one_incident(tmp_path: Path, prefect_harness: None) -> None:
    from flows.pipeline import sitrep_extract

    published = "2025-03-05"
    rows: list[dict[str, object] | str] = [
        {"id": f"o-{i}", "url": f"https://outlet{i}.example/a", "published": published, "text": text}
        for i, text in enumerate((OUTLET_ONE, OUTLET_TWO, ELSEWHERE))
    ]
    corpus = jsonl(tmp_path / "wire.jsonl", rows)
    sitrep_extract(input=str(corpus), out=str(tmp_path / "out"))
    incidents = pd.read_parquet(tmp_path / "out" / "incidents", filters=[("event_type", "==", "air_strike")])
    merged = incidents[incidents["n_reports"] == 2]
    assert len(merged) == 1 and merged["location_name"].iloc[0] == "Saraqib"
    assert sorted(merged["sources"].iloc[0]) == ["outlet0.example", "outlet1.example"]
    events = events_of(tmp_path / "out")
    strikes = events[events["event_type"] == "air_strike"].set_index("article_id")["incident_id"]
    assert strikes["o-0"] == strikes["o-1"] != strikes["o-2"]


@pytest.mark.slow
def test_failed_run_is_logged_and_leaves_the_data_alone(tmp_path: Path, prefect_harness: None) -> None:
    from flows.pipeline import sitrep_extract

    out = tmp_path / "out"
    with pytest.raises(RuntimeError, match="not installed"):
        sitrep_extract(input=str(small_corpus(tmp_path / "in")), out=str(out), model="no_such_model_xyz")
    runs = pd.read_parquet(out / "runs")
    assert runs["status"].tolist() == ["failed"] and "not installed" in runs["message"][0]
    assert not (out / "events").exists() and not (out / "articles").exists()
    assert not (out / "_lock.json").exists()


@pytest.mark.slow
@pytest.mark.model
def test_pipeline_on_the_sample_corpus(tmp_path: Path, prefect_harness: None) -> None:
    from prefect.client.orchestration import get_client

    from flows.pipeline import sitrep_pipeline

    assert Settings().model == DEFAULT_MODEL and SAMPLE_CONFIG.exists()
    summary = sitrep_pipeline(out=str(tmp_path / "data"))
    assert summary.status == "completed" and summary.articles_read == summary.processed + summary.rejected
    events = events_of(tmp_path / "data")
    assert set(events["event_type"]) == set(EVENT_TYPES)
    rejects = pd.read_parquet(tmp_path / "data" / "rejects")
    assert "unsupported_language" in set(rejects["error_kind"])  # the French wire story
    with get_client(sync_client=True) as client:
        keys = {a.key for a in client.read_artifacts()}
    assert "sitrep-pipeline-summary" in keys


def test_a_text_spacy_fails_on_costs_only_its_own_article() -> None:
    import spacy
    from spacy.language import Language

    from extractors.schema import Article

    @Language.component("sitrep_test_fails_on_marker")
    def fails_on_marker(doc):  # type: ignore[no-untyped-def]
        if "MARKER" in doc.text:
            raise ValueError("this text breaks the parser")
        return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitrep_test_fails_on_marker")
    articles = [
        Article(article_id=i, text=t) for i, t in [("a", STRIKE), ("bad", f"MARKER {QUIET}"), ("b", JOINED)]
    ]
    results = extract_safely(nlp, articles, batch_size=8, n_process=1)
    assert [r.article.article_id for r in results] == ["a", "bad", "b"]
    assert "breaks the parser" in (results[1].error or "")
    assert "breaks the parser" not in f"{results[0].error}{results[2].error}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck Tell Sabkha.", "en"),
        ("Drones hit Nahr Azraq.", "en"),
        ("Militia recruits 40 in Kafr Sama", "en"),
        (STRIKE, "en"),
        (JOINED + " " + QUIET, "en"),
        (FRENCH, "fr"),
        ("Kampfflugzeuge bombardierten am Montag den Markt der Stadt, sagten Bewohner.", "de"),
        ("Aviones de guerra bombardearon el mercado de la ciudad el lunes, dijeron vecinos.", "es"),
        ("قصفت الطائرات الحربية سوق المدينة يوم الاثنين", "ar"),
        ("Военные самолёты нанесли удар по рынку города в понедельник.", "ru"),
    ],
)
def test_detect_language_is_sure_before_it_says_not_english(text: str, expected: str) -> None:
    assert detect_language(text) == expected
