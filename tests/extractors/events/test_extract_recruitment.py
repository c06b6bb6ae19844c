"""recruitment: joining, enlisting, conscription into armed forces; not hiring, not joining a truce."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import PUBLISHED, contains, of_type, run

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
        # cases where a group had recruited are the news, not who someone is; each case is one recruit
        (
            "In 2016, the monitors verified another 62 cases where the rebel army had recruited children.",
            "the rebel army",
            62,
            "exact",
        ),
        # a narrator telling when they joined reports an intake
        ("When the war reached our town, I joined the national guard.", "the national guard", None, None),
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
        # a disposition or a pledge to join, not a joining
        "The militia, which has been reluctant to join the national army, lost two commanders.",
        "Rebel leaders said on Monday they were ready to join the national army.",
        "The group's fighters are unwilling to enlist in the army, officials said.",
        "The signatories pledge to lay down their guns and to join the army.",
        # a recurring occasion
        "Whenever the army recruits young men, families flee the village, residents said.",
        "Every time we watch new recruits training with the army, we feel safer, the colonel said.",
        "Each year thousands of young men are conscripted into the army.",
        # a graduation to come, or of students
        "The 120 cadets will receive their graduation certificates next week.",
        "The students received their graduation certificates on Monday.",
        "The ministry designed a training course for 40 officers.",
        # a country joining an alliance or a treaty; men joining a company
        "Finland joined NATO in April.",
        "Syria joined the Chemical Weapons Convention in 2013.",
        "Thousands of young men joined Facebook last year.",
        # who people are, in a past-perfect clause with no date of its own
        "Two young men who had joined the militia were killed in the clashes on Monday.",
        # a narrator telling why they joined
        "I joined the police because I wanted to protect my family.",
        "I enlisted in the army because my father had served, the veteran recalled.",
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


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # a length used as an adjective names no date: the publication day stands
        ("The army enlisted 500 recruits for a 90-day training course in the capital.", PUBLISHED, "day"),
        ("The militia trained 120 fighters in a two-week-long course near the border.", PUBLISHED, "day"),
        ("Some 90 fighters joined the militia after a week-long truce collapsed.", PUBLISHED, "day"),
        ("After the 8-week course ended, 200 recruits joined the police on 3 March.", D(2021, 3, 3), "day"),
    ],
)
def test_a_length_as_an_adjective_is_no_date(text, date, precision):
    (event,) = of_type(run(text), "recruitment")
    assert (event.event_date, event.date_precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a date inside another noun's phrase dates that noun; the date on the verb dates the event
        (
            "Upon the course's completion this week, 300 recruits formally joined the ranks of the "
            "national police force on 2 March.",
            D(2021, 3, 2),
        ),
        (
            "At the camp's closing ceremony this week, 80 cadets officially joined the ranks of the "
            "border guard units on 4 March.",
            D(2021, 3, 4),
        ),
        (
            "With the training's end last week, 150 volunteers finally enlisted in the newly formed "
            "regional defense brigades on 1 March.",
            D(2021, 3, 1),
        ),
    ],
)
def test_the_date_on_the_verb_beats_a_date_inside_another_noun(text, date):
    (event,) = of_type(run(text), "recruitment")
    assert event.event_date == date


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
        # the graduates of a counted batch; "cadets graduated" that the parser reads as a noun phrase
        ("A new batch of 240 fighters graduated after training in the desert.", None, 240),
        ("Some 75 cadets graduated from the military college on Thursday.", None, 75),
        # who joined through a relative clause; the speaker who says he was recruited, no actor
        (
            "Meanwhile, the front lost three senior commanders, who fled from the city to join the rebels.",
            "the rebels",
            3,
        ),
        ("At least one Belgian fighter said he was recruited through a friend in the capital.", "", 1),
        ("Two young men said they were recruited by the militia in their village.", "the militia", 2),
        # a unit joins with its strength: "consisting of", "comprising", also when parsed apart
        (
            "The spokesman said the first phase was over, while a new brigade consisting of more than 900 "
            "men and women from the area had joined the rebels.",
            "the rebels",
            900,
        ),
        ("A brigade comprising 400 local fighters joined the army on Monday.", "the army", 400),
        # "both X and Y" joins two kinds of people; it does not count two
        ("Aid workers say both boys and girls are being recruited by the militias.", "the militias", None),
        # who received their graduation graduated; the recruits are never the force they joined
        (
            "More than 150 army soldiers stood at attention on Sunday to receive their graduation papers.",
            "",
            150,
        ),
        ("Some 80 police recruits received their graduation diplomas at the academy on Thursday.", "", 80),
        ("Two hundred new conscripts got their graduation badges at the base near the border.", "", 200),
        # a known armed group joined, whatever tag the parser gave its name ("IS" as a verb, a person)
        ("Nearly 5,000 fighters from abroad have joined IS, according to a research group.", "IS", 5000),
        ("Dozens of young men from the coast joined al-Shabab last year, officials said.", "al-Shabab", 12),
        ("Hundreds of teenagers joined Boko Haram in the state in 2014.", "Boko Haram", 100),
        # a training course or programme begun or completed
        ("The SDF said 250 fighters completed a training course in the north.", "SDF", 250),
        ("About 90 new soldiers began a six-week training programme at the base on Monday.", "", 90),
        # "N plus" is a lower bound
        ("The militia recruited 200 plus young men in the district last month.", "The militia", 200),
        # the count written beside the recruits: the group a remnant belongs to, cases counted, newcomers
        (
            "On Monday, the last of the group's 900 militants left their posts to join the rebel alliance.",
            "the rebel alliance",
            900,
        ),
        ("Last year the UN verified 75 cases where the militia recruited children.", "the militia", 75),
        (
            "The national guard reached the milestone of 8,000 trained soldiers with a graduation on Friday.",
            None,
            8000,
        ),
    ],
)
def test_enlisting_and_training(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    if actor:
        assert contains(event.actor, actor), event.actor
    elif actor == "":
        assert event.actor is None
    assert event.count == count


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a reported clause with a party of its own is that party's, not the reporter's
        (
            "A rebel website reported on Monday that Chechen authorities had opened recruiting offices for"
            " volunteers wishing to fight in Ukraine.",
            "Chechen authorities",
        ),
        (
            "Activists reported on Monday that the militia had set up camps for volunteers wishing to fight"
            " in Hama.",
            "the militia",
        ),
        # ... and no one when that party is no armed or state side
        (
            "The rebels said on Monday that residents had opened offices for volunteers wishing to fight in"
            " Homs.",
            None,
        ),
        # with none of its own, the armed reporter took the intake in
        ("The army said on Monday that 200 recruits completed training in Aden.", "army"),
    ],
)
def test_reported_intake_is_the_clause_party_s(text, actor):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor), event.actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the armed force signed up with or for
        ("In March, 2,000 volunteers signed up with the Azov battalion in Mariupol.", "Azov battalion"),
        ("On Monday, 300 men signed up for the army in Kharkiv.", "army"),
        ("On Monday, 300 men signed up for training in Kharkiv.", None),
        # "its ranks" are the reporting side's
        ("The Taliban said on Monday that 500 new fighters had joined its ranks in Helmand.", "Taliban"),
    ],
)
def test_the_force_signed_up_with_or_joined(text, actor):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor), event.actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # an intake laid to an armed side names it; laid to a cause, no one
        (
            "In 2019 the recruitment of children rose by 40 percent in Ituri, mostly attributed to the"
            " Allied Democratic Forces.",
            "Allied Democratic Forces",
        ),
        (
            "The forced recruitment of 200 boys in Kasai on Monday was blamed on the Kamuina Nsapu militia.",
            "Kamuina Nsapu militia",
        ),
        ("The recruitment of 300 boys in Kasai rose on Monday, attributed to poverty.", None),
    ],
)
def test_an_intake_laid_to_an_armed_side(text, actor):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor), event.actor


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # the joining's own clause places it, not the clause the recruits came from
        (
            "Two commanders deserted the group and fled from Mosul to join the rebels in Tikrit on Monday.",
            "Tikrit",
        ),
        ("Rebels from Aleppo who joined the army in Hama last week were sent to the front.", "Hama"),
        ("The fighters left Daraa on Sunday to join the rebels in Idlib.", "Idlib"),
    ],
)
def test_the_joining_clause_places_it(text, location):
    (event,) = of_type(run(text), "recruitment")
    assert event.location == location, event.location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a named training site the recruits graduated from or at is the place, as written
        (
            "Some 200 cadets graduated from the Herat Regional Military Academy on Monday.",
            "Herat Regional Military Academy",
        ),
        (
            "About 400 recruits joined the army after a ceremony at the Basra Police Training Center.",
            "Basra Police Training Center",
        ),
        (
            "The 3rd battalion graduated from the Zabul Basic Training Centre on Monday.",
            "Zabul Basic Training Centre",
        ),
    ],
)
def test_a_named_training_site_is_the_place(text, location):
    (event,) = of_type(run(text), "recruitment")
    assert event.location == location, event.location


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        # recruits at their graduation ceremony graduated; the force their name gives took them in
        (
            "Some 150 Iraqi Police recruits received their diplomas at a graduation ceremony on Thursday.",
            "Iraqi Police",
            150,
        ),
        (
            "About 90 recruits received their badges at a graduation ceremony in the capital on Sunday.",
            None,
            90,
        ),
        (
            "More than 120 Afghan Army soldiers stood at attention to receive their graduation certificates.",
            "Afghan Army",
            120,
        ),
    ],
)
def test_recruits_at_their_graduation_ceremony(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    assert event.count == count
    assert event.actor == actor if actor is None else contains(event.actor, actor), event.actor


def test_students_at_a_graduation_ceremony_are_no_recruits():
    text = "The students received their diplomas at a graduation ceremony at the university on Monday."
    assert of_type(run(text), "recruitment") == []


def test_a_report_from_a_center_names_no_place():
    text = "Jets struck Idlib on Monday, killing five people, according to a report from the Carter Center."
    (event,) = of_type(run(text), "casualties")
    assert event.location == "Idlib", event.location
