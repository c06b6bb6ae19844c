"""Canonical actors and targets from raw slot text, with the article's country as context."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize.actors import (
    Actor,
    canonical_actor,
    canonical_target,
    named_group_mentions,
    nationality_codes,
)

ISLAMIC_STATE = Actor("Islamic State", "jihadist group")
SYRIAN_FORCES = Actor("Military Forces of Syria", "state forces")
RUSSIAN_FORCES = Actor("Military Forces of Russia", "foreign state forces")


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # one group however written
        ("ISIS militants", "SY", ISLAMIC_STATE),
        ("fighters of ISIL", "SY", ISLAMIC_STATE),
        ("IS", "IQ", ISLAMIC_STATE),
        ("Daesh", "SY", ISLAMIC_STATE),
        ("the so-called Islamic State group", "IQ", ISLAMIC_STATE),
        ("Jabhat Fateh al-Sham", "SY", Actor("Hayat Tahrir al-Sham", "jihadist group")),
        ("the former Nusra Front", "SY", Actor("Hayat Tahrir al-Sham", "jihadist group")),
        ("the 5th Corps", "SY", Actor("Fifth Corps", "state forces")),
        ("Fifth Legion fighters", "SY", Actor("Fifth Corps", "state forces")),
        ("the U.S.-led coalition", "SY", Actor("US-led coalition", "foreign state forces")),
        ("international coalition jets", "IQ", Actor("US-led coalition", "foreign state forces")),
        # government forces are the article country's
        ("government forces", "SY", SYRIAN_FORCES),
        ("government troops", "IQ", Actor("Military Forces of Iraq", "state forces")),
        ("Assad's forces", "SY", SYRIAN_FORCES),
        ("pro-regime forces", "SY", SYRIAN_FORCES),
        ("the Syrian Arab Army", "IQ", Actor("Military Forces of Syria", "foreign state forces")),
        # nationality adjectives with aircraft or alone
        ("Russian warplanes", "SY", RUSSIAN_FORCES),
        ("Russian bombers and regime helicopters", "SY", RUSSIAN_FORCES),
        ("Israeli jets", "SY", Actor("Military Forces of Israel", "foreign state forces")),
        ("Turkish drones", "SY", Actor("Military Forces of Turkey", "foreign state forces")),
        ("Turkish drones", "TR", Actor("Military Forces of Turkey", "state forces")),
        ("American", "SY", Actor("Military Forces of United States", "foreign state forces")),
        # named non-state groups beat the nationality in front of them
        ("Syrian opposition fighters", "SY", Actor("Rebel groups", "rebel group")),
        ("Turkish-backed factions", "SY", Actor("Syrian National Army", "rebel group")),
        ("Kurdish-led forces", "SY", Actor("People's Protection Units (YPG)", "rebel group")),
        ("Hezbollah fighters", "SY", Actor("Hezbollah", "militia")),
        ("Houthi rebels", "YE", Actor("Houthis (Ansar Allah)", "rebel group")),
        ("unknown gunmen", "IQ", Actor("Unidentified armed group", "unidentified")),
        ("IRGC advisers", "SY", Actor("Islamic Revolutionary Guard Corps", "foreign state forces")),
        ("the Revolutionary Guards", "IR", Actor("Islamic Revolutionary Guard Corps", "state forces")),
        ("Iraq's Golden Division", "IQ", Actor("Military Forces of Iraq", "state forces")),
    ],
)
def test_canonical_actor(text: str, country: str, expected: Actor) -> None:
    assert canonical_actor(text, country) == expected


@pytest.mark.parametrize(
    "text",
    [None, "", "the spokesman", "a local official", "a local official said", "us", "is", "one helicopter"],
)
def test_phrases_without_a_known_actor_give_none(text: str | None) -> None:
    assert canonical_actor(text, "SY") is None


def test_two_letter_initialisms_match_only_in_capitals() -> None:
    assert canonical_actor("US", "SY") == Actor("Military Forces of United States", "foreign state forces")
    assert canonical_actor("IS", "SY") == ISLAMIC_STATE
    assert canonical_actor("it is us", "SY") is None


def test_government_forces_without_a_country_are_still_state_forces() -> None:
    assert canonical_actor("government forces") == Actor("Government forces", "state forces")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("civilians", Actor("Civilians", "civilians")),
        ("seven people, among them two children", Actor("Civilians", "civilians")),
        ("a field hospital", Actor("Civilians", "civilians")),
        ("displaced families in a camp", Actor("Civilians", "civilians")),
        ("ISIS positions", Actor("Islamic State", "fighters")),
        ("regime soldiers", Actor("Military Forces of Syria", "fighters")),
        ("a convoy of Russian military police", Actor("Military Forces of Russia", "fighters")),
        ("new recruits", Actor("Fighters", "fighters")),
        ("rebels and their families", Actor("Civilians and Rebel groups", "mixed")),
        ("four fighters and a shepherd", Actor("Civilians and Fighters", "mixed")),
        ("White Helmets volunteers", Actor("Civilians", "civilians")),
    ],
)
def test_canonical_target(text: str, expected: Actor) -> None:
    assert canonical_target(text, "SY") == expected


@pytest.mark.parametrize("text", [None, "", "Iran", "the talks", "the meeting"])
def test_targets_naming_no_one_give_none(text: str | None) -> None:
    assert canonical_target(text, "SY") is None


def test_actor_is_a_name_type_pair() -> None:
    name, kind = canonical_actor("Daesh", "SY") or ("", "")
    assert (name, kind) == ISLAMIC_STATE


def test_nationality_codes_include_adjectives_and_country_names() -> None:
    codes = nationality_codes()
    assert codes["syrian"] == "SY"
    assert codes["russian"] == "RU"
    assert codes["iraq"] == "IQ"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_canonical_actor_and_target_never_raise(text: str) -> None:
    for result in (canonical_actor(text, "SY"), canonical_target(text, "SY")):
        assert result is None or (result.name and result.type)


def test_named_group_mentions_are_named_non_state_groups_as_written() -> None:
    text = "They were ambushed by the National Defence Forces near a convoy of Jund al-Aqsa and IS fighters."
    mentions = named_group_mentions(text)
    assert [text[m.start : m.end] for m in mentions] == ["National Defence Forces", "Jund al-Aqsa", "IS"]
    assert named_group_mentions("The militants and the army met the rebels in Syria.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an army named by its own proper name is a group of its own, unknown to the table
        ("the Lakeside Liberation Army", None),
        ("the Northern Independence Army (NIA)", None),
        # the state's forces: the army of the article's country, or of the nationality before it
        ("the Army", Actor("Military Forces of Syria", "state forces")),
        ("Army troops", Actor("Military Forces of Syria", "state forces")),
        ("the Afghan National Army", Actor("Military Forces of Afghanistan", "foreign state forces")),
    ],
)
def test_a_named_army_is_not_the_state(text: str, expected: Actor | None) -> None:
    assert canonical_actor(text, "SY") == expected
