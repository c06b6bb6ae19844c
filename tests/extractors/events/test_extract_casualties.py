"""casualties: who was killed or wounded, how many, when, where, by whom (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import contains, of_type, run

pytestmark = pytest.mark.model

D = dt.date


@pytest.mark.parametrize(
    ("text", "count", "qualifier", "injured", "date", "location", "actor"),
    [
        (
            "Government shelling killed 3 people and wounded 5 others in Kafr Nabl on Monday.",
            3,
            "exact",
            5,
            D(2021, 3, 8),
            "Kafr Nabl",
            "Government shelling",
        ),
        (
            "At least 12 soldiers were killed yesterday when militants stormed a checkpoint near Mosul.",
            12,
            "at_least",
            None,
            D(2021, 3, 9),
            "Mosul",
            "militants",
        ),
        (
            "Nine civilians and two children were killed by a roadside bomb in the town of Maarat al-Numan.",
            11,
            "exact",
            None,
            D(2021, 3, 10),
            "Maarat al-Numan",
            None,
        ),
        (
            "Dozens of villagers were killed in the attack on the village of Tel Rifaat, a medic said.",
            12,
            "at_least",
            None,
            D(2021, 3, 10),
            "Tel Rifaat",
            None,
        ),
        (
            "The death toll from the bombing in Idlib rose to 31 on Tuesday, rescuers said.",
            31,
            "exact",
            None,
            D(2021, 3, 9),
            "Idlib",
            None,
        ),
        (
            "Gunmen shot dead some 40 farmers in the province of Borno last week.",
            40,
            "approx",
            None,
            D(2021, 3, 1),
            "Borno",
            "Gunmen",
        ),
        (
            "More than 1,200 fighters have died in the battle for Sirte since January.",
            1200,
            "at_least",
            None,
            D(2021, 1, 1),
            "Sirte",
            None,
        ),
    ],
)
def test_killed_and_wounded_counts(text, count, qualifier, injured, date, location, actor):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.count_qualifier, event.injured) == (count, qualifier, injured)
    assert event.event_date == date
    assert contains(event.location, location)
    assert event.location_source == "sentence"
    if actor:
        assert contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The car bomb caused at least 9 deaths and 40 injuries near the market.", 9),
        ("Shelling of the camp left six deaths, including two children, and 15 injuries.", 6),
        ("The explosion caused four deaths and several injuries at the depot.", 4),
        ("The raid left three fighters and two civilians dead.", 5),
    ],
)
def test_a_toll_of_the_dead_leaves_out_the_injuries_joined_to_it(text, count):
    (event,) = of_type(run(text), "casualties")
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, army shelling in Nawa killed Khaled Omran, a local commander.",
        "Yusuf Haddad was reported to have been killed in a drone strike near Sirte on Friday.",
        "Gunmen shot dead Samir Aziz, a teacher, in the market of Hass on Sunday.",
    ],
)
def test_one_named_person_killed_is_a_count_of_one(text):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.count_qualifier) == (1, "exact")


def test_blame_with_a_number_of_its_own_is_an_event():
    (event,) = of_type(run("The group was responsible for killing 12 soldiers on Monday."), "casualties")
    assert event.count == 12


def test_a_counted_share_of_a_group_is_a_toll():
    (event,) = of_type(run("Five of them were killed in the fighting near Bria on Monday."), "casualties")
    assert event.count == 5


def test_two_named_people_are_no_count_of_one():
    (event,) = of_type(run("Khaled Omran and Yusuf Haddad were killed in Hass on Monday."), "casualties")
    assert event.count != 1


def test_wounded_only_has_no_count_unless_no_one_died():
    text = "Seven shoppers were wounded when a mortar round hit a market in Homs."
    (wounded,) = of_type(run(text), "casualties")
    assert (wounded.count, wounded.injured) == (None, 7)
    (unhurt,) = of_type(
        run("A blast wounded four policemen in Kirkuk but caused no deaths, officials said."), "casualties"
    )
    assert (unhurt.count, unhurt.injured) == (0, 4)


def test_wounded_sentence_after_a_toll_completes_it():
    text = "Five workers were killed in an explosion at a depot in Aden. Ten others were wounded."
    events = of_type(run(text), "casualties")
    assert [(e.count, e.injured) for e in events] == [(5, 10)]


@pytest.mark.parametrize(
    "text",
    [
        "The war, which began in 2011, has killed more than 380,000 people.",
        "Militants threatened to kill the hostages if their demands were not met.",
        "The governor said no one would be killed if the town surrendered.",
        "Officials denied that any civilians were killed in the operation.",
        "A new study says air pollution kills thousands of people every year in big cities.",
        # a purpose, a breakdown of a toll told before, an operation executed, deaths of no violence
        "The militia set up checkpoints to harass, rob and kill travellers.",
        "Militants shot 200 prisoners in May. More than 120 of those executed were soldiers.",
        "Today the Navy successfully executed an airstrike against a senior militant leader.",
        "The stampede at the stadium resulted in at least 56 deaths.",
        "Floods killed 12 people in the valley on Monday.",
        # "Martyrs" in a unit's name; the wounded among people moved to safety
        "Three brigades, the Hama Martyrs Brigade and the Idlib Falcons, joined the front.",
        "Some 400 people, including 90 children and 15 wounded fighters, were evacuated from the town.",
        # a whole war's toll, and a habit
        "Tens of thousands of people were killed during the war.",
        "Hundreds of villagers have been killed since the start of the conflict.",
        "Thousands of residents died throughout this ten-year period.",
        "Fishermen are often killed by mines along this coast.",
        "Share this story on Facebook: Five killed as jets hit a market",
        "Topics Syria Civilians killed Air strikes Idlib",
        # a vague share of a group told before
        "Many of them have been killed, the aid worker said.",
        "Some of them were killed in the fighting near Bria.",
        # a record of blame, no single event
        "The colonel and his unit were responsible for the deaths of hundreds of prisoners.",
        "The militia was responsible for killing thousands of villagers over two decades.",
    ],
)
def test_not_casualty_events(text):
    assert of_type(run(text), "casualties") == []


def test_headline_repeated_in_body_is_one_event():
    title = "Car bomb kills 8 in Qamishli"
    text = f"{title}. A car bomb killed eight people in the city of Qamishli on Sunday, state media said."
    (event,) = of_type(run(text, title=title), "casualties")
    assert event.count == 8
    assert event.evidence.startswith("A car bomb")
    assert event.event_date == D(2021, 3, 7)


def test_dateline_place_is_the_fallback_location():
    text = "ALEPPO, March 9 (Reuters) - Four people were killed when a shell hit a bakery, residents said."
    (event,) = of_type(run(text), "casualties")
    assert (event.location, event.location_source) == ("Aleppo", "dateline")
    assert event.count == 4


def test_vague_wounded_and_toll_without_killer():
    (event,) = of_type(
        run(
            "At least 23 people were killed and dozens injured on Friday when a truck bomb exploded in Tikrit"
        ),
        "casualties",
    )
    assert (event.count, event.injured, event.event_date) == (23, 12, D(2021, 3, 5))
    (toll,) = of_type(
        run("The death toll from Saturday's bombing in Kabul has risen to 61, officials said."), "casualties"
    )
    assert (toll.count, toll.event_date) == (61, D(2021, 3, 6))
    assert toll.actor is None or "toll" not in toll.actor.lower()


def test_retelling_with_a_date_dates_the_event():
    text = (
        "Gunmen killed nine villagers in Kadunda. The attack on Tuesday night also destroyed houses; "
        "gunmen killed nine villagers there, police said."
    )
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.event_date) == (9, D(2021, 3, 9))


def test_died_of_wounds_are_dead_not_wounded():
    (event,) = of_type(run("Four children died of their wounds in hospital in Hama on Monday."), "casualties")
    assert (event.count, event.injured, event.event_date) == (4, None, D(2021, 3, 8))


def test_a_group_that_lost_fighters():
    (event,) = of_type(
        run("The militia lost at least 40 of its fighters in Idlib in just one month."), "casualties"
    )
    assert (event.count, event.count_qualifier) == (40, "at_least")
    assert of_type(run("The army lost 12 tanks in the battle for Bakhmut."), "casualties") == []


def test_person_named_like_a_village_is_not_the_place():
    text = "Dozens of opponents of Assad were killed in the city of Daraa, a monitor said."
    (event,) = of_type(run(text), "casualties")
    assert event.location == "Daraa"


@pytest.mark.parametrize(
    "text",
    [
        # the object of a killing or capture is a person, even when a town bears that name
        "He rose to lead the group after an American raid killed al-Baghdadi in 2019.",
        "Security forces killed Homsi and two other gunmen in the operation, officials said.",
        "The militants kidnapped Mosuli and killed three of his guards, police said.",
    ],
)
def test_who_was_killed_is_not_the_place(text):
    (event,) = of_type(run(text), "casualties")
    assert event.location is None, event.location


@pytest.mark.parametrize(
    "text",
    [
        "Earlier this year, militants shot and killed nine donkeys they said were carrying food to the town.",
        "An air strike killed dozens of cattle grazing outside the village, farmers said.",
        "Gunmen killed 40 goats belonging to herders from the valley.",
    ],
)
def test_animals_killed_are_no_casualties(text):
    assert of_type(run(text), "casualties") == []


def test_the_killing_of_people():
    (event,) = of_type(
        run("Officials condemned the killing of three journalists in Kandahar on Monday."), "casualties"
    )
    assert (event.count, event.event_date, event.location) == (3, D(2021, 3, 8), "Kandahar")


def test_toll_far_from_its_number_and_planes_shot_down():
    text = "Separately, the death toll from Tuesday's suicide bombing at a market in Khalis rose to 38."
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.event_date) == (38, D(2021, 3, 9))
    assert of_type(run("Rebels shot down a transport plane near Luhansk on Monday."), "casualties") == []


@pytest.mark.parametrize(
    "text",
    [
        "The army said no civilians were killed or injured in the operation.",
        "No soldiers were injured in the attack on the convoy.",
        "Our thoughts are with the families of those killed in the attack.",
        "We mourn every civilian lost in this war.",
        "Our thoughts are with the families of those killed, and we wish those injured a quick recovery.",
        "We grieve for every soldier lost in this war, and far too many civilians continue to be killed.",
    ],
)
def test_nobody_hurt_and_condolences_are_no_casualties(text):
    assert of_type(run(text), "casualties") == []


@pytest.mark.parametrize(
    ("text", "count", "date"),
    [
        ("On 16 July 12 soldiers were killed when their truck was attacked.", 12, dt.date(2020, 7, 16)),
        ("On 16 July 2019, soldiers were killed when their truck was attacked.", None, dt.date(2019, 7, 16)),
        ("On 16 July 2019, 12 soldiers were killed when their truck was attacked.", 12, dt.date(2019, 7, 16)),
    ],
)
def test_a_number_after_a_date_counts_and_a_day_is_no_victim(text, count, date):
    (event,) = of_type(run(text, published=dt.date(2021, 1, 5)), "casualties")
    assert (event.count, event.event_date) == (count, date)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a "since" on a ranked noun names the earlier happening it is measured against
        (
            "A car bomb killed 40 people in Kirkuk, the deadliest attack in the city since the "
            "uprising in 2011.",
            D(2021, 3, 10),
        ),
        (
            "Soldiers killed 12 militants near Tikrit on Friday, the worst losses for the group since "
            "its defeat in 2017.",
            D(2021, 3, 5),
        ),
        # a range told by its two ends apart is dated by its start
        ("From May 2017 until February 2019, militants killed 300 soldiers in the province.", D(2017, 5, 1)),
        # a relative day right after the reporting verb dates the report, not the event
        (
            "On 28 February, rebels stormed a checkpoint near Goma. Police said the next day the "
            "assault had killed 12 soldiers.",
            D(2021, 2, 28),
        ),
        (
            "On 28 February, gunmen attacked a bus in Kano. The governor announced the following day "
            "that the attackers had killed nine passengers.",
            D(2021, 2, 28),
        ),
        (
            "On 28 February, rebels stormed a checkpoint near Goma. The next day the rebels killed 12 "
            "soldiers.",
            D(2021, 3, 1),
        ),
    ],
)
def test_a_date_of_another_happening_or_of_the_report(text, date):
    (event,) = of_type(run(text), "casualties")
    assert event.event_date == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the present perfect takes no past day: news up to the report (published Wed 10 March)
        (
            "Gunmen stormed a police post near Kirkuk late on Monday, killing 14 officers. Meanwhile, "
            "near Mosul, a bomb attack on a mosque has killed at least 18 people.",
            D(2021, 3, 10),
        ),
        (
            "On 6 March, rebels overran a garrison in the north. Clashes in the south have left 25 "
            "soldiers dead.",
            D(2021, 3, 10),
        ),
        (
            "In February, the army retook three villages near Gao. Attacks on convoys have killed "
            "40 soldiers.",
            D(2021, 3, 10),
        ),
        # the simple past carries it
        (
            "Gunmen stormed a police post near Kirkuk late on Monday, killing 14 officers. Meanwhile, "
            "near Mosul, a bomb attack on a mosque killed at least 18 people.",
            D(2021, 3, 8),
        ),
    ],
)
def test_news_in_the_present_perfect_takes_no_day_told_before(text, date):
    *_, event = of_type(run(text), "casualties")
    assert event.event_date == date


def test_a_definite_noun_with_its_own_toll_elsewhere_is_another_incident():
    text = (
        "Jets struck a convoy near Hama, killing a commander. The group vowed revenge for "
        "Friday's bombing, which killed seven soldiers in Homs."
    )
    assert [(e.location, e.event_date) for e in of_type(run(text), "casualties")] == [
        ("Hama", D(2021, 3, 10)),
        ("Homs", D(2021, 3, 5)),
    ]
    text = (
        "Jets struck a convoy near Hama, killing a commander. Friday's strike, which killed the "
        "commander in Hama, angered the group."
    )
    assert [e.event_date for e in of_type(run(text), "casualties")] == [D(2021, 3, 5)]


@pytest.mark.parametrize(
    ("text", "count", "actor"),
    [
        ("The US condemned the horrific killings of three aid workers in Tigray today.", 3, None),
        ("On 14 February, the group announced the execution of 150 prisoners of war.", 150, None),
        ("He was killed last week by a drone strike in Jilib, officials said.", None, None),
        # who stands with the victims on an anniversary is a bystander, not the killer
        (
            "Canada stands with the people of the region on the tenth anniversary of the market bombing,"
            " resulting in the deaths of 31 people.",
            31,
            None,
        ),
        ("Militiamen who stood with the army killed 12 villagers on Sunday.", 12, "Militiamen"),
    ],
)
def test_killings_executions_and_one_man_killed(text, count, actor):
    (event,) = of_type(run(text), "casualties")
    assert event.count == count
    assert contains(event.actor, actor)


def test_the_killing_of_a_bill_is_no_casualty():
    assert of_type(run("The killing of the bill angered lawmakers."), "casualties") == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a toll placed only in a country's part takes the place a later sentence tells it again with
        (
            "Officials in Somalia say a U.S. drone killed at least six militants in the country's south on"
            " Monday. One of the militants killed near the town of Jilib was a senior commander.",
            "Jilib",
        ),
        (
            "Police in Nigeria said gunmen killed 12 farmers in the country's north on Monday. Most of the"
            " farmers killed near the village of Kauru were women.",
            "Kauru",
        ),
        (
            "Officials in Afghanistan said an air strike killed nine Taliban fighters in the country's east"
            " on Monday. Some of the fighters killed near Khost were commanders.",
            "Khost",
        ),
    ],
)
def test_a_toll_told_again_gives_its_place(text, location):
    (event,) = of_type(run(text), "casualties")
    assert event.location == location, event.location


def test_a_deal_told_again_keeps_places_off_its_verb():
    text = (
        "The government and the rebels signed a peace deal in Pakistan on Monday. The deal signed Monday"
        " gives autonomy to the province of Balochistan."
    )
    (event,) = of_type(run(text), "reconciliation")
    assert event.location == "Pakistan", event.location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a victim's home town before their title is not the place; the clause telling their death is
        (
            "Several conscripts were killed last month, including Moscow lawyer Ivan Petrov, who was killed"
            " near the Ukrainian city of Bakhmut.",
            "Bakhmut",
        ),
        (
            "Five people were killed on Monday, among them Kabul shopkeeper Ahmad Karimi, who was killed near"
            " the Afghan city of Ghazni.",
            "Ghazni",
        ),
        (
            "Three soldiers were killed on Monday, including Lagos teacher John Okafor, who was killed near"
            " the Nigerian city of Maiduguri.",
            "Maiduguri",
        ),
    ],
)
def test_a_victim_s_home_town_is_not_the_place(text, location):
    (event,) = of_type(run(text), "casualties")
    assert event.location == location, event.location


@pytest.mark.parametrize(
    ("text", "location", "country"),
    [
        # a state that reacts to a killing is no place of it; one that reports it tells of its own land
        ("Spain condemned the bombing that killed 14 people last week.", None, None),
        (
            "Norway stands with the families on the anniversary of the massacre, resulting in the deaths of"
            " 77 people.",
            None,
            None,
        ),
        ("Italy condemned the shelling that killed nine civilians in the city of Kharkiv.", "Kharkiv", "UA"),
        ("Kenya said gunmen killed 12 herders on Monday.", None, "KE"),
    ],
)
def test_a_reacting_state_is_not_the_place(text, location, country):
    (event,) = of_type(run(text), "casualties")
    assert (event.location, event.country_code) == (location, country)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # the wounded joined to the dead by "and" are no part of the toll
        ("The blast caused at least 20 deaths and more than 60 injuries in the market.", 20),
        ("Medics reported nine deaths and 31 injuries after the shelling of the camp.", 9),
        ("The raid left 14 fatalities and dozens of injuries, a rescuer said.", 14),
        # a singular noun naming one person by role, with "the" or an owner, is one more
        ("A roadside bomb killed the convoy's driver and two soldiers near the bridge.", 3),
        ("The militants executed the mayor and four council members in the square.", 5),
        ("The strike killed two commanders and another who had joined them at the farm.", 3),
        # alone, such a noun is one death
        ("A sniper killed the village's doctor near the clinic.", 1),
        ("A roadside bomb killed the soldier who was driving the lead truck.", 1),
        ("An air raid killed the emir of Jund al-Fajr, a man known for his sermons.", 1),
        ("Shelling killed the staff of the clinic in the old town.", None),
    ],
)
def test_a_toll_counts_the_dead_of_one_or_more_roles(text, count):
    (event,) = of_type(run(text), "casualties")
    assert event.count == count, event.count


@pytest.mark.parametrize(
    ("text", "count", "date"),
    [
        # a number after a weekday that modifies the noun after it counts, the weekday dates
        ("Officials said Monday 12 soldiers were killed near the border.", 12, D(2021, 3, 8)),
        # even when the parser hangs the number on the day, which then dates the report
        ("Witnesses said Sunday 17 villagers were killed when gunmen stormed the market.", 17, None),
        ("Rebels killed 12 soldiers on Friday 5 March near the border.", 12, D(2021, 3, 5)),
    ],
)
def test_a_number_after_a_weekday_counts(text, count, date):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.event_date) == (count, date or event.event_date)


@pytest.mark.parametrize(
    "text",
    [
        # a day the parser hangs on the attribution told after the news dates the news
        "Gunmen killed four policemen at a checkpoint near the town yesterday, officials said.",
        "Rebels ambushed a convoy that was carrying aid to the besieged town and killed three drivers "
        "yesterday, local officials said.",
        "A car bomb exploded near a police station in the city, killing seven people yesterday, a police "
        "spokesman said.",
    ],
)
def test_a_day_before_a_trailing_attribution_dates_the_news(text):
    (event,) = of_type(run(text), "casualties")
    assert event.event_date == D(2021, 3, 9)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # "during the raid" after a raid told on a day points back to that day
        (
            "Commandos killed a militant leader during a raid on a house in the village on 3 March. Seven "
            "other people died during the raid.",
            D(2021, 3, 3),
            "day",
        ),
        (
            "On 4 March, soldiers launched an operation in the hills. Five militants were killed during "
            "the operation.",
            D(2021, 3, 4),
            "day",
        ),
        # a period the sentence before did not name: the month that holds it
        (
            "On 4 March, soldiers launched an operation in the hills. Five militants were killed during "
            "the fighting.",
            D(2021, 3, 1),
            "month",
        ),
    ],
)
def test_during_a_happening_told_before_is_its_day(text, date, precision):
    *_, event = of_type(run(text), "casualties")
    assert (event.event_date, event.date_precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "count", "injured"),
    [
        ("The blast caused at least 20 deaths and more than 60 injuries in the market.", 20, 60),
        ("Medics reported nine deaths and 31 injuries after the shelling of the camp.", 9, 31),
    ],
)
def test_the_wounded_joined_to_the_dead_are_counted_apart(text, count, injured):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.injured) == (count, injured)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # years counted from a year named before: the nearest one that leaves the sum in the past
        (
            "The 1994 bombing of the centre and the 2012 attack on a bus are remembered today. Eighteen "
            "years later, militants murdered five tourists and a driver in a bomb attack on a bus.",
            2012,
        ),
        ("In 2014 the rebels took the town. A year later, an air strike killed 12 rebels there.", 2015),
        (
            "The militia was founded in 2003 in the hills. Two years later, its fighters killed nine "
            "soldiers in an ambush.",
            2005,
        ),
    ],
)
def test_years_later_counts_from_a_year_told_before(text, year):
    (event,) = of_type(run(text), "casualties")
    assert (event.event_date, event.date_precision) == (D(year, 1, 1), "year")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # an uncounted group is at least the part of it that is counted
        ("An air raid hit a village held by the militants, killing civilians including three children.", 3),
        ("Gunmen killed villagers including two teachers and a nurse near the well.", 3),
        ("The bombing killed worshippers including five children at the mosque.", 5),
    ],
)
def test_an_uncounted_group_is_at_least_its_counted_part(text, count):
    (event,) = of_type(run(text), "casualties")
    assert (event.count, event.count_qualifier) == (count, "at_least")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a one-sentence lead dates the undated details of the paragraph right after it
        (
            "Gunmen stormed a village near the border on Monday, officials said.\n\nThey killed six "
            "farmers and burned their homes.",
            D(2021, 3, 8),
        ),
        (
            "Rebels ambushed an army patrol in the hills yesterday, killing two soldiers.\n\nThe troops "
            "were searching caves. At least nine rebels were killed in the fighting that followed.",
            D(2021, 3, 9),
        ),
        # not a paragraph further on, nor after a lead of two sentences
        (
            "Gunmen stormed a village near the border on Monday.\n\nResidents fled to the hills.\n\n"
            "Police said gunmen killed three officers in the town.",
            D(2021, 3, 10),
        ),
        (
            "Gunmen stormed a village near the border on Monday. Residents fled.\n\nSix farmers were "
            "killed in the town.",
            D(2021, 3, 10),
        ),
    ],
)
def test_a_one_sentence_lead_dates_the_paragraph_after_it(text, date):
    *_, event = of_type(run(text), "casualties")
    assert event.event_date == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a relative clause of an attack or a wreck dates the toll told just after it
        (
            "Flight 12 was an airliner that crashed shortly after it took off from the capital on 8 March."
            " All 176 passengers and crew died.",
            D(2021, 3, 8),
        ),
        (
            "The convoy was a column of trucks that was ambushed near the pass on 3 March. Eleven drivers"
            " died.",
            D(2021, 3, 3),
        ),
        ("Rebels held the hill that the army attacked on 2 March. Nine soldiers were killed.", D(2021, 3, 2)),
        # a relative clause of anything else dates no toll
        (
            "The minister, who visited the town on 3 March, praised the police. Eleven drivers died in a"
            " crash.",
            D(2021, 3, 10),
        ),
    ],
)
def test_a_happening_described_in_the_sentence_before_dates_the_toll(text, date):
    (event,) = of_type(run(text), "casualties")
    assert event.event_date == date
