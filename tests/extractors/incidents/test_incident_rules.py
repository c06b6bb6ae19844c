"""The matching rule as tables: each check on invented reports, then whole pairs with their reasons."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from extractors.incidents.reports import Report, date_window, outlet_of, report_of
from extractors.incidents.rules import (
    CHECKS,
    MergeTuning,
    RulesError,
    compare,
    haversine_km,
    load_rules,
    same_incident,
    within_factor,
)

TUNING = MergeTuning()
D = dt.date
MARCH_5 = D(2024, 3, 5)
# Invented places: (name, admin1, country, latitude, longitude, geo_precision)
TELL_SABKHA = ("Tell Sabkha", "North", "SY", 36.000, 37.000, 1)
NEAR_TELL_SABKHA = ("Tell Sabkha", "North", "SY", 36.000, 37.000, 2)
KAFR_NUR = ("Kafr Nur", "North", "SY", 36.030, 37.010, 1)  # 3.4 km from Tell Sabkha
AIN_HALWA = ("Ain Halwa", "North", "SY", 36.250, 37.000, 1)  # 28 km away
NORTH_PROVINCE = ("North", "North", "SY", 36.100, 37.100, 3)
SOUTH_PROVINCE = ("South", "South", "SY", 33.000, 36.000, 3)
SYRIA = ("Syria", None, "SY", 35.000, 38.000, 3)
SAME_NAME_ABROAD = ("Tell Sabkha", "North", "IQ", 36.000, 42.000, 1)


def report(
    event_id: str = "e1",
    article_id: str = "a1",
    day: dt.date | None = MARCH_5,
    precision: str | None = "day",
    place: tuple[Any, ...] | None = TELL_SABKHA,
    **columns: object,
) -> Report:
    name, admin1, country, lat, lon, geo = place or (None,) * 6
    row = {
        "event_id": event_id,
        "article_id": article_id,
        "event_type": "air_strike",
        "event_date": day,
        "date_precision": precision,
        "date_text": "on Tuesday" if day else None,  # dated by its text unless a test says otherwise
        "location_name": name,
        "admin1": admin1,
        "country_code": country,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": geo,
        "published": day,
        **columns,
    }
    return report_of(row)


def other(**columns: Any) -> Report:
    """A report of another article (e2 of a2), otherwise as given."""
    return report(**{"event_id": "e2", "article_id": "a2", **columns})


@pytest.mark.parametrize(
    ("start", "precision", "end", "expected"),
    [
        (D(2024, 3, 5), "day", None, (D(2024, 3, 5), D(2024, 3, 5))),
        (D(2024, 3, 5), None, None, (D(2024, 3, 5), D(2024, 3, 5))),
        (D(2024, 3, 1), "month", None, (D(2024, 3, 1), D(2024, 3, 31))),
        (D(2024, 2, 1), "month", None, (D(2024, 2, 1), D(2024, 2, 29))),
        (D(2023, 2, 1), "month", None, (D(2023, 2, 1), D(2023, 2, 28))),
        (D(2023, 12, 1), "month", None, (D(2023, 12, 1), D(2023, 12, 31))),
        (D(2024, 1, 1), "year", None, (D(2024, 1, 1), D(2024, 12, 31))),
        (D(2024, 3, 2), "day", D(2024, 3, 9), (D(2024, 3, 2), D(2024, 3, 9))),
        (D(2024, 3, 9), "day", D(2024, 3, 2), (D(2024, 3, 9), D(2024, 3, 9))),  # an end before the start
        (None, "day", None, (None, None)),
    ],
)
def test_date_window(
    start: dt.date | None, precision: str | None, end: dt.date | None, expected: tuple[object, object]
) -> None:
    assert date_window(start, precision, end) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example-news.com/2024/03/strike", "example-news.com"),
        ("https://example-news.com/a", "example-news.com"),
        ("http://WIRE.example.org/x?y=1", "wire.example.org"),
        ("https://m.example.net/", "m.example.net"),
        (None, "article:a1"),
        ("", "article:a1"),
        ("not a url", "article:a1"),
    ],
)
def test_outlet_of(url: str | None, expected: str) -> None:
    assert outlet_of(url, "a1") == expected


@pytest.mark.parametrize(
    ("a", "b", "factor", "expected"),
    [
        (9, 11, 3.0, True),
        (9, 12, 3.0, True),
        (10, 30, 3.0, True),
        (10, 31, 3.0, False),
        (31, 10, 3.0, False),
        (0, 0, 3.0, True),
        (0, 5, 3.0, False),
        (1, 3, 3.0, True),
        (5, 5, 1.0, True),
        (5, 6, 1.0, False),
        (None, 5, 3.0, False),
        (None, None, 3.0, False),
    ],
)
def test_within_factor(a: int | None, b: int | None, factor: float, expected: bool) -> None:
    assert within_factor(a, b, factor) is expected


def test_haversine_km() -> None:
    assert haversine_km(36.0, 37.0, 36.0, 37.0) == 0.0
    assert haversine_km(36.0, 37.0, 36.03, 37.01) == pytest.approx(3.45, abs=0.05)
    assert haversine_km(36.0, 37.0, 36.25, 37.0) == pytest.approx(27.8, abs=0.1)
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015, rel=1e-3)


@pytest.mark.parametrize(
    ("a", "b", "check", "expected"),
    [
        # dates
        (report(), other(), "days_within_tolerance", True),
        (report(), other(day=D(2024, 3, 6)), "days_within_tolerance", True),
        (report(), other(day=D(2024, 3, 4)), "days_within_tolerance", True),
        (report(), other(day=D(2024, 3, 7)), "days_within_tolerance", False),
        (report(), other(day=D(2024, 3, 1), precision="month"), "days_within_tolerance", False),
        (report(), other(day=D(2024, 3, 1), precision="month"), "day_inside_coarse_window", True),
        (report(), other(day=D(2024, 2, 1), precision="month"), "day_inside_coarse_window", False),
        (report(), other(day=D(2024, 1, 1), precision="year"), "day_inside_coarse_window", True),
        (report(), other(day=D(2024, 3, 6)), "day_inside_coarse_window", False),
        (
            report(),
            other(day=D(2006, 1, 1), precision="year", event_date_end=MARCH_5),
            "day_inside_coarse_window",
            False,
        ),
        (
            report(),
            other(day=D(2024, 3, 1), event_date_end=D(2024, 3, 10)),
            "day_inside_coarse_window",
            False,
        ),
        (
            report(),
            other(day=D(2024, 3, 1), precision="month", event_date_end=MARCH_5),
            "day_inside_coarse_window",
            False,
        ),
        (
            report(day=D(2024, 3, 1), precision="month"),
            other(day=D(2024, 3, 1), precision="month"),
            "day_inside_coarse_window",
            False,
        ),
        (report(), other(day=None), "days_within_tolerance", False),
        # places
        (report(), other(), "same_place_entry", True),
        (report(), other(place=NEAR_TELL_SABKHA), "same_place_entry", True),
        (report(), other(place=KAFR_NUR), "same_place_entry", False),
        (report(), other(place=KAFR_NUR), "places_within_km", True),
        (report(), other(place=AIN_HALWA), "places_within_km", False),
        # two villages known only as near one town: its coordinates, not theirs
        (
            report(place=NEAR_TELL_SABKHA),
            other(place=("Um Jloud", "North", "SY", 36.000, 37.000, 2)),
            "places_within_km",
            False,
        ),
        (report(), other(place=SAME_NAME_ABROAD), "same_place_entry", False),
        (report(), other(place=NORTH_PROVINCE), "same_place_entry", False),
        (report(), other(place=NORTH_PROVINCE), "places_within_km", False),
        (report(), other(place=NORTH_PROVINCE), "place_inside_area", True),
        (report(), other(place=SOUTH_PROVINCE), "place_inside_area", False),
        (report(), other(place=SYRIA), "place_inside_area", True),
        (report(place=SOUTH_PROVINCE), other(place=SYRIA), "place_inside_area", True),
        (report(), other(place=KAFR_NUR), "place_inside_area", False),
        (report(), other(place=("", None, "SY", None, None, None)), "place_inside_area", True),
        (report(), other(place=("", None, "IQ", None, None, None)), "place_inside_area", False),
        (report(), other(place=None), "same_place_entry", False),
        # actors and figures
        (report(actor_name="Air Force"), other(actor_name="Air Force"), "same_actor", True),
        (report(actor_name="Air Force"), other(actor_name="Rebels"), "same_actor", False),
        (
            report(actor_name="Military Forces of Iran"),
            other(actor_name="Islamic Revolutionary Guard Corps"),
            "same_state",
            True,
        ),
        (
            report(actor_name="Military Forces of Iran"),
            other(actor_name="Military Forces of Iraq"),
            "same_state",
            False,
        ),
        (report(actor_name="Islamic State"), other(actor_name="Islamic State"), "same_state", False),
        (
            report(actor_name="Unidentified armed group", actor_type="unidentified"),
            other(actor_name="Islamic State", actor_type="jihadist group"),
            "unidentified_and_armed_group",
            True,
        ),
        (
            report(actor_name="Unidentified armed group", actor_type="unidentified"),
            other(actor_name="Military Forces of Nigeria", actor_type="state forces"),
            "unidentified_and_armed_group",
            False,
        ),
        (
            report(actor_name="Islamic State", actor_type="jihadist group"),
            other(actor_name="Boko Haram", actor_type="jihadist group"),
            "unidentified_and_armed_group",
            False,
        ),
        (report(actor_name="Air Force"), other(), "actor_unknown", True),
        (report(actor_name="Air Force"), other(actor_name="Rebels"), "actor_unknown", False),
        (report(count=9), other(count=12), "counts_within_factor", True),
        (report(count=9), other(count=12), "counts_close", True),
        (report(count=9), other(count=14), "counts_close", False),
        (report(count=10), other(count=30), "counts_close", False),
        (report(count=9), other(count=40), "counts_within_factor", False),
        (report(count=9), other(), "count_unknown", True),
        # one article
        (report(), report(event_id="e2"), "different_articles", False),
        (report(), other(), "different_articles", True),
    ],
)
def test_checks(a: Report, b: Report, check: str, expected: bool) -> None:
    assert CHECKS[check](a, b, TUNING) is expected
    assert CHECKS[check](b, a, TUNING) is expected  # every check is symmetric


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        (other(url="https://b.example/1"), ["date-day-within", "place-same-entry", "actor-unknown"]),
        (other(day=D(2024, 3, 6), place=KAFR_NUR, count=11), ["date-day-within", "place-within-km"]),
        (other(count=12, actor_name="Air Force"), ["actor-same", "count-close"]),
        (other(count=20), ["count-within-factor"]),
        (other(day=D(2024, 3, 7)), None),  # two days apart
        (other(place=AIN_HALWA), None),  # a neighbouring town
        (other(actor_name="Rebels"), None),
        (other(count=40), None),  # a toll beyond the factor
        (report(event_id="e2"), None),  # the same article
        (other(event_type="casualties"), None),
        # a month-dated or province-level report needs a strong agreement: same actor or the same toll
        (other(day=D(2024, 3, 1), precision="month"), None),
        (other(day=D(2024, 3, 1), precision="month", count=10), ["date-day-in-window", "count-close"]),
        (other(day=D(2024, 3, 1), precision="month", count=25), None),  # tolls agree, but not closely
        (other(place=NORTH_PROVINCE), None),
        (other(place=NORTH_PROVINCE, actor_name="Air Force"), ["place-inside-area", "actor-same"]),
        (other(place=SOUTH_PROVINCE, actor_name="Air Force"), None),
    ],
)
def test_same_incident_and_its_reasons(b: Report, expected: list[str] | None) -> None:
    a = report(count=9, actor_name="Air Force")
    assert same_incident(a, b, TUNING) is (expected is not None)
    if expected is not None:
        reasons = compare(a, b, TUNING, load_rules()).reasons()
        assert set(expected) <= set(reasons)


def test_tuning_moves_the_thresholds() -> None:
    a, b = report(), other(place=AIN_HALWA, day=D(2024, 3, 7))
    assert not same_incident(a, b, TUNING)
    assert same_incident(a, b, MergeTuning(day_tolerance=2, place_km=30.0))


def test_every_rule_row_names_a_known_check_and_the_file_decides(tmp_path: Path) -> None:
    rules = load_rules()
    assert len({r.id for r in rules}) == len(rules)
    assert {r.slot for r in rules} == {"type", "article", "date", "place", "actor", "count"}
    # without the distance rule, a neighbouring place 3 km away no longer agrees
    narrower = tmp_path / "rules.jsonl"
    narrower.write_text(
        "\n".join(json.dumps(r.__dict__) for r in rules if r.id != "place-within-km") + "\n", encoding="utf-8"
    )
    assert same_incident(report(), other(place=KAFR_NUR), TUNING)
    assert not same_incident(report(), other(place=KAFR_NUR), TUNING, load_rules(narrower))


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "slot": "date", "check": "no_such_check", "says": ""}', "unknown check"),
        ('{"id": "x", "slot": "date"}', "not a rule"),
        ("not json", "not a rule"),
        (
            '{"id": "x", "slot": "type", "check": "same_type", "says": ""}\n'
            '{"id": "x", "slot": "type", "check": "same_type", "says": ""}',
            "duplicate rule id",
        ),
    ],
)
def test_broken_rules_files_fail_loudly(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "rules.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_rules(path)
