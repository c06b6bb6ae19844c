"""Recruitment and settlement wordings beyond "recruit"/"join", and civilian look-alikes to skip."""

from __future__ import annotations

import pytest
from extract_cases import contains, of_type, run

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "actor", "count", "qualifier"),
    [
        ("The Wagner group enrolled 450 new fighters in Libya last month.", "Wagner group", 450, "exact"),
        ("Al-Shabaab mobilized hundreds of fighters in Somalia last month.", "Al-Shabaab", 100, "at_least"),
        ("The army called up 10,000 reservists on Monday.", "The army", 10000, "exact"),
        (
            "Thousands of young men in Homs were summoned to the army for military service this week.",
            None,
            1000,
            "at_least",
        ),
        (
            "The ministry of defence announced the graduation of 2,300 soldiers from a military course.",
            "ministry of defence",
            2300,
            "exact",
        ),
        (
            "Government forces detained 42 young men in Idlib on Tuesday to take them to the training camps.",
            "Government forces",
            42,
            "exact",
        ),
        ("About 5,100 recruits have commenced training at a base near Kharkiv.", None, 5100, "approx"),
        (
            "The report documented the recruitment of 870 children by the armed group in Yemen.",
            "armed group",
            870,
            "exact",
        ),
        (
            "Shia militias, which have recruited thousands of young men in the south, grew stronger.",
            "Shia militias",
            1000,
            "at_least",
        ),
        ("Nearly four thousand men signed up for the militia last week.", "the militia", 4000, "approx"),
        ("Hundreds of men were conscripted into the army in Aleppo last week.", "the army", 100, "at_least"),
        ("The rebels have recruited nearly three thousand boys since January.", "The rebels", 3000, "approx"),
        ("Around 2,000 men signed up in the first three days, the ministry said.", None, 2000, "approx"),
        (
            "Nearly 1,000 volunteers have registered with the territorial defence units in Lviv.",
            "territorial defence units",
            1000,
            "approx",
        ),
    ],
)
def test_more_recruitment_wordings(text, actor, count, qualifier):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor)
    assert (event.count, event.count_qualifier) == (count, qualifier)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # recruits registering or reporting for a course: no force named, the course is none
        ("Some 500 recruits registered for police training last week.", 500),
        ("More than 200 recruits reported for basic training on Monday.", 200),
        ("On Sunday, 90 conscripts reported for duty at the border garrison.", 90),
    ],
)
def test_recruits_registering_or_reporting_for_training(text, count):
    (event,) = of_type(run(text), "recruitment")
    assert (event.count, event.actor) == (count, None)


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        # signing up others: the armed subject recruited them; a drive or office names no side
        ("The militia signed up 300 young men in the villages last month.", "The militia", 300),
        ("Rebel commanders signed up 200 boys from the camps in March.", "Rebel commanders", 200),
        ("A registration drive for the police signed up 600 recruits in the province last week.", None, 600),
    ],
)
def test_signing_up_recruits_names_the_armed_recruiter(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    assert (event.actor, event.count) == (actor, count)


@pytest.mark.parametrize(
    "text",
    [
        "The new conscripts must report for duty by Friday.",
        "Three employees reported for duty late on Monday.",
    ],
)
def test_reporting_for_duty_that_is_no_intake(text):
    assert of_type(run(text), "recruitment") == []


def test_registering_volunteers_for_a_guard_is_recruitment():
    text = "The new interior ministry has begun registering volunteers for the national guard."
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.target, "volunteers")


@pytest.mark.parametrize(
    "text",
    [
        "The basketball club recruits a new head coach from Spain.",
        "The national team manager, who was recruited from Portugal, resigned.",
        "The Olympic football federation recruited a coach from Brazil on Monday.",
        "The tech firm enrolled 300 new employees in its training program.",
        "The university announced the graduation of 1,200 students.",
        "The company registered 500 new users last month.",
        "Voters were summoned to the polls on Sunday.",
        "A court struck down the practice of registering men for the draft.",
        "Aid agencies registered 5,000 children at the camp in Cox's Bazar.",
        "Soldiers took the detainees to a military camp outside the city.",
        "The school recruited 30 boys for its choir.",
        "The coach called up 23 players for the match against Iraq.",
        "The ministry mobilised 200 ambulances to the front.",
    ],
)
def test_civilian_lookalikes_are_not_recruitment(text):
    assert of_type(run(text), "recruitment") == []


@pytest.mark.parametrize(
    ("text", "actor", "count", "qualifier"),
    [
        (
            "Some 410 of the fighters settled their legal status with the government in Daraa.",
            "fighters",
            410,
            "approx",
        ),
        ("Around 2,100 of the rebels settled their security status on Monday.", "rebels", 2100, "approx"),
        (
            "More than 500 of the wanted men settled their legal and security status in Sanamayn.",
            "wanted men",
            500,
            "at_least",
        ),
    ],
)
def test_partitive_settlement_counts(text, actor, count, qualifier):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)
    assert (event.count, event.count_qualifier) == (count, qualifier)


def test_area_that_witnessed_a_reconciliation_with_the_regime_is_the_party():
    (event,) = of_type(
        run("The neighbourhood witnessed a reconciliation with the regime two years ago."), "reconciliation"
    )
    assert contains(event.actor, "neighbourhood") and contains(event.target, "the regime")


def test_witnessed_settlement_is_dated_by_its_own_expression():
    (event,) = of_type(run("The town of Jasim saw a similar settlement three years ago."), "reconciliation")
    assert (event.event_date.year, event.date_text) == (2018, "three years ago")


@pytest.mark.parametrize(
    "text",
    [
        "Fans of the two rival clubs reconciled after the final.",
        "The accountant reconciled the accounts of the company last week.",
        "The rival football teams reconciled at a ceremony.",
    ],
)
def test_civilian_reconciling_is_not_reconciliation(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "Some 700 fighters recruited by the militia in Kasai were sent to the front.",
            "the militia",
            "700 fighters",
        ),
        (
            "Around 300 boys, who were recruited by the rebels last year, were released.",
            "the rebels",
            "300 boys",
        ),
        (
            "Some 400 former rebels were integrated into the national army on Monday.",
            "national army",
            "400 former rebels",
        ),
    ],
)
def test_recruits_are_the_target_never_the_actor(text, actor, target):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor) and contains(event.target, target)


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        ("On 3 March, the president declared a general mobilisation.", "the president", None),
        ("The mobilisation of 50,000 reservists began on Monday.", None, 50_000),
        # declared together with other measures, or a draft brought back
        (
            "In response, the government introduced martial law and a general mobilisation.",
            "the government",
            None,
        ),
        (
            "The republic imposed a curfew, martial law and partial mobilisation on Sunday.",
            "The republic",
            None,
        ),
        ("The parliament reinstated conscription in May 2014.", "The parliament", None),
        ("The rebels trained 300 new fighters in a camp near Idlib.", "The rebels", 300),
        ("About 400 tribal fighters began training with the coalition last week.", None, 400),
        ("A battalion consisting of 600 fighters joined the Southern Front in May.", "Southern Front", 600),
        ("200 volunteers started training to join the militia.", "the militia", 200),
    ],
)
def test_call_ups_training_and_unit_strength(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    assert contains(event.actor, actor)
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "The mobilisation of funds for the flood victims began in May.",
        "The conscription law was debated in parliament for a week.",
        "Many young men oppose conscription.",
        "The army is training its soldiers for the parade.",
        "The club trained 30 young players over the summer.",
    ],
)
def test_not_call_ups_or_training_of_recruits(text):
    assert of_type(run(text), "recruitment") == []


@pytest.mark.parametrize(
    ("text", "actor", "count", "location"),
    [
        (
            "The militia launched a forced recruitment campaign in the northern districts last month.",
            "The militia",
            None,
            None,
        ),
        ("About 400 tribal fighters joined the offensive on Tuesday.", None, 400, None),
        ("Dozens of soldiers defected to the rebels in Homs last week.", "the rebels", 12, "Homs"),
        ("The army selected 600 volunteers to begin training in May.", None, 600, None),
        (
            "The gunmen abducted boys from the village and used them as child soldiers.",
            "The gunmen",
            None,
            None,
        ),
        ("Around 3,000 of the group's fighters came from Morocco, the report said.", None, 3000, "Morocco"),
        ("Twelve rebel factions merged into a new army in Idlib on Sunday.", "a new army", None, "Idlib"),
        (
            "A new brigade of the army was formed with 300 fighters in Aleppo on Monday.",
            "brigade",
            300,
            "Aleppo",
        ),
        ("The local tribe sent 200 fighters to the front on Sunday.", None, 200, None),
        ("Rebels were sent to training camps near the border.", None, None, None),
        ("The group has recruited 300 men from Tajikistan.", "The group", 300, "Tajikistan"),
        ("Hundreds of young men living in the camps have joined the militia.", "the militia", 100, None),
    ],
)
def test_joining_wordings_beyond_recruit(text, actor, count, location):
    """A drive launched, joining an offensive, defecting to a side, selected for training, children
    used as soldiers, fighters from abroad, factions merged, a unit founded, a tribe's levy."""
    (event,) = of_type(run(text), "recruitment")
    assert event.actor == actor if actor is None else contains(event.actor, actor)
    assert event.count == count and event.location == location


@pytest.mark.parametrize(
    "text",
    [
        "The ministry plans a recruitment campaign for next year.",
        "The air force joined the offensive on Tuesday.",
        "Two officers defected from the army on Monday.",
        "Militants came from the north and attacked the village.",
        "Hundreds of Islamic State fighters came from Syria to attack the town.",
        "Two companies merged into a new firm last year.",
        "A committee was formed to study the budget.",
        "Some of the conscripts were killed a week after being drafted.",
        "The men were sent to the front after they were conscripted.",
    ],
)
def test_joining_lookalikes_are_not_recruitment(text):
    """A drive planned, a force joining an operation, leaving a side, fighters arriving to attack,
    firms merging, a committee formed, a draft that only dates another event."""
    assert of_type(run(text), "recruitment") == []


def test_intakes_of_one_article_stay_apart():
    """Two intakes with other recruits by other groups, or a dated one beside an undated one, are
    not one retold event."""
    text = (
        "The militia has recruited 300 boys in the north, a monitor said. "
        "Last year the rebels recruited dozens of teenagers in the south."
    )
    assert len(of_type(run(text), "recruitment")) == 2


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        # a graduation held for counted soldiers: they graduated, the holder trained them
        (
            "The army held a graduation ceremony for 300 new soldiers at the camp on Thursday.",
            "The army",
            300,
        ),
        (
            "The brigade conducted a basic training graduation for approximately 200 soldiers.",
            "The brigade",
            200,
        ),
        (
            "On Monday the militia held a graduation parade for 90 fighters near the border.",
            "the militia",
            90,
        ),
    ],
)
def test_a_graduation_held_for_soldiers_counts_them(text, actor, count):
    (event,) = of_type(run(text), "recruitment")
    assert (event.actor, event.count) == (actor, count)


@pytest.mark.parametrize(
    "text",
    [
        "The university held a graduation ceremony for 1,200 students on Friday.",
        "The academy will hold a graduation ceremony for 80 cadets next month.",
    ],
)
def test_graduations_of_students_or_to_come_are_no_intake(text):
    assert of_type(run(text), "recruitment") == []


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        ("About 400 Kenyan Border Police cadets graduated at a ceremony on Friday.", "Border Police", 400),
        (
            "More than 250 Somali National Army recruits became the first to graduate from the new academy.",
            "Somali National Army",
            250,
        ),
        (
            "Some 90 soldiers from the army's 5th Brigade completed their training course last week.",
            "5th Brigade",
            90,
        ),
        ("About 100 Kurdish peshmerga forces started training at the new site on Monday.", None, 100),
        ("Nearly 500 recruits became the first class to graduate from the police college.", None, 500),
        # the volunteers, not the countries they came from
        (
            "As of March, approximately 15,000 foreigners from 40 countries have volunteered to fight.",
            None,
            15000,
        ),
        # a nationality names no force
        ("Around 60 Arab fighters graduated from a course in the town on Monday.", None, 60),
    ],
)
def test_trainees_named_by_their_force(text, actor, count):
    """Trainees named by the force they train for ("Iraqi Police recruits"), or "from" it; counted
    forces or personnel in training; the subject of "became the first to graduate"."""
    (event,) = of_type(run(text), "recruitment")
    assert event.actor == actor if actor is None else contains(event.actor, actor)
    assert event.count == count


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The army's new recruits graduated on Monday at a training camp in the north.", "The army"),
        ("The militia's 300 conscripts completed their training on Sunday.", "The militia"),
        # a pronoun owner names nobody
        ("Their recruits graduated on Monday from the army academy.", None),
    ],
)
def test_the_owner_of_the_recruits_is_the_force(text, actor):
    """Recruits named as a force's own ("the army's new recruits"): that force took them in."""
    (event,) = of_type(run(text), "recruitment")
    assert event.actor == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Meanwhile, the leader of the Eastern Lions Brigade and its paramilitary wing, Ali Hasan,"
            " announced that 2,000 fighters under his command were training with the coalition.",
            "the Eastern Lions Brigade",
        ),
        ("The commander of the militia said 500 recruits joined its ranks last month.", "the militia"),
        ("The commander said 500 recruits joined its ranks last month.", "The commander"),
    ],
)
def test_a_group_head_reports_the_group_s_intake(text, actor):
    (event,) = of_type(run(text), "recruitment")
    assert event.actor == actor
