"""Cheap first pass: parse only the parts of an article that may report an event.

Most sentences of conflict news report no event, and the statistical parse is most of
the cost. A compiled regex of inflected trigger forms finds the sentences that might;
each one, with `before`/`after` neighbour sentences (and optionally the article's `lead`
sentences), becomes a window for the model. The article is tokenized whole, the
windows' annotations are copied in at their token offsets, the text between them gets
a flat one-sentence-one-root structure, and the chosen rulers (e.g. a place gazetteer)
run over all of it. A Doc of the whole article comes back with the
original text and offsets: extractors need no change, and evidence offsets stay
offsets into the full article.

The flat parse, the contract extractors read (`extractors/registry.py`): outside the windows
each rough sentence (or preset sentence start) is one tree whose first token is the `ROOT` and
every other token its child with `dep_ == "dep"`; tokens there have no POS, tag, lemma or
morphology and are outside any entity. The doc's state records the windows as token ranges
(`DocState.parsed_windows`, read by `doc_state.is_parsed`); when one window covers the whole
doc, the whole doc is parsed and none are recorded.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    LEMMA,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.pipeline import EntityRuler, SpanRuler
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from extractors.doc_state import DocState, state_of
from extractors.lexicon import ABBREVIATIONS, CONTEXT_FORMS
from extractors.pattern_catalog import trigger_catalog
from extractors.speed.docviews import doc_text

Payload = TypeVar("Payload")  # what travels with each text through nlp.pipe (as_tuples)
Span = tuple[int, int]


def trigger_forms() -> dict[str, tuple[str, ...]]:
    """Raw-text forms per event type: those the pattern rows list in `prefilter`, and the context
    forms of `extractors/lexicon.py`. A trailing `*` means "any word starting with this"; a space
    matches any whitespace."""
    from_patterns: dict[str, list[str]] = {t: [] for t in CONTEXT_FORMS}
    for pattern in trigger_catalog():
        from_patterns[pattern.event_type].extend(pattern.prefilter)
    return {t: tuple(dict.fromkeys([*forms, *CONTEXT_FORMS[t]])) for t, forms in from_patterns.items()}


# A sentence ends at . ! or ? (with closing quotes or brackets) before whitespace and a word
# not in lower case, or at a line break: headlines and datelines often stand on their own
# line without a full stop.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?![a-z])|\s*\n\s*")


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation or an initial ("Gen.", "U.S.", "J.")."""
    if text[stop] != ".":
        return False
    words = text[max(0, stop - 16) : stop].split()
    word = words[-1].lstrip("(\"'\u201c\u2018") if words else ""
    return word.lower() in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper())


_FORM_END = ""  # trie key of "a form ends here"


def _form_trie(forms: set[str]) -> dict[str, dict]:
    """The forms as a trie of regex atoms (a character, or any whitespace for a space); where a form
    ends, `_FORM_END` holds its ending (any word characters for a trailing `*`, else a word end)."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for char in form.rstrip("*").lower():
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node.setdefault(_FORM_END, {})[r"\w*" if form.endswith("*") else r"\b"] = {}
    return trie


def _trie_regex(node: dict[str, dict]) -> str:
    branches = sorted(atom + _trie_regex(child) for atom, child in node.items() if atom != _FORM_END)
    branches += sorted(node.get(_FORM_END, {}))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def trigger_regex(triggers: dict[str, tuple[str, ...]] | None = None) -> re.Pattern[str]:
    """One case-insensitive regex matching any trigger form at a word start (default: `trigger_forms()`).

    The forms share their beginnings as a trie does ("bomb*|bombard*" is "bomb(?:\\w*|ard\\w*)"):
    Python's regex engine tries an alternation's branches one after another at every word start,
    so a flat list of ~170 forms cost the sentence pass six times what the trie does."""
    triggers = trigger_forms() if triggers is None else triggers
    trie = _form_trie({f for fs in triggers.values() for f in fs})
    return re.compile(r"\b" + _trie_regex(trie), re.IGNORECASE)


_TRIGGER = trigger_regex()


def sentence_spans(text: str) -> list[Span]:
    """Rough sentences tiling the text: each runs to the start of the next, whitespace included."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().strip() and _ends_abbreviation(text, match.start()):
            continue
        if match.end() > start and text[start : match.start()].strip():
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def candidate_spans(
    text: str, *, before: int = 1, after: int = 1, lead: int = 1, sentences: list[Span] | None = None
) -> list[Span]:
    """Windows that need the statistical parse: sentences with a trigger, their neighbours
    (`before`/`after` sentences) and the first `lead` sentences, merged where they touch.

    `sentences`: the text's `sentence_spans`, when the caller has them already."""
    sentences = sentence_spans(text) if sentences is None else sentences
    keep = [i < lead for i in range(len(sentences))]
    for i, (start, end) in enumerate(sentences):
        if _TRIGGER.search(text, start, end):
            for j in range(max(0, i - before), min(len(sentences), i + after + 1)):
                keep[j] = True
    windows: list[Span] = []
    for (start, end), wanted in zip(sentences, keep, strict=True):
        if not wanted:
            continue
        if windows and windows[-1][1] == start:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@dataclass
class _Layout:
    """What the windows and the flat parse between them are cut from, worked out once per article."""

    token_starts: numpy.ndarray  # char offset of each token
    sentences: list[Span]  # rough sentences (`sentence_spans`) of the text


@dataclass
class _Pending:
    """An article whose windows are in the model: its tokens, context and parsed windows so far."""

    doc: Doc
    context: Any
    layout: _Layout
    windows: list[tuple[int, int]]  # token ranges
    parsed: list[Doc]
    state: DocState  # the doc's state, off the doc while it may travel to a worker process


# Token attributes copied from parsed windows into the article's Doc.
_ATTRS = (TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, ENT_KB_ID)
_OUTSIDE = 2  # ENT_IOB of a token outside any entity: unparsed text is annotated, not "missing"


def trailing_rulers(nlp: Language) -> list[str]:
    """The entity/span rulers at the end of the pipeline: cheap, so they can run on the whole text."""
    names: list[str] = []
    for name, pipe in reversed(nlp.pipeline):
        if not isinstance(pipe, EntityRuler | SpanRuler):
            break
        names.insert(0, name)
    return names


def _layout(doc: Doc) -> _Layout:
    idx = doc.to_array(IDX).astype("int64") if len(doc) else numpy.zeros(0, dtype="int64")
    return _Layout(idx, sentence_spans(doc_text(doc)))


def token_windows(
    doc: Doc, layout: _Layout, *, before: int = 1, after: int = 1, lead: int = 1
) -> list[tuple[int, int]]:
    """`candidate_spans` of the doc's text as token ranges (windows start and end at token starts)."""
    spans = candidate_spans(doc_text(doc), before=before, after=after, lead=lead, sentences=layout.sentences)
    if not spans:
        return [(0, len(doc))]
    firsts, lasts = numpy.searchsorted(layout.token_starts, numpy.array(spans, dtype="int64").T)
    return [(int(f), int(la)) for f, la in zip(firsts, lasts, strict=True) if f < la] or [(0, len(doc))]


# What a tokenized doc holds besides its words and spaces: norms set by tokenizer exceptions ("n't" is
# "not") and preset sentence starts. The model's output depends on both.
_TOKENIZED = [NORM, SENT_START]


def _window_docs(doc: Doc, ranges: list[tuple[int, int]]) -> Iterator[Doc]:
    """The token ranges of a tokenized doc as docs of their own, as `doc[first:last].as_doc()` makes
    them; `as_doc` also averages token vectors and copies the whole doc's arrays once per window."""
    if ranges == [(0, len(doc))]:
        yield doc
        return
    tokens = doc.to_array([ORTH, SPACY, *_TOKENIZED])
    strings = doc.vocab.strings
    for first, last in ranges:
        part = tokens[first:last]
        words = [strings[orth] for orth in part[:, 0].tolist()]
        window = Doc(doc.vocab, words=words, spaces=part[:, 1].astype(bool).tolist())
        yield window.from_array(_TOKENIZED, part[:, 2:])  # type: ignore[arg-type]  # stubs: Ints2d is an ndarray


def _flat_heads(doc: Doc, layout: _Layout, gap: numpy.ndarray) -> numpy.ndarray:
    """Relative heads for unparsed tokens: each rough sentence (or preset sentence start) is a
    flat tree under its first token."""
    idx = layout.token_starts
    starts = numpy.isin(idx, [start for start, _ in layout.sentences])
    preset = doc.to_array(SENT_START).astype("int64") == 1
    gap_starts = gap & ~numpy.concatenate(([False], gap[:-1]))
    positions = numpy.arange(len(doc))
    roots = numpy.maximum.accumulate(numpy.where(starts | preset | gap_starts, positions, 0))
    return roots - positions


def _assemble(nlp: Language, item: _Pending, whole_text_pipes: list[str]) -> Doc:
    """The article's Doc: window annotations copied in at their token offsets, the rest flat."""
    doc = item.doc
    if item.windows == [(0, len(doc))]:
        doc = item.parsed[0]
    else:
        item.state.parsed_windows = tuple(item.windows)
        array = numpy.zeros((len(doc), len(_ATTRS)), dtype="uint64")
        gap = numpy.ones(len(doc), dtype=bool)
        groups: dict[str, list[SpacySpan]] = {}
        for (first, last), part in zip(item.windows, item.parsed, strict=True):
            array[first:last] = part.to_array(list(_ATTRS))
            gap[first:last] = False
            for key, group in part.spans.items():
                groups.setdefault(key, []).extend(
                    SpacySpan(doc, s.start + first, s.end + first, label=s.label, kb_id=s.kb_id, span_id=s.id)
                    for s in group
                )
        heads = _flat_heads(doc, item.layout, gap)
        array[gap, _ATTRS.index(HEAD)] = heads[gap].astype("uint64")
        array[gap, _ATTRS.index(DEP)] = numpy.where(
            heads[gap] == 0, nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
        )
        array[gap, _ATTRS.index(ENT_IOB)] = _OUTSIDE
        doc.from_array(list(_ATTRS), array)  # type: ignore[arg-type]  # spaCy stubs: Ints2d is an ndarray
        for key, spans in groups.items():
            doc.spans[key] = spans
    doc._.sitrep = item.state
    for name in whole_text_pipes:
        doc = nlp.get_pipe(name)(doc)
    return doc


def pipe_prefiltered(
    nlp: Language,
    pairs: Iterable[tuple[str | Doc, Payload]],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    before: int = 1,
    after: int = 1,
    lead: int = 1,
    whole_text_pipes: Sequence[str] | None = None,
) -> Iterator[tuple[Doc, Payload]]:
    """Like `nlp.pipe(pairs, as_tuples=True)`, but the model sees only candidate windows.

    Takes texts or tokenized Docs (preset sentence starts are kept, in windows and out).

    `whole_text_pipes` names components that run on the assembled article instead of
    the windows, so they also see the unparsed text (default: the rulers that end the
    pipeline, e.g. a place gazetteer). They must not need a later component's output.
    Streams: windows of many articles share the model's batches, and an article is
    assembled and yielded as soon as its last window is back.
    """
    late = list(trailing_rulers(nlp) if whole_text_pipes is None else whole_text_pipes)
    pending: deque[_Pending] = deque()

    def windows() -> Iterator[tuple[Doc, int]]:
        for item, context in pairs:
            doc = item if isinstance(item, Doc) else nlp.make_doc(item)
            layout = _layout(doc)
            ranges = token_windows(doc, layout, before=before, after=after, lead=lead)
            state = state_of(doc)
            doc._.sitrep = None  # kept apart: a whole-doc window may be serialized for a worker process
            pending.append(_Pending(doc, context, layout, ranges, [], state))
            for window in _window_docs(doc, ranges):
                yield window, 0

    parsed = nlp.pipe(windows(), as_tuples=True, batch_size=batch_size, n_process=n_process, disable=late)
    for doc, _ in parsed:
        head = pending[0]
        head.parsed.append(doc)
        if len(head.parsed) == len(head.windows):
            pending.popleft()
            yield _assemble(nlp, head, late), head.context
