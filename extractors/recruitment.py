"""recruitment events: people joining, enlisting, recruited, conscripted into an armed force.

"recruit", "enlist", "conscript", "sign up" and "in the ranks of" are triggers when the
sentence speaks of an armed party (so company hiring is not an event). "join" needs an
armed force as its object ("joined the ranks", "joining forces with the army") and never a
truce, deal or talks. "volunteers" need a fight; "the draft" needs to have taken place.
A recruiting video or drive (the trigger modifying a noun) is not an event.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from extractors.events import build_event, layout_of, places_of, sentences_with_triggers
from extractors.lexicon import (
    ARMED_SPEAKERS,
    ARMED_WORDS,
    ATTRIBUTION_VERBS,
    CALLED_UP_NOUNS,
    CASE_NOUNS,
    CEREMONY_NOUNS,
    CIVILIAN_WORDS,
    COUNTED_GROUP_NOUNS,
    COURSE_NOUNS,
    DATING_SUBORDINATORS,
    DOCUMENT_WORDS,
    DRAFT_HAPPENED_VERBS,
    DRIVE_LAUNCH_VERBS,
    FIGHTING_AGE_NOUNS,
    FOUNDED_UNITS,
    FOUNDING_VERBS,
    GRADUATION_CREDENTIALS,
    GROUP_HEADS,
    GROUP_NOUNS,
    HIRING_WORDS,
    INSTITUTION_WORDS,
    JOINED_OPERATIONS,
    JOINING_VERBS,
    LEVY_VERBS,
    LEVYING_COMMUNITIES,
    MOBILISATION_VERBS,
    MOVE_VERBS,
    NARRATOR_PRONOUNS,
    NEWCOMER_MODIFIERS,
    NOT_JOINED,
    NOT_RECRUITS,
    OBJECT_CONTROL_VERBS,
    REASON_MARKS,
    RECEIVING_VERBS,
    RECRUIT_GAIN_VERBS,
    RECRUIT_NOUNS,
    RECRUITING_DRIVES,
    REGISTERED_RECRUITS,
    SELF_ENLISTING_VERBS,
    STATE_SIDE_WORDS,
    STRENGTH_VERBS,
    TRAINED_VERBS,
    TRAINEE_NOUNS,
    TRAINING_BEGUN_VERBS,
    TRAINING_NOUNS,
)
from extractors.normalize.actors import named_group_mentions
from extractors.normalize.countries import country_of
from extractors.normalize.numbers import Amount, parse_amount
from extractors.pattern_catalog import kind_of
from extractors.schema import Article, Event, EventType
from extractors.slots.amounts import amount_of, group_amount, own_amount
from extractors.slots.clauses import (
    child,
    is_background,
    is_blamed,
    is_generic,
    is_habitual,
    is_irrealis,
    is_name_word,
    phrase,
    reporting_verb,
)
from extractors.slots.when import find_date
from extractors.slots.where import Where, find_location
from extractors.slots.who import agent_of, find_source
from extractors.speed.docviews import span_entities

EVENT_TYPE: EventType = "recruitment"
# Trigger kinds whose own words name the armed structure ("summoned to the army", "to the
# training camps"), so the sentence needs no other armed word.
ARMED_TRIGGER_KINDS = frozenset({"call_up", "camp", "mobilisation"})
# Trigger kinds whose recruits, when of fighting age ("recruited 300 children"), make the sentence
# armed on their own; a volunteer or someone joining needs an armed word.
FIGHTING_AGE_KINDS = frozenset({"recruit", "sign_up", "ranks_of", "into_ranks"})
Read = tuple[str | None, Token | None]  # (actor, recruits)
Reader = Callable[[Span], Read | None]


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of this type in one parsed article."""
    layout = layout_of(doc, article)
    places = places_of(doc)
    events: list[Event] = []
    for sent, spans in sentences_with_triggers(doc, article, EVENT_TYPE):
        words = (
            {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent} | {t.lower_.rstrip("s") for t in sent}
        )
        # "the Houthis recruited ..."
        named_group = any(e.label_ in ("ORG", "NORP") for e in span_entities(sent))
        trainees = any(t.lower_ in ("recruits", "conscripts", "cadets") and t.pos_ == "NOUN" for t in sent)
        armed = bool(words & ARMED_WORDS or (named_group and not words & HIRING_WORDS))
        schooled = words & {"training", "course", "train", "graduation"}
        armed = armed or (trainees and bool(schooled))  # recruits in training
        armed = armed or bool(named_group_mentions(sent.text))  # "joined al-Shabab", tagged as a person
        if words & CIVILIAN_WORDS or is_generic(sent):  # "every year thousands are conscripted"
            continue
        reads = [
            (s, r)
            for s in spans
            if (r := _read(s)) is not None
            and not (is_irrealis(s.root) or is_habitual(s.root) or is_blamed(s.root) or is_background(s.root))
            and not _dates_another(s.root)
            and not _life_story(s.root, r[1])
        ]
        reads = [
            (s, r)
            for s, r in reads
            if armed
            or kind_of(s) in ARMED_TRIGGER_KINDS
            or kind_of(s) in FIGHTING_AGE_KINDS
            and _is_recruit(r[1], FIGHTING_AGE_NOUNS)
            and not words & INSTITUTION_WORDS
        ]
        reads.sort(key=lambda sr: sr[1][0] is None)  # a trigger that names the group first
        for span, (actor, recruits) in reads[:1]:
            # "100 fighters started training to join the YPG": group and recruits from two triggers
            recruits = recruits or next((r for _, (_, r) in reads if r is not None), None)
            count = _strength(recruits) if recruits is not None else None
            count = count or _cases(span.root) or _newcomers(sent)
            if recruits is not None and actor == phrase(recruits) and _is_recruit(recruits, CALLED_UP_NOUNS):
                # "80 recruits received their certificates": who joined, not whom they joined, unless their
                # name says whom ("Iraqi Police recruits")
                actor = _force_in_name(recruits) or _owning_force(recruits)
            where = find_location(sent, places, layout, span.root)
            origin = _origin(span, recruits)
            if origin is not None and (where.source != "sentence" or kind_of(span) == "came_from"):
                where = Where(origin, "sentence", country_of(origin) or where.country)
            events.append(
                build_event(
                    article,
                    EVENT_TYPE,
                    sent,
                    span,
                    find_date(sent, span.root, layout, frozenset()),  # intakes are not retold by a noun
                    where,
                    actor=actor
                    or (_owning_force(recruits) if recruits is not None else None)
                    or _reporting_party(span.root)
                    or _laid_to_a_force(sent),
                    target=phrase(recruits) if recruits is not None else None,
                    count=count,
                    source=find_source(sent, span.root),
                )
            )
    return events


def _life_story(t: Token, recruits: Token | None) -> bool:
    """A narrator telling why they joined ("I joined the police because I wanted to protect my family")."""
    narrator = recruits is not None and recruits.lower_ in NARRATOR_PRONOUNS
    reason = any(c.dep_ == "advcl" and any(m.lower_ in REASON_MARKS for m in c.children) for c in t.children)
    return narrator and reason


def _dates_another(t: Token) -> bool:
    """A recruiting clause that only dates another event: "killed two weeks after being drafted"."""
    timed = t.dep_ == "pcomp" and t.head.lower_ in DATING_SUBORDINATORS
    return timed or any(c.dep_ == "mark" and c.lower_ in DATING_SUBORDINATORS for c in t.children)


def _strength(recruits: Token) -> Amount | None:
    """How many joined: a unit's own strength when it is given ("a brigade consisting of 250
    fighters"), else the number on the recruits; "30 factions merged" counts groups, not people."""
    # "a brigade consisting of 250 fighters", also when parsed as the participle's subject
    described = [c for c in recruits.children if c.dep_ == "acl"]
    if recruits.dep_ == "nsubj" and recruits.head.tag_ == "VBG":
        described.append(recruits.head)
    for acl in described:
        of = next((c for c in acl.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        members = child(of, "pobj") if of is not None else child(acl, "dobj")  # "comprising 400 men"
        if acl.lemma_.lower() in STRENGTH_VERBS and members is not None:
            return amount_of(members)
    if _word(recruits) in GROUP_NOUNS:
        return None
    appos = next((c for c in recruits.children if c.dep_ == "appos" and c.pos_ == "NUM"), None)
    if appos is not None:  # "IS fighters – more than 6,000 –"
        return parse_amount(recruits.doc[appos.left_edge.i : appos.i + 1].text)
    return amount_of(recruits) or group_amount(recruits)


def _cases(t: Token) -> Amount | None:
    """Counted cases of recruiting: "62 cases where the militia recruited children" (one child each)."""
    case = t.head if t.dep_ == "relcl" else None
    return amount_of(case) if case is not None and case.lemma_.lower() in CASE_NOUNS else None


def _newcomers(sent: Span) -> Amount | None:
    """The number on people the sentence marks as newly taken in, wherever the trigger is: "a surge of
    5,000 new recruits", "reached the milestone of 10,000 trained soldiers"."""
    for t in sent:
        new = any(c.dep_ in ("amod", "advmod") and c.lower_ in NEWCOMER_MODIFIERS for c in t.children)
        newcomer = (new or t.lemma_.lower() in ("recruit", "conscript")) and _is_recruit(t, CALLED_UP_NOUNS)
        if newcomer and (amount := own_amount(t)) is not None:
            return amount
    return None


def _origin(span: Span, recruits: Token | None) -> str | None:
    """The place the recruits came from: "came from Tunisia", "recruited 300 men from Kazakhstan"."""
    verb = span[0] if span[0].pos_ == "VERB" else None  # "came from X", "recruited 300 men from X"
    heads = [x for x in (verb, recruits) if x is not None]
    for head in heads:
        for prep in head.children:
            place = child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ == "from" else None
            ent = next(
                (e for e in span_entities(span.sent) if place is not None and e.start <= place.i < e.end),
                None,
            )
            if ent is not None and (ent.label_ in ("GPE", "LOC") or country_of(ent.text)):  # often NORP
                return ent.text
    return None


def _word(t: Token) -> str:
    """A noun's singular lower form ("Forces" -> "force"), whatever lemma the tagger gave a name."""
    return t.lemma_.lower() if t.pos_ != "PROPN" else t.lower_.removesuffix("s")


def _laid_to_a_force(sent: Span) -> str | None:
    """The armed side an intake is attributed to: "the recruitment of children rose, mostly attributed
    to the X Army"."""
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in ATTRIBUTION_VERBS):
        for link in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on")):
            if (side := child(link, "pobj")) is not None and _armed(side):
                return phrase(side)
    return None


def _reporting_party(t: Token) -> str | None:
    """An armed side that reports its own intake: "the army said 200 recruits completed training";
    a reported clause with a party of its own is that party's ("X reported that the authorities had
    opened recruiting offices": the authorities)."""
    verb = next((a for a in t.ancestors if reporting_verb(a)), None)
    clauses = [a for a in [t, *t.ancestors] if verb is not None and verb in a.ancestors]
    for clause in clauses:
        own = child(clause, "nsubj") if clause.pos_ == "VERB" else None
        if own is not None and own.pos_ != "PRON" and own.i != t.i and not _is_recruit(own, CALLED_UP_NOUNS):
            return phrase(own) if _armed(own) or own.lemma_.lower() in STATE_SIDE_WORDS else None
    subj = child(verb, "nsubj") if verb is not None else None
    if subj is not None and any(c.dep_ == "nsubjpass" and c.tag_ == "PRP" for c in t.children):
        return None  # "one fighter said he was recruited": the speaker is the recruit
    # a name's plural is not lemmatized ("Syrian Democratic Forces")
    if subj is None or not any(
        {x.lemma_.lower(), x.lower_.removesuffix("s")} & ARMED_SPEAKERS for x in subj.subtree
    ):
        return None
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = child(of, "pobj") if of is not None and subj.lemma_.lower() in GROUP_HEADS else None
    return phrase(group if group is not None and _armed(group) else subj)  # "the leader of X said": X


def _read(span: Span) -> Read | None:
    """(actor, recruits) of a trigger that reports recruitment, or None when it does not."""
    return READERS[kind_of(span)](span)


def _not_as_modifier(reader: Reader) -> Reader:
    """`reader`, except that a trigger modifying a noun reports nothing ("a recruiting video",
    "recruitment drive"), unless the noun is armed ("recruitment battalion")."""

    def read(span: Span) -> Read | None:
        t = span.root
        if (
            t.dep_ in ("amod", "compound")
            and t.head.pos_ == "NOUN"
            and t.head.lemma_.lower() not in ARMED_WORDS
        ):
            return _drive(t.head) if t.head.lemma_.lower() in RECRUITING_DRIVES else None
        return reader(span)

    return read


def _drive(drive: Token) -> Read | None:
    """ "X launched a recruitment campaign", "engaged in a recruitment drive": a drive under way, by
    the subject of the verb that launched it; a drive only named or planned is none."""
    node = drive
    for _ in range(4):
        node = node.head
        if reporting_verb(node) or node.dep_ == "ROOT" and node.lemma_.lower() not in DRIVE_LAUNCH_VERBS:
            return None
        if node.lemma_.lower() in DRIVE_LAUNCH_VERBS and node.pos_ == "VERB":
            subj = child(node, "nsubj")
            return (phrase(subj) if subj is not None else None), None
    return None


def _read_volunteer(span: Span) -> Read | None:
    """Volunteers who fight, join, travel or enlist, or are trained; not a volunteer quoted."""
    t = span.root
    if t.dep_ == "nsubj" and reporting_verb(t.head):
        return None  # '"We are ready," said one volunteer': a speaker, not someone signing up
    sent_lemmas = {x.lemma_.lower() for x in span.sent}
    trained = t.dep_ == "nsubj" and t.head.lemma_.lower() in TRAINED_VERBS and "training" in sent_lemmas
    people = _subject(t) if t.pos_ == "VERB" else t  # "20,000 foreigners have volunteered to fight"
    return (None, people) if trained or sent_lemmas & {"fight", "join", "travel", "enlist"} else None


def _read_draft(span: Span) -> Read | None:
    """ "the draft took place": a draft that happened, not one registered for or opposed."""
    t = span.root
    return (
        (None, None)
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() in DRAFT_HAPPENED_VERBS
        else None
    )


def _read_into_ranks(span: Span) -> Read | None:
    """ "the corps absorbed 1,500 former rebels into its ranks": the verb's subject took in its object."""
    verb = span[0].head
    subj = _subject(verb)
    return (phrase(subj) if subj is not None else None), child(verb, "dobj", "nsubjpass")


def _read_ranks_of(span: Span) -> Read | None:
    """ "fighters in the ranks of X": X took them in."""
    group = child(span[-1], "pobj")
    recruits = _subject(span[0].head)
    return (phrase(group) if group is not None else None, recruits)


def _passive(t: Token) -> Read | None:
    """(agent or force put in, recruits) of a passive recruiting verb; None when it is active."""
    reduced = t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN", "NUM")
    passive = t.tag_ == "VBN" and (child(t, "auxpass") is not None or reduced)
    if child(t, "nsubjpass") is None and not passive:
        return None
    by = next((c for c in t.children if c.dep_ == "agent"), None)
    agent = child(by, "pobj") if by is not None else None
    if agent is None:  # "men were conscripted into the army": the force they were put in
        into = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("into", "in")), None)
        force = child(into, "pobj") if into is not None else None
        agent = force if force is not None and force.lemma_.lower() in ARMED_WORDS else None
    recruits = t.head if reduced else child(t, "nsubjpass")  # "700 fighters recruited by X"
    if recruits is not None and recruits.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
        recruits = t.head  # "300 boys, who were recruited by X"
    if recruits is not None and recruits.tag_ == "PRP" and t.dep_ == "ccomp" and reporting_verb(t.head):
        speaker = child(t.head, "nsubj")  # "one fighter said he was recruited": the speaker was
        recruits = speaker if speaker is not None and speaker.pos_ in ("NOUN", "PROPN") else recruits
    return (phrase(agent) if agent is not None else None), recruits


def _read_sign_up(span: Span) -> Read | None:
    """ "volunteers signed up": the subject enlisted, with the armed force they signed up with or for."""
    t = span.root
    if t.pos_ != "VERB":
        return None
    links = (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "for", "in", "to", "into"))
    force = next((o for c in links if (o := child(c, "pobj")) is not None and _armed(o)), None)
    signed = child(t, "dobj")
    if signed is not None and _is_recruit(signed, CALLED_UP_NOUNS):
        # "the militia signed up 600 recruits": the subject took them in, when it is an armed side
        subj = _subject(t)
        recruiter = subj if subj is not None and _armed_head(subj) else force
        return (phrase(recruiter) if recruiter is not None else None), signed
    return _passive(t) or ((phrase(force) if force is not None else None), _subject(t))


def _read_recruit(span: Span) -> Read | None:
    """recruit, enlist, conscript, enrol, drafted: as a verb its subject and object (or agent and
    passive subject); as a noun, recruits in training or gained, or "the recruitment of X by Y"."""
    t = span.root
    if t.pos_ == "VERB":
        passive = _passive(t)
        if passive is not None:
            return passive
        subj = _subject(t)
        recruits = child(t, "dobj")
        if recruits is not None and recruits.lemma_.lower() in DOCUMENT_WORDS:
            return None  # "drafted a resolution": a text, not people
        if recruits is None and t.lemma_.lower() in SELF_ENLISTING_VERBS:  # "volunteers enlisted in the army"
            into = next(
                (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "with")), None
            )
            force = child(into, "pobj") if into is not None else None
            return _named_force(force, t), subj
        return (phrase(subj) if subj is not None else None), recruits
    group = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t  # "the first batch of recruits"
    trained = group.head.lemma_.lower() in TRAINED_VERBS and group.dep_ in ("nsubj", "nsubjpass")
    acls = (*t.children, *group.children)
    trained = trained or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in TRAINED_VERBS for c in acls)
    if t.lower_ in ("recruits", "conscripts") and trained:
        return None, t  # "5,000 recruits graduated from a training course"
    if t.lemma_.lower() in ("recruit", "conscript") and t.head.lemma_.lower() in RECRUIT_GAIN_VERBS:
        verb = t.head
        subj = _subject(verb)
        return (phrase(subj) if subj is not None else None), t
    if t.lower_ in ("recruitment", "conscription", "enlistment", "enrolment", "enrollment"):
        return _nominal(t)
    return None


def _named_force(force: Token | None, verb: Token) -> str | None:
    """The force joined: "in the army"; "in the ranks of X" is X, "in its ranks" the side reporting it."""
    if force is None or force.lemma_.lower() != "rank":
        return phrase(force) if force is not None else None
    of = next((c for c in force.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if (group := child(of, "pobj") if of is not None else None) is not None:
        return phrase(group)
    return _reporting_party(verb) if child(force, "poss") is not None else None


def _nominal(t: Token) -> tuple[str | None, Token | None]:
    """ "the recruitment of 300 boys by the militia" -> (the militia, 300 boys); "the group's recruitment"."""
    recruits, actor = None, child(t, "poss")
    for x in t.subtree:
        if x.lower_ == "of" and x.head == t:
            recruits = child(x, "pobj")
        if x.lower_ == "by" and x.dep_ in ("prep", "agent") and actor is None:
            actor = child(x, "pobj")
    if recruits is not None:
        recruits = _people(recruits)
    return (phrase(actor) if actor is not None else None), recruits


def _people(t: Token) -> Token:
    """The people a counted phrase names: "hundreds of fighters", "a batch of 900 recruits" -> that noun."""
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = child(of, "pobj") if of is not None else None
    return inner if inner is not None and t.lemma_.lower() in COUNTED_GROUP_NOUNS else t


def _is_recruit(t: Token | None, nouns: frozenset[str] = RECRUIT_NOUNS) -> bool:
    """Whether a noun names people taken in to fight, directly or through "hundreds of X"."""
    if t is None:
        return False
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = child(of, "pobj") if of is not None else None
    names = {w for x in (t, inner) if x is not None for w in (x.lemma_.lower(), x.lower_)}
    return bool(names & nouns)


def _read_camp(span: Span) -> Read | None:
    """ "detained 40 men to take them to the training camps": who took whom."""
    t = span.root
    verb = t.head if t.lower_ in ("to", "into") else t.head.head
    if verb.lemma_.lower() not in MOVE_VERBS:
        return None
    recruits = child(verb, "dobj", "nsubjpass")  # "took 40 men", "the rest were sent"
    if recruits is not None and recruits.pos_ == "PRON" and verb.dep_ in ("advcl", "xcomp", "conj"):
        recruits = child(verb.head, "dobj", "nsubjpass")
    if recruits is None or recruits.pos_ == "PRON":
        return None
    subj = _subject(verb)
    return (phrase(subj) if subj is not None else None), recruits


def _read_graduate(span: Span) -> Read | None:
    """ "the graduation of 800 soldiers from a military course", "600 fighters graduated"."""
    t = span.root
    if (graduates := _credited(t)) is not None:
        return _force_in_name(graduates), graduates  # "150 Iraqi Army soldiers received their graduation"
    if t.dep_ == "compound" and t.lower_ == "graduation" and t.head.lemma_.lower() in CEREMONY_NOUNS:
        t = t.head  # "a graduation ceremony for 300 soldiers"
    elif t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN" and not _armed_word(t.head):
        return None  # "a graduating class", "graduate school": who someone is
    elif t.pos_ != "NOUN":
        return _taken_in(span, graduates=True)
    elif t.lower_ not in ("graduation", "graduates"):
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = child(of, "pobj") if of is not None else None
    holders = (t, t.head) if t.dep_ == "dobj" else (t,)  # "conducted a graduation for 200 soldiers"
    held_for = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    honoured = child(held_for, "pobj") if held_for is not None and counted is None else None
    if honoured is not None and _is_recruit(honoured, CALLED_UP_NOUNS):
        counted = honoured  # "held a graduation for 200 soldiers": those who graduated
    recruits = _people(counted) if counted is not None else None
    subj = _subject(t.head) if t.head.pos_ in ("VERB", "AUX") else None
    scene = t.head.head if t.dep_ == "pobj" and t.lemma_.lower() in CEREMONY_NOUNS else None
    attendees = _subject(scene) if recruits is None and scene is not None and scene.pos_ == "VERB" else None
    if attendees is not None and _is_recruit(attendees, CALLED_UP_NOUNS):
        people = _people(attendees)  # "150 recruits received their diplomas at a graduation ceremony"
        return _force_in_name(people), people
    return (phrase(subj) if subj is not None else None), recruits


def _credited(graduation: Token) -> Token | None:
    """Soldiers or recruits who received their graduation ("150 soldiers stood at attention to receive
    their graduation certificates"): those who graduated."""
    credential = graduation.head if graduation.dep_ == "compound" else graduation
    if graduation.lower_ != "graduation" or credential.lemma_.lower() not in GRADUATION_CREDENTIALS:
        return None
    verb = credential.head if credential.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in RECEIVING_VERBS or is_irrealis(verb):
        return None
    holders = _subject(verb)
    return _people(holders) if holders is not None and _is_recruit(holders, CALLED_UP_NOUNS) else None


def _read_people_object(span: Span) -> Read | None:
    """mobilise, call up: recruitment only with recruits as object ("mobilised 2,000 fighters")."""
    return _taken_in(span, recruits_named=True)


def _read_mobilisation(span: Span) -> Read | None:
    """ "Putin announced a partial mobilisation", "the mobilisation of 300,000 reservists began": a
    call-up declared or under way; not the mobilisation of funds or of support."""
    t = span.root
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    called = child(of, "pobj") if of is not None else None
    if of is not None and not _is_recruit(called, CALLED_UP_NOUNS):
        return None
    first = t
    while first.dep_ in ("conj", "appos"):
        first = first.head  # "introduced martial law and total mobilisation": declared with the law
    verb = first.head
    declared = first.dep_ == "dobj" and verb.lemma_.lower() in MOBILISATION_VERBS
    happened = t.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in DRAFT_HAPPENED_VERBS
    if not (declared or happened):
        return None
    subj = _subject(verb) if declared else None
    return (phrase(subj) if subj is not None else None), (_people(called) if called is not None else None)


def _read_train(span: Span) -> Read | None:
    """Counted fighters trained for a force: "the rebels trained 300 new fighters", "3,000 fighters
    were training with US forces", "200 fighters began training"."""
    t = span.root
    actor: Token | None = None
    if t.dep_ == "compound" and t.head.lemma_.lower() in COURSE_NOUNS:
        t = t.head  # "completed a training course": the course is what was begun or completed
    if t.pos_ == "NOUN" or t.lower_ == "training" and t.dep_ == "dobj":  # "to begin training" (a verb tag)
        if t.dep_ not in ("dobj", "xcomp") or t.head.lemma_.lower() not in TRAINING_BEGUN_VERBS:
            return None  # "a training camp", "military training": no one taken in
        recruits = _subject(t.head)
    elif (recruits := child(t, "nsubjpass")) is not None:
        by = next((c for c in t.children if c.dep_ == "agent"), None)
        actor = child(by, "pobj") if by is not None else None
    elif (obj := child(t, "dobj")) is not None:
        recruits, actor = obj, _subject(t)
    else:
        recruits = _subject(t)  # "3,000 fighters were training"
    if recruits is None or amount_of(recruits) is None or not _is_recruit(recruits, TRAINEE_NOUNS):
        return None
    if actor is None or actor.pos_ == "PRON":  # "90 soldiers of the 5th Brigade began training"
        return _trained_for(recruits, t if t.pos_ == "VERB" else t.head), _people(recruits)
    return phrase(actor), _people(recruits)


def _read_register(span: Span) -> Read | None:
    """ "registered 500 volunteers", "volunteers registered with the guard"; not children or voters."""
    return _taken_in(span, recruits_named=True, registers=True)


def _read_call_up(span: Span) -> Read | None:
    """ "summoned to the army": whoever was summoned, by whom."""
    return _taken_in(span)


def _taken_in(
    span: Span, *, recruits_named: bool = False, registers: bool = False, graduates: bool = False
) -> Read | None:
    """Mobilised, registered, called up or graduated, as a verb: (actor, recruits).

    `recruits_named`: only with recruits as object; `registers`: a force registering recruits or
    recruits registering with it; `graduates`: the subject graduated."""
    t = span.root
    if t.pos_ not in ("VERB", "AUX"):
        return None
    if t.dep_ == "pcomp" and t.head.head.pos_ == "NOUN":
        return None  # "the practice of registering men for the draft": a policy, not an event
    recruits = child(t, "nsubjpass")
    if recruits is not None:
        by = next((c for c in t.children if c.dep_ == "agent"), None)
        agent = child(by, "pobj") if by is not None else None
        actor = phrase(agent) if agent is not None else None
    else:
        subj = _subject(t)
        if subj is None and registers and t.dep_ == "acl" and t.head.dep_ == "ROOT" and t.head.i < t.i:
            subj = t.head  # "700 recruits registered for training", the verb misread as a participle
        recruits = child(t, "dobj")
        if recruits is None and registers and _is_recruit(subj, REGISTERED_RECRUITS):
            # "volunteers registered with the guard": the force is the "with" object, not a course
            preps = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("with", "in", "for")]
            force = child(preps[0], "pobj") if preps else None
            course = force is not None and force.lemma_.lower() in TRAINING_NOUNS
            return (phrase(force) if force is not None and not course else None), subj
        if graduates and recruits is None:
            if subj is None and t.dep_ == "acl" and t.head.i < t.i:
                subj = t.head  # "a new batch of 110 fighters graduated", read as a noun and its participle
            # "600 fighters graduated from an infantry course"; "a batch of 600 fighters graduated"
            return _trained_for(subj, t), (_people(subj) if subj is not None else None)
        actor = phrase(subj) if subj is not None else None
    if recruits is not None and recruits.lemma_.lower() in NOT_RECRUITS:
        return None
    if recruits_named and not _is_recruit(recruits, CALLED_UP_NOUNS):
        return None
    if registers and not _is_recruit(recruits, REGISTERED_RECRUITS):
        return None
    return actor, (_people(recruits) if recruits is not None else None)


def _trained_for(graduates: Token | None, verb: Token) -> str | None:
    """The force graduates were trained for: the armed group they are "of" ("fighters of the Elite
    Forces graduated") or that ran their course ("graduated from a course run by the militia")."""
    people = _people(graduates) if graduates is not None else None
    links = ("of", "from")  # "personnel from the army's 16th Division completed their course"
    preps = people.children if people is not None else ()
    of = next((c for c in preps if c.dep_ == "prep" and c.lower_ in links), None)
    group = child(of, "pobj") if of is not None else None
    if group is not None and _armed(group) and not _is_recruit(group, CALLED_UP_NOUNS):
        return phrase(group)
    if people is not None and (own := _force_in_name(people)) is not None:
        return own
    courses = [child(c, "pobj") for c in verb.children if c.dep_ == "prep"]
    runs = [a for course in courses if course is not None for a in course.children if a.dep_ == "acl"]
    by = next((b for a in runs if (b := agent_of(a)) is not None), None)
    return phrase(by) if by is not None and _armed(by) else None


def _force_in_name(people: Token) -> str | None:
    """The force trainees are named by ("120 Afghan Local Police candidates graduated", "Iraqi Police
    recruits"): the name words right before the noun, when they name an armed body; a nationality alone
    ("Arab fighters") names none."""
    words: list[Token] = []
    for t in reversed(people.doc[people.sent.start : people.i]):
        if t.dep_ not in ("compound", "amod") or t.pos_ not in ("PROPN", "ADJ", "NOUN"):
            break
        words.insert(0, t)
    named = any(is_name_word(t) for t in words)
    armed = any(t.lemma_.lower() in ARMED_WORDS or t.lower_ in ARMED_WORDS for t in words)
    return people.doc[words[0].i : words[-1].i + 1].text if named and armed else None


def _owning_force(people: Token) -> str | None:
    """The force whose recruits they are ("the army's new recruits", "the militia's conscripts"): the
    possessor, when it is an armed side or the state's."""
    owner = child(people, "poss")
    if owner is None or owner.pos_ == "PRON":
        return None
    if not (_armed(owner) or owner.lemma_.lower() in STATE_SIDE_WORDS):
        return None
    return owner.doc[owner.left_edge.i : owner.i + 1].text


def _subject(verb: Token) -> Token | None:
    """Subject of a verb, or of the verb it depends on ("forcing IS to bring in" -> IS)."""
    subj = child(verb, "nsubj")
    clausal = child(verb, "csubj")
    if subj is None and clausal is not None:  # "hundreds living in camps have joined", parsed as a clause
        subj = child(clausal, "nsubj") or clausal
    participle = next((c for c in verb.lefts if c.dep_ == "advcl" and c.tag_ == "VBG"), None)
    if subj is None and participle is not None:
        subj = child(participle, "nsubj")  # "a brigade consisting of 900 men had joined X", parsed apart
    if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        subj = verb.head  # "militias, which have recruited ...": the antecedent recruited
    named = verb.head.pos_ in ("PROPN", "NOUN") or verb.head.text[:1].isupper()  # "IS" is often tagged AUX
    if subj is None and verb.dep_ == "xcomp" and named and verb.head.i < verb.i:
        subj = verb.head  # "forcing IS to bring in recruits"
    if subj is None and verb.dep_ in ("xcomp", "ccomp", "advcl") and not reporting_verb(verb.head):
        controller = (
            verb.head.lemma_.lower() in OBJECT_CONTROL_VERBS
        )  # "forced them to join" vs "used X to recruit"
        subj = (child(verb.head, "dobj") if controller else None) or child(verb.head, "nsubj")
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.head.dep_ == "relcl":
            subj = verb.head.head  # "three commanders, who fled to join X": the antecedent joined
    if subj is None and verb.dep_ == "relcl":
        subj = verb.head
        if subj.dep_ == "attr" and (described := child(subj.head, "nsubj")) is not None:
            subj = described  # "300 recruits became the first to graduate": the recruits graduated
    if subj is None and verb.dep_ == "conj":
        subj = child(verb.head, "nsubj", "nsubjpass")  # "600 fighters graduated ... and joined the unit"
    return subj


def _read_join(span: Span) -> Read | None:
    """ "X joined (the ranks of) group Y", "X were integrated into Y" -> (Y, X); None when Y is a
    truce, deal or talks."""
    t = span.root
    obj = child(t, "dobj")
    if obj is None:
        for prep in t.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("in", "with")
                and (o := child(prep, "pobj")) is not None
            ):
                obj = o
    if obj is None:  # a garbled parse: the armed group named right after "joined"
        obj = next(
            (x for x in t.doc[t.i + 1 : min(t.i + 6, t.sent.end)] if x.lemma_.lower() in ARMED_WORDS), None
        )
    if obj is None:
        return None
    lemma = obj.lemma_.lower() if not _acronym(obj) else obj.lower_  # "IS" is often read as the verb
    if lemma in NOT_JOINED or any(c.lemma_.lower() in NOT_JOINED for c in obj.subtree):
        return None
    actor = obj
    if lemma in ("force", "forces", "ranks", "rank"):
        for prep in list(obj.children) + list(t.children):
            if (
                prep.dep_ == "prep"
                and prep.lower_ in ("with", "of")
                and (o := child(prep, "pobj")) is not None
            ):
                actor = o
    recruits = _subject(t) or child(t, "nsubjpass")  # "400 rebels were integrated into the army"
    if recruits is not None and recruits.ent_type_ == "GPE":
        return None  # a country joining an alliance
    if (
        actor is obj
        and lemma == "rank"
        and (owner := child(obj, "poss")) is not None
        and owner.pos_ == "PRON"
    ):
        return _reporting_party(t), recruits  # "X said 500 fighters joined its ranks": X
    if lemma in JOINED_OPERATIONS:  # "2,000 fighters joined the offensive": people, no group named
        return (None, recruits) if _is_recruit(recruits) else None
    armed = (
        lemma in ARMED_WORDS
        or obj.ent_type_ in ("ORG", "NORP")
        or obj.pos_ in ("PRON", "PROPN")
        or _acronym(obj)
    )
    if not armed and not any(x.lemma_.lower() in ARMED_WORDS for x in obj.subtree):
        return None
    return (phrase(actor) if actor.pos_ != "PRON" else None), recruits


def _acronym(t: Token) -> bool:
    """A name in capitals ("IS", "YPG"), whatever tag the parser gave it."""
    return len(t.text) >= 2 and t.text.isalpha() and t.text.isupper()


def _armed(t: Token) -> bool:
    """Whether a noun phrase names an armed party: an armed word in it, or a named group."""
    return t.ent_type_ in ("ORG", "NORP") or any(x.lemma_.lower() in ARMED_WORDS for x in t.subtree)


def _armed_word(t: Token) -> bool:
    """A noun that is itself an armed party's word ("battalion", "militia")."""
    return t.lemma_.lower() in ARMED_WORDS


def _armed_head(t: Token) -> bool:
    """An armed party by its own words ("the militia", "rebel commanders"), not by what an attached
    phrase names ("a registration drive for the police")."""
    words = [t, *(c for c in t.children if c.dep_ in ("compound", "amod", "nmod"))]
    return t.ent_type_ in ("ORG", "NORP") or any(w.lemma_.lower() in ARMED_WORDS for w in words)


def _read_defect(span: Span) -> Read | None:
    """ "60 soldiers defected to the rebels": they joined the side they went over to; defecting
    from a side alone is leaving it."""
    t = span.root
    to = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    side = child(to, "pobj") if to is not None else None
    if t.pos_ != "VERB" or side is None or not (_armed(side) or side.pos_ == "PROPN"):
        return None
    return phrase(side), _subject(t)


def _read_child_soldier(span: Span) -> Read | None:
    """ "used 300 boys as child soldiers", "made them fight as child soldiers": children put to
    fight; whoever used or made them is the actor."""
    verb = span[0].head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    passive = _passive(verb)
    if passive is not None:
        return passive
    recruits = child(verb, "dobj") or _subject(verb)
    causer = verb.head if verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ == "VERB" else verb
    subj = _subject(causer) if causer is not verb or child(verb, "dobj") is not None else None
    return (phrase(subj) if subj is not None else None), recruits


def _read_came_from(span: Span) -> Read | None:
    """ "more than 6,000 of its fighters came from Tunisia", "many recruits came from the region":
    fighters from abroad who joined; not fighters who came to attack or to a place."""
    t = span[0]
    subj = _people(child(t, "nsubj") or t)
    if subj is t or not _is_recruit(subj, FIGHTING_AGE_NOUNS | {"recruit", "volunteer"}):
        return None
    elsewhere = any(c.dep_ in ("xcomp", "advcl") or c.dep_ == "prep" and c.lower_ == "to" for c in t.children)
    names = [c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]  # "IS fighters"
    group = subj.doc[names[0].i : names[-1].i + 1].text if names else None
    return None if elsewhere else (group, subj)


def _read_merge(span: Span) -> Read | None:
    """ "30 factions merged into a unified army": groups joining the one they form or join."""
    t = span.root
    into = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("into", "in", "with")), None)
    joined = child(into, "pobj") if into is not None else None
    merged = _subject(t) or child(t, "nsubjpass")
    if t.pos_ != "VERB" or joined is None or merged is None or _word(merged) not in GROUP_NOUNS:
        return None
    return (phrase(joined), merged) if _armed(joined) else None


def _read_founded(span: Span) -> Read | None:
    """ "a new brigade was formed with 300 fighters", "the Security Forces were established as a police
    unit": an armed unit founded takes its members in; the unit is the actor."""
    t = span.root
    if t.pos_ != "VERB" or t.lemma_.lower() not in FOUNDING_VERBS or t.dep_ in ("amod", "acl"):
        return None
    unit = child(t, "nsubjpass") or child(t, "dobj")
    if unit is None:
        return None
    as_ = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    kinds = [unit, *([p] if as_ is not None and (p := child(as_, "pobj")) is not None else [])]
    named_unit = next((k for k in kinds if _word(k) in FOUNDED_UNITS), None)
    others = [x for x in t.sent if x.lemma_.lower() in ARMED_WORDS and x is not named_unit]
    if named_unit is None or not others:
        return None
    with_ = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    members = child(with_, "pobj") if with_ is not None else None
    for c in t.children:  # "a brigade was formed and joined the army": the army took the unit in
        joining = c.dep_ == "conj" and c.lemma_.lower() in JOINING_VERBS
        if joining and (joined := _read_join(c.doc[c.i : c.i + 1])) is not None and joined[0] is not None:
            return joined[0], unit
    return phrase(unit), (members if _is_recruit(members, CALLED_UP_NOUNS) else unit)


def _read_levy(span: Span) -> Read | None:
    """ "the tribe sent 150 fighters": a community raising fighters for a force; the force is the
    "to" object when named."""
    t = span.root
    if t.dep_ not in ("nsubj", "nsubjpass") or _word(t) not in LEVYING_COMMUNITIES:
        return None
    verbs = [v for v in t.sent if v.lemma_.lower() in LEVY_VERBS and v.pos_ == "VERB" and _subject(v) == t]
    for verb in verbs:
        fighters = child(verb, "dobj")
        if fighters is not None and _is_recruit(fighters) and amount_of(fighters) is not None:
            to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
            force = child(to, "pobj") if to is not None else None
            if force is not None and (force.ent_type_ in ("ORG", "NORP") or force.pos_ == "PROPN"):
                return phrase(force), fighters  # "to the SDF", not "to the front"
            return None, fighters
    return None


# Pattern kind -> its reader (extractors/patterns/recruitment.jsonl)
READERS: dict[str, Reader] = {
    "recruit": _not_as_modifier(_read_recruit),
    "sign_up": _not_as_modifier(_read_sign_up),
    "ranks_of": _not_as_modifier(_read_ranks_of),
    "into_ranks": _not_as_modifier(_read_into_ranks),
    "join": _read_join,
    "volunteer": _read_volunteer,
    "draft": _read_draft,
    "people_object": _not_as_modifier(_read_people_object),
    "mobilisation": _read_mobilisation,
    "train": _read_train,
    "register": _not_as_modifier(_read_register),
    "call_up": _not_as_modifier(_read_call_up),
    "graduate": _read_graduate,
    "camp": _not_as_modifier(_read_camp),
    "defect": _read_defect,
    "child_soldier": _read_child_soldier,
    "came_from": _read_came_from,
    "merge": _read_merge,
    "founded": _read_founded,
    "levy": _read_levy,
}
