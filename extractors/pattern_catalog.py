"""The pattern files, read once: what each trigger pattern id stands for.

A row of `patterns/<event type>.jsonl` holds
- `id`: unique; it becomes `Event.pattern_id` of the events it triggers;
- `label`: the event type (the span label);
- `kind`: which reader of the event type's module reads its matches (`READERS` there), as spaCy's
  AttributeRuler keys each action on the match id; "event" when the type needs no special one;
- `prefilter`: the raw-text forms (`*` = any ending, a space = any whitespace) with which the
  pre-filter keeps its sentences for the parser (`extractors/speed/prefilter.py`);
- `pattern`: the spaCy token pattern.
The span rulers get only `id`, `label` and `pattern`; extractors look a span's kind up by its id.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from extractors.schema import EVENT_TYPES

PATTERN_DIR = Path(__file__).parent / "patterns"
PLACE_PATTERN_FILE = "places.jsonl"
RULER_KEYS = ("id", "label", "pattern")  # what spaCy's SpanRuler takes
TRIGGER_KEYS = (*RULER_KEYS, "kind", "prefilter")


@dataclass(frozen=True)
class TriggerPattern:
    """One row of a trigger pattern file."""

    id: str
    event_type: str
    kind: str
    prefilter: tuple[str, ...]
    pattern: list[dict]


def read_patterns(path: Path, required: tuple[str, ...] = RULER_KEYS) -> list[dict]:
    """Rows of one JSONL pattern file; every line needs the `required` keys."""
    patterns = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        entry = json.loads(line)
        missing = set(required) - entry.keys()
        if missing:
            raise ValueError(f"{path.name}:{n}: pattern lacks {sorted(missing)}")
        patterns.append(entry)
    return patterns


@cache
def trigger_catalog() -> tuple[TriggerPattern, ...]:
    """Every trigger pattern, one file per event type, in file order."""
    return tuple(
        TriggerPattern(row["id"], row["label"], row["kind"], tuple(row["prefilter"]), row["pattern"])
        for event_type in EVENT_TYPES
        for row in read_patterns(PATTERN_DIR / f"{event_type}.jsonl", TRIGGER_KEYS)
    )


@cache
def _kinds_by_id() -> dict[str, str]:
    return {p.id: p.kind for p in trigger_catalog()}


def kind_of(span: Span) -> str:
    """The kind of the trigger pattern that matched this span."""
    return _kinds_by_id()[span.id_]


def kinds_of(event_type: str) -> set[str]:
    """The kinds the patterns of one event type carry."""
    return {p.kind for p in trigger_catalog() if p.event_type == event_type}


def trigger_ruler_patterns() -> list[dict]:
    """The trigger patterns as the span ruler takes them (fresh copies: the ruler keeps what it gets)."""
    return [
        {"id": p.id, "label": p.event_type, "pattern": copy.deepcopy(p.pattern)} for p in trigger_catalog()
    ]


def place_ruler_patterns() -> list[dict]:
    """The place patterns, for the place span ruler."""
    return read_patterns(PATTERN_DIR / PLACE_PATTERN_FILE)
