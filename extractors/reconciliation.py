"""reconciliation events: reconciliation, settlement or surrender agreements that happened.

A sentence reports one when a party reconciled, settled its status, surrendered (a finite
verb, not "surrendering rebels" nor "to surrender"), an area came back under government
control, or a deal was made real: reached, signed, agreed, completed, or people left "under"
it. A truce or ceasefire deal counts only with a settlement cue in the same sentence
(evacuation, surrender, handing over control); calls, ultimatums, failed or negotiated deals
are not events. One sentence gives at most one reconciliation event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extractors.doc_state import is_parsed
from extractors.events import build_event, layout_of, places_of, sentences_with_triggers
from extractors.layout import ArticleLayout
from extractors.lexicon import (
    AMNESTY_FORMS,
    AMNESTY_TAKING_VERBS,
    ANAPHORIC_DEAL_NOUNS,
    ANNIVERSARY_NOUNS,
    ARMED_WORDS,
    BOTH_SIDES_WORDS,
    BUSINESS_PARTIES,
    CAPTIVE_WORDS,
    CONFLICT_SIDES,
    COUNTED_GROUP_NOUNS,
    COUNTRY_WORDS,
    CRIME_SUSPECTS,
    DEAL_DONE_VERBS,
    DEAL_LETTING_VERBS,
    DEAL_REMOVAL_WORDS,
    DEAL_SUBJECTS,
    DEAL_UNDER_PREPS,
    DEAL_WORDS,
    DEFINITE,
    DESTINATION_PREPS,
    DRAFT_HAPPENED_VERBS,
    ENTERING_VERBS,
    EVACUATED_FIGHTERS,
    GROUP_DESCRIPTORS,
    GROUP_NOUNS,
    HANDED_GROUND,
    KIN_WORDS,
    LONE_PERSON_NOUNS,
    MARKING_VERBS,
    NON_STATE_NAME_HEADS,
    PARTY_WORDS,
    PAUSE_WORDS,
    PEOPLE_WORDS,
    PERCEPTION_VERBS,
    PLACE_TYPE_RANK,
    POLICE_WORDS,
    POLITICAL_PARTY_MARKS,
    PURPOSE_MARKS,
    REACTION_VERBS,
    REAL_BASE_AUX,
    RECONCILING_PARTIES,
    REINTEGRATION_SCHEMES,
    SETTLEMENT_ACTS,
    SETTLEMENT_CUES,
    SETTLEMENT_DEAL_KINDS,
    SETTLEMENT_WITNESS_VERBS,
    SETTLING_PEOPLE,
    STATE_SIDE_WORDS,
    SURRENDERED_THINGS,
    TRUCE_WORDS,
    UNNAMED_FIGHTERS,
    VEHICLE_NOUNS,
    WITHDRAWAL_VERBS,
)
from extractors.normalize.actors import FOREIGN_STATE, STATE, canonical_actor, named_group_mentions
from extractors.normalize.countries import country_of
from extractors.normalize.numbers import COLLECTIVES, Amount, parse_amount
from extractors.normalize.places import is_known_place
from extractors.pattern_catalog import kind_of
from extractors.schema import Article, Event, EventType
from extractors.slots.amounts import amount_of, group_amount, own_amount
from extractors.slots.clauses import (
    child,
    is_background,
    is_generic,
    is_habitual,
    is_irrealis,
    is_name_word,
    phrase,
    reporting_verb,
)
from extractors.slots.when import find_date
from extractors.slots.where import Where, find_location, sentence_places
from extractors.slots.who import find_source
from extractors.speed.docviews import doc_sentences, span_entities

EVENT_TYPE: EventType = "reconciliation"
# Sentences after a settlement sentence where the group it only describes may be named.
NAME_SENTENCES_AFTER = 4
# How many sentences back "the two sides" may reach for the pair it stands for.
SIDES_SENTENCES_BACK = 2
Read = tuple[str | None, Token | None]  # (actor text, the people who settled)
Reader = Callable[[Span, set[str]], Read | None]  # (trigger, the sentence's lemmas and words)


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of this type in one parsed article."""
    layout = layout_of(doc, article)
    places = places_of(doc)
    events: list[Event] = []
    dated_told: set[str] = set()  # years of the deals named by their year so far
    for sent, spans in sentences_with_triggers(doc, article, EVENT_TYPE):
        if is_generic(sent):  # "every time the rebels surrender ...": a habit, no settlement
            continue
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        reads = [
            (s, p)
            for s in spans
            if not is_habitual(s.root)
            and not is_background(s.root)
            and not _recalled(s.root)
            and (p := READERS[kind_of(s)](s, lemmas)) is not None
            and (
                _dated_deal(s.root) is not None
                or _made_deal(s.root)
                or _told_deal(s.root)
                or kind_of(s)
                == "amnesty"  # its reader asks the accepting verb ("accepted the amnesty offer")
                or not is_irrealis(s.root)
            )
        ]
        # the party-naming trigger first; an evacuation only when nothing else reports it
        reads.sort(key=lambda sp: (kind_of(sp[0]) == "evacuation", sp[1][0] is None))
        for span, (actor, who) in reads[:1]:
            if (year := _dated_deal(span.root)) is not None and year in dated_told:
                continue  # "the 2015 peace agreement" again: the deal told before
            if year is not None:
                dated_told.add(year)
            if events and kind_of(span) == "evacuation" and not _new_deal(sent):
                continue  # "the evacuation was completed": the deal told before, carried out
            if who is not None and _is_place(who):  # "the town returned ... under a deal between A and B"
                actor, who = _deal_parties(sent) or (actor, who)
            if who is not None and (side := _armed_side(who)) is not None:
                actor, who = phrase(side), side  # "the government and FARC rebels signed": FARC settled
            if who is not None and who.lemma_.lower() in BOTH_SIDES_WORDS:
                # "the two sides": no count, the armed side if the sentence names it, else one named around it
                given = _giving_up(sent)
                around = None if given is not None else _side_told_around(sent)
                actor, who = given or (around if around is not None else actor, None)
            counted = _carried(who) if who is not None else None
            count = amount_of(counted) if counted is not None and _countable(counted) else None
            count = count or (group_amount(counted) if counted is not None else None)
            part = _partitive(sent) if who is not None else None
            if part is not None and part[0] == who and (count is None or count.qualifier == "exact"):
                count = part[2]  # "Around 300 of the gunmen": the hedge the parser left outside
            count = count or _people_count(sent)
            if (
                who is not None
                and who.lemma_.lower() in GROUP_NOUNS
                and not any(c.lower_ == "of" or c.dep_ == "appos" for c in who.children)
            ):
                count = None  # "three armed groups signed": groups, not people ("a group of 30 men" is)
            count = (_demobilized_people(span.root) if kind_of(span) == "demobilize" else None) or count
            target = _other_party(span)
            if who is not None and _is_state(who):  # the state side is the other party
                target = actor
                actor, who = _settling_side(sent, who)
            actor = _named_group(who, sent) or _uncounted(actor, who) or _moved_fighters(sent)
            if who is not None and _unnamed(who):
                actor = _group_named_around(sent) or actor
            sides = _counted_sides(who) or [(actor, count)]  # "130 X rebels and 122 Y militants": two
            events += [
                _apart(
                    build_event(
                        article,
                        EVENT_TYPE,
                        sent,
                        span,
                        find_date(sent, span.root, layout, ANAPHORIC_DEAL_NOUNS),
                        _where(sent, places, layout, span.root, who),
                        actor=side,
                        target=target,
                        count=side_count,
                        source=find_source(sent, span.root),
                    ),
                    side if len(sides) > 1 else None,
                )
                for side, side_count in sides
            ]
    return events


def _apart(event: Event, side: str | None) -> Event:
    """A settlement of one of several sides in one sentence: the side joins its id key, so each stays
    its own event."""
    return event if side is None else dataclasses.replace(event, id_part=side)


def _counted_sides(who: Token | None) -> list[tuple[str | None, Amount | None]]:
    """Armed groups joined in one subject, each with its own number ("130 X rebels and 122 Y militants
    surrendered"): each settled, with its count; none when one of them is uncounted or no armed group
    ("200 fighters and their families", "150 militants and 300 of their wives")."""
    if who is None or who.dep_ == "conj":
        return []
    nouns = _conjuncts(who)
    if len(nouns) == 1 and who.dep_ == "nsubj":  # the two subjects parsed apart, side by side
        nouns = [c for c in who.head.children if c.dep_ == "nsubj"]
    counted = [any(t.dep_ == "nummod" for t in n.subtree if t.i < n.i) for n in nouns]  # "122 Boko Haram X"
    counts = [own_amount(n) if c else None for n, c in zip(nouns, counted, strict=True)]
    armed = all(n.lemma_.lower() in ARMED_WORDS for n in nouns)
    if len(nouns) < 2 or not armed or any(c is None for c in counts):
        return []
    return [(_named_side(n), c) for n, c in zip(nouns, counts, strict=True)]


def _named_side(noun: Token) -> str:
    """A counted side without its number: "About 40 X fighters" -> "X fighters"."""
    words = list(noun.doc[noun.left_edge.i : noun.i + 1])
    while words[0] != noun and (words[0].like_num or words[0].dep_ in ("nummod", "quantmod", "advmod")):
        words = words[1:]
    return noun.doc[words[0].i : noun.i + 1].text


def _moved_fighters(sent: Span) -> str | None:
    """Armed men a deal moves out, the side that settled when no party is named ("a deal was
    announced to transport the rebels from X", "to allow the evacuation of civilians and rebels")."""
    for t in sent:
        if t.lemma_.lower() not in DEAL_REMOVAL_WORDS:
            continue
        if t.pos_ == "VERB":
            moved = child(t, "dobj") or child(t, "nsubjpass")
        else:
            moved = child(of, "pobj") if (of := child(t, "prep")) is not None and of.lower_ == "of" else None
        if moved is not None and any(h.lemma_.lower() in EVACUATED_FIGHTERS for h in _conjuncts(moved)):
            return phrase(moved)
    return None


def _read_surrender(span: Span, lemmas: set[str]) -> Read | None:
    """A surrender that happened (a finite verb): who surrendered."""
    t = span.root
    if t.tag_ == "VBG" and _witnessed(t):
        return _party(t)
    if t.pos_ != "VERB" or t.tag_ == "VBG" or not _real_base_form(t):
        return None  # "surrendering rebels", "to surrender", "either surrender or face": none happened
    if any(c.dep_ == "mark" and c.lower_ in PURPOSE_MARKS for c in t.children):
        return None  # "so they surrender": an aim
    given = child(t, "dobj") if t.lemma_.lower() == "surrender" else None  # not "demobilized N children"
    if given is not None and given.lemma_.lower() not in SURRENDERED_THINGS and not _is_place(given):
        return None  # "surrendered his passport": no ground, arms or self given up
    party = _party(t)
    return None if party[1] is not None and _lone_offender(party[1], t) else party


def _lone_offender(who: Token, verb: Token) -> bool:
    """One suspect giving himself up ("the suspect surrendered", "a man wanted for murder surrendered to
    police"): justice, not an armed side settling; an armed or named one ("a Taliban commander") is."""
    if who.tag_ != "NN" or any(is_name_word(t) or t.lemma_.lower() in ARMED_WORDS for t in who.subtree):
        return False
    if who.lemma_.lower() in CRIME_SUSPECTS:
        return True
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    taker = child(to, "pobj") if to is not None else None
    police = taker is not None and taker.lemma_.lower() in POLICE_WORDS
    return police and who.lemma_.lower() in LONE_PERSON_NOUNS


def _recalled(t: Token) -> bool:
    """A settlement the sentence remembers rather than reports: "the anniversary of the peace accord",
    "today marks ten years since the rebels signed the deal"."""
    for a in (t, *t.ancestors):
        if a.lemma_.lower() in ANNIVERSARY_NOUNS:
            return True
        since = any(c.dep_ == "mark" and c.lower_ == "since" for c in a.children)
        if a.dep_ == "advcl" and since and a.head.lemma_.lower() in MARKING_VERBS:
            return True
    return False


def _read_handover(span: Span, lemmas: set[str]) -> Read | None:
    """Ground a side handed over to the state ("the council handed over the villages west of X to the
    army"): the area went back to government control; who handed it over settled. Prisoners or bodies
    handed over, or a state handing ground to its own forces, are no settlement."""
    verb = span[0]
    if verb.pos_ != "VERB" or verb.tag_ == "VBG" or not _real_base_form(verb) or is_irrealis(verb):
        return None
    ground = child(verb, "dobj", "nsubjpass")
    of = next((c for c in ground.children if c.dep_ == "prep" and c.lower_ == "of"), None) if ground else None
    if of is not None and (held := child(of, "pobj")) is not None and held.lemma_.lower() in HANDED_GROUND:
        ground = held  # "a vast expanse of territory", "parts of the district"
    to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    side = child(to, "pobj") if to is not None else None
    named = ground is not None and ground.ent_type_ in ("GPE", "LOC")
    placed = named or ground is not None and ground.lemma_.lower() in HANDED_GROUND
    if not placed or side is None or not _is_state(side):
        return None
    party = _party(verb)
    return None if party[1] is not None and _is_state(party[1]) else party


def _read_demobilized(span: Span, lemmas: set[str]) -> Read | None:
    """Demobilized or reintegrated, told as a happening like a surrender; not "demobilized
    combatants", who someone is, nor "willing to be demobilized", an aim; "agreed to demobilize" is."""
    t = span.root
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    agreed = t.dep_ == "xcomp" and t.head.lemma_.lower() in DEAL_DONE_VERBS  # "agreed to demobilize"
    if t.dep_ == "amod" or (infinitive and not agreed):
        return None
    return _read_surrender(span, lemmas)


def _read_program(span: Span, lemmas: set[str]) -> Read | None:
    """People taken into a reintegration program or process ("were inducted into the Peace and
    Reintegration Program", "joined the reintegration process"): who entered it; not the program
    told as such ("the reintegration program began in 2010")."""
    program = span.root
    while program.dep_ in ("compound", "conj", "amod", "nmod") and program.head != program:
        program = program.head
    if program.lemma_.lower() not in REINTEGRATION_SCHEMES:
        return None
    into = program.head if program.dep_ == "pobj" and program.head.lower_ == "into" else None
    verb = into.head if into is not None else program.head
    entered = into is not None or (program.dep_ == "dobj" and verb.lemma_.lower() in ENTERING_VERBS)
    if not entered or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or is_irrealis(verb):
        return None
    return _party(verb)


def _read_amnesty(span: Span, lemmas: set[str]) -> Read | None:
    """An amnesty accepted ("rebel fighters accepted an amnesty deal"): who accepted it; an amnesty
    offered, announced or called for settles nobody yet."""
    amnesty = span.root
    if amnesty.dep_ == "compound" and amnesty.head.lemma_.lower() in DEAL_WORDS | AMNESTY_FORMS:
        amnesty = amnesty.head  # "an amnesty deal", "the amnesty offer"
    verb = amnesty.head
    accepted = amnesty.dep_ == "dobj" and verb.lemma_.lower() in AMNESTY_TAKING_VERBS
    if not accepted or verb.tag_ not in ("VBD", "VBN") or is_irrealis(verb):
        return None
    return _party(verb)


def _witnessed(gerund: Token) -> bool:
    """A gerund told as a happening: seen ("were seen surrendering") or with a subject of its own
    ("with the last gunmen surrendering themselves"); not "surrendering rebels" nor "on surrendering"."""
    head = gerund.head
    if gerund.dep_ == "xcomp" and head.lemma_.lower() in PERCEPTION_VERBS:
        return head.tag_ in ("VBD", "VBN") and not is_irrealis(head)
    return gerund.dep_ == "pcomp" and head.lower_ == "with" and child(gerund, "nsubj") is not None


def _real_base_form(verb: Token) -> bool:
    """A verb that is no bare infinitive or choice: any tense but the base form, or the base form
    after "did" or under a deal-making verb ("agreed to surrender", "have agreed to sign")."""
    if verb.tag_ != "VB" or child(verb, "nsubj") is not None:
        return True  # a subject makes it a present tense: "the government and the rebels sign a deal"
    if any(c.dep_ == "aux" and c.lower_ in REAL_BASE_AUX for c in verb.children):
        return True
    while verb.dep_ == "conj" and verb.head.tag_ == "VB":
        verb = verb.head  # "agreed to surrender and start negotiating"
    agreed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DEAL_DONE_VERBS
    return agreed and verb.head.tag_ != "VB"


def _read_evacuation(span: Span, lemmas: set[str]) -> Read | None:
    """An evacuation under terms between parties: who was evacuated or left."""
    t = span.root
    if _anchored(t):
        return None  # "After the evacuation, troops took the town": the evacuation only dates it
    verb = t if t.pos_ == "VERB" else _governing_verb(t)
    if verb.pos_ == "VERB" and not _real_base_form(verb):
        return None  # "gave the rebels a day to surrender and evacuate": an ultimatum
    cue = lemmas & {"control", "deal", "agreement", "surrender", "terms"}
    fighters_left = bool(lemmas & EVACUATED_FIGHTERS) and _happened(t)  # "300 rebels were evacuated"
    if not (cue and lemmas & PARTY_WORDS) and not fighters_left:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    evacuated = child(of, "pobj") if of is not None else None
    if t.pos_ == "NOUN" and evacuated is not None:  # "the evacuation of the last group of rebels"
        return phrase(evacuated), evacuated
    if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass"):
        return None, None  # "the evacuation began": the evacuation is no party
    return _party(t if t.pos_ == "VERB" else t.head)


def _conjuncts(noun: Token) -> list[Token]:
    """A noun and the nouns joined to it ("civilians and rebels")."""
    return [noun, *(c for c in noun.subtree if c.dep_ == "conj" and c.head == noun)]


def _happened(t: Token) -> bool:
    """An evacuation under way or done: "were evacuated", "the evacuation began"; not one planned."""
    if t.pos_ == "VERB":
        return t.tag_ in ("VBD", "VBN") and child(t, "aux") is None
    return t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in DRAFT_HAPPENED_VERBS


def _anchored(t: Token) -> bool:
    """A trigger under "after", "before", "since" or "until" only dates another event ("a day after the
    suburb was evacuated")."""
    anchors = ("after", "before", "since", "until")
    marked = any(c.dep_ == "mark" and c.lower_ in anchors for c in t.children)
    return marked or any(a.lower_ in anchors for a in t.ancestors)


def _read_defect(span: Span, lemmas: set[str]) -> Read | None:
    """Defected to the government or the regime, no armed force (joining one is recruitment): who did."""
    t = span.root
    to = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    side = child(to, "pobj") if to is not None else None
    if t.pos_ != "VERB" or side is None or side.lemma_.lower() not in STATE_SIDE_WORDS - ARMED_WORDS:
        return None
    if any(w.lemma_.lower() in ARMED_WORDS for w in side.subtree):
        return None  # "defected to government forces": a recruitment
    return _party(t) if _real_base_form(t) else None


def _read_deal(span: Span, lemmas: set[str]) -> Read | None:
    """A deal between parties that was made real (`_deal`)."""
    named = any(e.label_ in ("ORG", "NORP", "GPE") for e in span_entities(span.sent))
    acts = {t.lemma_.lower() for t in span.sent if t.i != span.root.i} & SETTLEMENT_ACTS
    parties = lemmas & PARTY_WORDS or named or acts  # "an evacuation deal": armed men left
    if not parties or _other_kind(span.root):  # "the bank completed the reconciliation of accounts"
        return None
    if _swaps_captives(span.root, lemmas):
        return None
    read = _deal(span, lemmas)
    if read is not None and (_between_countries(read[1], span.sent) or _unarmed_dealers(read[1], span.sent)):
        return None
    return read


def _swaps_captives(deal: Token, lemmas: set[str]) -> bool:
    """A deal told by the prisoners it exchanges or frees ("swapped prisoners under a deal", "a deal to
    release the hostages"): an exchange, unless the sentence also has fighters giving up or leaving."""
    if lemmas & SETTLEMENT_ACTS:
        return False
    verbs = [c for c in deal.children if c.dep_ in ("acl", "relcl")]
    if deal.dep_ == "pobj":
        verbs.append(_governing_verb(deal.head))
    moved = [o for v in verbs for o in v.children if o.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in CAPTIVE_WORDS for o in moved)


def _unarmed_dealers(who: Token | None, sent: Span) -> bool:
    """A deal among companies or political parties ("the opposition parties signed an agreement"), with
    no armed side or government among them: business or politics, no settlement."""
    if who is None:
        return False
    parties = _dealers(who, sent)
    return any(map(_unarmed_dealer, parties)) and not any(
        p.lemma_.lower() in ARMED_WORDS | CONFLICT_SIDES - {"party"} or _is_state(p) for p in parties
    )


def _dealers(who: Token, sent: Span) -> list[Token]:
    """Who made a deal: its subject and those joined to it, and whoever it was made "with"."""
    return _conjuncts(who) + [o for t in sent if t.lower_ == "with" and (o := child(t, "pobj")) is not None]


def _unarmed_dealer(party: Token) -> bool:
    """A company, or a political party: "party" with a political word or a name before it."""
    if party.lemma_.lower() in BUSINESS_PARTIES:
        return True
    marks = [c for c in party.children if c.dep_ in ("compound", "amod")]
    political = any(c.lemma_.lower() in POLITICAL_PARTY_MARKS or c.pos_ == "PROPN" for c in marks)
    return party.lemma_.lower() == "party" and political


def _other_kind(deal: Token) -> bool:
    """A deal its own noun names as no settlement: "a trade agreement", "a prisoner swap deal", "an
    agreement on the election date"; not "a peace deal", "the evacuation agreement", "the four towns
    deal", "the Astana deal" nor "an agreement on a ceasefire"."""
    if deal.dep_ == "compound" and deal.head.lemma_.lower() in DEAL_WORDS:
        deal = deal.head  # "reconciliation deal": the deal's kinds are its compounds
    on = next((c for c in deal.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    subject = child(on, "pobj") if on is not None else None
    if subject is not None and subject.lemma_.lower() not in DEAL_SUBJECTS and not subject.ent_type_:
        return True
    kinds = SETTLEMENT_DEAL_KINDS | PARTY_WORDS | CONFLICT_SIDES | PLACE_TYPE_RANK.keys()
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() not in kinds
        for c in deal.lefts
    )


def _between_countries(who: Token | None, sent: Span) -> bool:
    """A deal whose parties are all countries ("Sudan and Chad signed a deal", "the two countries agreed",
    "X signed a deal with Y"): between states, no side settling with its government."""
    if who is None:
        return False
    parties = _dealers(who, sent)
    return (len(parties) > 1 or who.lemma_.lower() in COUNTRY_WORDS) and all(map(_country, parties))


def _country(token: Token) -> bool:
    """A country as a party: named ("Chad") or as a kind ("the two countries")."""
    named = token.ent_type_ == "GPE" and bool(country_of(token.text))
    return named or token.lemma_.lower() in COUNTRY_WORDS


def _read_reconciled(span: Span, lemmas: set[str]) -> Read | None:
    """An armed, governing or area party reconciled; not fans, clubs or accounts."""
    named_side = any(e.label_ in ("NORP", "ORG") for e in span_entities(span.sent))
    if not (lemmas & RECONCILING_PARTIES or named_side):
        return None  # "fans of both clubs reconciled", "she reconciled the accounts"
    if span.root.dep_ == "amod":
        return None  # "a reconciled commander was killed": who someone is, not a settlement now
    return _read_settled(span, lemmas)


def _read_settled(span: Span, lemmas: set[str]) -> Read | None:
    """Settled their status, back under government control, laid down arms: who did."""
    t = span.root
    if t.pos_ == "VERB" and t.tag_ == "VB" and child(t, "aux") is not None:
        return None  # "to reconcile", an aim
    return _party(t if t.pos_ in ("VERB", "AUX") else _governing_verb(t))


def _deal(span: Span, lemmas: set[str]) -> Read | None:
    """A deal reached, signed, completed or witnessed, or people moving under it: its parties; a truce
    only with a settlement cue in the sentence."""
    t = span.root
    if t.dep_ in ("compound", "amod") and t.head.pos_ == "NOUN":
        t = t.head  # "reconciliation deal", "disarmament process"
    if _dated_deal(t) is not None:
        between = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        parties = child(between, "pobj") if between is not None else None
        return (phrase(parties), parties) if parties is not None else (None, None)
    before = t.doc[max(t.i - 3, t.sent.start) : t.i]  # "a ceasefire deal" even when parsed apart
    words = {c.lemma_.lower() for c in (*t.subtree, *before)} | {t.head.lemma_.lower()}
    truce = bool(words & TRUCE_WORDS)
    if truce and not (lemmas & SETTLEMENT_CUES) - {"settlement", "peace", "control"}:
        return None
    modifiers = [m for c in t.lefts if c.dep_ != "det" for m in c.subtree]
    if truce and any(m.ent_type_ in ("DATE", "TIME") or m.lower_ in PAUSE_WORDS for m in modifiers):
        return None  # "a three-day humanitarian truce": a pause in the fighting, nobody settled
    done = DEAL_DONE_VERBS | SETTLEMENT_WITNESS_VERBS
    if t.lower_ in ("reconciliation",) and t.head.lemma_.lower() not in done:
        return None
    verb = t.head
    if verb.pos_ in ("VERB", "AUX") and not _real_base_form(verb):
        return None  # "stay and reach a settlement", "urged to reach an agreement"
    witnessed = t.dep_ == "dobj" and verb.lemma_.lower() in SETTLEMENT_WITNESS_VERBS
    if witnessed or t.dep_ in ("dobj", "nsubjpass", "attr") and verb.lemma_.lower() in DEAL_DONE_VERBS:
        if child(verb, "nsubjpass") == t:
            return _between(t) or _between(verb) or (None, None)
        party = _party(verb)
        return party if party[0] is not None else (_between(t) or party)  # "on signing a deal with X"
    if any(c.dep_ == "acl" and c.lemma_.lower() in DEAL_DONE_VERBS for c in t.children):
        return _between(t) or (None, None)
    if t.dep_ == "pobj" and verb.lower_ in DEAL_UNDER_PREPS and lemmas & SETTLEMENT_CUES:
        action = verb.head
        if action.pos_ == "NOUN":
            action = _governing_verb(action)
        party = _party(action)
        return party if party[0] is not None else (_between(t) or party)  # "a deal involving X and Y"
    if t.dep_ == "nsubj" and verb.lemma_.lower() in DEAL_LETTING_VERBS and verb.tag_ == "VBD":
        let = child(verb, "dobj") or child(child(verb, "ccomp", "xcomp") or verb, "nsubj")
        return (phrase(let), let) if let is not None and let.i != t.i else (None, None)
    if t.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in DEAL_DONE_VERBS:
        return _party(verb.head)  # "the insurgents agreed to a deal"
    if t.dep_ == "pobj" and verb.lower_ == "on" and verb.head.lemma_.lower() in ("agreement", "deal"):
        return _deal(span.doc[verb.head.i : verb.head.i + 1], lemmas)
    return None


def _made_deal(deal: Token) -> bool:
    """A deal whose own participle says it was made ("under the agreement reached on Friday, 400
    fighters will leave"), or that let people move: real, whatever the clause around it plans."""
    if deal.lemma_.lower() not in DEAL_WORDS:
        return False
    verb = deal.head
    letting = deal.dep_ == "nsubj" and verb.lemma_.lower() in DEAL_LETTING_VERBS and verb.tag_ == "VBD"
    let = child(verb, "dobj") if letting and child(verb, "neg") is None else None
    if let is not None and any(c.dep_ == "nummod" for c in let.children):
        return True  # "the agreement allowed 800 rebels to leave"; not a deal told again for what it let
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in DEAL_DONE_VERBS for c in deal.children
    )


def _told_deal(deal: Token) -> bool:
    """The deal told before, that people move under ("Under the deal, 1,500 fighters will be
    evacuated"): made, whatever the clause plans; its count joins it."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in deal.children)
    under = deal.dep_ == "pobj" and deal.head.lower_ == "under"
    return deal.lemma_.lower() in DEAL_WORDS and definite and under and deal.head.i < deal.i


def _giving_up(sent: Span) -> Read | None:
    """The named side that surrenders, hands over or leaves in the sentence: "a truce between the two
    factions, with the X Brigade surrendering its posts"."""
    for tok in sent:
        subj = child(tok, "nsubj") if tok.lemma_.lower() in SETTLEMENT_CUES else None
        if subj is not None and subj.pos_ == "PROPN" and not _is_state(subj):
            return phrase(subj), subj
    return None


def _side_told_around(sent: Span) -> str | None:
    """The armed side "the two sides" stands for: the non-state party of a pair named in the two
    sentences before ("talks between the army and X ... the two sides reached a deal") or the named
    armed group last named there, else the side the next sentence has leave or give up ("Under the
    deal, the remaining rebels are to withdraw")."""
    sentences = doc_sentences(sent.doc)
    here = next((i for i, s in enumerate(sentences) if s.start == sent.start), None)
    if here is None:
        return None
    for before in reversed(sentences[max(0, here - SIDES_SENTENCES_BACK) : here]):
        pairs = [t for t in before if any(c.dep_ == "conj" for c in t.children)]
        side = next((a for t in pairs if (a := _armed_side(t)) is not None and _names_a_side(a)), None)
        if side is not None:
            return phrase(side)
        if groups := named_group_mentions(before.text):  # a sentence the parser skipped: its last named group
            return before.text[groups[-1].start : groups[-1].end]
    for after in sentences[here + 1 : here + 2]:
        for tok in after:
            if tok.lemma_.lower() not in SETTLEMENT_CUES | WITHDRAWAL_VERBS or tok.pos_ != "VERB":
                continue
            subj = child(tok, "nsubj") or (child(tok.head, "nsubj") if tok.dep_ == "xcomp" else None)
            if subj is not None and _names_a_side(subj):  # "the rebels are to withdraw"
                return phrase(subj)
    return None


def _names_a_side(t: Token) -> bool:
    """A non-state side by name or kind ("the Free Syrian Army", "the remaining rebels")."""
    return (t.pos_ == "PROPN" or t.lemma_.lower() in CONFLICT_SIDES) and not _is_state(t)


def _dated_deal(deal: Token) -> str | None:
    """The year of a peace or settlement deal named by it ("the 2018 peace agreement", "a 2015 peace
    accord ... failed"): it was made that year, whatever the sentence says of it since."""
    mods = [c for c in deal.lefts if c.dep_ in ("compound", "amod", "nummod", "nmod")]
    years = (c.text for c in mods if c.like_num and len(c.text) == 4 and c.text[:2] in ("19", "20"))
    settling = any(c.lemma_.lower() in SETTLEMENT_CUES for c in mods)
    return next(years, None) if deal.lemma_.lower() in DEAL_WORDS and settling else None


def _settling_side(sent: Span, state: Token) -> Read:
    """Who settled when the subject is the state, which never does: the side coordinated with it
    ("the government of Colombia and FARC", "local leaders and the government" parsed apart), for "the
    army reached a deal with the rebels" the rebels, for "the SDF said a deal was reached with the
    government" the speaker; else the subject as written, which is all the sentence gives."""
    before = state.doc[state.left_edge.i - 1] if state.left_edge.i > sent.start + 1 else None
    joined = state.doc[before.i - 1] if before is not None and before.dep_ == "cc" else None
    for side in (*(t for t in state.subtree if t.dep_ == "conj"), *filter(None, [joined])):
        if (side.pos_ == "PROPN" or side.lemma_.lower() in CONFLICT_SIDES) and not _is_state(side):
            return phrase(side), side
    for tok in sent:
        dealt = tok.head.lemma_.lower() in DEAL_WORDS | DEAL_DONE_VERBS  # "a deal with X", "signed with X"
        obj = child(tok, "pobj") if tok.lower_ == "with" and dealt else None
        if obj is not None and obj.lemma_.lower() in CONFLICT_SIDES and not _is_state(obj):
            return phrase(obj), obj
    for tok in sent:
        subj = child(tok, "nsubj") if reporting_verb(tok) else None
        if subj is not None and subj.pos_ == "PROPN" and not _is_state(subj):
            return phrase(subj), subj
    return phrase(state), state


def _named_group(who: Token | None, sent: Span) -> str | None:
    """The name of a group the sentence only describes ("the country's largest rebel group"): its
    apposition, else the first non-state group named in the sentence or the next few."""
    if who is None or who.pos_ == "PROPN":
        return None
    described = next((t for t in who.subtree if t.lemma_.lower() in GROUP_DESCRIPTORS), None)
    if described is None or any(t.pos_ == "PROPN" for t in who.subtree if t.dep_ != "appos"):
        return None
    if (appos := child(described, "appos")) is not None and appos.pos_ == "PROPN":
        return phrase(appos)
    after = [s for s in doc_sentences(sent.doc) if s.start >= sent.start][: NAME_SENTENCES_AFTER + 1]
    for s in after:
        for ent in span_entities(s):
            if ent.label_ == "ORG" and ent.start >= who.i and _non_state_name(ent):
                return ent.text
    return None


def _unnamed(who: Token) -> bool:
    """Armed men the sentence names by no side ("some 2,000 fighters", "the gunmen")."""
    named = any(is_name_word(t) for t in who.subtree)
    kind = any(c.lemma_.lower() in ARMED_WORDS for c in who.children if c.dep_ in ("amod", "compound"))
    return who.lemma_.lower() in UNNAMED_FIGHTERS and not named and not kind  # "rebel fighters" say a side


def _group_named_around(sent: Span) -> str | None:
    """The one non-state armed group the sentences just before and after name ("The last bloc of
    Colombian paramilitaries began demobilizing. Some 2,000 fighters laid down their arms"; "170
    fighters surrendered. They are members of the X Front militia"); None when they name none or two."""
    sentences = doc_sentences(sent.doc)
    here = next((i for i, s in enumerate(sentences) if s.start == sent.start), None)
    if here is None:
        return None
    names: list[str] = []
    for near in sentences[max(0, here - 1) : here] + sentences[here + 1 : here + 2]:
        names += [near.text[m.start : m.end] for m in named_group_mentions(near.text)]
        for t in near if is_parsed(near) else ():  # a sentence the parser skipped: the actor table's names
            mods = [c for c in t.lefts if c.dep_ in ("compound", "amod") and is_name_word(c)]
            if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ARMED_WORDS and mods and not _is_state(t):
                names.append(t.doc[mods[0].left_edge.i : t.i + 1].text)
    longest = {n.lower() for n in names if not any(n.lower() in o.lower() and n != o for o in names)}
    return next(n for n in names if n.lower() in longest) if len(longest) == 1 else None


def _non_state_name(ent: Span) -> bool:
    """A name only armed groups carry ("Liberation Front"), or one the actor table knows as non-state."""
    if ent.root.lower_ in NON_STATE_NAME_HEADS:
        return True
    actor = canonical_actor(ent.text)
    return ent.root.lower_ == "forces" and actor is not None and actor.type not in (STATE, FOREIGN_STATE)


def _uncounted(actor: str | None, who: Token | None) -> str | None:
    """The party without its count, which is the count slot's: "around 300 rebel fighters" -> "rebel
    fighters"; a bare number ("25 were evacuated") names no party."""
    if who is None or actor is None:
        return actor
    of = next((c for c in who.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and who.lemma_.lower() in COUNTED_GROUP_NOUNS and (members := child(of, "pobj")):
        return _uncounted(phrase(members), members)  # "a total of 47 militants" -> "militants"
    people = child(of, "pobj") if of is not None and parse_amount(who.lower_) is not None else None
    if people is not None and not who.like_num:
        return phrase(people)  # "dozens of gunmen" -> "gunmen"
    if who.like_num:  # a partitive ("300 of the gunmen") already names its people
        return None if actor.split()[-1] == who.text else actor
    num = child(who, "nummod")
    if num is None:
        return actor
    counted = who.doc[num.left_edge.i : num.i + 1].text
    return actor[len(counted) :].strip() or None if actor.startswith(counted) else actor


def _new_deal(sent: Span) -> bool:
    """A deal the sentence brings in: "a deal", "another agreement"; not "the deal" told before."""
    deals = (t for t in sent if t.lemma_.lower() in DEAL_WORDS)
    return any(not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in t.children) for t in deals)


def _where(sent: Span, places: list[Span], layout: ArticleLayout, trigger: Token, who: Token | None) -> Where:
    """A named place that reconciled ("Al-Tall reconciled with the government") is where it happened."""
    where = find_location(sent, places, layout, trigger)
    mentions = sentence_places(sent, places)
    bound = {m.name for m in mentions if _destination(sent.doc[m.end - 1])}
    left = sorted((m for m in mentions if m.name not in bound), key=lambda m: (m.rank, m.start))
    if where.name in bound and left:  # "stay in X, while 25 were evacuated to the town of Y": not Y
        where = Where(left[0].name, "sentence", where.country)
    if who is None or who.pos_ != "PROPN":
        return where
    name = who.doc[who.left_edge.i : who.i + 1].text
    if not is_known_place(name) or country_of(name) or not name[:1].isupper():
        return where
    return Where(name, "sentence", where.country)


def _destination(token: Token) -> bool:
    """A place word inside "to X", "for X", "towards X" ("bussed to Idlib", "leaving for the town of X")."""
    for _ in range(6):
        if token.dep_ == "prep" and token.lower_ in DESTINATION_PREPS:
            return True
        if token.dep_ not in ("compound", "amod", "pobj", "appos", "conj", "prep") or token.head == token:
            return False
        if token.dep_ == "prep" and token.lower_ != "of":
            return False
        token = token.head
    return False


def _deal_parties(sent: Span) -> tuple[str | None, Token | None] | None:
    """The parties of the first "deal between X and Y" of a sentence."""
    deals = [t for t in sent if t.lemma_.lower() in DEAL_WORDS]
    deals = [t for t in deals if not any(c.lower_ == "with" for c in t.children)]  # "with X": place settled
    return next(filter(None, map(_between, deals)), None)


def _armed_side(parties: Token) -> Token | None:
    """The other side of a state in "the government and the rebels", "Colombia and the FARC": the
    party that settles with the state; None unless one conjunct is a state and one is not."""
    conjuncts = [parties, *parties.conjuncts]
    states = [t for t in conjuncts if _is_state(t)]
    others = [t for t in conjuncts if not _is_state(t)]
    return others[0] if len(conjuncts) == 2 and len(states) == 1 and others else None


def _is_state(token: Token) -> bool:
    """A government side: its government, president or army ("President Juan Santos", "pro-government
    forces"), or the country itself."""
    titles = (c for c in token.children if c.dep_ in ("compound", "amod"))
    titled = any(c.lemma_.lower() in STATE_SIDE_WORDS for c in titles)
    return (
        titled
        or token.lemma_.lower() in STATE_SIDE_WORDS
        or (token.ent_type_ == "GPE" and bool(country_of(token.text)))
    )


def _is_place(token: Token) -> bool:
    """A place named as the side that settled: it stands for the parties of the deal, when named."""
    return token.lemma_.lower() in PLACE_TYPE_RANK or token.ent_type_ in ("GPE", "LOC", "FAC")


def _countable(who: Token) -> bool:
    """People, a group or a number: "Hundreds of gunmen settled", "150 rebels left", "a total of 90 men"."""
    plural = who.tag_ == "NNS" or who.like_num or who.lower_ in COLLECTIVES
    return plural or who.lemma_.lower() in PEOPLE_WORDS


def _carried(who: Token) -> Token | None:
    """The people whose number counts the side: vehicles stand for the people they carry ("5 buses
    carrying 210 fighters left": 210), none when those are not named or counted apart."""
    if who.lemma_.lower() not in VEHICLE_NOUNS:
        return who
    return next((o for c in who.children if c.dep_ == "acl" and (o := child(c, "dobj")) is not None), None)


def _partitive(sent: Span) -> tuple[Token, Token, Amount | None] | None:
    """ "Around 300 of the gunmen" -> (300, gunmen, 300 approx), whatever the parser did with "Around"."""
    for tok in sent:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = child(of, "pobj") if of is not None and tok.like_num else None
        kin = people is not None and any(w.lemma_.lower() in KIN_WORDS for w in people.subtree)
        if people is not None and people.lemma_.lower() in SETTLING_PEOPLE | CONFLICT_SIDES and not kin:
            lo = tok.i - 1 if tok.i > sent.start else tok.i  # "around", "some", "nearly"
            return tok, people, parse_amount(tok.doc[lo : tok.i + 1].text) or parse_amount(tok.text)
    return None


def _demobilized_people(verb: Token) -> Amount | None:
    """The people a side demobilized, counted on the verb's object ("the groups agreed to demobilize
    thousands of children": thousands, not the groups)."""
    people = child(verb, "dobj") if verb.pos_ == "VERB" else None
    return amount_of(people) if people is not None else None


def _people_count(sent: Span) -> Amount | None:
    """How many people settled or left, from the first counted group of people in the sentence; armed
    men before others ("4,000 people left, including 250 fighters": the fighters settled)."""
    if (part := _partitive(sent)) is not None:
        return part[2]
    counted = [t for t in sent if any(c.dep_ in ("nummod", "quantmod") for c in t.children)]
    if (armed := next((t for t in counted if t.lemma_.lower() in EVACUATED_FIGHTERS), None)) is not None:
        return own_amount(armed)  # "250 fighters and 3,500 of their family members": the fighters
    tok = next((t for t in counted if t.lemma_.lower() in SETTLING_PEOPLE), None)
    return amount_of(tok) if tok is not None else None


def _governing_verb(t: Token) -> Token:
    node = t
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return node


def _party(verb: Token) -> tuple[str | None, Token | None]:
    """Subject of the settling verb: who reconciled, surrendered, agreed or left; the armed men a
    deal moves out when the verb moves them ("buses evacuated 400 gunmen").

    A pronoun subject stands for the nearest armed side named before it in the sentence
    ("under the control of the armed opposition before they reconciled"); failing that, the
    search moves to the enclosing clause.
    """
    moved = child(verb, "dobj") if verb.lemma_.lower() in DEAL_REMOVAL_WORDS else None
    if moved is not None and any(h.lemma_.lower() in EVACUATED_FIGHTERS for h in _conjuncts(moved)):
        return phrase(moved), moved  # "the convoy evacuated 300 rebel fighters": the fighters settled
    subj = child(verb, "nsubj", "nsubjpass")
    if subj is not None and subj.pos_ == "PRON" and not _relative(subj):
        antecedent = next(
            (
                t
                for t in reversed(subj.sent[: subj.i - subj.sent.start])
                if t.lemma_.lower() in CONFLICT_SIDES
            ),
            None,
        )
        if antecedent is not None:
            return phrase(antecedent), antecedent
    part = _partitive(verb.sent)
    if subj is None and part is not None and part[0].i < verb.i:  # "Around 300 of the gunmen settled"
        return phrase(part[1]), part[0]
    for _ in range(3):
        subj = child(verb, "nsubj", "nsubjpass")
        subj = None if subj is not None and _relative(subj) else subj  # "a native who defected": the native
        if subj is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subj = verb.head
        if subj is None and verb.dep_ in ("xcomp", "conj", "advcl", "ccomp"):
            subj = child(verb.head, "nsubj", "nsubjpass")
        subj = _described(subj) if subj is not None else None
        if verb.lemma_.lower() in REACTION_VERBS:
            break  # who welcomed or congratulated a settlement is no party to it
        if subj is not None and subj.pos_ != "PRON" and subj.lemma_.lower() not in DEAL_WORDS:
            return phrase(subj), subj
        verb = _governing_verb(verb.head) if verb.head != verb else verb
    return None, None


def _relative(pronoun: Token) -> bool:
    return pronoun.tag_ in ("WP", "WDT") and pronoun.head.dep_ == "relcl"


def _described(noun: Token) -> Token:
    """The subject a predicate noun describes: "X is a former commander who defected" -> X."""
    top = noun
    while top.dep_ == "conj" and top.head != top:
        top = top.head
    subj = child(top.head, "nsubj") if top.dep_ == "attr" else None
    return subj if subj is not None else noun


def _between(t: Token) -> tuple[str | None, Token | None] | None:
    """Parties of "a deal between X and Y"."""
    for c in t.children:
        linking = c.dep_ in ("prep", "acl") and c.lower_ in ("between", "with", "involving", "including")
        if linking and (o := child(c, "pobj", "dobj")) is not None:
            return phrase(o), o
    return None


def _other_party(span: Span) -> str | None:
    """The party settled with: "with the government", "with the regime"."""
    for tok in span.sent:
        if tok.lower_ == "with" and (o := child(tok, "pobj")) is not None and o.lemma_.lower() in PARTY_WORDS:
            return phrase(o)
    return None


# Pattern kind -> its reader (extractors/patterns/reconciliation.jsonl)
READERS: dict[str, Reader] = {
    "event": _read_settled,
    "reconcile": _read_reconciled,
    "surrender": _read_surrender,
    "evacuation": _read_evacuation,
    "deal": _read_deal,
    "defect": _read_defect,
    "demobilize": _read_demobilized,
    "program": _read_program,
    "amnesty": _read_amnesty,
    "handover": _read_handover,
}
