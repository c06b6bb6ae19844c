"""air_strike: attacks from the air, not ground fire; count of strikes, striking force, place, date."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import contains, of_type, run

pytestmark = pytest.mark.model

D = dt.date


@pytest.mark.parametrize(
    ("text", "count", "actor", "location", "date"),
    [
        (
            "Russian warplanes carried out four air strikes on the town of Khan Sheikhoun on Monday.",
            4,
            "Russian",
            "Khan Sheikhoun",
            D(2021, 3, 8),
        ),
        (
            "Turkish drones struck a convoy near Qamishli yesterday, a war monitor reported.",
            None,
            "Turkish drones",
            "Qamishli",
            D(2021, 3, 9),
        ),
        (
            "An air raid hit a crowded market in the village of Jisr al-Shughur.",
            1,
            None,
            "Jisr al-Shughur",
            D(2021, 3, 10),
        ),
        (
            "Government helicopters dropped nine barrel bombs on Daraya overnight.",
            9,
            "Government helicopters",
            "Daraya",
            D(2021, 3, 10),
        ),
        (
            "Airstrikes by the US-led coalition pounded Islamic State positions in Raqqa last week.",
            None,
            "US-led coalition",
            "Raqqa",
            D(2021, 3, 1),
        ),
        # "repeatedly" in the simple past tells one raid, not a habit
        (
            "Jets repeatedly bombed the town of Kafr Nabl on Tuesday.",
            None,
            "Jets",
            "Kafr Nabl",
            D(2021, 3, 9),
        ),
    ],
)
def test_air_strikes(text, count, actor, location, date):
    (event,) = of_type(run(text), "air_strike")
    assert event.count == count
    if actor:
        assert contains(event.actor, actor)
    assert contains(event.location, location)
    assert (event.event_date, event.date_precision) == (date, "month" if date.day == 1 else "day")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired rockets and artillery shells at government positions in Hama.",
        "A car bomb exploded outside a police station in Baghdad.",
        "Dock workers went on strike in the port of Basra over unpaid wages.",
        "The army threatened to launch air strikes on the town if the fighters did not leave.",
        "Moscow denied that its jets had bombed the hospital.",
        "Commandos carried out a night raid on a farm outside Kandahar.",
        "The striker scored twice as the home side won 3-1.",
        "Rebels said the army helicopter was shot down over the valley.",
        "A suicide bomber attacked the checkpoint, and the bombing killed 12 people.",
        # a trend of strikes is no single strike, nor is what strikes are in general
        "Drone attacks have increased in the north since the governor took office in January.",
        "Air strikes have become a daily occurrence in the province.",
        "Drone strikes remain the main weapon of the campaign.",
        # drones used for no attack, or an attack only threatened
        "Farmers are using drones to spray their crops.",
        "The group threatened to attack the airbase using drones.",
        # a habit, no single strike
        "The town, under siege since 2013, is regularly targeted by government air strikes.",
        "The valley is a frequent target of army airstrikes and shelling.",
        "Drones often fly over the camp at night.",
        "Its helicopters have repeatedly bombed farms in the two districts.",
        # page furniture: tag lines, share and short-link prompts, an embedded video's title
        "Tags: Syria, air strikes, barrel bombs, Idlib",
        "Short link: Jets pound rebel town near the border",
        "Watch: Warplanes bomb a market in the north - YouTube",
        # aircraft that flew over, no mission flown
        "Warplanes flew over the camp on Monday.",
        "Drones flew overhead all night, residents said.",
        # an aircraft model that struck nothing
        "The air force bought twelve F-15s last year.",
        "A MiG-21 was shot down over the valley.",
        # a strike fired from the ground
        "Four soldiers were killed in a rocket strike on their post near the border.",
    ],
)
def test_not_air_strikes(text):
    assert of_type(run(text), "air_strike") == []


def test_strike_and_casualties_in_one_sentence():
    events = run("Warplanes struck Saraqib, killing nine civilians, rescuers said.")
    (strike,) = of_type(events, "air_strike")
    (toll,) = of_type(events, "casualties")
    assert strike.evidence == toll.evidence
    assert toll.count == 9
    assert contains(strike.location, "Saraqib")


@pytest.mark.parametrize(
    ("text", "title", "actor"),
    [
        ("The Jordanian air force hit weapons depots near Suwayda on Friday.", None, "Jordanian air force"),
        ("A drone attack on the airport in Erbil wounded two guards on Monday.", None, None),
        ("An unmanned aerial system attacked the patrol base near Tanf.", None, "unmanned aerial system"),
        ("Coalition strikes destroyed two bridges near Hajin, the alliance said.", None, "Coalition"),
        ("A Su-24 bomber carried out an attack on the town of Kafr Sousa.", None, "Su-24 bomber"),
        ("Jordanian jets flew 20 sorties against the militants near Hama.", None, "Jordanian jets"),
        # an aircraft named by its model
        ("An Su-25 attacked the village of Tell Hadya on Monday.", None, "Su-25"),
        # aircraft used in attacks
        ("The militias have conducted dozens of attacks using drones against the base.", None, "militias"),
        ("The rebels attacked the airbase near Hmeimim using drones on Monday.", None, "rebels"),
        ("The rebels used drones to attack the airbase near Hmeimim on Monday.", None, "rebels"),
        ("Two MiG-21s bombed a bridge near Hass.", None, "MiG-21s"),
        ("F-15s struck a depot outside Kidal overnight.", None, "F-15s"),
        (
            "American forces conducted precision strikes against two depots near Mayadin.",
            "Warplanes and drones over eastern Syria",
            "American forces",
        ),
    ],
)
def test_air_strikes_named_by_their_force_or_instrument(text, title, actor):
    (event,) = of_type(run(text, title=title), "air_strike")
    if actor:
        assert contains(event.actor, actor)


def test_raids_carried_out_need_an_article_about_aircraft():
    assert of_type(run("Police conducted raids on three houses in Mosul on Monday."), "air_strike") == []


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        ("On 4 May, Dutch forces conducted targeted strikes against a depot in Hit.", "Dutch forces", None),
        ("The last strike killed two insurgent commanders in April.", None, 1),
        ("France carried out a strike against a training camp near Kidal.", "France", 1),
    ],
)
def test_military_strikes_without_an_aircraft_word(text, actor, count):
    """A "strike" a force conducted, or one that killed or destroyed, is one from the air."""
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, actor)
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "Teachers conducted a strike against the new pay scale in Basra.",
        "The strike hit oil exports from the southern ports for a week.",
    ],
)
def test_strikes_of_workers_are_not_air_strikes(text):
    assert of_type(run(text), "air_strike") == []


def test_list_of_strikes_by_place_dated_and_attributed_by_its_introduction():
    text = (
        "On Dec. 3, coalition forces continued to attack the militants.\n"
        "The coalition conducted 4 strikes using fighter aircraft. "
        "The following is a summary of the strikes conducted:\n"
        "North\n"
        "*  Near Tal Abyad, one strike destroyed a militant vehicle.\n"
        "*  Near Al Hawl, three strikes struck two tactical units.\n"
    )
    strikes = of_type(
        run(text, title="Coalition aircraft strike militants", published=D(2021, 12, 4)), "air_strike"
    )
    listed = {e.location: e for e in strikes if e.evidence.startswith("*")}
    assert set(listed) == {"Tal Abyad", "Al Hawl"}
    assert {(e.event_date, e.count) for e in listed.values()} == {(D(2021, 12, 3), 1), (D(2021, 12, 3), 3)}
    assert {e.actor for e in listed.values()} == {"The coalition"}  # the force the lead names


def test_release_of_strike_lists_in_sections_with_hyphen_bullets():
    """A release's lead says who attacked and when; each section's intro only sums its items up."""
    text = (
        "GULF REGION, March 9, 2022 — Allied military forces continued to attack the militants yesterday, "
        "task force officials reported today.\n\n"
        "Officials gave details of yesterday's strikes.\n\n"
        "Strikes in the north\n\n"
        "Bomber and fighter aircraft conducted six strikes consisting of nine engagements in the north:\n\n"
        "-- Near Tel Kaif, a strike destroyed a mortar position.\n\n"
        "-- Near Hammam, five strikes engaged three tactical units; destroyed a tunnel.\n\n"
        "Strikes in the south\n\n"
        "Rotary aircraft conducted two strikes in the south:\n\n"
        "-- Near Rutba, two strikes damaged a supply route.\n"
    )
    strikes = of_type(run(text, title="Strikes continue", published=D(2022, 3, 9)), "air_strike")
    assert {(e.location, e.count) for e in strikes} == {("Tel Kaif", 1), ("Hammam", 5), ("Rutba", 2)}
    assert {e.event_date for e in strikes} == {D(2022, 3, 8)}
    assert {e.actor for e in strikes} == {"Allied military forces"}


@pytest.mark.parametrize(
    ("text", "actor", "location"),
    [
        (
            "During a sweep in Hawija, near Kirkuk, a Kiowa helicopter fired on a militant truck.",
            "a Kiowa helicopter",
            "Hawija",
        ),
        ("Near Hit, an attack helicopter fired on a bunker.", "an attack helicopter", "Hit"),
        (
            "Army helicopter crews destroyed six mortar tubes north of Tikrit.",
            "Army helicopter crews",
            "Tikrit",
        ),
    ],
)
def test_aircraft_parsed_as_appositive_or_flown_by_crews(text, actor, location):
    """The crews did what their aircraft did; "Near X, a helicopter fired" parses it as X's appositive."""
    (event,) = of_type(run(text), "air_strike")
    assert (event.actor, event.location) == (actor, location)


def test_aircrews_doing_anything_else_make_no_strike():
    assert of_type(run("The helicopter crews were rescued after the crash near Mosul."), "air_strike") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Dozens of militants were killed by Kurdish fighters and air strikes near Hasakah.", None),
        ("The rebels were driven out by government troops and air strikes in Hama.", None),
        ("Russian raids and air strikes hit Idlib on Monday.", "Russian"),
    ],
)
def test_strikes_conjoined_to_ground_fighters_are_not_theirs(text, actor):
    """Strikes joined to another strike word share its striker; joined to ground fighters they do not."""
    (event,) = of_type(run(text), "air_strike")
    assert event.actor == actor


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Coalition bombers engaged an ISIS tactical unit near Hajin on Tuesday.", "Hajin"),
        ("Drones engaged a weapons cache near Sirte.", "Sirte"),
        ("Attack helicopters engaged militants near Baiji.", "Baiji"),
    ],
)
def test_aircraft_that_engaged_something(text, location):
    (event,) = of_type(run(text), "air_strike")
    assert event.location == location


@pytest.mark.parametrize(
    "text",
    [
        "Air force jets engaged in a training exercise over Jordan.",
        "The pilots engaged in talks with the ministry.",
    ],
)
def test_aircraft_engaged_in_something_else_is_no_strike(text):
    assert of_type(run(text), "air_strike") == []


def test_strike_introducing_a_list_of_places_is_still_an_event():
    text = "Warplanes bombed three villages on Friday:\n- Kafr Ruma\n- Hass\n- Maarzita\n"
    assert of_type(run(text), "air_strike") != []


@pytest.mark.parametrize(
    ("text", "location", "count"),
    [
        ("Near Qaim, a strike destroyed a weapons cache.", "Qaim", 1),
        ("Near Baiji, four strikes engaged two tactical units.", "Baiji", 4),
        ("Near Hadithah, two strikes damaged a bridge.", "Hadithah", 2),
    ],
)
def test_strikes_that_engaged_or_damaged_in_an_article_about_aircraft(text, location, count):
    """A fronted "Near X," can make the strike an appositive of X; it still destroyed, engaged or damaged."""
    (event,) = of_type(run(text, title="Coalition aircraft hit militants"), "air_strike")
    assert (event.location, event.count) == (location, count)


@pytest.mark.parametrize(
    "details",
    [
        "Officials gave details of yesterday's strikes at a briefing.",  # the day as a possessive of "of"
        "Officials gave details of the latest strikes at a briefing.",  # the lead two paragraphs up
    ],
)
def test_sections_of_strikes_under_headings_are_dated_by_the_lead(details):
    text = (
        "HARBOR CITY, June 9, 2021 - Coalition aircraft kept up attacks on the militants yesterday, "
        "officials said today.\n\n"
        f"{details}\n\n"
        "North\n\n"
        "Fighter aircraft conducted four strikes in the north:\n\n"
        "-- Near Tal Abyad, one strike destroyed a militant vehicle.\n\n"
        "South\n\n"
        "Bomber aircraft conducted five strikes in the south:\n\n"
        "-- Near Al Hawl, three strikes struck two tactical units.\n\n"
    )
    strikes = of_type(
        run(text, title="Coalition aircraft strike militants", published=D(2021, 6, 9)), "air_strike"
    )
    listed = {e.location: e.event_date for e in strikes if e.evidence.startswith("--")}
    assert listed == {"Tal Abyad": D(2021, 6, 8), "Al Hawl": D(2021, 6, 8)}


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # a later sentence gives the day inside the period the lead counted back (published Wed 10 March)
        (
            "Warplanes bombed a depot of the militia earlier this week, officials said.\n\n"
            "The depot stored fuel and rockets.\n\n"
            "Witnesses said the raid took place Monday at dawn.",
            D(2021, 3, 8),
            "day",
        ),
        (
            "Jets struck an arms convoy in the past three days, the ministry said.\n\n"
            "The convoy had crossed the border.\n\n"
            "A local official said the strike happened on 9 March.",
            D(2021, 3, 9),
            "day",
        ),
        # a day outside the period is another raid's
        (
            "Warplanes bombed a depot of the militia earlier this week, officials said.\n\n"
            "The depot stored fuel and rockets.\n\n"
            "Witnesses said the raid took place on 2 February.",
            D(2021, 3, 1),
            "month",
        ),
    ],
)
def test_a_period_counted_back_is_narrowed_by_the_day_a_retelling_gives(text, date, precision):
    (event, *_) = of_type(run(text), "air_strike")
    assert (event.event_date, event.date_precision) == (date, precision)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        # a range told by its two ends apart is dated by its start, as "since X" is
        (
            "From 4 June 2016, to 12 July 2019, coalition jets carried out 9,200 strikes in the north.",
            D(2016, 6, 4),
            "day",
        ),
        ("From May 2017 until February 2019, warplanes bombed the valley 300 times.", D(2017, 5, 1), "month"),
        # a retelling with its own toll at another place tells another incident: the lead is undated
        (
            "Warplanes struck a depot near Raqqa, destroying rockets. The militia vowed revenge for "
            "Sunday's attack, which killed six guards in Hasakah.",
            D(2021, 3, 10),
            "day",
        ),
    ],
)
def test_a_range_and_another_incident_s_day(text, date, precision):
    (event, *_) = of_type(run(text), "air_strike")
    assert (event.event_date, event.date_precision) == (date, precision)


def test_raid_needs_aircraft_context():
    (event,) = of_type(
        run("Russian raids killed 14 people in Ariha, the monitor said.", title="Jets pound Idlib"),
        "air_strike",
    )
    assert contains(event.actor, "Russian")


@pytest.mark.parametrize(
    "text",
    [
        "Raids killed eleven people in the village of Kafr Ruma on Sunday.",
        "Seven farmers died in two raids on the hamlet of Tell Hadya on Friday.",
        "Three shepherds were wounded in raids near Saraqib on Monday.",
    ],
)
def test_raids_that_killed_in_an_article_about_aircraft(text):
    """Raids with no named attacker are air raids when they killed and the article speaks of aircraft."""
    (event,) = of_type(run(text, title="Warplanes bomb villages as jets circle overhead"), "air_strike")
    assert text.startswith(event.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Nine people were killed in a strike on a fuel depot in Marib on Friday.",
        "Two children died in the strike on their school near Hodeidah.",
        "A commander was killed in a strike on his car outside Sirte.",
    ],
)
def test_a_strike_that_killed_is_an_air_strike(text):
    (event,) = of_type(run(text), "air_strike")
    assert event.count == 1


def test_multiword_geographic_entity_is_a_place_and_conjoined_victims_count():
    events = run(
        "Israeli warplanes pounded the Gaza Strip overnight, killing a militant commander and his wife."
    )
    (strike,) = of_type(events, "air_strike")
    (toll,) = of_type(events, "casualties")
    assert contains(strike.location, "Gaza Strip")
    assert toll.count == 2


def test_day_and_month_date():
    (event,) = of_type(run("On 3 March, jets bombed a hospital in Maarat al-Numan."), "air_strike")
    assert (event.event_date, event.date_precision) == (D(2021, 3, 3), "day")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Air Force jets bombed insurgent hideouts in the Sambisa Forest on Saturday.", "Sambisa Forest"),
        ("Jets struck targets near the Syrian town of al-Bab last night.", "al-Bab"),
        ("Warplanes hit a depot in the Faj Attan district of Sanaa early on Tuesday.", "Faj Attan"),
        ("An air strike killed five al-Shabaab fighters near Jilib in Middle Juba region.", "Jilib"),
        ("Near Ruwayshid, two air strikes struck a fuel depot.", "Ruwayshid"),
    ],
)
def test_most_specific_place(text, location):
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.location, location)


def test_aircraft_as_instrument_of_an_attack():
    text = "Russia attacked the city of Kharkiv with waves of drones overnight, officials said."
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, "Russia")
    assert contains(event.location, "Kharkiv")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Iran launched a drone and missile attack on the base, killing two guards.", "Iran"),
        ("A drone attack hit a market in Marib on Sunday.", None),
        ("The minister condemned the drone attack launched against Iraq's Kurdistan region.", None),
        # the state that condemns a strike is a bystander, not the striker
        ("Norway strongly condemned the airstrike on a hospital in the north of the country.", None),
        ("Jordan condemned the drone strike on a wedding party near the border.", None),
    ],
)
def test_who_launched_an_aircraft_attack(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The patrol engaged the gunmen with close air support near Ghazni, killing six.", "The patrol"),
        (
            "Marines returned fire and engaged the attackers with mortars and close-air support near Sangin.",
            "Marines",
        ),
        (
            "Coalition forces provided close air support to the Iraqi army near Ramadi on Sunday.",
            "Coalition forces",
        ),
    ],
)
def test_close_air_support(text, actor):
    """Air support a force fought with or gave struck from the air; that force is the actor."""
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, actor)
    assert event.count is None


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Two UAVs struck a convoy near Marib on Sunday.", "UAVs"),
        ("Helicopters suppressed the gunmen's positions near Kunduz.", "Helicopters"),
        (
            "Coalition aircraft suppressed the enemy fire near Baqubah, killing four insurgents.",
            "Coalition aircraft",
        ),
    ],
)
def test_uavs_and_aircraft_suppressing_fire(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Civilians died following a strike by the Israel Defense Forces on a school in Rafah.",
            "Defense Forces",
        ),
        ("A strike by government forces on a hospital near Idlib killed three nurses.", "government forces"),
        ("The U.S. began retaliatory strikes on Friday, hitting sites in Iraq.", "The U.S."),
        ("The army started strikes on the militants' positions near Sirte on Monday.", "The army"),
    ],
)
def test_strikes_by_a_force_or_a_state_it_began(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    "text",
    [
        "A strike by dock workers closed the port of Basra.",
        "Teachers began a strike over unpaid wages in Basra.",
        "The governor called for air strikes on the rebels.",
        "The pilots will provide close air support to the brigade next month.",
        # the road not taken, a hypothetical strike, precautions against raids
        "We chose a ground raid rather than targeting him with an air strike.",
        "The army sent troops instead of launching air strikes on the village.",
        "The troops shot down a drone near Erbil, as the potential strike posed a threat to the base.",
        "Officials spoke of future air strikes on the port.",
        "Air raid sirens sounded across Kyiv on Monday.",
        "Residents spent the night in an air-raid shelter in Kharkiv.",
    ],
)
def test_no_strike_by_workers_plans_or_roads_not_taken(text):
    assert of_type(run(text), "air_strike") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Nine died when a drone strike and a ground raid by Afghan and foreign forces hit a village.",
            "Afghan and foreign forces",
        ),
        (
            "A helicopter attack and a night raid by special forces killed two commanders near Kunduz.",
            "special forces",
        ),
    ],
)
def test_a_ground_raid_is_no_air_strike_but_its_by_phrase_names_both_attackers(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert event.pattern_id == "air_strike.aircraft_verb"
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Rebels blamed the Saudi-led coalition for conducting the airstrike on a market in Saada.",
            "Saudi-led coalition",
        ),
        ("The rebels accused Russia of carrying out the air strike on the market in Idlib.", "Russia"),
        ("Officials blamed the army for the airstrike on Tuesday.", "the army"),
        # what the accused did is no strike: nobody is named for the strike itself
        ("The ministry accused the rebels of hiding among civilians before the airstrike on Monday.", None),
    ],
)
def test_who_is_blamed_for_or_accused_of_the_strike(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert event.actor == actor if actor is None else contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "actor", "location"),
    [
        ("Israel hit militant targets in the Gaza Strip on Sunday.", "Israel", "Gaza Strip"),
        ("The United States struck militia sites near Albu Kamal overnight.", "United States", "Albu Kamal"),
        ("Pakistan bombed insurgent hideouts in the Tirah valley on Friday.", "Pakistan", "Tirah"),
        ("Russia bombed the town of Kafr Zita on Thursday.", "Russia", "Kafr Zita"),
        ("The coalition struck weapons depots near Hajin on Tuesday.", "coalition", "Hajin"),
        # "it" under a reporting verb is the state force that reports
        (
            "The Turkish military said it hit 30 positions near Sinjar overnight.",
            "Turkish military",
            "Sinjar",
        ),
        # an aircraft as instrument, or aircraft in the sentence before
        ("Iran struck opposition camps near Koya with drones on Monday.", "Iran", "Koya"),
        (
            "Drones circled over the town all day. Later, Turkey hit the village of Tel Rifat.",
            "Turkey",
            "Tel Rifat",
        ),
        # a force that strikes only from the air, whatever it hit
        ("The coalition struck Tabqa on Wednesday.", "coalition", "Tabqa"),
        # a state striking a building
        ("On Monday, Israel struck the Al-Huda school in Beit Lahia.", "Israel", "Beit Lahia"),
        ("Russia hit a hospital in Kupiansk overnight.", "Russia", "Kupiansk"),
        # a state's forces that bombed, also after shelling
        (
            "Government forces shelled and bombed the town of Kafr Batna on Friday.",
            "Government forces",
            "Kafr Batna",
        ),
        ("Syrian forces bombed the village of Hish on Monday.", "Syrian forces", "Hish"),
        # the object of a verb joined to "bombed" is the bombing's too
        (
            "On Sunday, Russian forces bombed and destroyed a fuel depot in Trostianets.",
            "Russian forces",
            "Trostianets",
        ),
    ],
)
def test_a_state_that_hit_struck_or_bombed_targets(text, actor, location):
    """A state (or an air coalition) as subject of hit / strike / bomb, told as a strike from the air."""
    (event,) = of_type(run(text), "air_strike")
    assert event.pattern_id == "air_strike.state_verb"
    assert contains(event.actor, actor)
    assert contains(event.location, location)


@pytest.mark.parametrize(
    "text",
    [
        "Israel hit back at its critics on Monday.",
        "Turkey struck a deal with Russia over the border crossings on Thursday.",
        "Russia hit the grain exporters with new sanctions.",
        "Israel hit militant targets in Gaza with artillery fire overnight.",
        "Pakistan struck insurgent positions with tanks and mortars near the border.",
        "Iraq hit its oil production target in May.",
        "The storm hit the town of Hama on Monday.",
        "Israel could hit targets in Iran, officials warned.",
        "Iran threatened to strike bases in the region.",
        "Russia denied that it bombed the hospital.",
        "Insurgents bombed a police station in Kirkuk.",
        "Russia hit energy targets across the country with missiles on Monday.",
        # a building hit by no state, a force that is no state's
        "The storm hit a school in Dhaka on Monday.",
        "The bus struck a house at the roundabout.",
        "Rebel forces bombed a checkpoint on the highway.",
        # a place that was struck, not the state as a striker
        "Syria was hit by a strong earthquake on Monday.",
    ],
)
def test_states_hitting_on_the_ground_or_in_words_make_no_air_strike(text):
    assert of_type(run(text), "air_strike") == []


def test_a_state_s_strike_after_rocket_fire_is_still_from_the_air():
    (event,) = of_type(run("Israel hit targets in the Gaza Strip after rocket fire on Sunday."), "air_strike")
    assert contains(event.actor, "Israel")


def test_raids_that_killed_just_after_aircraft_in_the_paragraph():
    text = "A helicopter gunship was seen over the valley. Raids later killed six fighters near Kafr Nabl."
    events = of_type(run(text), "air_strike")
    assert any(e.evidence.startswith("Raids later killed") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # a new paragraph tells another incident
        "A helicopter gunship was seen over the valley.\nRaids later killed six fighters near Kafr Nabl.",
        # a "bombing" may be a car bomb's
        "Jets were seen over the area. A bombing killed 12 people at a market in Kirkuk.",
        "Jets were seen over the area. Police raids killed five suspects in Karachi.",
    ],
)
def test_raids_that_killed_need_aircraft_in_the_same_paragraph(text):
    assert not any(
        e.evidence.startswith(("Raids", "A bombing", "Police")) for e in of_type(run(text), "air_strike")
    )


@pytest.mark.parametrize(
    ("text", "places", "counts"),
    [
        (
            "Jordanian jets carried out strikes near Karak and Ruwaished on Sunday.",
            ["Karak", "Ruwaished"],
            [None, None],
        ),
        (
            "The coalition conducted five strikes near Tabqa and three strikes near Manbij.",
            ["Tabqa", "Manbij"],
            [5, 3],
        ),
        (
            "U.S. forces conducted six strikes near Kirkuk and two strikes near Tikrit.",
            ["Kirkuk", "Tikrit"],
            [6, 2],
        ),
        # a count stated for each place is that place's, not the sum
        ("Helicopters dropped eight barrels on Daraya and five on Zabadani.", ["Daraya", "Zabadani"], [8, 5]),
    ],
)
def test_strikes_near_several_places_are_one_event_each(text, places, counts):
    events = of_type(run(text), "air_strike")
    assert [e.location for e in events] == places
    assert [e.count for e in events] == counts


def test_one_strike_near_a_village_in_a_province_is_one_event():
    (event,) = of_type(
        run("Jets carried out an air strike near the village of Kafr Sajna in Idlib province."), "air_strike"
    )
    assert contains(event.location, "Kafr Sajna")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The army said its air strikes killed 20 militants near Sirte.", "The army"),
        ("The coalition said its strikes destroyed two bridges near Hajin.", "The coalition"),
        # the weapon told with the strikes names nobody; who responded with them did
        (
            "While searching the village, coalition forces saw militants setting up an ambush and responded "
            "with small-arms fire and air strikes.",
            "coalition forces",
        ),
        # "their" of officials, who are no force: the state they speak for, never the pronoun
        (
            "Israeli officials say their airstrikes took place early Saturday, targeting sites in Gaza.",
            "Israeli",
        ),
        ("Officials say their airstrikes took place early Saturday, targeting sites in Gaza.", None),
    ],
)
def test_whose_strikes_the_words_around_them_say(text, actor):
    (event,) = of_type(run(text), "air_strike")
    assert event.actor == actor if actor is None else contains(event.actor, actor)
