"""Word lists the extractors share, each with the reason it exists.

These are lemmas (lower case) compared with `token.lemma_` or `token.lower_`; they describe
language, not any article.
"""

from __future__ import annotations

# Verbs that report speech: a date or place governed by them dates the report, not the event,
# and their subject is the source of the report.
REPORTING_VERBS = frozenset(
    {"say", "report", "tell", "state", "add", "announce", "confirm", "claim", "document", "estimate"}
)

# Modal or attitude heads that make the event unreal: threats, plans, hypotheticals, denials,
# calls and failures. A trigger under one of them is not an event.
IRREALIS_HEADS = frozenset(
    {
        "threaten",
        "plan",
        "vow",
        "warn",
        "promise",
        "intend",
        "prepare",
        "aim",
        "seek",
        "want",
        "urge",
        "call",
        "demand",
        "propose",
        "consider",
        "discuss",
        "negotiate",
        "hope",
        "fail",
        "refuse",
        "reject",
        "deny",
        "allow",
        "ask",
        "require",
        "offer",
        "push",
        "expect",
        "try",
        "attempt",
        "prevent",
        "avoid",
        "instruct",
        "encourage",
        "order",
        "could",
        "would",
        "reduce",
        "halt",
        "suspend",
        "stop",
        "pause",
        "cease",
        "schedule",
        "resist",
        "might",
        "may",
        "will",
        "shall",
        "should",
        "must",
        "unless",
    }
)

# Heads among these that negate even a finite clause under them ("denied that jets bombed",
# "refused", "failed"); the others ("want", "plan", "hope") only govern what has not happened.
NEGATING_HEADS = frozenset(
    {
        "deny",
        "refuse",
        "fail",
        "reject",
        "threaten",
        "warn",
        "prevent",
        "avoid",
        "halt",
        "stop",
        "suspend",
        "pause",
        "cease",
        "reduce",
        "resist",
        "negotiate",
        "discuss",
        "consider",
        "could",
        "would",
        "might",
        "may",
        "will",
        "shall",
        "should",
        "must",
        "unless",
    }
)
# Auxiliaries and markers that put a clause in the future or the hypothetical.
IRREALIS_AUX = frozenset(
    {"will", "would", "could", "might", "may", "shall", "should", "must", "if", "unless"}
)

# Nouns naming a place type: "al-Bab town", "the village of Hass". They rank how specific a
# place is (neighbourhood < town < province) and are stripped from the place name itself.
PLACE_TYPE_RANK = {
    "neighbourhood": 0,
    "neighborhood": 0,
    "district": 0,
    "camp": 0,
    "street": 0,
    "square": 0,
    "farms": 0,
    "airport": 0,
    "base": 0,
    "crossing": 0,
    "quarter": 0,
    "shrine": 0.5,
    "port": 0.5,
    "village": 1,
    "town": 1,
    "suburb": 1,
    "area": 1,
    "township": 1,
    "forest": 1,
    "city": 2,
    "valley": 2,
    "countryside": 3,
    "province": 3,
    "governorate": 3,
    "region": 3,
    "state": 3,
    "county": 3,
}

# First words of Arabic armed-group names ("Jaish al-Islam", "Ahrar al-Sham", "Liwa al-Fateh"):
# the place ruler's "al-" pattern must not take these for towns.
GROUP_NAME_HEADS = frozenset(
    {
        "jaish",
        "jaysh",
        "ahrar",
        "liwa",
        "jabhat",
        "harakat",
        "hayat",
        "faylaq",
        "katibat",
        "kataeb",
        "kata'ib",
        "ansar",
        "jund",
        "saraya",
        "fateh",
        "fatah",
        "tahrir",
        "nour",
        "hezbollah",
        "hizballah",
        "rami",
        "abdel",
        "abdul",
        "abu",
        "bashar",
    }
)

# Regional words that are not a place by themselves ("northern Syria" names the country).
DIRECTION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    }
)

# Words that show an armed party is involved: recruitment only counts for armed forces or groups,
# so "a company recruits engineers" is not an event. Trigger words themselves are not evidence.
ARMED_WORDS = frozenset(
    {
        "fighter",
        "militant",
        "rebel",
        "army",
        "militia",
        "group",
        "front",
        "force",
        "troop",
        "soldier",
        "fight",
        "combat",
        "battle",
        "military",
        "jihadist",
        "jihadi",
        "brigade",
        "battalion",
        "corps",
        "legion",
        "faction",
        "insurgent",
        "guerrilla",
        "combatant",
        "ranks",
        "mercenary",
        "isis",
        "isil",
        "daesh",
        "nusra",
        "qaeda",
        "taliban",
        "shabaab",
        "ypg",
        "sdf",
        "hezbollah",
        "conscription",
        "militiaman",
        "paramilitary",
        "war",
        "frontline",
        "weapon",
        "arm",
        "terrorist",
        "branch",
        "unit",
        "police",
        "suicide",
        "jihad",
        "martyrdom",
        # defence ministries, national guards and reserves take in recruits as armies do
        "defence",
        "defense",
        "guard",
        "reservist",
        "conscript",
    }
)

# Objects of "join" that are not an armed force: joining a truce, talks or a deal is not recruitment.
NOT_JOINED = frozenset(
    {
        "agreement",
        "truce",
        "ceasefire",
        "cessation",
        "reconciliation",
        "talks",
        "deal",
        "protest",
        "process",
        "call",
        "negotiation",
        "effort",
        "coalition",
        "initiative",
        "campaign",
        "demonstration",
        "strike",
        "list",
        "celebration",
        "meeting",
        "union",
    }
)

# Heads of deals that are truces, not settlements: a ceasefire alone ends no one's fight for good.
TRUCE_WORDS = frozenset(
    {"ceasefire", "cease", "truce", "cessation", "armistice", "hostility", "humanitarian"}
)

# Cues that a truce or deal removed fighters or handed an area over, which makes it a settlement.
SETTLEMENT_CUES = frozenset(
    {
        "evacuate",
        "evacuation",
        "surrender",
        "surrendering",
        "reconciliation",
        "reconcile",
        "hand",
        "leave",
        "disarm",
        "disarmament",
        "control",
        "passage",
        "peace",
        "settle",
        "settlement",
        "transfer",
        "bus",
    }
)

# Verbs that make a deal real: it was reached, signed, agreed, completed.
DEAL_DONE_VERBS = frozenset(
    {
        "reach",
        "sign",
        "agree",
        "finalise",
        "finalize",
        "conclude",
        "complete",
        "strike",
        "seal",
        "broker",
        "accept",
        "implement",
        "announce",
        "enter",
        "approve",
    }
)

# Parties that can settle: armed sides, governments, areas.
PARTY_WORDS = frozenset(
    {
        "rebel",
        "fighter",
        "militant",
        "government",
        "regime",
        "army",
        "group",
        "faction",
        "opposition",
        "farc",
        "insurgent",
        "guerrilla",
        "side",
        "party",
        "force",
        "leader",
        "authority",
        "militia",
        "area",
        "town",
        "district",
        "neighbourhood",
        "neighborhood",
        "village",
        "city",
        "suburb",
    }
)

# Aircraft: a "strike", "raid" or "bombing" is only an air strike when these or "air" are near.
AIRCRAFT_WORDS = frozenset(
    {
        "warplane",
        "jet",
        "helicopter",
        "chopper",
        "drone",
        "aircraft",
        "plane",
        "bomber",
        "gunship",
        "air",
        "aerial",
        "airstrike",
        "airstrikes",
        "sortie",
        "war-plane",
        "warplanes",
    }
)

# Attack verbs whose subject, when it is an aircraft, makes an air strike.
ATTACK_VERBS = frozenset(
    {
        "strike",
        "pound",
        "bomb",
        "hit",
        "target",
        "drop",
        "raid",
        "attack",
        "shell",
        "bombard",
        "launch",
        "carry",
        "fire",
        "kill",
        "destroy",
        "resume",
        "fly",
        "conduct",
        "blast",
        "rain",
        "pummel",
        "batter",
        "hammer",
        "shoot",
    }
)

# Not air strikes even near an aircraft word: ground fire and labour or sports "strikes".
NOT_AIR_HEADS = frozenset({"hunger", "labour", "labor", "general", "worker", "union", "penalty", "football"})

# Victim nouns: who can be killed or wounded in a count.
PEOPLE_WORDS = frozenset(
    {
        "people",
        "person",
        "civilian",
        "child",
        "woman",
        "man",
        "fighter",
        "militant",
        "soldier",
        "member",
        "rebel",
        "resident",
        "worker",
        "police",
        "policeman",
        "officer",
        "staff",
        "student",
        "family",
        "other",
        "jihadist",
        "insurgent",
        "troop",
        "terrorist",
        "martyr",
        "citizen",
        "syrians",
        "hostage",
        "volunteer",
        "gunman",
        "combatant",
        "life",
        "personnel",
        "recruit",
        "teenager",
        "boy",
        "girl",
        "infant",
        "baby",
        "patient",
        "doctor",
        "journalist",
        # armed men as military communiques name them ("bandits neutralised"), and rural victims
        "bandit",
        "assailant",
        "attacker",
        "farmer",
        "villager",
    }
)

# Causes of a whole war's toll: "the war, which has killed 300,000" is background, not an event.
BACKGROUND_CAUSES = frozenset({"war", "conflict", "uprising", "crisis", "revolution", "insurgency"})

# Injury nouns and verbs.
INJURY_LEMMAS = frozenset({"injure", "wound", "injury", "wounded", "injured", "wounding", "injuring"})


# --- Event-type vocabularies ---
# Word lists of the four event-type modules (air_strike, casualties, recruitment, reconciliation).

# Pre-filter forms that are no trigger of any pattern (each pattern row lists the forms that catch
# it in its `prefilter` field): words of sentences, or of the sentence after them, that readers
# need parsed, e.g. "warplanes struck X", a toll's "victims", a truce "negotiated". Recall matters
# more than precision: a false hit costs one parsed sentence, a miss can lose an event.
# `*` means any ending, a space any whitespace (`extractors/speed/prefilter.py`).
AIR_STRIKE_CONTEXT_FORMS = ("struck", "sortie*", "air force*", "uav*", "missile*", "rocket*", "shell*")
CASUALTIES_CONTEXT_FORMS = ("hurt", "assassinat*", "perish*", "victim*")
RECRUITMENT_CONTEXT_FORMS = ("induct*",)
RECONCILIATION_CONTEXT_FORMS = (
    "agreed",
    "agree",
    "treaties",
    "truce*",
    "amnest*",
    "ceasefire*",
    "cease-fire*",
    "hand* over",
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
STRIKE_GENERIC_MODIFIERS = frozenset(
    {
        "heavy",
        "intensive",
        "intense",
        "fierce",
        "new",
        "several",
        "suspected",
        "deadly",
        "further",
        "fresh",
        "more",
        "many",
        "renewed",
        "massive",
        "repeated",
        "continued",
        "significant",
        "toxic",
        "gas",
        "chlorine",
        "explosive",
        "air",
        "aerial",
        "barrel",
        "bomb",
        "the",
        "a",
        "an",
        "overnight",
        "separate",
        "other",
        "such",
        "these",
        "those",
        "multiple",
        "waves",
        "wave",
        "indiscriminate",
        "crude",
    }
)
# Common nouns that name an attacking side when they modify a strike ("regime strikes").
STRIKE_ATTACKER_NOUNS = frozenset({"regime", "government", "coalition", "army", "military"})
# Singular strike nouns that count one strike ("an air raid", "the airstrike").
COUNTABLE_STRIKES = frozenset({"strike", "raid", "airstrike", "air-strike", "barrel", "bomb", "attack"})

# casualties
# Nouns for an attack: "killed in regime air strikes" names who attacked through their modifiers.
DEADLY_ATTACK_NOUNS = frozenset(
    {
        "attack",
        "strike",
        "airstrike",
        "raid",
        "bombing",
        "shelling",
        "bombardment",
        "explosion",
        "blast",
        "bomb",
        "fire",
        "clash",
        "assault",
        "offensive",
        "shell",
        "rocket",
        "mortar",
    }
)
# Verbs that state a death toll's value: "the toll rose to 45", "the death toll was 45".
TOLL_VERBS = frozenset({"be", "rise", "reach", "climb", "increase", "jump", "stand", "hit", "bring", "mount"})
# Prepositions that introduce the attack behind a toll ("rose to 12 after regime shelling").
TOLL_CAUSE_PREPS = frozenset({"after", "following", "in", "from", "during"})
# Verbs of a toll that grew: its new value replaces the counts told before it.
TOLL_RISE_VERBS = frozenset({"rise", "climb", "reach", "jump", "increase", "mount"})
# Common nouns naming an attacking side when they modify an attack ("regime shelling").
KILLER_SIDE_WORDS = frozenset(
    {"regime", "government", "coalition", "army", "terrorist", "rebel", "militant", "opposition"}
)
# Words naming the weapon or the attack, cut from an attacker phrase ("coalition air strike" -> "coalition").
WEAPON_WORDS = DEADLY_ATTACK_NOUNS | AIRCRAFT_WORDS | {"barrel", "car", "suicide", "missile"}
# Nouns that name the dead or their tally ("the toll of martyrs", "the number of dead"): victims, never the
# killer, wherever the parser puts them.
VICTIM_NOUNS = frozenset(
    {
        "martyr",
        "dead",
        "toll",
        "number",
        "death",
        "casualty",
        "fatality",
        "victim",
        "body",
        "wounded",
        "injured",
    }
)
# Trigger words that name a death only of people: "neutralised 12 insurgents" kills, "neutralised
# three bombs" does not.
PEOPLE_ONLY_LEMMAS = frozenset({"neutralise", "neutralize"})
# Vague amounts written without a number ("dozens injured"); the numbers module gives their value.
VAGUE_AMOUNTS = frozenset({"dozens", "hundreds", "thousands", "several", "scores", "tens", "many"})
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
DRAFT_HAPPENED_VERBS = frozenset({"take", "begin", "start", "resume", "end", "happen", "occur"})
# Objects that make "draft"/"recruit" about texts or support, not people joining a force.
DOCUMENT_WORDS = frozenset(
    {
        "resolution",
        "law",
        "bill",
        "plan",
        "letter",
        "statement",
        "proposal",
        "constitution",
        "text",
        "report",
        "budget",
        "agreement",
        "document",
        "treaty",
        "support",
        "help",
        "expertise",
    }
)
# Who companies hire: with these, a named organisation recruiting is business, not an armed group.
HIRING_WORDS = frozenset(
    {
        "employee",
        "staff",
        "engineer",
        "worker",
        "graduate",
        "nurse",
        "teacher",
        "developer",
        "talent",
        "intern",
        "executive",
        "manager",
        "analyst",
        "candidate",
        "job",
        "hire",
        "salary",
        "company",
        "firm",
    }
)
# Verbs whose object, not subject, does what the infinitive after them says ("forced them to enlist").
OBJECT_CONTROL_VERBS = frozenset(
    {"force", "order", "ask", "allow", "urge", "push", "compel", "press", "encourage", "lead"}
)
# Verbs whose subject enlists itself: the force joined is their "in"/"into" object.
SELF_ENLISTING_VERBS = frozenset({"enlist", "volunteer", "sign"})
# What recruits do once enlisted: "the recruits graduated / completed training" reports recruitment.
TRAINED_VERBS = frozenset(
    {"graduate", "complete", "finish", "begin", "start", "commence", "undergo", "join", "arrive"}
)
# Speakers who are an armed side themselves: what they report joining, they took in.
ARMED_SPEAKERS = ARMED_WORDS | {"separatist", "commander", "insurgency"}
# Verbs under which "recruits" are gained ("drawing recruits", "bring in new recruits").
RECRUIT_GAIN_VERBS = frozenset(
    {"draw", "bring", "attract", "gain", "get", "receive", "train", "send", "enlist", "add"}
)
# People taken in to fight: "mobilise", "register", "call up" are recruitment only with these as
# object ("mobilised fighters", "registering volunteers"), not votes, users or troops sent to a front.
RECRUIT_NOUNS = frozenset(
    {
        "fighter",
        "man",
        "men",
        "youth",
        "young",
        "volunteer",
        "recruit",
        "reservist",
        "conscript",
        "child",
        "boy",
        "teenager",
        "tribesman",
        "tribesmen",
        "militiaman",
        "mercenary",
        "cadet",
        "combatant",
        "jihadist",
    }
)
# Recruits whose naming alone says they are taken in to fight ("recruited 300 children", "3,000
# men signed up"); volunteers and recruits also join charities and firms, so they are left out.
FIGHTING_AGE_NOUNS = RECRUIT_NOUNS - {"volunteer", "recruit"}
# Civilian bodies that also take in boys and young men ("the school recruited 30 boys for its choir").
INSTITUTION_WORDS = HIRING_WORDS | frozenset(
    {"school", "choir", "university", "college", "church", "team", "orchestra", "program", "programme"}
)
# Who a force registers: registering children or voters is aid or elections, not recruitment.
REGISTERED_RECRUITS = frozenset({"volunteer", "recruit", "conscript", "reservist", "fighter", "combatant"})
# Sports and business: a club signing a coach or a firm enrolling staff is no armed recruitment,
# even when the club is a named organisation.
CIVILIAN_WORDS = frozenset(
    {
        "coach",
        "footballer",
        "football",
        "player",
        "club",
        "league",
        "striker",
        "midfielder",
        "goalkeeper",
        "tournament",
        "championship",
        "sport",
        "stadium",
        "referee",
    }
)
# Who companies or teams take on: such recruits make the sentence hiring, not recruitment.
NOT_RECRUITS = frozenset({"coach", "player", "team", "staff", "employee", "manager"})
# Verbs that carry people to a place: "detained 40 men to take them to the training camps".
MOVE_VERBS = frozenset({"take", "drive", "send", "transfer", "move", "lead", "transport", "bring", "deliver"})
# Nouns that stand for a group of people counted on their "of" object ("a batch of 900 recruits").
COUNTED_GROUP_NOUNS = frozenset({"batch", "group", "class", "contingent", "wave", "number", "total"})

# reconciliation
# Prepositions that put an action under a deal: "evacuated under an agreement", "following a deal".
DEAL_UNDER_PREPS = frozenset({"under", "following", "after", "by", "per"})
# Nouns naming the agreement itself, never a party to it.
DEAL_WORDS = frozenset({"deal", "agreement", "accord", "pact", "settlement", "treaty", "reconciliation"})
# Nouns for armed or governing sides, which a later "they" can stand for.
CONFLICT_SIDES = frozenset(
    {
        "rebel",
        "fighter",
        "militant",
        "opposition",
        "group",
        "faction",
        "force",
        "militia",
        "insurgent",
        "guerrilla",
        "government",
        "regime",
        "army",
        "leader",
        "gunman",
        "jihadist",
    }
)
# Verbs whose subject lived through a settlement: "the town witnessed a settlement last year".
SETTLEMENT_WITNESS_VERBS = frozenset({"witness", "see", "experience", "undergo", "hold", "conduct", "carry"})
# Who can reconcile in a conflict: armed sides, governments, areas, wanted men, a "status".
# Fans or clubs reconciling, or accounts reconciled, are not settlements.
RECONCILING_PARTIES = PARTY_WORDS | CONFLICT_SIDES | frozenset({"gunman", "wanted", "status"})
# People who settle or leave under a deal: their number is the event's count.
SETTLING_PEOPLE = frozenset(
    {"rebel", "fighter", "militant", "people", "gunman", "family", "insurgent", "member"}
)
