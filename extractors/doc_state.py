"""What sitrep keeps about one doc while extracting from it: one typed record per doc, `doc._.sitrep`.

Every per-doc view and cache lives here, so it lives and dies with its doc and a reader sees in one
place all a doc carries besides spaCy's own annotations. `state_of(doc)` makes the record on first
ask; importing this module registers the extension, and every module that reads the state imports it
(worker processes too: they import the extractors before they make docs).

The state is never serialized: no doc travels between processes with it (the pre-filter takes it off
a doc it hands to spaCy's multiprocess `nlp.pipe` and puts it back on the parsed doc), and
`Doc.to_bytes` would fail on it, as msgpack cannot pack a dataclass of Spans.

The parsed windows say which tokens the statistical model annotated (`is_parsed`): with the
pre-filter (`extractors/speed/prefilter.py`) the text between its windows has a flat parse only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from extractors.layout import ArticleLayout
    from extractors.slots.where import PlaceMention

EXTENSION = "sitrep"  # `doc._.sitrep`

CharSpans = tuple[tuple[int, int], ...]
TokenRanges = tuple[tuple[int, int], ...]
# What a sentence's places depend on besides the doc: its token range, the ruled place spans inside
# it and the stamps that overlap it (`slots.where.sentence_places`).
SentencePlacesKey = tuple[int, int, TokenRanges, CharSpans]
# What the article's dominant place depends on: the ruled place spans and the headline.
ArticlePlaceKey = tuple[TokenRanges, tuple[int, int] | None]


@dataclass
class DocState:
    """One doc's views, article layout, place caches and parsed windows; `None` until first asked."""

    text: str | None = None  # `doc.text`, recorded by the doc's maker or built once
    sentences: tuple[Span, ...] | None = None  # `tuple(doc.sents)`
    entities: tuple[Span, ...] | None = None  # `doc.ents`
    entity_starts: list[int] = field(default_factory=list)  # token start of each entity, for bisecting
    layout: ArticleLayout | None = None  # the article's layout (`events.layout_of`)
    # Token ranges the statistical model parsed; None: the whole doc (no pre-filter, or nothing left out).
    parsed_windows: TokenRanges | None = None
    sentence_places: dict[SentencePlacesKey, tuple[PlaceMention, ...]] = field(default_factory=dict)
    article_places: dict[ArticlePlaceKey, str | None] = field(default_factory=dict)

    @property
    def stamps(self) -> CharSpans:
        """Char spans of publication stamps; none until the layout is built."""
        return self.layout.stamps if self.layout is not None else ()


if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def state_of(doc: Doc) -> DocState:
    """The doc's state, made on first ask and shared by every later one."""
    state: DocState | None = doc._.sitrep
    if state is None:
        state = doc._.sitrep = DocState()
    return state


def is_parsed(span: Span) -> bool:
    """Whether the statistical model parsed all of the span: it has POS tags, lemmas, a dependency
    tree and entities. Outside the pre-filter's windows a sentence has a flat parse (every token
    hangs from the sentence's first with `dep_ == "dep"`), no POS, lemmas or entities."""
    windows = state_of(span.doc).parsed_windows
    return windows is None or any(first <= span.start and span.end <= last for first, last in windows)
