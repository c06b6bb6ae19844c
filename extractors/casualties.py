"""casualties events: people reported killed (and wounded) in armed violence.

A kill trigger (patterns/casualties.jsonl) gives the clause; its victims come from structure:
the object of an active verb, the subject of a passive one, the noun a participle modifies
("22 people killed"), the "of" object of "death of". The count is the number on the victims;
the wounded count comes from an injury word in the same sentence. Wounded-only sentences
make an event with count null (0 when the text says no one died); one that only adds the
wounded to the previous report ("20 others were wounded") fills that report's `injured`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extractors.events import build_event, layout_of, places_of, sentences_with_triggers
from extractors.lexicon import (
    ANIMAL_NOUNS,
    ATTACKER_VICTIM_WORDS,
    AUTHORIZING_VERBS,
    BACKGROUND_CAUSES,
    BACKGROUND_PERIODS,
    BODY_FINDING_VERBS,
    CAPTIVE_VERBS,
    CARE_VERBS,
    COLLECTIVES,
    COMBAT_NOUNS,
    DEADLY_ATTACK_NOUNS,
    DEATH_REPORT_VERBS,
    EVENT_NOUNS,
    EXECUTION_ANNOUNCING_VERBS,
    EXECUTION_NOUNS,
    INJURY_LEMMAS,
    KILLER_SIDE_WORDS,
    KILLING_NOUNS,
    LINKING_VERBS,
    LOSS_VERBS,
    MARTYRS_NAME_HEADS,
    NO_DEATH_PHRASES,
    NON_VIOLENT_CAUSES,
    PEOPLE_ONLY_LEMMAS,
    PEOPLE_WORDS,
    PLACING_VERBS,
    REACTION_VERBS,
    REPORTING_VERBS,
    RESULT_VERBS,
    SOLIDARITY_VERBS,
    TOLL_CAUSE_PREPS,
    TOLL_RISE_VERBS,
    TOLL_VERBS,
    VAGUE_AMOUNTS,
    VAGUE_SHARES,
    VICTIM_NOUNS,
    WEAPON_ACRONYMS,
    WEAPON_WORDS,
    WOUNDED_CONTINUATION_WORDS,
)
from extractors.normalize.actors import CIVILIANS, canonical_actor
from extractors.normalize.numbers import Amount
from extractors.pattern_catalog import kind_of
from extractors.schema import Article, Event, EventType
from extractors.slots.amounts import amount_of, one_by_role
from extractors.slots.clauses import (
    child,
    in_stamp,
    is_blamed,
    is_generic,
    is_habitual,
    is_irrealis,
    phrase,
    subject,
)
from extractors.slots.when import find_date
from extractors.slots.where import find_location
from extractors.slots.who import (
    agent_of,
    attacker_end,
    blamed_for,
    find_source,
    laid_to,
    reporting_force,
    with_affiliation,
)

EVENT_TYPE: EventType = "casualties"
# A toll this large is a war's whole toll ("the conflict has killed 300,000"), background not an event.
BACKGROUND_TOLL = 10_000
# A vague toll at least this large ("hundreds") laid to someone's charge is their record, not one event.
RECORD_TOLL = 100
INJURY = "injury"  # the pattern kind of injury words: they count the wounded of the sentence's toll


class Reader(NamedTuple):
    """How triggers of one pattern kind are read: the victims' head noun and their count (for an
    injury word, the wounded), and who killed."""

    victims: Callable[[Span], tuple[Token | None, Amount | None]]
    actor: Callable[[Span], str | None]


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of this type in one parsed article."""
    layout = layout_of(doc, article)
    places = places_of(doc)
    events: list[Event] = []
    for sent, spans in sentences_with_triggers(doc, article, EVENT_TYPE):
        kills = [s for s in spans if kind_of(s) != INJURY]
        injuries = [s for s in spans if kind_of(s) == INJURY]
        # the injury word that counts the wounded ("evacuated the wounded after the blast injured 20")
        counted = next(((s, a) for s in injuries if (a := _wounded(s)[1]) is not None), None)
        injured = counted[1] if counted is not None else None
        risen = [k for k in kills if _risen_toll(k) and _victims(k)[1] is not None]
        kills = risen or kills  # "53 were killed ... and the death toll rose to 64": the toll is 64
        found = False
        for trig in kills:
            victims, count = _victims(trig)
            if count is None and victims is None:
                continue
            if count is not None and count.value == 0 and not (injured and injured.value):
                found = True  # "no civilians were killed or injured": nothing to report
                continue
            if victims is not None and (_anyone(victims, count) or _part_of_a_toll(victims)):
                found = True  # "the families of those killed and injured": no toll, nor are its wounded one
                continue
            head = trig.root
            unreal = is_irrealis(head) or is_habitual(head) or _purpose(head)
            if unreal or is_generic(sent) or _background(trig, count):
                found = True  # the sentence's wounded belong to this unreal or background toll
                continue
            if victims is not None and count is None and not _is_people(victims):
                continue
            if victims is not None and count is None and one_by_role(victims):
                count = Amount(1, "exact")  # "the group's leader": one person, by role
            if victims is not None and _animals(victims):
                continue
            when = find_date(sent, head, layout)
            where = find_location(sent, places, layout, head)
            events.append(
                build_event(
                    article,
                    EVENT_TYPE,
                    sent,
                    trig,
                    when,
                    where,
                    actor=_actor(trig),
                    target=phrase(victims) if victims is not None else None,
                    count=count,
                    injured=injured.value if injured else None,
                    source=find_source(sent, head),
                )
            )
            found = True
        background = injured is not None and injured.value >= BACKGROUND_TOLL
        wounded = injured is not None and injured.value > 0  # "no troops were injured" is no event
        if (
            not found
            and counted is not None
            and wounded
            and not background
            and not is_irrealis(counted[0].root)
            and not _cared_for(counted[0].root)
        ):
            events.extend(_wounded_only(doc, article, sent, counted[0], counted[1], events))
    return _one_per_count(events)


def _one_person(victims: Token) -> bool:
    """One person by name, not a group of them ("Ahmed Saleh"; not "Saleh and Omar"); a pronoun may
    stand for one counted before, so it gives no count."""
    alone = not any(c.dep_ == "conj" for c in victims.children)
    return alone and victims.ent_type_ == "PERSON" and victims.tag_ == "NNP"


def _wounded_only(
    doc: Doc, article: Article, sent: Span, trig: Span, injured: Amount, events: list[Event]
) -> list[Event]:
    """A wounded-only report: fills the previous report's `injured`, or is its own event."""
    words = {t.lower_ for t in sent}
    if events and words & WOUNDED_CONTINUATION_WORDS and events[-1].injured is None:
        events[-1] = dataclasses.replace(events[-1], injured=injured.value)
        return []
    layout = layout_of(doc, article)
    text = sent.text.lower()
    count = Amount(0, "exact") if any(w in text for w in NO_DEATH_PHRASES) else None
    return [
        build_event(
            article,
            EVENT_TYPE,
            sent,
            trig,
            find_date(sent, trig.root, layout),
            find_location(sent, places_of(doc), layout, trig.root),
            count=count,
            injured=injured.value,
            actor=_actor(trig),
            target=None,
            source=find_source(sent, trig.root),
        )
    ]


def _cared_for(t: Token) -> bool:
    """ "1,000 people, including 28 wounded people, were evacuated": the wounded as moved, not hurt here."""
    clause = (a for a in t.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ != "prep")  # not "including"
    verb = next(clause, None)
    return t.dep_ == "amod" and verb is not None and verb.lemma_.lower() in CARE_VERBS


def _one_per_count(events: list[Event]) -> list[Event]:
    """Two triggers of one sentence reporting the same toll ("killed ... killing") are one event;
    an uncounted mention gives way to a counted one of the same sentence."""
    out: list[Event] = []
    for e in events:
        same_sentence = [o for o in events if o.evidence_start == e.evidence_start and o is not e]
        if e.count is None and any(o.count is not None for o in same_sentence):
            continue  # "Children killed ... at least five people were killed": the counted toll speaks
        twin = next((o for o in out if o.evidence_start == e.evidence_start and o.count == e.count), None)
        if twin is None:
            out.append(e)
    return out


def _anyone(victims: Token, count: Amount | None) -> bool:
    """Victims named by a quantifier rather than counted: "those killed", "every civilian lost",
    "far too many civilians"."""
    if count is not None:
        return any(c.lower_ == "too" for c in victims.subtree)  # a lament, not a count
    quantified = any(c.dep_ == "det" and c.lower_ in ("every", "any", "all") for c in victims.children)
    return quantified or victims.lower_ in ("those", "anyone", "everyone")


def _part_of_a_toll(victims: Token) -> bool:
    """ "More than 160 of those executed were fighters": a breakdown of a toll told before; "many of
    them have been killed": a vague share of a group told before."""
    of = next((c for c in victims.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = child(of, "pobj") if of is not None else None
    if whole is not None and whole.lower_ == "them":
        return victims.lower_ in VAGUE_SHARES
    return whole is not None and whole.lower_ == "those"


def _purpose(t: Token) -> bool:
    """An infinitive of purpose ("checkpoints to rob and kill travellers"): what someone meant to do."""
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    infinitive = t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    return infinitive and t.dep_ in ("acl", "relcl", "advcl")


def _is_people(token: Token) -> bool:
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = child(of, "pobj") if of is not None else None
    if members is not None and token.lemma_.lower() not in PEOPLE_WORDS and token.pos_ != "PROPN":
        token = members  # "scores of bandits", "a family of six": who they are is in the "of" phrase
    person = token.lower_ in ("he", "she")  # "He was killed last week by an airstrike": one named before
    return (
        token.lemma_.lower() in PEOPLE_WORDS
        or token.pos_ == "PROPN"
        or token.ent_type_ in ("PERSON", "NORP")
        or person
    )


def _animals(victims: Token) -> bool:
    """ "Killed nine donkeys", "dozens of cattle": animals, not people (unless people are named
    with them: "14 camels and two herders")."""
    of = next((c for c in victims.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    members = child(of, "pobj") if of is not None else None
    head = members if members is not None and victims.lemma_.lower() not in PEOPLE_WORDS else victims
    animal = bool(ANIMAL_NOUNS & {head.lemma_.lower(), head.lower_})
    return animal and not any(_is_people(c) for c in head.conjuncts)


def _victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """The victims' head noun and their count, read as the trigger's pattern kind says."""
    return READERS[kind_of(trig)].victims(trig)


def _actor(trig: Span) -> str | None:
    """Who killed, read as the trigger's pattern kind says."""
    return READERS[kind_of(trig)].actor(trig)


def _lost_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "the group lost at least 60 of its fighters": the number lost, when they are people."""
    number = trig[-1]
    of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = child(of, "pobj") if of is not None else None
    people = group if group is not None else number.head
    return (number, amount_of(number)) if people is not None and _is_people(people) else (None, None)


def _claimed_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "claimed 17 lives", "the attack claimed 12": the number claimed."""
    victims = next((x for x in trig if x.like_num), None) or child(trig.root, "dobj")
    return _toll_of(trig, victims)


def _death_of_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "the death of three journalists": the "of" object."""
    return _toll_of(trig, child(trig[-1], "pobj"))


def _toll_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "the death toll rose to 45": no victims named, the number the toll reaches."""
    t = trig.root
    verb = t.head if t.head.pos_ in ("VERB", "AUX") else t.head.head
    return None, (_toll_number(trig) if verb.lemma_.lower() in TOLL_VERBS else None)


def _dead_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "22 dead", "five martyrs", "the dead were civilians"; not "among the dead" (part of another toll)."""
    t = trig.root
    if t.head.lower_ == "among":
        return None, None  # "five children were among the dead": part of another toll
    if t.text == "Martyrs" and _names_a_unit(t):
        return None, None  # "the Raqqa Martyrs Brigade": a name, not the dead
    victims = _number_before(t) or (t if t.lower_ == "martyrs" else None)
    if victims is None and t.dep_ in ("oprd", "acomp", "ccomp", "xcomp"):
        victims = child(t, "nsubj") or child(t.head, "dobj")
    return _toll_of(trig, victims)


def _names_a_unit(t: Token) -> bool:
    """Whether a capitalised word stands in a name that ends in a unit or site ("Martyrs' Square")."""
    after = [x for x in t.doc[t.i + 1 : min(t.sent.end, t.i + 3)] if x.tag_ != "POS" and x.text != "'"]
    return bool(after) and after[0].text[:1].isupper() and after[0].lower_ in MARTYRS_NAME_HEADS


def _died_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "five people died", "four people lost their lives": the subject."""
    t = trig.root
    victims = child(t, "nsubj")
    if victims is None and t.dep_ in ("xcomp", "ccomp", "conj"):  # "are believed to have died"
        victims = child(t.head, "nsubj", "nsubjpass")
    return _toll_of(trig, victims)


def _killed_victims(trig: Span) -> tuple[Token | None, Amount | None]:
    """The killed: object of the active verb, subject of the passive, the noun a participle modifies."""
    t = trig.root
    victims: Token | None = None
    if t.pos_ == "NOUN":  # "the killing of three journalists", "the execution of 12 prisoners"
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        victims = child(of, "pobj") if of is not None else None
    if t.tag_ == "VBN" and t.dep_ in ("acl", "amod") and _is_people(t.head):
        victims = t.head  # "five civilians killed", whatever the parser hangs after the participle
    victims = victims or child(t, "nsubjpass", "dobj")
    if victims is not None and victims.lemma_.lower() in DEADLY_ATTACK_NOUNS | EVENT_NOUNS:
        victims = None  # "executed an airstrike", "carried out": an attack is never its own victim
    attack = (
        t.head.lemma_.lower() in DEADLY_ATTACK_NOUNS
    )  # "an airstrike killing 30": the strike is no victim
    victims_heads = ("NOUN", "PROPN", "NUM", "PRON")  # "those killed" (a quantifier, read by the caller)
    if victims is None and t.dep_ in ("acl", "amod", "relcl") and t.head.pos_ in victims_heads:
        victims = None if attack else t.head
    if victims is None and t.tag_ == "VBN":
        victims = child(t, "nsubj")
    if victims is None and t.dep_ == "xcomp" and t.head.lemma_.lower() in DEATH_REPORT_VERBS:
        victims = child(t.head, "nsubjpass")  # "X was reported to have been killed"
    if victims is None and t.lower_ in ("kill", "kills", "killed", "killing"):
        victims = _number_after(t)  # headline grammar: "Army Advances Kills 16 Terrorists"
    return _toll_of(trig, victims)


def _toll_of(trig: Span, victims: Token | None) -> tuple[Token | None, Amount | None]:
    """The whole group of victims found, or a number just before the trigger, and their count."""
    t = trig.root
    victims = _whole_group(victims) if victims is not None else None
    if victims is not None and in_stamp(victims):
        victims = child(victims, "appos")  # "Date of publication ... Fifteen civilians": the parse's subject
    if victims is None:
        victims = _number_before(t)
    if victims is not None and victims.lemma_.lower() == "number":  # "bringing to 45 the number killed"
        to = next((c for c in victims.head.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        reached = child(to, "pobj") if to is not None else None
        return (reached, amount_of(reached)) if reached is not None else (None, None)
    if victims is not None and _people_only(t) and not _is_people(victims):
        return None, None
    count = amount_of(victims) if victims is not None else None
    if count is None and victims is not None and _one_person(victims):
        count = Amount(1, "exact")  # a named person killed is one death
    if count is None and victims is not None:
        count = _counted_part(victims)
    return victims, count


def _counted_part(victims: Token) -> Amount | None:
    """ "civilians including three children": an uncounted group is at least its counted part."""
    for link in victims.children:
        if link.dep_ == "prep" and link.lower_ in ("including", "among"):
            part = child(link, "pobj")
            amount = amount_of(part) if part is not None else None
            if amount is not None and amount.value > 0:
                return Amount(amount.value, "at_least")
    return None


def _people_only(t: Token) -> bool:
    return t.lemma_.lower() in PEOPLE_ONLY_LEMMAS or t.lower_.startswith("neutrali")


def _number_after(t: Token) -> Token | None:
    """A number right after an active kill word ("Kills 16 Terrorists", "killing four")."""
    doc = t.doc
    for tok in doc[t.i + 1 : min(t.sent.end, t.i + 4)]:
        if tok.like_num and tok.ent_type_ not in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            return tok.head if tok.dep_ == "nummod" and tok.head.i > tok.i else tok
    return None


def _whole_group(victims: Token) -> Token:
    """ "civilians among them three children": the toll is the civilians, not the children among them."""
    for node in victims.ancestors:
        if node.lower_ in ("among", "including") and node.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    return victims


def _number_before(t: Token) -> Token | None:
    """A number token just before a trigger ("5 martyrs", "22 dead", "20 civilians were killed")."""
    doc = t.doc
    for j in range(t.i - 1, max(t.sent.start, t.i - 6) - 1, -1):
        tok = doc[j]
        counted = tok.like_num or tok.lower_ in VAGUE_AMOUNTS
        if counted and tok.ent_type_ not in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            return tok.head if tok.dep_ == "nummod" and tok.head.i <= t.i else tok
        if tok.is_punct or tok.lemma_.lower() in ("and", "but"):
            break
    return None


def _risen_toll(trig: Span) -> bool:
    """A death toll that rose or climbed to a number: the latest count of every death in the sentence."""
    t = trig.root
    verb = t.head if t.head.pos_ in ("VERB", "AUX") else t.head.head
    return kind_of(trig) == "toll" and verb.lemma_.lower() in TOLL_RISE_VERBS


def _toll_number(trig: Span) -> Amount | None:
    """Number a death toll reaches: "the toll rose to 45", "the death toll was 45", "bringing to 45"."""
    from extractors.normalize.numbers import parse_amount

    sent = trig.sent
    verb = trig.root.head
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    reached = child(to, "pobj") if to is not None else None
    if reached is not None and reached.like_num:  # "the death toll from ... rose to 38"
        return amount_of(reached)
    window = sent.doc[trig.end : min(sent.end, trig.end + 12)]
    for tok in window:
        if tok.like_num and tok.ent_type_ not in ("DATE", "TIME", "PERCENT"):
            return parse_amount(sent.doc[max(tok.i - 2, trig.end) : tok.i + 1].text)
    return None


def _wounded(trig: Span) -> tuple[Token | None, Amount | None]:
    """The wounded an injury word counts: its object or passive subject, the noun it modifies, a number."""
    t = trig.root
    if t.lemma_.lower() not in INJURY_LEMMAS and t.lower_ not in INJURY_LEMMAS:
        return None, None
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "from", "to"):
        return None, None  # "died of their wounds", "succumbed to injuries": the dead, not the wounded
    subj = child(t, "nsubj")
    candidates = [child(t, "dobj"), child(t, "nsubjpass")]
    if subj is not None and (subj.lemma_.lower() in PEOPLE_WORDS or t.pos_ != "VERB"):
        candidates.append(subj)  # "100 others sustained injuries"; not "a blast wounded ..."
    if t.dep_ in ("amod", "acl") or t.pos_ == "ADJ":
        candidates.append(t.head)
    if t.lower_ in ("injuries", "injury"):
        candidates.append(child(t.head, "nsubj"))
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        candidates.append(child(of, "pobj") if of is not None else None)  # "the injury of several others"
    candidates.append(_number_before(t))
    for victims in candidates:
        if victims is None or not _counted_people(victims):
            continue  # "we wish those injured a quick recovery": no one counted
        if (amount := amount_of(victims)) is not None:
            return victims, amount
    return None, None


def _counted_people(victims: Token) -> bool:
    """Whether a noun the wounded are read from counts people: "45 youths", "dozens", "many more";
    not "a quick recovery" or "those"."""
    if victims.like_num or victims.lower_ in VAGUE_AMOUNTS or _is_people(victims):
        return True
    numbered = any(c.dep_ in ("nummod", "quantmod") or c.lower_ in VAGUE_AMOUNTS for c in victims.children)
    return numbered or victims.pos_ not in ("NOUN", "PRON")


def _toll_actor(trig: Span) -> str | None:
    """ "the death toll from Saturday's bombing": only the attack can name a killer."""
    t = trig.root
    source = next((child(c, "pobj") for c in t.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if source is not None:
        return attacker_in(source)
    for c in t.head.children:  # "the toll rose to 12 after regime shelling": the attack after the rise
        cause = child(c, "pobj", "pcomp") if c.dep_ == "prep" and c.lower_ in TOLL_CAUSE_PREPS else c
        if cause is None or cause.dep_ not in ("advcl", "pobj", "pcomp"):
            continue
        if (
            cause.lemma_.lower() in DEADLY_ATTACK_NOUNS
        ):  # a parsed verb keeps its attacker as subject or agent
            s = (child(cause, "nsubj") or agent_of(cause)) if cause.pos_ == "VERB" else cause
            return attacker_in(s) if s is not None and s.pos_ != "PRON" and not _victim(s) else None
    return None


def _found_bodies(trig: Span) -> tuple[Token | None, Amount | None]:
    """ "police found 32 bodies", "14 bodies were recovered": counted bodies that someone came upon."""
    bodies = trig.root
    found = bodies.dep_ in ("dobj", "nsubjpass") and bodies.head.lemma_.lower() in BODY_FINDING_VERBS
    return _toll_of(trig, bodies) if found else (None, None)


def _nobody(trig: Span) -> None:
    """Who found or recovered bodies is not who killed them."""
    return None


def _killer(trig: Span) -> str | None:
    """Who killed: the `by` agent, the active subject, the attack that killed or the clause around it;
    else who held the dead captive."""
    return _killer_near(trig.root, victim_side=False) or _captor(trig.root)


def _captor(t: Token) -> str | None:
    """Who held the killed captives: "15 of the hostages taken by X were executed" -> X."""
    victims = child(t, "nsubjpass", "dobj")
    held: list[Token | None] = [victims]
    if victims is not None:  # "15 of the hostages"
        held += [child(c, "pobj") for c in victims.children if c.dep_ == "prep" and c.lower_ == "of"]
    for noun in filter(None, held):
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in CAPTIVE_VERBS):
            if (by := agent_of(acl)) is not None:
                return phrase(by)
    return None


def _killer_of_the_dead(trig: Span) -> str | None:
    """Who killed, when the trigger's subject is the victim ("five people died", "the unit lost 14")."""
    return _killer_near(trig.root, victim_side=True)


def _killer_of_the_named(trig: Span) -> str | None:
    """ "the United States' killing of X": the owner of a killing is the killer, of a death the victim."""
    t = trig.root
    owner = child(t, "poss")
    killing = t.lemma_.lower() in KILLING_NOUNS or t.lower_ in KILLING_NOUNS
    if killing and owner is not None and owner.pos_ != "PRON":
        words = [w for w in owner.subtree if w.tag_ != "POS"]  # "the army's" -> "the army"
        return owner.doc[words[0].i : words[-1].i + 1].text
    return _killer_of_the_dead(trig) or _announcer_of_its_execution(t)


def _announcer_of_its_execution(t: Token) -> str | None:
    """An armed side that announced an execution carried it out: "X announced the execution of 12
    prisoners"; a bystander that reports it ("rights groups said") is no side."""
    verb = t.head
    if t.dep_ != "dobj" or t.lemma_.lower() not in EXECUTION_NOUNS:
        return None
    if verb.lemma_.lower() not in EXECUTION_ANNOUNCING_VERBS:
        return None
    subj = child(verb, "nsubj")
    if subj is None or subj.pos_ == "PRON":
        return None
    found = canonical_actor(phrase(subj))
    return phrase(subj) if found is not None and found.type != CIVILIANS else None


def _killer_near(t: Token, *, victim_side: bool) -> str | None:
    """The killer named around a trigger, climbing at most six heads; with `victim_side` the trigger's
    own subject is a victim, never the killer."""
    if (accused := blamed_for(t)) is not None:
        return accused
    node = t
    for _ in range(6):
        agent = agent_of(node)
        conjoined = (c for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB")
        agent = agent or next((a for c in conjoined if (a := agent_of(c)) is not None), None)
        if agent is not None:  # "killed and two injured by an ISIL attack": the agent of both
            return attacker_in(agent)
        attack = node != t and node.pos_ == "NOUN" and node.lemma_.lower() in DEADLY_ATTACK_NOUNS
        if attack and (found := attacker_in(node)):
            return found  # "regime shelling of X, resulting in the death of three"
        subj = subject(node)
        # not who "suffered losses", nor what "is" ("The world is safer after the death of X")
        victim_subject = (node == t and victim_side) or node.lemma_.lower() in LOSS_VERBS | LINKING_VERBS
        # "Four gunmen opened fire, killing 9": counted attackers of the clause the killing hangs on
        attackers = subj is not None and node != t and _counted_attackers(subj)
        victim = subj is not None and _victim(subj) and not attackers
        if subj is not None and subj.pos_ != "PRON" and not victim_subject and not victim:
            owner = child(subj, "poss")
            if owner is not None and owner.pos_ == "PRON" and (force := reporting_force(node)) is not None:
                return force  # "the Taliban said its fighters killed 12": "its" is the Taliban
            return attacker_in(subj)  # not who "suffered losses, with 30 killed"
        if (found := _attack_that_resulted(node)) is not None:
            return found
        pronoun = subj is not None and subj.pos_ == "PRON" and node == t and not victim_side
        if pronoun and (force := reporting_force(node)) is not None:
            return force  # "the army said it killed 30": "it" is the army
        for c in node.subtree if node == t else node.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "following", "between"):
                obj = child(c, "pobj", "pcomp")  # "in shelling by X": the parser makes "shelling" a verb
                if obj is not None and obj.lemma_.lower() in COLLECTIVES and (of := child(obj, "prep")):
                    obj = child(of, "pobj") or obj  # "in a wave of X stabbings": the attacks are X's
                fight = c.lower_ == "between" and c.head.lemma_.lower() in DEADLY_ATTACK_NOUNS | {"fighting"}
                if obj is not None and (fight or obj.lemma_.lower() in DEADLY_ATTACK_NOUNS):
                    found = attacker_in(obj)
                    if found:
                        return found
        near = {node, *node.children, *(g for c in node.children if c.dep_ == "conj" for g in c.children)}
        clauses = [c for c in node.subtree if c.head in near]
        for c in clauses:  # "... killed and 20 wounded when a bomber blew himself up"
            if c.dep_ == "advcl" and c.lemma_.lower() not in REPORTING_VERBS:
                s = child(c, "nsubj")
                if s is not None and s.pos_ != "PRON" and not _victim(s):
                    return attacker_in(s)
                passive = child(c, "nsubjpass") is not None  # "... when their patrol was attacked by X"
                if (c.i < node.i or passive) and (by := agent_of(c)) is not None:
                    return attacker_in(by)  # "Shelling by X on the city killed three", "Shelling" as a verb
        if node.head == node or node.head.lemma_.lower() in REPORTING_VERBS | REACTION_VERBS:
            break  # the subject of "said" is the source, of "condemned" a bystander, not the killer
        if _siding_with(node.head):
            break  # who "stands with" the victims is a bystander
        node = node.head
    return None


def _siding_with(verb: Token) -> bool:
    """ "X stands with the people of Y", "sided with the families": solidarity, not a deed."""
    return verb.lemma_.lower() in SOLIDARITY_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children
    )


def _attack_that_resulted(node: Token) -> str | None:
    """The attacker of the attack deaths resulted from: "Army shelling on X resulted in the death of
    three" (the parser makes "shelling" a clausal subject), "This follows regime bombardments on X,
    resulting in the death of two" (the participle hangs on the verb whose object is the attack)."""
    if node.pos_ != "VERB" or node.lemma_.lower() not in RESULT_VERBS:
        return None
    attacks = [c for c in node.children if c.dep_ == "csubj"]
    if node.dep_ == "advcl" and child(node, "nsubj") is None:
        attacks += [c for c in node.head.children if c.dep_ in ("dobj", "ccomp") and c.i < node.i]
    for attack in attacks:
        if attack.lemma_.lower() not in DEADLY_ATTACK_NOUNS:
            continue
        if attack.pos_ == "NOUN":
            found = attacker_in(attack)
        else:  # "shelling" read as a verb keeps its attacker as subject or agent
            s = child(attack, "nsubj") or agent_of(attack)
            found = attacker_in(s) if s is not None and s.pos_ != "PRON" and not _victim(s) else None
        if found:
            return found
    return None


def _victim(noun: Token) -> bool:
    """Whether a noun names victims or their count ("two martyrs", "83 of them", "the toll"), not a killer."""
    if noun.lemma_.lower() in VICTIM_NOUNS or noun.lower_ in VICTIM_NOUNS:
        return True
    if noun.like_num or noun.pos_ == "NUM":
        return True
    counted = any(c.dep_ in ("nummod", "quantmod") for c in noun.children)
    return counted and _is_people(noun) and noun.ent_type_ not in ("ORG", "NORP", "GPE")


def _counted_attackers(noun: Token) -> bool:
    """Whether a counted noun names attackers ("gunmen", "insurgents"), who are no victims as the
    subject of what they did."""
    return noun.lower_ in ATTACKER_VICTIM_WORDS and not noun.like_num


def attacker_in(noun: Token) -> str | None:
    """The attacker inside a noun phrase: "regime air strikes" -> "regime", "a shell fired by X" -> X;
    an attack that names nobody ("the raid") has none."""
    if noun.lemma_.lower() not in DEADLY_ATTACK_NOUNS:
        if (party := laid_to(noun)) is not None:
            return party  # "the explosion, which X claimed"
        weapon = noun.lemma_.lower() in WEAPON_WORDS  # "a drone launched by X": who launched it
        launched = [agent_of(c) for c in noun.children if c.dep_ == "acl"] if weapon else []
        return next((phrase(by) for by in launched if by is not None), None) or with_affiliation(noun)
    linking = (
        ("by", "from", "between", "with")
        if noun.lemma_.lower() in COMBAT_NOUNS
        else ("by", "from", "between")
    )
    links = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in linking]
    acls = [c for c in noun.children if c.dep_ == "acl"]  # "a shell fired by X", "belonging to X"
    for verb in [*acls, *(c for a in acls for c in a.children if c.dep_ == "conj")]:
        if verb.lemma_.lower() not in AUTHORIZING_VERBS:  # "authorized by X and carried out by Y": Y
            links += [g for g in verb.children if g.dep_ in ("agent", "prep") and g.lower_ in ("by", "to")]
    for link in links:
        if (obj := child(link, "pobj")) is not None:
            return phrase(obj)
    if (party := laid_to(noun)) is not None:
        return party  # "a bombing blamed on the rebels"
    left = noun.doc[noun.left_edge.i : noun.i]  # "regime barrel bomb attacks": nested compounds
    naming = [
        c
        for c in left
        if c.ent_type_ in ("NORP", "GPE", "ORG") or c.lemma_.lower() in KILLER_SIDE_WORDS or _group_name(c)
    ]
    if not naming:
        return None  # "the raid", "a suicide bombing": an event is never its own actor
    placed = naming[0].i + 2 < noun.i and noun.doc[naming[0].i + 1].tag_ == "HYPH"
    if placed and noun.doc[naming[0].i + 2].lemma_.lower() in PLACING_VERBS:
        return naming[0].text  # "a Taliban-planted roadside bomb": who planted it
    # the phrase starts at its first word that is no article, number, or date ("today's terrorist attack")
    words = (t for t in left if t.dep_ != "det" and not t.is_punct and not t.like_num and t.tag_ != "POS")
    first = next((t for t in words if t.ent_type_ not in ("DATE", "TIME")), naming[0])
    # "a U.S.-led coalition air strike" -> "U.S.-led coalition", "the army's shelling" -> "the army"
    end = attacker_end(noun.doc, naming[0].i, noun.i, _weapon_word)
    return noun.doc[min(first.i, naming[0].left_edge.i) : end].text


def _group_name(word: Token) -> bool:
    """Whether a proper noun compound before an attack noun names an armed group the parser took for
    another kind of name ("a Boko Haram attack" read as a facility), or is an acronym the parser named
    nothing ("an ADF attack"; not a weapon: "an RPG attack")."""
    if word.dep_ != "compound":
        return False
    acronym = len(word.text) > 1 and word.text.isupper() and word.text.isalpha() and not word.ent_type_
    hyphened = word.i > 0 and word.doc[word.i - 1].text == "-"  # "a counter-X raid": X is the target
    if (
        acronym
        and not hyphened
        and word.i == word.head.i - 1
        and word.lower_ not in WEAPON_WORDS | WEAPON_ACRONYMS
    ):
        return True  # the parser reads an unknown acronym as a proper or a common noun
    if word.pos_ != "PROPN":
        return False
    name = word.doc[word.left_edge.i : word.i + 1].text
    found = canonical_actor(name)
    return found is not None and found.type != CIVILIANS


def _weapon_word(token: Token) -> bool:
    return (
        token.lemma_.lower() in WEAPON_WORDS
        or token.lower_ in WEAPON_WORDS
        or token.is_punct
        or token.dep_ == "cc"
    )


def _background(trig: Span, count: Amount | None) -> bool:
    """A war's whole toll, not one event: very large counts, a war or conflict as the killer, a vague
    toll laid to someone's charge; or deaths of no armed violence ("the stampede resulted in 56 deaths")."""
    if count is not None and count.value >= BACKGROUND_TOLL:
        return True
    t = trig.root
    subj = child(t, "nsubj")
    if (subj is not None and subj.lemma_.lower() in BACKGROUND_CAUSES) or _over_a_war(t) or _non_violent(t):
        return True
    # a killing someone "was responsible for" is an event only with a number of its own
    return is_blamed(t) and (count is None or (count.qualifier == "at_least" and count.value >= RECORD_TOLL))


def _over_a_war(t: Token) -> bool:
    """Deaths counted over a whole war or a span of years: "killed during the war", "throughout this
    five-year period", "since the start of the conflict"."""
    for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("during", "throughout", "since")):
        span = child(prep, "pobj")
        if span is not None and span.lemma_.lower() in ("start", "beginning", "outbreak"):
            of = next((c for c in span.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            span = child(of, "pobj") if of is not None else None
        if span is not None and span.lemma_.lower() in BACKGROUND_PERIODS:
            return True
    return False


def _non_violent(t: Token) -> bool:
    """Whether the cause of the deaths, as subject or "in"/"from" object up the trigger's clause, is no
    violence ("died in a stampede", "floods killed 12")."""
    for node in [t, *list(t.ancestors)[:4]]:
        causes = [child(node, "nsubj")]
        causes += [child(c, "pobj") for c in node.children if c.dep_ == "prep" and c.lower_ in ("in", "from")]
        if any(c is not None and c.lemma_.lower() in NON_VIOLENT_CAUSES for c in causes):
            return True
        if node.pos_ == "VERB":
            break
    return False


# Pattern kind -> its reader (extractors/patterns/casualties.jsonl)
READERS: dict[str, Reader] = {
    "kill": Reader(_killed_victims, _killer),
    "died": Reader(_died_victims, _killer_of_the_dead),
    "dead": Reader(_dead_victims, _killer_of_the_dead),
    "death_of": Reader(_death_of_victims, _killer_of_the_named),
    "toll": Reader(_toll_victims, _toll_actor),
    "claimed": Reader(_claimed_victims, _killer),
    "body": Reader(_killed_victims, _nobody),
    "found_bodies": Reader(_found_bodies, _nobody),
    "lost": Reader(_lost_victims, _killer_of_the_dead),
    INJURY: Reader(_wounded, _killer),
}
