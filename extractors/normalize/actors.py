"""Canonical actors and targets: one name and type per armed group however the text writes it.

"ISIS", "ISIL", "Daesh" and "Islamic State" are one actor; "Russian warplanes" and "Russian
jets" are the Military Forces of Russia; "government forces" are the forces of the country the
article is about. Aliases live in `extractors/data/actors.tsv`, nationality adjectives in
`extractors/data/demonyms.tsv`; both are read once per process, on first use.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from extractors.lexicon import CIVILIAN_NOUNS, FIGHTER_NOUNS, FORCE_NOUNS
from extractors.normalize.countries import DEMONYMS_FILE

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ACTORS_FILE = DATA_DIR / "actors.tsv"

STATE, FOREIGN_STATE = "state forces", "foreign state forces"
UNIDENTIFIED = "unidentified"  # the unnamed attacker ("gunmen", "militants")
NON_STATE_TYPES = frozenset({"rebel group", "jihadist group", "militia", UNIDENTIFIED})
CONTEXT_COUNTRY = "@context"
CIVILIANS, FIGHTERS, MIXED = "civilians", "fighters", "mixed"
# Rows of actors.tsv that name a kind of actor, not a group: a named group in the same phrase
# wins ("the takfiri ISIL group" is the Islamic State).
GENERIC_ACTORS = frozenset({"state_forces", "rebels", "jihadists", "unidentified", "civilians"})


_INITIALISM = re.compile(r"\b([A-Z])\.([A-Z])\.(?:([A-Z])\.)?")
_TOKEN = re.compile(r"[A-Za-z0-9]+")


class Actor(NamedTuple):
    """A canonical actor or target: display name and type."""

    name: str
    type: str


@dataclass(frozen=True)
class _Alias:
    words: tuple[str, ...]
    case_sensitive: bool  # two-letter initialisms (IS, US) only as capitals
    actor_id: str


@dataclass(frozen=True)
class _ActorRow:
    actor_id: str
    name: str
    type: str
    country: str


@dataclass(frozen=True)
class _Match:
    start: int
    length: int
    actor_id: str  # an actors.tsv id, or "state:<ISO code>" for a nationality


class _Tables:
    """Alias index by first word, actor rows by id, country names by code."""

    def __init__(self) -> None:
        self.rows: dict[str, _ActorRow] = {}
        self.by_first: dict[str, list[_Alias]] = defaultdict(list)
        self.country_names: dict[str, str] = {}
        for row in _read_tsv(ACTORS_FILE):
            self.rows[row["id"]] = _ActorRow(row["id"], row["name"], row["type"], row["country"])
            for alias in row["aliases"].split("|"):
                self._add(alias, row["id"])
        for row in _read_tsv(DEMONYMS_FILE):
            for adjective in row["adjectives"].split("|"):
                self._add(adjective, f"state:{row['country_code']}")

    def _add(self, alias: str, actor_id: str) -> None:
        folded, written = _tokens(alias)
        if folded:
            case_sensitive = len(written) == 1 and len(written[0]) <= 2 and written[0].isupper()
            self.by_first[folded[0]].append(_Alias(tuple(folded), case_sensitive, actor_id))

    def add_countries(self, names: dict[str, str]) -> None:
        self.country_names = names
        for code, name in names.items():
            self._add(name, f"state:{code}")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Folded words and the same words as written (for case-sensitive initialisms)."""
    joined = _INITIALISM.sub(lambda m: "".join(g for g in m.groups() if g), text)
    decomposed = unicodedata.normalize("NFKD", joined)
    written = _TOKEN.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
    return [w.casefold() for w in written], written


@functools.cache
def _tables() -> _Tables:
    from extractors.normalize.places import gazetteer

    tables = _Tables()
    tables.add_countries(gazetteer().country_names)
    return tables


def nationality_codes() -> dict[str, str]:
    """One-word nationality adjectives and country names (folded) -> ISO alpha-2 code."""
    return {
        first: alias.actor_id.removeprefix("state:")
        for first, aliases in _tables().by_first.items()
        for alias in aliases
        if alias.actor_id.startswith("state:") and len(alias.words) == 1
    }


def _matches(text: str) -> tuple[list[_Match], list[str]]:
    tables = _tables()
    folded, written = _tokens(text)
    found = []
    for i, word in enumerate(folded):
        for alias in tables.by_first.get(word, []):
            end = i + len(alias.words)
            if tuple(folded[i:end]) != alias.words:
                continue
            if alias.case_sensitive and written[i] != written[i].upper():
                continue
            found.append(_Match(i, len(alias.words), alias.actor_id))
    return found, folded


def _best(matches: list[_Match]) -> _Match | None:
    """The first-named actor; the longest alias at that position."""
    return min(matches, key=lambda m: (m.start, -m.length), default=None)


def _state_actor(country: str | None, context_country: str | None) -> Actor:
    tables = _tables()
    if not country:
        return Actor("Government forces", STATE)
    name = f"Military Forces of {tables.country_names.get(country, country)}"
    foreign = context_country is not None and country != context_country
    return Actor(name, FOREIGN_STATE if foreign else STATE)


def _to_actor(match: _Match, context_country: str | None) -> Actor:
    if match.actor_id.startswith("state:"):
        return _state_actor(match.actor_id.removeprefix("state:"), context_country)
    row = _tables().rows[match.actor_id]
    if row.type in (STATE, FOREIGN_STATE):
        country = context_country if row.country == CONTEXT_COUNTRY else row.country
        if row.name.startswith("Military Forces of"):
            return _state_actor(country, context_country)
        foreign = context_country is not None and country != context_country
        return Actor(row.name, FOREIGN_STATE if foreign else STATE)
    return Actor(row.name, row.type)


def _is_civilian(match: _Match) -> bool:
    row = _tables().rows.get(match.actor_id)
    return row is not None and row.type == CIVILIANS


def _is_non_state(match: _Match) -> bool:
    row = _tables().rows.get(match.actor_id)
    return row is not None and row.type in NON_STATE_TYPES | {CIVILIANS}


def canonical_actor(text: str | None, country_code: str | None = None) -> Actor | None:
    """The canonical actor a raw actor phrase names; `country_code` is the article's country.

    A named group beats a kind of actor and a nationality ("the takfiri ISIL group" is the
    Islamic State, "Syrian rebels" are rebels, "Turkish-backed factions" the Syrian National
    Army); otherwise the first actor named wins ("the Russian and regime
    forces" -> Russia). None when the phrase names no known actor.
    """
    if not text:
        return None
    matches, _ = _matches(text)
    if any(_is_non_state(m) for m in matches):
        matches = [m for m in matches if not m.actor_id.startswith("state:")]
    named = [m for m in matches if m.actor_id in _tables().rows and m.actor_id not in GENERIC_ACTORS]
    best = _best(named or matches)
    if best is None or (best.actor_id == "state_forces" and _named_force(text, best)):
        return None
    return _to_actor(best, country_code)


def _named_force(text: str, match: _Match) -> bool:
    """Whether a state-force word ends a proper name ("the Oromo Liberation Army", "Kachin Independence
    Army"): a group of its own that the table does not know, not the forces of the article's state.
    (A country or nationality before the word would have been the first actor named.)"""
    folded, written = _tokens(text)
    last = match.start + match.length - 1
    before = match.start - 1
    name_before = before >= 0 and written[before][:1].isupper() and folded[before] != "the"
    return name_before and written[last][:1].isupper() and folded[last] in FORCE_NOUNS


class Mention(NamedTuple):
    """A named armed group as written in a text: its character span and canonical actor."""

    start: int
    end: int
    actor: Actor


_WORD = re.compile(r"[^\W_]+")


def named_group_mentions(text: str) -> list[Mention]:
    """Named non-state armed groups in running text ("Jund al-Aqsa", "ISIL"), not kinds of actor
    ("the militants") nor state forces; read from words alone, for sentences the parser skipped."""
    tables = _tables()
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    folded = [_tokens(word)[0] for _, _, word in spans]
    words = [f[0] if f else "" for f in folded]
    found = []
    for i, word in enumerate(words):
        best: _Alias | None = None
        for alias in tables.by_first.get(word, []):
            end = i + len(alias.words)
            if tuple(words[i:end]) != alias.words or alias.actor_id not in tables.rows:
                continue
            if alias.case_sensitive and spans[i][2] != spans[i][2].upper():
                continue
            if best is None or len(alias.words) > len(best.words):
                best = alias
        if best is None or best.actor_id in GENERIC_ACTORS:
            continue
        row = tables.rows[best.actor_id]
        if row.type in NON_STATE_TYPES:
            last = spans[i + len(best.words) - 1][1]
            found.append(Mention(spans[i][0], last, Actor(row.name, row.type)))
    return found


def state_of(actor_name: str | None) -> str | None:
    """The country whose state forces a canonical actor name is ("Military Forces of Iran", the
    Islamic Revolutionary Guard Corps -> IR); None for any other actor."""
    return _state_names().get(actor_name or "")


@functools.cache
def _state_names() -> dict[str, str]:
    tables = _tables()
    names = {f"Military Forces of {name}": code for code, name in tables.country_names.items()}
    for row in tables.rows.values():
        if row.type in (STATE, FOREIGN_STATE) and len(row.country) == 2:
            names.setdefault(row.name, row.country)
    return names


def canonical_target(text: str | None, country_code: str | None = None) -> Actor | None:
    """Who or what was hit, as (name, type) with type civilians, fighters or mixed.

    The name is the canonical armed actor when one is named ("ISIS positions" -> Islamic State),
    else "Civilians" or "Fighters". None when the phrase says neither.
    """
    if not text:
        return None
    matches, words = _matches(text)
    word_set = set(words)
    has_force_noun = bool(word_set & FORCE_NOUNS)
    armed = [
        m
        for m in matches
        if not (m.actor_id.startswith("state:") and not has_force_noun) and not _is_civilian(m)
    ]
    civilian = bool(word_set & CIVILIAN_NOUNS) or any(_is_civilian(m) for m in matches)
    fighters = bool(armed) or bool(word_set & FIGHTER_NOUNS)
    best = _best(armed)
    armed_name = _to_actor(best, country_code).name if best else "Fighters"
    if civilian and fighters:
        return Actor(f"Civilians and {armed_name}", MIXED)
    if civilian:
        return Actor("Civilians", CIVILIANS)
    if fighters:
        return Actor(armed_name, FIGHTERS)
    return None
