"""recruitment: joining, enlisting, conscription into armed forces; not hiring, not joining a truce."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import contains, of_type, run

pytestmark = pytest.mark.model

D = dt.date


@pytest.mark.parametrize(
    ("text", "actor", "count", "qualifier"),
    [
        ("The militia has recruited 450 young men from the camps.", "The militia", 450, "exact"),
        (
            "Hundreds of former rebels joined the ranks of the Fifth Corps last month.",
            "the Fifth Corps",
            100,
            "at_least",
        ),
        (
            "Al-Shabaab conscripted dozens of teenagers in southern Somalia, residents said.",
            "Al-Shabaab",
            12,
            "at_least",
        ),
        ("Some 300 volunteers signed up to fight alongside the army in Donetsk.", None, 300, "approx"),
        (
            "Local tribesmen joined the Popular Mobilization Forces after the fall of Mosul.",
            "Popular Mobilization Forces",
            None,
            None,
        ),
    ],
)
def test_recruitment(text, actor, count, qualifier):
    (event,) = of_type(run(text), "recruitment")
    if actor:
        assert contains(event.actor, actor)
    assert (event.count, event.count_qualifier) == (count, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The software company is recruiting 200 engineers for its new office in Dubai.",
        "Three more towns joined the ceasefire agreement on Sunday.",
        "The armed group released a recruiting video aimed at teenagers.",
        "The ministry said it will allow Kurds to join the fight against the militants.",
        "Residents were urged to join the national reconciliation process.",
        # a habit, no single recruitment
        "The militia routinely recruits teenagers from the camps.",
        # a charge, not a recruitment
        "Officers responsible for the recruitment of child soldiers were named in the report.",
        "The panel listed commanders responsible for recruiting boys into the militia.",
    ],
)
def test_not_recruitment(text):
    assert of_type(run(text), "recruitment") == []


def test_recruitment_date_from_since():
    (event,) = of_type(
        run("Since February the group has enlisted 80 fighters in Deir ez-Zor."), "recruitment"
    )
    assert (event.event_date, event.date_precision, event.date_text) == (
        D(2021, 2, 1),
        "month",
        "Since February",
    )


def test_named_group_recruiting_children_is_armed_recruitment():
    (event,) = of_type(
        run("The Houthis have recruited thousands of children since 2015, a UN report said."), "recruitment"
    )
    assert contains(event.actor, "The Houthis")
    assert (event.count, event.count_qualifier, event.date_precision) == (1000, "at_least", "year")


def test_named_company_hiring_is_not_recruitment():
    assert (
        of_type(run("Siemens recruited 300 engineers for its plant in Berlin last year."), "recruitment")
        == []
    )


def test_drafting_people_not_texts():
    (event,) = of_type(run("The armed forces have drafted 40,000 reservists since January."), "recruitment")
    assert (event.count, event.date_precision) == (40000, "month")
    assert of_type(run("The army drafted a new law on military service."), "recruitment") == []


def test_absorbed_into_its_ranks():
    (event,) = of_type(
        run("The Fifth Corps absorbed some 1,500 former rebels into its ranks."), "recruitment"
    )
    assert contains(event.actor, "The Fifth Corps")
    assert (event.count, event.count_qualifier) == (1500, "approx")


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        (
            "Thousands of volunteers have enlisted in the national army since Friday.",
            "the national army",
            1000,
        ),
        ("The first batch of 3,000 recruits graduated from a military training course in May.", None, 3000),
        (
            "The group said 400 new fighters had finished training and joined its commando unit.",
            "its commando unit",
            400,
        ),
        # "its ranks" are the reporting force's; "the ranks of X" are X's
        (
            "The Syrian Democratic Forces said 60 men had enlisted in its ranks near Tabqa.",
            "Syrian Democratic Forces",
            60,
        ),
        ("Some 300 villagers enlisted in the ranks of the Fifth Corps on Monday.", "Fifth Corps", 300),
    ],
)
def test_enlisting_and_training(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    if actor:
        assert contains(event.actor, actor), event.actor
    assert event.count == count
