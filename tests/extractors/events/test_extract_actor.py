"""Actor slot: modifier chains before strike words, pronouns of a reporting frame, victims never the actor."""

from __future__ import annotations

import pytest
from extract_cases import contains, of_type, run

from extractors.layout import find_place_leads

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        # the force named by modifiers of the strike noun, even when the parser reads the noun as a verb
        ("Iraqi army airstrikes on the village of Tal Afar killed three people.", "air_strike", "Iraqi army"),
        ("Arab Coalition airstrikes hit a bridge in Saada on Wednesday.", "air_strike", "Arab Coalition"),
        ("Iranian-led militia drones struck a depot near Homs.", "air_strike", "Iranian-led militia"),
        # a pronoun of the reported clause is the organisation that reports
        (
            "The Iraqi Defence Ministry said on Friday it had carried out an air strike on a hideout.",
            "air_strike",
            "Iraqi Defence Ministry",
        ),
        (
            "The Turkish army said that its jets bombed positions near Qamishli on Monday.",
            "air_strike",
            "Turkish army",
        ),
        (
            "The Jordanian military said it killed 14 smugglers at the border on Monday.",
            "casualties",
            "Jordanian military",
        ),
        # catenative verbs keep their subject as the recruiting group
        (
            "The new Interior Ministry has started enlisting volunteers in Raqqa this week.",
            "recruitment",
            "Interior Ministry",
        ),
        # a place lead with a dash is a dateline; the killer is the force in the clause
        (
            "Homs – Two martyrs and a number of wounded fell as regime warplanes bombed the town of Rastan.",
            "casualties",
            "regime warplanes",
        ),
        (
            "Latakia – Four dead and two wounded in shelling by militia fighters on the village of Kinsabba.",
            "casualties",
            "militia fighters",
        ),
        (
            "The death toll in the village climbed to 23 on Tuesday after Turkish shelling.",
            "casualties",
            "Turkish",
        ),
        # the owner of a killing is the killer; an operation names its force, not its kind
        ("Talks stalled after the army's killing of four herders near Gao on Monday.", "casualties", "army"),
        (
            "A rebel commander was killed in a French counter-terrorism operation near Menaka.",
            "casualties",
            "French",
        ),
        # who carried an operation out, not who authorized it
        (
            "The raid authorized by the president and carried out by Danish commandos on Monday resulted"
            " in the death of a rebel commander.",
            "casualties",
            "Danish commandos",
        ),
        # who planted the bomb; the attack the clause hangs on names its side
        (
            "Three policemen died when a Taliban-planted roadside bomb exploded in Kandahar.",
            "casualties",
            "Taliban",
        ),
        (
            "The army's shelling of Kafr Nabl, resulting in the death of three civilians, drew protests.",
            "casualties",
            "army",
        ),
        # whoever killed "in" the strike struck; strikes as the instrument of an offensive
        (
            "The move follows the army's killing of a rebel commander in an airstrike last week.",
            "air_strike",
            "army",
        ),
        ("Turkey began a military offensive with airstrikes on Tuesday.", "air_strike", "Turkey"),
        ("The coalition's strikes hit Raqqa on Monday.", "air_strike", "coalition"),
        # a state military reporting a strike with no force named struck
        (
            "The Kenyan military confirmed on Friday that an airstrike this week killed a senior"
            " commander of the group near Jilib.",
            "air_strike",
            "Kenyan military",
        ),
        # the attack that deaths "resulted" from, as subject or as the object the participle follows
        (
            "Army shelling on the village of Kafr Nabl on Monday resulted in the death of three children.",
            "casualties",
            "Army",
        ),
        (
            "This follows Turkish bombardments on Afrin on Monday, resulting in the deaths of 5 civilians.",
            "casualties",
            "Turkish",
        ),
        (
            "Rebel mortar fire on the market on Monday led to the deaths of four shoppers in Aleppo.",
            "casualties",
            "Rebel",
        ),
        # an attacker tied to a named group keeps the tie, so either part names it
        (
            "Gunmen believed to be members of al-Shabaab killed five teachers in Mandera on Monday.",
            "casualties",
            "al-Shabaab",
        ),
        ("Jihadists linked to al-Qaeda killed 12 soldiers in Mali on Monday.", "casualties", "al-Qaeda"),
        (
            "Five soldiers were killed by militants linked to Boko Haram in Borno on Monday.",
            "casualties",
            "militants linked to Boko Haram",
        ),
        # who held the killed captives, when no killer is named
        (
            "At least 15 of the 300 hostages taken by ISIS in Hasakah have been executed, a monitor said"
            " on Monday.",
            "casualties",
            "ISIS",
        ),
        ("Ten prisoners captured by the army in Homs were executed on Monday.", "casualties", "army"),
        # an attack laid to a party by its participle
        ("Airstrikes blamed on Russia killed 8 people in Idlib on Monday.", "air_strike", "Russia"),
        ("Air raids attributed to the coalition hit a school in Saada on Monday.", "air_strike", "coalition"),
        (
            "Eight people were killed on Monday in a bombing blamed on the rebels in Homs.",
            "casualties",
            "the rebels",
        ),
        # a possessive pronoun of the reported clause is the reporting group ("said its fighters")
        ("The Taliban said their fighters killed 12 soldiers in Ghazni on Monday.", "casualties", "Taliban"),
        ("Al-Shabaab said its gunmen killed 7 soldiers in Baidoa on Monday.", "casualties", "Al-Shabaab"),
        ("The army said its troops killed 30 militants near Idlib on Monday.", "casualties", "army"),
        # a founded unit that joined a force was taken in by that force
        (
            "On Monday, a brigade of 300 fighters was formed in Idlib and joined the Free Syrian Army.",
            "recruitment",
            "Free Syrian Army",
        ),
        (
            "A new regiment was created in Hama on Sunday and joined the National Defence Forces.",
            "recruitment",
            "National Defence Forces",
        ),
        # graduates belong to the force they are "of", or that ran their course
        (
            "On Monday, 150 fighters of the Elite Forces graduated after training in Hasakah.",
            "recruitment",
            "Elite Forces",
        ),
        (
            "On Monday, a new batch of 110 fighters of the Syriac Military Council graduated in Qamishli.",
            "recruitment",
            "Syriac Military Council",
        ),
        # ... also when the parser reads the graduates as a noun with its participle
        (
            "Also on 3 May, a new batch of 90 fighters of the Manbij Military Council graduated after"
            " training in Manbij.",
            "recruitment",
            "Manbij Military Council",
        ),
        (
            "Also on Monday, a group of 75 fighters of the Sutoro force graduated in Qamishli.",
            "recruitment",
            "Sutoro force",
        ),
        (
            "On Monday, 300 cadets graduated from a course organized by the Iraqi army in Basra.",
            "recruitment",
            "Iraqi army",
        ),
    ],
)
def test_actor(text, event_type, actor):
    events = of_type(run(text), event_type)
    assert events
    assert contains(events[0].actor, actor)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a source that reports is not the striking force
        ("A witness said it was an air strike that hit the market in Idlib on Monday.", "air_strike"),
        # ... but its own dead or civilians make the strike it reports the enemy's
        ("The army said an airstrike killed four soldiers near Jilib on Monday.", "air_strike"),
        ("The army said an airstrike killed six villagers near Jilib on Monday.", "air_strike"),
        ("Activists said they killed nine soldiers in an ambush near Hama.", "casualties"),
        # the dead, their tally and the losing side are victims
        ("The number of martyrs in the village has reached 17 since the bombing began.", "casualties"),
        ("The brigades lost 14 fighters in clashes near Hama on Monday.", "casualties"),
        # the side that suffered or crashed; places a road runs between; the device itself
        ("The army suffered heavy losses in the assault, with 30 soldiers being killed.", "casualties"),
        ("A transport helicopter crashed near Tikrit with all four crew members killed.", "casualties"),
        ("One soldier was killed after a mine exploded on the road between Gao and Ansongo.", "casualties"),
        ("An IED hit an army truck near Nafaa on Monday, killing four soldiers.", "casualties"),
        # graduates of a course with no force named
        ("On Monday, 200 fighters of the town graduated from a course in Afrin.", "recruitment"),
        # who praises or welcomes a settlement is no party to it
        (
            "France praised the government for signing a peace deal with the rebels on Friday.",
            "reconciliation",
        ),
        (
            "The UN applauded the army for finalising a surrender deal with the gunmen in the town.",
            "reconciliation",
        ),
        (
            "Canada commends the authorities on completing a reconciliation deal with the tribal militias.",
            "reconciliation",
        ),
        # counted attackers that died are the dead
        ("Two attackers died and 12 militants fled after the assault.", "casualties"),
        # a "by" of time names nobody
        ("By the end of the siege, 40 people had been killed.", "casualties"),
        ("By Sunday evening, 12 civilians had been killed in the shelling.", "casualties"),
        # the subject of a linking verb is described, it did not kill
        ("The city is calmer after the killing of 12 fighters in the market on Monday.", "casualties"),
        ("The valley is quiet again since 14 militants were killed in an ambush on Friday.", "casualties"),
        ("The town was a ghost town after six civilians died in the shelling on Monday.", "casualties"),
        # an attack counted within the sentence points back at no earlier strike
        (
            "Jets bombed the camp on Monday. Militants mounted two attacks on the base; the first attack"
            " failed but the second attack killed four soldiers.",
            "casualties",
        ),
        # the deed itself is nobody's name
        ("The killing of Abu Musa in Baghdad on Friday raised tensions.", "casualties"),
        ("The massacre killed 40 villagers in the hills on Sunday.", "casualties"),
        ("The shooting left three students dead at the school.", "casualties"),
        # an acronym after "counter-" or a weapon acronym names the target or the weapon, not the side
        ("A counter-LRA raid killed four fighters near Obo.", "casualties"),
        ("Two guards were killed in an IED attack near Herat.", "casualties"),
    ],
)
def test_no_actor(text, event_type):
    events = of_type(run(text), event_type)
    assert events
    assert all(e.actor is None for e in events)


def test_strikes_told_without_a_force_take_the_one_force_of_the_article():
    text = (
        "Danish jets struck a depot near Sirte on Monday, the ministry said.\n\n"
        "An earlier strike in the same area killed two fighters in May."
    )
    strikes = of_type(run(text), "air_strike")
    assert len(strikes) == 2 and all(contains(e.actor, "Danish jets") for e in strikes)


def test_strikes_by_two_forces_lend_none_to_a_strike_without_one():
    text = (
        "Danish jets struck a depot near Sirte on Monday, the ministry said.\n\n"
        "Russian jets bombed a market in Idlib on Sunday.\n\n"
        "An earlier strike in the same area killed two fighters in May."
    )
    strikes = of_type(run(text), "air_strike")
    assert len(strikes) == 3 and [e.actor is None for e in strikes].count(True) == 1


@pytest.mark.parametrize(
    ("claim", "actor"),
    [
        ("Al-Shabaab claimed responsibility for the attack in a statement.", "Al-Shabaab"),
        ("The Taliban claimed the bombing on Tuesday.", "Taliban"),
        ("Police said they suspected a gang; nobody claimed responsibility.", None),
        ("A spokesman claimed the attack was staged.", None),
        # an attack laid at a named group's door names it as a claim does; "bandits" name no group
        ("Officials attributed the bombing to Houthi rebels.", "Houthi rebels"),
        ("The attack was blamed on al-Shabaab militants.", "al-Shabaab"),
        ("The governor blamed Boko Haram for the attack.", "Boko Haram"),
        ("The attack was claimed by Islamic State.", "Islamic State"),
        ("Police blamed bandits for the attack.", None),
        # a claim told with "responsible for" the attack, unless it is denied
        ("Al-Shabaab said it was responsible for the attack.", "Al-Shabaab"),
        ("Boko Haram later said its fighters were responsible for the bombing.", "Boko Haram"),
        ("The Houthis (also known as Ansar Allah) said they were responsible for the attack.", "Houthis"),
        ("Al-Shabaab denied it was responsible for the attack.", None),
        ("Officials said Al-Shabaab was not responsible for the attack.", None),
        # a claim told as the deed itself
        ("Al-Shabaab said it carried out the bombing.", "Al-Shabaab"),
        ("The Taliban said they were behind the attack.", "Taliban"),
        ("Officials said al-Shabaab was not behind the attack.", None),
    ],
)
def test_the_group_that_claims_the_attack_is_the_killer(claim, actor):
    text = (
        f"A car bomb killed 12 people at a market in Kismayo on Monday.\n\nWitnesses described panic. {claim}"
    )
    (event,) = of_type(run(text), "casualties")
    if actor is None:
        assert event.actor is None, event.actor
    else:
        assert contains(event.actor, actor), event.actor


def test_his_death_names_the_victim_not_a_killer():
    (event,) = of_type(
        run("His death in a blast near Gao on Monday shocked the town; 3 others died."), "casualties"
    )
    assert event.actor is None


def test_place_lead_is_a_dateline_only_for_a_place_and_a_spaced_dash():
    text = "Raqqa – Four dead.\nThe army – in a statement – spoke.\nDeir ez-Zor — Two hurt."
    assert [text[a:b] for a, b in find_place_leads(text)] == ["Raqqa – ", "Deir ez-Zor — "]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "A Kurdish fighter was killed and two British troops were injured by an ISIL attack near Hajin.",
            "ISIL",
        ),
        ("A rebel fighter was killed in a firefight with the NDF near the village of Kafraya.", "NDF"),
        ("Two soldiers died in an ambush by al-Shabaab fighters outside Baidoa on Monday.", "al-Shabaab"),
        # a wave or series of attacks: the attacks' side
        ("Twelve villagers have been killed in a wave of jihadist raids since March.", "jihadist"),
        ("Six guards were killed in a series of Taliban attacks on the checkpoints.", "Taliban"),
        # the accused of a killing is its (alleged) killer
        ("The militia was accused of massacring 60 herders near the river on Friday.", "The militia"),
        ("Rights groups accused the police of killing nine protesters in the capital.", "the police"),
        ("The rebels were blamed for killing 14 farmers in the valley last week.", "The rebels"),
    ],
)
def test_the_attacker_of_an_attack_or_a_fight(text: str, actor: str) -> None:
    (event,) = of_type(run(text), "casualties")
    assert contains(event.actor, actor)


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        # a subject that only points back is the armed group named just before
        (
            "Talks between the army and the Nusra Front ended on Monday after the militants agreed to"
            " surrender their positions in Ariha.",
            "reconciliation",
            "Nusra Front",
        ),
        # ... but not the group that acted on them ("ambushed by X")
        (
            "A convoy of Ahrar al-Sham fighters left Ariha on Monday. They were ambushed by Hezbollah near"
            " Saraqeb on Tuesday, with the rest of the militants surrendering.",
            "reconciliation",
            "Ahrar al-Sham",
        ),
        # a group that claimed an attack in the sentence before killed its dead
        (
            "The Taliban claimed a cross-border attack on Sunday. Three policemen were killed at a"
            " checkpoint near Chaman.",
            "casualties",
            "Taliban",
        ),
        # the attacker of the sentence just before killed the dead of a toll that names no killer
        (
            "Al-Shabaab fighters stormed a police post near Baidoa on Monday. Four officers were killed.",
            "casualties",
            "Al-Shabaab",
        ),
        # ... also when the parser reads "IS" as "is" and the attack verb as a participle
        (
            "In May 2015, IS militants attacked the village of Kocho. At least 80 men were killed during"
            " the attack.",
            "casualties",
            "IS militants",
        ),
        # a force that struck in the sentence just before killed the dead of a toll that names no killer
        (
            "Israel struck a school in the city on Saturday. At least 30 people were killed, officials said.",
            "casualties",
            "Israel",
        ),
        # ... a weapon word the parser makes a compound of a definite noun was told before ("the fire spread")
        (
            "Israel struck a school in the city on Saturday. At least 30 people were killed, with victims"
            " trapped inside as the fire spread.",
            "casualties",
            "Israel",
        ),
        (
            "On Monday the army conducted airstrikes on a camp near the border. However, monitors said that"
            " at least nine fighters died.",
            "casualties",
            "the army",
        ),
        (
            "Turkish jets hit a depot outside the town overnight. Four guards were killed and two wounded.",
            "casualties",
            "Turkish jets",
        ),
        # "the raid" of the toll is the raid named with its attacker a sentence or two before
        (
            "A local commander was captured during a raid by army commandos on a farm near the border"
            " on Tuesday. Six of his guards died during the raid, officials said.",
            "casualties",
            "army commandos",
        ),
        (
            "An Israeli raid on the camp began before dawn on Sunday. Witnesses said four men were shot"
            " dead during the raid.",
            "casualties",
            "Israeli",
        ),
        (
            "Militants launched an ambush on a police convoy near the bridge on Thursday. Three officers"
            " died in the ambush.",
            "casualties",
            "Militants",
        ),
        # a demonstrative with no named group to point at is dropped
        (
            "Militia groups backed by Iran have attacked the base since May. On Monday, these militia"
            " groups killed two soldiers in Tanf.",
            "casualties",
            "militia groups",
        ),
    ],
)
def test_actor_named_in_an_earlier_sentence(text: str, event_type: str, actor: str) -> None:
    (event,) = of_type(run(text), event_type)
    assert contains(event.actor, actor), event.actor


def test_strikes_without_a_force_take_the_body_spelling_of_the_one_force():
    title = "US jets strike depot in Libya"
    text = (
        f"{title}\n\nU.S. jets struck a depot near Sirte on Monday, the ministry said.\n\n"
        "An earlier strike in the same area killed two fighters in May."
    )
    strikes = of_type(run(text, title=title), "air_strike")
    assert strikes and all(e.actor == "U.S. jets" for e in strikes), [e.actor for e in strikes]


@pytest.mark.parametrize(
    "text",
    [
        # the dead are the attackers themselves
        "Militants attacked an army checkpoint near Gao on Monday. Twelve attackers were killed.",
        # a participle attacked by someone names a victim, not an attacker
        "Villagers attacked by gunmen near Gao fled to the town on Monday. Twelve people were killed.",
        # an attack of the toll's own sentence is another incident
        "The air force carried out strikes on the port on Monday. Separately, a car bomb killed 12 people"
        " in the market.",
        "The army struck rebel positions near the dam on Friday. Two civilians died in clashes nearby.",
        # the subject of a verb that suffered the attack did not carry it out
        "The base suffered an attack by night on Monday. Two guards were killed in the attack.",
        # another paragraph tells another incident
        "Al-Shabaab fighters stormed a police post near Baidoa on Monday.\n\nFour officers were killed in"
        " Kismayo on Tuesday.",
    ],
)
def test_an_attack_told_before_names_no_killer_of_other_dead(text: str) -> None:
    (event,) = of_type(run(text), "casualties")
    assert event.actor is None, event.actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # armed men a deal moves out settled, when no party is named
        ("A deal was announced on Monday to transport the rebels from Douma.", "rebels"),
        (
            "A truce was announced on Monday to allow the evacuation of civilians and rebels from the"
            " old city.",
            "rebels",
        ),
        # civilians moved out are no party
        ("A deal was announced on Monday to evacuate wounded civilians from the old city.", None),
    ],
)
def test_fighters_a_deal_moves_out_settled(text: str, actor: str | None) -> None:
    (event,) = of_type(run(text), "reconciliation")
    assert event.actor is None if actor is None else contains(event.actor, actor), event.actor


def test_demonstrative_is_dropped_from_the_actor():
    text = "Militia groups have attacked the base since May. On Monday, these militia groups killed two men."
    (event,) = of_type(run(text), "casualties")
    assert event.actor == "militia groups", event.actor


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        # descriptions between the naming word and the strike noun go: adjectives, hyphenated words,
        # weapons ("U.S.-led" and "Saudi-led" name a side and stay)
        (
            "Russian long-range missile and drone strikes killed 12 people in the city.",
            "air_strike",
            "Russian",
        ),
        (
            "Russian long-range missile and drone strikes killed 12 people in the city.",
            "casualties",
            "Russian",
        ),
        ("Turkish cross-border air strikes killed five fighters near the town.", "air_strike", "Turkish"),
        ("Syrian pre-dawn airstrikes hit the town of Saraqib.", "air_strike", "Syrian"),
        ("U.S.-led coalition air strikes killed 5 militants.", "air_strike", "U.S.-led coalition"),
        ("Saudi-led airstrikes hit the port, killing 9 people.", "casualties", "Saudi-led"),
        # a deal with a party reached by someone a bystander congratulates: the party, never the bystander
        (
            "The United States congratulates the government on reaching an agreement with the rebels on"
            " disarmament.",
            "reconciliation",
            "the rebels",
        ),
        (
            "The embassy welcomed the government reaching an agreement with the insurgents on Sunday.",
            "reconciliation",
            "the insurgents",
        ),
        # attackers counted as the subject of what they did are no victims
        (
            "Four gunmen opened fire on worshippers in the mosque on Friday, killing 9 people.",
            "casualties",
            "Four gunmen",
        ),
        (
            "Police say some 100 gunmen stormed a police station late Thursday, killing 14 people.",
            "casualties",
            "some 100 gunmen",
        ),
        ("Six insurgents blew themselves up at the gate, killing 20 people.", "casualties", "Six insurgents"),
        # who launched, fired or flew the weapon
        ("A drone, launched by the rebels, struck an army base on Monday.", "air_strike", "the rebels"),
        (
            "A drone launched by the militia hit a military base, killing two soldiers.",
            "casualties",
            "the militia",
        ),
        ("Warplanes flown by the coalition bombed the bridge.", "air_strike", "the coalition"),
        ("A missile fired by the rebels killed four soldiers at the base.", "casualties", "the rebels"),
        # a vocative is no subject: the subject nearest the verb is
        (
            "My friends, last night our pilots carried out an air strike that killed a bomb maker.",
            "casualties",
            "our pilots",
        ),
        (
            "Citizens, on Sunday the navy launched an airstrike that killed two smugglers.",
            "air_strike",
            "the navy",
        ),
        (
            "Ladies and gentlemen, on Friday the air force carried out an airstrike that killed a"
            " rebel commander.",
            "casualties",
            "the air force",
        ),
        # the attack noun names the group the parser took for another kind of name
        (
            "Nine farmers were killed in a Boko Haram raid on a village near Gwoza.",
            "casualties",
            "Boko Haram",
        ),
        ("An LRA attack on a camp killed 14 villagers near Obo.", "casualties", "LRA"),
        # who claimed the blast in a relative clause; the agent of a passive "when" clause after the toll
        ("The blast, which the Taliban claimed, killed six guards.", "casualties", "the Taliban"),
        (
            "Four soldiers were killed and two wounded when their convoy was ambushed by Taliban insurgents.",
            "casualties",
            "Taliban insurgents",
        ),
        # the attack an aircraft word modifies names who flew it
        ("A Turkish drone attack killed three fighters near Kobani.", "air_strike", "Turkish"),
        (
            "A drone attack by Iran-backed militias hit a base near Erbil.",
            "air_strike",
            "Iran-backed militias",
        ),
        # the verb of "a series of strikes" names who struck; a claim of responsibility names the claimant
        (
            "The coalition carried out a series of airstrikes on Hodeidah on Friday.",
            "air_strike",
            "The coalition",
        ),
        ("The rebels claimed responsibility for drone attacks on an airport.", "air_strike", "The rebels"),
        # officials of a state telling of "their" strikes speak for that state
        ("Turkish officials said their airstrikes hit depots near Sinjar.", "air_strike", "Turkish"),
        # a "by" of time is passed over for the agent
        (
            "By the time rescuers arrived, six people had been killed by the gunmen.",
            "casualties",
            "the gunmen",
        ),
    ],
)
def test_attacker_phrase_is_exactly_the_side(text: str, event_type: str, actor: str) -> None:
    events = of_type(run(text), event_type)
    assert events
    assert events[0].actor == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the one attacker an article's attacks name killed its tolls told without a killer
        (
            "An Israeli airstrike hit a building in the city on Friday.\n\nRescuers worked through the night."
            " The attack left at least 33 people dead, officials said.",
            "Israeli",
        ),
        (
            "Al-Shabaab fighters stormed a hotel in the capital on Sunday, killing two guards.\n\nGuests hid"
            " in their rooms. By the end, 21 people had died, police said.",
            "Al-Shabaab",
        ),
        # ... not a toll of another attack, or of the attacker's own men
        (
            "Russian jets bombed the market in the town on Monday.\n\nA roadside bomb killed four soldiers"
            " near the river.",
            None,
        ),
        (
            "Turkish jets bombed the village on Monday.\n\nThe ministry said two Turkish soldiers were killed"
            " near the border.",
            None,
        ),
    ],
)
def test_tolls_of_an_article_with_one_attacker(text: str, actor: str | None) -> None:
    tolls = of_type(run(text), "casualties")
    assert tolls
    assert contains(tolls[-1].actor, actor), tolls[-1].actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The rebel group announced the execution of 12 prisoners in the town on Monday.", "rebel group"),
        ("The insurgents confirmed the execution of two soldiers on Tuesday.", "insurgents"),
        # a bystander that confirms it is no side
        ("Rights monitors confirmed the execution of nine detainees on Sunday.", None),
    ],
)
def test_the_side_that_announces_an_execution_carried_it_out(text: str, actor: str | None) -> None:
    (event,) = of_type(run(text), "casualties")
    assert contains(event.actor, actor) if actor else event.actor is None, event.actor
