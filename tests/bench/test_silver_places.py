"""bench/silver_places.py: the place classes on invented coder rows, and a run on an invented export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bench.silver_places import (
    CodedNote,
    NoteResult,
    SitrepPlace,
    classify,
    main,
    pattern_shape,
    place_key,
    read_notes,
)

# Invented notes in the style of coder notes (no dataset text): note, coded location, coded
# admin1/admin2/admin3/country, coder geo_precision, sitrep's place as written, its gazetteer
# name, the class expected.
CASES = [
    # right: equal, or equal up to case, accents, spaces, the article, -abad, ou/u, e/a
    (
        "Gunmen shot a man in Kafr Dara (Ariha, Idleb).",
        "Kafr Dara",
        ("Idleb", "Ariha", "Syria"),
        1,
        "Kafr Dara",
        None,
        "right",
    ),
    (
        "Shelling hit Khan Abad district centre.",
        "Khanabad",
        ("Kunduz", "Khanabad", "Afghanistan"),
        1,
        "Khan Abad",
        None,
        "right",
    ),
    ("A drone struck al-Bab.", "Al Bab", ("Aleppo", "Al Bab", "Syria"), 1, "al-Bab", None, "right"),
    ("Clashes in Dourah village.", "Durah", ("Ad Dali", "Qaatabah", "Yemen"), 1, "Dourah", None, "right"),
    ("Shells hit Medinat Nur.", "Madinat Nur", ("Lahij", "Tuban", "Yemen"), 1, "Medinat Nur", None, "right"),
    ("An IED hit a car in Saraqib.", "Saraqab", ("Idleb", "Ariha", "Syria"), 1, "Saraqib", None, "right"),
    (
        "Militants attacked a post near Wadi Tor.",
        "Wadi Tor",
        ("Dahuk", "Amedi", "Iraq"),
        2,
        "Wadi Tor village",
        "Wadi at Tur",
        "right",
    ),
    # the gazetteer name sitrep normalized to can carry the match
    (
        "Strikes hit Mayadeen.",
        "Al Mayadin",
        ("Deir-ez-Zor", "Al Mayadin", "Syria"),
        1,
        "Mayadeen",
        "Al Mayadin",
        "right",
    ),
    # at coder precision 3 the coder only knew the area: the area is right
    (
        "Fighting was reported across Hajjah governorate.",
        "Hajjah",
        ("Hajjah", "Hajjah City", "Yemen"),
        3,
        "Hajjah governorate",
        "Hajjah",
        "right",
    ),
    # finer: a place the note names in one chain just before the coded place
    (
        "Militants attacked Banda village near Tesso town (Tesso, Kora).",
        "Tesso",
        ("Kora", "Tesso", "Nigeria"),
        2,
        "Banda",
        None,
        "finer",
    ),
    (
        "A mortar fell in the Qasr area of Marun district.",
        "Marun",
        ("Sahil", "Marun", "Libya"),
        1,
        "Qasr",
        None,
        "finer",
    ),
    # too wide: a coded admin area or the country instead of the location
    (
        "Gunmen killed 2 in Sangi village of Zari district, Kandar.",
        "Sangi",
        ("Kandar", "Zari", "Afghanistan"),
        1,
        "Zari",
        None,
        "too_wide",
    ),
    (
        "A bomb exploded in Tolo (Warda, Hiran).",
        "Tolo",
        ("Hiran", "Warda", "Somalia"),
        1,
        "Hiran",
        None,
        "too_wide",
    ),
    (
        "Troops shelled Belka, Donetsk.",
        "Belka",
        ("Donetsk", "Pokrovskyi", "Ukraine"),
        1,
        "Ukraine",
        None,
        "too_wide",
    ),
    (
        "Soldiers were ambushed outside Maruf district centre.",
        "Maruf",
        ("Kandar", "Maruf", "Afghanistan"),
        1,
        "Maruf district",
        None,
        "too_wide",
    ),
    (
        "A grenade hit a shop in Mogadishu - Hodan.",
        "Mogadishu - Hodan",
        ("Banadir", "Hodan", "Somalia"),
        1,
        "Mogadishu",
        None,
        "too_wide",
    ),
    # a composite coded location's own part is right
    (
        "A grenade hit a shop in Hodan district of Mogadishu.",
        "Mogadishu - Hodan",
        ("Banadir", "Somalia"),
        1,
        "Hodan",
        None,
        "right",
    ),
    # other: a place neither coded nor chained to the coded place; "In" is not the word "in"
    (
        "A man from Duma died in prison in Sednaya.",
        "Sednaya",
        ("Rif Dimashq", "Al Tall", "Syria"),
        1,
        "Duma",
        "Douma",
        "other",
    ),
    (
        "Militants killed 7 in In-Tamala (Ansongo, Gao).",
        "In-Tamala",
        ("Gao", "Ansongo", "Mali"),
        1,
        "In",
        None,
        "other",
    ),
    # none: nothing written
    ("Clashes took place in Bira.", "Bira", ("Ituri", "Djugu", "DRC"), 1, "", None, "none"),
]


@pytest.mark.parametrize(("text", "location", "admins", "precision", "raw", "name", "expected"), CASES)
def test_classes_of_invented_rows(
    text: str,
    location: str,
    admins: tuple[str, ...],
    precision: int,
    raw: str,
    name: str | None,
    expected: str,
) -> None:
    note = CodedNote("N1", text, None, admins[-1], (location,), admins, geo_precision=precision)
    assert classify(SitrepPlace(raw, name), note) == expected


def test_no_place_is_none_and_keys_fold_spellings() -> None:
    note = CodedNote("N1", "Clashes in Bira.", None, "DRC", ("Bira",), ("Ituri", "DRC"), geo_precision=1)
    assert classify(None, note) == "none"
    assert place_key("Deir-ez-Zor") == place_key("Deir ez Zor") == place_key("deir EZ-zor")
    assert place_key("Al-Raqqah") == place_key("Raqqa")
    assert place_key("Kismaayo") == place_key("Kismayo")
    assert place_key("Homs") != place_key("Hama")


def test_the_shape_abstracts_names_and_keeps_place_words() -> None:
    note = CodedNote(
        "N1",
        "On 2 May, gunmen killed 2 in Sangi village of Zari district, Kandar.",
        None,
        "Afghanistan",
        ("Sangi",),
        ("Kandar", "Zari", "Afghanistan"),
        geo_precision=1,
    )
    result = NoteResult(note, "too_wide", SitrepPlace("Zari"))
    assert pattern_shape(result) == "in L village of P district , A"


HEADER = ",".join(
    ["event_id_cnty", "event_date", "event_type", "sub_event_type", "country"]
    + ["admin1", "admin2", "admin3", "location", "geo_precision", "notes"]
)
SHELLED = "On 3 March 2024, Russian forces shelled Kupiansk, Kharkiv, killing 1 civilian and injuring 2."
ROWS = [
    [
        "TST1",
        "2024-03-02",
        "Explosions/Remote violence",
        "Air/drone strike",
        "Syria",
        "Idleb",
        "Ariha",
        "",
        "Saraqab",
        "1",
        "On 2 March 2024, regime warplanes carried out an airstrike on Saraqib town (Ariha, Idleb),"
        " killing 3 civilians.",
    ],
    [
        "TST2",
        "2024-03-03",
        "Violence against civilians",
        "Attack",
        "Afghanistan",
        "Kandahar",
        "Zhari",
        "",
        "Sangesar",
        "2",
        "On 3 March 2024, gunmen killed 2 civilians in Sangesar village of Zhari district, Kandahar.",
    ],
    [
        "TST3",
        "2024-03-04",
        "Battles",
        "Armed clash",
        "Somalia",
        "Lower Shabelle",
        "Afgooye",
        "",
        "Afgooye",
        "1",
        "On 4 March 2024, soldiers patrolled Afgooye town (Afgooye, Lower Shabelle)."
        " No incident was reported.",
    ],
    [
        "TST4",
        "2024-03-05",
        "Protests",
        "Peaceful protest",
        "Somalia",
        "Banadir",
        "Banadir",
        "",
        "Mogadishu",
        "1",
        "On 5 March 2024, traders protested in Mogadishu (Banadir) against new taxes.",
    ],
    [
        "TST5",
        "3-Mar-24",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Ukraine",
        "Kharkiv",
        "Kupianskyi",
        "",
        "Kupiansk",
        "1",
        SHELLED,
    ],
    [
        "TST6",
        "3-Mar-24",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "Ukraine",
        "Kharkiv",
        "Kupianskyi",
        "",
        "Kivsharivka",
        "1",
        SHELLED,
    ],
]


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER + "\n")
        csv.writer(f).writerows(ROWS)
    return path


def test_notes_are_read_per_text_with_their_dates_and_event_types(tmp_path: Path) -> None:
    notes = read_notes([_export(tmp_path)])
    assert [n.note_id for n in notes] == ["TST2", "TST3", "TST1", "TST5"]  # protest left out
    shared = notes[-1]  # two rows, one note: both coded places count
    assert shared.locations == ("Kupiansk", "Kivsharivka") and str(shared.date) == "2024-03-03"
    assert read_notes([_export(tmp_path)], countries=["Syria"])[0].note_id == "TST1"


@pytest.mark.model
def test_a_run_on_an_invented_export_extracts_and_classifies_every_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(_export(tmp_path)), "--json", "--examples", "4"]) == 0
    report = json.loads(capsys.readouterr().out)
    overall = report["overall"]
    assert overall["notes"] == 4
    assert sum(overall[c] for c in ("right", "finer", "too_wide", "other", "none")) == 4
    assert report["none_because"] == {"no event": 1}  # the patrol without an incident
    assert overall["coverage"] == pytest.approx(overall["located"] / 4, abs=1e-4)
    assert overall["right_or_finer"] == pytest.approx((overall["right"] + overall["finer"]) / 3, abs=1e-4)
    right_ids = {e["id"] for e in report["examples"]["right"]}
    assert {"TST1", "TST5"} <= right_ids  # "Saraqib" for coded "Saraqab"; a shared note
    assert "TST2" in right_ids  # "Sangesar village of Zhari district": the village, not its district
    assert report["countries"]["Ukraine"]["right"] == 1
