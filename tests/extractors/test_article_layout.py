"""Article context and mention merging: pure functions, no model."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.layout import (
    find_dateline,
    find_headline,
    find_inline_stamps,
    find_link_lists,
    find_paragraph_dateline,
    structural_boundaries,
)
from extractors.merge import merge_mentions
from extractors.normalize.countries import country_of, demonym_country
from extractors.schema import Event


@pytest.mark.parametrize(
    ("text", "stamp", "place"),
    [
        ("12-05-2019 Shelling kills four in Idlib.", "12-05-2019 ", None),
        ("Date of publication 3 May 2018 Jets struck the town.", "Date of publication 3 May 2018 ", None),
        ("Fri 09 Aug 2019 Two dead in blast.", "Fri 09 Aug 2019 ", None),
        ("Posted on March 4 2017 by staff Troops advanced.", "Posted on March 4 2017 ", None),
        ("Monday, June 3, 2019 Rebels withdrew.", "Monday, June 3, 2019 ", None),
        ("BEIRUT, May 2 (Reuters) - Jets hit the city.", "BEIRUT, May 2 (Reuters) - ", "Beirut"),
        ("KABUL (AP) — A bomb went off.", "KABUL (AP) — ", "Kabul"),
        ("WASHINGTON, May 4, 2009 – Troops killed six.", "WASHINGTON, May 4, 2009 – ", "Washington"),
        (
            "SANGIN DISTRICT, HELMAND PROVINCE, Afghanistan – A bomb went off.",
            "SANGIN DISTRICT, HELMAND PROVINCE, Afghanistan – ",
            "Sangin District",
        ),
        ("TIKRIT, Iraq, June 3, 2008 – Troops killed six.", "TIKRIT, Iraq, June 3, 2008 – ", "Tikrit"),
        ("Jets struck the town on Monday.", "", None),
    ],
)
def test_dateline(text, stamp, place):
    end, found_place = find_dateline(text)
    assert (text[:end], found_place) == (stamp, place)


def test_inline_agency_stamp_after_a_headline():
    text = "Jets pound rebel town Monitor AFP Tuesday 8 Jan 2019 Jets pounded the town."
    ((start, end),) = find_inline_stamps(text)
    assert text[start:end] == "AFP Tuesday 8 Jan 2019"


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("Blast kills nine in Kirkuk market", True),
        ("Blast kills nine in Kirkuk market - Example News", True),
        ("Blast kills nine in Kirkuk market | Example News", True),
        ("Something else entirely happened", False),
        (None, False),
        ("Short", False),
    ],
)
def test_headline_repeated_in_body(title, found):
    text = "09-01-2019 Blast kills nine in Kirkuk market. A bomb killed nine people in Kirkuk."
    span = find_headline(text, title, 11)
    assert (span is not None) == found
    if span:
        assert text[span[0] : span[1]] == "Blast kills nine in Kirkuk market"


def test_structural_boundaries_split_stamp_and_headline():
    text = "09-01-2019 Blast kills nine in Kirkuk market A bomb killed nine people in Kirkuk."
    cuts = structural_boundaries(text, "Blast kills nine in Kirkuk market")
    assert [text[c:].split()[0] for c in cuts] == ["Blast", "Blast", "A"]


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Syria", "Syria"),
        ("Syrias", "Syria"),
        ("Iraq", "Iraq"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("Aleppo", None),
        ("Bab", None),
    ],
)
def test_country_names(word, country):
    assert country_of(word) == country


@pytest.mark.parametrize(("word", "country"), [("Syrian", "Syria"), ("Turkish", "Turkey"), ("Martian", None)])
def test_demonyms(word, country):
    assert demonym_country(word) == country


def event(start: int, *, count=None, location=None, date=dt.date(2020, 5, 4), date_text=None, injured=None):
    return Event(
        event_id=str(start),
        article_id="a",
        event_type="casualties",
        evidence="x" * 10,
        evidence_start=start,
        evidence_end=start + 10,
        event_date=date,
        date_precision="day",
        date_text=date_text,
        count=count,
        location=location,
        location_source="sentence" if location else "article",
        injured=injured,
    )


def test_retelling_fills_the_first_mention():
    merged = merge_mentions([event(0, count=5), event(50, count=5, location="Hama", injured=2)])
    assert [(e.evidence_start, e.count, e.location, e.injured) for e in merged] == [(0, 5, "Hama", 2)]


@pytest.mark.parametrize(
    ("first_place", "later_place", "later_date_text", "evidence_start"),
    [
        (None, None, "on Monday", 50),  # the dated retelling is the better evidence
        ("Hama", "Hama", "on Monday", 50),
        ("Syria", "Hama", "on Monday", 50),  # dated and finer
        ("Hama", "Syria", "on Monday", 0),  # dated but coarser: the first stays
        (None, None, "a day after", 0),  # dated by another happening
    ],
)
def test_a_dated_retelling_becomes_the_evidence(first_place, later_place, later_date_text, evidence_start):
    first = event(0, count=5, location=first_place)
    later = event(50, location=later_place, date=dt.date(2020, 5, 1), date_text=later_date_text)
    (merged,) = merge_mentions([first, later])
    assert (merged.evidence_start, merged.count) == (evidence_start, 5)
    assert merged.date_text == later_date_text


def test_different_tolls_and_places_stay_apart():
    merged = merge_mentions([event(0, count=5, location="Hama"), event(50, count=7, location="Homs")])
    assert len(merged) == 2


@pytest.mark.parametrize(
    ("place", "other", "merged"),
    [("Syria", "Aleppo", 1), ("Aleppo", "Syria", 1), ("Iraq", "Aleppo", 2), ("Hama", "Aleppo", 2)],
)
def test_a_country_holds_the_towns_the_gazetteer_puts_in_it(place, other, merged):
    a = event(0, location=place, date_text="on Monday")
    b = event(50, location=other, date_text="on Monday")
    assert len(merge_mentions([a, b])) == merged


def test_dated_mentions_of_different_days_stay_apart():
    a = event(0, location="Hama", date=dt.date(2020, 5, 1), date_text="on Friday")
    b = event(50, location="Hama", date=dt.date(2020, 4, 1), date_text="in April")
    assert len(merge_mentions([a, b])) == 2


def test_headline_merges_into_the_body_whatever_its_date():
    headline = event(0, count=5, location="Hama")
    body = event(40, count=None, date=dt.date(2020, 5, 3), date_text="yesterday")
    (merged,) = merge_mentions([headline, body], headline=(0, 10))
    assert (merged.evidence_start, merged.count, merged.location) == (40, 5, "Hama")


@pytest.mark.parametrize(
    ("text", "dateline", "place"),
    [
        ("Jets hit market town\nHOMS, Syria — Jets struck the market.", "HOMS, Syria — ", "Homs"),
        ("Rebels settle status\nDARAA, Nov 20 — Fifty men settled.", "DARAA, Nov 20 — ", "Daraa"),
        (
            "Militia recruits\n\nRAQQA, Syria (Nov 18, 2026) — A militia recruited 40 men.",
            "RAQQA, Syria (Nov 18, 2026) — ",
            "Raqqa",
        ),
        ("Headline only\nJets struck the town on Monday.", None, None),
    ],
)
def test_dateline_opening_a_later_paragraph(text, dateline, place):
    found = find_paragraph_dateline(text)
    assert (text[found[0] : found[1]] if found else None, found[2] if found else None) == (dateline, place)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Jets hit Hama.\n\nRelated coverage:\nDrone kills two in Idlib\nTruce holds in Daraa",
            "Drone kills two",
        ),
        (
            "Jets hit Hama. Source Agency Related News Drone kills two in Idlib | Truce holds",
            "Drone kills two",
        ),
        ("Jets hit Hama.\nRead more: Drone kills two in Idlib", "Drone kills two"),
        ("Jets hit Hama.\nTags: Syria, drone strikes, Idlib", "drone strikes"),
        ("Jets hit Hama.\nShare on Twitter Drone kills two in Idlib", "Drone kills two"),
        ("Jets hit Hama. Drone kills two in Idlib - YouTube", "Drone kills two"),
    ],
)
def test_link_lists_are_found(text, listed):
    ((start, end),) = find_link_lists(text)
    assert listed in text[start:end]
    assert "Jets hit Hama" not in text[start:end]


@pytest.mark.parametrize(
    "text",
    [
        "The related attack killed two. Officials said more would follow.",
        "Share prices fell after jets struck the refinery.\nTopics of the talks included a truce.",
        "Tags of the rebel units were found beside the bodies, a Facebook post by the monitor said.",
    ],
)
def test_no_link_list_in_plain_text(text):
    assert find_link_lists(text) == []


def test_line_breaks_are_sentence_starts():
    text = "Drone kills two in Idlib\nTruce holds in Daraa"
    assert text.index("Truce") in structural_boundaries(text, None)


def test_a_day_inside_a_month_is_the_same_date():
    month = Event(
        event_id="m",
        article_id="a",
        event_type="air_strike",
        evidence="x" * 10,
        evidence_start=0,
        evidence_end=10,
        event_date=dt.date(2020, 5, 1),
        date_precision="month",
        date_text="in May",
        location="Hama",
        location_source="sentence",
    )
    day = event(50, location="Hama", date=dt.date(2020, 5, 4), date_text="tonight")
    day = Event(**{**day.__dict__, "event_type": "air_strike"})
    assert len(merge_mentions([month, day])) == 1
    other_month = Event(**{**day.__dict__, "event_date": dt.date(2020, 6, 4)})
    assert len(merge_mentions([month, other_month])) == 2
