"""How many: the number that modifies a noun ("at least 12 civilians", "dozens of fighters")."""

from __future__ import annotations

from spacy.tokens import Token

from extractors.lexicon import (
    AGENT_NOUN_ENDINGS,
    COLLECTIVES,
    DEFINITE,
    GROUP_PEOPLE_NOUNS,
    INJURY_LEMMAS,
    MONTHS_AND_DAYS,
    ONE_MORE_WORDS,
    PEOPLE_WORDS,
    REMNANT_WORDS,
    ROLE_TITLES,
    TALLY_NOUNS,
    TALLY_VERBS,
    VICTIM_NOUNS,
    WEEKDAYS,
)
from extractors.normalize.numbers import Amount, parse_amount
from extractors.slots.clauses import child, in_stamp
from extractors.speed.docviews import doc_entities


def amount_of(noun: Token) -> Amount | None:
    """Count a noun phrase states ("at least 16 civilians and three children" -> 19, at_least)."""
    doc = noun.doc
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        if _wounded_word(noun) and not _wounded_word(noun.head):
            break  # "33 deaths and 195 injuries": the wounded are counted apart
        noun = noun.head  # "Five children and four medical staff": count from the first conjunct
    amount = own_amount(noun)
    for conj in noun.children:
        separate = any(t.lower_ == "well" for t in doc[noun.i : conj.i])  # "as well as": two tolls
        if conj.dep_ != "conj" or separate or (_wounded_word(conj) and not _wounded_word(noun)):
            continue  # "33 deaths and 195 injuries": the wounded are no part of the toll
        another = conj.lower_ in ONE_MORE_WORDS and not any(c.like_num for c in conj.children)
        if conj.pos_ in ("NOUN", "PROPN", "NUM") or another:
            extra = Amount(1, "exact") if another else own_amount(conj)  # "two leaders and another": 3
            # "a commander and his wife": one more; not "two dead and the injury of others"
            person = conj.lemma_.lower() not in INJURY_LEMMAS | VICTIM_NOUNS
            one_more = conj.tag_ in ("NN", "NNP") and conj.lower_ not in COLLECTIVES and person
            if extra is None and amount is not None and one_more:
                extra = Amount(1, "exact")  # "a commander and his wife": one more; not "and a number of"
            if extra is not None:
                # "Ali Saleh and 12 others": 13; "the bus driver and five passengers": 6
                named = (noun.ent_type_ == "PERSON" and noun.tag_ == "NNP") or one_by_role(noun)
                value = (amount.value if amount else int(named)) + extra.value
                bounds = [a.qualifier for a in (amount, extra) if a is not None and a.qualifier != "exact"]
                amount = Amount(value, bounds[0] if bounds else "exact")
    return amount


def group_amount(noun: Token) -> Amount | None:
    """The number of the people a noun names when it is written beside the noun, not on it: an
    apposition ("the militia, 600 men,"), the group a remnant is part of ("the last of its 2,100
    militants"), or the figure a tally of them reached ("the number of people who settled reached 2,400")."""
    appos = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "NUM")), None)
    if appos is not None and (amount := own_amount(appos)) is not None:
        return amount
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = child(of, "pobj") if of is not None and noun.lemma_.lower() in REMNANT_WORDS else None
    if group is not None:
        return amount_of(group)
    tally = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    verb = tally.head if tally is not None and tally.lemma_.lower() in TALLY_NOUNS else None
    if verb is None or tally is None or tally.dep_ != "nsubj" or verb.lemma_.lower() not in TALLY_VERBS:
        return None
    links = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")]
    figures = (child(verb, "dobj"), *(child(p, "pobj") for p in links))
    figure = next((x for x in figures if x is not None), None)
    if figure is None or not figure.like_num:
        return None
    return parse_amount(noun.doc[figure.left_edge.i : figure.i + 1].text)  # "reached more than 2,400"


def one_by_role(noun: Token) -> bool:
    """A singular noun naming one person by role, made definite by an article or an owner ("the bus
    driver", "the group's leader", "the emir of X"): one person, though no number is written."""
    lemma = noun.lemma_.lower()
    if noun.tag_ != "NN" or lemma in GROUP_PEOPLE_NOUNS or lemma in COLLECTIVES:
        return False
    definite = any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children)
    person = lemma in PEOPLE_WORDS or lemma in ROLE_TITLES or lemma.endswith(AGENT_NOUN_ENDINGS)
    return definite and person


def _wounded_word(token: Token) -> bool:
    """An injury word, or an amount of them ("dozens of injuries")."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = child(of, "pobj") if of is not None else None
    words = [token] if counted is None else [token, counted]
    return any(w.lemma_.lower() in INJURY_LEMMAS or w.lower_ in INJURY_LEMMAS for w in words)


def own_amount(noun: Token) -> Amount | None:
    """The number written on one noun (not its conjuncts), skipping dates and "including ..." parts."""
    doc = noun.doc
    start = noun.left_edge.i
    if start > 0 and counted_after_date(doc[start - 1]):
        start -= 1  # "said Sunday 17 villagers were killed": the parser hangs the number on the day
    for t in doc[start : noun.i]:
        cut = t.lower_ in ("including", "among", "most", "from", "and") or t.dep_ == "relcl"
        if cut or in_calendar_date(t) or in_stamp(t):
            start = t.i + 1
    amount = parse_amount(doc[start : noun.i + 1].text)
    both = any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in noun.children)
    if amount is None and both and not any(c.dep_ == "conj" for c in noun.children):
        amount = Amount(2, "exact")  # "both crew members"; "both boys and girls" joins two kinds, uncounted
    if amount is None and noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "of":
        amount = parse_amount(noun.text)
        members = child(doc[noun.i + 1], "pobj")
        if amount is None and noun.lower_ in COLLECTIVES and members is not None:
            amount = parse_amount(doc[noun.i + 2 : members.i + 1].text)  # "a family of six": its members
    return amount


def in_calendar_date(token: Token) -> bool:
    """Whether a token belongs to a real date ("25 August 2016"), not a number the model called DATE."""
    if token.ent_type_ not in ("DATE", "TIME") or counted_after_date(token):
        return False
    ent = next((e for e in doc_entities(token.doc) if e.start <= token.i < e.end), None)
    words = [t.lower_ for t in ent] if ent is not None else [token.lower_]
    return any(w in MONTHS_AND_DAYS or (w.isdigit() and len(w) == 4) for w in words)


def counted_after_date(token: Token) -> bool:
    """A number right after a full day and month, which counts what follows: "On 16 July 12
    soldiers were killed" (the model reads "16 July 12" as one date); or right after a weekday,
    before a noun: "said Wednesday 170 fighters surrendered" (not "Monday 12 March")."""
    doc = token.doc
    i = token.i
    if not token.like_num or (token.text.isdigit() and len(token.text) == 4) or i < 1:
        return False
    if doc[i - 1].lower_ in WEEKDAYS:
        after = doc[i + 1] if i + 1 < len(doc) else token
        return after.pos_ in ("NOUN", "PROPN") and after.lower_ not in MONTHS_AND_DAYS
    if i < 2:
        return False
    month, day = doc[i - 1], doc[i - 2]
    return month.lower_ in MONTHS_AND_DAYS and day.text.isdigit() and int(day.text) <= 31
