"""reconciliation: settlements and surrenders that happened; not truces, calls, failed or future deals."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_cases import contains, of_type, run

pytestmark = pytest.mark.model

D = dt.date


@pytest.mark.parametrize(
    ("text", "actor", "location", "count"),
    [
        (
            "Rebel commanders in Busra al-Harir signed a settlement agreement with the government on Monday.",
            "Rebel commanders",
            "Busra al-Harir",
            None,
        ),
        (
            "About 400 gunmen settled their status with the security services in Tafas last week.",
            "gunmen",
            "Tafas",
            400,
        ),
        (
            "The last fighters in the town of Madaya surrendered to the army after a two-year siege.",
            "The last fighters",
            "Madaya",
            None,
        ),
        (
            "Some 200 fighters and their families left the district of Waer"
            " under an agreement with the regime.",
            "fighters",
            "Waer",
            200,
        ),
        (
            "The government and the rebel alliance finalised a peace deal in Juba on Saturday.",
            "the rebel alliance",
            "Juba",
            None,
        ),
        # joining a peace process, giving oneself up: settlements with their count
        (
            "Twelve insurgents joined the peace process in Herat province on Saturday.",
            "insurgents",
            "Herat",
            12,
        ),
        (
            "Forty-two militants handed themselves over to the police in Diyala on Wednesday.",
            "militants",
            "Diyala",
            42,
        ),
        ("About 150 gunmen turned themselves in to the army in Tafas.", "gunmen", "Tafas", 150),
        # a deal its participle says was made, though the people move later
        (
            "Under the agreement reached on Friday, about 400 fighters will be evacuated from Madaya.",
            "fighters",
            "Madaya",
            400,
        ),
        # a reconciliation, disarmament or peace programme entered; an amnesty offer accepted
        (
            "Four hundred Taliban militants joined the government's reconciliation program in Herat.",
            "militants",
            "Herat",
            400,
        ),
        (
            "Some 35 former fighters entered the disarmament programme in Bunia on Monday.",
            "fighters",
            "Bunia",
            35,
        ),
        ("About 120 militants took up the amnesty offer in Kaduna on Monday.", "militants", "Kaduna", 120),
        # the party without its count: "a total of N X" -> X
        (
            "A total of 47 Boko Haram members surrendered to troops in Borno on Monday.",
            "Boko Haram members",
            "Borno",
            47,
        ),
        ("A group of 30 gunmen settled their status in Tafas on Sunday.", "gunmen", "Tafas", 30),
        # the people a side demobilized are counted, not the sides
        (
            "Several armed groups agreed to demobilize thousands of child soldiers in Bangui in May.",
            "armed groups",
            "Bangui",
            1000,
        ),
        ("The militia demobilised 300 boys in Bunia on Monday.", "The militia", "Bunia", 300),
        # a count beside the side: an apposition, the group a remnant is part of, the tally they reached
        ("The militia, 600 men, surrendered to the army in Tafas on Sunday.", "militia", "Tafas", 600),
        ("The rest of the 300 gunmen surrendered to the army in Tafas on Tuesday.", "gunmen", "Tafas", 300),
        (
            "The number of people who settled their status in Tafas reached 2,400 on Wednesday.",
            "people",
            "Tafas",
            2400,
        ),
        (
            "Three armed groups signed a peace deal with the government in Juba on Monday.",
            "armed groups",
            "Juba",
            None,
        ),
    ],
)
def test_settlements(text, actor, location, count):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)
    assert contains(event.location, location)
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "The two sides signed a ceasefire deal to halt the fighting for a week.",
        "The president urged the rebels to join the reconciliation before the deadline.",
        "Voters narrowly failed to ratify the peace agreement.",
        "A deal is being negotiated for a truce in the besieged suburb.",
        "The bank completed the reconciliation of its accounts for the year.",
        "The plan requires the fighters to surrender their heavy weapons.",
        "The rebels refused to join the peace process.",
        "The militants will hand themselves over next week.",
        "Under a deal, the rebels may leave the town.",
        "The agreement would allow 800 rebels to leave the town.",
        "The deal allowed government forces to take over security in the town.",
        # a disposition, not a settlement
        "The commanders said they were ready to lay down their arms.",
        "Local gunmen are reluctant to settle their status with the government.",
        # a recurring occasion
        "Every time the rebels surrender, the army moves them to camps.",
        "Whenever fighters hand themselves over, the police question them.",
        "Fighters in the province routinely surrender to the army after a few months.",
        # a programme or an amnesty offered, refused or begun, not entered
        "The rebels refused to join the amnesty scheme.",
        "The government launched a reconciliation program for former fighters.",
        "The government renewed its amnesty offer to the rebels on Monday.",
        "The rebels may accept the amnesty offer.",
    ],
)
def test_not_settlements(text):
    assert of_type(run(text), "reconciliation") == []


def test_settlement_date_is_when_it_happened():
    text = "In December local elders and the army agreed a deal that saw the fighters leave Tal Kalakh."
    (event,) = of_type(run(text), "reconciliation")
    assert (event.event_date, event.date_precision) == (D(2020, 12, 1), "month")
    assert contains(event.actor, "local elders")


def test_counted_group_that_settled():
    (event,) = of_type(
        run("Hundreds of gunmen in the Tafas area have settled their status, officials said."),
        "reconciliation",
    )
    assert (event.count, event.count_qualifier) == (100, "at_least")


def test_laid_down_arms_but_not_refusals():
    text = "About 50 Taliban fighters laid down their arms in Herat province on Monday."
    (event,) = of_type(run(text), "reconciliation")
    assert (event.count, event.event_date) == (50, D(2021, 3, 8))
    assert of_type(run("Rebels in eastern Ghouta refused to lay down their arms."), "reconciliation") == []


def test_laid_down_arms_in_a_long_report_and_its_common_misspelling():
    filler = "The market reopened after weeks of rain. Traders said prices had fallen. " * 6
    for text in (
        filler + "On Monday, 35 former militants layed down their weapons at the district centre.",
        filler + "Officials said that since last year there have been 120 fighters lay down their arms.",
    ):
        (event,) = of_type(run(text), "reconciliation")
        assert event.count in (35, 120)


def test_pronoun_party_is_the_side_named_before():
    text = "The villages were held by the armed opposition until they reconciled with Damascus two years ago."
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, "the armed opposition")
    assert (event.event_date, event.date_precision) == (D(2019, 1, 1), "year")


def test_wanted_men_who_settled_are_a_settlement():
    text = (
        "About 250 former fighters and wanted young men settled their status in the city of Rastan on Monday."
    )
    (event,) = of_type(run(text), "reconciliation")
    assert (event.count, event.location) == (250, "Rastan")
    assert of_type(run("The rebels want to settle their status before the deadline."), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The Philippine government and the Moro Islamic Liberation Front signed a peace deal.", "Moro"),
        ("Colombia and the country's main rebel group signed a peace agreement.", "main rebel group"),
    ],
)
def test_the_party_that_settles_with_the_state_is_the_actor(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)
    assert "government" not in event.actor and "Colombia and" not in event.actor


def test_a_reconciled_fighter_killed_is_no_settlement():
    text = "On 20 August, shelling killed a reconciled commander of the local militia in Tafas."
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Around 300 rebel fighters and their families were evacuated from Qadam to Idlib.", 300),
        ("The evacuation began on Sunday, with rebels leaving for Jarablus.", None),
        ("On 5 May, the insurgents agreed to a deal under which 60 militants handed over their weapons.", 60),
        # buses count vehicles, not the people they carry; the fighters among people who left
        ("On Tuesday, 15 buses carrying fighters left the town under the agreement with the army.", None),
        ("On Thursday, 5 buses carrying 210 fighters left the town for the north under the deal.", 210),
        (
            "On Friday, 20 trucks evacuated about 3,000 people from the town under the deal, including 400 "
            "fighters and 2,600 of their family members.",
            400,
        ),
    ],
)
def test_fighters_evacuated_and_deals_agreed_to(text, count):
    (event,) = of_type(run(text), "reconciliation")
    assert event.count == count
    assert event.actor is None or "evacuation" not in event.actor.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Residents were evacuated from the flooded village.",
        "The rebels threatened to evacuate their wounded.",
        "The shelling came a day after the suburb was evacuated by rebels.",
    ],
)
def test_evacuations_without_fighters_leaving_now_are_no_settlements(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Friday the army handed the fighters a choice: either surrender or face a new assault.",
        "The gunmen were given two days to leave the valley or stay and reach a settlement.",
        "The commander said the shelling aims to exhaust the militants so they surrender.",
        "After the evacuation, soldiers entered the old market of the town.",
    ],
)
def test_choices_aims_and_anchors_are_no_settlements(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The defenders of the hill agreed to surrender and hand over their tanks on Sunday.", "defenders"),
        ("The interior minister and the Popular Resistance Front sign a peace accord in Lome.", "Resistance"),
        ("On Monday the army reached an agreement with the rebels to leave the valley.", "the rebels"),
        ('The Northern Alliance said, "An agreement was reached with the government on Monday."', "Alliance"),
        ("The government of Ruritania and the Red Mountain Front finalise a peace deal.", "Red Mountain"),
        (
            "The president's envoy and the largest rebel faction, the Free Coast Movement, signed a peace"
            " deal.",
            "Free Coast Movement",
        ),
        (
            "The authorities and the country's largest rebel group have signed a peace deal."
            " Under the deal, the Green Valley Liberation Front will hand over its weapons.",
            "Green Valley Liberation Front",
        ),
    ],
)
def test_the_party_that_settled_is_not_the_state(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)


def test_the_count_is_not_part_of_the_actor():
    text = "About 120 rebel fighters and their families were evacuated from the village of Kafr Nasr today."
    (event,) = of_type(run(text), "reconciliation")
    assert event.count == 120
    assert event.actor is not None and event.actor.startswith("rebel fighters")


def test_an_evacuation_carrying_out_a_deal_told_before_is_that_deal():
    text = (
        "On Monday the rebels in the town of Kafr Hamra reached a deal with the army to leave for the north."
        " On Wednesday, about 400 rebel fighters were evacuated from the town."
    )
    (event,) = of_type(run(text), "reconciliation")
    assert event.evidence.startswith("On Monday")


def test_where_fighters_went_is_not_where_they_settled():
    text = (
        "Some 60 gunmen settled their status in Kafr Hamra on Monday,"
        " while 30 were bussed to the town of Tell Abyad."
    )
    (event,) = of_type(run(text), "reconciliation")
    assert event.location == "Kafr Hamra"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "On Friday the rebels agreed to a truce, letting their fighters hand over heavy weapons"
            " to the army.",
            "rebels",
        ),
        (
            "A truce and the evacuation of the gunmen were agreed between the army and local fighters"
            " on Tuesday.",
            "local fighters",
        ),
        (
            "On Monday a truce was reached between the two factions, with the Dawn Brigade surrendering its"
            " last posts in the valley to the Free Army.",
            "Dawn Brigade",
        ),
        ("Another agreement was reached on Sunday and the evacuation of the district began.", None),
        # "the two sides" stand for the armed side named just before, or the one the next sentence moves out
        (
            "Talks between the army and the Free Syrian Army ended on Sunday. On Monday, the two sides"
            " reached a deal to evacuate the town of Bosra.",
            "Free Syrian Army",
        ),
        (
            "Jaish al-Islam fighters held out in the town for weeks. On Monday, a deal was reached between"
            " the two sides in Douma.",
            "Jaish al-Islam",
        ),
        (
            "An agreement was reached on Monday between the warring parties in Zabadani. Under the deal, the"
            " remaining rebels are to withdraw to Idlib.",
            "remaining rebels",
        ),
    ],
)
def test_truces_and_deals_with_a_settlement_cue(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor) if actor else event.actor is None
    assert event.count is None


@pytest.mark.parametrize(
    "text",
    [
        'Last month Moscow implemented a two-day "humanitarian truce" meant to let civilians and surrendering'
        " gunmen leave the town.",
        "The two sides agreed to a ceasefire in the valley, which remains under rebel control.",
        "The army gave the gunmen two days to surrender the village and evacuate.",
    ],
)
def test_pauses_and_ultimatums_are_no_settlements(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    "text",
    [
        "The army halted its assault on the town after the rebels agreed to surrender.",
        "Troops stopped their advance on Monday as an evacuation deal was announced.",
    ],
)
def test_a_halt_does_not_reach_the_clause_that_times_it(text):
    assert len(of_type(run(text), "reconciliation")) == 1


@pytest.mark.parametrize(
    ("text", "actor", "count"),
    [
        ("Karimi is a former rebel commander who defected to the government in March.", "Karimi", None),
        ("On Monday, dozens of gunmen were seen surrendering to the army near the border.", "gunmen", 12),
        (
            "The town fell by evening, with the last of the gunmen surrendering themselves to the militia.",
            "gunmen",
            None,
        ),
    ],
)
def test_defections_to_the_state_and_surrenders_told_as_seen(text, actor, count):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "Surrendering rebels were taken to a camp.",
        "The rebels were told to consider surrendering.",
        "The minister said he would defect to the government.",
    ],
)
def test_gerunds_and_plans_are_no_surrender(text):
    assert of_type(run(text), "reconciliation") == []


def test_defecting_to_government_forces_is_recruitment_only():
    events = run("Dozens of soldiers defected to the government forces on Monday.")
    assert of_type(events, "reconciliation") == []
    assert len(of_type(events, "recruitment")) == 1


def test_a_deal_named_by_its_year_happened_that_year_and_is_told_once():
    text = (
        "Both sides accused each other of violating the 2019 peace agreement."
        " The rebels said they would return to the 2019 peace agreement, which failed to end the war."
    )
    (event,) = of_type(run(text), "reconciliation")
    assert (event.event_date, event.date_precision) == (D(2019, 1, 1), "year")
    assert event.evidence.startswith("Both sides")
    assert of_type(run("The 2015 nuclear deal collapsed."), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # people the deal told before moves ("Under the deal, N will be evacuated"): the deal's count
        (
            "The army and the rebels reached a deal on Sunday. Under the deal, some 1,500 fighters will be "
            "evacuated from the town.",
            1500,
        ),
        ("Under the deal, 600 fighters and their families will leave for the north.", 600),
        ("Under the deal, 250 gunmen and their families will leave for the north.", 250),
        # what a deal let people do happened: they are its count
        ("The agreement allowed about 800 rebels and their families to leave for the north on Sunday.", 800),
    ],
)
def test_the_people_a_deal_moves_are_its_count(text, count):
    (deal,) = of_type(run(text), "reconciliation")
    assert deal.count == count


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # weapons handed in, turned in or given up by their own holders
        ("Forty rebels turned in their weapons to the army on Sunday.", 40),
        ("The rebel group handed in its arms at the police station on Friday.", None),
        ("On Saturday, 25 militiamen gave up their rifles in the border district.", 25),
        # demobilized or reintegrated as a happening
        ("About 300 paramilitary fighters demobilized on Sunday in the northern province.", 300),
        ("Some 150 militia members were demobilised at a camp near the river on Tuesday.", 150),
        ("In March, the armed groups agreed to demobilize their fighters at the talks.", None),
        # taken into a reintegration program or process
        ("Eighty former insurgents were inducted into the peace and reintegration program on Tuesday.", 80),
        ("Some 60 fighters joined the reintegration process last week.", 60),
        # an amnesty taken by the side that settles
        ("About 200 militants have accepted an amnesty deal in the south, officials said on Monday.", 200),
        ("The rebel commander accepted the amnesty last week with his bodyguards.", None),
        ("On Friday, 1,500 gunmen took the amnesty offered by the governor.", 1500),
    ],
)
def test_giving_up_arms_demobilizing_and_reintegration_are_settlements(text, count):
    (event,) = of_type(run(text), "reconciliation")
    assert event.count == count


@pytest.mark.parametrize(
    "text",
    [
        "The rebels must turn in their weapons by Friday.",
        "The army handed over weapons to the tribal militia.",
        "The plan offers security guarantees for demobilized combatants.",
        "Two more militias wrote to the governor expressing their wish to be demobilized.",
        "The reintegration program began in 2012.",
        "The president offered an amnesty to all rebels who lay down their arms.",
        "The rebels are expected to accept the amnesty.",
        "The elders hope more fighters will be inducted into the reintegration program.",
    ],
)
def test_arms_orders_supplies_and_programs_as_such_are_no_settlement(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A total of 47 Boko Haram members surrendered to troops in Borno on Monday.", "Boko Haram members"),
        ("A batch of 200 rebels handed over their weapons in the town on Friday.", "rebels"),
    ],
)
def test_a_counted_total_leaves_its_count_out_of_the_party(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert event.actor == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "State television said the convoy evacuated 300 rebel fighters from the district on Sunday.",
            "rebel fighters",
        ),
        (
            "Buses evacuated some 400 gunmen and their families from Madaya under the deal on Monday.",
            "gunmen",
        ),
        (
            "Government buses evacuated the last militants from the camp on Friday after a surrender deal.",
            "militants",
        ),
    ],
)
def test_the_armed_men_a_deal_moves_out_settled_not_the_vehicle(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)
    assert "bus" not in event.actor.lower() and "convoy" not in event.actor.lower()


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The last holdouts of the Mountain Lions militia began to disarm on Monday."
            " Some 400 fighters laid down their weapons in the past day, officials said.",
            "Mountain Lions militia",
        ),
        (
            "Officials said 80 fighters surrendered to the army on Tuesday."
            " They are members of the Eastern Liberation Front militia, which had rejected the amnesty.",
            "Eastern Liberation Front militia",
        ),
        (
            "The Black Hills Brigade lost its last base this week. About 50 gunmen handed themselves over"
            " to the police on Friday.",
            "Black Hills Brigade",
        ),
        # two groups named around: no way to tell which
        (
            "Some 90 fighters surrendered to the army on Tuesday."
            " Separately, the Green Brigade and the Red Brigade clashed near the border.",
            "fighters",
        ),
        # "rebels" already say a side, which need not be the group named next to them
        (
            "The Black Hills Brigade shelled the valley. Around 70 rebels surrendered to the army on Friday.",
            "rebels",
        ),
    ],
)
def test_fighters_named_by_no_side_take_the_group_named_next_to_them(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor) and (actor != "fighters" or "Brigade" not in event.actor)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "On 4 May, the Northern Council handed over a large area of territory east of the river"
            " to the Syrian Army.",
            "the Northern Council",
        ),
        ("The rebels handed over the town of Kafr Nabl to government forces on Sunday.", "The rebels"),
        (
            "On Monday, the local council handed over a vast expanse of territory west of the town"
            " to the army.",
            "the local council",
        ),
        (
            "Local fighters turned over their last positions in the valley to the army on Friday.",
            "Local fighters",
        ),
    ],
)
def test_ground_handed_over_to_the_state_is_a_settlement(text, actor):
    (event,) = of_type(run(text), "reconciliation")
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    "text",
    [
        "The militia handed over 20 prisoners to the army on Monday.",
        "The army handed over the district to the police last week.",
        "The rebels refused to hand over the town to the army.",
    ],
)
def test_prisoners_or_ground_between_state_forces_are_no_settlement(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    "text",
    [
        # a deal its noun names as no settlement
        "The rebels released 12 soldiers under an exchange deal brokered by Qatar.",
        "The government signed an arms deal with Russia worth 2 billion dollars.",
        "The council signed a water sharing agreement with the neighbouring district.",
        # a deal between countries only
        "Sudan and Chad signed a border security agreement in Khartoum on Sunday.",
        "Kenya and Somalia reached an agreement on the disputed maritime border.",
        "The two countries signed a deal on Monday.",
    ],
)
def test_trade_swaps_and_deals_between_countries_are_no_settlements(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Colombia and the FARC signed a peace deal in Havana on Monday.", "FARC"),
        ("The government signed a peace deal with the rebels in Juba.", "the rebels"),
        ("The army reached a surrender deal with the militants in the town on Monday.", "the militants"),
        ("The four towns agreement was signed by the rebels and the government in April.", None),
        ("The rebels in the village signed an evacuation deal with the regime on Monday.", "The rebels"),
    ],
)
def test_settlement_deals_named_by_kind_or_place_and_the_side_dealt_with(text, actor):
    (deal,) = of_type(run(text), "reconciliation")
    assert actor is None or contains(deal.actor, actor)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Officials said 130 Tuareg rebels and 122 Islamist militants surrendered to the army last year.",
            [("Tuareg rebels", 130), ("Islamist militants", 122)],
        ),
        (
            "About 40 Mai-Mai fighters and 25 Raia Mutomboki militiamen laid down their arms on Monday.",
            [("Mai-Mai fighters", 40), ("Raia Mutomboki militiamen", 25)],
        ),
        # families or wives are no second side
        (
            "Some 200 fighters and their families left the town under an agreement with the regime.",
            [("fighters and their families", 200)],
        ),
    ],
)
def test_sides_counted_apart_in_one_sentence_settled_apart(text, sides):
    events = sorted(of_type(run(text), "reconciliation"), key=lambda e: -(e.count or 0))
    assert [(e.actor, e.count) for e in events] == sides


@pytest.mark.parametrize(
    "text",
    [
        # something surrendered that is no ground, arms or self
        "The minister surrendered his passport to the court.",
        "The company's chief surrendered his shares to the board.",
        # a deal on something other than a settlement
        "The government and the opposition parties reached an agreement on the election date.",
        "The army and the rebels signed an agreement on school fees in the district.",
        # one suspect giving himself up to justice
        "The suspect surrendered to police on Tuesday after a three-day manhunt.",
        "A man wanted for the murder of his wife surrendered to the police in the city yesterday.",
        "The gunman who shot two people at a shopping mall surrendered to officers after a standoff.",
        # deals of business or politics
        "The opposition parties signed an agreement to form a coalition government.",
        "The two companies signed an agreement on Monday to share the pipeline.",
        # prisoners exchanged or freed under a deal
        "The two sides swapped prisoners on Tuesday under a deal brokered by the Red Cross.",
        "The government and the rebels exchanged 200 prisoners under the peace deal.",
        # who people are, in a past-perfect clause with no date of its own
        "Dozens of rebels who had reconciled with the government were arrested by security forces on Monday.",
        # an old deal remembered
        "Today marks ten years since the government and the rebels signed the peace accord.",
        "Crowds gathered to mark the anniversary of the peace deal signed in 2016 by the government"
        " and the rebels.",
    ],
)
def test_other_things_surrendered_and_deals_on_other_matters_are_no_settlements(text):
    assert of_type(run(text), "reconciliation") == []


@pytest.mark.parametrize(
    "text",
    [
        "The rebels surrendered their positions in the hills to the army on Monday.",
        "The militants surrendered their weapons to the army on Monday.",
        "A Taliban commander surrendered to police in the province on Monday.",
        "Former rebels who had surrendered to the army in 2018 were arrested on Monday.",
        "Twenty gunmen surrendered to the police in the district on Sunday.",
        "The rebels handed the prisoners over and surrendered to the army under the deal.",
        "The army and the rebels reached an agreement on a ceasefire and the evacuation of fighters.",
    ],
)
def test_ground_arms_and_deals_on_settlement_matters_are_settlements(text):
    assert len(of_type(run(text), "reconciliation")) == 1
