"""The event types sitrep extracts, each with one `extract(doc, article) -> list[Event]`.

The contract: `doc` is the whole article (its text and char offsets are the article's) with the
trigger spans (`events.TRIGGERS_KEY`) and place spans (`events.PLACES_KEY`) marked, and its state
(`doc_state.state_of`) shared by every extractor. Only part of it may carry the statistical
parse: with the pre-filter on (the default) the model annotates windows around trigger sentences,
and every other sentence has a flat parse: each token hangs from the sentence's first token with
`dep_ == "dep"`, no POS, tag, lemma or morphology, no entities (place spans are still marked).
Trigger sentences always lie in a window; a finder that reads another sentence's parse asks
`doc_state.is_parsed(span)` first.
"""

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
