"""Where: the place named for an event: its sentence, else a follow-up sentence, the dateline, the article."""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractors.doc_state import is_parsed, state_of
from extractors.layout import ArticleLayout, names_its_country
from extractors.lexicon import (
    ADMIN_TITLES,
    AGENT_VERBS,
    ANAPHORIC_ATTACK_NOUNS,
    AREA_ADJECTIVES,
    ATTACK_VERBS,
    AWAY_FROM_SITE_VERBS,
    CARE_VERBS,
    COUNTRY_PREPS,
    DIRECTION_WORDS,
    EVENT_NOUNS,
    FACILITY_WORDS,
    FLIGHT_VERBS,
    GEO_FEATURES,
    GROUP_NAME_HEADS,
    INCIDENT_VERBS,
    LANDMARK_WORDS,
    LOCATING_VERBS,
    LOWER_CASE_ARTICLES,
    MONTHS_AND_DAYS,
    NAME_JOINERS,
    NAME_PARTICLES,
    NAMED_LINE_NOUNS,
    ORG_WORDS,
    PEOPLE_WORDS,
    PERSON_FATE_NOUNS,
    PERSON_OBJECT_VERBS,
    PERSON_TITLES,
    PLACE_PREPS,
    PLACE_TYPE_RANK,
    REACTION_VERBS,
    RETELLING_NOUNS,
    RETELLING_VERB_WORDS,
    ROUTE_NOUNS,
    SETTLEMENT_WORDS,
    SITE_NOUNS,
    SITE_PREPS,
    SOLIDARITY_VERBS,
    STRIKE_CONDUCT_VERBS,
    STRIKE_VICTIM_VERBS,
    TOLL_ANTECEDENT_ATTACK_VERBS,
)
from extractors.merge import SAME_TOLL_MIN
from extractors.normalize.actors import canonical_actor
from extractors.normalize.countries import country_of, demonym_country
from extractors.normalize.numbers import number_value
from extractors.normalize.places import is_known_place, lies_in, resolve_place
from extractors.schema import LocationSource
from extractors.slots.when import gap_between
from extractors.speed.docviews import doc_sentences, span_entities

# Labels of names whose tail can look like a place ("the Directorate of Security"): an unknown name
# after "of" inside one is part of it.
NAME_TAIL_LABELS = frozenset({"ORG", "EVENT", "LAW"})


# Dependencies of a name in object position ("struck Aleppo", "in Aleppo").
OBJECT_DEPS = frozenset({"dobj", "pobj", "appos", "conj"})


# Actor-table types of non-state armed groups, whose names can look like places ("al-Shabaab").
ARMED_GROUP_TYPES = frozenset({"jihadist group", "rebel group", "militia"})


# Labels the small model gives transliterated place names ("in Daraa" as WORK_OF_ART or PERSON).
MISLABELLED_PLACE = frozenset({"PERSON", "ORG", "WORK_OF_ART", "NORP"})


# Lower-case nouns a name may qualify and still be a place ("the Tafas front", "the Koniko field").
PLACE_WORDS = frozenset(PLACE_TYPE_RANK) | GEO_FEATURES | NAMED_LINE_NOUNS | SITE_NOUNS
PLACE_WORDS |= LANDMARK_WORDS | FACILITY_WORDS
# Words that may stand between a place and its parent ("X area of Y", "X (Y", "X, Y", "X, a suburb of Y"),
# besides type words.
CHAIN_WORDS = frozenset({"of", "in", "near", ",", "(", "the", "a", "an"})
MAX_CHAIN_WORDS = 4
MAX_BRACKET_WORDS = 6
# Tokens of adjectives between "a" and a place-type noun in apposition ("X, a small rebel-held town").
MAX_TYPE_MODIFIERS = 4
# Words from a place to its parent in "X, an Israeli settlement on the edge of Y".
MAX_APPOSITION_WORDS = 10
# Capitalised words before a name that may be the group it is a province of ("Islamic State X Province").
MAX_GROUP_WORDS = 3
# How much wider a name ranks when it only says where the place named after it lies.
OUTER_STEP = 2
# How much finer a place named before its parent ranks than that parent.
CHAIN_STEP = 0.01
# Type words this wide make the place they follow a parent in "X, Y province".
WIDE_TYPE_RANK = 2


# Sentences after one that names only a country where a definite "the attack" may give the place.
FOLLOW_UP_SENTENCES = 2
# Sentences after an event's in which a telling of it again may name its place more finely.
RETELLING_SENTENCES = 2
# Verbs whose subject is the incident told again ("the strike took place in X"), not one that only
# follows it ("the strike came after a raid on X").
RETELLING_SUBJECT_VERBS = INCIDENT_VERBS - {"explode", "detonate"}
# Verbs telling an incident at a place, for a toll after them; not the verbs of conducting or flying
# ("carried", "arriving on a flight from X").
INCIDENT_TELLING_VERBS = (
    (ATTACK_VERBS - STRIKE_CONDUCT_VERBS - FLIGHT_VERBS) | TOLL_ANTECEDENT_ATTACK_VERBS | INCIDENT_VERBS
)
# Sentences of the same paragraph telling an incident again without a place that a sentence naming none
# may look back across.
PLACELESS_SENTENCES_BACK = 2
# Sentences back in which a toll told again ("killing seven terrorists") may find where it was told first.
SAME_TOLL_SENTENCES_BACK = 8
# Rank of a building an attack verb struck: it is the event's target, so a town named with it wins.
STRUCK_SITE_RANK = 2.5
# Sentences back in which a definite building word ("the mosque") may find the building named.
SITE_LOOKBACK_SENTENCES = 3
# Tokens between a trigger and a place beyond which the place belongs to another clause.
MAX_PLACE_DISTANCE = 30
# Heads walked up from a place to the event noun or relative clause it may sit in ("Kabul" -> "bombings" in
# "behind the Kabul bombings"; "Herat" -> "on" -> "attack" in "in the attack on Herat").
MAX_EVENT_HOPS = 6


@dataclass(frozen=True)
class Where:
    """A place as written, where it was found and its country."""

    name: str | None
    source: LocationSource | None
    country: str | None
    # the wider place the text names it in ("X, Donetsk"): its geocode if X has none
    parent: str | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a sentence: its text, specificity rank (0 = neighbourhood) and token range."""

    name: str
    rank: float
    start: int
    end: int
    # a building named as the scene or target ("the X Mosque"): too fine to stand for the whole article
    site: bool = False


def sentence_places(
    sent: Span, ruled: list[Span], *, stamps: tuple[tuple[int, int], ...] | None = None
) -> list[PlaceMention]:
    """Places named in a sentence, as written, each ranked by how specific its type word says it is.

    A name starting in a publication stamp is none: `stamps` (char spans), by default the doc's.
    Kept in the doc's state: the article's place count and every event of a sentence ask
    again. The key holds all the answer depends on besides the doc: the sentence, its ruled spans
    and the stamps that overlap it.
    """
    state = state_of(sent.doc)
    inside = tuple((s.start, s.end) for s in ruled if s.start >= sent.start and s.end <= sent.end)
    all_stamps = state.stamps if stamps is None else stamps
    overlapping = tuple((s, e) for s, e in all_stamps if s < sent.end_char and e > sent.start_char)
    known = state.sentence_places
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
        # "the villages of X and Y": a town-sized type word vouches for the name whatever the model's label
        typed_of = ent.start - 2 >= sent.start and doc[ent.start - 1].lower_ == "of"
        typed_of = (
            typed_of and PLACE_TYPE_RANK.get(doc[ent.start - 2].lower_, WIDE_TYPE_RANK) < WIDE_TYPE_RANK
        )
        # "attacked Nacutuco (Mucojo, Cabo Delgado)": a bracket of parents vouches too (the model may run
        # the name into it)
        bracket = next((t.i for t in ent if t.text == "("), ent.end)
        parented = bracket < len(doc) and doc[bracket].text == "(" and _parents_follow(doc, bracket)
        if (
            ent.label_ in ("GPE", "LOC", "FAC")
            or ent.label_ in MISLABELLED_PLACE
            and (after_preposition or typed_of or parented)
        ):
            spans.append((ent.start, ent.end))
    alpha = [t for t in sent if t.is_alpha]
    title_case = len(alpha) > 3 and sum(t.text[:1].isupper() for t in alpha) > 0.6 * len(alpha)
    for t in sent:
        if t.lower_ in PLACE_PREPS:
            first = t.i + 2 if t.i + 1 < sent.end and doc[t.i + 1].lower_ == "the" else t.i + 1
            if first + 1 < sent.end and doc[first].text in AREA_ADJECTIVES and doc[first + 1].is_title:
                first += 1  # "in rural Ein Issa", "in northern Hama": the name follows the adjective
        elif t.pos_ == "PROPN" and t.is_title and (t.i == sent.start or doc[t.i - 1].pos_ != "PROPN"):
            first = t.i  # a name in object position ("struck Aleppo"); kept only if the gazetteer knows it
            if title_case or (t.head.dep_ not in OBJECT_DEPS and t.dep_ not in OBJECT_DEPS):
                continue
        else:
            continue
        j = first
        if t.lower_ in PLACE_PREPS and _article_before_name(doc, first, sent.end):
            j = first + 1  # "in al Bab": a lower-case Arabic article starts the name
        while j < sent.end:
            if doc[j].is_title and (doc[j].pos_ == "PROPN" or t.lower_ in PLACE_PREPS):
                j += 1  # after "in", title-case words are a name whatever the tagger says ("in Syrias Homs")
                continue
            k = j
            while k < sent.end and doc[k].lower_ in NAME_JOINERS and not doc[k].is_title:
                k += 1
            if j == first or k == j or k >= sent.end or not doc[k].is_title:
                break
            j = k  # "Qala i Naw", "Keran wa Menjan", "Nawa-e Barakzayi": one name
        behind_the = first > 0 and doc[first - 1].lower_ == "the"
        typed = j < sent.end and doc[j].lower_ in PLACE_TYPE_RANK  # "in the Ghaith neighbourhood"
        named = doc[j - 1].lower_ in GEO_FEATURES or typed or is_known_place(doc[first:j].text)
        named = named or _named_site(doc[j - 1]) or _typed_apposition(doc, j) is not None  # "X, a town in"
        if behind_the and not named:
            continue  # "in the Arab country", "on the United States Embassy": not a place name
        if j > first:
            spans.append((first, j))
    # a building named as the scene or the target: the finest place, before any name inside it
    mentions = [] if title_case else _named_sites(sent, stamps)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for start, end in sorted(set(spans), key=lambda se: (se[0] - se[1], se[0])):
        if covered & set(range(start, end)):
            continue
        m = _mention(doc, start, end, stamps)
        if isinstance(m, PlaceMention):
            mentions.append(m)
        if m is not None:  # a place, or a group or person name whose parts are no place either
            covered.update(range(start, end))
    return sorted(mentions, key=lambda m: m.start)


def _mention(
    doc: Doc, start: int, end: int, stamps: tuple[tuple[int, int], ...]
) -> PlaceMention | bool | None:
    """Name and rank of a candidate span; False for a group or person name; None otherwise."""
    toks = list(doc[start:end])
    # "Kiri-Bongo (Dori", "San Roque, Pikit": the model ran the name into its parents
    if cut := next((k for k, t in enumerate(toks) if t.text in ("(", ",")), None):
        toks = toks[:cut]
    types: list[float] = []  # ranks of the place-type words around the name
    while len(toks) > 1 and toks[0].lower_ in PLACE_PREPS:
        toks = toks[1:]  # "Near Al Hawl" at the start of a line: the model took "Near" into the name
    while toks and (toks[0].lower_ in ("the", "a", "of") or toks[0].lower_ in PLACE_TYPE_RANK):
        if toks[0].lower_ in PLACE_TYPE_RANK and not _indefinite(toks[0]):  # "a suburb of Y": Y is wider
            types.append(PLACE_TYPE_RANK[toks[0].lower_])
        toks = toks[1:]
    # a lower-case or acronym type word ("Chikun LGA") is no part of the name
    while toks and ((toks[-1].lower_ in PLACE_TYPE_RANK and not toks[-1].is_title) or toks[-1].is_punct):
        if toks[-1].lower_ in PLACE_TYPE_RANK:  # "Aleppo city" is Aleppo; "Old City" keeps its "City"
            types.append(PLACE_TYPE_RANK[toks[-1].lower_])
        toks = toks[:-1]
    while toks and (toks[0].text in DIRECTION_WORDS or (len(toks) > 1 and _possessive_country(toks[0]))):
        toks = toks[1:]  # "eastern Aleppo" is Aleppo ("Eastern Ghouta" stays); "Syrias Homs" is Homs
    # "as France": a particle is only an article when hyphenated or capitalised ("Al Hawl")
    capital_article = len(toks) > 1 and toks[0].text in ("Al", "El") and toks[1].is_title
    hyphenated = len(toks) > 1 and toks[1].text == "-"
    known_with_article = bool(toks) and toks[0].text in LOWER_CASE_ARTICLES and is_known_place(name_of(toks))
    if (
        toks
        and toks[0].lower_ in NAME_PARTICLES
        and not (hyphenated or capital_article or known_with_article)
    ):
        toks = toks[1:]
    if not toks or any(s <= toks[0].idx < e for s, e in stamps):
        return None
    after = toks[-1].i + 1
    if after < len(doc) and doc[after].lower_ in PLACE_TYPE_RANK:
        types.append(PLACE_TYPE_RANK[doc[after].lower_])
    first = toks[0].i
    # "the Faj Attan district of Sanaa": the district has its own name and Sanaa contains it
    named_type = first >= 3 and doc[first - 3].pos_ == "PROPN" and not demonym_country(doc[first - 3].text)
    named_type = named_type and not _settlement_named_after(doc, first - 1)  # "the Idlib town of Saraqeb"
    if (
        first >= 2
        and doc[first - 1].lower_ == "of"
        and doc[first - 2].lower_ in PLACE_TYPE_RANK
        and not named_type
        and not _indefinite(doc[first - 2])  # "X, a district of Baghdad": Baghdad is X's parent
    ):
        types.append(PLACE_TYPE_RANK[doc[first - 2].lower_])
    typed_apposition = _typed_apposition(doc, after)
    if typed_apposition is not None:
        types.append(typed_apposition)  # "X, a town in Y": the name is a town's
    state_name = len(toks) > 1 and toks[-1].lower_ in ADMIN_TITLES
    if state_name:
        types.append(PLACE_TYPE_RANK[toks[-1].lower_])
    site = _named_site(toks[-1])
    if site:
        types.append(0)  # "graduated from the X Training Center": the site is the finest place
    rank = min(types) if types else 1.5
    if first > 0 and doc[first - 1].lower_ == "to":
        rank += 1  # "bussed to Idlib", "surrendered to X": a destination, not where it happened
    if _describes_a_settlement(doc, after):
        rank += OUTER_STEP  # "the Idlib town of Saraqeb": Idlib only says where the town lies
    window = doc[max(first - 5, 0) : first]
    if any(t.lower_ in DIRECTION_WORDS and doc[t.i + 1].lower_ == "of" for t in window):
        rank += 1.5  # "south of the capital Damascus": a reference point, not the place of the event
    words = {t.lower_ for t in toks}
    if site:
        words -= FACILITY_WORDS | ORG_WORDS
    if _armed_group(doc[toks[0].i : toks[-1].i + 1].text) or _province_of_a_group(toks):
        return False  # "al-Shabaab fighters", "surrendered to the Taliban": a party, not a place
    if state_name and not words & ORG_WORDS - ADMIN_TITLES:
        words -= ADMIN_TITLES  # "Kachin State", "Borno State": a named state, unless a group's name
    # "Abu Kamal", "in Abu Salim": a place, though "Abu" also starts people's names
    place_like = is_known_place(doc[toks[0].i : toks[-1].i + 1].text) or (
        toks[0].lower_ == "abu" and _preceded_by(doc, toks[0].i, PLACE_PREPS - {"from"})
    )
    if (toks[0].lower_ in GROUP_NAME_HEADS and not place_like) or (words & ORG_WORDS and len(toks) > 1):
        return False
    if words & ORG_WORDS or {w.rstrip(".") for w in words} & MONTHS_AND_DAYS or words & EVENT_NOUNS:
        return None  # "... Militant in Airstrike": a headline's capitalised event word is no place
    inside_names = NAME_PARTICLES | NAME_JOINERS
    if any(not (t.text[:1].isupper() or t.lower_ in inside_names or t.is_punct) for t in toks):
        return None  # "Dead as Rival": a place name is capitalised words and Arabic articles
    name = doc[toks[0].i : toks[-1].i + 1].text
    if country_of(name) or demonym_country(name):
        return None
    # "attacked Nacutuco (Mucojo, Cabo Delgado)", "attacked X in Y LGA": the parents make it a place; a
    # bracket of them whatever the parse makes of the name ("Nacutuco" as the next verb's subject)
    parented = _parents_follow(doc, toks[-1].i + 1)
    bracketed = parented and doc[toks[-1].i + 1].text == "("  # not "killed Fahd al-Quso in X province"
    placed = bracketed or _preceded_by(doc, _name_start(toks[0]), PLACE_PREPS - {"from", "between"})
    if not placed and _names_a_party(toks):
        return False  # after "near", "in": a place whatever the parse says ("Near Sinjar, strikes hit")
    geographic = toks[-1].lower_ in GEO_FEATURES  # "in the Sambisa Forest" is a place; "on the Embassy" not
    after_preposition = _preceded_by(doc, _name_start(toks[0]), PLACE_PREPS | {"of"}, across_the=geographic)
    introduced = _preceded_by(doc, start, PLACE_PREPS)  # "in (Syrias) Homs", "in the Sambisa Forest"
    attacked = start > 0 and _against_an_attack(doc[start - 1])
    introduced = introduced or attacked or parented  # "an attack against Abha"
    after_preposition = after_preposition or attacked
    if toks[0].ent_type_ == "PERSON" and rank == 1.5 and not introduced:
        return None  # "opponents of Assad": a person, whatever the gazetteer holds
    if _object_of_a_person_verb(toks[-1]) and not introduced:
        return None  # "the operation killed al-Baghdadi": who was killed, not where
    if toks[-1].ent_type_ == "NORP" and toks[-1].tag_ == "NNPS" and not introduced:
        return None  # "killing hundreds of Americans": a people, whatever the gazetteer holds
    if not is_known_place(name):
        of_a_name = toks[0].i > 0 and doc[toks[0].i - 1].lower_ == "of"
        if of_a_name and toks[0].ent_iob_ == "I" and toks[0].ent_type_ in NAME_TAIL_LABELS:
            return None  # "the Directorate of Security", "the Court of Justice": the tail of a longer name
        # "pounded the Gaza Strip"; a lone unknown word the model calls GPE is as often a surname
        geo_entity = len(toks) > 1 and all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in toks)
        if rank == 1.5 and not after_preposition and not geo_entity and not parented:
            return None
        if not types and _qualifies_a_thing(toks[-1]):
            return None  # "called in NATO aircraft": the name says whose the thing is, not where
        rank += 0 if types else 0.5  # "Kyi Pin village": a place-type word vouches for the name
    elif toks[0].dep_ == "compound" and _qualifies_a_thing(toks[-1], ORG_WORDS):
        return None  # "United States military forces" names an actor; "the Tafas front" is a place
    return PlaceMention(name, rank, toks[0].i, toks[-1].i + 1)


def _typed_apposition(doc: Doc, i: int) -> float | None:
    """The rank of the place-type noun in apposition from token i: ", a town in Y", ", the capital of Y",
    ", a rebel-held suburb of Y" say the name before them is a place of that type."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
        return None
    for t in doc[i + 2 : min(i + 2 + MAX_TYPE_MODIFIERS + 1, len(doc))]:
        if t.lower_ in PLACE_TYPE_RANK and not t.is_title:
            return PLACE_TYPE_RANK[t.lower_]
        # "rebel-held": the pieces of a hyphenated modifier
        hyphened = "-" in (t.text, doc[t.i - 1].text, doc[t.i + 1].text if t.i + 1 < len(doc) else "")
        if t.pos_ not in ("ADJ", "ADV") and not hyphened:
            return None
    return None


def _qualifies_a_thing(last: Token, nouns: frozenset[str] | None = None) -> bool:
    """Whether a name is a compound on the lower-case noun right after it (of `nouns`, if given) that is
    no place, site or line word: "NATO aircraft", "United States military forces"; not "the Tafas
    front", "the Koniko field", "Aleppo city"."""
    head = last.head
    if last.dep_ != "compound" or head.pos_ != "NOUN" or head.is_title or head.i <= last.i:
        return False
    if nouns is not None:
        return head.lower_ in nouns and head.lower_ not in NAMED_LINE_NOUNS
    while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i == head.i + 1:
        head = head.head  # "the Koniko gas field"
    between = last.doc[last.i + 1 : head.i + 1]
    return all(t.pos_ == "NOUN" and not t.is_title for t in between) and head.lower_ not in PLACE_WORDS


def _named_sites(sent: Span, stamps: tuple[tuple[int, int], ...]) -> list[PlaceMention]:
    """Buildings named for an event, at rank 0: "inside the X mosque", "struck the X School", "at the
    Cathedral of X", "at the X City Hall music venue". Near one ("near the X Mosque") it is only a
    reference point, and a name of demonyms ("the Syrian school") names no building."""
    doc = sent.doc
    sites: list[PlaceMention] = []
    for w in sent:
        rank = _site_rank(w) if w.lower_ in LANDMARK_WORDS else None
        if rank is None:
            continue
        start = w.i
        while start > sent.start and (_capitalised(doc[start - 1]) or doc[start - 1].lower_ in NAME_JOINERS):
            start -= 1  # "the Police Lines mosque", "al-Sina'a prison"
        while start < w.i and (
            doc[start].is_stop or not _particle(doc[start]) and not _capitalised(doc[start])
        ):
            start += 1  # "The X School" at a sentence's start: "The" is no part of the name
        own = [
            t
            for t in doc[start : w.i]
            if _capitalised(t) and not (demonym_country(t.text) or country_of(t.text))
        ]
        end = w.i + 1
        if _capitalised(w) and end + 1 < sent.end and doc[end].lower_ == "of" and _capitalised(doc[end + 1]):
            end += 1  # "the Cathedral of Our Lady of Mount Carmel"
            while end < sent.end and (
                _capitalised(doc[end])
                or doc[end].lower_ == "of"
                and end + 1 < sent.end
                and _capitalised(doc[end + 1])
            ):
                end += 1
            own = own or list(doc[w.i + 2 : end])
        if own and not any(s <= doc[start].idx < e for s, e in stamps):
            sites.append(PlaceMention(doc[start:end].text, rank, start, end, site=True))
    return sites


def _capitalised(token: Token) -> bool:
    """A word of a name: capitalised, whatever follows an apostrophe ("Sina'a" is no title-case word)."""
    return token.text[:1].isupper()


def _site_referred_to(sent: Span, ruled: list[Span]) -> str | None:
    """The building a definite building word points back at ("the mosque", "the now-destroyed prison"):
    the last one of that kind named as a scene in the sentences before (`SITE_LOOKBACK_SENTENCES`)."""
    words = {t.lower_ for t in sent if t.lower_ in LANDMARK_WORDS and _definite(t)}
    if not words:
        return None
    doc = sent.doc
    prev = sent
    for _ in range(SITE_LOOKBACK_SENTENCES):
        if prev.start == 0:
            return None
        prev = doc[prev.start - 1].sent
        for m in reversed(sentence_places(prev, ruled)):
            if m.site and any(t.lower_ in words for t in doc[m.start : m.end]):
                return m.name
    return None


def _definite(token: Token) -> bool:
    """A lower-case noun with "the", "this" or "that" in its phrase ("the now-destroyed prison", which the
    parse may hang on the adjective): it points back at one named before."""
    return not token.is_title and any(
        t.i < token.i and t.lower_ in ("the", "this", "that") for t in token.subtree
    )


def _site_rank(word: Token) -> float | None:
    """How finely a building word places the event: where the sentence's happening took place ("exploded
    at", "fought in", "an attack on"): 0; what an attack verb struck ("struck the X school"): the target,
    so the place only when the sentence names none around it (`STRUCK_SITE_RANK`). None where the
    wounded were taken, someone spoke, or a person works ("doctors at the X Hospital")."""
    head = word
    while head.dep_ == "compound" and head.head != head:
        head = head.head  # "the X City Hall music venue"
    verb = head.head
    if head.dep_ in ("dobj", "nsubjpass"):
        struck = verb.lemma_.lower() in ATTACK_VERBS | TOLL_ANTECEDENT_ATTACK_VERBS
        return STRUCK_SITE_RANK if struck else None
    if head.dep_ != "pobj" or verb.lower_ not in SITE_PREPS:
        return None
    scene = verb.head
    if scene.pos_ in ("VERB", "AUX"):
        return None if scene.lemma_.lower() in CARE_VERBS | AWAY_FROM_SITE_VERBS else 0
    return (
        0 if scene.lemma_.lower() in EVENT_NOUNS | ANAPHORIC_ATTACK_NOUNS | {"fire"} else None
    )  # "opened fire on"


def _object_of_a_person_verb(token: Token) -> bool:
    """Whether the name's head word is what a killing or capturing verb befell: its object, or the
    subject of its passive ("X was killed"), or the "of" of such a deed ("the death of X")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in PERSON_FATE_NOUNS
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in PERSON_OBJECT_VERBS


def _named_site(last: Token) -> bool:
    """Whether a capitalised name ending at this token is a site the event took place at: "at the X
    Training Center", "graduated from the X Academy" (not "a report from the X Center")."""
    if last.lower_ not in FACILITY_WORDS or not last.is_title:
        return False
    prep = last.head
    return prep.lower_ == "at" or (prep.lower_ == "from" and prep.head.pos_ == "VERB")


def _parents_follow(doc: Doc, i: int) -> bool:
    """Whether the words from token i name a place's parents: a bracket of names one of which the
    gazetteer knows or a type word marks ("(Mucojo, Cabo Delgado)", "(Rafi LGA, Niger)"), or "in" and
    a name with a type word ("in Chikun LGA")."""
    if i >= len(doc) or doc[i].text not in ("(", "in"):
        return False
    window = doc[i + 1 : min(i + 1 + MAX_BRACKET_WORDS, len(doc))]
    if doc[i].text == "in":
        names = list(itertools.takewhile(lambda t: t.is_title, window))
        after = window[len(names)] if len(names) < len(window) else None
        return bool(names) and after is not None and after.lower_ in PLACE_TYPE_RANK and not after.is_title
    if not window or not window[0].is_title or ")" not in [t.text for t in window]:
        return False
    inside = list(itertools.takewhile(lambda t: t.text != ")", window))
    parts: list[list[Token]] = [[]]
    for t in inside:
        if t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return all(part and part[0].is_title for part in parts) and any(
        part[-1].lower_ in PLACE_TYPE_RANK or is_known_place(name_of(part)) for part in parts
    )


def name_of(toks: list[Token]) -> str:
    return toks[0].doc[toks[0].i : toks[-1].i + 1].text


def _particle(token: Token) -> bool:
    """A name's article: "Al" in "Al Hawl", "al" in "in al Khalsiyeh"."""
    return token.lower_ in NAME_PARTICLES and (token.is_title or token.lower_ in LOWER_CASE_ARTICLES)


def _article_before_name(doc: Doc, i: int, end: int) -> bool:
    """ "al Bab": a lower-case Arabic article followed by a capitalised word."""
    return i + 1 < end and doc[i].text in LOWER_CASE_ARTICLES and doc[i + 1].is_title


def _name_start(token: Token) -> int:
    """Where a name begins with its Arabic article ("Al Hawl" for "Hawl")."""
    i = token.i
    while i > 0 and _particle(token.doc[i - 1]):
        i -= 1
    return i


def _against_an_attack(token: Token) -> bool:
    """ "against" under an attack word: its object is the place attacked ("an attack against Abha")."""
    return token.lower_ == "against" and token.head.lemma_.lower() in EVENT_NOUNS


def _preceded_by(doc: Doc, i: int, words: frozenset[str], *, across_the: bool = True) -> bool:
    """Whether token i follows one of the words, directly or (if allowed) across "the"."""
    j = i - 1
    if j >= 0 and doc[j].text in AREA_ADJECTIVES:
        j -= 1  # "in northern Hama"
    if across_the and j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return j >= 0 and doc[j].lower_ in words


def _armed_group(name: str) -> bool:
    """Whether a name is an armed group in the actor table (groups are never event places)."""
    actor = canonical_actor(name)
    return actor is not None and actor.type in ARMED_GROUP_TYPES


def _settlement_named_after(doc: Doc, of: int) -> bool:
    """ "town of Saraqeb": "of" after a settlement word names the settlement itself, unless a type word
    follows the name and makes it the parent ("Bandar Kalay village of Arghistan district")."""
    if not (0 < of < len(doc) - 1 and doc[of].lower_ == "of" and doc[of - 1].lower_ in SETTLEMENT_WORDS):
        return False
    if _indefinite(doc[of - 1]):
        return False  # "X, a suburb of Damascus": Damascus is X's parent
    j = of + 1
    while j < len(doc) and (doc[j].is_title or doc[j].lower_ in NAME_JOINERS):
        j += 1
    return j > of + 1 and (j == len(doc) or doc[j].lower_ not in PLACE_TYPE_RANK)


def _indefinite(token: Token) -> bool:
    """A noun with "a"/"an": "a district of Baghdad" files a place named before it, names none."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def _describes_a_settlement(doc: Doc, i: int) -> bool:
    """Whether the words from token i are lower-case type words ending in a settlement word, then "of"
    and the settlement's name: the name before them describes where that settlement lies."""
    while i < len(doc) and doc[i].lower_ in PLACE_TYPE_RANK and not doc[i].is_title:
        i += 1
    return _settlement_named_after(doc, i)


def _province_of_a_group(toks: list[Token]) -> bool:
    """ "Islamic State Somalia Province": a capitalised type word ending a group's name, not a place."""
    if not (toks[-1].is_title and toks[-1].lower_ in PLACE_TYPE_RANK):
        return False
    start = toks[0].i
    while start > 0 and start > toks[0].i - MAX_GROUP_WORDS and toks[0].doc[start - 1].is_title:
        start -= 1
    return start < toks[0].i and _armed_group(toks[0].doc[start : toks[0].i].text)


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
    # "talks between X and Y" names parties; "the road between X and Y" places
    if root.dep_ == "pobj" and root.head.lower_ == "between":
        return root.head.head.lemma_.lower() not in ROUTE_NOUNS
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "by", "against", "and"):
        return not _against_an_attack(root.head)  # "a deal with Damascus"; not "an attack against Abha"
    i = toks[0].i - 1
    while i > 0 and root.doc[i].lower_ in NAME_PARTICLES:
        i -= 1  # "Bashar al - Assad": look past the article to the given name
    before = root.doc[i] if i >= 0 and i < toks[0].i else None
    if before is not None and (before.lower_ in GROUP_NAME_HEADS or before.lower_ in PERSON_TITLES):
        return True
    inside_person = toks[0].ent_type_ == "PERSON" and toks[0].ent_iob_ == "I"  # "Hamza al-Khatib"
    return inside_person and not is_known_place(root.doc[toks[0].i : toks[-1].i + 1].text)


def find_location(sent: Span, ruled: list[Span], layout: ArticleLayout, anchor: Token | None = None) -> Where:
    """Most specific place near the trigger; else the dateline's; else the article's dominant place."""
    mentions = sentence_places(sent, ruled)
    if anchor is not None:
        mentions = [
            m
            for m in mentions
            if abs(m.start - anchor.i) <= MAX_PLACE_DISTANCE and not _names_another_event(m, sent.doc, anchor)
        ]
        mentions = _own_clause_first(mentions, sent.doc, anchor)
    mentions = [
        dataclasses.replace(m, rank=m.rank + OUTER_STEP) if _describes_a_person(m, sent.doc) else m
        for m in mentions
        if not _speaks(sent.doc[m.end - 1])
    ]
    named_countries = (t for t in sent if names_its_country(t) and not _speaks(t))
    country = next((c for t in named_countries if (c := country_of(t.text))), None)
    if mentions:
        ranked = sorted(_inner_places_first(mentions, sent.doc), key=lambda m: (m.rank, m.start))
        best = ranked[0]
        # "a town outside X" ... "the attack on the town of Douma"
        if _unnamed_place_near(best, sent.doc) and (follow_up := _follow_up_place(sent, ruled)) is not None:
            return dataclasses.replace(follow_up, country=country or layout.country)
        group = [m for m in mentions if m is not best and _coordinated(best, m, sent.doc)]
        if group:
            # "al-Qosour and al-Jora neighbourhoods in Deir Ezzor": the event spans both, name their city
            first = min([best, *group], key=lambda m: m.start)  # "between X and Y": X, as annotators write
            between = first.start > 0 and sent.doc[first.start - 1].lower_ == "between"
            last = max(m.end for m in [best, *group])  # their city is named after them
            wider = (m for m in ranked if m.rank > best.rank + 0.5 and m not in group and m.start >= last)
            best = first if between else next(wider, first)
        if (retold := _retold_place(sent, ruled, best.rank)) is not None:  # inside or near the place named
            return Where(retold.name, "sentence", country or layout.country, best.name)
        return Where(best.name, "sentence", country or layout.country, _parent_of(best, mentions, sent.doc))
    follow_up = _follow_up_place(sent, ruled)
    if follow_up is not None:
        return dataclasses.replace(follow_up, country=country or layout.country)
    if (site := _site_referred_to(sent, ruled)) is not None:
        return Where(site, "article", country or layout.country)
    named = _country_in(sent)  # "In Syria, the coalition conducted 10 strikes"
    if layout.dateline_place and (named is None or lies_in(layout.dateline_place, named)):
        return Where(layout.dateline_place, "dateline", country or layout.country)
    told = _preceding_place(sent, ruled) or _same_toll_place(sent, ruled)
    if told is not None and (named is None or lies_in(told.parent or told.name, named)):
        # "article": a place told for the incident, not by the sentence; another mention's own place wins
        return Where(told.name, "article", country or layout.country, told.parent)
    if named is not None:  # the sentence's own country beats a regional dateline and a guess
        return Where(named, "sentence", country or layout.country)
    if place := article_place(sent.doc, ruled, layout.headline, layout.dateline_end):
        return Where(place, "article", country or layout.country)
    return Where(None, None, country or layout.country)


def _speaks(token: Token) -> bool:
    """ "France condemned the bombing", "Canada stands with the victims": a state that reacts to the
    event is no place of it (the last word of its name is the reacting verb's subject); one that
    reports it ("Nigeria said") mostly tells of its own land."""
    verb = token.head
    return token.dep_ == "nsubj" and verb.lemma_.lower() in REACTION_VERBS | SOLIDARITY_VERBS


def _own_clause_first(mentions: list[PlaceMention], doc: Doc, anchor: Token) -> list[PlaceMention]:
    """Places outside the trigger's clause rank wider than those in it: "X, who fled from A to join
    them in B" places the joining in B; "a lawyer from A, who was killed near B" places the death in B."""
    if anchor.pos_ != "VERB":
        return mentions  # a noun's phrase hangs on whichever verb the parse chose ("after a deal")
    inside = range(anchor.left_edge.i, anchor.right_edge.i + 1)
    if not any(m.start in inside for m in mentions):
        return mentions
    return [m if m.start in inside else dataclasses.replace(m, rank=m.rank + OUTER_STEP) for m in mentions]


def _describes_a_person(mention: PlaceMention, doc: Doc) -> bool:
    """ "St. Petersburg lawyer Ivan X": a place before a person's title says where they are from, not
    where the event was."""
    token = doc[mention.end - 1]
    title = token.head
    prep = doc[mention.start - 1] if mention.start > 0 else None
    if prep is not None and prep.lower_ == "from":
        # "two men from X killed a guard in Y": where the people come from, not where they acted
        return prep.head.pos_ in ("NOUN", "PROPN") and prep.head.lemma_.lower() not in EVENT_NOUNS
    named_people = title.pos_ == "NOUN" and title.lemma_.lower() in PEOPLE_WORDS
    if named_people and token.dep_ in ("compound", "amod", "nmod") and title.i == token.i + 1:
        return True  # "400 Amhara civilians": who they are, not where they were
    return (
        token.dep_ == "compound"
        and title.pos_ == "NOUN"
        and title.dep_ in ("compound", "appos")
        and title.head.ent_type_ == "PERSON"
    )


def _names_another_event(mention: PlaceMention, doc: Doc, anchor: Token) -> bool:
    """A place that modifies a noun of another event hung on a person or thing ("a leader behind the
    Kabul bombings", "a suspect in the attack on Herat"), or sits in a relative clause on a person
    apart from the trigger: another happening's place, not the trigger's."""
    token = doc[mention.end - 1]
    for _ in range(MAX_EVENT_HOPS):
        # "including X, who was killed near Y": the clause tells the same deed of one of the victims
        if _about_a_person(token) and anchor not in token.subtree and token.lemma_ != anchor.lemma_:
            return True  # "X, who served as governor for Y, was killed": Y is the clause's, not the death's
        if token == anchor or token.head == token or token.pos_ in ("VERB", "AUX"):
            return False
        if token.lemma_.lower() in EVENT_NOUNS and token.dep_ == "pobj":
            owner = token.head.head  # "leader" in "leader behind the bombings"
            return (
                owner != anchor
                and owner.pos_ in ("NOUN", "PROPN")
                and owner.lemma_.lower() not in EVENT_NOUNS
                and owner.lower_ not in PLACE_TYPE_RANK
            )
        token = token.head
    return False


def _about_a_person(token: Token) -> bool:
    """A relative clause on a person ("who served in X"), telling their past, not the event's place."""
    return token.dep_ == "relcl" and any(c.lower_ in ("who", "whom", "whose") for c in token.children)


def _inner_places_first(mentions: list[PlaceMention], doc: Doc) -> list[PlaceMention]:
    """A place named just before its parent is inside it, so it ranks finer whatever their type words
    say: "X area of Y district", "X (Y, Z)", "X village in Y", "X near Y", "X city, Y province"."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for i in range(len(ordered) - 2, -1, -1):  # right to left: "X area of Y district, Z" chains
        inner, outer = ordered[i], ordered[i + 1]
        landmark = doc[inner.end - 1].lower_ in LANDMARK_WORDS  # "near the X Mosque in Y neighbourhood": Y
        if inner.rank >= outer.rank and not landmark and _parent_follows(inner, outer, doc):
            ordered[i] = dataclasses.replace(inner, rank=outer.rank - CHAIN_STEP)
    return ordered


def _parent_of(place: PlaceMention, mentions: list[PlaceMention], doc: Doc) -> str | None:
    """The place the text names right after this one as its parent, if any."""
    after = sorted((m for m in mentions if m.start >= place.end), key=lambda m: m.start)
    return after[0].name if after and _parent_follows(place, after[0], doc) else None


def _parent_follows(inner: PlaceMention, outer: PlaceMention, doc: Doc) -> bool:
    """Whether the words between two places make the second the first's parent."""
    if _filed_by_apposition(inner, outer, doc):
        return True
    between = [t.lower_ for t in doc[inner.end : outer.start]]
    bracket = list(itertools.dropwhile(lambda w: w in PLACE_TYPE_RANK, between))  # "X locality (Y"
    if bracket[:1] == ["("] and ")" not in bracket and len(bracket) <= MAX_BRACKET_WORDS:
        return True  # "Sienso (San, Segou)": the bracket after a place holds its parents
    if not 0 < len(between) <= MAX_CHAIN_WORDS or any(
        w not in PLACE_TYPE_RANK and w not in CHAIN_WORDS and w not in NAMED_LINE_NOUNS for w in between
    ):
        return False
    if "(" in between or "near" in between or "in" in between:
        return True  # "X (Y)", "X near Y", "X village in Y"
    if "of" in between:  # "X area of Y"; not "the X town of Y", where Y is the town
        of = inner.end + between.index("of")
        return (
            of > inner.end
            and between[of - inner.end - 1] in PLACE_TYPE_RANK
            and not _settlement_named_after(doc, of)
        )
    # "X, Y": a list, unless Y is a wider unit ("Jalawla, Diyala province", "Mingajik city, Jowzjan")
    after = doc[outer.end].lower_ if outer.end < len(doc) else ""
    wider_word = PLACE_TYPE_RANK.get(after, 0) >= WIDE_TYPE_RANK
    # "near Starohnativka, Donetsk": a village the gazetteer lacks, then a known place closing the phrase
    list_goes_on = after in ("and", "or") or (
        after == "," and outer.end + 1 < len(doc) and doc[outer.end + 1].is_title
    )
    unknown_then_known = not is_known_place(inner.name) and is_known_place(outer.name) and not list_goes_on
    return wider_word or unknown_then_known or _in_a_bracket(inner, outer, doc) or _is_region(outer.name)


def _filed_by_apposition(inner: PlaceMention, outer: PlaceMention, doc: Doc) -> bool:
    """ "X, an Israeli settlement in Y", "X, a town on the edge of Y": a noun with "a"/"an" in apposition
    to a place files it in the place its phrase names."""
    if not 0 < outer.start - inner.end <= MAX_APPOSITION_WORDS:
        return False
    token = next((t for t in doc[outer.start : outer.end] if not outer.start <= t.head.i < outer.end), None)
    for _ in range(MAX_EVENT_HOPS):
        if token is None or token.head == token or token.pos_ == "VERB":
            return False
        token = token.head
        if token.dep_ == "appos" and inner.start <= token.head.i < inner.end:
            return token.pos_ == "NOUN" and _indefinite(token)
    return False


def _in_a_bracket(inner: PlaceMention, outer: PlaceMention, doc: Doc) -> bool:
    """ "X (Giwa LGA, Kaduna)": names in the bracket after a place are its parents, each inside the next."""
    before = doc[max(inner.start - MAX_BRACKET_WORDS, 0) : inner.start]
    opened = next((t for t in reversed(before) if t.text in ("(", ")")), None)
    after = doc[outer.end : outer.end + MAX_BRACKET_WORDS]
    closed = next((t for t in after if t.text in ("(", ")")), None)
    return opened is not None and opened.text == "(" and closed is not None and closed.text == ")"


def _is_region(name: str) -> bool:
    """Whether the gazetteer knows a name as a district or province rather than a town."""
    found = resolve_place(name)
    return found is not None and found.geo_precision >= 2


def _country_in(sent: Span) -> str | None:
    """A country the sentence places things in ("in Syria", "across Iraq"), as written: the most
    specific place it names when it names no finer one, finer than a regional dateline."""
    for ent in span_entities(sent):
        before = ent.start - 1
        if before > sent.start and sent.doc[before].text in DIRECTION_WORDS:
            before -= 1  # "in eastern Syria"
        placed = before >= sent.start and sent.doc[before].lower_ in COUNTRY_PREPS
        if ent.label_ in ("GPE", "LOC") and placed and names_its_country(ent[-1]) and country_of(ent.text):
            return ent.text
    return None


def article_place(
    doc: Doc, ruled: list[Span], headline: tuple[int, int] | None, dateline_end: int = 0
) -> str | None:
    """The place the article names most (a name in the headline counts thrice), for events whose
    sentence names none; counted once per doc (kept in its state), and only when an event asks.

    Stamps are not left out of this count (`stamps=()`): it has always been taken that way; only the
    leading dateline (before `dateline_end`, fixed by the doc's text) is, where the reporter filed
    from ("WASHINGTON, May 13 –" on an Afghan story), which `find_location` takes when it is a place.
    """
    known = state_of(doc).article_places
    key = (tuple((s.start, s.end) for s in ruled), headline)
    if key not in known:
        counts: Counter[str] = Counter()
        for sent in doc_sentences(doc):
            for m in _inner_places_first(sentence_places(sent, ruled, stamps=()), doc):
                if doc[m.start].idx < dateline_end or _speaks(doc[m.end - 1]):
                    continue
                if not m.site and (
                    m.rank < 2 or is_known_place(m.name)
                ):  # "near X, Donetsk": X by its parent
                    in_headline = headline is not None and headline[0] <= doc[m.start].idx < headline[1]
                    counts[m.name] += 3 if in_headline else 1
        known[key] = counts.most_common(1)[0][0] if counts else None
    return known[key]


def _definite_place_noun(t: Token) -> bool:
    """ "in the city", "on the town": a place type word pointing back at a place already named."""
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
    return t.lower_ in PLACE_TYPE_RANK and definite and t.head.lower_ in PLACE_PREPS


def _follow_up_place(sent: Span, ruled: list[Span]) -> Where | None:
    """The place one of the next sentences gives when it refers back ("The blast took place in al-Mashi"),
    or a finer one a sentence after that gives for the same incident (`_retold_place`)."""
    found = _first_follow_up(sent, ruled)
    if found is None:
        return None
    place, told_in = found
    finer = _retold_place(told_in, ruled, place.rank)
    return Where(finer.name, "sentence", None, place.name) if finer else Where(place.name, "sentence", None)


def _first_follow_up(sent: Span, ruled: list[Span]) -> tuple[PlaceMention, Span] | None:
    """The place the first of the next sentences that refers back gives, and that sentence."""
    doc = sent.doc
    if sent.end >= len(doc) or any(_definite_place_noun(t) for t in sent):
        return None  # "in the city": the sentence refers to a place named before, not after
    nxt = doc[sent.end].sent
    # past the next sentence only from a sentence that places its event in a country ("in southern Somalia")
    for _ in range(FOLLOW_UP_SENTENCES if _country_in(sent) else 1):
        if not is_parsed(nxt):
            return None  # a flat parse has no lemmas or heads to refer back with
        refers_back = any(
            t.lower_ in ("the", "this", "that") and t.head.lemma_.lower() in ANAPHORIC_ATTACK_NOUNS
            for t in nxt
        )
        mentions = sorted(sentence_places(nxt, ruled), key=lambda m: (m.rank, m.start))
        if refers_back and mentions:
            return mentions[0], nxt
        if restated := [m for m in mentions if _restates(nxt.doc[m.start], sent)]:
            return restated[0], nxt
        if mentions or nxt.end >= len(doc):
            return None  # a place for something else comes first
        nxt = doc[nxt.end].sent
    return None


def _retold_place(sent: Span, ruled: list[Span], rank: float) -> PlaceMention | None:
    """A place no wider than the sentence's (of `rank`) that the next sentences name where they tell its
    incident again: "an airstrike in Beirut. The strike took place ... in X", "a bomb killed seven in the
    Y region. The victims died after the cart was hit by the blast near the town of X", "the strike
    happened near the town of X. Residents pinpointed the attack to the village of Z" (Z). The search
    stops at a sentence with a place of something else."""
    doc = sent.doc
    found = None
    start = sent.end
    for _ in range(RETELLING_SENTENCES):
        if start >= len(doc):
            break
        nxt = doc[start].sent
        mentions = sentence_places(nxt, ruled)
        told = [m for m in mentions if not m.site and _tells_it_again(nxt, doc[m.end - 1])]
        if told and len(told) == len(mentions):
            best = min(_inner_places_first(told, doc), key=lambda m: (m.rank, m.start))
            if best.rank > rank or country_of(best.name):
                break  # "The attack took place in the province": wider than the place already named
            if any(m.name == best.name for m in sentence_places(sent, ruled)):
                break  # "raids on X and Y. The strike on Y ...": one of the places told again
            found, rank = best, best.rank
        elif mentions:
            break
        start = nxt.end
    return found


def _tells_it_again(sent: Span, place: Token) -> bool:
    """Whether a place hangs on a definite noun of an incident told before ("the blast near X"), or on a
    verb that locates one ("pinpointed the attack to X"), whose agent is one ("was hit by the blast"),
    or whose subject is one and tells it happen ("the strike took place in X"), across participles and
    adverbial clauses. Without a parse: the sentence opens with "The <noun> took place / happened"."""
    if not is_parsed(sent):
        words = [t.lower_ for t in sent if not t.is_space][:3]
        return (
            len(words) == 3
            and words[0] in ("the", "this", "that")
            and words[1] in RETELLING_NOUNS
            and words[2] in RETELLING_VERB_WORDS
        )
    for token in place.ancestors:
        if _about_a_person(token):
            return False
        if _definite_retelling(token):
            return True
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        told = {c.dep_ for c in token.children if _definite_retelling(c)}
        if told & {"nsubj", "nsubjpass"} and lemma in RETELLING_SUBJECT_VERBS:
            return lemma != "take" or any(c.lower_ == "place" for c in token.children)
        if "dobj" in told and lemma in LOCATING_VERBS:
            return True
        agents = (g for c in token.children if c.dep_ == "agent" for g in c.children)
        if any(_definite_retelling(g) for g in agents):
            return True  # "the truck was hit by the blast near X"
        if token.dep_ not in ("acl", "advcl"):
            return False
    return False


def _definite_retelling(token: Token) -> bool:
    """ "the attack", "this strike": a noun of an incident with a definite determiner; not one a name
    makes another incident ("the November 2015 Paris attacks")."""
    return (
        token.pos_ == "NOUN"
        and token.lemma_.lower() in RETELLING_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    )


def _preceding_place(sent: Span, ruled: list[Span]) -> Where | None:
    """The place where the sentence just before tells an incident happen, for a sentence that names
    none ("Two bombs exploded at a church in X. Twenty people were killed."): only a place hung on an
    attack or incident word counts (two sentences back, another incident's place as often)."""
    doc = sent.doc
    if sent.start == 0 or any(_places_itself(t) for t in sent):
        return None
    prev = doc[sent.start - 1].sent
    if not is_parsed(prev):
        return None
    places = sentence_places(prev, ruled)
    # "IS attacked X. 5,000 were killed during the attack. IS then kidnapped ...": a sentence of the same
    # paragraph that names no place but tells the incident again ("the attack") carries on its story
    for _ in range(PLACELESS_SENTENCES_BACK):
        if places or prev.start == 0 or not any(_definite_retelling(t) for t in prev):
            break
        before = doc[prev.start - 1].sent
        if not is_parsed(before) or "\n" in gap_between(before, prev):
            break
        prev, places = before, sentence_places(before, ruled)
    told = [m for m in places if _at_an_incident(doc[m.end - 1])]
    if not told:
        return None
    best = min(_inner_places_first(told, doc), key=lambda m: (m.rank, m.start))
    return Where(best.name, "sentence", None, _parent_of(best, told, doc))


def _same_toll_place(sent: Span, ruled: list[Span]) -> Where | None:
    """Where a toll the sentence tells again was first told at an incident: "Troops killed seven
    insurgents in a raid near X. ... Helicopters fired on the rooftop, killing seven insurgents" (X).
    The same number (at least `SAME_TOLL_MIN`) on the same noun; the nearest such sentence before."""
    if not is_parsed(sent) or not (tolls := _tolls(sent)):
        return None
    doc = sent.doc
    earlier = sent
    for _ in range(SAME_TOLL_SENTENCES_BACK):
        if earlier.start == 0:
            break
        earlier = doc[earlier.start - 1].sent
        if not is_parsed(earlier) or not tolls & _tolls(earlier):
            continue
        told = [m for m in sentence_places(earlier, ruled) if _at_an_incident(doc[m.end - 1])]
        if told:
            best = min(_inner_places_first(told, doc), key=lambda m: (m.rank, m.start))
            return Where(best.name, "sentence", None, _parent_of(best, told, doc))
    return None


def _tolls(sent: Span) -> set[tuple[int, str]]:
    """The numbers of at least `SAME_TOLL_MIN` the sentence counts a noun by, with the noun's lemma."""
    return {
        (value, t.head.lemma_.lower())
        for t in sent
        if t.dep_ == "nummod"
        and t.head.pos_ == "NOUN"
        and (value := number_value(t.text)) is not None
        and value >= SAME_TOLL_MIN
    }


def _places_itself(token: Token) -> bool:
    """A word by which a sentence tells a place or an attack of its own, not the one told before: a
    place-type noun ("in another district of the city") or an attack verb with an object ("jets
    bombarded X", whose name the parse may miss)."""
    if token.lower_ in PLACE_TYPE_RANK and not token.is_title:
        return True
    attack = token.lemma_.lower() in ATTACK_VERBS | TOLL_ANTECEDENT_ATTACK_VERBS
    attack = attack and token.lemma_.lower() not in STRIKE_VICTIM_VERBS
    return token.pos_ == "VERB" and attack and any(c.dep_ == "dobj" for c in token.children)


def _at_an_incident(token: Token) -> bool:
    """Whether a place hangs on an attack word or a verb of an incident happening ("a raid on a house
    in X", "bombs exploded at the cathedral in X", "the attack took place in X")."""
    for _ in range(MAX_EVENT_HOPS):
        if _about_a_person(token) or token.head == token:
            return False
        token = token.head
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" and lemma in ANAPHORIC_ATTACK_NOUNS | EVENT_NOUNS:
            return True
        if token.pos_ == "VERB" and lemma in INCIDENT_TELLING_VERBS:
            return lemma != "take" or any(c.lower_ == "place" for c in token.children)
    return False


def _restates(place: Token, sent: Span) -> bool:
    """Whether a later sentence's place hangs on a telling again of the sentence's happening: one of
    its verbs on a definite noun of it ("drones killed 11 militants" ... "one of the militants killed
    near X"), not a place elsewhere in that sentence ("the deal signed Thursday gives autonomy in X")."""
    verbs = {t.lemma_.lower() for t in sent if t.pos_ == "VERB"}
    nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
    for verb in place.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
            told = [verb.head, *verb.children] if verb.dep_ == "acl" else list(verb.children)
            # "most of the farmers killed": the parse may hang the verb on "most"
            told += [g for t in told for p in t.children if p.lower_ == "of" for g in p.children]
            return any(
                t.pos_ == "NOUN"
                and t.lemma_.lower() in nouns
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
                for t in told
            )
    return False


def _unnamed_place_near(mention: PlaceMention, doc: Doc) -> bool:
    """ "a rebel-held town outside Damascus": the event's place is an unnamed town, the name a landmark."""
    prep = doc[mention.start - 1] if mention.start > 0 else None
    if prep is None or prep.lower_ not in ("outside", "near"):
        return False
    town = prep.head
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in town.children)
    return town.lower_ in PLACE_TYPE_RANK and indefinite


def _coordinated(a: PlaceMention, b: PlaceMention, doc: Doc) -> bool:
    """Two places joined by "and"/"or", as in "X and Y neighbourhoods", "X, and Y"."""
    first, second = (a, b) if a.start < b.start else (b, a)
    between = [t.lower_ for t in doc[first.end : second.start]]
    joined = "and" in between or "or" in between  # "X, Y" alone is a place and its parent ("Jalawla, Diyala")
    return joined and len(between) <= 2 and all(t in ("and", "or", ",") for t in between)
