"""Strikes on several places in one sentence are one air strike event per place (GUIDELINES:
distinct strikes on distinct places are distinct events); one toll stays one casualties event."""

from __future__ import annotations

import dataclasses

import pytest
from extract_cases import of_type, run

from extractors.schema import Event, to_row

SPLITS = [
    ("Syrian warplanes struck Saraqeb and Binnish on Sunday.", ["Saraqeb", "Binnish"]),
    (
        "Russian jets carried out raids on Khan Touman, Zirbeh and Hader overnight, a monitor said.",
        ["Khan Touman", "Zirbeh", "Hader"],
    ),
    (
        "Syrian helicopters targeted the towns of Saraqeb and Binnish with barrel bombs on Sunday.",
        ["Saraqeb", "Binnish"],
    ),
    (
        "Coalition air strikes hit Shaddadi on Friday, while others hit the village of Markada.",
        ["Shaddadi", "Markada"],
    ),
    # places the strikes were "in": of the strikes, their object, or the object of "against"
    ("Warplanes carried out raids in Saraqeb and Binnish on Sunday.", ["Saraqeb", "Binnish"]),
    ("Jets struck rebel positions in Kafr Nabl and Hass on Monday.", ["Kafr Nabl", "Hass"]),
    ("Army air strikes were conducted against the militants in Hajin and Susah.", ["Hajin", "Susah"]),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "places"), SPLITS)
def test_one_event_per_struck_place(text: str, places: list[str]) -> None:
    strikes = of_type(run(text), "air_strike")
    assert [e.location for e in strikes] == places
    assert len({e.event_id for e in strikes}) == len(places)
    assert len({(e.evidence_start, e.evidence_end, e.event_date, e.actor) for e in strikes}) == 1


ONE_PLACE = [
    ("Helicopters dropped barrel bombs on the Salaheddine neighbourhood of Aleppo on Monday.", "Salaheddine"),
    ("An air strike on Saraqeb and Binnish killed two people.", "Saraqeb"),  # one strike, one event
    ("Government jets bombed Douma on Friday, while rebels shelled Harasta.", None),  # shelling is no strike
    ("Syrian warplanes struck Saraqeb and Jabhat al-Nusra on Sunday.", "Saraqeb"),  # a party is no place
    # the victims' place is not a second struck place
    ("Jets struck a market in Kafr Nabl on Monday, killing five people in Hass.", "Kafr Nabl"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "place"), ONE_PLACE)
def test_one_place_or_one_strike_stays_one_event(text: str, place: str | None) -> None:
    (strike,) = of_type(run(text), "air_strike")
    assert place is None or strike.location == place


@pytest.mark.model
def test_counts_go_to_a_place_only_when_stated_for_it() -> None:
    per_place = run("Regime aircraft dropped ten barrel bombs on Darayya and six on Moadamiyeh.")
    assert [(e.location, e.count) for e in of_type(per_place, "air_strike")] == [
        ("Darayya", 10),
        ("Moadamiyeh", 6),
    ]
    total = run("Russian warplanes carried out 20 raids on Saraqeb and Binnish on Sunday.")
    assert [(e.location, e.count) for e in of_type(total, "air_strike")] == [
        ("Saraqeb", None),
        ("Binnish", None),
    ]


@pytest.mark.model
def test_one_toll_over_several_places_stays_one_casualties_event() -> None:
    events = run("Warplanes struck Saraqeb and Binnish on Sunday, killing nine civilians.")
    assert len(of_type(events, "air_strike")) == 2
    assert [e.count for e in of_type(events, "casualties")] == [9]


@pytest.mark.model
def test_retelling_merges_with_the_strike_on_its_place() -> None:
    events = run(
        "Russian jets carried out raids on Saraqeb and Binnish on Sunday. "
        "The air strike on Binnish destroyed a bakery, residents said."
    )
    strikes = of_type(events, "air_strike")
    assert [(e.location, e.count) for e in strikes] == [("Saraqeb", None), ("Binnish", 1)]
    assert all(e.evidence_start == 0 for e in strikes)


def test_id_part_keeps_single_ids_and_separates_shared_spans() -> None:
    plain = Event.make_id("a", "air_strike", 3, 40)
    assert Event.make_id("a", "air_strike", 3, 40, None) == plain
    parts = {Event.make_id("a", "air_strike", 3, 40, place) for place in ("Saraqeb", "Binnish")}
    assert len(parts) == 2 and plain not in parts
    base = Event(
        event_id="",
        article_id="a",
        event_type="air_strike",
        evidence="x" * 37,
        evidence_start=3,
        evidence_end=40,
        location="Saraqeb",
    )
    shared = dataclasses.replace(base, id_part="Saraqeb")
    assert (base.with_id().event_id, shared.with_id().event_id) == (
        plain,
        Event.make_id(*base.id_key[:4], "Saraqeb"),
    )
    moved = dataclasses.replace(shared, evidence_start=13, evidence_end=50).with_id()
    assert moved.event_id == Event.make_id("a", "air_strike", 13, 50, "Saraqeb")
    assert "id_part" not in to_row(moved)  # a key part, not a column


@pytest.mark.parametrize(
    "text",
    [
        "Iran-backed fighters killed four civilians in Mayadin on Monday.",
        "Turkey's proxies killed three farmers in the village of Tal Tamr on Sunday.",
    ],
)
def test_country_follows_the_place_not_the_backer(text: str) -> None:
    (event,) = of_type(run(text), "casualties")
    assert (event.country, event.country_code) == ("Syria", "SY")
