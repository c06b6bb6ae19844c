"""A span ruler that writes exactly the stock `span_ruler`'s spans, for a fraction of the CPU.

spaCy's Matcher tries every pattern at every token, and each IN/REGEX test is a Python call.
Trigger and place patterns are mostly one word from a word list, or a few tokens around one
required word (its anchor: the first token tested on LOWER or TEXT that is not optional). So the
doc's words are looked up once (a regex runs once per distinct word); one-token patterns are
matched from those look-ups, and the longer ones by the stock Matcher only on stretches that
start as many tokens before a possible anchor as the pattern allows, hold every word the pattern
requires where it could stand, and reach as far as the pattern can. A match inside a stretch is
a match in the doc (token tests read tokens, not the stretch), and every match holds its anchor
and lies within that anchor's stretch, so the matches are the stock ruler's; they are deduplicated
and sorted the same way. Patterns this plan cannot bound send the longer patterns over the whole
doc; phrase patterns and docs without POS/TAG take the stock path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

TRIGGER_RULER = "sitrep_trigger_ruler"  # factory name
_REPEATS = re.compile(r"\{(\d*)(,?)(\d*)\}")  # "{0,4}", "{3}", "{2,}"
_UNBOUNDED = 1 << 30
_WORD_ATTRS = {"LOWER": LOWER, "TEXT": ORTH, "ORTH": ORTH}  # token tests read from the doc's words


@dataclass
class _WordTests:
    """The distinct word tests (on LOWER or TEXT) of all patterns, and which of them each word passes."""

    specs: list[tuple[int, Any]] = field(default_factory=list)  # (attr, frozenset of words or a regex)
    passed: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)  # (attr, word id) -> tests

    def index(self, token: dict) -> int | None:
        """Index of the test a token's word spec makes (a word, {"IN": words}, {"REGEX": r}) on LOWER or,
        failing that, TEXT; None if the token has neither or another kind of spec."""
        name = next((n for n in _WORD_ATTRS if n in token), None)
        if name is None:
            return None
        attr, spec = _WORD_ATTRS[name], token[name]
        if isinstance(spec, str):
            test: Any = frozenset({spec})
        elif isinstance(spec, dict) and list(spec) == ["IN"]:
            test = frozenset(spec["IN"])
        elif isinstance(spec, dict) and list(spec) == ["REGEX"]:
            test = re.compile(spec["REGEX"])
        else:
            return None
        if (attr, test) not in self.specs:
            self.specs.append((attr, test))
            self.passed.clear()
        return self.specs.index((attr, test))

    def hits(self, doc: Doc) -> dict[int, list[int]]:
        """Positions of the tokens passing each test, in order."""
        found: dict[int, list[int]] = {}
        for attr in sorted({attr for attr, _ in self.specs}):
            for i, word in enumerate(doc.to_array(attr).tolist()):
                tests = self.passed.get((attr, word))
                if tests is None:
                    tests = self.passed[attr, word] = self._passed_by(attr, doc.vocab.strings[word])
                for t in tests:
                    found.setdefault(t, []).append(i)
        return found

    def _passed_by(self, attr: int, word: str) -> tuple[int, ...]:
        return tuple(
            t
            for t, (tested, spec) in enumerate(self.specs)
            if tested == attr and (word in spec if isinstance(spec, frozenset) else spec.search(word))
        )


@dataclass
class _OneWord:
    """A one-token pattern: its word test and the POS/TAG sets it requires (IN) or excludes (NOT_IN)."""

    key: int  # the SpanRuler's match id (label and pattern id)
    test: int
    tags: list[tuple[str, bool, frozenset[str]]]  # (POS|TAG, wanted inside?, values)

    def accepts(self, token: Any) -> bool:
        return all(
            ((token.pos_ if attr == "POS" else token.tag_) in values) == inside
            for attr, inside, values in self.tags
        )


@dataclass
class _Reach:
    """Where a longer pattern's words can stand relative to its anchor (`required[0]`).

    `lead`: the most tokens a match can have before its anchor;
    `required`: (test, fewest, most tokens after the anchor) of the anchor and each later required
    word token; `runs`: a `*` token of listed words at a fixed offset (the first `*` only), measured
    in the doc; `length`: the most tokens from the anchor on, besides runs (`_UNBOUNDED` if open)."""

    lead: int
    required: list[tuple[int, int, int]]
    runs: list[tuple[int, int]]  # (test, offset)
    length: int

    def stretch(self, start: int, hits: dict[int, list[int]], size: int) -> tuple[int, int] | None:
        """The tokens any match with its anchor at `start` lies in, or None if none can."""
        end = start + self.length
        for test, offset in self.runs:
            listed = hits.get(test, [])
            at = bisect.bisect_left(listed, start + offset)
            run = 0
            while at + run < len(listed) and listed[at + run] == start + offset + run:
                run += 1
            end += run
        end = min(end, size)
        for test, fewest, most in self.required:
            positions = hits.get(test, [])
            at = bisect.bisect_left(positions, start + fewest)
            if at == len(positions) or positions[at] > min(start + most, end - 1):
                return None
        return max(0, start - self.lead), end


def _one_word(key: int, pattern: list[dict], tests: _WordTests) -> _OneWord | None:
    """The one-token plan of a pattern: one required token with a word test (and POS/TAG sets)."""
    words = [name for name in _WORD_ATTRS if name in pattern[0]]
    if len(pattern) != 1 or "OP" in pattern[0] or len(words) != 1:
        return None
    token = pattern[0]
    tags = []
    for attr in sorted(token.keys() - set(words)):
        spec = token[attr]
        if attr not in {"POS", "TAG"} or not isinstance(spec, dict) or list(spec) not in (["IN"], ["NOT_IN"]):
            return None
        tags.append((attr, "IN" in spec, frozenset(next(iter(spec.values())))))
    test = tests.index(token)
    return None if test is None else _OneWord(key, test, tags)


def _reach(pattern: list[dict], tests: _WordTests) -> _Reach | None:
    """The reach of a pattern from its anchor, the first required token with a word test; None if it
    has none or any number of tokens can come before it."""
    anchor = next((i for i, t in enumerate(pattern) if "OP" not in t and tests.index(t) is not None), None)
    if anchor is None:
        return None
    lead = 0
    for token in pattern[:anchor]:
        op = token.get("OP")
        repeats = _REPEATS.fullmatch(op) if op else None
        high = (repeats.group(3) if repeats.group(2) else repeats.group(1)) if repeats else None
        if op is None or op == "?":
            lead += 1
        elif high:
            lead += int(high)
        else:
            return None  # '*', '+', '!' or '{n,}' before the anchor: matches may start anywhere
    required: list[tuple[int, int, int]] = []
    runs: list[tuple[int, int]] = []
    fewest = most = 0  # tokens between the anchor and the current one, at least / at most (runs aside)
    for token in pattern[anchor:]:
        op = token.get("OP")
        repeats = _REPEATS.fullmatch(op) if op else None
        test = tests.index(token)
        if op is None:
            if test is not None:
                required.append((test, fewest, _UNBOUNDED if runs else most))
            fewest, most = fewest + 1, most + 1
        elif op == "?":
            most += 1
        elif repeats:
            low = int(repeats.group(1) or 0)
            high = repeats.group(3) if repeats.group(2) else repeats.group(1)
            fewest, most = fewest + low, most + int(high) if high else _UNBOUNDED
        elif op == "*" and fewest == most and not runs and test is not None and set(token) == {"LOWER", "OP"}:
            runs.append((test, fewest))
        else:
            most = _UNBOUNDED  # '+', '!', or a '*' this plan cannot measure
        most = min(most, _UNBOUNDED)
    return _Reach(lead, required, runs, most)


@dataclass
class _Plan:
    tests: _WordTests
    one_words: list[_OneWord]
    reaches: list[_Reach]  # of the patterns in `matcher`
    matcher: Matcher  # the longer patterns
    whole_doc: bool  # a longer pattern has no anchor in reach: the Matcher reads the whole doc


class TriggerRuler(SpanRuler):
    """`span_ruler` with the same output; see the module docstring for how it saves work."""

    _plan: _Plan | None = None

    def add_patterns(self, patterns: list[dict]) -> None:  # type: ignore[override]
        super().add_patterns(patterns)
        self._plan = None

    def clear(self) -> None:
        super().clear()
        self._plan = None

    def remove(self, label: str) -> None:
        super().remove(label)
        self._plan = None

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._plan = None

    def match(self, doc: Doc) -> list[Span]:
        self._require_patterns()
        if len(self.phrase_matcher) or not all(doc.has_annotation(a) for a in ("POS", "TAG")):
            return super().match(doc)  # the stock path, with its own errors for unparsed docs
        plan = self._plan or self._make_plan()
        hits = plan.tests.hits(doc)
        matches: set[tuple[int, int, int]] = set()
        for one in plan.one_words:
            matches.update((one.key, i, i + 1) for i in hits.get(one.test, []) if one.accepts(doc[i]))
        for first, last in _stretches(plan, hits, len(doc)):
            matches.update((key, s + first, e + first) for key, s, e in plan.matcher(doc[first:last]))
        labels = self._match_label_id_map
        return sorted(
            {
                Span(doc, start, end, label=labels[key]["label"], span_id=labels[key]["id"])
                for key, start, end in matches
                if start != end
            }
        )

    def _make_plan(self) -> _Plan:
        tests = _WordTests()
        one_words, reaches, whole_doc = [], [], False
        matcher = Matcher(self.nlp.vocab, validate=self.validate, fuzzy_compare=self.matcher_fuzzy_compare)
        for entry in self._patterns:
            pattern = entry["pattern"]
            if not isinstance(pattern, list):
                continue  # phrase patterns: `match` takes the stock path
            label = repr((entry["label"], entry.get("id", "")))
            one = _one_word(self.nlp.vocab.strings.as_int(label), pattern, tests)
            if one is not None:
                one_words.append(one)
                continue
            matcher.add(label, [pattern])
            reach = _reach(pattern, tests)
            whole_doc = whole_doc or reach is None
            if reach is not None:
                reaches.append(reach)
        self._plan = _Plan(tests, one_words, reaches, matcher, whole_doc)
        return self._plan


def _stretches(plan: _Plan, hits: dict[int, list[int]], size: int) -> list[tuple[int, int]]:
    """Token ranges that hold every match of the longer patterns, overlapping ones merged."""
    if plan.whole_doc:
        return [(0, size)] if len(plan.matcher) else []
    bounds = [
        bound
        for reach in plan.reaches
        for start in hits.get(reach.required[0][0], [])
        if (bound := reach.stretch(start, hits, size)) is not None
    ]
    merged: list[tuple[int, int]] = []
    for first, last in sorted(bounds):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


@Language.factory(TRIGGER_RULER, default_config={"spans_key": "ruler", "validate": False, "overwrite": True})
def make_trigger_ruler(
    nlp: Language, name: str, spans_key: str, validate: bool, overwrite: bool
) -> TriggerRuler:
    """Build the ruler; options as the stock `span_ruler`'s of the same names."""
    return TriggerRuler(nlp, name, spans_key=spans_key, validate=validate, overwrite=overwrite)
