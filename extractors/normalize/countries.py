"""Country names as news writes them: short names, the possessive without apostrophe, demonyms."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from extractors.lexicon import COUNTRY_SHORT_NAMES

# Nationality adjectives per country (see the file's header); the actor tables read it too.
DEMONYMS_FILE = Path(__file__).resolve().parent.parent / "data" / "demonyms.tsv"


@functools.cache
def country_names() -> dict[str, str]:
    """Lower-cased country names and short names -> English short name (pycountry)."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        short = short.split(",")[0]
        for n in {c.name, short, getattr(c, "official_name", c.name)}:
            names[n.lower()] = short
    names.update(COUNTRY_SHORT_NAMES)
    return names


def country_of(word: str) -> str | None:
    """Country a word names, allowing the possessive written without apostrophe ("Syrias")."""
    names = country_names()
    w = word.lower().strip()
    if w in names:
        return names[w]
    if w.endswith("s") and w[:-1] in names:
        return names[w[:-1]]
    if w.endswith("'s") and w[:-2] in names:
        return names[w[:-2]]
    return None


@functools.cache
def _demonym_countries() -> dict[str, str]:
    """Lower-cased nationality adjective -> country, from the rows of DEMONYMS_FILE that name a country."""
    with DEMONYMS_FILE.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {
            adjective.lower(): row["country"]
            for row in rows
            if row["country"]
            for adjective in row["adjectives"].split("|")
        }


def demonym_country(word: str) -> str | None:
    """Country of a nationality adjective (\"Syrian\" -> Syria), None when unknown."""
    return _demonym_countries().get(word.lower().strip())
