"""Event dates chosen from a whole sentence: the event clause's date beats the report's date,
a time of day takes the day it names, a month keeps its year (sentences of our own)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import PUBLISHED, of_type, run

from extractors.normalize.dates import resolve_date

D = dt.date


@pytest.mark.parametrize(
    ("expression", "iso"),
    [
        ("since the dawn of Monday", "2021-03-08"),
        ("in the night of Sunday", "2021-03-07"),
        ("the early morning of Friday", "2021-03-05"),
        ("on April 9, 2019", "2019-04-09"),
        ("in June last year", "2020-06"),
        ("between 12 and 14 January", "2021-01"),
        ("between February and September 2018", "2018"),
    ],
)
def test_expressions_the_sentence_reader_builds(expression, iso):
    resolved = resolve_date(expression, PUBLISHED)
    assert resolved is not None and resolved.iso == iso


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # the report's own date ("said on Tuesday that") loses to the event clause's date
        (
            "The governor said on Tuesday that bandits killed six herders in Zamfara on Sunday.",
            D(2021, 3, 7),
            "day",
        ),
        (
            "The monitor reported on Monday the deaths of 8 fishermen in a drone strike on a lake near the "
            "border town of Kusseri on Saturday.",
            D(2021, 3, 6),
            "day",
        ),
        # a time of day "of" a weekday is that weekday
        (
            "Artillery fire has hit the camp since the dawn of Monday, killing 5 displaced people.",
            D(2021, 3, 8),
            "day",
        ),
        ("Insurgents killed 11 villagers in the night of Friday near Gwoza.", D(2021, 3, 5), "day"),
        # a month with its year, a date with its year after a comma, a month "last year"
        ("Unknown gunmen killed 13 miners in August 2018 near the mine at Bagega.", D(2018, 8, 1), "month"),
        ("Militiamen killed 4 rangers on April 9, 2019 in the park.", D(2019, 4, 9), "day"),
        ("A suicide bomber killed 19 worshippers in June last year in Konduga.", D(2020, 6, 1), "month"),
        # a range of days inside one month is that month; months inside one year are that year
        ("Air raids killed 27 people between 12 and 14 January in the valley.", D(2021, 1, 1), "month"),
        (
            "Fighting killed 420 combatants between February and September 2018 in the region.",
            D(2018, 1, 1),
            "year",
        ),
        # a long sentence: the trigger's own clause dates it however far its date is
        (
            "Security forces, who had been deployed to the district after weeks of unrest that left markets "
            "closed and roads to the provincial capital cut by armed groups operating from the hills, killed "
            "9 attackers on Saturday.",
            D(2021, 3, 6),
            "day",
        ),
    ],
)
def test_event_date_in_a_sentence(text, date, precision):
    (event,) = of_type(run(text), "casualties")
    assert (event.event_date, event.date_precision) == (date, precision)


@pytest.mark.model
def test_report_date_alone_bounds_the_event():
    """With no date of its own, the event takes the report's date rather than publication's."""
    text = "The ministry said on Monday that at least 14 soldiers had been killed in an ambush near Diffa."
    (event,) = of_type(run(text), "casualties")
    assert event.event_date == D(2021, 3, 8)


def test_an_undated_sentence_takes_the_date_of_the_sentence_before_it():
    events = run(
        "On 2 March, government forces entered the town of Kafr Nabl after a week of shelling. "
        "Forty rebel fighters surrendered to the army and handed over their weapons."
    )
    (deal,) = of_type(events, "reconciliation")
    assert (deal.event_date, deal.date_precision, deal.date_text) == (D(2021, 3, 2), "day", "On 2 March")


def test_a_paragraph_break_ends_the_narrative_date():
    # (a one-sentence lead is the exception: the paragraph after it tells its details)
    events = run(
        "On 2 March, government forces entered the town of Kafr Nabl after a week of shelling. Residents "
        "returned to their homes.\n\n"
        "Forty rebel fighters surrendered to the army and handed over their weapons."
    )
    (deal,) = of_type(events, "reconciliation")
    assert (deal.event_date, deal.date_text) == (PUBLISHED, None)


@pytest.mark.parametrize(
    ("follow_up", "date", "words"),
    [
        ("The next day, forty rebel fighters surrendered to the army.", D(2021, 3, 3), "The next day"),
        (
            "Three days later, forty rebel fighters surrendered to the army.",
            D(2021, 3, 5),
            "Three days later",
        ),
        ("That afternoon, forty rebel fighters surrendered to the army.", D(2021, 3, 2), "That afternoon"),
        # counted from the happening the story told ("after the attack")
        (
            "Two days after the attack, forty rebel fighters surrendered to the army.",
            D(2021, 3, 4),
            "Two days after the attack",
        ),
        (
            "A day after the assault, forty rebel fighters surrendered to the army.",
            D(2021, 3, 3),
            "A day after the assault",
        ),
        # a bare time of day names no day: the story's, not the publication's
        ("Around noon, forty rebel fighters surrendered to the army.", D(2021, 3, 2), "Around noon"),
        ("At dawn, forty rebel fighters surrendered to the army.", D(2021, 3, 2), "At dawn"),
        ("By nightfall, forty rebel fighters surrendered to the army.", D(2021, 3, 2), "By nightfall"),
    ],
)
def test_a_relative_day_counts_from_the_day_the_story_last_named(follow_up, date, words):
    events = run(f"On 2 March, government forces entered the town of Kafr Nabl.\n\n{follow_up}")
    (deal,) = of_type(events, "reconciliation")
    assert (deal.event_date, deal.date_precision, deal.date_text) == (date, "day", words)


def test_a_bare_time_of_day_alone_is_the_publication_day_and_last_night_the_day_before():
    (dawn,) = of_type(run("At dawn, forty rebel fighters surrendered to the army."), "reconciliation")
    assert (dawn.event_date, dawn.date_text) == (PUBLISHED, None)
    (night,) = of_type(run("Forty rebel fighters surrendered to the army last night."), "reconciliation")
    assert night.event_date == D(2021, 3, 9)


def test_relative_days_chain_and_stop_at_the_publication_date():
    events = run(
        "On 2 March, government forces entered the town of Kafr Nabl. The next day, jets struck Hass. "
        "Two days later, forty rebel fighters surrendered to the army."
    )
    (deal,) = of_type(events, "reconciliation")
    assert deal.event_date == D(2021, 3, 5)
    (late,) = of_type(
        run("On 9 March, troops entered Hass. Three days later, rebels surrendered."), "reconciliation"
    )
    assert late.event_date == PUBLISHED  # 12 March would lie after publication


def test_a_time_of_night_keeps_its_day_and_year():
    text = "On the night of March 4, 2021, jets struck a depot near Hass."
    (strike,) = of_type(run(text), "air_strike")
    assert (strike.event_date, strike.date_precision) == (D(2021, 3, 4), "day")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Today marks the fifth anniversary of the bombing in Dhaka that killed 20 people.", D(2016, 3, 10)),
        ("Ten years ago today, a bomb in Burgas killed five tourists and their driver.", D(2011, 3, 10)),
        ("On the 10th anniversary of the attack in Elad that killed three men, leaders met.", D(2011, 3, 10)),
    ],
)
def test_an_anniversary_dates_the_event_that_many_years_back(text, date):
    (toll,) = of_type(run(text), "casualties")
    assert (toll.event_date, toll.date_precision) == (date, "day")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "date", "words"),
    [
        # a clause joined with "and" and a subject of its own tells another happening: its date is its own
        (
            "On 2 March, the president of the country and Omar Saleh, leader of the Southern Front, signed a "
            "peace agreement, and on 8 March, the parliament approved the accord.",
            "reconciliation",
            D(2021, 3, 2),
            "On 2 March",
        ),
        (
            "On 3 March, some 200 gunmen from the villages around the old market town of Hass laid down "
            "their arms, and on 9 March, jets struck the hills.",
            "reconciliation",
            D(2021, 3, 3),
            "On 3 March",
        ),
        (
            "On Monday, around 300 of the rebel fighters in the besieged districts of the old town settled "
            "their status, and on Tuesday, the army entered the town.",
            "reconciliation",
            D(2021, 3, 8),
            "On Monday",
        ),
        # a counted period after "after" is how long something lasted, not when the event was
        (
            "On 4 March, after several days of calm, gunmen killed two guards at the depot in Tillaberi.",
            "casualties",
            D(2021, 3, 4),
            "On 4 March",
        ),
        # "N weeks after X" measures from X: it does not date the event of the main clause
        (
            "Eighty rebels surrendered to the army in Kafr Nabl, three weeks after the siege of the town "
            "began.",
            "reconciliation",
            PUBLISHED,
            None,
        ),
        # a planned happening's date ("scheduled to start on") does not date the deal that was reached
        (
            "A truce deal was reached in Kafr Nabl, with the evacuation of 120 fighters scheduled to start "
            "on 9 March.",
            "reconciliation",
            PUBLISHED,
            None,
        ),
        # nor does a future clause's ("would begin in a few days")
        (
            "The commander said on 2 March that 400 new fighters had joined the brigade and that their "
            "training would begin in a few days.",
            "recruitment",
            D(2021, 3, 2),
            "on 2 March",
        ),
    ],
)
def test_a_date_of_another_happening_in_the_sentence_does_not_date_the_event(text, kind, date, words):
    (event,) = of_type(run(text), kind)
    assert (event.event_date, event.date_text) == (date, words)


def test_in_the_evening_is_the_day_the_story_last_named():
    events = run(
        "On 3 March, the army shelled the town of Kafr Nabl.\n\n"
        "In the evening, forty rebel fighters surrendered to the army."
    )
    (deal,) = of_type(events, "reconciliation")
    assert (deal.event_date, deal.date_text) == (D(2021, 3, 3), "In the evening")


@pytest.mark.parametrize(
    "second_sentence",
    [
        "In another incident, a roadside bomb killed two soldiers near Bama.",
        "Police said that in a separate attack a roadside bomb killed two soldiers near Bama.",
    ],
)
def test_another_incident_does_not_take_the_date_of_the_story_before_it(second_sentence):
    events = run(f"On 3 March, gunmen killed four traders on the road to Gwoza. {second_sentence}")
    first, second = sorted(of_type(events, "casualties"), key=lambda e: e.evidence_start)
    assert first.event_date == D(2021, 3, 3)
    assert (second.event_date, second.date_text) == (PUBLISHED, None)


def test_a_night_across_two_days_is_the_day_it_ends():
    text = "On the night of 4–5 March, jets struck a depot near Hass."
    (strike,) = of_type(run(text), "air_strike")
    assert (strike.event_date, strike.date_precision) == (D(2021, 3, 5), "day")


@pytest.mark.parametrize(
    ("first_sentence", "second_sentence", "date", "precision"),
    [
        # what a running tally since a day tells happened in the period, not on its first day
        (
            "Since 2 March, the army has besieged the hills around Hass.",
            "The coalition conducted 14 air strikes on supply depots.",
            D(2021, 3, 1),
            "month",
        ),
        # "during the fighting" the story began on a day: the month that holds the fighting
        (
            "On 2 March, rebels stormed the army post at Hass.",
            "During the fighting, jets struck the rebel positions.",
            D(2021, 3, 1),
            "month",
        ),
        # without either, the day carries
        (
            "On 2 March, rebels stormed the army post at Hass.",
            "Jets struck the rebel positions.",
            D(2021, 3, 2),
            "day",
        ),
    ],
)
def test_a_carried_day_widens_to_the_period_the_sentence_tells(
    first_sentence, second_sentence, date, precision
):
    (strike,) = of_type(run(f"{first_sentence} {second_sentence}"), "air_strike")
    assert (strike.event_date, strike.date_precision) == (date, precision)


def test_a_running_tally_does_not_merge_with_a_dated_strike_inside_it():
    events = run(
        "Since 2 March, the army has besieged the hills around Hass. The coalition conducted 14 air strikes "
        "on supply depots. On 5 March, air strikes hit a bridge near Hass."
    )
    assert len(of_type(events, "air_strike")) == 2


@pytest.mark.parametrize(
    ("retelling", "date"),
    [
        ("The command said the strike Thursday near Hass also destroyed two trucks.", D(2021, 3, 4)),
        ("Residents said the raid on Sunday hit a market.", D(2021, 3, 7)),
        ("No group has commented on Saturday's deadly attacks.", D(2021, 3, 6)),
    ],
)
def test_an_undated_lead_takes_the_day_its_retelling_gives(retelling, date):
    events = run(
        f"Jets killed 14 fighters in the hills north of Hass.\n\nThe army confirmed the toll. {retelling}"
    )
    (toll,) = of_type(events, "casualties")
    assert (toll.event_date, toll.date_precision) == (date, "day")


def test_a_report_date_yields_to_the_retelling():
    events = run(
        "An air strike killed 14 fighters near Hass, the army said Friday.\n\n"
        "The army said the strike Thursday also destroyed two trucks."
    )
    (toll,) = of_type(events, "casualties")
    assert toll.event_date == D(2021, 3, 4)


def test_a_deal_is_dated_by_its_retelling():
    events = run(
        "The two rebel commanders signed a peace agreement with the government.\n\n"
        "Diplomats welcomed the March 2 agreement as a first step."
    )
    (deal,) = of_type(events, "reconciliation")
    assert deal.event_date == D(2021, 3, 2)


# Five sentences of background between the lead and the deal's retelling.
_BACKGROUND = (
    "The war has lasted six years. Thousands have fled the region. Aid groups have asked for access. "
    "The two men met in the capital. Both said they want calm.\n\n"
)


@pytest.mark.parametrize(
    ("retelling", "date"),
    [
        ("The United States welcomes the March 2 agreement.", D(2021, 3, 2)),
        ("Observers praised the accord on Friday as a breakthrough.", D(2021, 3, 5)),
        ("Elders said Sunday's deal will bring calm to the villages.", D(2021, 3, 7)),
        # another occasion: an earlier deal
        ("The previous agreement on January 12 collapsed within weeks.", PUBLISHED),
    ],
)
def test_a_deal_is_dated_by_its_retelling_anywhere_in_the_article(retelling, date):
    events = run(
        f"The rebel leader and the president signed a new peace agreement.\n\n{_BACKGROUND}{retelling}"
    )
    deal = min(of_type(events, "reconciliation"), key=lambda e: e.evidence_start)
    assert deal.event_date == date


@pytest.mark.parametrize(
    "text",
    [
        # another occasion: "the last strike"
        "Jets killed 14 fighters north of Hass. The last strike on Thursday killed one fighter.",
        # not the lead: a toll later in a report
        "On Friday the army entered Hass.\n\nJets killed 14 fighters in the hills. "
        "The strike Thursday hit a depot.",
    ],
)
def test_only_the_lead_retold_as_itself_takes_a_later_day(text):
    events = run(text)
    tolls = sorted(of_type(events, "casualties"), key=lambda e: e.evidence_start)
    assert tolls[0].event_date != D(2021, 3, 4)


def test_a_happening_measured_back_from_the_news_does_not_merge_with_it():
    events = run(
        "Drones killed 11 militants near Hass on Tuesday. The attacks come a week after officials said "
        "a drone strike killed senior commander Abu Hamza in the valley."
    )
    assert len(of_type(events, "casualties")) == 2


def test_a_relative_day_in_the_sentence_before_counts_from_an_unparsed_opening_date():
    events = run(
        "On 2 March, government forces entered the town of Kafr Nabl. Two days later, the army began "
        "its assault on the valley. Forty rebel fighters surrendered to the army."
    )
    (deal,) = of_type(events, "reconciliation")
    assert (deal.event_date, deal.date_text) == (D(2021, 3, 4), "Two days later")


def test_intakes_dated_from_another_sentence_stay_apart():
    events = run(
        "On 2 March, the governor opened a new training camp near Hass. Two days later, a new brigade "
        "of local men joined the militia. More than 300 volunteers joined the militia at the camp."
    )
    assert len(of_type(events, "recruitment")) == 2


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # "N units after X" dates X at that distance before the report, at the unit's precision
        (
            "The raids come about two months after a drone strike killed 7 militants near Hass.",
            D(2021, 1, 1),
            "month",
        ),
        ("The raids come two days after a drone strike killed 7 militants near Hass.", D(2021, 3, 8), "day"),
        # a count back the model leaves untagged after a dateline
        ("HASS-More than two months ago, gunmen killed 7 guards at the depot.", D(2021, 1, 1), "month"),
    ],
)
def test_a_point_counted_back_from_the_report(text, date, precision):
    (event,) = of_type(run(text), "casualties")
    assert (event.event_date, event.date_precision) == (date, precision)
