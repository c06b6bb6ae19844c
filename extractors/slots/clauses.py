"""Clause-level reading shared by every slot finder: the evidence span, phrases, negation and irrealis.

Slot finders work on one sentence of a parsed doc and prefer syntactic structure (subjects,
objects, `by`/`in` phrases, number modifiers) over distance; the article layout is the
fallback when a sentence is silent. The questions themselves live beside this module:
`when.py`, `where.py`, `who.py`, `amounts.py`.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from extractors.doc_state import state_of
from extractors.lexicon import (
    ADJUNCT_CLAUSE_MARKS,
    COUNTERFACTUAL_ADVERBS,
    DENIAL_HEADS,
    GENERIC_UNITS,
    HABIT_CLAUSE_MARKS,
    HABITUAL_ADJECTIVES,
    HABITUAL_ADVERBS,
    HYPOTHETICAL_MODIFIERS,
    IRREALIS_ADJECTIVES,
    IRREALIS_AUX,
    IRREALIS_HEADS,
    MONTHS_AND_DAYS,
    NEGATING_HEADS,
    PERFECT_HABIT_ADVERBS,
    REPORTING_VERBS,
)
from extractors.speed.docviews import doc_sentences

# Subtree parts that leave a noun phrase: clauses and appositions describe, they do not name.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "ccomp", "parataxis", "mark", "cc:preconj"})


def evidence_bounds(sent: Span) -> tuple[int, int]:
    """Char span of a sentence without surrounding spaces and its final full stop."""
    text = sent.text
    end = len(text.rstrip())
    while end > 0 and text[end - 1] in ".;:":
        end -= 1
    start = len(text) - len(text.lstrip())
    return sent.start_char + start, sent.start_char + max(end, start)


def in_stamp(token: Token) -> bool:
    """Whether a token is part of a publication stamp or dateline (not content of any event)."""
    return any(s <= token.idx < e for s, e in state_of(token.doc).stamps)


def phrase(token: Token, max_tokens: int = 14) -> str | None:
    """The noun phrase a token heads, without relative clauses, appositions or trailing punctuation."""
    if token.pos_ == "PRON" and token.lower_ not in ("all", "both"):
        return None
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _CUT_DEPS]
    while stack:
        t = stack.pop()
        if t.dep_ == "prep" and t.lower_ not in ("of", "by", "from") and t.head == token:
            continue
        keep.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CUT_DEPS)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    doc = token.doc
    if in_stamp(token):
        return None
    while lo < token.i and in_stamp(doc[lo]):
        lo += 1
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc" or doc[lo].ent_type_ in ("DATE", "TIME")):
        lo += 1  # "Since March Nusra Front": the date is not part of the name
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    if hi - lo + 1 > max_tokens:
        lo = max(lo, token.i - max_tokens + 1)
        hi = token.i
    return doc[lo : hi + 1].text.strip() or None


def child(token: Token, *deps: str) -> Token | None:
    """First child of a token with one of the dependency labels; never the day of a date the
    parser attached as an argument ("On 16 July 2016, soldiers were killed": "16" is no subject)."""
    return next((c for c in token.children if c.dep_ in deps and not _day_of_date(c)), None)


def is_name_word(token: Token) -> bool:
    """A word of a name: a proper noun, or a nationality or organisation the model tagged."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "NORP")


def subject(verb: Token) -> Token | None:
    """The subject of a verb: of two subjects, the one nearest before it. The parser reads a vocative
    as a second subject ("My fellow Americans, on Saturday, the United States concluded a strike")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _day_of_date(c)]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else next(iter(subjects), None)


def _day_of_date(token: Token) -> bool:
    """A day number written next to its month ("16 July", "July 16")."""
    if not token.like_num or token.ent_type_ != "DATE":
        return False
    doc = token.doc
    around = doc[max(token.i - 1, 0) : token.i + 2]
    return any(t.lower_ in MONTHS_AND_DAYS for t in around if t.i != token.i)


def is_irrealis(token: Token) -> bool:
    """True when a trigger is threatened, planned, denied, hypothetical, negated or future."""
    node: Token | None = token
    below = token  # the step of the chain just under `node`
    for _ in range(4):
        if node is None:
            break
        # "the first attack failed but the second killed four": a clause joined to another, with a subject
        # of its own, is not governed by the other's negation or head word
        sibling = below.dep_ == "conj" and node == below.head and _finite(below) and _has_subject(below)
        for c in () if sibling else node.children:
            if c.dep_ == "neg" or (c.dep_ in ("aux", "mark") and c.lower_ in IRREALIS_AUX):
                return True
            if c.dep_ == "det" and c.lower_ == "no":
                return True
            if c.dep_ == "amod" and c.lower_ in HYPOTHETICAL_MODIFIERS and node.pos_ == "NOUN":
                return True  # "the potential strike"
        if _road_not_taken(node):
            return True
        head_word = node.lemma_.lower() in IRREALIS_HEADS and node.pos_ in ("VERB", "AUX", "NOUN")
        head_word = head_word or (node.pos_ == "ADJ" and node.lemma_.lower() in IRREALIS_ADJECTIVES)
        governs = node != token and head_word and not sibling and not _adjunct_clause(below)
        if governs and (node.lemma_.lower() in NEGATING_HEADS or not _finite(below)):
            return True  # "plans to strike"; but "wanted men settled their status" is a settlement
        below = node
        if node.lemma_.lower() in REPORTING_VERBS:
            # "denied reports that jets bombed", "did not confirm that ...": the report itself is unreal
            return node.head.lemma_.lower() in DENIAL_HEADS or any(c.dep_ == "neg" for c in node.children)
        if node.head == node:
            break
        node = node.head
    return False


def _road_not_taken(token: Token) -> bool:
    """A clause or noun after "rather than" / "instead of": what was not done."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("than", "of"):
        return False
    return prep.head.lower_ in COUNTERFACTUAL_ADVERBS or any(
        c.dep_ == "advmod" and c.lower_ in COUNTERFACTUAL_ADVERBS for c in prep.children
    )


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)


def _adjunct_clause(token: Token) -> bool:
    """A clause that only times or explains its head ("halted operations after the rebels agreed to
    surrender"): the head's meaning does not reach it, though its modality does."""
    marks = (c for c in token.children if c.dep_ in ("mark", "advmod"))
    return token.dep_ == "advcl" and any(c.lower_ in ADJUNCT_CLAUSE_MARKS for c in marks)


def _finite(token: Token) -> bool:
    """A verb in a finite past or present tense, with a subject of its own ("the men settled")."""
    return token.tag_ in ("VBD", "VBZ", "VBP") or (
        token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in token.children)
    )


def is_generic(sent: Span) -> bool:
    """A habitual statement ("kills thousands every year") reports no single event."""
    pairs = zip(sent[:-1], sent[1:], strict=True)
    return any(a.lower_ in ("every", "each", "per") and b.lemma_.lower() in GENERIC_UNITS for a, b in pairs)


def is_habitual(token: Token) -> bool:
    """A trigger in a clause that tells a habit ("is regularly targeted by air strikes", "a frequent
    target of airstrikes"): up its chain of heads to the first verb with a subject of its own; or in a
    clause of a recurring occasion ("whenever the army recruits")."""
    if _in_recurring_clause(token):
        return True
    node = token
    for _ in range(5):
        for c in node.children:
            if (c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS) or (
                c.dep_ == "amod" and c.lower_ in HABITUAL_ADJECTIVES
            ):
                return True
            if c.dep_ == "advmod" and c.lower_ in PERFECT_HABIT_ADVERBS and _present_perfect(node):
                return True
        if (node.pos_ in ("VERB", "AUX") and _has_subject(node)) or node.head == node:
            return False
        node = node.head
    return False


def is_background(verb: Token) -> bool:
    """A relative clause in the past perfect with no date of its own, describing people the sentence
    reports something else of ("rebels who had reconciled with the government were arrested"): who they
    are, not news."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False
    if not any(c.tag_ == "WP" for c in verb.children):
        return False  # "cases where the group had recruited children": the cases are the news
    return not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def _in_recurring_clause(token: Token) -> bool:
    """Under "whenever ..." ("whenever the army recruits, families flee")."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in HABIT_CLAUSE_MARKS
        for a in [token, *token.ancestors]
        for c in a.children
    )


def _present_perfect(verb: Token) -> bool:
    return any(a.dep_ == "aux" and a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in verb.children)


def is_blamed(token: Token) -> bool:
    """A trigger someone is "responsible for" ("responsible for the deaths of hundreds", "individuals
    responsible for the recruitment of children"): a charge or a record, not a report of one event."""
    prep = token.head
    return (
        token.dep_ in ("pobj", "pcomp") and prep.lower_ == "for" and prep.head.lemma_.lower() == "responsible"
    )


def reporting_verb(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ in ("VERB", "AUX")


# A list item: a line that starts with a bullet, or with one or two hyphens ("-- Near Mosul, ...").
_LIST_ITEM = re.compile(r"^\s*(?:[*•·\u2022\u25aa]|--?)\s")


def is_list_item(sent: Span) -> bool:
    """Whether a sentence is an item of a bulleted list ("*  Near Mosul, three strikes ...")."""
    return _LIST_ITEM.match(sent.text) is not None


def first_item_listed(sent: Span) -> Span | None:
    """The first item of the list a sentence ending in a colon introduces, past blank lines
    ("Fighter aircraft conducted 18 strikes in Syria:" then "-- Near Raqqa, ..."); None if no list follows."""
    if not sent.text.rstrip().endswith(":"):
        return None
    sentences = doc_sentences(sent.doc)
    k = bisect.bisect_left(sentences, sent.end, key=lambda s: s.start)
    while k < len(sentences) and not sentences[k].text.strip():
        k += 1
    return sentences[k] if k < len(sentences) and is_list_item(sentences[k]) else None
