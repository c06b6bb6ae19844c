"""The event types sitrep extracts, each with one `extract(doc, article) -> list[Event]`."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from extractors import air_strike, casualties, reconciliation, recruitment
from extractors.schema import Article, Event

Extractor = Callable[[Doc, Article], list[Event]]

EXTRACTORS: dict[str, Extractor] = {
    "air_strike": air_strike.extract,
    "casualties": casualties.extract,
    "recruitment": recruitment.extract,
    "reconciliation": reconciliation.extract,
}
