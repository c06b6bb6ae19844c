"""Slot finders shared by the extractors: when, where, who, how many, who says so.

Each works on one sentence of a parsed doc and prefers syntactic structure (subjects,
objects, `by`/`in` phrases, number modifiers) over distance; the article context is the
fallback when a sentence is silent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from extractors.countries import country_of, demonym_country
from extractors.docviews import doc_entities, doc_sentences, span_entities
from extractors.lexicon import (
    DIRECTION_WORDS,
    GROUP_NAME_HEADS,
    IRREALIS_AUX,
    IRREALIS_HEADS,
    NEGATING_HEADS,
    PLACE_TYPE_RANK,
    REPORTING_VERBS,
)
from extractors.normalize.actors import canonical_actor
from extractors.normalize.dates import resolve_date
from extractors.normalize.numbers import COLLECTIVES, Amount, parse_amount
from extractors.normalize.places import is_known_place

if TYPE_CHECKING:
    from extractors.context import ArticleContext

# Heads of a reporting subject that a later "it"/"its" can point back to ("the army said it struck").
FORCE_HEADS = frozenset(
    {
        "regime",
        "government",
        "coalition",
        "army",
        "military",
        "ministry",
        "force",
        "forces",
        "command",
        "militia",
        "group",
        "navy",
        "corps",
    }
)
# Reporting subjects that are sources, never the striking force ("the monitor said it was an air strike").
SOURCE_HEADS = frozenset(
    {
        "witness",
        "resident",
        "source",
        "activist",
        "observatory",
        "monitor",
        "official",
        "medic",
        "agency",
        "network",
        "reporter",
        "correspondent",
        "media",
        "doctor",
        "rescuer",
        "helmets",
    }
)
PLACE_PREPS = frozenset({"in", "near", "at", "on", "outside", "around", "into", "across", "over", "from"})
# Words that start organisation names, not places ("Syrian Observatory", "Civil Defense").
ORG_WORDS = frozenset(
    {
        "observatory",
        "agency",
        "ministry",
        "council",
        "coalition",
        "committee",
        "news",
        "network",
        "forces",
        "army",
        "front",
        "group",
        "organization",
        "organisation",
        "center",
        "centre",
        "defense",
        "defence",
        "command",
        "office",
        "corps",
        "legion",
        "party",
        "union",
        "state",
        "staff",
        "tv",
        "press",
        "reuters",
        "afp",
        "sana",
        "department",
        "house",
        "nations",
        "court",
        "aid",
        "church",
        "helmets",
        "crescent",
    }
)
MONTHS_AND_DAYS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    }
)
# Lower-case parts of place names: Arabic articles and linking words ("Daraa al-Balad", "Bab al-Hawa").
NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "ash", "as", "ar", "at", "az", "an", "adh", "-", "de", "of", "bin", "ibn"}
)
# Dependencies of a name in object position ("struck Aleppo", "in Aleppo").
OBJECT_DEPS = frozenset({"dobj", "pobj", "appos", "conj"})
# Nouns by which a next sentence refers back to the event just reported ("The blast took place in X").
ANAPHORIC_EVENT_NOUNS = frozenset(
    {
        "attack",
        "blast",
        "explosion",
        "strike",
        "airstrike",
        "raid",
        "bombing",
        "incident",
        "shelling",
        "massacre",
    }
)
# Heads that deny a report under them ("denied reports that ...").
DENIAL_HEADS = frozenset({"deny", "refute", "dismiss", "reject", "disprove", "debunk"})
# Verbs whose subject acts as a party: a capital that denies or signs is a government, not a place.
AGENT_VERBS = frozenset(
    {
        "deny",
        "say",
        "reject",
        "accuse",
        "announce",
        "agree",
        "sign",
        "demand",
        "call",
        "blame",
        "claim",
        "warn",
        "threaten",
        "support",
        "back",
        "send",
        "launch",
        "carry",
        "urge",
        "vow",
        "insist",
        "refuse",
        "condemn",
        "respond",
        "retaliate",
        "strike",
        "attack",
        "order",
        "approve",
        "declare",
        "offer",
    }
)
# Actor-table types of non-state armed groups, whose names can look like places ("al-Shabaab").
ARMED_GROUP_TYPES = frozenset({"jihadist group", "rebel group", "militia"})
# Last words of geographic names written with "the" ("the Sambisa Forest", "the Gaza Strip").
GEO_FEATURES = frozenset(
    {
        "forest",
        "strip",
        "valley",
        "mountains",
        "mountain",
        "desert",
        "plain",
        "plains",
        "coast",
        "heights",
        "island",
        "islands",
        "bank",
        "delta",
        "hills",
        "lake",
        "river",
        "gulf",
        "sea",
        "corridor",
    }
)
# Capitalised place-type words that end a region's own name ("Kachin State"); "state" is also in ORG_WORDS.
ADMIN_TITLES = frozenset({"state"})
# Titles before a person's name: what follows them is a person, not a place.
PERSON_TITLES = frozenset({"president", "minister", "general", "leader", "commander", "mr", "sheikh", "imam"})
# Labels the small model gives transliterated place names ("in Daraa" as WORK_OF_ART or PERSON).
MISLABELLED_PLACE = frozenset({"PERSON", "ORG", "WORK_OF_ART", "NORP"})
DATE_WORDS = MONTHS_AND_DAYS | {"yesterday", "overnight", "today", "tonight"}
DATE_PREPS = frozenset(
    {"on", "in", "since", "over", "during", "earlier", "late", "early", "into", "until", "last"}
)
# Times of day that take "of" + the day they belong to ("the dawn of Sunday").
TIMES_OF_DAY = frozenset({"dawn", "morning", "afternoon", "evening", "night", "hours", "midnight", "dusk"})
# Time units after "every"/"each"/"per" that make a statement habitual.
GENERIC_UNITS = frozenset({"year", "month", "week", "day", "night", "decade", "time", "summer", "winter"})
# Tokens between a trigger and its date beyond which the date belongs to another clause.
MAX_DATE_DISTANCE = 24
# A bare period ("in months", "for years") measures time, it does not place the event in it.
BARE_PERIOD = re.compile(r"^(?:in|for|over|within)?\s*(?:the\s+)?(?:days|weeks|months|years|decades)$", re.I)
# Extra distance charged to the report's date ("said on Tuesday that ..."): any other date wins.
REPORT_DATE_PENALTY = 1000
# Extra distance charged to a date in another clause than the trigger's.
UNLINKED_DATE_PENALTY = 12
# Sentences this short are one clause: any date in them dates the event.
SHORT_SENTENCE = 50
# Tokens between a trigger and a place beyond which the place belongs to another clause.
MAX_PLACE_DISTANCE = 30
# Subtree parts that leave a noun phrase: clauses and appositions describe, they do not name.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "ccomp", "parataxis", "mark", "cc:preconj"})


@dataclass(frozen=True)
class When:
    """An event date at its precision, and the words it came from (None: publication date)."""

    date: dt.date | None
    precision: str | None
    text: str | None
    end: dt.date | None = None


@dataclass(frozen=True)
class Where:
    """A place as written, where it was found (sentence | dateline | article) and its country."""

    name: str | None
    source: str | None
    country: str | None


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
    return any(s <= token.idx < e for s, e in token.doc.user_data.get("sitrep_stamps", ()))


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


def amount_of(noun: Token) -> Amount | None:
    """Count a noun phrase states ("at least 16 civilians and three children" -> 19, at_least)."""
    doc = noun.doc
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head  # "Five children and four medical staff": count from the first conjunct
    amount = _own_amount(noun)
    for conj in noun.children:
        separate = any(t.lower_ == "well" for t in doc[noun.i : conj.i])  # "as well as": two tolls
        if conj.dep_ == "conj" and conj.pos_ in ("NOUN", "PROPN", "NUM") and not separate:
            extra = _own_amount(conj)
            one_more = conj.tag_ in ("NN", "NNP") and conj.lower_ not in COLLECTIVES
            if extra is None and amount is not None and one_more:
                extra = Amount(1, "exact")  # "a commander and his wife": one more; not "and a number of"
            if extra is not None:
                value = (amount.value if amount else 0) + extra.value
                bounds = [a.qualifier for a in (amount, extra) if a is not None and a.qualifier != "exact"]
                amount = Amount(value, bounds[0] if bounds else "exact")
    return amount


def _own_amount(noun: Token) -> Amount | None:
    """The number written on one noun (not its conjuncts), skipping dates and "including ..." parts."""
    doc = noun.doc
    start = noun.left_edge.i
    for t in doc[start : noun.i]:
        cut = t.lower_ in ("including", "among", "most", "from", "and") or t.dep_ == "relcl"
        if cut or _in_calendar_date(t) or in_stamp(t):
            start = t.i + 1
    amount = parse_amount(doc[start : noun.i + 1].text)
    if amount is None and noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "of":
        amount = parse_amount(noun.text)
        members = child(doc[noun.i + 1], "pobj")
        if amount is None and noun.lower_ in COLLECTIVES and members is not None:
            amount = parse_amount(doc[noun.i + 2 : members.i + 1].text)  # "a family of six": its members
    return amount


def _in_calendar_date(token: Token) -> bool:
    """Whether a token belongs to a real date ("25 August 2016"), not a number the model called DATE."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    ent = next((e for e in doc_entities(token.doc) if e.start <= token.i < e.end), None)
    words = [t.lower_ for t in ent] if ent is not None else [token.lower_]
    return any(w in MONTHS_AND_DAYS or (w.isdigit() and len(w) == 4) for w in words)


def child(token: Token, *deps: str) -> Token | None:
    """First child of a token with one of the dependency labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def reporting_force(verb: Token) -> str | None:
    """The force a pronoun of a reported clause refers to: the subject of the reporting verb above it."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    report = node.head
    if node.dep_ != "ccomp" or report.lemma_.lower() not in REPORTING_VERBS:
        return None
    subj = child(report, "nsubj")
    if subj is None or subj.pos_ == "PRON" or subj.lemma_.lower() in SOURCE_HEADS:
        return None
    words = {t.lemma_.lower() for t in subj.subtree}
    if words & SOURCE_HEADS:
        return None
    if subj.ent_type_ in ("ORG", "NORP", "GPE") or subj.lemma_.lower() in FORCE_HEADS:
        return phrase(subj)
    return None


def agent_of(token: Token) -> Token | None:
    """Object of a `by` phrase under a token (passive agent or "strikes by X")."""
    for c in token.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            return child(c, "pobj")
    return None


def is_irrealis(token: Token) -> bool:
    """True when a trigger is threatened, planned, denied, hypothetical, negated or future."""
    node: Token | None = token
    below = token  # the step of the chain just under `node`
    for _ in range(4):
        if node is None:
            break
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ in ("aux", "mark") and c.lower_ in IRREALIS_AUX):
                return True
            if c.dep_ == "det" and c.lower_ == "no":
                return True
        head_word = node.lemma_.lower() in IRREALIS_HEADS and node.pos_ in ("VERB", "AUX", "NOUN")
        if node != token and head_word and (node.lemma_.lower() in NEGATING_HEADS or not _finite(below)):
            return True  # "plans to strike"; but "wanted men settled their status" is a settlement
        below = node
        if node.lemma_.lower() in REPORTING_VERBS:
            # "denied reports that jets bombed", "did not confirm that ...": the report itself is unreal
            return node.head.lemma_.lower() in DENIAL_HEADS or any(c.dep_ == "neg" for c in node.children)
        if node.head == node:
            break
        node = node.head
    return False


def _finite(token: Token) -> bool:
    """A verb in a finite past or present tense, with a subject of its own ("the men settled")."""
    return token.tag_ in ("VBD", "VBZ", "VBP") or (
        token.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in token.children)
    )


def is_generic(sent: Span) -> bool:
    """A habitual statement ("kills thousands every year") reports no single event."""
    pairs = zip(sent[:-1], sent[1:], strict=True)
    return any(a.lower_ in ("every", "each", "per") and b.lemma_.lower() in GENERIC_UNITS for a, b in pairs)


def reporting_verb(token: Token) -> bool:
    return token.lemma_.lower() in REPORTING_VERBS and token.pos_ in ("VERB", "AUX")


def find_date(sent: Span, anchor: Token, ctx: ArticleContext) -> When:
    """The sentence's date expression nearest the trigger, resolved against publication; else published."""
    if ctx.published is None:
        return When(None, None, None)
    candidates: list[tuple[int, str, Token]] = []
    seen: set[int] = set()
    for ent in span_entities(sent):
        if ent.label_ not in ("DATE", "TIME") or in_stamp(ent[0]) or in_stamp(ent[-1]):
            continue
        if "old" in ent.text or "-long" in ent.text or ent.root.head.lemma_.lower() in REPORTING_VERBS:
            continue
        start, text = _with_preposition(ent.start, ent.end, sent)
        candidates.append((start, text, ent.root))
        whole = resolve_date(text, ctx.published) is not None  # "on Monday 12 March 2017": no "Monday 12"
        seen.update(t.i for t in ent if whole or t.lower_ not in DATE_WORDS)  # "overnight days": "overnight"
    for t in sent:
        fresh = t.lower_ in DATE_WORDS and t.i not in seen and not in_stamp(t)
        if fresh and t.head.lemma_.lower() not in REPORTING_VERBS:
            candidates.insert(0, (*_with_preposition(t.i, t.i + 1, sent), t))  # a day word wins ties
    clause = _clause_verb(anchor)
    best: When | None = None
    best_distance = 10**6
    for start, text, root in candidates:
        verb = _clause_verb(root)
        if verb != clause and verb.dep_ == "relcl" and verb not in anchor.ancestors:
            continue  # "militants who had surrendered last week": another happening's date
        linked = verb == clause
        distance = abs(start - anchor.i) + (0 if linked else UNLINKED_DATE_PENALTY)
        distance += REPORT_DATE_PENALTY if _dates_the_report(root) else 0
        too_far = not linked and abs(start - anchor.i) > MAX_DATE_DISTANCE and len(sent) > SHORT_SENTENCE
        if too_far or (start > 0 and sent.doc[start - 1].lower_ == "of") or BARE_PERIOD.match(text):
            continue  # another clause's date, or a duration ("a lull of several days")
        resolved = resolve_date(text, ctx.published)
        if resolved is None:
            continue
        if distance < best_distance:
            best_distance = distance
            best = When(resolved.start, resolved.precision, text, resolved.end)
    return best or When(ctx.published, "day", None)


def _dates_the_report(token: Token) -> bool:
    """A date on the reporting verb ("said on Tuesday that ...") dates the report: the event's own
    date wins over it; it only bounds an event the text gives no other date."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ in DATE_PREPS:
        head = head.head
    if head.lemma_.lower() not in REPORTING_VERBS or head.pos_ not in ("VERB", "AUX"):
        return False
    return token.i < head.i or token.i - head.i <= 3  # far after the verb, the parse's attachment is a guess


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a token is in (the token itself when it is a verb)."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            return node
        node = node.head
    return node


def _year_number(words: list[str]) -> bool:
    return bool(words) and words[0].isdigit() and len(words[0]) == 4


def _day_number(token: Token) -> bool:
    """A day of the month written as digits ("3", "21st")."""
    digits = token.text.rstrip("stndrh")
    return digits.isdigit() and 1 <= int(digits) <= 31 and len(digits) <= 2


def _with_preposition(start: int, end: int, sent: Span) -> tuple[int, str]:
    """A date expression with the preposition before it ("since Saturday" is not "Saturday")."""
    doc = sent.doc
    if start > sent.start and _day_number(doc[start - 1]):
        start -= 1  # "3 March" when the model tagged only "March"
    if end < sent.end and _day_number(doc[end]) and doc[start].lower_ in MONTHS_AND_DAYS:
        end += 1  # "March 3"
    if (
        end < sent.end
        and doc[end].text.isdigit()
        and len(doc[end].text) == 4
        and doc[end - 1].lower_ in MONTHS_AND_DAYS
    ):
        end += 1  # "January 2017" when the model tagged only "January"
    after = [t.lower_ for t in doc[end : min(end + 3, sent.end)]]
    named = any(t.lower_ in MONTHS_AND_DAYS for t in doc[start:end])
    if named and after[:1] == [","] and _year_number(after[1:2]):
        end += 2  # "May 5, 2017" when the model tagged only "May 5"
    elif doc[end - 1].lower_ in MONTHS_AND_DAYS and after[1:2] == ["year"] and after[0] in ("last", "this"):
        end += 2  # "May last year": the month of that year
    elif after[:1] == ["of"] and after[1:2] and after[1] in MONTHS_AND_DAYS:
        end += 2  # "the dawn of Sunday", "the night of Friday": the day the time of day belongs to
    while start - 2 >= sent.start and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in TIMES_OF_DAY:
        start = doc[start - 2].left_edge.i  # "in the night of Sunday" when the model tagged only "Sunday"
    if start - 2 >= sent.start and doc[start - 1].lower_ in ("and", "to") and _day_number(doc[start - 2]):
        start -= 2  # "between 4 and 6 May" when the model tagged only "6 May": the whole range
    if start > sent.start and doc[start - 1].lower_ in DATE_PREPS | {"between", "from"}:
        start -= 1
    if end + 1 < sent.end and doc[end].lower_ == "and" and doc[end + 1].lower_ in MONTHS_AND_DAYS:
        end += 2  # "on Saturday and Sunday" is one period
        if end < sent.end and _year_number([doc[end].text]):
            end += 1  # "between March and June 2017": the year holds the whole range
    return start, doc[start:end].text


_SENTENCE_PLACES_KEY = "sitrep_sentence_places"  # doc.user_data key: places found per sentence
_ARTICLE_PLACE_KEY = "sitrep_article_place"  # doc.user_data key: the article's dominant place


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a sentence: its text, specificity rank (0 = neighbourhood) and token range."""

    name: str
    rank: float
    start: int
    end: int


def sentence_places(
    sent: Span, ruled: list[Span], *, stamps: tuple[tuple[int, int], ...] | None = None
) -> list[PlaceMention]:
    """Places named in a sentence, as written, each ranked by how specific its type word says it is.

    A name starting in a publication stamp is none: `stamps` (char spans), by default the doc's.
    Kept per doc (`doc.user_data`): the article's place count and every event of a sentence ask
    again. The key holds all the answer depends on besides the doc: the sentence, its ruled spans
    and the stamps that overlap it.
    """
    inside = tuple((s.start, s.end) for s in ruled if s.start >= sent.start and s.end <= sent.end)
    all_stamps = sent.doc.user_data.get("sitrep_stamps", ()) if stamps is None else stamps
    overlapping = tuple((s, e) for s, e in all_stamps if s < sent.end_char and e > sent.start_char)
    known = sent.doc.user_data.setdefault(_SENTENCE_PLACES_KEY, {})
    key = (sent.start, sent.end, inside, overlapping)
    if key not in known:
        known[key] = tuple(_sentence_places(sent, list(inside), overlapping))
    return list(known[key])


def _sentence_places(
    sent: Span, spans: list[tuple[int, int]], stamps: tuple[tuple[int, int], ...]
) -> list[PlaceMention]:
    doc = sent.doc
    for ent in span_entities(sent):
        after_preposition = ent.start > sent.start and doc[ent.start - 1].lower_ in PLACE_PREPS
        if ent.label_ in ("GPE", "LOC", "FAC") or ent.label_ in MISLABELLED_PLACE and after_preposition:
            spans.append((ent.start, ent.end))
    alpha = [t for t in sent if t.is_alpha]
    title_case = len(alpha) > 3 and sum(t.text[:1].isupper() for t in alpha) > 0.6 * len(alpha)
    for t in sent:
        if t.lower_ in PLACE_PREPS:
            first = t.i + 2 if t.i + 1 < sent.end and doc[t.i + 1].lower_ == "the" else t.i + 1
        elif t.pos_ == "PROPN" and t.is_title and (t.i == sent.start or doc[t.i - 1].pos_ != "PROPN"):
            first = t.i  # a name in object position ("struck Aleppo"); kept only if the gazetteer knows it
            if title_case or (t.head.dep_ not in OBJECT_DEPS and t.dep_ not in OBJECT_DEPS):
                continue
        else:
            continue
        j = first
        while j < sent.end and doc[j].is_title and (doc[j].pos_ == "PROPN" or t.lower_ in PLACE_PREPS):
            j += 1  # after "in", title-case words are a name whatever the tagger says ("in Syrias Homs")
        behind_the = first > 0 and doc[first - 1].lower_ == "the"
        if behind_the and not (doc[j - 1].lower_ in GEO_FEATURES or is_known_place(doc[first:j].text)):
            continue  # "in the Arab country", "on the United States Embassy": not a place name
        if j > first:
            spans.append((first, j))
    mentions: list[PlaceMention] = []
    covered: set[int] = set()
    for start, end in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        if covered & set(range(start, end)):
            continue
        m = _mention(doc, start, end, stamps)
        if isinstance(m, PlaceMention):
            mentions.append(m)
        if m is not None:  # a place, or a group or person name whose parts are no place either
            covered.update(range(start, end))
    return sorted(mentions, key=lambda m: m.start)


def _mention(doc, start: int, end: int, stamps: tuple[tuple[int, int], ...]) -> PlaceMention | bool | None:
    """Name and rank of a candidate span; False for a group or person name; None otherwise."""
    toks = list(doc[start:end])
    types: list[float] = []  # ranks of the place-type words around the name
    while toks and (toks[0].lower_ in ("the", "a", "of") or toks[0].lower_ in PLACE_TYPE_RANK):
        if toks[0].lower_ in PLACE_TYPE_RANK:
            types.append(PLACE_TYPE_RANK[toks[0].lower_])
        toks = toks[1:]
    while toks and ((toks[-1].lower_ in PLACE_TYPE_RANK and toks[-1].is_lower) or toks[-1].is_punct):
        if toks[-1].lower_ in PLACE_TYPE_RANK:  # "Aleppo city" is Aleppo; "Old City" keeps its "City"
            types.append(PLACE_TYPE_RANK[toks[-1].lower_])
        toks = toks[:-1]
    while toks and (toks[0].text in DIRECTION_WORDS or (len(toks) > 1 and _possessive_country(toks[0]))):
        toks = toks[1:]  # "eastern Aleppo" is Aleppo ("Eastern Ghouta" stays); "Syrias Homs" is Homs
    if toks and toks[0].lower_ in NAME_PARTICLES and (len(toks) == 1 or toks[1].text != "-"):
        toks = toks[1:]  # "as France": a particle is only an article when hyphenated to the name
    if not toks or any(s <= toks[0].idx < e for s, e in stamps):
        return None
    after = toks[-1].i + 1
    if after < len(doc) and doc[after].lower_ in PLACE_TYPE_RANK:
        types.append(PLACE_TYPE_RANK[doc[after].lower_])
    first = toks[0].i
    # "the Faj Attan district of Sanaa": the district has its own name and Sanaa contains it
    named_type = first >= 3 and doc[first - 3].pos_ == "PROPN" and not demonym_country(doc[first - 3].text)
    if (
        first >= 2
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].lower_ in PLACE_TYPE_RANK
        and not named_type
    ):
        types.append(PLACE_TYPE_RANK[doc[first - 2].lower_])
    state_name = len(toks) > 1 and toks[-1].lower_ in ADMIN_TITLES
    if state_name:
        types.append(PLACE_TYPE_RANK[toks[-1].lower_])
    rank = min(types) if types else 1.5
    if first > 0 and doc[first - 1].lower_ == "to":
        rank += 1  # "bussed to Idlib", "surrendered to X": a destination, not where it happened
    window = doc[max(first - 5, 0) : first]
    if any(t.lower_ in DIRECTION_WORDS and doc[t.i + 1].lower_ == "of" for t in window):
        rank += 1.5  # "south of the capital Damascus": a reference point, not the place of the event
    words = {t.lower_ for t in toks}
    if _armed_group(doc[toks[0].i : toks[-1].i + 1].text):
        return False  # "al-Shabaab fighters", "surrendered to the Taliban": a party, not a place
    if state_name and not words & ORG_WORDS - ADMIN_TITLES:
        words -= ADMIN_TITLES  # "Kachin State", "Borno State": a named state, unless a group's name
    if toks[0].lower_ in GROUP_NAME_HEADS or (words & ORG_WORDS and len(toks) > 1):
        return False
    if words & ORG_WORDS or words & MONTHS_AND_DAYS:
        return None
    if any(not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or t.is_punct) for t in toks):
        return None  # "Dead as Rival": a place name is capitalised words and Arabic articles
    name = doc[toks[0].i : toks[-1].i + 1].text
    if country_of(name) or demonym_country(name):
        return None
    if _names_a_party(toks):
        return False
    geographic = toks[-1].lower_ in GEO_FEATURES  # "in the Sambisa Forest" is a place; "on the Embassy" not
    after_preposition = _preceded_by(doc, first, PLACE_PREPS | {"of"}, across_the=geographic)
    introduced = _preceded_by(doc, start, PLACE_PREPS)  # "in (Syrias) Homs", "in the Sambisa Forest"
    if toks[0].ent_type_ == "PERSON" and rank == 1.5 and not introduced:
        return None  # "opponents of Assad": a person, whatever the gazetteer holds
    if not is_known_place(name):
        # "pounded the Gaza Strip"; a lone unknown word the model calls GPE is as often a surname
        geo_entity = len(toks) > 1 and all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in toks)
        if rank == 1.5 and not after_preposition and not geo_entity:
            return None
        rank += 0 if types else 0.5  # "Kyi Pin village": a place-type word vouches for the name
    elif toks[0].dep_ == "compound" and toks[-1].head.lower_ in ORG_WORDS:
        return None  # "United States military forces" names an actor
    return PlaceMention(name, rank, toks[0].i, toks[-1].i + 1)


def _preceded_by(doc, i: int, words: frozenset[str], *, across_the: bool = True) -> bool:
    """Whether token i follows one of the words, directly or (if allowed) across "the"."""
    j = i - 1
    if across_the and j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 0 and doc[j].lower_ in words


def _armed_group(name: str) -> bool:
    """Whether a name is an armed group in the actor table (groups are never event places)."""
    actor = canonical_actor(name)
    return actor is not None and actor.type in ARMED_GROUP_TYPES


def _possessive_country(token: Token) -> bool:
    """ "Syrias Homs", "Syria's Homs": a country in the possessive before a place name."""
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    glued = token.lower_.endswith("s") and country_of(token.text) and not country_of(token.text[:-1] + "x")
    apostrophe = nxt is not None and nxt.lower_ in ("'s", "’s")
    return bool(country_of(token.text)) and (bool(glued) or apostrophe)


def _names_a_party(toks: list[Token]) -> bool:
    """A place word naming a side or a person: "Moscow denied", "a deal with Damascus", "Bashar al-Assad"."""
    root = next((t for t in toks if t.head not in toks or t.head == t), toks[-1])
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "Moscow and Damascus had rejected"
    if root.dep_ in ("nsubj", "poss") and root.head.lemma_.lower() in AGENT_VERBS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "by", "against", "between", "and"):
        return True
    i = toks[0].i - 1
    while i > 0 and root.doc[i].lower_ in NAME_PARTICLES:
        i -= 1  # "Bashar al - Assad": look past the article to the given name
    before = root.doc[i] if i >= 0 and i < toks[0].i else None
    if before is not None and (before.lower_ in GROUP_NAME_HEADS or before.lower_ in PERSON_TITLES):
        return True
    inside_person = toks[0].ent_type_ == "PERSON" and toks[0].ent_iob_ == "I"  # "Hamza al-Khatib"
    return inside_person and not is_known_place(root.doc[toks[0].i : toks[-1].i + 1].text)


def find_location(sent: Span, ruled: list[Span], ctx: ArticleContext, anchor: Token | None = None) -> Where:
    """Most specific place near the trigger; else the dateline's; else the article's dominant place."""
    mentions = sentence_places(sent, ruled)
    if anchor is not None:
        mentions = [m for m in mentions if abs(m.start - anchor.i) <= MAX_PLACE_DISTANCE]
    country = next((c for t in sent if t.pos_ == "PROPN" and (c := country_of(t.text))), None)
    if mentions:
        ranked = sorted(mentions, key=lambda m: (m.rank, m.start))
        best = ranked[0]
        if any(_coordinated(best, m, sent.doc) for m in mentions if m is not best):
            # "al-Qosour and al-Jora neighbourhoods in Deir Ezzor": the event spans both, name their city
            best = next((m for m in ranked if m.rank > best.rank + 0.5), best)
        return Where(best.name, "sentence", country or ctx.country)
    follow_up = _follow_up_place(sent, ruled)
    if follow_up is not None:
        return Where(follow_up, "sentence", country or ctx.country)
    if ctx.dateline_place:
        return Where(ctx.dateline_place, "dateline", country or ctx.country)
    if place := article_place(sent.doc, ruled, ctx.headline):
        return Where(place, "article", country or ctx.country)
    return Where(None, None, country or ctx.country)


def article_place(doc: Doc, ruled: list[Span], headline: tuple[int, int] | None) -> str | None:
    """The place the article names most (a name in the headline counts thrice), for events whose
    sentence names none; counted once per doc (`doc.user_data`), and only when an event asks.

    Stamps are not left out of this count (`stamps=()`): it has always been taken that way.
    """
    known = doc.user_data.setdefault(_ARTICLE_PLACE_KEY, {})
    key = (tuple((s.start, s.end) for s in ruled), headline)
    if key not in known:
        counts: Counter[str] = Counter()
        for sent in doc_sentences(doc):
            for m in sentence_places(sent, ruled, stamps=()):
                if m.rank < 2 or is_known_place(m.name):
                    in_headline = headline is not None and headline[0] <= doc[m.start].idx < headline[1]
                    counts[m.name] += 3 if in_headline else 1
        known[key] = counts.most_common(1)[0][0] if counts else None
    return known[key]


def _definite_place_noun(t: Token) -> bool:
    """ "in the city", "on the town": a place type word pointing back at a place already named."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
    return t.lower_ in PLACE_TYPE_RANK and definite and t.head.lower_ in PLACE_PREPS


def _follow_up_place(sent: Span, ruled: list[Span]) -> str | None:
    """The place the next sentence gives when it refers back ("The blast took place in al-Mashi")."""
    doc = sent.doc
    if sent.end >= len(doc) or any(_definite_place_noun(t) for t in sent):
        return None  # "in the city": the sentence refers to a place named before, not after
    nxt = doc[sent.end].sent
    refers_back = any(
        t.lower_ in ("the", "this", "that") and t.head.lemma_.lower() in ANAPHORIC_EVENT_NOUNS for t in nxt
    )
    if not refers_back:
        return None
    mentions = sorted(sentence_places(nxt, ruled), key=lambda m: (m.rank, m.start))
    return mentions[0].name if mentions else None


def _coordinated(a: PlaceMention, b: PlaceMention, doc) -> bool:
    """Two places joined by "and"/"or"/a comma, as in "X and Y neighbourhoods"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = doc[first.end : second.start]
    return 0 < len(between) <= 2 and all(t.lower_ in ("and", "or", ",") for t in between)


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
