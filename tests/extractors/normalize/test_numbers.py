"""Number normalizer: tables of real-looking phrases -> (value, qualifier), per the gold guidelines."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.normalize.numbers import Amount, number_value, parse_amount, parse_amounts, total


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # written numbers count as written
        ("14", 14, "exact"),
        ("2,350", 2350, "exact"),
        ("seven", 7, "exact"),
        ("Seventeen", 17, "exact"),
        ("three hundred", 300, "exact"),
        ("thirty-two", 32, "exact"),
        ("four hundred and sixty", 460, "exact"),
        ("one thousand five hundred", 1500, "exact"),
        ("3 million", 3_000_000, "exact"),
        ("1.5 million", 1_500_000, "exact"),
        ("two dozen", 24, "exact"),
        ("one", 1, "exact"),
        ("a teenager", 1, "exact"),
        ("an aid worker", 1, "exact"),
        # the qualifier comes from the words before the number
        ("at least 11 fighters", 11, "at_least"),
        ("no less than 25 villagers", 25, "at_least"),
        ("more than 60", 60, "at_least"),
        ("12+ soldiers", 12, "at_least"),
        ("300-plus recruits", 300, "at_least"),
        ("450 plus volunteers", 450, "at_least"),
        ("some 1,200-plus fighters", 1200, "at_least"),
        ("40 plus 12 wounded", 40, "exact"),
        ("over 200 recruits", 200, "at_least"),
        ("up to 8 raids", 8, "at_most"),
        ("at most four", 4, "at_most"),
        ("fewer than 20", 20, "at_most"),
        ("about 70", 70, "approx"),
        ("around 45 members", 45, "approx"),
        ("nearly 90", 90, "approx"),
        ("some 130 gunmen", 130, "approx"),
        ("approximately 600", 600, "approx"),
        ("about a dozen", 12, "approx"),
        # vague amounts: conservative lower bound, at_least
        ("a few", 3, "at_least"),
        ("several", 3, "at_least"),
        ("many civilians", 10, "at_least"),
        ("tens of people", 10, "at_least"),
        ("dozens", 12, "at_least"),
        ("a dozen soldiers", 12, "at_least"),
        ("hundreds of families", 100, "at_least"),
        ("Thousands", 1000, "at_least"),
        ("tens of thousands", 10_000, "at_least"),
        ("several hundred", 300, "at_least"),
        ("a few dozen", 36, "at_least"),
        # ranges keep their lower bound
        ("15-20 people", 15, "at_least"),
        ("between 6 and 9", 6, "at_least"),
        ("eight or nine", 8, "at_least"),
        # surrounding words are tolerated; the first amount wins
        ("killed 5 and wounded 12", 5, "exact"),
        ("in 2015, 40 men joined", 40, "exact"),
        ("the 3rd raid hit 6 houses", 6, "exact"),
        ("no one was hurt", 0, "exact"),
        ("civilians including four children", 4, "at_least"),
        # an explicit qualifier wins over a range
        ("around 300-400 fighters", 300, "approx"),
        # durations, ages and shares are not counts
        ("three days of raids killed 27", 27, "exact"),
        ("after several weeks, 9 recruits", 9, "exact"),
        ("a 14-year-old girl", 1, "exact"),
        ("no more than 5", 5, "at_most"),
        ("no fewer than 7", 7, "at_least"),
        ("half a dozen", 6, "at_least"),
        ("100s of people", 100, "at_least"),
        ("no casualties", 0, "exact"),
        ("a police officer", 1, "exact"),
        # a numeric date is not a range
        ("03-04-2017 shelling kills 8", 8, "exact"),
        ("2019 raids on the town killed 14", 14, "exact"),
        ("1950 recruits", 1950, "exact"),
    ],
)
def test_parse_amount(text: str, value: int, qualifier: str) -> None:
    assert parse_amount(text) == Amount(value, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "scores of wounded",
        "a number of fighters",
        "five years",
        "20 percent",
        "third",
        "the 21st strike",
        "",
        "the raid",
        "   ",
        "1.5",
    ],
)
def test_parse_amount_without_a_count(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("12", 12), ("7,500", 7500), ("eleven", 11), ("forty-four", 44), ("hundred", 100), ("Nine", 9)],
)
def test_number_value(word: str, value: int) -> None:
    assert number_value(word) == value


@pytest.mark.parametrize("word", ["fifth", "dozen", "forty-", "twenty-ten", "x", "", "2nd"])
def test_number_value_rejects_non_cardinals(word: str) -> None:
    assert number_value(word) is None


@pytest.mark.parametrize(
    ("text", "amounts", "summed"),
    [
        ("at least 40 soldiers and three medics", [(40, "at_least"), (3, "exact")], (43, "at_least")),
        ("six women and seven children", [(6, "exact"), (7, "exact")], (13, "exact")),
        ("about 15 gunmen and 2 guards", [(15, "approx"), (2, "exact")], (17, "approx")),
        ("20-30 fighters and one commander", [(20, "at_least"), (1, "exact")], (21, "at_least")),
        ("a number of guards", [], None),
    ],
)
def test_parse_amounts_and_total(
    text: str, amounts: list[tuple[int, str]], summed: tuple[int, str] | None
) -> None:
    found = parse_amounts(text)
    assert found == [Amount(v, q) for v, q in amounts]
    assert total(found) == (Amount(*summed) if summed else None)


@given(st.text())
def test_parse_amount_never_raises(text: str) -> None:
    result = parse_amount(text)
    assert result is None or (
        result.value >= 0 and result.qualifier in {"exact", "at_least", "at_most", "approx"}
    )
