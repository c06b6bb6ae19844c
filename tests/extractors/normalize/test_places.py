"""Place-name keys, gazetteer resolution with article context, and the shipped gazetteer file."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize.placename import exact_key, is_matchable_name, loose_key
from extractors.normalize.places import (
    GAZETTEER_FILE,
    PlaceHints,
    gazetteer,
    gazetteer_rows,
    geocoding_report,
    is_known_place,
    place_names,
    resolve_place,
)

SYRIA = PlaceHints(countries=frozenset({"SY"}), primary="SY")
IRAQ = PlaceHints(countries=frozenset({"IQ"}), primary="IQ")
LEBANON = PlaceHints(countries=frozenset({"LB"}), primary="LB")
LIBYA = PlaceHints(countries=frozenset({"LY"}), primary="LY")
NONE = PlaceHints()
# an article that names Kandahar province
KANDAHAR = PlaceHints(countries=frozenset({"AF"}), admin1=frozenset({("AF", "23")}), primary="AF")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Daraa", "Dar'a"),
        ("Daraa", "Dar‘ā"),
        ("al-Bab", "Al Bāb"),
        ("Deir ez-Zor", "Deir Ezzor"),
        ("Deir ez-Zor", "Deir el-Zor"),
        ("As-Suwayda", "Suwayda"),
        ("Assuwayda", "Suwayda"),
        ("Jisr al-Shughour", "Jisr ash-Shughour"),
        ("Ras el-Ain", "Ras al Ain"),
        ("Raqqa", "Raqa"),
    ],
)
def test_exact_key_absorbs_accents_articles_marks_and_doubling(a: str, b: str) -> None:
    assert exact_key(a) == exact_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Deraa", "Daraa"),
        ("Jassem", "Jasim"),
        ("Idleb", "Idlib"),
        ("Deir al-Zour", "Dayr az Zawr"),
        ("Sweida", "As-Suwayda"),
        ("Raqqah", "Rakka"),
        ("Salamiyeh", "Salamiyah"),
        ("Kamishli", "Al Qāmishlī"),
        ("East Gouta", "East Ghouta"),
        ("Khan Sheikhoun", "Khan Shaykhun"),
        ("Homs", "Hims"),
    ],
)
def test_loose_key_absorbs_transliteration_variants(a: str, b: str) -> None:
    assert exact_key(a) != exact_key(b) or a == b
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Homs", "Hama"), ("Idlib", "Afrin"), ("Daraa", "Deir ez-Zor"), ("Jasim", "Nawa"), ("Raqqa", "Rastan")],
)
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert loose_key(a) != loose_key(b)


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        # spelling variants of one town, with and without the article
        ("Deraa", SYRIA, ("SY", 1, "Daraa")),
        ("Dar'a", SYRIA, ("SY", 1, "Daraa")),
        ("Jassim", SYRIA, ("SY", 1, "Daraa")),
        ("Jasem", SYRIA, ("SY", 1, "Daraa")),
        ("Idleb", SYRIA, ("SY", 1, "Idlib")),
        ("Deir el-Zor", SYRIA, ("SY", 1, "Deir ez-Zor")),
        ("Dayr al-Zawr", SYRIA, ("SY", 1, "Deir ez-Zor")),
        ("Al-Bukamal", SYRIA, ("SY", 1, "Deir ez-Zor")),
        ("Tell Abiad", SYRIA, ("SY", 1, "Raqqa")),
        ("Kobane", SYRIA, ("SY", 1, "Aleppo")),
        ("Maarat al-Numan", SYRIA, ("SY", 1, "Idlib")),
        # curated neighbourhoods, camps, regions, towns GeoNames lacks
        ("Daraa el-Balad", SYRIA, ("SY", 1, "Daraa")),
        ("Bosra al-Harir", SYRIA, ("SY", 1, "Daraa")),
        ("Sheikh Maksoud", SYRIA, ("SY", 1, "Aleppo")),
        ("Khaldiyeh", SYRIA, ("SY", 1, "Homs")),
        ("East Ghouta", SYRIA, ("SY", 2, "Rif Dimashq")),
        ("Rukban camp", SYRIA, ("SY", 1, "Homs")),
        ("Bab al-Hawa crossing", SYRIA, ("SY", 1, "Idlib")),
        # provinces and qualifiers
        ("Homs province", SYRIA, ("SY", 3, "Homs")),
        ("the province of Hama", SYRIA, ("SY", 3, "Hama")),
        ("Rural Damascus", SYRIA, ("SY", 3, "Rif Dimashq")),
        ("outskirts of Homs", SYRIA, ("SY", 2, "Homs")),
        ("southern Idlib countryside", SYRIA, ("SY", 2, "Idlib")),
        ("the town of Jasim", SYRIA, ("SY", 1, "Daraa")),
        # a proper name inside a longer fragment
        ("Hama Offensive Stalls", SYRIA, ("SY", 1, "Hama")),
        ("Tartus Harbour Blast", SYRIA, ("SY", 1, "Tartus")),
        # ambiguous names follow the article's country
        ("Tripoli", LEBANON, ("LB", 1, None)),
        ("Tripoli", LIBYA, ("LY", 1, "Tripoli")),
        ("Aleppo", SYRIA, ("SY", 1, "Aleppo")),
        ("Aleppo", NONE, ("SY", 1, "Aleppo")),
        ("Salah al-Din", IRAQ, ("IQ", 3, "Salahuddin")),
        ("Salah al-Din", SYRIA, ("SY", 1, "Aleppo")),
        ("Fallujah", IRAQ, ("IQ", 1, "Anbar")),
        # countries stay countries; big cities abroad are trusted
        ("Jordan", SYRIA, ("JO", 3, None)),
        ("Lebanon", SYRIA, ("LB", 3, None)),
        ("Moscow", SYRIA, ("RU", 1, None)),
        # a loose spelling in the region the article is about, not a namesake of a party's country
        ("Ain Issa", PlaceHints(countries=frozenset({"SY", "US"}), primary="SY"), ("SY", 1, None)),
        ("Quamishli", PlaceHints(countries=frozenset({"SY", "RU"}), primary="SY"), ("SY", 1, "Al-Hasakah")),
        # loose spellings inside the province the article names
        ("Qandahar", KANDAHAR, ("AF", 1, "Kandahar")),
        ("Spin Buldak", KANDAHAR, ("AF", 1, "Kandahar")),
    ],
)
def test_resolve_place(name: str, context: PlaceHints, expected: tuple[str, int, str | None]) -> None:
    place = resolve_place(name, context)
    assert place is not None
    assert (place.country_code, place.geo_precision) == expected[:2]
    if expected[2] is not None:
        assert place.admin1 == expected[2]
    assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(
    ("name", "context"),
    [
        ("Springfield", SYRIA),  # a US-only town in a Syria story
        ("Nowhere Town", SYRIA),
        ("the city", SYRIA),
        ("Old City", SYRIA),
        ("West Africa", NONE),
        ("Middle East", SYRIA),
        ("", SYRIA),
        (None, SYRIA),
        ("!!", NONE),
        ("northern villages held by the militants", SYRIA),
        # a loose spelling of a town in another province than the one named ("Panjab", Bamyan)
        ("Panjwaye", KANDAHAR),
        # a loose spelling is no town of a country the article names only as a party
        ("Kisik", PlaceHints(countries=frozenset({"IQ", "CA"}), primary="IQ")),
        # a word inside a longer name: not a town of another province ("Tagab", Kapisa) nor an
        # alternate name of a town abroad ("Wali" for Warri, Nigeria)
        ("Shirin Tagab", KANDAHAR),
        (
            "Shah Wali Kot",
            PlaceHints(countries=frozenset({"AF", "NG"}), admin1=frozenset({("AF", "23"), ("NG", "36")})),
        ),
    ],
)
def test_unknown_or_unsure_names_resolve_to_none(name: str | None, context: PlaceHints) -> None:
    assert resolve_place(name, context) is None


@pytest.mark.parametrize(
    ("context", "country"), [(IRAQ, "IQ"), (PlaceHints(countries=frozenset({"IR"})), "IR")]
)
def test_kurdistan_is_the_region_of_the_article_country(context: PlaceHints, country: str) -> None:
    place = resolve_place("Kurdistan", context)
    assert place is not None and (place.country_code, place.geo_precision) == (country, 3)


def test_country_name_resolves_to_the_country_entry_not_a_namesake() -> None:
    for name in ("Syria", "Iraq", "Turkey", "Yemen"):
        place = resolve_place(name, SYRIA)
        assert place is not None and place.entry_id.startswith("C:") and place.admin1 is None


def test_resolved_place_carries_english_country_name_and_plain_display_name() -> None:
    place = resolve_place("Deraa", SYRIA)
    assert place is not None
    assert place.country == "Syria"
    assert place.name.isascii()


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("Aleppo", True),
        ("Deir Ezzor", True),
        ("Sheikh Maqsoud", True),
        ("Syria", True),
        ("al-Bab", True),
        ("Zzyzzyq", False),
        ("", False),
        ("Hit", False),
        ("Assad", False),
        ("Police", False),
        ("Bab", False),
    ],
)
def test_is_known_place(text: str, known: bool) -> None:
    assert is_known_place(text) is known


@pytest.mark.parametrize(
    ("name", "matchable"),
    [
        ("Aleppo", True),
        ("Deir ez-Zor", True),
        ("Hit", False),
        ("Bar", False),
        ("Man", False),
        ("Of", False),
        ("aleppo", False),
        ("Northern", False),
        ("T4", False),
        ("Al", False),
    ],
)
def test_is_matchable_name(name: str, matchable: bool) -> None:
    assert is_matchable_name(name) is matchable


def test_place_names_are_matchable_and_cover_conflict_places() -> None:
    names = place_names()
    assert len(names) == len(set(names))
    assert {"Aleppo", "Idlib", "Daraa al-Balad", "Syria", "Mosul"} <= set(names)
    assert not {"Hit", "Bar", "Man"} & set(names)
    assert all(is_matchable_name(n) for n in itertools.islice(names, 0, None, 97))


def test_shipped_gazetteer_keys_match_the_key_functions() -> None:
    """A stale gazetteer (keys built by older key functions) fails here: rebuild it."""
    for row in itertools.islice(gazetteer_rows(), 0, None, 211):
        names = [row["name"], *filter(None, row["alternates"].split("|"))]
        assert row["exact_keys"].split("|") == sorted({exact_key(n) for n in names} - {""})
        assert row["loose_keys"].split("|") == sorted({loose_key(n) for n in names} - {""})


def test_gazetteer_covers_every_country_and_syrian_provinces() -> None:
    gaz = gazetteer()
    assert len(gaz.country_names) >= 240
    syria_areas = [e for e in gaz.entries if e.kind == "admin1" and e.country_code == "SY"]
    assert len(syria_areas) == 14 and all(e.latitude is not None for e in syria_areas)
    assert GAZETTEER_FILE.stat().st_size < 6_000_000


def test_geocoding_report_counts_same_entry_and_resolved_shares() -> None:
    pairs = [
        ("Aleppo", "eastern Aleppo", SYRIA),  # same entry, vaguer
        ("Deraa", "Daraa", SYRIA),  # same entry
        ("Homs", "Hama", SYRIA),  # resolved, wrong entry
        ("Idlib", None, SYRIA),  # not resolved
        ("Nowhere Town", "Aleppo", SYRIA),  # gold not in gazetteer: left out
        (None, "Aleppo", SYRIA),  # gold has no location: left out
    ]
    report = geocoding_report(pairs)
    assert report == {"gold_located": 5, "in_gazetteer": 4, "same_entry": 0.5, "resolved": 0.75}


def test_sitrep_eval_geo_report_resolves_pairs_in_their_article(tmp_path: Path) -> None:
    from flows.evaluation.scoring import format_report, geo_report, load_gold, pred_event, score

    text = "Jets struck Deraa in southern Syria. Shelling hit Homs. Rockets fell on Hama."
    sentences = ["Jets struck Deraa in southern Syria.", "Shelling hit Homs.", "Rockets fell on Hama."]
    gold_events = [
        {"type": "air_strike", "evidence": sentences[0], "location": "Deraa"},
        {"type": "casualties", "evidence": sentences[1], "location": "Homs"},
        {"type": "reconciliation", "evidence": sentences[2], "location": "Hama"},
    ]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps({"id": "g1", "text": text, "events": gold_events}) + "\n")
    predicted = ["Dar'a", "Hama", None]  # same place spelled otherwise, another place, none
    preds = [
        pred_event({"article_id": "g1", "event_type": g["type"], "evidence": g["evidence"], "location": loc})
        for g, loc in zip(gold_events, predicted, strict=True)
    ]
    result = score(load_gold(gold_file), preds)
    geo = geo_report(load_gold(gold_file), result)
    assert geo == {"gold_located": 3, "in_gazetteer": 3, "same_entry": 0.3333, "resolved": 0.6667}
    report = {
        "types": {},
        "overall": {
            **dict.fromkeys(("gold", "pred", "tp"), 0),
            **dict.fromkeys(("precision", "recall", "f1", "strict_f1"), 0.0),
        },
        "slots": {},
        "unknown_article_ids": 0,
        "geo": geo,
    }
    assert "geocoding: 3 gold places" in format_report(report)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([SYRIA, IRAQ, NONE]))
def test_resolve_place_never_raises(text: str, context: PlaceHints) -> None:
    place = resolve_place(text, context)
    assert place is None or (place.country_code and 1 <= place.geo_precision <= 3)


def test_long_phrases_resolve_quickly() -> None:
    phrase = " ".join(["Many Capitalised Words Of A Headline"] * 60) + " Aleppo"
    started = time.perf_counter()
    resolve_place(phrase, SYRIA)
    assert time.perf_counter() - started < 2
