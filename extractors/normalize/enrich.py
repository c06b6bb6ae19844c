"""Fill an event's normalized place and actor columns from its raw slots and the article.

`place_hints` reads the countries and provinces an article names (and its dateline) with
plain gazetteer look-ups, no statistical model; `enrich_event` geocodes the event's raw
`location` against those hints and canonicalizes `actor` and `target`. Raw slots are kept.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter

from extractors.layout import wire_dateline
from extractors.lexicon import NAME_CONNECTORS
from extractors.normalize.actors import canonical_actor, canonical_target, nationality_codes
from extractors.normalize.placename import exact_key
from extractors.normalize.places import (
    FOCUS_COUNTRIES,
    Entry,
    Place,
    PlaceHints,
    gazetteer,
    is_matchable_name,
    resolve_place,
)
from extractors.schema import Article, Event

# A place named in the text counts toward context if it is a country, a first-level area, a
# curated place, or a city this large (small namesakes are too ambiguous to vote).
CONTEXT_CITY_POPULATION = 100_000
_MAX_NAME_WORDS = 4
# ACLED geo-precision of a place known only by its parent: near a town, or somewhere in an area.
NEAR_PRECISION = 2
AREA_PRECISION = 3
_WORD = re.compile(r"[^\W\d_][\w'’‘`-]*")


@functools.cache
def _context_names() -> dict[str, tuple[str, str]]:
    """Exact name key -> (country code, admin1 code or "") of the names that vote for context.

    Countries and first-level areas vote by any of their names, curated places and cities of
    CONTEXT_CITY_POPULATION by their primary name (alternates too in FOCUS_COUNTRIES: GeoNames
    alternates elsewhere include namesakes and other languages' words), and nationality
    adjectives ("Syrian") for their country. The most populous entry owns a shared name.
    """
    gaz = gazetteer()
    owners: dict[str, tuple[int, str, str]] = {}

    def vote(key: str, e: Entry) -> None:
        rank = (10**12 if e.kind == "country" else 0) + e.population
        if key and rank > owners.get(key, (-1, "", ""))[0]:
            owners[key] = (rank, e.country_code, "" if e.kind == "country" else e.admin1_code)

    for key, indexes in gaz.exact.items():
        for e in (gaz.entries[i] for i in indexes):
            all_names = e.kind != "place" or e.entry_id.startswith("X:") or e.country_code in FOCUS_COUNTRIES
            if all_names and (e.kind != "place" or e.population >= CONTEXT_CITY_POPULATION):
                vote(key, e)
            elif e.population >= CONTEXT_CITY_POPULATION or e.entry_id.startswith("X:"):
                vote(exact_key(e.name), e)
    names = {key: (cc, a1) for key, (_, cc, a1) in owners.items()}
    for word, code in nationality_codes().items():
        names.setdefault(word, (code, ""))
    return names


def _may_stand_in_name(word: str) -> bool:
    """A capitalised word, or a lower-case one that joins a name (Arabic articles, "of")."""
    return word[:1].isupper() or word.lower().split("-")[0] in NAME_CONNECTORS


def _written_as_name(words: list[str]) -> bool:
    """Capitalised words (Arabic articles and "of" may be lower case), not a shouted acronym."""
    if len(words) == 1 and len(words[0]) > 3 and words[0].isupper():
        return False  # agency names: SANA, AFP
    return all(_may_stand_in_name(w) for w in words) and words[-1][:1].isupper()


def _vote_of(words: list[str], names: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """(country, admin1) a run of words votes for, if it is a matchable name that votes.

    The cheap tests first: most runs are not written as names, and few of the rest vote.
    """
    if not _written_as_name(words):
        return None
    name = " ".join(words)
    hit = names.get(exact_key(name))
    return hit if hit and is_matchable_name(name) else None


def _named_places(text: str) -> list[tuple[str, str]]:
    """(country, admin1) of every capitalised name in the text that votes, longest match first."""
    names = _context_names()
    words = _WORD.findall(text)
    found = []
    i = 0
    while i < len(words):
        if not words[i][:1].isupper():
            i += 1
            continue
        # a run with a word that cannot stand in a name is none: try only runs that stop before it
        longest = 1
        while longest < min(_MAX_NAME_WORDS, len(words) - i) and _may_stand_in_name(words[i + longest]):
            longest += 1
        for n in range(longest, 0, -1):
            hit = _vote_of(words[i : i + n], names)
            if hit:
                found.append(hit)
                i += n
                break
        else:
            i += 1
    return found


def dateline_country(text: str) -> str | None:
    """Country code of a wire dateline at the start of the text ("BEIRUT (AP) —"), if any."""
    dateline = wire_dateline(text)
    if dateline is None:
        return None
    _, place_name, region = dateline
    for name in (region, place_name):
        place = resolve_place(name.title()) if name else None
        if place:
            return place.country_code
    return None


def place_hints(text: str, title: str | None = None) -> PlaceHints:
    """Countries and provinces the article names, its main country and its dateline's country."""
    named = _named_places(f"{title}\n{text}" if title else text)
    votes = Counter(cc for cc, _ in named)
    dateline = dateline_country(text)
    primary = votes.most_common(1)[0][0] if votes else dateline
    return PlaceHints(
        countries=frozenset(votes),
        admin1=frozenset((cc, a1) for cc, a1 in named if a1),
        dateline=dateline,
        primary=primary,
    )


def _country_code(name: str | None) -> str | None:
    place = resolve_place(name) if name else None
    return place.country_code if place and place.entry_id.startswith("C:") else None


def enrich_event(event: Event, hints: PlaceHints) -> Event:
    """The event with location_name, admin1, country, country_code, coordinates, geo_precision,
    actor_name/type and target_name/type filled where they resolve; raw slots unchanged."""
    stated = _country_code(event.country)
    if stated:  # the event's own country outranks the article's
        hints = dataclasses.replace(hints, primary=stated, countries=hints.countries | {stated})
    place = resolve_place(event.location, hints) if event.location else None
    if place is None and event.location is not None:
        place = _inside_parent(event.location, event.location_parent, hints)
    if place is None and event.location is None and stated:
        place = resolve_place(event.country)
    # "government forces" belong to the country the article (or the event) is about, even when
    # the event's place lies across a border
    country = hints.primary or (place.country_code if place else None)
    actor = canonical_actor(event.actor, country)
    target = canonical_target(event.target, country)
    return dataclasses.replace(
        event,
        location_name=place.name if place else None,
        admin1=place.admin1 if place else None,
        country=place.country if place else event.country,  # the place's own country, once it resolves
        country_code=place.country_code if place else stated,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        actor_name=actor.name if actor else None,
        actor_type=actor.type if actor else None,
        target_name=target.name if target else None,
        target_type=target.type if target else None,
    )


def _inside_parent(name: str, parent: str | None, hints: PlaceHints) -> Place | None:
    """A place the gazetteer lacks, spelled as written, at its parent's coordinates: near a town
    (precision 2) or somewhere in an area (3), as ACLED codes an unknown village."""
    found = resolve_place(parent, hints) if parent else None
    if found is None:
        return None
    area = found.geo_precision >= AREA_PRECISION
    admin1 = found.admin1 or (found.name if area and not found.entry_id.startswith("C:") else None)
    return dataclasses.replace(
        found, name=name, admin1=admin1, geo_precision=AREA_PRECISION if area else NEAR_PRECISION
    )


def enrich_article_events(events: list[Event], article: Article) -> list[Event]:
    """Every event of one article enriched against that article's place hints, read once."""
    if not events:
        return events
    hints = place_hints(article.text, article.title)
    return [enrich_event(event, hints) for event in events]
