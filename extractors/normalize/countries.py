"""Country names as news writes them: short names, the possessive without apostrophe, demonyms."""

from __future__ import annotations

import functools


@functools.cache
def country_names() -> dict[str, str]:
    """Lower-cased country names, short names and demonyms -> English short name (pycountry)."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        short = short.split(",")[0]
        for n in {c.name, short, getattr(c, "official_name", c.name)}:
            names[n.lower()] = short
    # Short forms news uses that pycountry spells otherwise, and demonyms used for countries.
    names.update(
        {
            "syria": "Syria",
            "iran": "Iran",
            "russia": "Russia",
            "turkey": "Turkey",
            "türkiye": "Turkey",
            "us": "United States",
            "u.s.": "United States",
            "usa": "United States",
            "united states": "United States",
            "uk": "United Kingdom",
            "britain": "United Kingdom",
            "palestine": "Palestine",
            "libya": "Libya",
            "yemen": "Yemen",
            "iraq": "Iraq",
            "lebanon": "Lebanon",
            "jordan": "Jordan",
            "afghanistan": "Afghanistan",
        }
    )
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


# Demonyms of the countries conflict news names most; enough to say "Syrian city" is in Syria.
_DEMONYMS = {
    "syrian": "Syria",
    "iraqi": "Iraq",
    "yemeni": "Yemen",
    "libyan": "Libya",
    "afghan": "Afghanistan",
    "lebanese": "Lebanon",
    "turkish": "Turkey",
    "russian": "Russia",
    "iranian": "Iran",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "ukrainian": "Ukraine",
    "sudanese": "Sudan",
    "somali": "Somalia",
    "malian": "Mali",
    "nigerian": "Nigeria",
    "colombian": "Colombia",
    "pakistani": "Pakistan",
    "egyptian": "Egypt",
    "jordanian": "Jordan",
}


def demonym_country(word: str) -> str | None:
    """Country of a nationality adjective (\"Syrian\" -> Syria), None when unknown."""
    return _DEMONYMS.get(word.lower().strip())
