"""When: the date expression that governs an event's clause, resolved against the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from extractors.doc_state import is_parsed
from extractors.lexicon import (
    ANAPHORIC_ATTACK_NOUNS,
    ANAPHORIC_DEAL_NOUNS,
    DATE_FILLER,
    DATE_PREPS,
    DATE_WORDS,
    DURATION_AFTER,
    FUTURE_AUX,
    INCIDENT_NOUNS,
    INCIDENT_VERBS,
    MEASURED_FROM,
    MONTHS,
    MONTHS_AND_DAYS,
    NUMBER_UNITS,
    ORDINAL_DAYS,
    OTHER_INCIDENT,
    OTHER_OCCASION,
    PLANNED_HEADS,
    PUBLICATION_TIMES,
    RANGE_WORDS,
    RANKING_ADJECTIVES,
    REPORTING_VERBS,
    SHORT_PERIOD_UNITS,
    STRIKE_VICTIM_VERBS,
    TIME_UNITS,
    TIMES_OF_DAY,
    TOLL_ANTECEDENT_ATTACK_VERBS,
    WEEKDAYS,
    WRECK_VERBS,
)
from extractors.normalize.dates import ResolvedDate, counted_days, resolve_date
from extractors.normalize.numbers import number_value
from extractors.schema import DatePrecision
from extractors.slots.amounts import counted_after_date
from extractors.slots.clauses import child, first_item_listed, in_stamp, is_list_item
from extractors.speed.docviews import doc_entities, doc_sentences, doc_text, span_entities

if TYPE_CHECKING:
    from extractors.layout import ArticleLayout


# Tokens between a trigger and its date beyond which the date belongs to another clause.
MAX_DATE_DISTANCE = 24


# A bare period ("in months", "for years") measures time, it does not place the event in it.
BARE_PERIOD = re.compile(r"^(?:in|for|over|within)?\s*(?:the\s+)?(?:days|weeks|months|years|decades)$", re.I)


# A length used as an adjective ("a 60-day course", "a six-week-old truce", "a year-long siege"): no date.
DURATION_ADJECTIVE = re.compile(r"old|-long|-\s*(?:hour|day|week|month|year)\b", re.IGNORECASE)
# The same suffix after a date entity that left it out ("a week" + "-long").
LENGTH_SUFFIX = re.compile(r"\s*-\s*(?:long|old)\b", re.IGNORECASE)


# Extra distance charged to the report's date ("said on Tuesday that ..."): any other date wins.
REPORT_DATE_PENALTY = 1000


# Extra distance charged to a date that modifies a noun other than the trigger: a date on the verb wins.
NOUN_DATE_PENALTY = 8


# Extra distance charged to a date in another clause than the trigger's.
UNLINKED_DATE_PENALTY = 12


# Extra distance charged to a date in a clause joined to the trigger's with a subject of its own ("X
# signed a deal on 24 May, and on 30 May parliament approved it"): any date of the trigger's clause wins.
JOINED_CLAUSE_PENALTY = 100


# "the fifth anniversary of", "ten years ago today": the same day, that many years before publication.
ANNIVERSARY = re.compile(
    r"\b(?:the\s+(?P<nth>[a-z]+|\d{1,2}(?:st|nd|rd|th))\s+anniversary\s+of"
    r"|(?P<n>[a-z]+|\d{1,2})\s+years?\s+ago\s+today)\b",
    re.IGNORECASE,
)


# Times of day that name no day of their own ("around noon", "at dawn"), and the words that put an
# event at one ("last night" is no such time: it names the day before).
STORY_TIMES = TIMES_OF_DAY - PUBLICATION_TIMES - {"hours"}
TIME_OF_DAY_PREPS = frozenset({"by", "before", "after", "toward", "towards", "during"})


# Relative expressions that move from the day a story last named, in days (n: a count of days).
_RETOLD_ATTACK = r"(?:" + "|".join(sorted(ANAPHORIC_ATTACK_NOUNS)) + r")s?"
_N = r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
STORY_SHIFTS = (
    (re.compile(r"\b(?:the|on the)\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b"), 1),
    (re.compile(r"\b(?:the\s+day\s+(?:before|prior)|the\s+previous\s+day|a\s+day\s+earlier)\b"), -1),
    (re.compile(r"\b" + _N + r"\s+days?\s+later\b"), 1),
    (re.compile(r"\b" + _N + r"\s+days?\s+earlier\b"), -1),
    # "Two days after the strike, ...": counted from the happening the story told
    (re.compile(r"\b(?:a|one)\s+day\s+after\s+the\s+(?:[\w-]+\s+)?" + _RETOLD_ATTACK + r"\b"), 1),
    (re.compile(r"\b" + _N + r"\s+days\s+after\s+the\s+(?:[\w-]+\s+)?" + _RETOLD_ATTACK + r"\b"), 1),
    (
        re.compile(
            r"\b(?:(?:later\s+)?that\s+(?:day|morning|afternoon|evening|night)|(?:on\s+)?the\s+same\s+day"
            r"|by\s+nightfall|later\s+in\s+the\s+day|in\s+the\s+(?:morning|afternoon|evening)"
            r"|(?:at|around|about|by|before|after|towards?)\s+(?:the\s+)?(?:"
            + "|".join(sorted(STORY_TIMES))
            + r"))\b"
        ),
        0,
    ),
)
# How many relative expressions may chain ("The next day ... Two days later ..."), and how many
# sentences back the day they count from may be.
STORY_DEPTH = 3
STORY_REACH = 8


# A sentence that opens by counting years from a time told before ("Eighteen years later, ...").
YEARS_LATER = re.compile(r"^\s*(?P<n>[a-z]+(?:-[a-z]+)?|\d{1,2})\s+years?\s+later\b", re.IGNORECASE)
YEAR_NUMBER = re.compile(r"\b(?:1[89]|20)\d\d\b")


# The dash the tokenizer leaves inside a range of days ("2–3 February").
DAY_RANGE_DASH = re.compile(r"[-–—]")


# How a sentence ends, as opposed to a title line.
SENTENCE_ENDS = (".", "!", "?", '"', "”", ":")
# Sentences after an undated report that may retell it with its day ("the strike Thursday"); a deal
# is retold by its day anywhere in the article ("welcomes the May 9 agreement"): an article tells one.
RETOLD_REACH = 4
# A retelling whose day must fall in the period the lead gave ("earlier this week") may come further on.
RETOLD_IN_PERIOD_REACH = 8
_DAY_NAME = (
    r"(?:(?:" + "|".join(WEEKDAYS) + r")"
    r"|(?:" + "|".join(MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + "|".join(MONTHS) + r")(?:\s+\d{4})?)"
)
# Verbs of a happening a relative clause may date for the toll told after it.
HAPPENING_VERBS = TOLL_ANTECEDENT_ATTACK_VERBS | INCIDENT_VERBS | WRECK_VERBS
# A date opening a sentence before its comma ("On 22 December, ...", "Late on 3 May 2017, ...").
OPENING_DATE = re.compile(
    r"^\s*(?:(?:late|early)\s+)?(?:on|in)\s+(?P<date>" + _DAY_NAME + r")\s*,", re.IGNORECASE
)


# Date words that date a clause wherever the parser hangs them ("overnight", "yesterday").
CLAUSE_DATE_WORDS = DATE_WORDS - MONTHS_AND_DAYS
# Words around a time of day that name no day ("around", "at", "the").
TIME_OF_DAY_FILLER = DATE_FILLER | TIME_OF_DAY_PREPS

# Lines this short between list items are headings ("Syria", "Iraq"), not sentences.
LIST_HEADING_TOKENS = 4


# Sentences before a list's introduction that may date it ("On Nov. 1, ... In Syria, ... The following:"),
# and the paragraph breaks among them (a release's lead, a paragraph on its details, then the list).
LIST_INTRO_REACH = 4
LIST_INTRO_PARAGRAPHS = 2


# A blank line between two sentences: a paragraph break in a text whose paragraphs hold several lines.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


# Sentences this short are one clause: any date in them dates the event.
SHORT_SENTENCE = 50


@dataclass(frozen=True)
class When:
    """An event date at its precision, and the words it came from (None: publication date)."""

    date: dt.date | None
    precision: DatePrecision | None
    text: str | None
    end: dt.date | None = None


def find_date(
    sent: Span, anchor: Token, layout: ArticleLayout, retold_as: frozenset[str] = ANAPHORIC_ATTACK_NOUNS
) -> When:
    """The sentence's date expression nearest the trigger, resolved against publication; else the
    date the paragraph's previous sentence gives (no day to news told in the present perfect); else
    the day a following sentence gives when it retells the event by one of the `retold_as` nouns;
    else the publication date."""
    published = layout.published
    if published is None:
        return When(None, None, None)
    anniversary = _anniversary(sent, published)
    if anniversary is not None:
        return anniversary
    own, report_only = _own_date_scored(sent, anchor, published)
    if own is not None and report_only:  # "killed 11, the military said Friday" ... "the strike Thursday"
        return _retold_date(sent, published, retold_as) or own
    if own is not None and _short_period(own):  # "an airstrike earlier this week" ... "took place Sunday"
        retold = _retold_date(sent, published, retold_as, RETOLD_IN_PERIOD_REACH)
        return retold if retold is not None and _within(retold, own) else own
    return (
        own
        or _day_after_story(sent, published)
        or _years_after_story(sent, published)
        or _carried_date(sent, anchor, published)
        or _retold_date(sent, published, retold_as)
        or When(published, "day", None)
    )


def _years_after_story(sent: Span, published: dt.date) -> When | None:
    """ "Eighteen years later, X ...": that many years after a year the article named before (the
    nearest one that leaves the sum on or before publication), at year precision."""
    found = YEARS_LATER.match(sent.text)
    if found is None:
        return None
    word = found.group("n").lower()
    years = 1 if word == "a" else number_value(word) or 0
    named = [e for e in doc_entities(sent.doc) if e.end <= sent.start and e.label_ == "DATE"]
    for ent in reversed(named):
        for year in reversed(YEAR_NUMBER.findall(ent.text)):
            if 0 < years < 100 and int(year) + years <= published.year:
                return When(dt.date(int(year) + years, 1, 1), "year", found.group(0))
    return None


def _carried_date(sent: Span, anchor: Token, published: dt.date) -> When | None:
    """The date the sentences before give (`_narrative_date`), but no past day or month to news told
    in the present perfect ("Meanwhile, a bomb has killed 18"): English tells a past time in the
    simple past, so such news runs up to the report; a period ("Two days of shelling have killed 38")
    carries."""
    carried = _narrative_date(sent, published)
    if carried is None or carried.end is not None:
        return carried
    verb = _clause_verb(anchor)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return None if perfect else carried


def _within(day: When, period: When) -> bool:
    """Whether a day falls in a period's holding unit, up to the period's end."""
    if day.date is None or period.date is None or period.end is None:
        return False
    return period.date <= day.date <= period.end


def _short_period(when: When) -> bool:
    """A period of days or weeks counted back from publication ("earlier this week", "in the past
    three days"), dated by the month or year that holds it."""
    words = (when.text or "").lower().split()
    return when.precision != "day" and when.end is not None and any(w in SHORT_PERIOD_UNITS for w in words)


def _retold_date(
    sent: Span, published: dt.date, nouns: frozenset[str], reach: int = RETOLD_REACH
) -> When | None:
    """The day one of the next sentences gives the event when it refers back to it with a definite
    noun that carries the day: "the strike Thursday", "the strike on Sunday", "Saturday's attacks",
    "the May 9 agreement" (a lead sentence often leaves the day to the retelling)."""
    sentences = doc_sentences(sent.doc)
    i = bisect.bisect_left(sentences, sent.start, key=lambda s: s.start)
    if not nouns or not _is_lead(sentences[:i]):
        return None  # later in a report, an undated attack is background more often than the news
    retold = _retelling(nouns)
    reach = len(sentences) if nouns == ANAPHORIC_DEAL_NOUNS else reach
    for later in sentences[i + 1 : i + 1 + reach]:
        if _tells_another_incident(later):
            return None
        for m in retold.finditer(later.text):
            adjective = (m.group("adj") or m.group("adj2") or m.group("adj3") or "").lower()
            if adjective in OTHER_OCCASION:
                continue
            if _tolled_elsewhere(later, m.start(), m.end(), sent.text):
                return None  # "Monday's blast, which killed five in X": another incident the article told
            words = m.group("a") or m.group("b") or m.group("c") or m.group("d")
            resolved = resolve_date(words, published)
            if resolved is not None and resolved.precision == "day":
                return When(resolved.start, "day", words)
    return None


def _tolled_elsewhere(later: Span, start: int, end: int, lead: str) -> bool:
    """Whether a retelling noun at these offsets has a relative clause with a toll of its own at a
    place the lead does not name ("Monday's blast, which killed five in X"): another incident."""
    for noun in _words_at(later, start, end) or ():
        for clause in noun.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in STRIKE_VICTIM_VERBS:
                continue
            inside = range(clause.left_edge.i, clause.right_edge.i + 1)
            places = [
                e for e in span_entities(later) if e.label_ in ("GPE", "LOC", "FAC") and e.start in inside
            ]
            if any(e.text not in lead for e in places):
                return True
    return False


def _anniversary(sent: Span, published: dt.date) -> When | None:
    """ "Today marks the fifth anniversary of the attack", "ten years ago today": the day that many
    years before publication, not the publication day."""
    found = ANNIVERSARY.search(sent.text)
    if found is None:
        return None
    word = (found.group("nth") or found.group("n") or "").lower()
    word = word.rstrip("stndrh") if word[:1].isdigit() else word  # "10th"
    years = ORDINAL_DAYS.get(word) or NUMBER_UNITS.get(word) or (int(word) if word.isdigit() else 0)
    if not 0 < years < 100:
        return None
    day = min(published.day, 28) if (published.month, published.day) == (2, 29) else published.day
    return When(dt.date(published.year - years, published.month, day), "day", found.group(0))


def _story_shift(sent: Span) -> tuple[int, str] | None:
    """Days a sentence moves from the day its story last named, and the words that say so: "The
    next day" +1, "three days later" +3, "the day before" -1, "that afternoon" 0; none when the words
    date its report."""
    text = sent.text.lower()
    for pattern, days in STORY_SHIFTS:
        if (m := pattern.search(text)) is not None:
            if _dates_a_report(sent, m.start(), m.end()):
                continue
            counted = m.groupdict().get("n")
            if counted is not None:
                n = int(counted) if counted.isdigit() else NUMBER_UNITS.get(counted, 0)
                days *= n
            return (days, sent.text[m.start() : m.end()]) if days or counted is None else None
    return None


def _words_at(sent: Span, start: int, end: int) -> Span | None:
    """The parsed words at these character offsets of a sentence (a regex match on its text)."""
    if not is_parsed(sent):
        return None
    return sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")


def _dates_a_report(sent: Span, start: int, end: int) -> bool:
    """Whether the words at these offsets of a sentence follow its reporting verb ("Investigators
    said the following day the attack had killed 133"): they date the report. Fronted ("Three days
    later, X said ...") they set the story's time, which an event told no other date takes."""
    words = _words_at(sent, start, end)
    if words is None or words.start == sent.start:
        return False
    verb = sent.doc[words.start - 1]
    return verb.lemma_.lower() in REPORTING_VERBS and verb.pos_ in ("VERB", "AUX")


def _day_after_story(sent: Span, published: dt.date) -> When | None:
    """The day a relative expression gives from the day the story last named ("On 12 March the
    army entered X. The next day rebels surrendered": 13 March), not from the publication date."""
    shift = _story_shift(sent)
    if shift is None:
        return None
    sentences = doc_sentences(sent.doc)
    i = bisect.bisect_left(sentences, sent.start, key=lambda s: s.start)
    if i >= len(sentences) or sentences[i].start != sent.start:
        return None
    day = _story_day(sentences, i, published, STORY_DEPTH)
    if day is None:
        return None
    shifted = day + dt.timedelta(days=shift[0])
    # a day after publication means the story's day was misread: the publication date bounds it
    return When(shifted, "day", shift[1]) if shifted <= published else When(published, "day", None)


def _story_day(sentences: Sequence[Span], i: int, published: dt.date, depth: int) -> dt.date | None:
    """The last day named before sentence i: its paragraph's or the one before, through relative
    expressions ("The next day ... Two days later ...") up to `depth` of them."""
    breaks = 0
    for j in range(i - 1, max(i - 1 - STORY_REACH, -1), -1):
        before = sentences[j]
        breaks += "\n" in gap_between(before, sentences[j + 1])
        if breaks > 1:
            return None
        if not before.text.strip():
            continue
        own = _sentence_date(before, published)
        if own is not None:
            return own.date if own.precision == "day" else None
        if not is_parsed(before):
            return None
        if (shift := _story_shift(before)) is not None and depth > 0:
            day = _story_day(sentences, j, published, depth - 1)
            return day + dt.timedelta(days=shift[0]) if day is not None else None
    return None


def _narrative_date(sent: Span, published: dt.date) -> When | None:
    """The day the nearest dated sentence before says in the same paragraph (or the month the one
    just before says): a report that tells "On 12 March, the army entered X. Rebels surrendered ..."
    dates what follows by what precedes.

    A list item ("*  Near Mosul, three strikes ...") continues the sentence that introduces its
    list ("... a summary of the strikes conducted:"), which is dated the same way.
    """
    sentences = doc_sentences(sent.doc)
    i = bisect.bisect_left(sentences, sent.start, key=lambda s: s.start)
    if i == 0 or i >= len(sentences) or sentences[i].start != sent.start or _tells_another_incident(sent):
        return None
    if is_list_item(sent):
        return _list_date(sentences, i, published)
    if first_item_listed(sent) is not None:
        return _intro_date(sentences, i, published)
    carried = _date_before(sentences, i, published, paragraphs=0, reach=len(sentences))
    if carried is None:
        carried = _lead_date(sentences, i, published)
    if carried is None or carried.date is None or carried.precision != "day":
        return carried
    if carried.end is not None:
        return _holding_unit(carried.date, carried.end, carried.text)
    if _during_the_period(sent, sentences[i - 1]):
        return When(carried.date.replace(day=1), "month", carried.text)
    return carried


def gap_between(before: Span, after: Span) -> str:
    """The white space between two sentences: the end the first keeps, then what lies between them."""
    return before.text[len(before.text.rstrip()) :] + doc_text(after.doc)[before.end_char : after.start_char]


def _lead_date(sentences: Sequence[Span], i: int, published: dt.date) -> When | None:
    """The day a one-sentence lead gives, for an undated sentence of the paragraph right after it
    (paragraphs set apart by a blank line): a release tells its news in one sentence, then the
    details of that news."""
    paragraphs: list[list[Span]] = [[]]
    for j, sent in enumerate(sentences[: i + 1]):
        if j and BLANK_LINE.search(gap_between(sentences[j - 1], sent)) and paragraphs[-1]:
            paragraphs.append([])  # a text written a line per sentence has no lead paragraph
        if sent.text.strip() and sent.text.rstrip().endswith(SENTENCE_ENDS):
            paragraphs[-1].append(sent)  # title lines are no part of the lead
    body = [p for p in paragraphs if p]
    if len(body) != 2 or len(body[0]) != 1 or body[1][0].start > sentences[i].start:
        return None
    if any(_sentence_date(s, published) is not None for s in body[1] if s.start < sentences[i].start):
        return None
    lead = _sentence_date(body[0][0], published)
    return lead if lead is not None and lead.precision == "day" and lead.end is None else None


def _holding_unit(first: dt.date, last: dt.date, text: str | None) -> When | None:
    """The month or year holding a period: what follows "Since 10 March, ..." happened somewhen in
    it, not on the day it started."""
    if (first.year, first.month) == (last.year, last.month):
        return When(first.replace(day=1), "month", text)
    return When(dt.date(first.year, 1, 1), "year", text) if first.year == last.year else None


def _during_the_period(sent: Span, before: Span) -> bool:
    """ "During the fighting, ...": in the period the story told, not on the day it began; but
    "during the raid" after "a raid ... on 3 February" points back to the happening of that day."""
    told = {t.lemma_.lower() for t in before if t.pos_ == "NOUN"}
    for t in sent:
        if t.lower_ != "during":
            continue
        for noun in t.children:
            definite = any(d.dep_ == "det" and d.lower_ == "the" for d in noun.children)
            if noun.dep_ == "pobj" and noun.pos_ == "NOUN" and not noun.ent_type_ and definite:
                return noun.lemma_.lower() not in told
    return False


def _date_before(
    sentences: Sequence[Span], i: int, published: dt.date, *, paragraphs: int, reach: int
) -> When | None:
    """The day or month of the nearest dated sentence among the `reach` sentences before sentence i
    in its paragraph (or in up to `paragraphs` paragraphs before); None at a sentence
    without a parse."""
    first, j = i - 1, i  # a month only the sentence just before names dates what follows
    while j > 0 and reach > 0:
        reach -= 1
        j -= 1
        while j > 0 and not sentences[j].text.strip():
            j -= 1  # a line break the parser made a sentence of its own
        if _is_heading(sentences[j]):
            continue  # "Strikes in Syria": a section's title, the story goes on past it
        before, after = sentences[j], sentences[i]
        between = doc_text(after.doc)[before.start_char : after.start_char]
        if "\n" in between[len(between.rstrip()) :]:
            if not paragraphs:
                return None  # a paragraph ends in between
            paragraphs -= 1
        when = _sentence_date(before, published) or _happening_described(before, published)
        if when is not None:
            # a month said further back may be the background, not this event's
            return when if when.precision == "day" or (when.precision == "month" and j == first) else None
        if not is_parsed(before):
            return None
        if (shifted := _day_after_story(before, published)) is not None:
            return shifted if shifted.text is not None else None  # "Two days later, ... . X happened"
        i = j
    return None


def _happening_described(sent: Span, published: dt.date) -> When | None:
    """The day a relative clause of an attack or a wreck gives in a sentence whose own clause has none:
    "Flight 9 was a plane that crashed ... on 8 January. All 176 died" dates the deaths 8 January."""
    if not is_parsed(sent):
        return None
    for verb in sent:
        if verb.dep_ == "relcl" and verb.lemma_.lower() in HAPPENING_VERBS:
            clause = sent.doc[verb.left_edge.i : verb.right_edge.i + 1]
            when = _own_date(clause, verb, published)
            if when is not None and when.precision == "day":
                return when
    return None


def _is_heading(sent: Span) -> bool:
    """A short line that does not end as a sentence does: a section title ("Strikes in Iraq")."""
    words = [t for t in sent if not t.is_space]
    return 0 < len(words) <= LIST_HEADING_TOKENS and not sent.text.rstrip().endswith(SENTENCE_ENDS)


def _sentence_date(sent: Span, published: dt.date) -> When | None:
    """A sentence's own date: by its parse, or, for a sentence the pre-filter left unparsed, by the
    date that opens it ("On 22 December, the army ...": it dates the whole sentence)."""
    if is_parsed(sent):
        return _own_date(sent, sent.root, published)
    found = OPENING_DATE.match(sent.text)
    if found is None or (resolved := resolve_date(found.group("date"), published)) is None:
        return None
    return When(resolved.start, resolved.precision, found.group(0).strip(" ,"), resolved.end)


def _tells_another_incident(sent: Span) -> bool:
    """ "In another incident, ...", "In a separate attack, ...": not the story told before."""
    words = [t.lower_ for t in sent]
    return any(a in OTHER_INCIDENT and b in INCIDENT_NOUNS for a, b in zip(words, words[1:], strict=False))


def _list_date(sentences: Sequence[Span], i: int, published: dt.date) -> When | None:
    """The date of the sentence that introduces a list ("... since the last press release:"),
    found past the list's earlier items and its headings ("Syria", "Iraq"); an undated intro takes
    the date said before its section heading, or that of the section before."""
    j = i - 1
    while j > 0 and (is_list_item(sentences[j]) or _is_heading(sentences[j])):
        j -= 1
    intro = sentences[j]
    if not intro.text.rstrip().endswith(":") or not is_parsed(intro):
        return None
    return _intro_date(sentences, j, published)


def _intro_date(sentences: Sequence[Span], j: int, published: dt.date) -> When | None:
    """The date of a list's introduction: its own, else the one a list just before it has (a release
    lists the strikes in Syria, then those in Iraq), else that of the sentences before it."""
    intro = sentences[j]
    own = _own_date(intro, intro.root, published)
    if own is not None:
        return own
    k = j - 1
    while k > 0 and (not sentences[k].text.strip() or _is_heading(sentences[k])):
        k -= 1
    if is_list_item(sentences[k]):
        return _list_date(sentences, k, published)
    return _date_before(sentences, j, published, paragraphs=LIST_INTRO_PARAGRAPHS, reach=LIST_INTRO_REACH)


@functools.lru_cache(maxsize=8)
def _retelling(nouns: frozenset[str]) -> re.Pattern[str]:
    """A definite noun of `nouns` with the day attached: "the strike (on) Thursday", "Saturday's
    attacks", "the May 9 agreement", "the attack took place Sunday" (adj, adj2, adj3: a word before
    the noun, "the last strike")."""
    noun = r"(?:" + "|".join(sorted(nouns)) + r")s?"
    before = r"(?:(?P<{}>[\w-]+)\s+)?"
    return re.compile(
        r"\b(?:the|this|that|these)\s+"
        + before.format("adj")
        + noun
        + r"\s+(?:on\s+)?(?P<a>"
        + _DAY_NAME
        + r")\b"
        r"|\b(?P<b>" + _DAY_NAME + r")['’]s\s+" + before.format("adj2") + noun + r"\b"
        r"|\bthe\s+(?P<c>" + _DAY_NAME + r")\s+" + noun + r"\b"
        r"|\b(?:the|this|that)\s+" + before.format("adj3") + noun + r"\s+(?:took\s+place|happened|occurred)"
        r"\s+(?:on\s+)?(?P<d>" + _DAY_NAME + r")\b",
        re.IGNORECASE,
    )


def _is_lead(before: Sequence[Span]) -> bool:
    """Whether the sentences before a sentence are only title lines (no sentence ends among them)."""
    return not any(s.text.rstrip().endswith(SENTENCE_ENDS) for s in before)


def _own_date(sent: Span, anchor: Token, published: dt.date) -> When | None:
    """The sentence's date expression nearest the trigger, resolved against publication."""
    return _own_date_scored(sent, anchor, published)[0]


def _own_date_scored(sent: Span, anchor: Token, published: dt.date) -> tuple[When | None, bool]:
    """The sentence's date expression nearest the trigger, and whether it only dates the report."""
    candidates: list[tuple[int, int, str, Token]] = []
    seen: set[int] = set()
    for ent in span_entities(sent):
        if ent.label_ not in ("DATE", "TIME") or in_stamp(ent[0]) or in_stamp(ent[-1]):
            continue
        length = DURATION_ADJECTIVE.search(ent.text) or LENGTH_SUFFIX.match(doc_text(sent.doc), ent.end_char)
        on_report = ent.root.head.lemma_.lower() in REPORTING_VERBS and not _told_before(ent.root, ent.end)
        if length or on_report:
            continue
        end = ent.end - 1 if counted_after_date(ent[-1]) else ent.end  # "On 16 July 12 soldiers"
        start, end, text = _with_preposition(ent.start, end, sent)
        candidates.append((start, end, text, ent.root))
        whole = resolve_date(text, published) is not None  # "on Monday 12 March 2017": no "Monday 12"
        seen.update(t.i for t in ent if whole or t.lower_ not in DATE_WORDS)  # "overnight days": "overnight"
    for t in sent:
        if (ago := _untagged_ago(t, seen)) is not None:
            candidates.append((ago[0], ago[1], sent.doc[ago[0] : ago[1]].text, t))
            continue
        fresh = t.lower_ in DATE_WORDS and t.i not in seen and not in_stamp(t)
        if fresh and (t.head.lemma_.lower() not in REPORTING_VERBS or _told_before(t, t.i + 1)):
            candidates.insert(0, (*_with_preposition(t.i, t.i + 1, sent), t))  # a day word wins ties
    clause = _clause_verb(anchor)
    best: When | None = None
    best_distance = 10**6
    starts = [end for start, end, text, root in candidates if sent.doc[start].lower_ == "from"]
    for start, end, text, root in candidates:
        if _off_the_trigger_path(root, anchor) or _range_end(sent, start, starts):
            continue
        counted = _counted(sent.doc[start:end])
        measured = counted and end < sent.end and sent.doc[end].lower_ in MEASURED_FROM
        if measured and not _measures_back_to(sent.doc[end], anchor):
            continue  # "the strike comes two months after ...": the other happening's date
        told = _told_before(root, end)
        linked = _clause_verb(told or root) == clause
        distance = abs(start - anchor.i) + (0 if linked else UNLINKED_DATE_PENALTY)
        distance += JOINED_CLAUSE_PENALTY if _joined_clauses(_clause_verb(root), clause) else 0
        if counted and start > sent.start and sent.doc[start - 1].lower_ in DURATION_AFTER:
            distance += REPORT_DATE_PENALTY  # "after several days of calm": how long; any other date wins
        distance += REPORT_DATE_PENALTY if _dates_the_report(root) and told is None else 0
        distance += NOUN_DATE_PENALTY if _dates_another_noun(root, anchor) else 0
        too_far = not linked and abs(start - anchor.i) > MAX_DATE_DISTANCE and len(sent) > SHORT_SENTENCE
        of_period = start > 0 and sent.doc[start - 1].lower_ == "of" and not _possessive(sent.doc[start:end])
        if too_far or of_period or BARE_PERIOD.match(text):
            continue  # another clause's date, or a duration ("a lull of several days")
        if _bare_time_of_day(sent.doc[start:end]):
            continue  # "around noon": the story's day (`STORY_SHIFTS`), not the publication day
        resolved = _point_back(text, published) if measured else None
        resolved = resolved or resolve_date(text, published)
        if resolved is None:
            continue
        if distance < best_distance:
            best_distance = distance
            shown = f"{text} {sent.doc[end].text}" if measured else text  # "a week after": told from another
            best = When(resolved.start, resolved.precision, shown, resolved.end)
    return best, best is not None and best_distance >= REPORT_DATE_PENALTY


def _point_back(text: str, published: dt.date) -> ResolvedDate | None:
    """ "The strike comes two months after X was killed": X is a point that long before the report,
    dated by the day, month or year the count is told in."""
    days = counted_days(text)
    if not days:
        return None
    point = published - dt.timedelta(days=days)
    if days < 7:
        return ResolvedDate(point, "day", None, text)
    if days < 365:
        return ResolvedDate(point.replace(day=1), "month", None, text)
    return ResolvedDate(dt.date(point.year, 1, 1), "year", None, text)


def _untagged_ago(word: Token, seen: set[int]) -> tuple[int, int] | None:
    """A counted time back that the model left untagged ("More than two months ago"): the unit's
    phrase through "ago"."""
    if word.lower_ != "ago" or word.i in seen:
        return None
    unit = next((c for c in word.children if c.lower_ in TIME_UNITS and c.i < word.i), None)
    words = [t for t in unit.subtree if not t.is_punct] if unit is not None else []
    if not words or any(t.i in seen for t in words):
        return None
    return words[0].i, word.i + 1


def _range_end(sent: Span, start: int, starts: list[int]) -> bool:
    """Whether a date expression ends a range whose start the sentence gave apart ("From August 8,
    2014, to August 29, 2019"): like "since X", the period is dated by its start (`starts`: where
    the sentence's "from" expressions end)."""
    words = [t for t in sent.doc[max(sent.start, start - 3) : start + 1] if not t.is_punct]
    if words[-1].lower_ not in RANGE_WORDS:
        words.pop()  # "until February 2019" carries its range word; "to August 29" leaves it out
    if not words or words[-1].lower_ not in RANGE_WORDS:
        return False
    return any(0 <= words[-1].i - end <= 2 for end in starts)


def _possessive(expression: Span) -> bool:
    """ "yesterday's strikes", "Friday's attack": a day that names the event it precedes."""
    return any(c.dep_ == "case" for c in expression.root.children) or (
        expression.end < len(expression.doc) and expression.doc[expression.end].lower_ in ("'s", "’s")
    )


def _dates_another_noun(root: Token, anchor: Token) -> bool:
    """A date inside a noun phrase that is not the trigger's ("upon the course's completion this
    week, they joined the police April 15"): it dates that noun; a date on the verb wins."""
    if root.lower_ in CLAUSE_DATE_WORDS:
        return False  # "overnight", "yesterday": the parser may hang them anywhere, they date the clause
    head = root.head
    if head.dep_ == "prep" and head.lower_ in DATE_PREPS:
        head = head.head
    return head.pos_ in ("NOUN", "PROPN") and head != anchor and head not in anchor.ancestors


def _joined_clauses(a: Token, b: Token) -> bool:
    """Two clauses joined by "and" ("X signed ..., and Y approved ..."), each with its own subject."""
    joined = (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)
    return joined and all(child(v, "nsubj", "nsubjpass") is not None for v in (a, b))


def _bare_time_of_day(expression: Span) -> bool:
    """A time of day with no day named ("around noon", "at dawn"; not "this morning", "overnight")."""
    words = [t.lower_ for t in expression if t.lower_ not in TIME_OF_DAY_FILLER]
    return bool(words) and all(w in STORY_TIMES for w in words)


def _off_the_trigger_path(root: Token, anchor: Token) -> bool:
    """Whether a date sits in a clause the trigger is not in that tells another happening: a relative
    clause ("militants who had surrendered last week"), or a planned or future one ("evacuations
    scheduled to start on 15 December", "would begin in a few days"), or the earlier happening an
    event is ranked against ("the deadliest attack since the siege in 2004")."""
    holding = {anchor, *anchor.ancestors}
    node = root
    while node not in holding and node.head is not node:
        if node.lower_ == "since" and _ranked(node.head):
            return True
        if node.pos_ in ("VERB", "AUX", "ADJ"):
            if node.dep_ == "relcl":
                return True
            if node.lemma_.lower() in PLANNED_HEADS:
                return True
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in node.children):
                return True
        node = node.head
    return False


def _ranked(noun: Token) -> bool:
    """A noun ranked against what came before it ("the deadliest attack", "the first strike"): a
    "since" on it names the earlier happening it is measured against."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RANKING_ADJECTIVES) for c in noun.children
    )


def _counted(expression: Span) -> bool:
    """A counted period ("two months", "several days"), not a named day or month."""
    words = [t.lower_ for t in expression]
    return any(w in TIME_UNITS for w in words) and not any(w in MONTHS_AND_DAYS for w in words)


def _measures_back_to(word: Token, anchor: Token) -> bool:
    """Whether the trigger is in the happening an "after" measures from ("two months after a soldier
    was killed"): the period counts back to it."""
    if word.lower_ != "after":
        return False
    clause = word.head if word.dep_ == "mark" else word
    return clause.left_edge.i <= anchor.i <= clause.right_edge.i


def _told_before(date: Token, end: int) -> Token | None:
    """The reported clause a date ends when the parser hangs it on the reporting verb told after
    ("... in the area yesterday, officials said"): only a comma and the speaker stand between."""
    verb = date.head
    if verb.lemma_.lower() not in REPORTING_VERBS or verb.i < date.i:
        return None
    speaker = child(verb, "nsubj")
    if speaker is None or [t.text for t in date.doc[end : speaker.left_edge.i]] != [","]:
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i < date.i), None)


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
    """A day of the month written as digits ("3", "21st"), or two of them as one token ("2–3")."""
    return all(_one_day(part) for part in DAY_RANGE_DASH.split(token.text, maxsplit=1))


def _one_day(text: str) -> bool:
    digits = text.rstrip("stndrh")
    return digits.isdigit() and 1 <= int(digits) <= 31 and len(digits) <= 2


def _with_preposition(start: int, end: int, sent: Span) -> tuple[int, int, str]:
    """A date expression with the preposition before it ("since Saturday" is not "Saturday")."""
    doc = sent.doc
    if start > sent.start and _day_number(doc[start - 1]):
        start -= 1  # "3 March" when the model tagged only "March"
    if end < sent.end and _day_number(doc[end]) and doc[start].lower_ in MONTHS_AND_DAYS:
        end += 0 if counted_after_date(doc[end]) else 1  # "March 3"; not "Monday 12 soldiers"
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
        if end < sent.end and _day_number(doc[end]) and doc[end - 1].lower_ in MONTHS_AND_DAYS:
            end += 1  # "the night of October 26"
        rest = [t.text for t in doc[end : min(end + 2, sent.end)]]
        if rest[:1] == [","] and _year_number(rest[1:2]):
            end += 2  # "the night of October 26, 2023"
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
    return start, end, doc[start:end].text
