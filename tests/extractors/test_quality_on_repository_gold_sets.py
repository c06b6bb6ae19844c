"""Quality floors on the repository's gold sets: invented articles in styles, places and phrasings the
dev set lacks (tests/fixtures/heldout, tests/fixtures/blind), and real published text (tests/fixtures/real:
a tune part and a locked part whose errors nobody reads). A change that loses generalization fails here
even when the dev score holds. Floors sit a little below the scores reached."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from paths import FIXTURES

from flows.evaluation.command import extract_gold, stored_predictions
from flows.evaluation.scoring import build_report, load_gold, score

# set -> (path, id prefix, F1 floor, strict F1 floor).
# Reached on 2026-12-01: heldout F1 0.986, strict 0.944 (it was tuned against, so optimistic);
# blind F1 0.941, strict 0.595 (kept out of the repository while tuning).
# Real text (with the real-fresh and real-fresh2 batches), reached on 2026-12-06: tune F1 0.877,
# strict 0.545; locked F1 0.765, strict 0.343. On 2026-12-07: tune 0.892 / 0.592, locked 0.765 / 0.352;
# with the blind real-fresh3 batch added (21 Wikipedia excerpts): tune 0.878 / 0.564, locked 0.759 / 0.349.
SETS = {
    "heldout": (FIXTURES / "heldout" / "heldout.jsonl", "heldout-", 0.96, 0.90),
    "blind": (FIXTURES / "blind" / "blind.jsonl", "blind-", 0.92, 0.55),
    "real-tune": (FIXTURES / "real" / "tune.jsonl", "real-", 0.87, 0.55),
    "real-locked": (FIXTURES / "real" / "locked.jsonl", "real-", 0.755, 0.34),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_set_is_well_formed(name: str) -> None:
    """Evidence is an exact substring of its text (load_gold raises otherwise), ids are unique."""
    path, prefix, _, _ = SETS[name]
    gold = load_gold(path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) == len(records) >= 30
    assert all(r["id"].startswith(prefix) for r in records)
    assert sum(len(a.events) for a in gold.values()) > 0


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SETS))
def test_scores_stay_above_floors(name: str, tmp_path: Path) -> None:
    from extractors.pipeline import DEFAULT_MODEL

    path, _, min_f1, min_strict_f1 = SETS[name]
    gold = load_gold(path)
    run = extract_gold(path, str(tmp_path), DEFAULT_MODEL)
    assert run.processed == len(gold)
    overall = build_report(score(gold, stored_predictions(str(tmp_path))))["overall"]
    assert overall["f1"] >= min_f1, overall
    assert overall["strict_f1"] >= min_strict_f1, overall


# The merge gold set (tests/fixtures/incidents): real reports of one event by several outlets.
# Reached on 2026-12-06: extraction F1 0.78; merging across articles P 1.00, R 0.18 (33 matched gold pairs);
# R 0.21 once the precise reports of a publication day found its incidents (issue 13); later that day
# extraction F1 0.82, strict 0.34, merging P 1.00, R 0.29 (34 matched gold pairs); on 2026-12-07 extraction
# F1 0.83, strict 0.39, merging P 1.00, R 0.34 (35 matched gold pairs).
MERGE_GOLD = FIXTURES / "incidents" / "merge_gold.jsonl"
MIN_MERGE_PRECISION, MIN_MERGE_RECALL = 0.90, 0.33


def test_merge_gold_set_is_well_formed() -> None:
    gold = load_gold(MERGE_GOLD)
    labels = [e.incident for a in gold.values() for e in a.events]
    assert len(gold) >= 60 and all(labels)
    shared = {x for x in labels if labels.count(x) > 1}
    assert len(shared) >= 40  # incidents with 2+ reports
    for article in gold.values():  # one article's events never share an incident
        own = [e.incident for e in article.events]
        assert len(own) == len(set(own)), article


@pytest.mark.model
def test_merging_across_outlets_stays_above_floors(tmp_path: Path) -> None:
    """A false merge hides an incident: precision first; recall is held where it stands."""
    from extractors.pipeline import DEFAULT_MODEL

    extract_gold(MERGE_GOLD, str(tmp_path), DEFAULT_MODEL)
    report = build_report(score(load_gold(MERGE_GOLD), stored_predictions(str(tmp_path))))
    merging = report["merging"]
    assert merging["precision"] >= MIN_MERGE_PRECISION, merging
    assert merging["recall"] >= MIN_MERGE_RECALL, merging
