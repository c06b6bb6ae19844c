"""The in-repo scorer against the reference `score.py` of the gold folder, plus its rules as tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from paths import REPO

from extractors.schema import EVENT_SCHEMA, Event, to_row
from flows.config import gold_dir
from flows.evaluation.scoring import (
    GoldError,
    GoldEvent,
    PredEvent,
    build_report,
    format_date,
    format_errors,
    load_gold,
    normalize_text,
    overlap,
    prf,
    score_files,
    slot_agreement,
    text_match,
)

REFERENCE = gold_dir() / "score.py"
needs_reference = pytest.mark.skipif(not REFERENCE.exists(), reason=f"reference scorer absent: {REFERENCE}")

# Invented articles: every scoring rule has a case here.
BOMBING = (
    "Jets bombed the market in Northville on Tuesday, killing 7 people and wounding 3. "
    "Rescue teams said the raid hit the old market. "
    "Separately, a drone struck a convoy near Eastport this month."
)
SETTLEMENT = (
    "Two hundred fighters of an armed group settled their status in Westbrook in 2019. "
    "The Hill Brigade said it enlisted about 40 men from the valley."
)
QUIET = "The town council met to discuss the water supply and the school calendar."
MISSED = "Helicopters dropped barrels on Southgate yesterday, the monitor said."


def _gold_line(aid: str, text: str, published: str, events: list[dict]) -> str:
    record = {"id": aid, "url": None, "title": None, "published": published, "text": text, "events": events}
    return json.dumps(record)


def _gold_event(etype: str, evidence: str, **slots: object) -> dict:
    base = {
        "type": etype,
        "evidence": evidence,
        "date": None,
        "count": None,
        "count_qualifier": None,
        "injured": None,
        "location": None,
        "actor": None,
    }
    return {**base, **slots}


GOLD = [
    _gold_line(
        "syn-1",
        BOMBING,
        "2021-03-10",
        [
            _gold_event(
                "air_strike",
                "Jets bombed the market in Northville on Tuesday",
                evidence_alt=["the raid hit the old market"],
                date="2021-03-09",
                location="Northville",
                actor="the jets",
            ),
            _gold_event(
                "casualties",
                "killing 7 people and wounding 3",
                date="2021-03-09",
                count=7,
                count_qualifier="exact",
                injured=3,
                location="Northville",
            ),
            _gold_event(
                "air_strike",
                "a drone struck a convoy near Eastport this month",
                date="2021-03",
                location="Eastport",
            ),
        ],
    ),
    _gold_line(
        "syn-2",
        SETTLEMENT,
        "2021-05-02",
        [
            _gold_event(
                "reconciliation",
                "Two hundred fighters of an armed group settled their status",
                date="2019",
                count=200,
                count_qualifier="exact",
                location="Westbrook",
                actor="An armed group",
            ),
            _gold_event(
                "recruitment",
                "The Hill Brigade said it enlisted about 40 men from the valley",
                date="2021-05-02",
                count=40,
                count_qualifier="approx",
                actor="Hill Brigade",
            ),
        ],
    ),
    _gold_line("syn-3", QUIET, "2021-06-01", []),
    _gold_line(
        "syn-4",
        MISSED,
        "2021-06-01",
        [
            _gold_event(
                "air_strike",
                "Helicopters dropped barrels on Southgate yesterday",
                date="2021-05-31",
                location="Southgate",
                actor="Helicopters",
            )
        ],
    ),
]


def _event(aid: str, etype: str, text: str, evidence: str, **slots: object) -> Event:
    start = text.find(evidence)
    assert start >= 0, evidence
    end = start + len(evidence)
    return Event(
        event_id=Event.make_id(aid, etype, start, end),
        article_id=aid,
        event_type=etype,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        **slots,
    )  # type: ignore[arg-type]


def _predictions() -> list[Event]:
    day = dt.date
    return [
        # cites the alt evidence only; actor matches after dropping "the"; location case differs
        _event(
            "syn-1",
            "air_strike",
            BOMBING,
            "Rescue teams said the raid hit the old market.",
            event_date=day(2021, 3, 9),
            date_precision="day",
            location="northville",
            actor="Jets",
        ),
        # right count, wrong qualifier, wrong day of the right year, right injured
        _event(
            "syn-1",
            "casualties",
            BOMBING,
            "killing 7 people",
            event_date=day(2021, 3, 15),
            date_precision="day",
            count=7,
            count_qualifier="at_least",
            injured=3,
            location="Northville",
        ),
        # month precision written from a first-of-month date; quoted place
        _event(
            "syn-1",
            "air_strike",
            BOMBING,
            "a drone struck a convoy near Eastport",
            event_date=day(2021, 3, 1),
            date_precision="month",
            location="'Eastport'",
        ),
        # same sentence as a gold casualty but of another type: spurious
        _event("syn-1", "recruitment", BOMBING, "Rescue teams said the raid hit the old market."),
        # year precision; actor contains gold's actor after "an" is dropped; count wrong
        _event(
            "syn-2",
            "reconciliation",
            SETTLEMENT,
            "fighters of an armed group settled their status in Westbrook",
            event_date=day(2019, 1, 1),
            date_precision="year",
            count=2,
            count_qualifier="exact",
            location="Westbrook",
            actor="armed group fighters",
        ),
        # two recruitment predictions overlap one gold event: the one agreeing on more slots wins
        _event(
            "syn-2",
            "recruitment",
            SETTLEMENT,
            "The Hill Brigade said it enlisted about 40 men from the valley.",
            event_date=day(2021, 5, 2),
            date_precision="day",
            count=40,
            count_qualifier="at_least",
        ),
        _event(
            "syn-2",
            "recruitment",
            SETTLEMENT,
            "it enlisted about 40 men",
            event_date=day(2021, 5, 2),
            date_precision="day",
            count=40,
            count_qualifier="approx",
            actor="the Hill Brigade",
        ),
        # an article with no gold events
        _event("syn-3", "casualties", QUIET, "The town council met"),
        # an article id the gold file does not have
        _event("syn-9", "air_strike", QUIET, "the school calendar"),
    ]


def _write_gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(GOLD) + "\n", encoding="utf-8")
    return path


def _write_parquet(tmp_path: Path, events: list[Event]) -> Path:
    out = tmp_path / "events"
    out.mkdir()
    table = pa.Table.from_pylist([to_row(e) for e in events], schema=EVENT_SCHEMA)
    pq.write_table(table, out / "part-0.parquet")
    return out


def _write_jsonl(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r, default=str) for r in rows) + "\n", encoding="utf-8")
    return path


def reference_report(gold: Path, pred: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def reference_errors(gold: Path, pred: Path) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), str(pred), "--errors", "1000"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return [line.split("\t") for line in done.stdout.splitlines() if "\t" in line]


def _as_fields(errors: list) -> list[list[str]]:
    """Errors as the reference prints them (its numbers read from Parquet may print as `2.0`)."""
    fields = [(e.kind, e.article_id, e.event_type, e.what, e.gold, e.pred) for e in errors]
    return [["" if v is None else str(v) for v in row] for row in fields]


def _integral(fields: list[list[str]]) -> list[list[str]]:
    return [[v.removesuffix(".0") for v in row] for row in fields]


@needs_reference
def test_synthetic_parquet_report_and_errors_equal_reference(tmp_path: Path) -> None:
    gold, pred = _write_gold(tmp_path), _write_parquet(tmp_path, _predictions())
    result = score_files(gold, pred)
    report = build_report(result)
    assert report == reference_report(gold, pred)
    assert _as_fields(result.errors) == _integral(reference_errors(gold, pred))
    # the case table exercised what it claims to
    assert report["unknown_article_ids"] == 1
    assert report["overall"]["tp"] == 5
    assert {e.kind for e in result.errors} == {"missed", "spurious", "slot"}


@needs_reference
def test_synthetic_jsonl_without_offsets_equals_reference(tmp_path: Path) -> None:
    """Predictions with no offsets are located by their evidence text, or are unmatched if absent."""
    rows = []
    for event in _predictions():
        row = to_row(event)
        del row["evidence_start"], row["evidence_end"]
        rows.append(row)
    rows.append({"article_id": "syn-4", "event_type": "air_strike", "evidence": "not in the article"})
    gold, pred = _write_gold(tmp_path), _write_jsonl(tmp_path, rows)
    report = build_report(score_files(gold, pred))
    assert report == reference_report(gold, pred)
    assert report["types"]["air_strike"]["pred"] == 3


def test_missing_evidence_in_gold_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(_gold_line("bad-1", QUIET, "2021-01-01", [_gold_event("casualties", "no such words")]))
    with pytest.raises(GoldError, match="evidence not found"):
        load_gold(path)


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        (dt.date(2021, 3, 9), "day", "2021-03-09"),
        (dt.date(2021, 3, 1), "month", "2021-03"),
        (dt.date(2019, 1, 1), "year", "2019"),
        (dt.date(2019, 1, 1), "Y", "2019"),
        (dt.date(2020, 7, 1), "M", "2020-07"),
        (dt.date(2020, 7, 4), None, "2020-07-04"),
        ("2020-07-04", "day", "2020-07-04"),
        (dt.datetime(2018, 2, 3, 10, 30), "day", "2018-02-03"),
        (None, "day", None),
        (float("nan"), "year", None),
    ],
)
def test_format_date(value: object, precision: str | None, expected: str | None) -> None:
    assert format_date(value, precision) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("The Army", "army"),
        ("an armed group", "armed group"),
        ("A unit", "unit"),
        ("'Eastport'", "eastport"),
        # the reference removes only the closing curly quote
        ("\u2018Eastport\u2019", "\u2018eastport"),
        ('"Free Army"', "free army"),
        ("  the   valley ", "valley"),
        ("Theatre Road", "theatre road"),
        ("another town", "another town"),
        ("", ""),
        (None, ""),
    ],
)
def test_normalize_text(value: object, expected: str) -> None:
    assert normalize_text(value) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("the jets", "Jets", True),
        ("Northville", "northern Northville", True),
        ("Daraa al-Balad", "Daraa", True),
        ("Eastport", "'Eastport'", True),
        ("Hill Brigade", "the Valley Brigade", False),
        ("Northville", None, False),
        ("Northville", "", False),
        ("Northville", "  ", False),
    ],
)
def test_text_match(gold: str, pred: str | None, expected: bool) -> None:
    assert text_match(gold, pred) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 10), (5, 20), 5), ((0, 10), (10, 20), 0), ((3, 4), (0, 100), 1), ((50, 60), (0, 10), 0)],
)
def test_overlap(a: tuple[int, int], b: tuple[int, int], expected: int) -> None:
    assert overlap(a, b) == expected


@pytest.mark.parametrize(
    ("tp", "pred", "gold", "expected"),
    [
        (0, 0, 0, (0.0, 0.0, 0.0)),
        (2, 4, 2, (0.5, 1.0, 2 / 3)),
        (3, 3, 6, (1.0, 0.5, 2 / 3)),
        (0, 5, 5, (0.0, 0.0, 0.0)),
    ],
)
def test_prf(tp: int, pred: int, gold: int, expected: tuple[float, float, float]) -> None:
    assert prf(tp, pred, gold) == pytest.approx(expected)


def _gold(**slots: object) -> GoldEvent:
    base: dict = {
        "event_type": "casualties",
        "evidence": "x",
        "spans": ((0, 1),),
        "date": None,
        "count": None,
        "count_qualifier": None,
        "injured": None,
        "location": None,
        "actor": None,
    }
    return GoldEvent(**{**base, **slots})


def _pred(**slots: object) -> PredEvent:
    base: dict = {
        "article_id": "a",
        "event_type": "casualties",
        "evidence": "x",
        "evidence_start": 0,
        "evidence_end": 1,
        "date": None,
        "count": None,
        "count_qualifier": None,
        "injured": None,
        "location": None,
        "actor": None,
    }
    return PredEvent(**{**base, **slots})


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (_gold(), _pred(count=4, actor="army"), {"all_key_slots": True}),
        (
            _gold(date="2020-05"),
            _pred(date="2020-05"),
            {"date": True, "date_year": True, "all_key_slots": True},
        ),
        (
            _gold(date="2020-05"),
            _pred(date="2020-05-01"),
            {"date": False, "date_year": True, "all_key_slots": False},
        ),
        (_gold(date="2020"), _pred(), {"date": False, "date_year": False, "all_key_slots": False}),
        (_gold(count=0), _pred(count=0), {"count": True, "all_key_slots": True}),
        (
            _gold(count=12, count_qualifier="at_least"),
            _pred(count=12, count_qualifier="approx"),
            {"count": True, "count_qualifier": False, "all_key_slots": True},
        ),
        (_gold(injured=5), _pred(injured=None), {"injured": False, "all_key_slots": True}),
        (
            _gold(location="Westbrook", actor="the army"),
            _pred(location="westbrook", actor="army units"),
            {"location": True, "actor": True, "all_key_slots": True},
        ),
        (
            _gold(location="", actor="rebels"),
            _pred(location="Eastport"),
            {"actor": False, "all_key_slots": False},
        ),
    ],
)
def test_slot_agreement(gold: GoldEvent, pred: PredEvent, expected: dict[str, bool]) -> None:
    got = {k: v for k, v in slot_agreement(gold, pred).items() if v is not None}
    assert got == expected


def test_errors_are_readable_lines(tmp_path: Path) -> None:
    result = score_files(_write_gold(tmp_path), _write_parquet(tmp_path, _predictions()))
    text = format_errors(result.errors)
    assert "missed" in text and "syn-4" in text
    assert "count_qualifier: gold='exact' pred='at_least'" in text
    assert len(text.splitlines()) == len(result.errors)


# ---- the command -----------------------------------------------------------------------------

DEV = gold_dir() / "dev.jsonl"
SITREP = str(Path(sys.executable).parent / "sitrep")


def _sitrep_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SITREP, "eval", *args], capture_output=True, text=True, timeout=600, cwd=REPO)


@needs_reference
def test_cli_scores_given_predictions_like_the_reference(tmp_path: Path) -> None:
    gold, pred = _write_gold(tmp_path), _write_parquet(tmp_path, _predictions())
    done = _sitrep_eval(str(gold), "--pred", str(pred), "--json", "--errors", "3")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    reference = reference_report(gold, pred)
    assert {k: printed[k] for k in reference} == reference
    assert len(printed["errors"]) == 3 and printed["extraction"] is None


def test_cli_table_lists_errors(tmp_path: Path) -> None:
    done = _sitrep_eval(
        str(_write_gold(tmp_path)), "--pred", str(_write_parquet(tmp_path, _predictions())), "--errors", "2"
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:4] == ["type", "gold", "pred", "tp"]
    assert any(line.startswith("overall") for line in lines)
    errors = [line for line in lines if line.split()[:2][-1].startswith("syn-")]
    assert len(errors) == 2


@pytest.mark.parametrize(
    ("line", "message"), [("not json", "not a gold record"), ('{"id": "x"}', "not a gold record")]
)
def test_cli_bad_gold_exits_2(tmp_path: Path, line: str, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    done = _sitrep_eval(str(gold), "--pred", str(gold))
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_cli_missing_model_exits_2(tmp_path: Path) -> None:
    done = _sitrep_eval(str(_write_gold(tmp_path)), "--model", "no_such_model_pkg")
    assert done.returncode == 2
    assert "no_such_model_pkg" in done.stderr and "Traceback" not in done.stderr


@needs_reference
@pytest.mark.skipif(not DEV.exists(), reason=f"dev gold absent: {DEV}")
@pytest.mark.model
@pytest.mark.slow
def test_dev_eval_equals_reference_on_its_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = _sitrep_eval(str(DEV), "--json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    reference = reference_report(DEV, out / "events")
    assert {k: printed[k] for k in reference} == reference
    extraction = printed["extraction"]
    assert extraction["articles_read"] == extraction["processed"] + extraction["rejected"] == 83
    assert extraction["events"] == reference["overall"]["pred"] > 0


# ---- merging across articles -----------------------------------------------------------------

# Invented reports of one strike on Tell Sabkha by three outlets, a strike on Ain Halwa the same day,
# and (in the third article) a second, separate strike on Tell Sabkha two days later.
REPORTS = {
    "inc-1": "Warplanes struck Tell Sabkha on Tuesday, killing 9 people.",
    "inc-2": "An air raid on Tell Sabkha on Tuesday killed 11 civilians, medics said.",
    "inc-3": (
        "At least 12 people died when jets bombed Tell Sabkha on Tuesday. "
        "Jets also bombed Tell Sabkha on Thursday, killing 2."
    ),
    "inc-4": "Drones struck Ain Halwa on Tuesday, killing 4 people.",
}
MERGE_GOLD = [
    _gold_line(
        "inc-1",
        REPORTS["inc-1"],
        "2024-03-06",
        [_gold_event("air_strike", "Warplanes struck Tell Sabkha on Tuesday", incident="sabkha-tue")],
    ),
    _gold_line(
        "inc-2",
        REPORTS["inc-2"],
        "2024-03-06",
        [_gold_event("air_strike", "An air raid on Tell Sabkha on Tuesday", incident="sabkha-tue")],
    ),
    _gold_line(
        "inc-3",
        REPORTS["inc-3"],
        "2024-03-08",
        [
            _gold_event("air_strike", "jets bombed Tell Sabkha on Tuesday", incident="sabkha-tue"),
            _gold_event("air_strike", "Jets also bombed Tell Sabkha on Thursday", incident="sabkha-thu"),
        ],
    ),
    _gold_line(
        "inc-4",
        REPORTS["inc-4"],
        "2024-03-06",
        [_gold_event("air_strike", "Drones struck Ain Halwa on Tuesday", incident="halwa-tue")],
    ),
]
PLACES = {
    "Tell Sabkha": {"location_name": "Tell Sabkha", "admin1": "North", "country_code": "SY"},
    "Ain Halwa": {"location_name": "Ain Halwa", "admin1": "North", "country_code": "SY"},
}
COORDINATES = {"Tell Sabkha": (36.0, 37.0), "Ain Halwa": (36.25, 37.0)}


def _report(aid: str, evidence: str, place: str, day: dt.date, count: int, published: dt.date) -> Event:
    latitude, longitude = COORDINATES[place]
    return _event(
        aid,
        "air_strike",
        REPORTS[aid],
        evidence,
        event_date=day,
        date_precision="day",
        count=count,
        location=place,
        published=published,
        url=f"https://{aid}.example/1",
        latitude=latitude,
        longitude=longitude,
        geo_precision=1,
        **PLACES[place],
    )


def _merge_predictions() -> list[Event]:
    tuesday, thursday = dt.date(2024, 3, 5), dt.date(2024, 3, 7)
    return [
        _report(
            "inc-1", "Warplanes struck Tell Sabkha on Tuesday", "Tell Sabkha", tuesday, 9, dt.date(2024, 3, 6)
        ),
        _report(
            "inc-2", "An air raid on Tell Sabkha on Tuesday", "Tell Sabkha", tuesday, 11, dt.date(2024, 3, 6)
        ),
        _report(
            "inc-3", "jets bombed Tell Sabkha on Tuesday", "Tell Sabkha", tuesday, 12, dt.date(2024, 3, 8)
        ),
        _report(
            "inc-3",
            "Jets also bombed Tell Sabkha on Thursday",
            "Tell Sabkha",
            thursday,
            2,
            dt.date(2024, 3, 8),
        ),
        _report("inc-4", "Drones struck Ain Halwa on Tuesday", "Ain Halwa", tuesday, 4, dt.date(2024, 3, 6)),
    ]


def _write_merge_gold(tmp_path: Path) -> Path:
    path = tmp_path / "merge-gold.jsonl"
    path.write_text("\n".join(MERGE_GOLD) + "\n", encoding="utf-8")
    return path


def _hand_labelled(labels: list[str | None]) -> list[Event]:
    return [
        dataclasses.replace(e, incident_id=label)
        for e, label in zip(_merge_predictions(), labels, strict=True)
    ]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        # right: the three Tuesday reports together, Thursday and Ain Halwa alone
        (["t", "t", "t", "th", "h"], (3, 3, 3)),
        # one report of Tuesday missed: recall 1/3
        (["t", "t", "x", "th", "h"], (3, 1, 1)),
        # Ain Halwa glued to Tuesday: precision 3/6
        (["t", "t", "t", "th", "t"], (3, 6, 3)),
        # no incident ids at all: nothing merged
        ([None, None, None, None, None], (3, 0, 0)),
        # same-article pairs never count, even with one label on both
        (["a", "b", "c", "c", "d"], (3, 0, 0)),
    ],
)
@needs_reference
def test_merging_figures_equal_reference(
    tmp_path: Path, labels: list[str | None], expected: tuple[int, int, int]
) -> None:
    gold, pred = _write_merge_gold(tmp_path), _write_parquet(tmp_path, _hand_labelled(labels))
    report = build_report(score_files(gold, pred))
    assert report == reference_report(gold, pred)
    merging = report["merging"]
    assert (merging["gold_pairs"], merging["pred_pairs"], merging["both"]) == expected


@needs_reference
def test_cluster_id_is_read_when_there_is_no_incident_id(tmp_path: Path) -> None:
    rows = []
    for event, label in zip(_merge_predictions(), ["t", "t", "t", "th", "h"], strict=True):
        row = to_row(event)
        del row["incident_id"]
        rows.append({**row, "cluster_id": label})
    gold, pred = _write_merge_gold(tmp_path), _write_jsonl(tmp_path, rows)
    report = build_report(score_files(gold, pred))
    assert report == reference_report(gold, pred)
    assert report["merging"]["f1"] == 1.0


def test_no_merging_figures_without_gold_labels(tmp_path: Path) -> None:
    report = build_report(score_files(_write_gold(tmp_path), _write_parquet(tmp_path, _predictions())))
    assert "merging" not in report


@needs_reference
def test_incidents_merged_by_the_store_score_like_the_reference(tmp_path: Path) -> None:
    """A real commit merges the reports; `sitrep eval --pred` and score.py read its events alike."""
    from flows.storage.store import Store

    store = Store(str(tmp_path / "out"))
    events = _merge_predictions()
    with store.lock("merge-run"):
        writer = store.stage("merge-run")
        writer.add_events(sorted({e.article_id for e in events}), events)
        writer.commit()
    gold, pred = _write_merge_gold(tmp_path), tmp_path / "out" / "events"
    done = _sitrep_eval(str(gold), "--pred", str(pred), "--json")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    reference = reference_report(gold, pred)
    assert {k: printed[k] for k in reference} == reference
    assert reference["merging"] == {
        "gold_pairs": 3,
        "pred_pairs": 3,
        "both": 3,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    table = _sitrep_eval(str(gold), "--pred", str(pred))
    assert (
        "merging across articles: P 1.000 R 1.000 F1 1.000 (gold pairs 3, predicted pairs 3)" in table.stdout
    )
