"""Places of distinct strikes in one sentence: "struck X and Y", "raids on X, Y and Z", "raids in X and Y",
"strikes near X and Y", "two strikes near X and three strikes near Y", "targeted the towns of X and Y",
"hit X, while others hit Y".

The guidelines make distinct strikes on distinct places distinct events, so the air strike
extractor emits one event per place found here. A place is struck when it is the object of the
strike (the attack verb's object, or the object of "on"/"against"/"over"/"at" after the attack
verb or the strike noun), alone or as a conjunct of such an object. A count goes to a place only
when it is stated for that place ("ten bombs on X and six on Y"); one total over conjoined
places ("20 raids on X and Y") says nothing of each.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extractors.lexicon import (
    AIRCRAFT_WORDS,
    ATTACK_VERBS,
    GROUND_VERBS,
    MORE_STRIKES,
    NAME_PARTICLES,
    PLACE_TYPE_RANK,
    STRIKE_NOUNS,
    STRUCK_PREPS,
)
from extractors.normalize.actors import canonical_actor
from extractors.normalize.countries import country_of, demonym_country
from extractors.normalize.numbers import Amount, parse_amount
from extractors.slots.amounts import own_amount
from extractors.slots.clauses import child
from extractors.slots.where import PlaceMention


@dataclass(frozen=True)
class StruckPlace:
    """A place one strike (or group of strikes) reached, and the count stated for it alone."""

    name: str
    count: Amount | None


def struck_places(trigger: Token, mentions: list[PlaceMention]) -> list[StruckPlace]:
    """Distinct places the strike reached, in text order; empty unless there are two or more."""
    heads = _attack_heads(trigger)
    doc = trigger.doc
    found: list[tuple[PlaceMention, Token]] = []
    for m in [*mentions, *_conjunct_places(mentions, doc)]:
        base = _base(_root(m, doc))
        if _reached(base, heads):
            found.append((m, base))
    names = [m.name for m, _ in found]
    distinct = [
        (m, base)
        for m, base in sorted(found, key=lambda mb: mb[0].start)
        if not any(m.name != n and m.name.lower() in n.lower() for n in names)
    ]
    unique = {m.name.lower(): (m, base) for m, base in reversed(distinct)}
    if len(unique) < 2:
        return []
    shared = [base.i for _, base in unique.values()]
    if len(set(shared)) == 1 and trigger.tag_ == "NN" and trigger.lemma_.lower() in STRIKE_NOUNS:
        return []  # "an air strike on X and Y": one strike, one event
    return [
        StruckPlace(m.name, _count_at(base) if shared.count(base.i) == 1 else None)
        for m, base in sorted(unique.values(), key=lambda mb: mb[0].start)
    ]


def _attack_heads(trigger: Token) -> set[Token]:
    """The strike word, the verb it drives or serves, and parallel attack clauses of more strikes."""
    heads = {trigger}
    verb = trigger.head if trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") else None
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "by":
        verb = trigger.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return heads
    heads.add(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STRIKE_NOUNS]
    heads.update(objects)
    # "five strikes near X and three strikes near Y": conjoined strike nouns, each with its place
    heads.update(c for o in objects for c in o.conjuncts if c.lemma_.lower() in STRIKE_NOUNS)
    for clause in verb.children:
        if clause.dep_ not in ("conj", "advcl") or clause.pos_ != "VERB":
            continue
        lemma = clause.lemma_.lower()
        subj = child(clause, "nsubj", "nsubjpass")
        more = subj is None or subj.lemma_.lower() in MORE_STRIKES | AIRCRAFT_WORDS
        if lemma in ATTACK_VERBS - GROUND_VERBS and more:
            heads.add(clause)
    return heads


def _root(m: PlaceMention, doc: Doc) -> Token:
    toks = doc[m.start : m.end]
    return next((t for t in toks if not (m.start <= t.head.i < m.end) or t.head == t), toks[-1])


def _base(token: Token) -> Token:
    """The phrase a place name fills: its first conjunct, the "towns" of "the towns of X"."""
    for _ in range(6):
        if token.dep_ == "conj":
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and _unnamed_type(token.head.head):
            token = token.head.head  # not "the X neighbourhood of Aleppo": Aleppo holds X
        elif token.dep_ in ("compound", "appos") and _place_type(token.head):
            token = token.head  # "Saraqeb town"
        else:
            break
    return token


def _place_type(token: Token) -> bool:
    return token.lemma_.lower() in PLACE_TYPE_RANK


def _unnamed_type(token: Token) -> bool:
    """A place-type noun without a name of its own ("the towns" of "the towns of X and Y")."""
    named = any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod", "nmod") for c in token.children)
    return _place_type(token) and not named


def _reached(base: Token, heads: set[Token]) -> bool:
    """Whether a place phrase is what one of the attack words reached."""
    if base.dep_ in ("dobj", "obj"):
        return base.head in heads
    if base.dep_ == "pobj" and base.head.lower_ in ("in", "near"):
        # "raids in X and Y", "strikes near X and Y", "strikes against ISIL in X and Y"; a single place
        # "in" is where the struck place lies ("a school in X village in Y township"), unless each of
        # conjoined strike nouns has its own ("two strikes near X and three strikes near Y")
        within = base.head.head
        if within in heads and any(c in heads for c in within.conjuncts):
            return within.lemma_.lower() in STRIKE_NOUNS
        if not any(c.dep_ == "conj" for c in base.children):
            return False
        if within.dep_ == "pobj" and within.head.lower_ in STRUCK_PREPS:
            return within.head.head in heads
        return within in heads or (within.dep_ == "dobj" and within.head in heads)
    if base.dep_ != "pobj" or base.head.lower_ not in STRUCK_PREPS:
        return False
    attached = base.head.head
    return attached in heads or (_count_word(attached) and attached.head in heads)


def _count_word(token: Token) -> bool:
    """A bare number standing for strikes ("ten bombs on X and six on Y")."""
    return token.like_num and token.dep_ == "conj"


def _count_at(base: Token) -> Amount | None:
    """The number stated for the strikes on one place, if any."""
    head = base.head.head if base.dep_ == "pobj" else base.head
    if _count_word(head):
        return parse_amount(head.text)
    if head.pos_ == "VERB":  # "dropped ten bombs on X", "two strikes hit X"
        nouns = [n for n in (child(head, "dobj"), child(head, "nsubj")) if n is not None]
        head = next((n for n in nouns if n.lemma_.lower() in STRIKE_NOUNS), head)
    if head.lemma_.lower() in STRIKE_NOUNS and any(c.dep_ in ("nummod", "quantmod") for c in head.children):
        return own_amount(head)  # "two raids on X and one on Y": two on X, not the sum
    return None


def _conjunct_places(mentions: list[PlaceMention], doc: Doc) -> list[PlaceMention]:
    """Names conjoined to a found place that the place finder missed ("Khan Touman, Zirbeh and Hader")."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    extra: list[PlaceMention] = []
    for m in mentions:
        for c in _root(m, doc).conjuncts:
            if c.i in covered or c.pos_ != "PROPN" or not c.is_title:
                continue
            start = c.i
            while (
                start > 0
                and doc[start - 1].head.i in range(start - 1, c.i + 1)
                and (doc[start - 1].is_title or doc[start - 1].lower_ in NAME_PARTICLES)
                and doc[start - 1].dep_ in ("compound", "punct", "nmod", "amod", "flat")
            ):
                start -= 1
            name = doc[start : c.i + 1].text
            if country_of(name) or demonym_country(name) or canonical_actor(name) is not None:
                continue  # "struck Saraqeb and Jabhat al-Nusra": a party struck, not a place
            extra.append(PlaceMention(name, m.rank, start, c.i + 1))
            covered.update(range(start, c.i + 1))
    return extra
