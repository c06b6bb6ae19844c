"""Place hints from plain text, and events enriched with places and canonical actors."""

from __future__ import annotations

import dataclasses
import time

import pytest

from extractors.normalize.enrich import dateline_country, enrich_article_events, enrich_event, place_hints
from extractors.normalize.places import PlaceHints
from extractors.schema import Article, Event

SYRIA_STORY = (
    "Warplanes pounded villages in the southern Syrian province of Daraa on Tuesday, "
    "a monitoring group said. Residents of Nawa fled toward the Jordanian border."
)
IRAQ_STORY = "Iraqi troops pushed into western Mosul as fighting spread across Nineveh province."


def make_event(**slots: object) -> Event:
    base = Event(
        event_id="e1",
        article_id="a1",
        event_type="air_strike",
        evidence="Warplanes pounded villages.",
        evidence_start=0,
        evidence_end=27,
    )
    return dataclasses.replace(base, **slots)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "countries", "primary"),
    [
        (SYRIA_STORY, {"SY", "JO"}, "SY"),
        (IRAQ_STORY, {"IQ"}, "IQ"),
        ("Talks in Geneva and Moscow stalled, Syrian and Russian envoys said.", {"SY", "RU", "CH"}, None),
        ("A man said the White house was empty.", set(), None),  # no capitalised place name
        ("SANA reported the news. Northern winds blew.", set(), None),  # agency and common words
        ("", set(), None),
    ],
)
def test_article_context_names_countries(text: str, countries: set[str], primary: str | None) -> None:
    context = place_hints(text)
    assert context.countries == frozenset(countries)
    if primary:
        assert context.primary == primary


def test_article_context_collects_provinces_named_by_areas_and_cities() -> None:
    context = place_hints(SYRIA_STORY + " Clashes also hit Aleppo.")
    areas = {a for a in context.admin1 if a[0] == "SY"}
    assert len(areas) == 2  # Daraa province and Aleppo city's province


def test_title_counts_toward_context() -> None:
    assert place_hints("Shelling went on overnight.", title="Fighting in Idlib").primary == "SY"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("BEIRUT (Reuters) - Shelling went on overnight.", "LB"),
        ("DAMASCUS, Syria (AP) — Shelling went on overnight.", "SY"),
        ("BAGHDAD, March 3 (Reuters) - Shelling went on overnight.", "IQ"),
        ("Shelling went on overnight in BEIRUT.", None),
        ("NOWHEREVILLE (AP) - Shelling went on.", None),
    ],
)
def test_dateline_country(text: str, country: str | None) -> None:
    assert dateline_country(text) == country


def test_enrich_event_fills_place_and_actor_columns_and_keeps_raw_slots() -> None:
    context = place_hints(SYRIA_STORY)
    raw = make_event(location="Deraa", actor="Russian jets", target="civilians including children")
    event = enrich_event(raw, context)
    assert (event.location, event.actor, event.target) == (raw.location, raw.actor, raw.target)
    assert (event.location_name, event.admin1, event.country, event.country_code) == (
        "Dar'a",
        "Daraa",
        "Syria",
        "SY",
    )
    assert event.geo_precision == 1 and event.latitude and event.longitude
    assert (event.actor_name, event.actor_type) == ("Military Forces of Russia", "foreign state forces")
    assert (event.target_name, event.target_type) == ("Civilians", "civilians")


def test_enrich_event_leaves_unresolved_columns_null() -> None:
    raw = make_event(location="the old market", actor="a spokesman")
    event = enrich_event(raw, place_hints(SYRIA_STORY))
    assert event.location_name is None and event.latitude is None and event.geo_precision is None
    assert event.actor_name is None and event.target_name is None
    assert event.country_code == "SY" or event.country_code is None


@pytest.mark.parametrize(
    ("parent", "admin1", "precision"),
    [("Daraa", "Daraa", 2), ("Daraa province", "Daraa", 3), ("Syria", None, 3), (None, None, None)],
)
def test_a_place_the_gazetteer_lacks_is_geocoded_by_its_parent(
    parent: str | None, admin1: str | None, precision: int | None
) -> None:
    event = enrich_event(
        make_event(location="Tell Um Hawsh", location_parent=parent), place_hints(SYRIA_STORY)
    )
    assert event.geo_precision == precision
    if precision is not None:  # spelled as written, where its parent is
        assert (event.location_name, event.admin1, event.country_code) == ("Tell Um Hawsh", admin1, "SY")
    else:
        assert event.location_name is None


def test_event_country_outranks_article_context() -> None:
    event = enrich_event(make_event(location="Tripoli", country="Lebanon"), PlaceHints(frozenset({"LY"})))
    assert event.country_code == "LB" and event.country == "Lebanon"


def test_country_only_event_is_geocoded_at_country_precision() -> None:
    event = enrich_event(make_event(country="Syria"), PlaceHints())
    assert (event.location_name, event.country_code, event.geo_precision) == ("Syria", "SY", 3)


def test_government_forces_follow_the_event_country() -> None:
    event = enrich_event(make_event(location="Mosul", actor="government forces"), place_hints(IRAQ_STORY))
    assert event.actor_name == "Military Forces of Iraq"


def test_enrich_article_events_uses_one_context_and_is_fast() -> None:
    article = Article(article_id="a1", text=SYRIA_STORY, title="Strikes in southern Syria")
    events = [make_event(event_id=str(i), location="Nawa", actor="regime helicopters") for i in range(1000)]
    enrich_article_events(events[:1], article)  # load the gazetteer once
    started = time.perf_counter()
    enriched = enrich_article_events(events, article)
    assert time.perf_counter() - started < 10
    assert {(e.location_name, e.admin1, e.actor_name) for e in enriched} == {
        ("Nawa", "Daraa", "Military Forces of Syria")
    }
    assert enrich_article_events([], article) == []


def test_government_forces_are_the_article_country_s_even_across_a_border() -> None:
    context = place_hints(SYRIA_STORY + " Shells also landed in Turkey.")
    event = enrich_event(make_event(location="Kilis", actor="regime warplanes"), context)
    assert (event.country_code, event.actor_name) == ("TR", "Military Forces of Syria")
