"""Word lists the extractors and normalizers share, each with the reason it exists.

Words are lower case, compared with `token.lemma_`, `token.lower_` or folded text; they describe
the language of news, not any article. A list is written as one string of words (`_words`), so it
reads as a paragraph rather than a column of one word a line.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`."""
    return frozenset(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """The comma-separated phrases of `text`, in order."""
    return tuple(p.strip() for p in text.split(",") if p.strip())


def _numbered(text: str, first: int) -> dict[str, int]:
    """Words grouped by "|", each group numbered from `first` on: "january jan | february feb"."""
    return {word: n for n, group in enumerate(text.split("|"), first) for word in group.split()}


# --- Calendar ---

# Month names and abbreviations -> month number; every other list of months derives from it.
MONTHS = _numbered(
    """january jan | february feb | march mar | april apr | may | june jun | july jul | august aug
    | september sep sept | october oct | november nov | december dec""",
    first=1,
)
# Weekday names and abbreviations -> weekday number (Monday 0).
WEEKDAYS = _numbered(
    """monday mon | tuesday tue tues | wednesday wed | thursday thu thur thurs | friday fri
    | saturday sat | sunday sun""",
    first=0,
)
# An abbreviation is the start of its full name ("sept" of "september"); "may" is both.
MONTH_ABBREVIATIONS = frozenset(a for a in MONTHS if any(m != a and m.startswith(a) for m in MONTHS))
MONTH_NAMES = frozenset(MONTHS) - MONTH_ABBREVIATIONS
WEEKDAY_NAMES = frozenset(d for d in WEEKDAYS if d.endswith("day"))
MONTHS_AND_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# A month or weekday as stamps and datelines write it ("Sept.", "November", "Tue"): regex parts.
MONTH_REGEX = (
    "(?:" + "|".join(m.title() for m in MONTHS if m in MONTH_ABBREVIATIONS or m == "may") + r")[a-z]*\.?"
)
WEEKDAY_REGEX = "(?:" + "|".join(d.title() for d in WEEKDAYS if len(d) == 3) + r")[a-z]*\.?"

# Words that date an event by themselves, besides month and day names.
DATE_WORDS = MONTHS_AND_DAYS | _words("yesterday overnight today tonight")
# Prepositions and modifiers that belong to the date they precede ("since Saturday", "late March").
DATE_PREPS = _words("on in since over during earlier late early into until last")
# Times of day: dropped after a day ("Sunday morning"), and they take "of" + their day ("the dawn of Sunday").
TIMES_OF_DAY = _words(
    """
    morning afternoon evening night dawn dusk noon midday midnight hours daybreak nightfall sunset
    sunrise overnight
    """
)
# Nouns of a "by" that tells when, not who ("By the end of the siege, 40 were killed", "by the time
# rescuers came"); with the times of day and dates they are no passive agent.
BY_TIME_NOUNS = _words("end time close middle")
# Time units after "every"/"each"/"per" that make a statement habitual.
GENERIC_UNITS = _words("year month week day night decade time summer winter")
# Adverbs of a habit, and the adjective "frequent": "the town is regularly targeted by air strikes",
# "a frequent target of airstrikes" tell a state of things, no single event.
HABITUAL_ADVERBS = _words(
    "regularly routinely frequently often constantly continually usually habitually daily nightly"
)
HABITUAL_ADJECTIVES = _words("frequent")
# Markers of a clause of a recurring occasion: "whenever the army recruits" ("every time" is a generic unit).
HABIT_CLAUSE_MARKS = _words("whenever")
# Adverbs that make a habit only in the present perfect: "its air force has repeatedly bombed villages"
# (a record), unlike "jets repeatedly bombed the town on Tuesday" (one raid told).
PERFECT_HABIT_ADVERBS = _words("repeatedly")
# Time units of a counted period ("three days ago") -> the unit.
TIME_UNITS = {
    w: w.removesuffix("s") for w in _words("hour hours day days week weeks month months year years")
}
# Units of a period short enough that a later sentence's day names the event in it ("an airstrike
# earlier this week ... the strike took place Sunday"); a month or a year holds too many events.
SHORT_PERIOD_UNITS = _words("day days week weeks")
# Whole expressions that mean the publication day or the day before (guidelines, "Dates": Days).
# Times of day the guidelines date by publication even bare ("overnight", "after midnight"); any other
# bare time of day ("around noon", "at dawn") names no day: it goes on the day the story told last.
PUBLICATION_TIMES = _words("overnight midnight")
SAME_DAY = frozenset(
    _phrases(
        """
    today, tonight, this morning, this afternoon, this evening, overnight, after midnight, midnight,
    dawn, this dawn, daybreak, morning, this noon, noon
    """
    )
)
DAY_BEFORE = frozenset(_phrases("yesterday, last night, last evening, yesterday night"))
TWO_DAYS_BEFORE = frozenset(_phrases("day before yesterday"))
# Words that shade a time but do not move its unit: "late September", "earlier this month",
# "the early hours of Tuesday", "more than two years ago", "the beginning of this week".
DATE_FILLER = _words(
    """
    the of on in at early earlier late later mid middle beginning start end just only around about
    approximately some roughly nearly almost more than over period and spring summer autumn fall winter
    small wee
    """
)
# Vague counts of units ("the past few days"): the lower bounds of VAGUE_AMOUNT_BOUNDS, as in the guidelines.
VAGUE_UNIT_COUNTS = {"a": 1, "an": 1, "few": 3, "several": 3, "couple": 2}
# A last word that anchors the expression to another time, not to publication ("a day earlier").
ANCHORED_ELSEWHERE = _words("earlier later before after prior previously")
# Words joining the two ends of a range of days or months ("Thursday to Saturday").
RANGE_WORDS = _words("to through until till into -")
# Ordinal words as days of a month ("the first of June"); read only next to a month name.
ORDINAL_DAYS = _numbered(
    """first | second | third | fourth | fifth | sixth | seventh | eighth | ninth | tenth | eleventh
    | twelfth | thirteenth | fourteenth | fifteenth | sixteenth | seventeenth | eighteenth | nineteenth
    | twentieth | twenty-first | twenty-second | twenty-third | twenty-fourth | twenty-fifth
    | twenty-sixth | twenty-seventh | twenty-eighth | twenty-ninth | thirtieth | thirty-first""",
    first=1,
)
# Parts of a month or year that leave it the finest unit holding them ("the first week of March").
PART_WORDS = _words("first second third fourth final last half week weeks days part quarter few couple")
# Word pairs that mark a sentence as telling another incident than the one before it ("In another
# incident, five people were killed"): the story's date does not carry over to it.
OTHER_INCIDENT = _words("another separate")
INCIDENT_NOUNS = _words("incident attack development")
# Words that rank an event against earlier ones ("the first strike since 2019", "the worst attack
# since the siege in 2004"): the date after "since" is the earlier happening's, not the event's.
RANKING_ADJECTIVES = _words("first only")
# Words after a counted period that measure it from another happening ("two months after X was
# killed"), not back from publication.
MEASURED_FROM = _words("after before")
# Words before a counted period that make it a duration ("after four months of preparations").
DURATION_AFTER = _words("after following")
# Heads of a planned happening: a date under them lies ahead ("evacuations scheduled to start on 15
# December", "the phase slated to be launched on 10 December").
PLANNED_HEADS = _words("schedule slate due expect plan intend")
# Auxiliaries of a future clause: its date is not a reported event's ("would begin in a few days").
FUTURE_AUX = _words("will would shall 'll")
# Words that move a weekday away from the latest one ("next Monday", "every Friday").
NOT_THIS_WEEKDAY = _words("next coming following previous every each last ago after before")

# --- Numbers ---

NUMBER_UNITS = _numbered(
    """zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve
    | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen""",
    first=0,
)
NUMBER_TENS = {
    word: 10 * n
    for word, n in _numbered(
        "twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety", first=2
    ).items()
}
# Scale words multiply what precedes them ("two hundred", "3 million").
NUMBER_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# "two dozen" is 24: a dozen behaves like a scale after a number.
MULTIPLIERS = {**NUMBER_SCALES, "dozen": 12}
# Vague amounts and their conservative lower bounds (guidelines, after ACLED coding practice).
VAGUE_AMOUNT_BOUNDS = {
    "a few": 3,
    "several": 3,
    "many": 10,
    "tens": 10,
    "dozens": 12,
    "a dozen": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "half a dozen": 6,
}
# "tens of thousands": a vague amount of a larger scale multiplies it.
VAGUE_OF = {"thousands": 1_000, "millions": 1_000_000, "hundreds": 100}
# Phrases before a number that bound it. "including" too: in "civilians including three children"
# the named part is a lower bound.
AT_LEAST_PHRASES = _phrases(
    """
    no less than, not less than, no fewer than, not fewer than, at least, more than, over, upwards of,
    in excess of, including
    """
)
AT_MOST_PHRASES = _phrases(
    "as many as, no more than, not more than, up to, at most, fewer than, less than, under"
)
APPROX_PHRASES = _phrases(
    """
    approximately, about, around, nearly, almost, some, roughly, close to, an estimated, estimated,
    approx, circa
    """
)
# Words that look like amounts but carry no count per the guidelines.
NO_COUNT = _phrases("a number of, scores, a handful, numerous, a lot, lots")
# Explicit zero ("no one was killed"): checked before "one" can be read as 1.
ZERO = _phrases("no one, nobody, none, zero, no-one")
# Words after a number that make it a duration, age, share or distance, not a count of things
# ("two days of shelling killed 38", "a 12-year-old boy"): such numbers are skipped.
NOT_COUNTED = _words(
    """
    second seconds minute minutes hour hours day days week weeks month months year years decade decades
    year-old years-old year-olds percent per km kilometres kilometers miles metres meters am pm
    """
)
# Nouns after "a" that name a group or a quantity, not one thing ("a group of fighters",
# "a large number of people"): "a" then does not mean 1.
COLLECTIVES = _words(
    """
    group groups number couple lot series wave batch handful host crowd convoy family unit squad band
    bunch pair total majority minority string spate flurry barrage volley salvo round further few dozen
    score multitude set team column brigade battalion contingent cell
    """
)
# Words before a four-digit number that make it a year ("in 2015", "since 2011", "March 2016").
YEAR_CONTEXT = _words("in since of year until by from") | MONTH_NAMES

# --- Clauses ---

# Verbs that report speech: a date or place governed by them dates the report, not the event,
# and their subject is the source of the report.
REPORTING_VERBS = _words("say report tell state add announce confirm claim document estimate")
# Verbs of those who react to an event: their subject did not kill ("the US condemned the killings"), nor
# settle ("the US congratulated the government on reaching an agreement with X").
REACTION_VERBS = _words(
    "condemn denounce deplore mourn regret lament decry investigate protest welcome congratulate commend "
    "praise applaud hail salute"
)
# Verbs of siding with victims, with "with": "X stands with the people of Y on the anniversary of the
# attack" tells a bystander's solidarity, not who attacked.
SOLIDARITY_VERBS = _words("stand side")

# Modal or attitude heads that make the event unreal: threats, plans, hypotheticals, denials,
# calls and failures. A trigger under one of them is not an event.
IRREALIS_HEADS = _words(
    """
    threaten plan vow pledge warn promise intend prepare aim seek want urge call demand propose consider
    discuss negotiate hope fail refuse reject deny allow ask require offer push expect try attempt
    prevent avoid instruct encourage order could would reduce halt suspend stop pause cease schedule
    resist might may will shall should must unless
    """
)
# Heads among these that negate even a finite clause under them ("denied that jets bombed",
# "refused", "failed"); the others ("want", "plan", "hope") only govern what has not happened.
NEGATING_HEADS = _words(
    """
    deny refuse fail reject threaten warn prevent avoid halt stop suspend pause cease reduce resist
    negotiate discuss consider could would might may will shall should must unless
    """
)
# Adjectives of disposition whose "to" clause has not happened ("reluctant to join the army", "ready
# to lay down their arms"); "able to" is left out, as it often tells what was done.
IRREALIS_ADJECTIVES = _words(
    "reluctant unwilling willing ready eager keen prepared determined likely unlikely unable poised hesitant"
)
# Auxiliaries and markers that put a clause in the future or the hypothetical.
IRREALIS_AUX = _words("will would could might may shall should must if unless")
# Adverbs that make "than"/"of" the road not taken ("rather than targeting him with an air strike",
# "instead of bombing the town").
COUNTERFACTUAL_ADVERBS = _words("rather instead")
# Modifiers of a noun that has not happened ("the potential strike", "future attacks").
HYPOTHETICAL_MODIFIERS = _words("potential future planned proposed imminent hypothetical threatened")
# Subordinators of a clause that times or explains its head ("halted the assault after the rebels
# surrendered", "as a deal was announced"): a halt or a plan above it does not make it unreal.
ADJUNCT_CLAUSE_MARKS = _words("after as when since because once while")
# Heads that deny a report under them ("denied reports that ...").
DENIAL_HEADS = _words("deny refute dismiss reject disprove debunk")
# Determiners that make a noun refer to something already told ("the raid", "this attack").
DEFINITE = _words("the this that these those")
# Determiners that only point back: dropped from an actor no named group replaced ("these militia groups").
DEMONSTRATIVES = DEFINITE - {"the"}
# Nouns a later sentence refers back to a reported attack by ("The blast took place in X", "the raid killed").
ANAPHORIC_ATTACK_NOUNS = _words(
    """
    attack blast explosion strike airstrike raid bombing bombardment sortie incident shelling massacre
    assault ambush
    """
)
# "X claimed responsibility / credit / the attack": words of a claim of an attack, read from unparsed words.
CLAIM_VERBS = _words("claimed claims claim claiming")
CLAIM_OBJECTS = _words("responsibility credit")
# "X said it was responsible for the attack": a claim told with an adjective and its preposition.
CLAIM_ADJECTIVES = _words("responsible")
CLAIM_ADJECTIVE_PREPS = _words("for")
# "X said it carried out the attack", "X said it was behind the bombing": a claim told as the deed itself
# ("out" may follow the verb).
CLAIM_DEED_WORDS = _words("behind carried conducted staged")
# Words before such a claim that deny it ("X denied it was responsible", "was not responsible").
CLAIM_DENIALS = _words("not n't never no deny denied denies denying reject rejected rejects dismissed")
CLAIMED_DETERMINERS = _words("the a an")
# "attributed the bombing to X", "the attack was blamed on X", "blamed X for the attack": an attack laid at a
# group's door names its killer as a claim does (read from unparsed words).
ATTRIBUTION_VERBS = _words("attributed attributes attribute attributing blamed blames blame blaming")
# Verbs that lay an attack at the door of their object: "blamed the coalition for (conducting) the
# airstrike", "accused Russia of carrying out the strike".
ACCUSING_VERBS = _words("blame accuse")
# Words after an attributed group that end its name ("to Houthi rebels in the south").
GROUP_NAME_ENDS = _words("in on at for who which that after during since and but as with from")
# Verbs of how often: "attacks" or "strikes" as their subject tell a trend ("drone attacks have increased").
TREND_VERBS = _words("increase decrease decline diminish")
# Nouns a later sentence refers back to a reported deal by ("the May 9 agreement").
ANAPHORIC_DEAL_NOUNS = _words("agreement deal accord pact ceasefire truce")
# Words before a definite noun that make it another occasion than the one just reported ("the last strike").
OTHER_OCCASION = _words("last previous earlier prior first another other next former")

# --- Who ---

# Heads of a reporting subject that is a state's military: an air strike it reports with no force
# named is its own ("The U.S. military confirmed that an airstrike killed ..."), a ministry or a
# government reports others' strikes as often.
MILITARY_REPORTER_HEADS = _words("military army command forces navy corps")
# Victims on a reporting military's own side, or civilians: then the strike it reports is the enemy's.
OWN_SIDE_VICTIMS = _words(
    "soldier troop serviceman personnel police policeman officer guard recruit conscript our"
)
# Verbs that tell an incident happening at a place ("two bombs exploded at X", "the attack occurred in X");
# "take" counts with "place" ("took place in X").
INCIDENT_VERBS = _words("occur happen explode detonate erupt take")
# Verbs of a craft or building wrecked ("a flight that crashed on 8 January"): a happening that dates
# a toll told after it.
WRECK_VERBS = _words("crash sink collapse derail")
# Verbs of an attack told just before a toll that names no killer ("IS militants attacked the town.
# At least 50 people were killed"): their subject is the killer.
TOLL_ANTECEDENT_ATTACK_VERBS = _words("attack ambush storm shoot raid bomb shell assault strike hit")
# Victims that are the attacking side itself ("Twelve attackers were killed"): then they are not its victims.
ATTACKER_VICTIM_WORDS = _words(
    "attackers attacker assailants assailant militants militant gunmen insurgents rebels jihadists terrorists"
)
# Words of an actor phrase that names no one by itself but points back at an armed group named just
# before ("they", "the group", "the rest of the militants"); with a name of their own they are not.
BACK_POINTING_ACTOR_WORDS = _words(
    "they the these those rest of remaining group militants militant organization organisation movement"
)
# Of those, the words that point back (a determiner or "rest" alone points at nothing).
BACK_POINTING_HEADS = _words("they group militants militant organization organisation movement")

# Participles tying an attacker to a named group ("gunmen believed to be members of X", "linked to X").
AFFILIATION_VERBS = _words("link affiliate believe suspect tie ally belong associate connect")
# Heads of a reporting subject that a later "it"/"its" can point back to ("the army said it struck").
FORCE_HEADS = _words(
    "regime government coalition army military ministry force forces command militia group navy corps"
)
# Reporting subjects that are sources, never the striking force ("the monitor said it was an air strike").
SOURCE_HEADS = _words(
    """
    witness resident source activist observatory monitor official medic agency network reporter
    correspondent media doctor rescuer helmets
    """
)
# Nouns that make a nationality adjective an armed force: "Russian jets", "Turkish troops".
# Without one, "Russian" alone still means that state's forces as an actor.
FORCE_NOUNS = _words(
    """
    forces force army military troops soldiers jets warplanes planes aircraft airplanes drones drone
    helicopters helicopter gunships navy personnel bombers fighter artillery police policemen officers
    units positions base bases convoy checkpoint checkpoints marines guards
    """
)
# Victims and objects that make a target civilian (people, homes, services).
CIVILIAN_NOUNS = _words(
    """
    civilian civilians people person persons residents resident villagers child children kids boy boys
    girl girls woman women family families infant infants baby babies elderly student students worker
    workers staff doctor doctors nurse nurses medics paramedics journalist journalists teacher teachers
    farmers shepherd passengers displaced refugees hostages volunteers rescuers protesters worshippers
    hospital hospitals clinic school schools market markets mosque mosques church homes home house
    houses bakery camp camps neighbourhood neighborhood neighbourhoods neighborhoods village villages
    trucks convoys ambulance ambulances shelter buildings building assyrians yazidis christians kurds
    alawites druze shiites sunnis
    """
)
# Combatants and military objects that make a target fighters or military.
FIGHTER_NOUNS = _words(
    """
    fighters fighter militants militant combatants soldiers soldier troops army military forces rebels
    rebel terrorists terrorist jihadists gunmen recruits recruit conscripts members commander commanders
    officers officer personnel militiamen militia militias policemen police guards positions position
    base bases checkpoint checkpoints headquarters depot depots convoy tanks vehicles airbase barracks
    regime government opposition insurgents leader leaders
    """
)

# --- Where ---

# Nouns naming a place type: "al-Bab town", "the village of Hass". They rank how specific a
# place is (neighbourhood < town < province) and are stripped from the place name itself.
PLACE_TYPE_RANK = {
    word: rank
    for rank, words in (
        (0, "neighbourhood neighborhood district camp street square farms airport base crossing quarter"),
        (0, "neighbourhoods neighborhoods districts quarters"),
        (0.5, "shrine port frontline frontlines checkpoint"),
        # "barangay": a Philippine village or ward; "sector": a stretch of a front line ("X sector area");
        # "locality": a village or group of villages (DR Congo)
        (1, "village town suburb area township forest villages towns suburbs areas barangay sector locality"),
        (2, "city capital valley lga lgas"),
        (3, "countryside province governorate region state county"),
    )
    for word in words.split()
}
# Nouns by which a later sentence tells an incident again ("The encounter took place in X"): where it
# names a finer place, that is the incident's.
RETELLING_NOUNS = ANAPHORIC_ATTACK_NOUNS | _words("encounter engagement ambush firefight")
# Verbs that say where an incident told before happened ("residents pinpointed the attack to X").
LOCATING_VERBS = _words("pinpoint locate place trace")
# Words after "The <noun>" that tell where an incident happened, read without a parse ("took place").
RETELLING_VERB_WORDS = _words("took happened occurred unfolded")
# Nouns naming an event, never a place, even capitalised in a headline ("Killed in Airstrike").
EVENT_NOUNS = _words(
    "airstrike airstrikes strike strikes attack attacks raid raids bombing bombings clash clashes ambush "
    "explosion blast shelling fighting offensive operation"
)
# Nouns that name what happened, never who acted ("The move killed ...", "evacuations").
NOT_ACTOR_NOUNS = _words(
    "move action evacuation evacuations campaign incident violence massacre massacres shooting shootings "
    "bombardment"
)
# Datelines of newsroom beats, where the reporter sits, not where things happen ("PENTAGON —").
NEWSROOM_DATELINES = frozenset(
    _phrases("white house, state department, pentagon, united nations, capitol hill")
)
# Prepositions that introduce a place ("in Aleppo", "near Idlib").
PLACE_PREPS = _words("in near at on outside around into across over from between")
# Prepositions that place an event inside a country ("in Syria"), not merely at it or from it.
COUNTRY_PREPS = _words("in across inside throughout")
# First words of Arabic armed-group names ("Jaish al-Islam", "Ahrar al-Sham", "Liwa al-Fateh"):
# the place ruler's "al-" pattern must not take these for towns.
GROUP_NAME_HEADS = _words(
    """
    jaish jaysh ahrar liwa jabhat harakat hayat faylaq katibat kataeb kata'ib ansar jund saraya fateh
    fatah tahrir nour hezbollah hizballah rami abdel abdul abu bashar
    """
)
# Regional words that are not a place by themselves ("northern Syria" names the country).
DIRECTION_WORDS = _words(
    """
    north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern
    """
)
# Lower-case words between a preposition and a place name ("in rural Ein Issa", "in northern Hama").
AREA_ADJECTIVES = DIRECTION_WORDS | _words("rural downtown central")
# Words that start organisation names, not places ("Syrian Observatory", "Civil Defense").
ORG_WORDS = _words(
    """
    observatory agency ministry council coalition committee news network force forces army front group
    organization organisation center centre defense defence command office corps legion party union
    state staff tv press reuters afp sana department house nations court aid church helmets crescent
    """
)
# Capitalised place-type words that end a region's own name ("Kachin State"); "state" is also in ORG_WORDS.
ADMIN_TITLES = _words("state")
# Titles before a person's name: what follows them is a person, not a place.
PERSON_TITLES = _words("president minister general leader commander mr sheikh imam")
# Verbs whose subject acts as a party: a capital that denies or signs is a government, not a place.
AGENT_VERBS = _words(
    """
    deny say reject accuse announce agree sign demand call blame claim warn threaten support back send
    launch carry urge vow insist refuse condemn respond retaliate strike attack order approve declare
    offer
    """
)
# Nouns whose "between X and Y" names places ("the road between X and Y"), unlike "clashes between".
ROUTE_NOUNS = _words("road highway route area villages towns line border frontline checkpoint")
# Lower-case nouns after a town's name that keep the town as the place ("on X front in Y",
# "the X - Z road in Y"): X is inside Y, as with a type word.
NAMED_LINE_NOUNS = _words("front road highway")
# Type words of settlements: in "the Idlib town of Saraqeb" the name after "of" is the town's own.
SETTLEMENT_WORDS = _words("village villages town towns city port suburb hamlet")
# Last words of named training and military sites: after "at", or "from" on a verb, the site is the
# event's place ("graduated from the X Training Center"); elsewhere such a name is an organisation's.
FACILITY_WORDS = _words("center centre academy")
# Last words of buildings and sites named as landmarks ("the Omari Mosque"): near one, a spot in a place;
# struck, or the scene of the event ("at the X Hotel"), the finest place ("Hall": "X City Hall").
LANDMARK_WORDS = _words(
    "mosque church cathedral hospital school market bakery university stadium prison hotel clinic hall"
)
# Nouns of sites and spots a name before them still places ("near the Koniko gas field"); before other
# nouns a name only says whose the thing is ("called in NATO aircraft").
SITE_NOUNS = _words("field fields oilfield airbase airfield compound outskirts border dam bridge")
# Prepositions that put an event inside a building or site ("inside the X Mosque"), not beside it.
SITE_PREPS = _words("at in inside within on into")
# Verbs after which a named building is no scene of an attack: where the wounded went or died, where
# someone spoke ("died at the X Hospital", "told reporters at the X Hotel").
AWAY_FROM_SITE_VERBS = _words("die succumb take bring rush say tell speak announce")
# Last words of geographic names written with "the" ("the Sambisa Forest", "the Gaza Strip").
GEO_FEATURES = _words(
    """
    forest strip valley mountains mountain desert plain plains coast heights island islands bank delta
    hills lake river gulf sea corridor
    """
)
# Arabic definite article as transliterated in English, French and German styles, including the
# assimilated forms before "sun letters" (ad-, ar-, as-, ash-, at-, az- ...). Match keys drop them.
ARABIC_ARTICLES = _words("al el il ul ol ad ed ar er as es ash esh at et ath az ez adh an en ud ur us uz ut")
# Arabic articles that, written lower-case and apart, are no English word ("in al Bab"; not "an", "as").
LOWER_CASE_ARTICLES = _words("al el ad ar ash az adh")
# Lower-case parts of place names in running text ("Daraa al-Balad", "Bab al-Hawa"): the common
# article forms and linking words only, as "us", "en" or "es" are words of their own in a sentence.
NAME_PARTICLES = _words("al el ad ash as ar at az an adh - de of bin ibn")
# Lower-case words that may stand inside a name the article's context counts ("Bab al-Hawa").
NAME_CONNECTORS = ARABIC_ARTICLES | _words("of de du la")
# Lower-case words and marks inside one place name, between its capitalised parts: Persian and Pashto
# "i", "e", "ye", "wa" ("Qala i Naw", "Keran wa Menjan", "Nawa-e Barakzayi"), Swahili "ya" ("Kambi ya
# Jua"), an Arabic article ("Tal al-Abyad").
NAME_JOINERS = ARABIC_ARTICLES | _words("i e ye ya wa -")
# Words that are also names in the gazetteer but mostly mean something else in conflict news:
# English words ("Hit" in Iraq, "Van" and "Batman" in Turkey, "Bar" in Ukraine), generic parts of
# Arabic place names (Bab, Tal, Ras, Abu), names of people, months and days, and words of armed
# group names (Ahrar al-Sham, Jaish al-Islam). A phrase matcher of place names must not fire on
# them. Lower-case stop words are excluded by rule; these are the capitalised ones.
COMMON_WORDS = (
    _words(
        """
        bar man hit van batman mar say sale nice bath reading split mobile union liberty hope paradise
        eagle deal centre center nord est east west north south lac delta unity lakes plateau bay camp
        wadi tell tal mount city town village independence victory peace freedom progress friendship
        orange mission police army date male same had said sur bani beni ain ras abu bab deir kafr tall
        jabal jebel umm bir khan qasr hama'a asia africa europe america ocean sea gulf island islands state
        republic kingdom federation street road market station port airport university hospital school
        mosque church bridge dam lake river valley hill hills mountain mountains desert forest park farm
        farms garden gardens square new old great little upper lower central western eastern northern
        southern saint san santa ward district zone area region province county council capital media
        reuters obama trump putin assad allah islam christ marine sham sunna sunni shia tahrir jaish liwa
        ahrar harakat ansar
        """
    )
    | MONTH_NAMES
    | WEEKDAY_NAMES
)
# Regions above the country level (as exact keys): never one gazetteer entry, though GeoNames
# lists towns named "Africa" or "Europe" and historical names of cities include them.
SUPRANATIONAL = _words(
    """
    africa westafrica northafrica eastafrica southernafrica centralafrica middleeast neareast europe
    westerneurope easterneurope asia centralasia southasia levant gulf persiangulf arabiangulf
    hornofafrica maghreb arabworld caucasus northcaucasus balkans latinamerica world
    """
)
# Short forms news uses for countries that pycountry spells otherwise -> the country's short name.
COUNTRY_SHORT_NAMES = {
    "syria": "Syria",
    "iran": "Iran",
    "russia": "Russia",
    "turkey": "Turkey",
    "türkiye": "Turkey",
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "united states": "United States",
    "uk": "United Kingdom",
    "britain": "United Kingdom",
    "palestine": "Palestine",
    "libya": "Libya",
    "yemen": "Yemen",
    "iraq": "Iraq",
    "lebanon": "Lebanon",
    "jordan": "Jordan",
    "afghanistan": "Afghanistan",
}
# Capitalised first words that open a sentence, not a place name ("The army – in a statement – said").
NOT_PLACE_LEADS = _words("the a an this that it he she they we in on")

# --- Strikes on several places ---

# Prepositions whose object is what a strike reached ("raids on X", "barrels over X").
STRUCK_PREPS = _words("on against over at targeting")
# Attack verbs of a second clause that are no air strike ("while rebels shelled Y").
GROUND_VERBS = _words("shell fire shoot kill")
# Subjects of a second clause that stand for more strikes ("while others hit Y").
MORE_STRIKES = _words("other another more strike raid airstrike bomb missile")
# Nouns whose number counts strikes at one place ("six raids on Y").
STRIKE_NOUNS = _words("strike raid airstrike air-strike bomb barrel missile sortie")
# Words that make an article about aircraft, so a bare "raid" in it is an air raid.
AIR_CONTEXT_WORDS = _words(
    "air aerial warplane warplanes jet jets helicopter helicopters drone drones aircraft plane planes"
)

# --- Sentence windows ---

# Words whose full stop ends no sentence in news copy (titles, ranks, months, company forms);
# a window cut after one would start mid-sentence and parse differently.
ABBREVIATIONS = (
    _words(
        """
        mr mrs ms dr st mt gen col lt sgt capt maj cpl adm gov sen rep prof rev no co corp inc ltd jr sr
        vs etc
        """
    )
    | MONTH_ABBREVIATIONS
)

# --- Event types ---

# Words that show an armed party is involved: recruitment only counts for armed forces or groups,
# so "a company recruits engineers" is not an event. Trigger words themselves are not evidence.
# The last ones: defence ministries, national guards and reserves take in recruits as armies do.
ARMED_WORDS = _words(
    """
    fighter militant rebel army militia group front force troop soldier fight combat battle military
    jihadist jihadi brigade battalion corps legion faction insurgent guerrilla combatant ranks mercenary
    isis isil daesh nusra qaeda taliban shabaab ypg sdf hezbollah conscription militiaman paramilitary
    war frontline weapon arm terrorist branch unit police suicide jihad martyrdom
    defence defense guard reservist conscript
    """
)
# Objects of "join" that are not an armed force: joining a truce, talks or a deal is not recruitment.
NOT_JOINED = _words(
    """
    agreement truce ceasefire cessation reconciliation talks deal protest process call negotiation
    effort coalition initiative campaign demonstration strike list celebration meeting union
    """
)
# Heads of deals that are truces, not settlements: a ceasefire alone ends no one's fight for good.
TRUCE_WORDS = _words("ceasefire cease truce cessation armistice hostility humanitarian")
# Words before a truce that make it a pause for aid or a set span, not a settlement ("a humanitarian truce").
PAUSE_WORDS = _words("humanitarian temporary")
# Cues that a truce or deal removed fighters or handed an area over, which makes it a settlement.
# The acts among them name armed men leaving or giving up, so a deal beside one is between armed sides.
SETTLEMENT_ACTS = _words(
    "evacuate evacuation surrender surrendering reconciliation reconcile disarm disarmament"
)
SETTLEMENT_CUES = SETTLEMENT_ACTS | _words("hand leave control passage peace settle settlement transfer bus")
# Verbs of a side pulling out under a deal ("the rebels are to withdraw to Idlib").
WITHDRAWAL_VERBS = _words("withdraw depart exit")
# Armed men whose evacuation, once under way, is by terms ("300 rebels were evacuated to Idlib").
EVACUATED_FIGHTERS = _words("rebel fighter militant gunman jihadist insurgent")
# Words of moving people out under a deal: armed men they move are the side that settled ("a deal to
# transport the rebels from X", "the evacuation of civilians and rebels").
DEAL_REMOVAL_WORDS = _words("evacuate evacuation transport transfer")
# Verbs that make a deal real: it was reached, signed, agreed, completed.
# Verbs by which a deal lets people move ("the agreement allowed 800 rebels to leave"): done, in the past.
DEAL_LETTING_VERBS = _words("allow let permit enable")
DEAL_DONE_VERBS = _words(
    """
    reach sign agree finalise finalize conclude complete strike seal broker accept implement announce
    enter approve
    """
)
# Ground a side hands over to the state ("handed over the territory west of X to the army"): an area
# returning to government control by agreement; handing over prisoners or bodies is none.
HANDED_GROUND = _words(
    "territory area town village city district neighbourhood neighborhood position base checkpoint control "
    "region land pocket"
)
# What a side surrenders when it settles: ground, its arms or itself ("surrendered their positions");
# surrendering anything else ("surrendered his passport") is no settlement.
SURRENDERED_THINGS = HANDED_GROUND | _words("arm weapon rifle gun ammunition themselves himself herself")
# Parties that can settle: armed sides, governments, areas.
PARTY_WORDS = _words(
    """
    rebel fighter militant gunman jihadist government regime army group faction opposition farc insurgent
    guerrilla side party force leader authority militia area town district neighbourhood neighborhood
    village city suburb
    """
)
# Aircraft: a "strike", "raid" or "bombing" is only an air strike when these or "air" are near.
AIRCRAFT_WORDS = _words(
    """
    warplane jet helicopter chopper drone aircraft plane bomber gunship air aerial airstrike airstrikes
    sortie war-plane warplanes uav uas
    """
)
# Attack verbs whose subject, when it is an aircraft, makes an air strike.
ATTACK_VERBS = _words(
    """
    strike pound bomb hit target drop raid attack shell bombard launch carry fire kill destroy resume
    fly conduct blast rain pummel batter hammer shoot
    """
)
# Attack verbs of flight: an aircraft that flew strikes only when it flew missions ("flew 30 sorties"),
# not when it flew over an area or overhead.
FLIGHT_VERBS = _words("fly")
FLIGHT_MISSIONS = _words("sortie mission strike raid attack")
# Not air strikes even near an aircraft word: ground fire and labour or sports "strikes".
NOT_AIR_HEADS = _words("hunger labour labor general worker union penalty football")
# Victim nouns: who can be killed or wounded in a count. The last ones: armed men as military
# communiques name them ("bandits neutralised"), and rural victims.
PEOPLE_WORDS = _words(
    """
    people person civilian child woman man fighter militant soldier member rebel resident worker police
    policeman officer staff student family other jihadist insurgent troop terrorist martyr citizen
    syrians hostage volunteer gunman combatant life personnel recruit teenager boy girl infant baby
    patient doctor journalist
    bandit assailant attacker farmer villager
    """
)
# People nouns singular in form that name a group ("the police", "the staff"): no count of one.
GROUP_PEOPLE_NOUNS = _words(
    "people police staff personnel family crew other life troop military public security"
)
# Titles of one person beyond PERSON_TITLES: "the emir of X", "the group's founder" name one person.
ROLE_TITLES = PERSON_TITLES | _words("emir chief founder deputy head spokesman")
# Endings of nouns that name a person by what they do ("the bus driver", "the operator", "the journalist").
AGENT_NOUN_ENDINGS = ("er", "or", "ist", "ian")
# A conjunct that adds one more of those counted before it ("two leaders and another").
ONE_MORE_WORDS = _words("another")
# Causes of a whole war's toll: "the war, which has killed 300,000" is background, not an event.
BACKGROUND_CAUSES = _words("war conflict uprising crisis revolution insurgency")
# Vague shares of a group told before ("many of them have been killed"): a remark on that group, no toll.
VAGUE_SHARES = _words("many some most several few")
# Passive verbs that report a death of their subject ("X was reported to have been killed", "X is
# believed to have died"): the subject is the victim.
DEATH_REPORT_VERBS = _words("report say believe think confirm understand")
# Spans of a whole war: people killed "during the war", "throughout this five-year period" are its toll.
BACKGROUND_PERIODS = BACKGROUND_CAUSES | _words("period decade")
# Causes of deaths that are no armed violence: "a stampede resulted in 56 deaths" is no casualties event.
NON_VIOLENT_CAUSES = _words(
    "stampede earthquake flood flooding storm landslide avalanche epidemic disease cholera covid pandemic "
    "accident heatwave drowning"
)
# Last words of names that hold "Martyrs": "the Martyrs Brigade", "Martyrs' Square" name no dead.
MARTYRS_NAME_HEADS = _words("brigade brigades battalion battalions square street cemetery day unit")
# Verbs of moving or caring for the wounded: "28 wounded people were evacuated" reports no wounding.
CARE_VERBS = _words("evacuate transfer rescue treat admit hospitalise hospitalize airlift transport")
# Injury nouns and verbs.
INJURY_LEMMAS = _words("injure wound injury wounded injured wounding injuring")

# --- Event-type vocabularies ---
# Word lists of the four event-type modules (air_strike, casualties, recruitment, reconciliation).

# Pre-filter forms that are no trigger of any pattern (each pattern row lists the forms that catch
# it in its `prefilter` field): words of sentences, or of the sentence after them, that readers
# need parsed, e.g. "warplanes struck X", a toll's "victims", a truce "negotiated". Recall matters
# more than precision: a false hit costs one parsed sentence, a miss can lose an event.
# `*` means any ending, a space any whitespace (`extractors/speed/prefilter.py`).
AIR_STRIKE_CONTEXT_FORMS = ("sortie*", "missile*", "rocket*", "shell*")
CASUALTIES_CONTEXT_FORMS = ("hurt", "assassinat*", "perish*", "victim*")
RECRUITMENT_CONTEXT_FORMS = ("induct*",)
RECONCILIATION_CONTEXT_FORMS = (
    "agreed",
    "agree",
    "treaties",
    "amnest*",
    "cease-fire*",
    "handover",
    "pardon*",
    "capitulat*",
    "negotiat*",
)
CONTEXT_FORMS = {
    "air_strike": AIR_STRIKE_CONTEXT_FORMS,
    "casualties": CASUALTIES_CONTEXT_FORMS,
    "recruitment": RECRUITMENT_CONTEXT_FORMS,
    "reconciliation": RECONCILIATION_CONTEXT_FORMS,
}

# air_strike
# Modifiers that describe a strike without naming who struck ("heavy air strikes").
STRIKE_GENERIC_MODIFIERS = _words(
    "heavy intensive intense fierce new several suspected deadly further fresh more many renewed "
    "massive repeated continued significant toxic gas chlorine explosive air aerial barrel bomb the a "
    "an overnight separate other such these those multiple waves wave indiscriminate crude precision "
    "targeted discrete retaliatory surgical limited additional unilateral"
)
# Common nouns that name an attacking side when they modify a strike ("regime strikes").
STRIKE_ATTACKER_NOUNS = _words("regime government coalition army military")
# Forces that strike only from the air: their strikes are air strikes ("coalition strikes hit Raqqa").
AIR_FORCE_WORDS = _words("coalition aviation airforce")
# Nouns of an attack an aircraft word can modify ("a drone attack", "helicopter raids").
AIR_ATTACK_NOUNS = _words("attack strike raid assault bombing bombardment")
# Verbs of carrying strikes out: in an article about aircraft, "forces conducted strikes" were air strikes.
STRIKE_CONDUCT_VERBS = _words("conduct carry launch execute perform make")
# Verbs whose subject struck when strikes are their instrument ("Turkey began an offensive with airstrikes").
STRIKE_WITH_VERBS = ATTACK_VERBS | STRIKE_CONDUCT_VERBS | _words("begin start respond retaliate open")
# Verbs that are an aircraft's attack only with a direct object: "jets engaged a unit" (not "engaged in
# an exercise").
OBJECT_ATTACK_VERBS = _words("engage suppress")
# People who fly an aircraft: "helicopter crews destroyed ..." reports what the helicopters did.
AIRCREW_NOUNS = _words("crew crews aircrew aircrews pilot pilots")
# Modifiers that make an aircraft word a person: a "suicide bomber" flies nothing.
NOT_AIRCRAFT_MODIFIERS = _words("suicide")
# What a military "strike" as subject does: a labour strike neither kills nor destroys.
STRIKE_OUTCOME_VERBS = _words("kill destroy")
# ... and, in an article about aircraft, where it lands or what it did there ("two strikes struck ISIL
# units", "three strikes engaged two units", "a strike damaged a bridge").
STRIKE_HIT_VERBS = _words("strike hit target engage damage")
# Animals: "militants shot and killed nine donkeys" is no casualty of the conflict's people.
ANIMAL_NOUNS = _words(
    """
    animal animals livestock cattle cow cows ox oxen bull bulls goat goats sheep camel camels donkey
    donkeys mule mules horse horses dog dogs pig pigs chicken chickens poultry elephant elephants
    rhino rhinos lion lions bird birds
    """
)
# Verbs whose object is people: the name "killed", "captured" or "kidnapped" is a person's, even
# when a place has the same name (a leader called after his home town).
PERSON_OBJECT_VERBS = _words("kill assassinate execute behead wound injure capture arrest abduct kidnap")
# Nouns of what befell a person, whose "of" names them: "the death of X", "the capture of X".
PERSON_FATE_NOUNS = _words("death killing assassination execution capture arrest abduction kidnapping")
# Verbs of what befell people "in" strikes ("killed in two strikes"): a strike that kills is military.
STRIKE_VICTIM_VERBS = _words("kill die wound injure")
# Modifiers of a strike fired from the ground, no air strike ("killed in a rocket strike").
GROUND_STRIKE_MODIFIERS = _words("rocket missile artillery mortar ground shelling")
# Verbs of opening a campaign: "the U.S. began retaliatory strikes" (a force or a state as subject).
STRIKE_BEGIN_VERBS = _words("begin start resume")
# Heads that make an air-attack word a precaution against one, no attack: "air raid sirens",
# "an air-raid shelter", "drone strike warnings".
AIR_RAID_PRECAUTIONS = _words("siren alarm alert warning shelter drill defence defense")
# Verbs of which a state is the subject when it strikes ("Israel hit targets in Gaza", "Russia bombed X").
STATE_STRIKE_VERBS = _words("hit strike bomb pound")
# What a state strikes from the air, unlike a country, a deal or a tone: "Israel hit targets in Gaza".
STRUCK_TARGET_NOUNS = _words(
    "target position site facility hideout base depot camp stronghold installation compound headquarters"
)
# Buildings a state strikes ("Israel struck a school"): struck by a state, a building was hit from the air.
STRUCK_BUILDING_NOUNS = LANDMARK_WORDS | _words("building house home shelter tower")
# Objects of "strike"/"hit" that are no attack: "struck a deal", "hit the headlines".
NOT_STRUCK_OBJECTS = _words("deal agreement bargain compromise tone note balance chord pose record headline")
# Words of an attack from the ground: a state that "hit X with artillery" made no air strike.
GROUND_ATTACK_WORDS = GROUND_STRIKE_MODIFIERS | _words("shell tank howitzer troop soldier commando gunfire")
# Words introducing the cause of a strike, not its weapon ("hit targets after rocket fire").
STRIKE_CAUSE_WORDS = _words("after following response retaliation reprisal revenge")
# Singular strike nouns that count one strike ("an air raid", "the airstrike").
COUNTABLE_STRIKES = _words("strike raid airstrike air-strike barrel bomb attack")

# casualties
# Nouns for an attack: "killed in regime air strikes" names who attacked through their modifiers.
# Fights between two sides: "killed in a firefight with X" names the other side, X, as the killer.
COMBAT_NOUNS = _words("clash firefight gunfight skirmish shootout ambush")
# The last ones are devices: "an IED hit the convoy" names the weapon, never who laid it.
DEADLY_ATTACK_NOUNS = COMBAT_NOUNS | _words(
    "attack strike airstrike raid bombing shelling bombardment explosion blast bomb fire "
    "assault offensive shell rocket mortar operation ied landmine mine grenade missile stabbing"
)
# Verbs of an attack's acl that only allowed it: "a raid authorized by X and carried out by Y" is Y's.
AUTHORIZING_VERBS = _words("authorize authorise approve order sanction")
# Verbs whose subject took the losses, never the killer ("the army suffered losses, with 30 killed",
# "a helicopter crashed with both crew killed").
LOSS_VERBS = _words("suffer sustain incur lose crash")
# Linking verbs: their subject is described, it did nothing ("The world is safer after the death of X").
LINKING_VERBS = _words("be become remain seem")
# Verbs of coming upon the dead: "police found 32 bodies" is a toll, "the two bodies overseeing" is none;
# a witness who "counted 230 bodies" estimates a toll the article tells otherwise.
BODY_FINDING_VERBS = _words("find discover recover retrieve pull unearth exhume dump wash")
# Verbs of a device's placing after "X-": "a Taliban-planted bomb" is X's bomb.
PLACING_VERBS = _words("plant lay place set")
# Verbs that state a death toll's value: "the toll rose to 45", "the death toll was 45".
TOLL_VERBS = _words("be rise reach climb increase jump stand hit bring mount")
# Prepositions that introduce the attack behind a toll ("rose to 12 after regime shelling").
TOLL_CAUSE_PREPS = _words("after following in from during")
# Verbs of a toll that grew: its new value replaces the counts told before it.
TOLL_RISE_VERBS = _words("rise climb reach jump increase mount")
# Verbs through which deaths come from an attack ("shelling resulted in the death of three").
RESULT_VERBS = _words("result lead cause")
# Participles of holding people captive: who held the killed captives killed them ("hostages taken by X").
CAPTIVE_VERBS = _words("take hold kidnap abduct capture seize")
# Killings only the captor carries out, and the verbs by which it makes them public ("X announced the
# execution of 12 prisoners"): the announcer is the killer.
EXECUTION_NOUNS = _words("execution")
EXECUTION_ANNOUNCING_VERBS = _words("announce confirm")
# Nouns of a killing whose owner is the killer ("the army's killing of"), unlike "his death".
KILLING_NOUNS = _words("killing execution murder assassination")
# Common nouns naming an attacking side when they modify an attack ("regime shelling").
KILLER_SIDE_WORDS = frozenset(
    {"regime", "government", "coalition", "army", "terrorist", "rebel", "militant", "opposition"}
)
# Words that name a side before an attack noun, whatever their part of speech ("militant attacks",
# "regime strikes"): never cut from an attacker phrase as a mere description.
ATTACKER_SIDE_WORDS = KILLER_SIDE_WORDS | STRIKE_ATTACKER_NOUNS
# Words naming the weapon or the attack, cut from an attacker phrase ("coalition air strike" -> "coalition").
WEAPON_WORDS = (
    DEADLY_ATTACK_NOUNS
    | AIRCRAFT_WORDS
    | _words("barrel car suicide missile counter terrorism counterterrorism")
)
# Weapons written as acronyms: "an RPG attack" names the weapon, where "an ADF attack" names the group.
WEAPON_ACRONYMS = _words("ied ieds rpg rpgs vbied vbieds svbied svbieds manpads uav uavs")
# Nouns that name the dead or their tally ("the toll of martyrs", "the number of dead"): victims, never the
# killer, wherever the parser puts them.
VICTIM_NOUNS = _words("martyr dead toll number death casualty fatality victim body wounded injured")
# Trigger words that name a death only of people: "neutralised 12 insurgents" kills, "neutralised
# three bombs" does not.
PEOPLE_ONLY_LEMMAS = _words("neutralise neutralize")
# Vague amounts written without a number ("dozens injured"); the numbers module gives their value.
VAGUE_AMOUNTS = _words("dozens hundreds thousands several scores tens many")
# Anaphoric words showing a wounded-only sentence continues the previous report.
WOUNDED_CONTINUATION_WORDS = frozenset(
    {"other", "others", "more", "another", "also", "attack", "blast", "explosion"}
)
# Phrases that say nobody died, making a wounded-only report a count of 0.
NO_DEATH_PHRASES = (
    "without causing more deaths",
    "no deaths",
    "no one was killed",
    "nobody was killed",
    "no casualties",
    "without causing deaths",
    "no fatalities",
)

# recruitment
# Verbs that make a draft real ("the draft took place"), unlike registering "for the draft".
DRAFT_HAPPENED_VERBS = _words("take begin start resume end happen occur")
# Objects that make "draft"/"recruit" about texts or support, not people joining a force.
DOCUMENT_WORDS = _words(
    "resolution law bill plan letter statement proposal constitution text report budget agreement "
    "document treaty support help expertise"
)
# Who companies hire: with these, a named organisation recruiting is business, not an armed group.
HIRING_WORDS = _words(
    "employee staff engineer worker graduate nurse teacher developer talent intern executive manager "
    "analyst candidate job hire salary company firm"
)
# Verbs whose object, not subject, does what the infinitive after them says ("forced them to enlist",
# "selected 500 men to begin training").
OBJECT_CONTROL_VERBS = frozenset(
    {"force", "order", "ask", "allow", "urge", "push", "compel", "press", "encourage", "lead"}
    | {"select", "choose", "pick", "send", "persuade", "convince"}
)
# Verbs whose subject enlists itself: the force joined is their "in"/"into" object.
SELF_ENLISTING_VERBS = _words("enlist volunteer sign")
# What recruits do once enlisted: "the recruits graduated / completed training" reports recruitment.
TRAINED_VERBS = frozenset(
    {"graduate", "complete", "finish", "begin", "start", "commence", "undergo", "join", "arrive"}
)
# Speakers who are an armed side themselves: what they report joining, they took in.
ARMED_SPEAKERS = ARMED_WORDS | {"separatist", "commander", "insurgency"}
# Heads of a group who speak for it: "the leader of X announced that 3,000 fighters under his command
# were training" reports X's intake.
GROUP_HEADS = _words("leader commander chief head founder")
# Verbs under which "recruits" are gained ("drawing recruits", "bring in new recruits").
RECRUIT_GAIN_VERBS = frozenset(
    {"draw", "bring", "attract", "gain", "get", "receive", "train", "send", "enlist", "add"}
)
# People taken in to fight: "mobilise", "register", "call up" are recruitment only with these as
# object ("mobilised fighters", "registering volunteers"), not votes, users or troops sent to a front.
RECRUIT_NOUNS = _words(
    "fighter man men youth young volunteer recruit reservist conscript child boy teenager tribesman "
    "tribesmen militiaman mercenary cadet combatant jihadist"
)
# People a call-up or a training course takes in: recruits and serving soldiers alike.
CALLED_UP_NOUNS = RECRUIT_NOUNS | _words("soldier troop member")
# Who a counted training intake names besides them: "700 personnel completed their course", "100
# peshmerga forces started training" (forces or personnel only when counted and trained).
TRAINEE_NOUNS = CALLED_UP_NOUNS | _words("personnel force")
# Occasions a graduation names ("a graduation ceremony for 300 soldiers"): who it is held for graduated.
CEREMONY_NOUNS = _words("ceremony parade")
# What a graduate is handed ("received their graduation certificates"), and the verbs of receiving it:
# who received it graduated.
GRADUATION_CREDENTIALS = _words("graduation certificate diploma confirmation badge insignia paper")
RECEIVING_VERBS = _words("receive get collect accept earn")
# What recruits register or report for that is no force ("registered for police training").
TRAINING_NOUNS = _words("training course duty service")
# Nouns a "training" names the kind of ("a training course", "a training programme").
COURSE_NOUNS = _words("course program programme cycle session")
# Verbs that begin or complete a training course ("200 fighters began training").
TRAINING_BEGUN_VERBS = _words("begin start complete finish undergo receive")
# Verbs that give a unit's strength ("a regiment consisting of 250 fighters").
STRENGTH_VERBS = _words("consist comprise number")
# Verbs that declare a call-up ("announced a partial mobilisation").
MOBILISATION_VERBS = _words(
    "announce declare order decree launch begin start introduce reintroduce reinstate impose"
)
# Recruits whose naming alone says they are taken in to fight ("recruited 300 children", "3,000
# men signed up"); volunteers and recruits also join charities and firms, so they are left out.
FIGHTING_AGE_NOUNS = RECRUIT_NOUNS - {"volunteer", "recruit"}
# Civilian bodies that also take in boys and young men ("the school recruited 30 boys for its choir").
INSTITUTION_WORDS = HIRING_WORDS | frozenset(
    {"school", "choir", "university", "college", "church", "team", "orchestra", "program", "programme"}
)
# Who a force registers: registering children or voters is aid or elections, not recruitment.
REGISTERED_RECRUITS = _words("volunteer recruit conscript reservist fighter combatant")
# Sports and business: a club signing a coach or a firm enrolling staff is no armed recruitment,
# even when the club is a named organisation.
CIVILIAN_WORDS = _words(
    "coach footballer football player club league striker midfielder goalkeeper tournament "
    "championship sport stadium referee"
)
# Who companies or teams take on: such recruits make the sentence hiring, not recruitment.
NOT_RECRUITS = _words("coach player team staff employee manager")
# Operations people join as fighters ("2,000 fighters joined the offensive"): the operation is no
# group, so the event has no actor from it, and only people joining it are recruited.
JOINED_OPERATIONS = _words("offensive operation battle fight fighting war combat assault")
# Campaigns of recruiting ("a recruitment drive"): an event once launched or under way.
RECRUITING_DRIVES = _words("campaign drive")
# Verbs that put a drive under way ("launched a recruitment campaign", "engaged in a drive").
DRIVE_LAUNCH_VERBS = _words("launch begin start conduct engage announce intensify step carry run wage")
# Units whose founding takes people in ("a new brigade was formed with 300 fighters").
FOUNDED_UNITS = _words("brigade battalion regiment unit militia corps legion division force")
# Verbs that found a unit.
FOUNDING_VERBS = _words("establish form found create")
# A founded unit that goes on to join a force ("was formed and joined the army") was taken in by that force.
JOINING_VERBS = _words("join")
# Armed groups that are themselves made of groups: merging factions is joining, but their number counts
# groups, not people.
GROUP_NOUNS = _words("faction group brigade battalion regiment unit militia organisation organization")
# Subordinators of a clause that only dates another event ("killed two weeks after being drafted").
DATING_SUBORDINATORS = _words("after before until")
# Communities that raise fighters for a force ("the tribe sent 150 fighters").
LEVYING_COMMUNITIES = _words("tribe clan")
# Verbs by which a community gives fighters.
LEVY_VERBS = _words("send contribute provide supply dispatch mobilise mobilize")
# Verbs that carry people to a place: "detained 40 men to take them to the training camps".
MOVE_VERBS = _words("take drive send transfer move lead transport bring deliver")
# Nouns that stand for a group of people counted on their "of" object ("a batch of 900 recruits").
COUNTED_GROUP_NOUNS = _words("batch group class contingent wave number total")
# Words that pick out the part of a counted group that acted ("the last of its 2,100 militants left",
# "the rest of the 300 gunmen surrendered"): the group's number counts them.
REMNANT_WORDS = _words("last rest remainder remnant")
# Nouns of a running total ("the number of people who settled reached 2,400") and the verbs by which
# it comes to a figure.
TALLY_NOUNS = _words("number total tally")
TALLY_VERBS = _words("reach rise climb hit exceed top increase grow stand surpass")
# Vehicles that carry people out under a deal ("15 buses carrying fighters left"): their number counts
# vehicles, not the people who settled.
VEHICLE_NOUNS = _words("bus truck vehicle car convoy minibus lorry coach")
# Nouns that count reported instances of recruiting ("62 cases where the militia recruited children").
CASE_NOUNS = _words("case instance")
# Modifiers that mark counted people as newly taken in ("a surge of 5,000 new recruits", "10,000 trained
# soldiers"): their number is the intake's, wherever the trigger is.
NEWCOMER_MODIFIERS = _words("new trained fresh newly")

# reconciliation
# Prepositions that put an action under a deal: "evacuated under an agreement", "following a deal".
DEAL_UNDER_PREPS = _words("under following after by per")
# Nouns naming the agreement itself, never a party to it.
DEAL_WORDS = _words("deal agreement accord pact settlement treaty reconciliation")
# Nouns that can name a deal's kind and make it a settlement ("a peace deal", "an evacuation agreement");
# a deal named by another noun settles nothing ("a trade agreement", "a prisoner swap deal", "an arms deal").
SETTLEMENT_DEAL_KINDS = TRUCE_WORDS | _words(
    """
    peace fire reconciliation settlement surrender evacuation withdrawal amnesty disarmament
    demobilization demobilisation transfer exit status power unity de-escalation escalation
    """
)
# What a settlement deal can be "on" ("an agreement on the evacuation of the fighters"); a deal on
# anything else ("an agreement on the election date") settles nobody.
DEAL_SUBJECTS = SETTLEMENT_DEAL_KINDS | SETTLEMENT_CUES | _words("hostility return departure exit")
# Nouns for countries as parties: a deal only between countries ("the two countries signed a deal") is
# between states, not an armed side or area settling with its government.
COUNTRY_WORDS = _words("country nation")
# Nouns for both parties of a deal at once ("the two sides", "the warring parties"): no one side, no count.
BOTH_SIDES_WORDS = _words("side party faction")
# Nouns for armed or governing sides, which a later "they" can stand for.
CONFLICT_SIDES = _words(
    "rebel fighter militant opposition group faction force militia insurgent guerrilla government "
    "regime army leader gunman jihadist"
)
# Verbs that report a gerund as seen happening: "were seen surrendering", "filmed fighters surrendering".
PERCEPTION_VERBS = _words("see watch film witness observe photograph")
# Prepositions of where people went under a deal ("bussed to X", "left for X"): not where they settled.
DESTINATION_PREPS = _words("to towards toward for")
# Markers of a clause that says what should happen, not what did: "so they surrender".
PURPOSE_MARKS = _words("so lest until unless if")
# Auxiliaries that keep a base-form verb real: "they did surrender".
REAL_BASE_AUX = _words("do does did")
# Common nouns that describe an armed group without naming it ("the country's largest rebel group").
GROUP_DESCRIPTORS = _words("group faction movement organization organisation alliance coalition")
# Last words of armed-group names that no state force carries ("Liberation Front", "... Movement");
# "Forces" names both sides and is left to the actor table.
NON_STATE_NAME_HEADS = _words("front movement brigade brigades battalion battalions")
# Heads that name the state's side of a settlement ("the government and the rebels agreed").
STATE_SIDE_WORDS = _words("government regime president army military state authority ministry kingdom")
# Verbs whose subject lived through a settlement: "the town witnessed a settlement last year".
SETTLEMENT_WITNESS_VERBS = _words("witness see experience undergo hold conduct carry")
# Who can reconcile in a conflict: armed sides, governments, areas, wanted men, a "status".
# Fans or clubs reconciling, or accounts reconciled, are not settlements.
RECONCILING_PARTIES = PARTY_WORDS | CONFLICT_SIDES | frozenset({"gunman", "wanted", "status"})
# Verbs of a side taking an amnesty: accepting one ends its fight ("accepted an amnesty deal").
AMNESTY_TAKING_VERBS = _words("accept take")
# Nouns an amnesty comes in besides a deal: accepting "the amnesty offer" is accepting the amnesty.
AMNESTY_FORMS = _words("offer program programme scheme law decree")
# What former fighters are taken into when they give up the fight ("inducted into the reintegration
# program"): entering one is a settlement.
REINTEGRATION_SCHEMES = _words("program programme process scheme")
# Verbs of entering such a scheme as its direct object ("joined the reintegration process").
ENTERING_VERBS = _words("join enter")
# People who settle or leave under a deal: their number is the event's count.
# Words for armed men that say no side ("The paramilitaries began to disarm. Some 2,000 fighters laid
# down their arms"): the group named next to them is who settled. "Rebels" or "jihadists" already name
# a side, which may not be the group named next to them.
UNNAMED_FIGHTERS = _words("fighter gunman combatant militiaman member")
# Words of the relatives who leave with fighters ("3,500 of their family members"): a part counted
# among them is not the fighters who settled.
KIN_WORDS = _words("family relative wife child")
SETTLING_PEOPLE = frozenset(
    {"rebel", "fighter", "militant", "people", "gunman", "family", "insurgent", "member"}
)
# Words of a date told relative to another happening, not to the calendar ("a day after the talks").
RELATIVE_TO_EVENT = _words("after before later earlier since")

# --- Reconciliation: what is no settlement ---

# Lone offenders who give themselves up to justice ("the suspect surrendered to police"): a crime, not an
# armed side settling; a man or woman surrendering counts as one only to the police (POLICE_WORDS).
CRIME_SUSPECTS = _words(
    "suspect fugitive murderer killer robber thief shooter assailant attacker perpetrator gunman accused"
)
LONE_PERSON_NOUNS = _words("man woman boy girl teenager youth driver")
POLICE_WORDS = _words("police policeman officer detective sheriff")
# Parties that make deals of business or politics ("the two companies", "the opposition parties"): with
# no armed side among them, their agreement settles no conflict.
BUSINESS_PARTIES = _words("company firm corporation bank business investor airline")
# Modifiers that make a "party" a political one, not a side of a war ("the warring parties").
POLITICAL_PARTY_MARKS = _words("political opposition ruling governing parliamentary coalition")
# People a deal swaps or frees ("exchanged prisoners under a deal"): an exchange, not a settlement.
CAPTIVE_WORDS = _words("prisoner hostage detainee captive abductee body remains")
# Nouns and verbs of remembering an old deal ("the anniversary of the peace accord", "marks ten years
# since they signed"): the deal is history the article recalls, not news.
ANNIVERSARY_NOUNS = _words("anniversary commemoration")
MARKING_VERBS = _words("mark commemorate celebrate")

# --- Recruitment: what is no intake ---

# A narrator telling why they joined ("I joined the police because ..."): a life story, not an intake;
# a narrator telling when they joined ("when the threat appeared, I joined the guard") reports one.
NARRATOR_PRONOUNS = _words("i me myself")
REASON_MARKS = _words("because")
