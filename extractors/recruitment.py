"""recruitment events (placeholder until the extractor lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from extractors.schema import Article, Event


def extract(doc: Doc, article: Article) -> list[Event]:
    """Events of this type in one parsed article."""
    return []
