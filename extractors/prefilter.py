"""Cheap first pass: parse only the parts of an article that may report an event.

Most sentences of conflict news report no event, and the statistical parse is most of
the cost. A compiled regex of inflected trigger forms finds the sentences that might;
each one, with a neighbour sentence on either side and the article's lead sentence
(headline or dateline), becomes a window for the model. The text between windows is
only tokenized, given a flat one-sentence-one-root structure, and run through the
pipeline's rule-based components (entity/span rulers, e.g. a place gazetteer), so a Doc
of the whole article comes back with the original text and offsets: extractors need
no change, and evidence offsets stay offsets into the full article.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.pipeline import EntityRuler, Sentencizer, SpanRuler
from spacy.tokens import Doc

Context = TypeVar("Context")
Span = tuple[int, int]

# Trigger forms per event type. A trailing `*` means "any word starting with this";
# a space matches any whitespace. Recall matters more than precision here: a false hit
# only costs one parsed sentence, a miss loses an event.
TRIGGERS: dict[str, tuple[str, ...]] = {
    # attacks from the air and the aircraft that deliver them; "struck" for "warplanes struck X"
    "air_strike": (
        "strik*", "struck", "airstrik*", "air-strik*", "bomb*", "raid*", "sortie*", "warplane*",
        "plane", "planes", "jet", "jets", "aircraft", "air force*", "aerial", "drone*", "uav*",
        "helicopter*", "gunship*", "missile*", "rocket*", "shell*",
    ),
    # people killed or wounded, including the verbs reports use for killings and their tolls
    "casualties": (
        "kill*", "dead", "death*", "die", "died", "dies", "dying", "wound*", "injur*", "hurt",
        "casualt*", "toll*", "fatalit*", "slain", "massacr*", "execut*", "behead*", "murder*",
        "assassinat*", "martyr*", "perish*", "body", "bodies", "corpse*", "lives", "shot",
        "gunned", "victim*",
    ),
    # joining, enlisting or being trained for an armed force
    "recruitment": (
        "recruit*", "enlist*", "join*", "conscript*", "draft*", "train*", "mobili*", "integrat*",
        "volunteer*", "ranks", "enrol*", "induct*", "incorporat*", "sign* up", "graduat*",
    ),
    # settlements, surrenders and areas returning to government control by agreement
    "reconciliation": (
        "settl*", "reconcil*", "agreement*", "agreed", "agree", "deal", "deals", "surrender*",
        "truce*", "accord*", "amnest*", "ceasefire*", "cease-fire*", "hand* over", "handover",
        "lay* down", "laid down", "evacuat*", "return*", "pardon*", "capitulat*", "negotiat*",
    ),
}

# A sentence ends at . ! or ? (with closing quotes or brackets) before whitespace, or at a
# line break: headlines and datelines often stand on their own line without a full stop.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\s*\n\s*")


def _form_regex(form: str) -> str:
    stem = re.escape(form.rstrip("*")).replace(r"\ ", r"\s+")
    return stem + (r"\w*" if form.endswith("*") else r"\b")


def trigger_regex(triggers: dict[str, tuple[str, ...]] = TRIGGERS) -> re.Pattern[str]:
    """One case-insensitive regex matching any trigger form at a word start."""
    forms = sorted({f for fs in triggers.values() for f in fs}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_form_regex(f) for f in forms) + ")", re.IGNORECASE)


_TRIGGER = trigger_regex()


def sentence_spans(text: str) -> list[Span]:
    """Rough sentences tiling the text: each runs to the start of the next, whitespace included."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start and text[start : match.start()].strip():
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    return spans


def candidate_spans(text: str, *, before: int = 1, after: int = 1, lead: int = 1) -> list[Span]:
    """Windows that need the statistical parse: sentences with a trigger, their neighbours
    (`before`/`after` sentences) and the first `lead` sentences, merged where they touch."""
    sentences = sentence_spans(text)
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
class _Pending:
    """An article whose windows are in the model: its text, context and parsed windows so far."""

    text: str
    context: Any
    windows: list[Span]
    parsed: list[Doc]


def _rule_components(nlp: Language) -> list[str]:
    """Components cheap enough to run on all text: rulers and rule-based sentence splitters."""
    return [name for name, pipe in nlp.pipeline if isinstance(pipe, EntityRuler | SpanRuler | Sentencizer)]


def _flat_doc(nlp: Language, text: str, rules: list[str]) -> Doc:
    """Tokenize unparsed text; each rough sentence becomes a flat tree under its first token."""
    doc = nlp.make_doc(text)
    if len(doc):
        starts = {s for s, _ in sentence_spans(text)}
        heads = numpy.zeros(len(doc), dtype="int64")
        root = 0
        for token in doc:
            if token.idx in starts:
                root = token.i
            heads[token.i] = root - token.i
        labels = numpy.where(heads == 0, nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep"))
        doc.from_array([HEAD, DEP], numpy.stack([heads, labels], axis=1).astype("uint64"))
    for name in rules:
        doc = nlp.get_pipe(name)(doc)
    return doc


def _assemble(nlp: Language, item: _Pending, rules: list[str]) -> Doc:
    pieces, pos = [], 0
    for (start, end), parsed in zip(item.windows, item.parsed, strict=True):
        if pos < start:
            pieces.append(_flat_doc(nlp, item.text[pos:start], rules))
        pieces.append(parsed)
        pos = end
    if pos < len(item.text):
        pieces.append(_flat_doc(nlp, item.text[pos:], rules))
    if len(pieces) == 1:
        return pieces[0]
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])


def pipe_prefiltered(
    nlp: Language,
    pairs: Iterable[tuple[str, Context]],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    before: int = 1,
    after: int = 1,
) -> Iterator[tuple[Doc, Context]]:
    """Like `nlp.pipe(pairs, as_tuples=True)`, but the model sees only candidate windows.

    Streams: windows of many articles share the model's batches, and an article is
    assembled and yielded as soon as its last window is back.
    """
    rules = _rule_components(nlp)
    pending: deque[_Pending] = deque()

    def windows() -> Iterator[tuple[str, int]]:
        for text, context in pairs:
            spans = candidate_spans(text, before=before, after=after) or [(0, len(text))]
            pending.append(_Pending(text, context, spans, []))
            for start, end in spans:
                yield text[start:end], 0

    for doc, _ in nlp.pipe(windows(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        head = pending[0]
        head.parsed.append(doc)
        if len(head.parsed) == len(head.windows):
            pending.popleft()
            yield _assemble(nlp, head, rules), head.context
