"""Offline geocoding: a place name as written, plus the article's place hints, to one gazetteer entry.

The gazetteer (`extractors/data/gazetteer.tsv.gz`, built by `scripts/build_gazetteer.py`) and
the curated table (`extractors/data/places_curated.tsv`) are read once per process, on first
use. Resolution prefers no answer to a confident wrong one: a name found only outside the
article's countries resolves only if it is a country or a large city.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extractors.lexicon import SUPRANATIONAL
from extractors.normalize.countries import country_of
from extractors.normalize.placename import exact_key, fold, is_common_word, is_matchable_name, loose_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_FILE = DATA_DIR / "gazetteer.tsv.gz"
CURATED_FILE = DATA_DIR / "places_curated.tsv"

# Conflict news regions covered down to villages (GeoNames places of 500+ inhabitants):
# Middle East, North Africa, Sahel, Horn and East Africa, Central Africa, Afghanistan and
# Pakistan, the Caucasus, Ukraine, Myanmar. See docs/places.md.
FOCUS_COUNTRIES = frozenset(
    {
        "SY",
        "IQ",
        "LB",
        "JO",
        "IL",
        "PS",
        "YE",
        "SA",
        "IR",
        "TR",
        "EG",
        "LY",
        "TN",
        "DZ",
        "MA",
        "ML",
        "BF",
        "NE",
        "TD",
        "MR",
        "NG",
        "CM",
        "CF",
        "SD",
        "SS",
        "SO",
        "ET",
        "ER",
        "KE",
        "DJ",
        "CD",
        "MZ",
        "AF",
        "PK",
        "UA",
        "AM",
        "AZ",
        "GE",
        "MM",
    }
)

# ACLED geo-precision: 1 the place itself, 2 near it / part of a region, 3 a province or larger.
PRECISION_SITE, PRECISION_NEAR, PRECISION_AREA = 1, 2, 3
# A name matched only outside the article's countries is trusted for cities this large:
# "Moscow" in a Syria story is Moscow; a town of the same name elsewhere (Springfield) is not.
WORLD_CITY_POPULATION = 500_000

# Words around a name that say "near it" or "a part of it" (geo-precision 2), or name the
# province rather than its capital ("Idlib province").
_VAGUE_WORDS = (
    r"near|nearby|around|outside|outskirts(?: of)?|vicinity(?: of)?|countryside(?: of)?|"
    r"suburbs?(?: of)?|rural|(?:north|south|east|west)(?:ern)?(?:-?(?:north|south|east|west)(?:ern)?)?|"
    r"central|greater|parts? of|areas? of|edge of"
)
_LEADING_VAGUE = re.compile(rf"^(?:(?:{_VAGUE_WORDS})\s+)+", re.IGNORECASE)
_TRAILING_VAGUE = re.compile(rf"(?:\s+(?:{_VAGUE_WORDS}))+$", re.IGNORECASE)
_ADMIN_WORDS = re.compile(r"\s+(?:province|governorate|region|oblast|state)$", re.IGNORECASE)
_LEADING_ADMIN = re.compile(r"^(?:province|governorate|region) of\s+", re.IGNORECASE)
_PLACE_TYPE = re.compile(
    r"^(?:the\s+)?(?:(?:city|town|village|neighbou?rhood|district|camp|area|hamlet) of\s+)?", re.IGNORECASE
)
_TRAILING_TYPE = re.compile(r"\s+(?:city|town|village|neighbou?rhood|district|area)$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_MAX_NAME_WORDS = 5  # longest name looked for inside a longer phrase


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a country, a first-level area or a place."""

    entry_id: str
    kind: str  # country | admin1 | place
    name: str
    country_code: str
    admin1_code: str
    latitude: float | None
    longitude: float | None
    population: int
    precision: int


@dataclass(frozen=True)
class Place:
    """A resolved place, with ACLED's geo-precision; `entry_id` names the gazetteer entry."""

    name: str
    admin1: str | None
    country: str
    country_code: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    entry_id: str


@dataclass(frozen=True)
class PlaceHints:
    """What the article says about where it is: ISO alpha-2 countries and admin1 areas it names.

    `countries` and `admin1` (pairs of country code and GeoNames admin1 code) come from the text;
    `dateline` is the dateline's country code, a weaker hint (Beirut datelines on Syria stories);
    `primary` the country named most, which decides between equals and what "government
    forces" means.
    """

    countries: frozenset[str] = frozenset()
    admin1: frozenset[tuple[str, str]] = frozenset()
    dateline: str | None = None
    primary: str | None = None  # the country the article is mostly about

    def country_codes(self) -> frozenset[str]:
        return self.countries | {c for c in (self.dateline, self.primary) if c}


class Gazetteer:
    """Entries indexed by exact and loose name keys."""

    def __init__(self, entries: Iterable[tuple[Entry, list[str], list[str]]]) -> None:
        self.entries: list[Entry] = []
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.loose: dict[str, list[int]] = defaultdict(list)
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.country_names: dict[str, str] = {}
        self.by_id: dict[str, Entry] = {}
        for entry, exact_keys, loose_keys in entries:
            index = len(self.entries)
            self.entries.append(entry)
            self.by_id[entry.entry_id] = entry
            if entry.kind == "country":
                self.country_names[entry.country_code] = entry.name
            elif entry.kind == "admin1" and entry.admin1_code:
                self.admin1_names[(entry.country_code, entry.admin1_code)] = entry.name
            for key in exact_keys:
                self.exact[key].append(index)
            for key in loose_keys:
                self.loose[key].append(index)

    def candidates(self, name: str) -> tuple[list[Entry], bool]:
        """Entries whose name has the same exact key, else the same loose key (flag False)."""
        hits = self.exact.get(exact_key(name))
        if hits:
            return [self.entries[i] for i in hits], True
        return [self.entries[i] for i in self.loose.get(loose_key(name), [])], False

    def loose_candidates(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.loose.get(loose_key(name), [])]

    def to_place(self, entry: Entry, precision: int | None = None) -> Place:
        admin1 = self.admin1_names.get((entry.country_code, entry.admin1_code)) if entry.admin1_code else None
        return Place(
            name=entry.name,
            admin1=admin1,
            country=self.country_names.get(entry.country_code, entry.country_code),
            country_code=entry.country_code,
            latitude=entry.latitude,
            longitude=entry.longitude,
            geo_precision=max(entry.precision, precision or entry.precision),
            entry_id=entry.entry_id,
        )


def _float(text: str) -> float | None:
    return float(text) if text else None


def gazetteer_rows(path: Path = GAZETTEER_FILE) -> Iterator[dict[str, str]]:
    """Rows of the built gazetteer: plain tab-separated fields (the build strips tabs from names)."""
    with gzip.open(path, "rt", encoding="utf-8", newline="\n") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t"), strict=True))


def _read_gazetteer(path: Path) -> Iterator[tuple[Entry, list[str], list[str]]]:
    for row in gazetteer_rows(path):
        kind = row["kind"]
        entry = Entry(
            entry_id=row["id"],
            kind=kind,
            name=row["name"],
            country_code=row["country_code"],
            admin1_code=row["admin1_code"],
            latitude=_float(row["latitude"]),
            longitude=_float(row["longitude"]),
            population=int(row["population"] or 0),
            precision=PRECISION_SITE if kind == "place" else PRECISION_AREA,
        )
        yield entry, row["exact_keys"].split("|"), row["loose_keys"].split("|")


def _read_curated(path: Path, admin1_codes: dict[str, str]) -> Iterator[tuple[Entry, list[str], list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            entry = Entry(
                entry_id=f"X:{row['country_code']}:{exact_key(row['name'])}",
                kind="place",
                name=row["name"],
                country_code=row["country_code"],
                admin1_code=admin1_codes.get(row["admin1"], ""),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=0,
                precision=int(row["precision"]),
            )
            names = [row["name"], *(n for n in row["alternates"].split("|") if n)]
            yield entry, sorted({exact_key(n) for n in names}), sorted({loose_key(n) for n in names})


@functools.cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer plus curated places, loaded once per process."""
    base = list(_read_gazetteer(GAZETTEER_FILE))
    admin1_codes = {e.entry_id.removeprefix("A:"): e.admin1_code for e, _, _ in base if e.kind == "admin1"}
    return Gazetteer([*base, *_read_curated(CURATED_FILE, admin1_codes)])


@dataclass(frozen=True)
class _Query:
    name: str
    vague: bool  # "near X", "eastern X", "X countryside"
    wants_admin: bool  # "X province"


def _queries(text: str) -> Iterator[_Query]:
    """The name as written, then stripped of place-type words and vague qualifiers."""
    name = _POSSESSIVE.sub("", " ".join(text.split()).strip(" ,.;:\"'()"))
    yield _Query(name, False, False)
    bare = _PLACE_TYPE.sub("", name)
    wants_admin = bool(_LEADING_ADMIN.match(bare) or _ADMIN_WORDS.search(bare))
    bare = _LEADING_ADMIN.sub("", _ADMIN_WORDS.sub("", bare))
    core = _TRAILING_TYPE.sub("", _TRAILING_VAGUE.sub("", _LEADING_VAGUE.sub("", bare)))
    core = _ADMIN_WORDS.sub("", core)
    wants_admin = wants_admin or bool(_ADMIN_WORDS.search(_TRAILING_VAGUE.sub("", bare)))
    vague = core != _TRAILING_TYPE.sub("", bare)
    if core and core != name:
        yield _Query(core, vague, wants_admin)


_KIND_RANK = {"country": 0, "admin1": 1, "place": 2}


def _choose(entries: list[Entry], query: _Query, hints: PlaceHints, exact: bool) -> Entry | None:
    """Pick one entry: the article's countries first, then the kind asked for, then size."""
    in_hinted = [e for e in entries if e.country_code in hints.country_codes()]
    if not exact:  # "Panjwaye district, Kandahar" is no Panjab of another province
        # a spelling guess is a transliteration: of the conflict regions or the article's own
        # country, not of a country it names as a party ("Ain Issa" is no Ennis of the United States)
        guessed = FOCUS_COUNTRIES | {hints.primary, hints.dateline}
        in_hinted = [e for e in in_hinted if e.country_code in guessed and _in_named_areas(e, hints)]
    if in_hinted:
        pool = in_hinted
    elif not hints.country_codes():
        pool = entries if exact else []  # a loose spelling match anywhere in the world is a guess ("Kumbaru")
    else:  # only outside the article's countries: trust countries and big cities by their own name
        key = exact_key(query.name)
        pool = [
            e
            for e in entries
            if e.kind == "country"
            or (exact and e.population >= WORLD_CITY_POPULATION and exact_key(e.name) == key)
        ]
    if not pool:
        return None
    if any(e.kind == "country" for e in pool):
        pool = [e for e in pool if e.kind == "country"]
    elif query.wants_admin and any(e.kind == "admin1" for e in pool):
        pool = [e for e in pool if e.kind == "admin1"]
    else:
        pool = _places_over_areas(pool)

    def rank(e: Entry) -> tuple[bool, bool, bool, int, bool]:
        return (
            (e.country_code, e.admin1_code) in hints.admin1,
            e.country_code == hints.primary,
            e.country_code in hints.countries,
            e.population,
            e.entry_id.startswith("X:"),
        )

    return max(pool, key=rank)


def _in_named_areas(entry: Entry, hints: PlaceHints) -> bool:
    """Whether an entry lies in one of the first-level areas the article names in its country, or the
    article names none there."""
    named = {a1 for cc, a1 in hints.admin1 if cc == entry.country_code}
    return not named or entry.admin1_code in named


def _places_over_areas(pool: list[Entry]) -> list[Entry]:
    """ "Idlib" is the city when the province of that name holds it, else the province.

    A province's capital carries its name; a village elsewhere in the same country that shares
    the name does not. Entries of other countries are left to the ranking.
    """
    areas = {(e.country_code, e.admin1_code) for e in pool if e.kind == "admin1"}
    area_countries = {country for country, _ in areas}
    capitals = {(e.country_code, e.admin1_code) for e in pool if e.kind == "place"} & areas
    kept = []
    for e in pool:
        where = (e.country_code, e.admin1_code)
        if e.kind == "admin1" and where in capitals:
            continue
        if e.kind == "place" and e.country_code in area_countries and where not in areas:
            continue
        kept.append(e)
    return kept


def _proper_subspans(name: str) -> Iterator[str]:
    """Capitalised word runs inside a longer phrase, longest first, rightmost first among equals.

    Extractors sometimes hand over a headline fragment or a possessive run-in ("Latakia Kills",
    "Baghdad International", "Aleppos Marjeh"); the place is the proper name inside it.
    """
    words = name.split()

    def proper(word: str) -> bool:
        return word[:1].isupper() or word.partition("-")[2][:1].isupper()

    for size in range(min(len(words) - 1, _MAX_NAME_WORDS), 0, -1):
        for start in range(len(words) - size, -1, -1):
            span = words[start : start + size]
            text = " ".join(span)
            if all(proper(w) for w in span) and is_matchable_name(text[:1].upper() + text[1:]):
                yield text


def _resolve_one(
    gaz: Gazetteer, query: _Query, hints: PlaceHints, *, loose: bool = True
) -> Place | None | Literal[False]:
    """The place for one query; None if the query names something unsure, False if nothing."""
    if exact_key(query.name) in SUPRANATIONAL:
        return None
    entries, exact = gaz.candidates(query.name)
    if not entries or not (exact or loose):
        return False
    chosen = _choose(entries, query, hints, exact)
    if chosen is None and exact and loose:  # "Jora" is a town abroad; "Joura" the district here
        chosen = _choose(gaz.loose_candidates(query.name), query, hints, exact=False)
    if chosen is None:
        return None
    if query.vague and chosen.kind == "place":
        return gaz.to_place(chosen, PRECISION_NEAR)
    return gaz.to_place(chosen)


def resolve_place(name: str | None, hints: PlaceHints = PlaceHints()) -> Place | None:  # noqa: B008
    """The gazetteer entry a place name refers to in this article, or None when unsure.

    Tried in order: the name as written; without place-type words and vague qualifiers; the
    proper names inside it. The first two stop at the first name the gazetteer holds (resolved or
    unsure); inside a fragment only a resolved name counts.
    """
    if not name or not fold(name):
        return None
    gaz = gazetteer()
    queries = list(_queries(name))
    for query in queries:
        found = _resolve_one(gaz, query, hints)
        if found is not False:
            return found
    for span in _proper_subspans(queries[0].name):
        for query in _queries(span):
            # only a confident answer counts; one word must be spelled exactly ("Syrian" is no Suran)
            found = _resolve_one(gaz, query, hints, loose=" " in query.name)
            # a name inside a longer one is taken by a spelling of its own, not an alternate ("Wali" of
            # "Shah Wali Kot" is no Warri), and in the areas the article names ("Shirin Tagab, Faryab")
            entry = gaz.by_id[found.entry_id] if found else None
            if (
                found
                and entry
                and loose_key(entry.name) == loose_key(query.name)
                and _in_named_areas(entry, hints)
            ):
                return found
    return None


def lies_in(place: str | None, country: str | None) -> bool:
    """Whether the gazetteer puts a place in the country a name names ("Aleppo", "Syria")."""
    name = country_of(country) if country else None
    found = resolve_place(place) if name and place else None
    return found is not None and found.country == name


def is_known_place(text: str) -> bool:
    """Whether the gazetteer has an entry of this exact name key, unless the words are an English
    stop word or one of COMMON_WORDS ("Hit", "Assad", "Police", "Bab"). Cheap, no context."""
    return bool(text) and not is_common_word(text) and exact_key(text) in gazetteer().exact


def place_names() -> list[str]:
    """Place names as written in the gazetteer and curated table, for a spaCy PhraseMatcher.

    Every country, first-level area and place by its primary name; alternate names only for
    countries, areas and places of FOCUS_COUNTRIES (elsewhere they hold old names and
    namesakes: "Brezhnev" for a Russian city). Filtered by `is_matchable_name`; sorted, unique.
    """
    names: set[str] = set()
    for row in gazetteer_rows():
        names.add(row["name"])
        if row["kind"] != "place" or row["country_code"] in FOCUS_COUNTRIES:
            names.update(row["alternates"].split("|"))
    with CURATED_FILE.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            names.add(row["name"])
            names.update(row["alternates"].split("|"))
    return sorted(n for n in names if n and is_matchable_name(n))


def geocoding_report(pairs: Iterable[tuple[str | None, str | None, PlaceHints]]) -> dict[str, object]:
    """Geocoding accuracy over matched (gold location, predicted location, place hints) triples.

    `in_gazetteer`: gold locations that resolve at all; over those, `same_entry` is the share
    whose predicted location resolves to the same gazetteer entry and `resolved` the share whose
    predicted location resolves to any entry.
    """
    located = in_gazetteer = same = resolved = 0
    for gold, pred, hints in pairs:
        if not gold:
            continue
        located += 1
        gold_place = resolve_place(gold, hints)
        if gold_place is None:
            continue
        in_gazetteer += 1
        pred_place = resolve_place(pred, hints)
        resolved += pred_place is not None
        same += pred_place is not None and pred_place.entry_id == gold_place.entry_id

    def share(k: int) -> float | None:
        return round(k / in_gazetteer, 4) if in_gazetteer else None

    return {
        "gold_located": located,
        "in_gazetteer": in_gazetteer,
        "same_entry": share(same),
        "resolved": share(resolved),
    }
