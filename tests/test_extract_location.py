"""Event location: the most specific place named for the event (GUIDELINES), ranked by the
gazetteer's level and the place's role, not by word order alone."""

from __future__ import annotations

import pytest

from tests.extract_cases import run

CASES = [
    # a bare first-level area named before a town of it: the town is the more specific place
    ("In Helmand, government aircraft bombed Lashkar Gah on Monday, killing six people.", "Lashkar Gah"),
    ("Across Kachin, soldiers killed eleven villagers in Hpakant on Sunday.", "Hpakant"),
    # where the fire came from is not where the event happened
    ("Mortar shells fired from Harasta killed three civilians in Qaboun on Tuesday.", "Qaboun"),
    ("Rockets launched from Gaza killed two people in Sderot on Friday.", "Sderot"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "place"), CASES)
def test_location_is_the_most_specific_place_of_the_event(text: str, place: str) -> None:
    events = run(text)
    assert events
    assert {e.location for e in events} == {place}
