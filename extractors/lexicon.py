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
