"""Pattern files: well formed, unique ids, valid for spaCy, and matching the language they claim."""

from __future__ import annotations

import json

import pytest
import spacy

from extractors.events import PLACES_KEY, TRIGGERS_KEY
from extractors.pattern_catalog import PATTERN_DIR, read_patterns
from extractors.pipeline import add_rulers
from extractors.schema import EVENT_TYPES


def all_pattern_lines() -> list[tuple[str, dict]]:
    return [
        (path.name, json.loads(line))
        for path in sorted(PATTERN_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_pattern_has_a_unique_id_label_and_pattern():
    lines = all_pattern_lines()
    assert lines
    ids = [entry["id"] for _, entry in lines]
    assert len(ids) == len(set(ids))
    for name, entry in lines:
        assert {"id", "label", "pattern"} <= entry.keys(), name
        assert entry["id"].split(".")[0] in {*EVENT_TYPES, "place"}, entry["id"]


def test_trigger_labels_name_an_event_type():
    for path in PATTERN_DIR.glob("*.jsonl"):
        if path.stem in EVENT_TYPES:
            for entry in read_patterns(path):
                assert entry["label"] == path.stem


def test_rulers_validate_on_a_blank_pipeline():
    nlp = add_rulers(spacy.blank("en"))  # validate=True: a malformed pattern raises here
    assert nlp.pipe_names == ["sitrep_triggers", "sitrep_places"]


def test_missing_keys_fail_loudly(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "air_strike", "pattern": [{"LOWER": "jets"}]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lacks"):
        read_patterns(bad)


@pytest.fixture(scope="module")
def blank():
    return add_rulers(spacy.blank("en"))


@pytest.mark.parametrize(
    ("text", "pattern_id"),
    [
        ("Jets carried out air strikes on the town.", "air_strike.compound_noun"),
        ("An airstrike hit the market.", "air_strike.single_word"),
        ("Helicopters dropped barrel bombs overnight.", "air_strike.barrel_bomb"),
        ("Warplanes pounded the district.", "air_strike.aircraft_verb"),
        ("Dozens were killed in the raid.", "casualties.kill_verb"),
        ("The death toll rose to 12.", "casualties.death_toll"),
        ("The blast claimed 17 lives.", "casualties.claimed_lives"),
        ("Four people lost their lives.", "casualties.lost_lives"),
        ("Nine people were wounded.", "casualties.wounded"),
        ("The group recruited 40 teenagers.", "recruitment.recruit"),
        ("Hundreds joined the militia.", "recruitment.join"),
        ("Men enlisted in the army.", "recruitment.enlist"),
        ("They now fight in the ranks of the corps.", "recruitment.ranks"),
        ("Volunteers signed up to fight.", "recruitment.sign_up"),
        ("The fighters settled their status.", "reconciliation.settle_status"),
        ("The town reconciled with the government.", "reconciliation.reconcile"),
        ("The sides signed a peace deal.", "reconciliation.deal"),
        ("The district is back under government control.", "reconciliation.back_under_control"),
        ("The last rebels surrendered.", "reconciliation.surrender_verb"),
    ],
)
def test_trigger_patterns_match_their_language(blank, text, pattern_id):
    doc = blank(text)
    assert pattern_id in {span.id_ for span in doc.spans[TRIGGERS_KEY]}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Shells fell on al-Bab on Sunday.", "al-Bab"),
        ("Clashes broke out in Daraa al-Balad.", "Daraa al-Balad"),
        ("A raid hit the town of Kafr Nabl.", "town of Kafr Nabl"),
        ("Residents of Karm al-Jabal neighbourhood fled.", "Karm al-Jabal"),
    ],
)
def test_place_patterns_mark_arabic_names(blank, text, place):
    doc = blank(text)
    assert place in {span.text for span in doc.spans[PLACES_KEY]}


@pytest.mark.parametrize(
    "text", ["The players went to the match.", "Talks will resume on Monday.", "Prices rose sharply."]
)
def test_no_triggers_in_unrelated_text(blank, text):
    assert not blank(text).spans[TRIGGERS_KEY]
