"""Who: the acting force of a clause (subject, `by` agent, reporting force) and the source of a report."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extractors.lexicon import (
    ACCUSING_VERBS,
    AFFILIATION_VERBS,
    ATTACKER_SIDE_WORDS,
    ATTRIBUTION_VERBS,
    BY_TIME_NOUNS,
    CIVILIAN_NOUNS,
    CLAIM_OBJECTS,
    CLAIM_VERBS,
    EVENT_NOUNS,
    FORCE_HEADS,
    MILITARY_REPORTER_HEADS,
    NOT_ACTOR_NOUNS,
    OWN_SIDE_VICTIMS,
    PERSON_FATE_NOUNS,
    PLACE_PREPS,
    REPORTING_VERBS,
    SOURCE_HEADS,
    TIMES_OF_DAY,
)
from extractors.normalize.actors import FOREIGN_STATE, STATE, canonical_actor
from extractors.slots.clauses import child, phrase, reporting_verb
from extractors.speed.docviews import doc_text


def reporting_force(verb: Token) -> str | None:
    """The force a pronoun of a reported clause refers to: the subject of the reporting verb above it."""
    _, subj = reported_by(verb)
    if subj is None or subj.pos_ == "PRON" or subj.lemma_.lower() in SOURCE_HEADS:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & SOURCE_HEADS:
        return None
    if subj.ent_type_ in ("ORG", "NORP", "GPE") or subj.lemma_.lower() in FORCE_HEADS:
        return phrase(subj)
    return None


def reported_by(verb: Token) -> tuple[Token, Token | None]:
    """The clause a verb stands in (past "and" and "to" links) and the subject of the reporting verb
    it is the complement of ("The army said [it struck ...]"); None when nobody reports it."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    report = node.head
    if node.dep_ != "ccomp" or report.lemma_.lower() not in REPORTING_VERBS:
        return node, None
    return node, child(report, "nsubj")


def reporting_military(verb: Token) -> str | None:
    """The state military that reports a strike clause with no force of its own ("The U.S. military
    confirmed that an airstrike killed a commander"): it reports its own strike, unless the clause
    tells of its own side's or civilians' losses (then the strike is the enemy's)."""
    node, subj = reported_by(verb)
    if subj is None or subj.lemma_.lower() not in MILITARY_REPORTER_HEADS:
        return None
    actor = canonical_actor(phrase(subj))
    if actor is None or actor.type not in (STATE, FOREIGN_STATE):
        return None
    told = {t.lemma_.lower() for t in node.subtree} | {t.lower_ for t in node.subtree}
    return None if told & (OWN_SIDE_VICTIMS | CIVILIAN_NOUNS) else phrase(subj)


def agent_of(token: Token) -> Token | None:
    """Object of a `by` phrase under a token (passive agent or "strikes by X"); a `by` of time ("by the
    end of the siege", "by Sunday evening") names nobody."""
    for c in token.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            obj = child(c, "pobj")
            if obj is not None and not _a_time(obj):
                return obj
    return None


def _a_time(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return noun.ent_type_ in ("DATE", "TIME") or lemma in BY_TIME_NOUNS or lemma in TIMES_OF_DAY


def find_source(sent: Span, trigger: Token) -> str | None:
    """Who the sentence attributes the report to: "according to X", or the subject of "X said"."""
    for t in sent:
        if t.lower_ == "according" and (to := child(t, "prep")) is not None and (obj := child(to, "pobj")):
            return phrase(obj)
    for t in sent:
        if reporting_verb(t) and t != trigger:
            subj = child(t, "nsubj")
            if subj is not None and subj.pos_ != "PRON":
                return phrase(subj)
    return None


def as_actor(text: str | None) -> str | None:
    """An actor phrase, or None for what names no one who acted: a place the parser took for a
    subject ("Near Mosul, strikes hit"), the event itself ("the military operation", "the move",
    "evacuations"), or the side a strike was against ("the last counter-AQIM strike")."""
    raw = (text or "").replace("-", " ").split()
    words = [w.lower() for w in raw]
    placed = len(raw) > 1 and words[0] in PLACE_PREPS and raw[1][:1].isupper()  # not "At least 36 rebels"
    if not words or placed or words[0] in ("counter", "anti"):
        return None
    the_event = len(words) <= 3 and words[-1] in EVENT_NOUNS | NOT_ACTOR_NOUNS  # not "the evacuation of X"
    fate = len(words) > 2 and words[0] == "the" and words[1] in PERSON_FATE_NOUNS and words[2] == "of"
    return None if the_event or fate else text  # "the killing of X raised tensions": the deed


def with_affiliation(token: Token, max_tokens: int = 14) -> str | None:
    """An attacker's phrase with the named group it is tied to: "gunmen believed to be members of
    al-Shabaab", "jihadists linked to al-Qaeda" (a coder may write either part, the phrase holds both).
    The parser often makes the participle the root and the attacker its subject."""
    base = phrase(token)
    ties = [c for c in token.children if c.dep_ == "acl" and c.i > token.i]
    if token.dep_ == "nsubj" and token.head.i > token.i and token.head.tag_ in ("VBN", "VBD"):
        ties.append(token.head)  # "Jihadists linked to al-Qaeda killed": "linked" parsed as the main verb
    tie = next((t for t in ties if t.lemma_.lower() in AFFILIATION_VERBS), None)
    if base is None or tie is None:
        return base
    tied_to = next((c for c in tie.children if c.dep_ in ("prep", "xcomp", "attr")), None)  # not "in Borno"
    told = list(tied_to.subtree) if tied_to is not None else []
    placed = ("GPE", "LOC", "FAC", "DATE", "TIME")  # a place or a day names no group
    named = [
        t for t in told if t.ent_type_ in ("ORG", "NORP") or t.pos_ == "PROPN" and t.ent_type_ not in placed
    ]
    start = doc_text(token.doc).find(base, token.left_edge.idx)
    if not named or start < 0 or named[-1].i - token.left_edge.i >= max_tokens:
        return base
    last = named[-1]
    return doc_text(token.doc)[start : last.idx + len(last)]


def blamed_for(attack: Token) -> str | None:
    """The party an accusing verb lays an attack to: "blamed the coalition for (conducting) the
    airstrike", "accused Russia of carrying out the strike", "were accused of massacring 40"."""
    node = attack
    if node.dep_ == "dobj" and node.head.dep_ == "pcomp":
        node = node.head  # "for conducting the airstrike"
    prep = node.head
    if node.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("for", "of"):
        return None
    verb, party = prep.head, child(prep.head, "dobj")
    if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
        verb, party = verb.head, verb  # "for" hangs on the object: "blamed the coalition for ..."
    party = party or child(verb, "nsubjpass")  # "the rebels were accused of killing 30"
    if verb.lemma_.lower() not in ACCUSING_VERBS or party is None or party.pos_ == "PRON":
        return None
    return phrase(party)


def claimed_by(attack: Token) -> str | None:
    """Who claimed responsibility for an attack noun: "X claimed responsibility for drone attacks"."""
    claim = attack.head.head
    if attack.dep_ != "pobj" or attack.head.lower_ != "for" or claim.lower_ not in CLAIM_OBJECTS:
        return None
    if claim.dep_ != "dobj" or claim.head.lower_ not in CLAIM_VERBS:
        return None
    party = child(claim.head, "nsubj")
    return phrase(party) if party is not None and party.pos_ != "PRON" else None


def state_of_officials(verb: Token) -> str | None:
    """The state whose officials report a clause ("Israeli officials say their airstrikes ..." ->
    "Israeli"): the officials speak for it, so "their" strikes are its own."""
    _, subj = reported_by(verb)
    if subj is None or subj.lemma_.lower() not in SOURCE_HEADS:
        return None
    state = next(
        (c for c in subj.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")), None
    )
    return phrase(state) if state is not None else None


def laid_to(attack: Token) -> str | None:
    """The party an attack noun is laid to by its participle: "airstrikes blamed on Russia",
    "a bombing attributed to the rebels"; or who claimed it in a relative clause ("the blast, which
    X claimed")."""
    for rel in (c for c in attack.children if c.dep_ == "relcl" and c.lower_ in CLAIM_VERBS):
        claimed = child(rel, "dobj")
        party = child(rel, "nsubj")
        if claimed is not None and claimed.tag_ == "WDT" and party is not None and party.pos_ != "PRON":
            return phrase(party)
    for acl in (c for c in attack.children if c.dep_ == "acl" and c.lemma_.lower() in ATTRIBUTION_VERBS):
        for link in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in ("on", "to")):
            if (party := child(link, "pobj")) is not None:
                return phrase(party)
    return None


def attacker_end(doc: Doc, first: int, end: int, cut: Callable[[Token], bool]) -> int:
    """Where an attacker phrase written before its attack noun ends: the words `cut` (the weapon or
    strike words), possessive marks, and descriptions go ("Russian long-range missile strikes",
    "Turkish cross-border raids", "the army's deadly shelling" -> "Russian", "Turkish", "the army").
    A description is an adjective or a hyphenated word naming no one ("U.S.-led", "Saudi-led" name)."""
    while end > first + 1:
        start = end - 1
        while (
            start > first + 1
            and doc[start - 1].whitespace_ == ""
            and "-" in (doc[start].text, doc[start - 1].text)
        ):
            start -= 1  # "cross - border", "long - range": the pieces of one hyphenated word
        word = doc[start:end]
        if len(word) > 1:
            if any(t.ent_type_ or t.pos_ in ("PROPN", "VERB") for t in word):
                return end
        elif not (cut(word[0]) or word[0].tag_ == "POS" or _description(word[0])):
            return end
        end = start
    return end


def _description(token: Token) -> bool:
    """An adjective that names no side ("deadly", "fresh"; not "Russian", not "militant")."""
    return token.pos_ == "ADJ" and not token.ent_type_ and token.lemma_.lower() not in ATTACKER_SIDE_WORDS
