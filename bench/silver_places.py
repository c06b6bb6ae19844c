"""Silver place check (issue 12): sitrep's place for coder notes of an ACLED-style export.

    .venv/bin/python bench/silver_places.py EXPORT.csv [EXPORT2.csv ...] [--json] [--examples N]

Each note of the export (its `notes` column; rows that share one note text are one note) is
extracted as an article whose publication date is the event date. The places sitrep gives (the
`location` slot and its normalized `location_name`) are compared with the coder's columns:

* right: the coder's `location`, case-, accent- and transliteration-insensitive (see `place_key`);
  at coder `geo_precision` 3 (the coder only knew the area) the coded admin areas count as right too
* finer: another place the note names close before the coded location in one clause, with
  nothing between them but place words ("X village near L", "X area in L", "X, L district"):
  the note names the coded place as the parent or the nearest known place of the one extracted
* too wide: the coder's `admin1`, `admin2`, `admin3` or `country` (not the location), or the
  first part of a composite coded location ("Mogadishu" for "Mogadishu - Yaqshid"); a name
  written as an area ("Maruf district") that is a coded admin area is too wide even when the
  coded location (the district centre) has the same name
* other: any other place; none: no event, or no event with a location

A note's class is that of its first event (in text order) with a location. Shares of right,
finer and too wide are of the notes with a location; coverage is that count over all notes.
The notes are not part of this repository (ACLED's terms forbid redistribution): docs/places.md
says which public export was used and how to get it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extractors.model_name import DEFAULT_MODEL
from extractors.schema import Article, Event

CLASSES = ("right", "finer", "too_wide", "other", "none")
# ACLED event types whose notes describe the violence sitrep extracts (protests, riots and
# strategic developments are not sitrep's events).
DEFAULT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
REQUIRED_COLUMNS = ("notes", "event_date", "country", "admin1", "location")

# Words that say what kind of place a name is; dropped before names are compared.
# Arabic type words written as part of a name: Qaryat (village), Nahiyat (subdistrict), Mantiqat (area).
PLACE_TYPE_WORDS = frozenset(
    [
        "village",
        "villages",
        "town",
        "city",
        "district",
        "districts",
        "area",
        "areas",
        "region",
        "province",
        "governorate",
        "county",
        "oblast",
        "raion",
        "hromada",
        "state",
        "municipality",
        "neighbourhood",
        "neighborhood",
        "quarter",
        "suburb",
        "suburbs",
        "countryside",
        "outskirts",
        "vicinity",
        "rural",
        "locality",
        "settlement",
        "hamlet",
        "sub",
        "subdistrict",
        "sector",
        "qaryat",
        "nahiyat",
        "mantiqat",
        "the",
        "of",
        "near",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "north",
        "south",
        "east",
        "west",
    ]
)
# Type words that make a name an area (an admin unit), not a place.
AREA_TYPE_WORDS = frozenset(
    [
        "district",
        "region",
        "province",
        "governorate",
        "county",
        "oblast",
        "raion",
        "state",
        "municipality",
        "countryside",
    ]
)
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ed", "ez"})
# Gap between an extracted place and the coded location after it that keeps them in one place
# chain: place words, commas, brackets, nothing that starts another place or clause.
_CHAIN_GAP = re.compile(
    r"^(?:[\s,()\-]|village|town|city|area|district|region|neighbo(?:u)?rhood|locality|settlement|"
    r"camp|base|near|in|of|the|outside|outskirts|vicinity|north|south|east|west|of|"
    r"northern|southern|eastern|western|located|just|km|kilometers|kilometres|\d+)*$",
    re.IGNORECASE,
)
CHAIN_WINDOW = 90  # characters from the end of the extracted place to the coded location
SHAPE_REACH = 80  # characters within which a coded location is part of a pattern shape


def _ascii_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['`\u2018\u2019\u02bc\u02bf]", "", plain)
    return re.findall(r"[a-z0-9]+", plain)


def place_key(name: str) -> str:
    """A key equal for spellings of one name: case, accents, spaces and hyphens, the Arabic article
    (al-, Al , ad- ...), doubled letters, a final -h after a vowel, ou/u, ee/i and e/a differences
    dropped; place-type words (village, district, northern ...) removed."""
    words = [w for w in _ascii_words(name) if w not in PLACE_TYPE_WORDS]
    words = [w for i, w in enumerate(words) if not (w in ARABIC_ARTICLES and i + 1 < len(words))]
    key = "".join(words)
    for old, new in (("ou", "u"), ("oo", "u"), ("ee", "i"), ("e", "a"), ("y", "i")):
        key = key.replace(old, new)
    key = re.sub(r"([a-z])\1+", r"\1", key)
    return re.sub(r"(?<=[aiu])h$", "", key)


def place_keys(name: str) -> set[str]:
    """`place_key`, and its consonant skeleton (first letter kept) for vowel spellings that differ
    beyond e/a (Saraqib / Saraqab) when three or more consonants remain."""
    key = place_key(name)
    if not key:
        return set()
    skeleton = key[0] + re.sub(r"[aeiou]", "", key[1:])
    return {key, "~" + skeleton} if len(skeleton) >= 3 else {key}


def is_area(name: str) -> bool:
    """Whether the name as written says it is an admin area ("Hajjah governorate")."""
    return any(w in AREA_TYPE_WORDS for w in _ascii_words(name))


@dataclass(frozen=True)
class CodedNote:
    """One coder note and what the coder coded for it (several rows may share a note)."""

    note_id: str
    text: str
    date: dt.date | None
    country: str
    locations: tuple[str, ...]
    admins: tuple[str, ...]  # admin1, admin2, admin3 of every row, and the country
    geo_precision: int | None = None
    event_type: str = ""


@dataclass(frozen=True)
class SitrepPlace:
    """A place sitrep gave for an event: as written, and its gazetteer name."""

    raw: str
    name: str | None = None


@dataclass
class NoteResult:
    """A note's class, the place it was decided on, and every event's place."""

    note: CodedNote
    cls: str
    place: SitrepPlace | None = None
    places: list[SitrepPlace] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    why_none: str = ""  # for class none: "no event" or "no location"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()


def read_notes(
    paths: Sequence[Path],
    *,
    event_types: Iterable[str] = DEFAULT_EVENT_TYPES,
    countries: Iterable[str] = (),
    max_per_country: int = 0,
) -> list[CodedNote]:
    """The notes of the exports, one per distinct note text, of the event types and countries asked.

    With `max_per_country`, a fixed pseudo-random sample (by a hash of the note) per country.
    """
    types, wanted = set(event_types), {c.casefold() for c in countries}
    frames = []
    for path in paths:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame.columns = [c.strip().lower() for c in frame.columns]
        missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"{path}: no column {', '.join(missing)}")
        frames.append(frame)
    rows = pd.concat(frames, ignore_index=True)
    if types and "event_type" in rows.columns:
        rows = rows[rows["event_type"].isin(types)]
    if wanted:
        rows = rows[rows["country"].str.casefold().isin(wanted)]
    rows = rows[rows["notes"].str.strip() != ""]
    by_note: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows.to_dict("records"):
        by_note[row["notes"].strip()].append({k: _text(v) for k, v in row.items()})
    notes = [_coded_note(text, group) for text, group in by_note.items()]
    if max_per_country:
        per_country: dict[str, list[CodedNote]] = defaultdict(list)
        for note in sorted(notes, key=lambda n: hashlib.sha1(n.text.encode()).hexdigest()):
            per_country[note.country].append(note)
        notes = [n for group in per_country.values() for n in group[:max_per_country]]
    return sorted(notes, key=lambda n: (n.country, n.note_id))


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    iso = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    try:
        stamp = pd.to_datetime(value, format="ISO8601" if iso else "mixed", dayfirst=not iso)
    except (ValueError, TypeError):
        return None
    return None if pd.isna(stamp) else stamp.date()


def _coded_note(text: str, rows: list[dict[str, str]]) -> CodedNote:
    first = rows[0]
    locations = tuple(dict.fromkeys(r["location"] for r in rows if r["location"]))
    admins = tuple(
        dict.fromkeys(
            r.get(c, "") for r in rows for c in ("admin1", "admin2", "admin3", "country") if r.get(c, "")
        )
    )
    precisions = [int(float(r["geo_precision"])) for r in rows if r.get("geo_precision", "")]
    note_id = (
        first.get("event_id_cnty") or first.get("data_id") or hashlib.sha1(text.encode()).hexdigest()[:12]
    )
    return CodedNote(
        note_id=note_id,
        text=text,
        date=_date(first["event_date"]),
        country=first["country"],
        locations=locations,
        admins=admins,
        geo_precision=max(precisions) if precisions else None,
        event_type=first.get("sub_event_type") or first.get("event_type", ""),
    )


def _occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Character spans of `name` in `text`, ignoring case and hyphen/space differences."""
    words = re.findall(r"[^\W_]+", name)
    if not words:
        return []
    pattern = r"(?<!\w)" + r"[\s\-']*".join(re.escape(w) for w in words) + r"(?!\w)"
    # any case, except a capitalised name never matches a lower-case word ("In" is not "in")
    return [
        (m.start(), m.end())
        for m in re.finditer(pattern, text, re.IGNORECASE)
        if not (words[0][0].isupper() and m.group()[0].islower())
    ]


def _core(raw: str) -> str:
    """The name without leading/trailing type and direction words ("Bar-Sanguun village" -> "Bar-Sanguun")."""
    words = raw.split()
    while words and words[0].casefold() in PLACE_TYPE_WORDS:
        words.pop(0)
    while words and words[-1].casefold() in PLACE_TYPE_WORDS:
        words.pop()
    return " ".join(words) or raw


def is_finer(place: str, note: CodedNote) -> bool:
    """Whether the note names `place` in one place chain just before a coded location:
    "in P village near L", "P area in L", "P, L district", "P (L, admin1)"."""
    core = _core(place)
    for start, end in _occurrences(core, note.text):
        for location in note.locations:
            for l_start, _ in _occurrences(location, note.text):
                gap = note.text[end:l_start]
                if 0 <= l_start - end <= CHAIN_WINDOW and _CHAIN_GAP.match(gap) and start != l_start:
                    return True
    return False


def _composite_parts(locations: Iterable[str], index: int) -> list[str]:
    """The first (wider) or last part of composite coded locations ("Mogadishu - Yaqshid")."""
    return [loc.split(" - ")[index] for loc in locations if " - " in loc]


def _keys_of(names: Iterable[str]) -> set[str]:
    return {k for name in names for k in place_keys(name)}


def classify(place: SitrepPlace | None, note: CodedNote) -> str:
    """right, finer, too_wide, other or none for one place sitrep gave (see the module doc)."""
    if place is None or not place.raw.strip():
        return "none"
    keys = place_keys(place.raw) | (place_keys(place.name) if place.name else set())
    if not keys:
        return "none"
    location_keys = _keys_of(note.locations) | _keys_of(_composite_parts(note.locations, -1))
    admin_keys = _keys_of(note.admins) | _keys_of(_composite_parts(note.locations, 0))
    admin_keys -= _keys_of(_composite_parts(note.locations, -1))
    area_level = note.geo_precision is not None and note.geo_precision >= 3
    if is_area(place.raw) and keys & admin_keys and not area_level:
        return "too_wide"
    if keys & location_keys or (area_level and keys & admin_keys):
        return "right"
    if keys & admin_keys:
        return "too_wide"
    if is_finer(place.raw, note):
        return "finer"
    return "other"


def event_place(event: Event) -> SitrepPlace | None:
    if not event.location:
        return None
    return SitrepPlace(event.location, event.location_name)


def classify_note(note: CodedNote, events: Sequence[Event]) -> NoteResult:
    """The note's class: that of its first event (in text order) with a location."""
    ordered = sorted(events, key=lambda e: (e.evidence_start, e.evidence_end))
    places = [p for p in (event_place(e) for e in ordered) if p is not None]
    classes = [classify(p, note) for p in places]
    if not places:
        return NoteResult(note, "none", why_none="no location" if events else "no event")
    return NoteResult(note, classes[0], places[0], places, classes)


def extract(notes: Sequence[CodedNote], model: str = DEFAULT_MODEL) -> list[list[Event]]:
    """Events of every note, as `sitrep extract` makes them (flows/extract.py), without Prefect."""
    from flows.extract import extract_safely, pipeline_for

    articles = [
        Article(article_id=n.note_id, text=n.text, published=n.date, published_source="input", language="en")
        for n in notes
    ]
    results = extract_safely(pipeline_for(model), articles, batch_size=64, n_process=1)
    by_id = {r.article.article_id: r.events for r in results}
    return [by_id.get(n.note_id, []) for n in notes]


# Words kept in a pattern shape; other lower-case words become "…", other names "N".
_SHAPE_WORDS = frozenset(
    [
        "in",
        "of",
        "near",
        "at",
        "on",
        "the",
        "a",
        "and",
        "between",
        "village",
        "town",
        "city",
        "district",
        "area",
        "region",
        "province",
        "governorate",
        "neighbourhood",
        "neighborhood",
        "outskirts",
        "vicinity",
        "camp",
        "base",
        "road",
        "front",
        "frontline",
        "frontlines",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "countryside",
        "outside",
        "coded",
    ]
)


def _names_a_location(note: CodedNote) -> bool:
    return any(_occurrences(loc, note.text) for loc in note.locations)


def pattern_shape(result: NoteResult) -> str:
    """The general form linking the coded place (L) and the place sitrep gave (P) in the note:
    "in L village (P, A)" for an admin unit P chosen over village L. Names that are neither
    become N; the coder's other areas A, the country C."""
    note, place = result.note, result.place
    if place is None:
        return ""
    text = note.text
    for start, end in _occurrences(_core(place.raw), text):
        for location in note.locations:
            if any(
                s <= start and end <= e and (s, e) != (start, end) for s, e in _occurrences(location, text)
            ):
                return "P a part of L's name (the name cut short)"
    marks: list[tuple[int, int, str]] = []
    for label, names in (
        ("P", [_core(place.raw)]),
        ("L", list(note.locations)),
        ("A", [a for a in note.admins if a != note.country]),
        ("C", [note.country]),
    ):
        for name in names:
            for start, end in _occurrences(name, text):
                if not any(s < end and start < e for s, e, _ in marks):
                    marks.append((start, end, label))
    p_spans = [m for m in marks if m[2] == "P"]
    l_spans = [m for m in marks if m[2] == "L"]
    if not p_spans:
        return "P not written in the note"
    p = p_spans[0]
    near = [m for m in l_spans if abs(m[0] - p[0]) <= SHAPE_REACH]
    lo, hi = p[0], p[1]
    if near:
        nearest = min(near, key=lambda m: abs(m[0] - p[0]))
        lo, hi = min(p[0], nearest[0]), max(p[1], nearest[1])
    before = [m.start() for m in re.finditer(r"[^\W_]+", text[:lo])][-1:]
    after = re.match(r"(?:\s*,?\s*[^\W_]+|\s*\([^()]{0,60}\)){0,2}", text[hi:])
    lo = before[0] if before else lo
    hi = hi + (after.end() if after else 0)
    if text.count("(", lo, hi) > text.count(")", lo, hi):
        close = text.find(")", hi, hi + 60)
        hi = close + 1 if close >= 0 else hi
    pieces: list[str] = []
    pos = lo
    for start, end, label in sorted(m for m in marks if m[0] >= lo and m[1] <= hi):
        pieces.extend(_shape_words(text[pos:start]))
        pieces.append(label)
        pos = end
    pieces.extend(_shape_words(text[pos:hi]))
    shape: list[str] = []
    for piece in pieces:
        if not (shape and piece in {"N", "…"} and shape[-1] == piece):
            shape.append(piece)
    if not l_spans:
        suffix = "  [L not in note]"
    elif not near:
        suffix = "  [L elsewhere in note]"
    else:
        suffix = ""
    return " ".join(shape).strip(" …") + suffix


def _shape_words(chunk: str) -> list[str]:
    out = []
    for token in re.findall(r"[^\W_]+|[(),;.]", chunk):
        if token in "(),;.":
            out.append(token)
        elif token.casefold() in _SHAPE_WORDS:
            out.append(token.casefold())
        elif token.isdigit():
            out.append("#")
        elif token[0].isupper():
            out.append("N")
        else:
            out.append("…")
    return out


@dataclass
class Tally:
    """Class counts of a group of notes and the shares the issue's targets are stated in."""

    notes: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, cls: str) -> None:
        self.notes += 1
        self.counts[cls] += 1

    def figures(self) -> dict[str, float | int]:
        located = self.notes - self.counts["none"]
        share = lambda n: round(n / located, 4) if located else 0.0  # noqa: E731
        return {
            "notes": self.notes,
            "located": located,
            "coverage": round(located / self.notes, 4) if self.notes else 0.0,
            **{c: self.counts[c] for c in CLASSES},
            "right_share": share(self.counts["right"]),
            "finer_share": share(self.counts["finer"]),
            "right_or_finer": share(self.counts["right"] + self.counts["finer"]),
            "too_wide_share": share(self.counts["too_wide"]),
            "other_share": share(self.counts["other"]),
        }


def report(results: Sequence[NoteResult], examples: int = 0, patterns: int = 10) -> dict[str, object]:
    """Overall and per-country figures, the most frequent too-wide/other shapes, and examples."""
    overall = Tally()
    per_country: defaultdict[str, Tally] = defaultdict(Tally)
    shapes: dict[str, Counter[str]] = {"too_wide": Counter(), "other": Counter()}
    for r in results:
        overall.add(r.cls)
        per_country[r.note.country].add(r.cls)
        if r.cls in shapes:
            shapes[r.cls][pattern_shape(r)] += 1
    out: dict[str, object] = {
        "overall": overall.figures(),
        "countries": {c: t.figures() for c, t in sorted(per_country.items(), key=lambda kv: -kv[1].notes)},
        "none_because": dict(Counter(r.why_none for r in results if r.cls == "none")),
        # too wide where the coded location is not written in the note (the coder mapped the event
        # to a known place the note does not name): the wider unit may be all the note offers
        "too_wide_location_not_in_note": sum(
            1 for r in results if r.cls == "too_wide" and not _names_a_location(r.note)
        ),
        "events_with_place": dict(Counter(c for r in results for c in r.classes)),
        "patterns": {cls: shapes[cls].most_common(patterns) for cls in shapes},
    }
    if examples:
        by_class: dict[str, list[dict[str, object]]] = defaultdict(list)
        for r in results:
            if len(by_class[r.cls]) < examples:
                by_class[r.cls].append(
                    {
                        "id": r.note.note_id,
                        "country": r.note.country,
                        "coded": {"location": list(r.note.locations), "admins": list(r.note.admins)},
                        "sitrep": None if r.place is None else dataclasses.asdict(r.place),
                        "note": r.note.text,
                    }
                )
        out["examples"] = dict(by_class)
    return out


def format_report(rep: dict[str, object]) -> str:
    lines = [
        f"{'':<28}{'notes':>6}{'cover':>7}{'right':>7}{'finer':>7}{'r|f':>7}{'wide':>7}{'other':>7}"
        f"{'none':>6}"
    ]

    def row(name: str, f: dict[str, float | int]) -> str:
        return (
            f"{name[:27]:<28}{f['notes']:>6}{f['coverage']:>7.3f}{f['right_share']:>7.3f}"
            f"{f['finer_share']:>7.3f}{f['right_or_finer']:>7.3f}{f['too_wide_share']:>7.3f}"
            f"{f['other_share']:>7.3f}{f['none']:>6}"
        )

    lines.append(row("ALL", rep["overall"]))  # type: ignore[arg-type]
    for country, figures in rep["countries"].items():  # type: ignore[attr-defined]
        lines.append(row(country, figures))
    overall = rep["overall"]
    lines.append("counts: " + ", ".join(f"{c} {overall[c]}" for c in CLASSES))  # type: ignore[index]
    lines.append(f"too wide with the coded location not in the note: {rep['too_wide_location_not_in_note']}")
    lines.append("none because: " + ", ".join(f"{k} {v}" for k, v in rep["none_because"].items()))  # type: ignore[attr-defined]
    for cls, top in rep["patterns"].items():  # type: ignore[attr-defined]
        lines.append(f"\nmost frequent {cls} shapes (P sitrep's place, L coded location, A coded area):")
        lines.extend(f"{n:>5}  {shape}" for shape, n in top)
    for cls, items in rep.get("examples", {}).items():  # type: ignore[attr-defined]
        lines.append(f"\n{cls} examples:")
        for item in items:
            lines.append(f"  [{item['id']}] coded {item['coded']['location']} sitrep {item['sitrep']}")
            lines.append(f"      {item['note'][:300]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", nargs="+", type=Path, help="ACLED-style export(s) with notes and location columns")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--examples", type=int, default=0, metavar="N", help="list up to N notes per class")
    ap.add_argument("--patterns", type=int, default=10, metavar="N", help="top N too-wide/other shapes")
    ap.add_argument("--countries", nargs="*", default=[], help="only these countries (default: all)")
    ap.add_argument(
        "--max-per-country", type=int, default=0, metavar="N", help="fixed sample of N per country"
    )
    ap.add_argument(
        "--event-types", nargs="*", default=list(DEFAULT_EVENT_TYPES), help="ACLED event_type values kept"
    )
    ap.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model (default: {DEFAULT_MODEL})")
    a = ap.parse_args(argv)
    notes = read_notes(
        a.csv, event_types=a.event_types, countries=a.countries, max_per_country=a.max_per_country
    )
    if not notes:
        print("no notes to check", file=sys.stderr)
        return 2
    start = time.perf_counter()
    events = extract(notes, a.model)
    seconds = time.perf_counter() - start
    results = [classify_note(n, e) for n, e in zip(notes, events, strict=True)]
    rep = report(results, examples=a.examples, patterns=a.patterns)
    rep["extraction_seconds"] = round(seconds, 1)
    print(json.dumps(rep, ensure_ascii=False) if a.json else format_report(rep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
