"""`who.as_actor`: a phrase names someone who acted, or it is no actor (a table of our own phrases)."""

from __future__ import annotations

import pytest

from extractors.slots.who import as_actor


@pytest.mark.parametrize(
    ("phrase", "actor"),
    [
        ("Russian jets", "Russian jets"),
        ("At least 36 rebels", "At least 36 rebels"),
        ("the evacuation of the last rebels", "the evacuation of the last rebels"),
        ("Near Al Hasakah", None),
        ("In Tafas", None),
        ("counter-AQIM", None),
        ("anti-ISIS", None),
        ("The military operation", None),
        ("The move", None),
        ("evacuations", None),
        ("", None),
        (None, None),
    ],
)
def test_phrases_that_name_no_actor(phrase: str | None, actor: str | None) -> None:
    assert as_actor(phrase) == actor
