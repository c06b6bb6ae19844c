"""air_strike events: attacks delivered from the air.

Strong triggers ("air strikes", "airstrike", "air raid", "barrel bombs") are events unless
threatened, planned or denied. An aircraft word ("warplanes", "jets", "helicopter") makes an
event when it is the subject of an attack verb ("Russian jets pounded ..."). A bare "strikes",
"raids" or "bombing" needs an aircraft word in the sentence, or an article about aircraft and
a named attacker ("Russian raids"). One sentence gives one air strike event, or one per place
when it reports strikes on several places ("struck X and Y", `extractors/slots/struck_places.py`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extractors.doc_state import is_parsed
from extractors.events import build_event, layout_of, places_of, sentences_with_triggers
from extractors.layout import ArticleLayout
from extractors.lexicon import (
    AIR_ATTACK_NOUNS,
    AIR_FORCE_WORDS,
    AIR_RAID_PRECAUTIONS,
    AIRCRAFT_WORDS,
    AIRCREW_NOUNS,
    ATTACK_VERBS,
    COLLECTIVES,
    COUNTABLE_STRIKES,
    FLIGHT_MISSIONS,
    FLIGHT_VERBS,
    FORCE_HEADS,
    GROUND_ATTACK_WORDS,
    GROUND_STRIKE_MODIFIERS,
    KILLING_NOUNS,
    LINKING_VERBS,
    NOT_AIR_HEADS,
    NOT_AIRCRAFT_MODIFIERS,
    NOT_STRUCK_OBJECTS,
    OBJECT_ATTACK_VERBS,
    REACTION_VERBS,
    STATE_STRIKE_VERBS,
    STRIKE_ATTACKER_NOUNS,
    STRIKE_BEGIN_VERBS,
    STRIKE_CAUSE_WORDS,
    STRIKE_CONDUCT_VERBS,
    STRIKE_GENERIC_MODIFIERS,
    STRIKE_HIT_VERBS,
    STRIKE_OUTCOME_VERBS,
    STRIKE_VICTIM_VERBS,
    STRIKE_WITH_VERBS,
    STRUCK_BUILDING_NOUNS,
    STRUCK_TARGET_NOUNS,
    TREND_VERBS,
    WEAPON_WORDS,
)
from extractors.normalize.numbers import Amount
from extractors.pattern_catalog import kind_of
from extractors.schema import Article, Event, EventType
from extractors.slots.amounts import amount_of
from extractors.slots.clauses import (
    child,
    first_item_listed,
    is_generic,
    is_habitual,
    is_irrealis,
    is_list_item,
    phrase,
    subject,
)
from extractors.slots.struck_places import StruckPlace, struck_places
from extractors.slots.when import find_date
from extractors.slots.where import find_location, sentence_places
from extractors.slots.who import (
    agent_of,
    as_actor,
    attacker_end,
    blamed_for,
    claimed_by,
    find_source,
    laid_to,
    reported_by,
    reporting_force,
    reporting_military,
    state_of_officials,
)
from extractors.speed.docviews import doc_sentences, doc_text

EVENT_TYPE: EventType = "air_strike"


class Reader(NamedTuple):
    """How triggers of one pattern kind are read: whether one reports an air strike in its
    sentence, who struck, how many strikes."""

    accepts: Callable[[Span, Span, ArticleLayout], bool]
    actor: Callable[[Span], str | None]
    strikes: Callable[[Span], Amount | None]


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of this type in one parsed article."""
    layout = layout_of(doc, article)
    places = places_of(doc)
    events: list[Event] = []
    lead_actor: str | None = None  # who struck, as the text before a list of strikes says
    for sent, spans in sentences_with_triggers(doc, article, EVENT_TYPE):
        accepted = [s for s in spans if _accept(s, sent, layout)]
        if not accepted or is_generic(sent):
            continue
        main = accepted[0]
        actor = next((a for s in accepted if (a := as_actor(READERS[kind_of(s)].actor(s))) is not None), None)
        if is_list_item(sent):
            actor = actor or lead_actor  # "*  Near Mosul, three strikes struck ...": the lead's force
        else:
            lead_actor = actor or lead_actor
        if _introduces_list(sent):
            # "Fighter aircraft conducted 18 strikes in Syria:" sums up the items below, each an event;
            # aircraft that name no force struck for the force the report opened with
            named = actor is not None and _names_a_force(actor)
            lead_actor = actor if named else _force_before(sent) or actor
            continue
        count = next((c for s in accepted if (c := READERS[kind_of(s)].strikes(s)) is not None), None)
        when = find_date(sent, main.root, layout)
        where = find_location(sent, places, layout, main.root)
        target, source = _target(accepted), find_source(sent, main.root)
        struck: list[StruckPlace | None] = [*struck_places(main.root, sentence_places(sent, places))]
        # distinct strikes on distinct places are distinct events, each with its own count
        for place in struck or [None]:
            at = where if place is None else dataclasses.replace(where, name=place.name, source="sentence")
            events.append(
                build_event(
                    article,
                    EVENT_TYPE,
                    sent,
                    main,
                    when,
                    at,
                    shares_span=place is not None,
                    actor=actor,
                    target=target,
                    count=count if place is None else place.count,
                    source=source,
                )
            )
    return events


def _introduces_list(sent: Span) -> bool:
    """A sentence introducing a list of strikes (not a list of the places hit)."""
    item = first_item_listed(sent)
    return item is not None and any(_strike_word(t) and t.is_alpha for t in item)


def _names_a_force(actor: str) -> bool:
    """Whether an actor phrase names a force ("U.S. forces", "the coalition"), not only aircraft."""
    return bool(set(actor.lower().replace("-", " ").split()) & (FORCE_HEADS | AIR_FORCE_WORDS)) or any(
        w[:1].isupper() and w.lower() not in AIRCRAFT_WORDS for w in actor.split()[1:]
    )


def _force_before(sent: Span) -> str | None:
    """The force an earlier sentence says attacked ("U.S. and coalition forces continued to attack ISIS
    yesterday"): the subject of an attack verb that names a force."""
    for before in doc_sentences(sent.doc):
        if before.start >= sent.start:
            return None
        if not is_parsed(before):
            continue
        for verb in before:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTACK_VERBS:
                continue
            clause = verb.head if verb.dep_ == "xcomp" else verb  # "forces continued to attack"
            subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
            if not subjects:
                continue
            subject = subjects[-1]  # nearest the verb: a dateline ("SOUTHWEST ASIA, ...") comes first
            words = list(subject.subtree)
            if any(w.lemma_.lower() in FORCE_HEADS or w.ent_type_ in ("GPE", "NORP") for w in words):
                return phrase(subject)
    return None


def _accept(span: Span, sent: Span, layout: ArticleLayout) -> bool:
    """Whether a trigger reports a real air strike in this sentence."""
    if is_irrealis(span.root) or is_habitual(span.root) or _tells_a_trend(span.root):
        return False
    if span.root.dep_ == "compound" and span.root.head.lemma_.lower() in AIR_RAID_PRECAUTIONS:
        return False  # "air raid sirens sounded"
    return READERS[kind_of(span)].accepts(span, sent, layout)


def _tells_a_trend(word: Token) -> bool:
    """ "Drone attacks have increased since ...", "Air strikes have become a daily occurrence": bare plural
    strikes as the subject of a change verb, or of a linking verb that says what strikes are in general."""
    noun = word.head if word.dep_ in ("compound", "amod", "nmod") else word
    bare = not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)
    if noun.dep_ != "nsubj" or noun.tag_ != "NNS" or not bare:
        return False
    verb = noun.head
    described = verb.lemma_.lower() in LINKING_VERBS and child(verb, "attr", "acomp") is not None
    return verb.lemma_.lower() in TREND_VERBS or described


def _reports_by_itself(span: Span, sent: Span, layout: ArticleLayout) -> bool:
    """ "air strikes", "airstrike", "barrel bombs": an air strike whatever else the sentence says."""
    return True


def _aircraft_attacks(span: Span, sent: Span, layout: ArticleLayout) -> bool:
    """An aircraft word reports a strike as the subject or `by` agent of an attack verb, or its instrument."""
    head, verb, role = _aircraft_clause(span)
    if any(c.lower_ in NOT_AIRCRAFT_MODIFIERS for c in head.children):
        return False  # "a suicide bomber attacked the base"
    flown = child(verb, "dobj")
    if verb.lemma_.lower() in FLIGHT_VERBS and (flown is None or flown.lemma_.lower() not in FLIGHT_MISSIONS):
        return False  # "warplanes flew over the town"
    # an aircraft as passive subject was hit itself ("the helicopter was shot down")
    if role in ("nsubj", "agent", "pobj") and verb.lemma_.lower() in ATTACK_VERBS | {"by"}:
        return True
    if role == "nsubj" and verb.lemma_.lower() in OBJECT_ATTACK_VERBS and child(verb, "dobj") is not None:
        return True  # "bombers engaged a tactical unit"
    if role == "nsubj" and _conjoined_attack(verb):
        return True  # "Warplanes, believed to be Russian, bombed": parsed "believed ... and bombed"
    if head.dep_ in ("compound", "amod", "nmod") and verb.lemma_.lower() in AIR_ATTACK_NOUNS:
        return True  # "a drone attack", "helicopter raids"
    return _instrument_of_attack(head) is not None or _used_to_attack(head) is not None


def _used_to_attack(head: Token) -> Token | None:
    """The attack an aircraft was used in: "conducted an attack using drones", "attacked the base using
    drones", "used drones to attack the base"; the attack noun or verb, else None."""
    use = head.head
    if head.dep_ != "dobj" or use.lemma_.lower() != "use":
        return None
    attack = use.head
    if use.dep_ in ("acl", "advcl") and attack.lemma_.lower() in AIR_ATTACK_NOUNS | ATTACK_VERBS:
        # of attack nouns only plural ones ("conducted numerous attacks using drones"): a single "attack
        # using drones" proved unreliable on held-out text
        return attack if attack.pos_ != "NOUN" or attack.tag_ == "NNS" else None
    purposes = (c for c in use.children if c.dep_ in ("xcomp", "advcl"))
    return next((c for c in purposes if c.lemma_.lower() in ATTACK_VERBS), None)


def _aircraft_clause(span: Span) -> tuple[Token, Token, str]:
    """The aircraft (or its crew), the word it hangs on, and its role there: "helicopter crews destroyed"
    is what the crews did; "Near X, a helicopter fired on ..." parses the helicopter as X's appositive
    with "fired" as its clause, read as its subject."""
    head = span.root
    if head.dep_ == "compound" and head.head.lemma_.lower() in AIRCREW_NOUNS:
        head = head.head
    if head.dep_ == "appos" and (clause := child(head, "acl")) is not None:
        return head, clause, "nsubj"
    return head, head.head, head.dep_


def _fired_from_the_ground(modifier: Token) -> bool:
    """ "a ground raid", "missile strikes"; not "missile and drone strikes", where an aircraft is
    named with the ground weapon."""
    if modifier.lemma_.lower() not in GROUND_STRIKE_MODIFIERS:
        return False
    return not any(
        c.lemma_.lower() in AIRCRAFT_WORDS or c.lower_ in AIRCRAFT_WORDS for c in modifier.conjuncts
    )


def _strike_from_the_air(span: Span, sent: Span, layout: ArticleLayout) -> bool:
    """A bare "strikes", "raids", "bombing": an aircraft word in the sentence, or an article about
    aircraft and a named attacker ("Russian raids"), or strikes that killed just after aircraft in the
    paragraph; never a labour or hunger strike."""
    flown = [t for t in sent if not any(c.lower_ in NOT_AIRCRAFT_MODIFIERS for c in t.children)]
    words = {t.lemma_.lower() for t in flown} | {t.lower_ for t in flown}
    if words & NOT_AIR_HEADS or any(_fired_from_the_ground(c) for c in span.root.children):
        return False  # "a general strike", "a ground raid"
    if words & AIRCRAFT_WORDS or _by_an_air_force(span) or _military_strike(span.root, layout):
        return True
    named = _named_attacker(span.root) is not None
    if layout.air_context:
        return named or _carried_out(span) or _killed_people(span.root)
    # "Jets pounded the town. The raids killed nine.": aircraft just before (a "bombing" may be a car's)
    head = span.root
    described = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    plain = all(c.lower_ in STRIKE_GENERIC_MODIFIERS or c.ent_type_ in ("NORP", "GPE") for c in described)
    strikes = head.lemma_.lower() in ("strike", "raid") and plain  # not "police raids", "night raids"
    return strikes and _killed_people(head) and _aerial_near(sent)


def _state_strikes(span: Span, sent: Span, layout: ArticleLayout) -> bool:
    """A state (or an air coalition) as subject of hit / strike / bomb / pound: "Israel hit targets in
    Gaza", "Russia bombed the town". Ground attacks read the same, so the strike must be told as one from
    the air: the verb "bomb", an aircraft word in this sentence or the one before, or targets, positions
    or sites struck; never with a ground weapon or another instrument ("hit X with artillery", "with
    sanctions") nor a deal struck."""
    verb = span.root
    striker = _state_striker(verb)
    obj = child(verb, "dobj")
    if obj is None and (joined := child(verb, "conj")) is not None and joined.pos_ == "VERB":
        obj = child(joined, "dobj")  # "bombed and destroyed a depot": the two verbs share the object
    if striker is None or obj is None or verb.lemma_.lower() not in STATE_STRIKE_VERBS:
        return False
    if obj.lemma_.lower() in NOT_STRUCK_OBJECTS or _struck_from_the_ground(verb):
        return False
    if verb.lemma_.lower() == "bomb" or _aerial_near(sent) or striker.lemma_.lower() in AIR_FORCE_WORDS:
        return True  # "the coalition struck Raqqa": a force that strikes only from the air
    mine = child(obj, "poss") is not None  # "hit its production target"
    if mine:
        return False
    building = striker.ent_type_ == "GPE" and obj.lemma_.lower() in STRUCK_BUILDING_NOUNS
    return obj.lemma_.lower() in STRUCK_TARGET_NOUNS or building  # "Israel struck a school"


def _state_striker(verb: Token) -> Token | None:
    """The state or air coalition that struck: the verb's subject, or for "it" the force that reports
    ("The Israeli military said it struck 40 targets")."""
    subj = subject(verb)
    if subj is None and verb.dep_ == "conj":
        subj = subject(verb.head)  # "forces shelled and bombed the town"
    if subj is not None and subj.pos_ == "PRON":
        subj = reported_by(verb)[1]
    elif subj is None:  # "Pakistan bombed ...", parsed as an adverbial noun just before the verb
        subj = next((c for c in verb.lefts if c.dep_ == "npadvmod" and c.i == verb.i - 1), None)
    if subj is None:
        return None
    lemma = subj.lemma_.lower()
    if subj.ent_type_ == "GPE" or lemma in AIR_FORCE_WORDS:
        return subj  # "Israel", "the United States", "the coalition"
    named = any(c.ent_type_ in ("NORP", "GPE") for c in subj.children)
    if named and lemma in STRIKE_ATTACKER_NOUNS:
        return subj  # "the Israeli military"
    # a state's forces that bombed ("government forces bombed the town"); an armed group's bombs are planted
    state = named or any(c.lemma_.lower() in STRIKE_ATTACKER_NOUNS for c in subj.children)
    return subj if verb.lemma_.lower() == "bomb" and lemma == "force" and state else None


def _struck_from_the_ground(verb: Token) -> bool:
    """A ground weapon in the verb's clause ("hit targets with artillery", "Turkish artillery struck"),
    or another instrument ("hit Russia with sanctions"); a cause ("after rocket fire") is no weapon."""
    for t in verb.subtree:
        if t.lemma_.lower() not in GROUND_ATTACK_WORDS and t.lower_ not in GROUND_ATTACK_WORDS:
            continue
        path = [a for a in t.ancestors if a.i != verb.i and verb.is_ancestor(a)]
        if not any(a.lower_ in STRIKE_CAUSE_WORDS or a.lemma_.lower() in STRIKE_CAUSE_WORDS for a in path):
            return True
    for prep in verb.children:
        tool = child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ in ("with", "using") else None
        if tool is not None and not _aerial_word(tool):
            return True
    return False


def _aerial_near(sent: Span) -> bool:
    """An aircraft or air-strike word in the sentence or the one just before it in its paragraph."""
    if any(_aerial_word(t) for t in sent):
        return True
    earlier = [s for s in doc_sentences(sent.doc) if s.end <= sent.start and s.text.strip()]
    if not earlier:
        return False
    previous = earlier[-1]  # in the same paragraph: no line break between them
    between = doc_text(sent.doc)[previous.start_char : sent.start_char].lstrip()
    return "\n" not in between and any(_aerial_word(t) for t in previous)


def _aerial_word(token: Token) -> bool:
    word = token.lower_
    return word in AIRCRAFT_WORDS or word.removesuffix("s") in AIRCRAFT_WORDS or word.startswith("airstrike")


def _killed_people(head: Token) -> bool:
    """Strikes or raids that killed or wounded: their subject ("raids killed nine") or the "in" phrase
    of the dead ("five people died in two raids"), never a strike fired from the ground."""
    if any(c.lemma_.lower() in GROUND_STRIKE_MODIFIERS for c in head.children):
        return False
    if head.dep_ == "nsubj":
        return head.head.lemma_.lower() in STRIKE_OUTCOME_VERBS
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_.lower() in STRIKE_VICTIM_VERBS


def _military_strike(head: Token, layout: ArticleLayout) -> bool:
    """A "strike" (not a raid: troops raid on foot) that a force conducted or that destroyed or killed:
    "U.S. forces conducted precision strikes", "one strike destroyed a vehicle"; in an article about
    aircraft also one that struck, hit or targeted."""
    if head.lemma_.lower() != "strike":
        return False
    if head.dep_ == "pobj" and _killed_people(head):
        return True  # "killed in a strike on X"
    if (by := agent_of(head)) is not None and _is_force(by):
        return True  # "a strike by the Defense Forces on a compound"
    verb, role = head.head, head.dep_
    if role == "appos" and (clause := child(head, "acl")) is not None:
        verb, role = clause, "nsubj"  # "Near X, a strike destroyed ...": parsed as X's appositive
    if role == "nsubj":
        hits = STRIKE_OUTCOME_VERBS | (STRIKE_HIT_VERBS if layout.air_context else frozenset())
        return verb.lemma_.lower() in hits
    subject = child(verb, "nsubj")
    return (
        head.dep_ == "dobj"
        and verb.lemma_.lower() in STRIKE_CONDUCT_VERBS | STRIKE_BEGIN_VERBS
        and subject is not None
        and _is_force(subject)
    )


def _is_force(word: Token) -> bool:
    """A noun naming an armed force or a state ("forces", "the army", "the U.S.", "Israel")."""
    return (
        word.lemma_.lower() in FORCE_HEADS or word.lower_ in FORCE_HEADS or word.ent_type_ in ("GPE", "NORP")
    )


def _carried_out(span: Span) -> bool:
    """ "U.S. forces conducted precision strikes": a force carried the strikes out (its subject named)."""
    head = span.root
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in STRIKE_CONDUCT_VERBS:
        return False
    subject = child(verb, "nsubj")
    return subject is not None and subject.pos_ != "PRON"


def _by_an_air_force(span: Span) -> bool:
    """Strikes by a force that strikes only from the air ("the coalition's strikes", "air force raids")."""
    actor = _strike_actor(span)
    if actor is None:
        return False
    text = actor.lower().replace("-", " ")
    return bool(set(text.split()) & AIR_FORCE_WORDS) or "air force" in text


def _conjoined_attack(verb: Token) -> bool:
    """Whether a verb is joined to an attack verb that shares its subject."""
    return any(
        c.dep_ == "conj" and c.lemma_.lower() in ATTACK_VERBS and child(c, "nsubj", "nsubjpass") is None
        for c in verb.children
    )


def _instrument_of_attack(head: Token) -> Token | None:
    """The attack verb an aircraft serves ("attacked Kyiv with waves of drones"), else None."""
    node = head
    for _ in range(4):
        if node.dep_ != "pobj" or node.head.lower_ not in ("with", "of", "using", "from"):
            return None
        prep = node.head
        if prep.head.pos_ == "VERB":
            return prep.head if prep.head.lemma_.lower() in ATTACK_VERBS and prep.lower_ != "of" else None
        node = prep.head
    return None


def _named_attacker(head: Token) -> Token | None:
    """A modifier naming who struck ("Russian raids", "regime strikes", "U.S. raids")."""
    for c in head.children:
        modifier = c.i < head.i and c.dep_ in ("amod", "compound", "nmod", "poss")
        naming = c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in STRIKE_ATTACKER_NOUNS
        if modifier and naming and c.lower_ not in STRIKE_GENERIC_MODIFIERS:
            return c
    return None


def _aircraft_actor(span: Span) -> str | None:
    """Who flew the aircraft: the subject of the attack it served, its owner, or the aircraft phrase."""
    head = span.root
    attack = _instrument_of_attack(head)
    if attack is not None and (subj := child(attack, "nsubj")) is not None:
        return phrase(subj)  # "Russia attacked Kyiv with drones"
    if (used := _used_to_attack(head)) is not None:
        # "militias conducted dozens of attacks using drones": the verb the attacks hang on;
        # "the militia used drones to attack the base": the verb "use"
        verbs = (a for a in used.ancestors if a.pos_ == "VERB")
        clause = next(verbs, None) if used.pos_ == "NOUN" else head.head if used.dep_ == "xcomp" else used
        if clause is not None and (subj := child(clause, "nsubj")) is not None and subj.pos_ != "PRON":
            return phrase(subj)
    for acl in (c for c in head.children if c.dep_ == "acl"):  # "a drone, launched by X, struck"
        if (by := agent_of(acl)) is not None:
            return phrase(by)
    verb = head.head
    if head.dep_ in ("compound", "amod", "nmod") and verb.lemma_.lower() in AIR_ATTACK_NOUNS:
        launched = verb.head  # "Iran launched a drone attack": who launched the attack (not who condemned it)
        conducted = verb.dep_ == "dobj" and launched.lemma_.lower() in STRIKE_CONDUCT_VERBS
        subj = child(launched, "nsubj") if conducted else None
        if subj is not None and subj.pos_ != "PRON":
            return phrase(subj)
        if (party := claimed_by(verb)) is not None:
            return party  # "X claimed responsibility for drone attacks"
        # "a drone attack by X"; "a drone strike and a ground raid by X": the `by` phrase of the last
        # conjunct is both attacks'
        conjoined = (a for c in verb.children if c.dep_ == "conj" and (a := agent_of(c)) is not None)
        by = agent_of(verb) or next(conjoined, None)
        if by is not None:
            return phrase(by)
        if (side := _named_attacker(verb)) is not None and side.i < head.i:
            return phrase(side)  # "a Turkish drone attack": the attack's modifier names who flew it
    if (owner := child(head, "poss")) is not None and owner.pos_ == "PRON":
        return reporting_force(verb)  # "the army said its jets struck": "its" is the army
    head, verb, role = _aircraft_clause(span)
    if role == "nsubj" and 0 < verb.i - head.i <= 6:  # "Warplanes either Russian or Syrian struck"
        cut = ("aux", "auxpass", "neg", "advmod")  # "Regime helicopters also dropped": no adverb
        aux = [c.i for c in verb.children if c.dep_ in cut and c.i > head.i]
        return head.doc[head.left_edge.i : min([verb.i, *aux])].text.strip(" ,") or None
    # "Russian jets", "regime helicopters" name who flew them; a bare "drone" names nobody
    return phrase(head) if _named_attacker(head) is not None else None


def _strike_actor(span: Span) -> str | None:
    """Who struck: `by`/`from` object, naming modifiers, or the subject of the verb."""
    head = span.root
    by = agent_of(head)
    if by is not None:
        return phrase(by)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "from" and (obj := child(c, "pobj")) is not None:
            return phrase(obj)
    if (party := laid_to(head)) is not None:
        return party  # "airstrikes blamed on Russia"
    if (party := blamed_for(head)) is not None:
        return party  # "blamed the coalition for the airstrike"
    if (party := claimed_by(head)) is not None:
        return party  # "X claimed responsibility for the strikes"
    # "Russian raids and air strikes": the first conjunct's modifiers, when it too is a strike word
    # ("killed by Kurdish fighters and air strikes": the fighters' modifier names no striker)
    base = head.head if head.dep_ == "conj" and _strike_word(head.head) else head
    if (owner := child(base, "poss")) is not None and owner.pos_ == "PRON":
        verb = next((a for a in base.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return None
        return reporting_force(verb) or state_of_officials(verb)  # "the army said its strikes hit X"
    modifier_deps = ("amod", "compound", "nmod", "poss", "nummod")  # "U.S.-led" comes out as nummod
    mods = [c for c in base.children if c.i < base.i and c.dep_ in modifier_deps]
    mods = [
        c
        for c in mods
        if c.lower_ not in STRIKE_GENERIC_MODIFIERS
        and c.lemma_.lower() not in AIRCRAFT_WORDS
        and not c.like_num
        and not (c.pos_ == "ADJ" and not c.ent_type_)  # "the last strike", "more aggressive strikes"
        and not _unnamed_weapon(c)
    ]
    if mods:
        # "a U.S.-led coalition air strike" -> "U.S.-led coalition", "Russian drone raids" -> "Russian"
        first = mods[0].left_edge.i
        return head.doc[first : attacker_end(head.doc, first, head.i, _weapon_or_strike_word)].text
    if head.pos_ == "VERB" and (subj := child(head, "nsubj")) is not None and subj.pos_ != "PRON":
        return phrase(subj)  # strike noun parsed as a verb ("army airstrikes on X"): its subject struck
    if (killer := _killer_of(head)) is not None:
        return killer
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_.lower() in STRIKE_WITH_VERBS:
        verb = verb.head  # "Turkey began an offensive with airstrikes": the strikes were its instrument
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in COLLECTIVES:
        head, verb = verb.head, verb.head.head  # "carried out a series of airstrikes": the series' verb
    # who "condemned the airstrike" is a bystander, not the striker
    if head.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() not in REACTION_VERBS:
        subj = subject(verb)
        if subj is None and verb.dep_ == "conj":
            subj = subject(verb.head)  # "forces saw militants ... and responded with air strikes"
        if subj is not None and subj.pos_ != "PRON":
            return phrase(subj)
        if subj is not None:
            return reporting_force(verb)  # "the ministry said it carried out an air strike"
    if head.dep_ == "nsubj" and verb.pos_ == "VERB":
        return reporting_military(verb)  # "the military confirmed that an airstrike killed ..."
    return None


def _unnamed_weapon(modifier: Token) -> bool:
    """A weapon word that names no side ("small-arms fire and air strikes"), unlike "Iranian missile"."""
    if modifier.lemma_.lower() not in WEAPON_WORDS:
        return False
    return not any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in modifier.subtree)


def _supported_force(span: Span) -> str | None:
    """Who fought with the air support: the subject of the verb the trigger serves ("forces engaged the
    attackers with close air support", "the brigade provided close air support")."""
    head = span.root
    while head.dep_ == "conj":
        head = head.head  # "with small-arms fire and close air support"
    verb = head.head
    if head.dep_ == "pobj":
        verb = verb.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # "engaged the attackers with ...": "with" hangs on the object
    elif head.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    subj = child(verb, "nsubj")
    if subj is None and verb.dep_ == "conj":
        subj = child(verb.head, "nsubj")  # "forces returned fire and engaged ..."
    return phrase(subj) if subj is not None and subj.pos_ != "PRON" else None


def _killer_of(head: Token) -> str | None:
    """Who killed "in" the strike: "the army's killing of X in an airstrike", "X was killed by Y in a
    strike", "Y killed X in an air raid"."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "in":
        return None
    killing = prep.head
    lemma = killing.lemma_.lower()
    if killing.pos_ == "NOUN" and lemma in KILLING_NOUNS:
        owner = child(killing, "poss")
        return _without_possessive(owner) if owner is not None and owner.pos_ != "PRON" else None
    if killing.pos_ != "VERB" or lemma != "kill":
        return None
    killer = agent_of(killing) or child(killing, "nsubj")
    return phrase(killer) if killer is not None and killer.pos_ != "PRON" else None


def _without_possessive(owner: Token) -> str:
    words = [t for t in owner.subtree if t.tag_ != "POS"]
    return owner.doc[words[0].i : words[-1].i + 1].text


def _weapon_or_strike_word(token: Token) -> bool:
    """A word of the strike or its weapons, or what joins them ("missile and drone strikes")."""
    return _strike_word(token) or token.lemma_.lower() in WEAPON_WORDS or token.dep_ == "cc" or token.is_punct


def _strike_word(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        lemma in COUNTABLE_STRIKES | AIRCRAFT_WORDS | WEAPON_WORDS
        or token.lower_ in STRIKE_GENERIC_MODIFIERS
        or token.is_punct
        or token.dep_ == "cc"  # "Iranian missile and drone strikes" -> "Iranian"
    )


def _counted_head(span: Span) -> Token:
    head = span.root
    return head.head if head.dep_ == "compound" and head.head.pos_ == "NOUN" else head  # "barrel bombs"


def _aircraft_count(span: Span) -> Amount | None:
    """Number of what the aircraft dropped or fired ("jets carried out six strikes")."""
    head = _counted_head(span)
    obj = child(head.head, "dobj")
    if obj is None or obj.lemma_.lower() not in COUNTABLE_STRIKES | {"bomb", "barrel", "missile"}:
        return None
    return _strike_count_of(obj)


def _strike_count(span: Span) -> Amount | None:
    """Number of strikes: the number on the strike noun, or one for a singular strike noun."""
    return _strike_count_of(_counted_head(span))


def _strike_count_of(head: Token) -> Amount | None:
    amount = amount_of(head) if any(c.dep_ in ("nummod", "quantmod") for c in head.children) else None
    if amount is not None:
        return amount
    if (
        head.tag_ == "NN"
        and head.lemma_.lower() in COUNTABLE_STRIKES
        and head.lower_ not in ("bombing", "bombardment")
    ):
        return Amount(1, "exact")
    return None


def _target(spans: list[Span]) -> str | None:
    """What was struck: the object of "on"/"against"/"targeting" after a trigger."""
    for span in spans:
        for c in span.root.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against") and (obj := child(c, "pobj")) is not None:
                if obj.ent_type_ in ("DATE", "TIME"):
                    continue  # "strikes on 20 September": when, not what
                return phrase(obj)
        verb = span.root.head
        if span.root.dep_ == "nsubj" and (obj := child(verb, "dobj")) is not None:
            if obj.lemma_.lower() in AIR_ATTACK_NOUNS:  # "a bomber carried out an attack on X": X
                on = next(
                    (c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("on", "against")), None
                )
                obj = child(on, "pobj") if on is not None else None
                if obj is None:
                    continue
            return phrase(obj)
    return None


# Pattern kind -> its reader (extractors/patterns/air_strike.jsonl)
READERS: dict[str, Reader] = {
    "event": Reader(_reports_by_itself, _strike_actor, _strike_count),
    "aircraft": Reader(_aircraft_attacks, _aircraft_actor, _aircraft_count),
    "weak": Reader(_strike_from_the_air, _strike_actor, _strike_count),
    "support": Reader(_reports_by_itself, _supported_force, lambda span: None),
    "state": Reader(
        _state_strikes,
        lambda span: phrase(s) if (s := _state_striker(span.root)) else None,
        lambda span: None,
    ),
}
