"""Casualties that point back at an air strike take its slots.

"Jets bombed X on Sunday, the army said, adding that nine militants were killed": the toll has no agent
of its own, the strike in the same sentence has one. "The raid killed nine fighters" after a sentence
reporting the raid: "the raid" is that strike, so the toll shares its date, place and force unless its
own sentence states them; "died during the raid" after "a raid by US special forces" takes that attacker
even when the raid was no air strike. An article whose attributed strikes all name one force (a Pentagon
release, a report on one coalition's campaign) names that force for its strikes told without one ("the
last strike killed one terrorist"). A group that "claimed responsibility" in the sentence before or one
of the next is the killer of a toll told without a named one ("A car bomb killed 12 ... Al-Shabaab
claimed responsibility"). An actor that only points back ("they", "the group", "the rest of the
militants") is the armed group named last before it, in its sentence or the two before ("... between the
army and ISIL after the militants agreed to surrender").
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extractors.casualties import attacker_in
from extractors.doc_state import is_parsed
from extractors.lexicon import (
    ANAPHORIC_ATTACK_NOUNS,
    ATTACKER_VICTIM_WORDS,
    ATTRIBUTION_VERBS,
    BACK_POINTING_ACTOR_WORDS,
    BACK_POINTING_HEADS,
    CLAIM_ADJECTIVE_PREPS,
    CLAIM_ADJECTIVES,
    CLAIM_DEED_WORDS,
    CLAIM_DENIALS,
    CLAIM_OBJECTS,
    CLAIM_VERBS,
    CLAIMED_DETERMINERS,
    DEFINITE,
    DEMONSTRATIVES,
    GROUP_NAME_ENDS,
    STRIKE_CONDUCT_VERBS,
    TOLL_ANTECEDENT_ATTACK_VERBS,
    WEAPON_WORDS,
)
from extractors.merge import DATE_SLOTS
from extractors.normalize.actors import (
    CIVILIANS,
    NON_STATE_TYPES,
    Actor,
    canonical_actor,
    named_group_mentions,
)
from extractors.schema import Event
from extractors.slots.clauses import child, phrase
from extractors.slots.who import agent_of
from extractors.speed.docviews import doc_sentences, doc_text

# How many sentences back a "the raid" may reach for its strike, and a claim for its attack.
MAX_SENTENCES_BACK = 2
# How many words may stand between the determiner of a claimed attack and its noun.
MAX_CLAIM_MODIFIERS = 3
# Groups whose claim names a killer: a named non-state group, not "gunmen".
NAMED_ARMED_TYPES = NON_STATE_TYPES - {"unidentified"}
# The words at which an attack is laid to a group ("attributed ... to X", "claimed by X").
LAYING_VERBS = ATTRIBUTION_VERBS | CLAIM_VERBS
_PLACE_SLOTS = ("location", "location_source", "location_parent", "country")
# The words a claim is read from (`_claimant`), as the string ids `Doc.to_array(LOWER)` gives.
_CLAIM_WORD_IDS = frozenset(get_string_id(w) for w in LAYING_VERBS | CLAIM_ADJECTIVES | CLAIM_DEED_WORDS)


def strikes_of_one_force(events: list[Event]) -> list[Event]:
    """Air strikes without an actor take the force every attributed strike of the article names,
    as the nearest attributed strike before writes it (the body's "U.S.", not the headline's "US")."""
    named = _one_side_named([e for e in events if e.event_type == "air_strike"])
    if named is None:
        return events
    return [
        dataclasses.replace(e, actor=_written_before(named, e.evidence_start))
        if e.event_type == "air_strike" and e.actor is None
        else e
        for e in events
    ]


def _one_side_named(
    attacks: list[Event], counts: Callable[[Actor], bool] = lambda actor: True
) -> list[tuple[int, str]] | None:
    """Where and as written each attack names its actor, when every one that `counts` names the same
    canonical actor and some attack names none; else None (nothing to lend, or two sides)."""
    named = sorted(
        (e.evidence_start, e.actor, found)
        for e in attacks
        if e.actor and (found := canonical_actor(e.actor)) is not None and counts(found)
    )
    if len({found.name for _, _, found in named}) != 1 or all(e.actor for e in attacks):
        return None
    return [(start, written) for start, written, _ in named]


def _written_before(named: list[tuple[int, str]], start: int) -> str:
    """The actor as the nearest naming before `start` writes it (the body's "U.S.", not the
    headline's "US"); the first naming for what comes before them all."""
    before = [written for at, written in named if at < start]
    return before[-1] if before else named[0][1]


def claimed_attacks(doc: Doc, events: list[Event]) -> list[Event]:
    """Casualties without a named killer take the armed group that claimed the attack just after, or
    in the sentence just before ("X claimed a cross-border attack. Two soldiers were killed ...")."""
    claim_words = _claim_word_positions(doc)
    claims = [
        (s.start_char, group)
        for s in doc_sentences(doc)
        if _may_name_a_claimant(s, claim_words) and (group := _claimant(s)) is not None
    ]
    if not claims:
        return events
    starts = [s.start_char for s in doc_sentences(doc)]
    out = []
    for e in events:
        here = bisect.bisect_right(starts, e.evidence_start)
        near = [(bisect.bisect_right(starts, start) - here, g) for start, g in claims]
        group = next((g for gap, g in near if 0 <= gap <= MAX_SENTENCES_BACK), None)
        group = group or next((g for gap, g in near if gap == -1), None)
        unnamed = (
            e.actor is None or (found := canonical_actor(e.actor)) is None or found.type == "unidentified"
        )
        if group is not None and e.event_type == "casualties" and unnamed:
            e = dataclasses.replace(e, actor=group)
        out.append(e)
    return out


def _claim_word_positions(doc: Doc) -> list[int]:
    """Token indexes of the words `_claimant` reads a claim from, found in one pass over the doc:
    most sentences hold none, and reading each sentence's words costs a Token per word."""
    return [i for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in _CLAIM_WORD_IDS]


def _may_name_a_claimant(sent: Span, claim_words: list[int]) -> bool:
    """Whether a claim word stands where `_claimant` looks for one: neither first nor last."""
    at = bisect.bisect_left(claim_words, sent.start + 1)
    return at < len(claim_words) and claim_words[at] < sent.end - 1


def _claimant(sent: Span) -> str | None:
    """The group of "X claimed responsibility", "X claimed the attack", "X claimed a cross-border
    attack", or the group an attack is laid to (read from words: such a sentence is rarely parsed)."""
    words = [t.lower_ for t in sent]
    for i in range(1, len(words) - 1):
        if words[i] in LAYING_VERBS and (laid_to := _attributed(sent, i)) is not None:
            return laid_to
        claim = words[i] in CLAIM_ADJECTIVES and words[i + 1] in CLAIM_ADJECTIVE_PREPS  # "responsible for"
        if claim and _attack_word(sent[i + 2 :]) and (claimant := _responsible(sent, i)) is not None:
            return claimant
        deed = words[i] in CLAIM_DEED_WORDS and words[i - 1] not in LAYING_VERBS  # not "claimed ... behind"
        rest = sent[i + 2 :] if words[i + 1] == "out" else sent[i + 1 :]
        if deed and _attack_word(rest) and (claimant := _responsible(sent, i)) is not None:
            return claimant  # "X said it carried out the bombing"
        said = words[i + 1 : i + 3]
        if words[i] in CLAIM_VERBS and (
            said[0] in CLAIM_OBJECTS or said[0] in CLAIMED_DETERMINERS and _attack_word(sent[i + 2 :])
        ):
            text = sent.doc[sent.start : sent.start + i].text
            group = canonical_actor(text)
            if group is not None and group.type in NAMED_ARMED_TYPES:
                return text.strip(" ,\n")
    return None


def _responsible(sent: Span, i: int) -> str | None:
    """The named armed group before "... responsible for the attack" at word i, unless denied: "The
    group X (also called Y) said they were responsible for the attacks" -> X."""
    before = sent[:i]
    if any(t.lower_ in CLAIM_DENIALS for t in before):
        return None
    groups = named_group_mentions(before.text)
    return before.text[groups[0].start : groups[0].end] if groups else None


def _attributed(sent: Span, i: int) -> str | None:
    """The named armed group an attack is laid to at word i: "attributed the bombing to X", "the attack
    was blamed on X", "the attack was claimed by X", "blamed X for the attack"."""
    word, after = sent[i].lower_, sent[i + 1].lower_
    before = sent[max(0, i - MAX_CLAIM_MODIFIERS - 1) : i]  # "the deadly attack was blamed on"
    told_before = any(t.lower_.removesuffix("s") in ANAPHORIC_ATTACK_NOUNS for t in before)
    if word in LAYING_VERBS and after in ("to", "on", "by") and told_before:
        return _group_named(sent[i + 2 :])  # "the attack was blamed on X"
    if word not in ATTRIBUTION_VERBS:
        return None
    rest = [t.lower_ for t in sent[i + 1 :]]
    if after in CLAIMED_DETERMINERS and _attack_word(sent[i + 2 :]):  # "attributed the bombing to X"
        link = next((k for k, w in enumerate(rest[: MAX_CLAIM_MODIFIERS + 3]) if w in ("to", "on")), None)
        return _group_named(sent[i + 2 + link :]) if link is not None else None
    link = next((k for k, w in enumerate(rest[:8]) if w == "for"), None)
    told = link is not None and rest[link + 1 : link + 2] and rest[link + 1] in CLAIMED_DETERMINERS | DEFINITE
    if link is not None and told and _attack_word(sent[i + link + 3 :]):
        return _group_named(sent[i + 1 : i + 1 + link])  # "blamed X for the attack"
    return None


def _group_named(words: Span) -> str | None:
    """The named armed group at the start of some words, up to the first word that ends a name."""
    end = next(
        (k for k, t in enumerate(words) if t.is_punct and t.text != "-" or t.lower_ in GROUP_NAME_ENDS),
        len(words),
    )
    text = words[:end].text.strip(" ,\n")
    group = canonical_actor(text) if text else None
    return text if group is not None and group.type in NAMED_ARMED_TYPES else None


def _attack_word(rest: Span) -> bool:
    """Whether an attack noun comes within a few modifier words ("the attack", "a cross-border raid")."""
    for t in rest[: MAX_CLAIM_MODIFIERS + 1]:
        # unparsed words have no lemma: the word as written, singular
        if t.lower_.removesuffix("s") in ANAPHORIC_ATTACK_NOUNS:
            return True
        if t.is_punct and t.text != "-":
            return False
    return False


def borrow_from_strikes(doc: Doc, events: list[Event]) -> list[Event]:
    """Casualties events with their missing actor, date or place taken from the strike they follow."""
    strikes = sorted((e for e in events if e.event_type == "air_strike"), key=lambda e: e.evidence_start)
    if not strikes:
        return events
    starts = [s.start_char for s in doc_sentences(doc)]
    out = []
    for e in events:
        if e.event_type != "casualties":
            out.append(e)
        elif (same := next((s for s in strikes if s.evidence_start == e.evidence_start), None)) is not None:
            out.append(_fill(e, same, date_and_place=False))  # the sentence's own date and place stand
        elif (earlier := _antecedent(doc, e, strikes, starts)) is not None:
            out.append(_fill(e, earlier, date_and_place=True))
        else:
            out.append(e)
    return out


def _antecedent(doc: Doc, event: Event, strikes: list[Event], starts: list[int]) -> Event | None:
    """The strike of the last sentences that a "the raid" in the event's sentence refers to."""
    span = doc.char_span(event.evidence_start, event.evidence_end, alignment_mode="expand")
    if span is None or not _points_back(span):
        return None
    here = bisect.bisect_right(starts, event.evidence_start)
    earlier = [s for s in strikes if s.evidence_end <= event.evidence_start]
    if not earlier or here - bisect.bisect_right(starts, earlier[-1].evidence_start) > MAX_SENTENCES_BACK:
        return None
    return earlier[-1]


def _points_back(span: Span) -> bool:
    """Whether the sentence names its attack by a definite noun that names nobody ("the raid")."""
    for t in span:
        if t.lemma_.lower() not in ANAPHORIC_ATTACK_NOUNS and t.lower_ not in ANAPHORIC_ATTACK_NOUNS:
            continue
        mods = [c for c in t.children if c.i < t.i]
        definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in mods)
        naming = any(c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN" for c in t.subtree)
        counted = any(c.ent_type_ == "ORDINAL" for c in mods)  # "the first attack ..., the second attack"
        if definite and not naming and not counted:
            return True
    return False


def _fill(event: Event, strike: Event, *, date_and_place: bool) -> Event:
    """The event with the strike's actor and, when asked, its date and place where the event has none."""
    slots: dict[str, Any] = {}
    if event.actor is None and strike.actor is not None:
        slots["actor"] = strike.actor
    if date_and_place and event.date_text is None and strike.date_text is not None:
        slots.update({k: getattr(strike, k) for k in DATE_SLOTS})
    if date_and_place and event.location_source != "sentence" and strike.location_source == "sentence":
        slots.update({k: getattr(strike, k) for k in _PLACE_SLOTS})
    return dataclasses.replace(event, **slots) if slots else event


def back_pointing_actors(doc: Doc, events: list[Event]) -> list[Event]:
    """Events whose actor only points back take the named armed group it points at."""
    if not any(_points_at_a_group(e.actor) for e in events):
        return events
    sentences = doc_sentences(doc)
    starts = [s.start_char for s in sentences]
    text = doc_text(doc)
    out = []
    for e in events:
        if e.actor is not None and _points_at_a_group(e.actor):
            at = text.find(e.actor, e.evidence_start, e.evidence_end)
            at = e.evidence_start if at < 0 else at
            here = bisect.bisect_right(starts, at) - 1
            first = max(0, here - MAX_SENTENCES_BACK)
            window = text[starts[first] : at]
            groups = [
                m for m in named_group_mentions(window) if not _agent_of_another_clause(window[: m.start])
            ]
            if groups:
                e = dataclasses.replace(e, actor=window[groups[-1].start : groups[-1].end])
        out.append(e)
    return out


def _points_at_a_group(actor: str | None) -> bool:
    words = (actor or "").lower().split()
    return bool(words) and set(words) <= BACK_POINTING_ACTOR_WORDS and bool(set(words) & BACK_POINTING_HEADS)


def _agent_of_another_clause(before: str) -> bool:
    """Whether a group follows "by" ("ambushed by the NDF"): it acted on the others, it is not them."""
    words = before.lower().split()[-2:]
    return bool(words) and (words[-1] == "by" or words == ["by", "the"])


def attacks_told_before(doc: Doc, events: list[Event]) -> list[Event]:
    """Tolls without a killer take the armed attacker of the sentence just before in the same
    paragraph ("IS militants attacked the town. At least 50 people were killed"; "The army conducted
    airstrikes on X. Nine fighters died"), unless the dead are the attackers themselves or the toll's
    sentence tells an attack of its own ("A car bomb killed 12")."""
    sentences = doc_sentences(doc)
    starts = [s.start_char for s in sentences]
    strikes = [e for e in events if e.event_type == "air_strike" and e.actor is not None]
    out = []
    for e in events:
        here = bisect.bisect_right(starts, e.evidence_start) - 1
        if e.event_type == "casualties" and e.actor is None and here > 0:
            before = sentences[here - 1]
            attacker = None
            # not over a new paragraph
            if not before.text.endswith("\n") and not _tells_its_own_attack(sentences[here]):
                struck = (s.actor for s in strikes if before.start_char <= s.evidence_start < before.end_char)
                attacker = _attacker(before) or next(struck, None)
            if attacker is not None and not _the_attackers_died(e, attacker):
                e = dataclasses.replace(e, actor=attacker)
        out.append(e)
    return out


def attacks_named_before(doc: Doc, events: list[Event]) -> list[Event]:
    """Tolls without a killer whose sentence names their attack by a definite noun ("died during the
    raid") take the attacker of that noun's earlier mention in the sentence or two before ("a raid by
    US special forces", "an Israeli raid"), unless the dead are that attacker's own."""
    sentences = doc_sentences(doc)
    starts = [s.start_char for s in sentences]
    out = []
    for e in events:
        here = bisect.bisect_right(starts, e.evidence_start) - 1
        if e.event_type == "casualties" and e.actor is None and here > 0:
            nouns = _definite_attack_nouns(sentences[here])
            earlier = sentences[max(0, here - MAX_SENTENCES_BACK) : here]
            attacker = _attacker_of_mention(earlier, nouns) if nouns else None
            if attacker is not None and not _the_attackers_died(e, attacker):
                e = dataclasses.replace(e, actor=attacker)
        out.append(e)
    return out


def _definite_attack_nouns(sent: Span) -> set[str]:
    """The lemmas of the attack nouns a sentence names by "the" alone, naming nobody ("the raid")."""
    if not is_parsed(sent):
        return set()
    return {
        t.lemma_.lower()
        for t in sent
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in ANAPHORIC_ATTACK_NOUNS
        and _points_back(t.doc[t.i : t.i + 1])
    }


def _attacker_of_mention(earlier: Sequence[Span], lemmas: set[str]) -> str | None:
    """The attacker of the last mention of one of the attacks in earlier sentences that names one."""
    for sent in reversed(earlier):
        if not is_parsed(sent):
            continue
        for t in reversed(sent):
            if t.pos_ != "NOUN" or t.lemma_.lower() not in lemmas:
                continue
            found = attacker_in(t) or _who_carried_out(t)
            actor = canonical_actor(found) if found else None
            if actor is not None and actor.type != CIVILIANS:
                return found
    return None


def _who_carried_out(attack: Token) -> str | None:
    """The subject of the verb that carried an attack out ("Rebels launched an attack"), not of one
    that suffered or repelled it."""
    verb = attack.head
    if attack.dep_ != "dobj" or verb.lemma_.lower() not in STRIKE_CONDUCT_VERBS:
        return None
    subj = child(verb, "nsubj")
    return phrase(subj) if subj is not None and subj.pos_ != "PRON" else None


def tolls_of_one_attacker(doc: Doc, events: list[Event]) -> list[Event]:
    """Tolls without a killer take the attacker every attributed strike and toll of the article names,
    when they name one (a report on one strike or one group's attack: "An Israeli airstrike hit ...
    The attack resulted in 33 fatalities"), unless the toll's sentence tells an attack of its own or
    its dead are that attacker's."""
    attacks = [e for e in events if e.event_type in ("air_strike", "casualties")]
    named = _one_side_named(attacks, lambda actor: actor.type != CIVILIANS)
    if named is None:
        return events
    sentences = doc_sentences(doc)
    starts = [s.start_char for s in sentences]
    out = []
    for e in events:
        if e.event_type == "casualties" and e.actor is None:
            attacker = _written_before(named, e.evidence_start)
            sent = sentences[bisect.bisect_right(starts, e.evidence_start) - 1]
            if not _tells_its_own_attack(sent) and not _the_attackers_died(e, attacker):
                e = dataclasses.replace(e, actor=attacker)
        out.append(e)
    return out


def _tells_its_own_attack(sent: Span) -> bool:
    """Whether a sentence names an attack or weapon not told before: one with no definite determiner
    ("a car bomb", "clashes"; not "the raid")."""
    for t in sent:
        weapon = t.lemma_.lower() in WEAPON_WORDS or t.lower_ in WEAPON_WORDS
        noun = t.head if t.dep_ == "compound" else t  # "the fire spread" read as one noun
        told = any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" for c in noun.children)
        if weapon and not told:
            return True
    return False


def _attacker(sent: Span) -> str | None:
    if not is_parsed(sent):
        return None
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in TOLL_ANTECEDENT_ATTACK_VERBS:
            subj = child(t, "nsubj") or _misread_subject(t)
            if subj is None or subj.pos_ == "PRON":
                continue
            text = _named_before(subj) if subj.i == t.head.i and t.dep_ == "acl" else phrase(subj)
            actor = canonical_actor(text)
            if actor is not None and actor.type != CIVILIANS:
                return text
    return None


def _misread_subject(verb: Token) -> Token | None:
    """The attacker the parser took for the noun an active attack verb modifies: "IS militants attacked
    Sinjar", with "IS" read as "is"; a participle with an object of its own is no passive "attacked by"."""
    if (
        verb.dep_ == "acl"
        and verb.head.i < verb.i
        and child(verb, "dobj") is not None
        and agent_of(verb) is None
    ):
        return verb.head
    return None


def _named_before(noun: Token) -> str:
    """A noun phrase with the capitalized words just before it the parser left out ("IS militants")."""
    lo = noun.left_edge.i
    while (
        lo > noun.sent.start and noun.doc[lo - 1].text[:1].isupper() and noun.doc[lo - 1].ent_type_ != "DATE"
    ):
        lo -= 1
    return noun.doc[lo : noun.i + 1].text


def _the_attackers_died(event: Event, attacker: str) -> bool:
    victims = (event.target or "").lower().split()
    named = canonical_actor(event.target)
    return bool(set(victims) & ATTACKER_VICTIM_WORDS) or (
        named is not None and named == canonical_actor(attacker)
    )


def demonstratives_dropped(events: list[Event]) -> list[Event]:
    """Actors that still point back after the named group was looked for lose the pointing word:
    "these militia groups" names the militia groups, as "the militia groups" does."""
    out = []
    for e in events:
        first, _, rest = (e.actor or "").partition(" ")
        if first.lower() in DEMONSTRATIVES and rest:
            e = dataclasses.replace(e, actor=rest)
        out.append(e)
    return out
