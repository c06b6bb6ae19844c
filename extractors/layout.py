"""Article-level context: the dateline, the headline repeated in the body, dominant place and country.

Extractors fall back on this context only when a sentence does not say where or when.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extractors.lexicon import (
    AIR_CONTEXT_WORDS,
    FORCE_HEADS,
    FORCE_NOUNS,
    MONTH_REGEX,
    NEWSROOM_DATELINES,
    NOT_PLACE_LEADS,
    WEEKDAY_REGEX,
)
from extractors.normalize.countries import country_of, demonym_country
from extractors.normalize.places import is_known_place, lies_in
from extractors.schema import Article
from extractors.speed.docviews import doc_entities, doc_text

# Leading publication stamps outlets put before the body: "29-07-2016", "Date of publication 5 August
# 2016", "Sun 05 Jul 2015", "Tuesday 26 April 2016 21:41", "Posted on July 2 2016", "Monday, May 2, 2016".
_STAMP = re.compile(
    rf"^\s*(?:(?:Date of publication|Posted on|Published(?: on)?|Updated(?: on)?)\s*:?\s*)?"
    rf"(?:{WEEKDAY_REGEX},?\s+)?"
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}\s+{MONTH_REGEX},?\s+\d{{4}}|{MONTH_REGEX}\s+\d{{1,2}},?\s+\d{{4}})"
    rf"(?:\s+\d{{1,2}}:\d{{2}})?\s*"
)
# Wire datelines: "DAMASCUS, March 3 (Reuters) -", "BEIRUT (AP) —", "ALEPPO, Syria -", "WASHINGTON, May 13,
# 2008 –", "ZHARAY DISTRICT, KANDAHAR PROVINCE, Afghanistan –" (upper-case parents before the country).
_WIRE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'.\- ]{2,40}?)(?:,\s*[A-Z][A-Z'.\- ]{2,40}?(?=,))*"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z]+))?"
    rf"(?:,?\s*{MONTH_REGEX}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([A-Za-z0-9 .,]+\))?\s*[-—–]+\s"
)
# Pages put the headline and a byline before the body, so a wire dateline may open a later paragraph.
DATELINE_WINDOW = 600
# Monitor reports open each paragraph with the place and a spaced en or em dash ("Idlib – Three ...");
# a hyphen is left out because it joins words ("Al-Bab -based").
_PLACE_LEAD = re.compile(
    r"(?m)^[ \t]*(?:[A-Z][a-z']+(?:[ -](?:[A-Z][a-z']+|al|el|ez|ad|as|ar|an))*)[ \t]+[–—][ \t]+"
)
_PARAGRAPH_START = re.compile(r"\n\s*")

# Agency name or weekday before a day-month-year date: a stamp an outlet put between headline and body.
# After a preposition ("bombed ... on Monday 12 March 2017") the same date is the event's, not a stamp.
_INLINE_STAMP = re.compile(
    rf"\b(?:AFP|Reuters|AP|TRT World)\s+(?:{WEEKDAY_REGEX},?\s+)?\d{{1,2}}\s+{MONTH_REGEX},?\s+\d{{4}}\b"
    rf"|(?<![Oo]n )(?<!since )(?<!until )(?<!from )(?<!by )"
    rf"\b{WEEKDAY_REGEX},?\s+\d{{1,2}}\s+{MONTH_REGEX},?\s+\d{{4}}\b"
)
# A line break: headlines, captions and list items stand on their own lines without a full stop.
_LINE_START = re.compile(r"\n\s*(?=\S)")
# Headers of lists of links to other articles; what follows up to a blank line is not this article.
_LINK_LIST = re.compile(
    r"(?:^|\n)\s*(?:Related(?: coverage| news| stories| articles| content| posts)?|Read more|Read also"
    r"|See also|More on this(?: story)?|You may also like|Recommended(?: stories)?|Also read)\s*:"
    r"|\bRelated (?:News|Articles|Stories|Coverage)\b",
    re.IGNORECASE,
)
# Page widgets on a line of their own: tag and topic lists, short-link and share prompts. The line is
# page furniture, whatever headlines or words it holds; a tag list without a colon only when it is short
# (text run together from a page can hold the whole article on one line), starts with a capital and ends
# with no full stop, as names do and sentences do not.
_WIDGET_LINE = re.compile(
    r"(?im)^[ \t]*(?:"
    r"(?:tags|topics|keywords|short ?link|copy link|share(?: this(?: article| story| page)?)?)"
    r"[ \t]*(?::|$|(?=[ \t]+(?:on[ \t]+)?(?:facebook|twitter|whatsapp|telegram|email|linkedin)\b))[^\n]*"
    r"|(?:tags|topics|keywords)[ \t]+(?-i:[A-Z])[^\n]{0,200}(?<![.!?])$)"
)
# The title of an embedded video or post, suffixed with its platform ("... killed in Aleppo - YouTube"):
# another page's headline, from the end of the sentence before. Found by its suffix, then extended back
# (a pattern that starts anywhere and scans forward to the suffix is quadratic in the sentence length).
_EMBED_SUFFIX = re.compile(r"\s[-|–]\s(?:YouTube|Facebook|Twitter|Instagram)\b")
_SENTENCE_STOPS = ".!?\n"
# Characters from the start of the text where such stamps appear; later dates are content.
INLINE_STAMP_WINDOW = 400
_AIR_WORD = re.compile(r"\b(?:" + "|".join(sorted(AIR_CONTEXT_WORDS)) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleLayout:
    """What the whole article says about where and when, for sentences that say nothing."""

    published: dt.date | None
    dateline_end: int  # char offset where a leading stamp or wire dateline ends (0 if none)
    stamps: tuple[tuple[int, int], ...]  # char spans of publication stamps (leading and inline)
    dateline_place: str | None
    headline: tuple[int, int] | None  # char span of the headline repeated in the body
    country: str | None
    air_context: bool  # the title or text speaks of aircraft, so a bare "raid" is an air raid
    link_lists: tuple[tuple[int, int], ...] = ()  # char spans of "Related" lists, skipped


def wire_dateline(text: str) -> tuple[int, str, str | None] | None:
    """A wire dateline opening the text: its end offset, its place and the region named after it, if any."""
    m = _WIRE.match(text)
    if m and m.group("place").strip().isupper():
        return m.end(), m.group("place").strip().title(), m.group("region")
    return None


def find_dateline(text: str) -> tuple[int, str | None]:
    """End offset of a leading publication stamp or wire dateline, and the dateline's place."""
    if wire := wire_dateline(text):
        return wire[0], wire[1]
    m = _STAMP.match(text)
    return (m.end(), None) if m else (0, None)


def find_paragraph_dateline(text: str) -> tuple[int, int, str] | None:
    """A wire dateline opening a paragraph after the first, near the top: its span and place."""
    for line in _PARAGRAPH_START.finditer(text, 0, DATELINE_WINDOW):
        start = line.end()
        wire = wire_dateline(text[start : start + 120])  # `^` anchors at the string's start, not at pos
        if wire:
            return start, start + wire[0], wire[1]
    return None


def find_place_leads(text: str) -> list[tuple[int, int]]:
    """Spans of "Place – " leads at paragraph starts: a dateline, never part of the sentence after it."""
    leads = [m for m in _PLACE_LEAD.finditer(text) if m.group().split()[0].lower() not in NOT_PLACE_LEADS]
    return [(m.start(), m.end()) for m in leads if len(m.group().split()) <= 5]


def find_inline_stamps(text: str) -> list[tuple[int, int]]:
    """Agency stamps after a headline ("... Monitor AFP Monday 17 Oct 2016 Air strikes ..."), near the top."""
    return [m.span() for m in _INLINE_STAMP.finditer(text, 0, INLINE_STAMP_WINDOW)]


def find_headline(text: str, title: str | None, start: int) -> tuple[int, int] | None:
    """Span of the title where the body repeats it near its start (minus any " - Site" suffix)."""
    if not title:
        return None
    head = re.split(r"\s+[-|–—]\s+|\s*[|]\s*|-\s+[A-Z][\w ]+$", title.strip())[0].strip(" .")
    # "Yemen: Jets hit port": outlets prefix a country or topic the body does not repeat
    for candidate in (head, head.partition(": ")[2].strip()):
        if len(candidate) >= 12 and (i := text.find(candidate, 0, start + len(candidate) + 300)) >= 0:
            return i, i + len(candidate)
    return None


def find_link_lists(text: str) -> list[tuple[int, int]]:
    """Char spans of "Related coverage:" / "Read more" lists and page furniture: not this article's events."""
    spans = []
    for m in _LINK_LIST.finditer(text):
        stop = text.find("\n\n", m.end())
        spans.append((m.start(), stop if stop >= 0 else len(text)))
    return spans + page_furniture(text)


def page_furniture(text: str) -> list[tuple[int, int]]:
    """Char spans of widget lines (tags, share and short-link prompts) and embedded video titles."""
    spans = [m.span() for m in _WIDGET_LINE.finditer(text)]
    for m in _EMBED_SUFFIX.finditer(text):
        start = max(text.rfind(stop, 0, m.start()) for stop in _SENTENCE_STOPS) + 1
        spans.append((start, m.end()))
    return spans


def structural_boundaries(text: str, title: str | None) -> list[int]:
    """Char offsets where a new sentence must start: line starts, after stamps and a repeated headline."""
    end, _ = find_dateline(text)
    offsets = [end] if end else []
    offsets += [m.end() for m in _LINE_START.finditer(text)]  # no sentence runs over a line break
    if later := find_paragraph_dateline(text):
        offsets += [later[0], later[1]]
    for start, stop in [*find_inline_stamps(text), *find_place_leads(text), *page_furniture(text)]:
        offsets += [start, stop]
    headline = find_headline(text, title, end)
    if headline:
        after = re.compile(r"[\s.!?:;|\-–—]*").match(text, headline[1])
        offsets += [headline[0], after.end() if after else headline[1]]  # the body starts after ". "
    return sorted(o for o in offsets if 0 < o < len(text))


def names_its_country(token: Token) -> bool:
    """Whether a country name can say where things happen: not when it only says who backs or
    leads a side ("Iran-backed", "US-led", "Turkey's proxies")."""
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    of_a_place = nxt is not None and nxt.tag_ == "POS" and after is not None and after.pos_ == "PROPN"
    modifier = nxt is not None and (nxt.text == "-" or nxt.tag_ == "POS") and not of_a_place
    return token.pos_ == "PROPN" and not modifier  # "Iraq's Kurdistan region" is in Iraq


def _names_a_side(ent: Span) -> bool:
    """Whether a country name says who acts, not where: the subject of a clause ("the United States
    conducted a raid") or the state of a force ("United States forces")."""
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    return root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in FORCE_NOUNS | FORCE_HEADS


def _a_place(dateline: str) -> bool:
    """Whether a dateline names a place the gazetteer knows, not a newsroom beat."""
    name = dateline.lower()
    return name not in NEWSROOM_DATELINES and (is_known_place(dateline) or country_of(dateline) is not None)


def read_layout(doc: Doc, article: Article) -> ArticleLayout:
    """Layout of one parsed article (stamps, datelines, headline, link lists) from its text and entities.

    The article's dominant place is counted apart (`slots.article_place`), only when an event needs it.
    """
    text = doc_text(doc)
    end, dateline_place = find_dateline(text)
    later = find_paragraph_dateline(text)
    if later and not dateline_place:
        dateline_place = later[2]
    if dateline_place and not _a_place(dateline_place):
        dateline_place = None  # "PENTAGON —", "SOUTHWEST ASIA —": a newsroom or a region, no event place
    headline = find_headline(text, article.title, end)
    countries: Counter[str] = Counter()
    for ent in doc_entities(doc):
        if ent.label_ in ("GPE", "LOC"):
            if names_its_country(ent[-1]) and not _names_a_side(ent) and (name := country_of(ent.text)):
                countries[name] += 2
        elif ent.label_ == "NORP" and (name := demonym_country(ent.text)):
            countries[name] += 1
    country = countries.most_common(1)[0][0] if countries else None
    if dateline_place and country and not lies_in(dateline_place, country):
        dateline_place = None  # "WASHINGTON —" on an Afghan story: where the report was filed, not the events
    air_context = bool(_AIR_WORD.search(article.title or "")) or len(_AIR_WORD.findall(text)) >= 2
    return ArticleLayout(
        published=article.published,
        dateline_end=end,
        stamps=(
            (0, end),
            *([later[:2]] if later else []),
            *find_inline_stamps(text),
            *find_place_leads(text),
        ),
        dateline_place=dateline_place,
        headline=headline,
        country=country,
        air_context=air_context,
        link_lists=tuple(find_link_lists(text)),
    )
