"""A vectorized stand-in for the model's AttributeRuler, built from that ruler's own rules.

The stock ruler runs a Matcher of ~180 patterns over every token, though nearly all of them test
one token's TAG, LOWER, DEP or IS_SPACE (~10% of the model's time). Here each tested
attribute's value is reduced to a class (which of the rules' conditions on that attribute it
meets), the rules are evaluated once per distinct combination of classes and remembered, and
numpy spreads the results over the tokens of a whole batch. Fixed-length multi-token patterns are
matched by shifting those per-token results; patterns this cannot express (operators, extension
attributes, fuzzy or numeric predicates) go to a small spaCy Matcher. The outcome is the stock
ruler's: matching sees the annotations from before the ruler, and a later rule wins over an
earlier one, attribute by attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Pipe
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.util import minibatch
from spacy.vocab import Vocab

FACTORY = "sitrep_attribute_ruler"
# What a rule may write here: plain token fields. Others (NORM, extension attributes) also touch
# lexemes or Python objects, so a model with such rules keeps its stock ruler.
WRITABLE_NAMES = ("POS", "TAG", "DEP", "LEMMA", "MORPH")
WRITABLE = frozenset(IDS[name] for name in WRITABLE_NAMES)
# What a pattern may test here: attributes doc.to_array reads exactly as the Matcher does
# (the Matcher reads SENT_START, ENT_IOB and MORPH its own way: such patterns go to it).
TESTABLE = frozenset(
    IDS[name]
    for name in (
        "ORTH",
        "LOWER",
        "NORM",
        "SHAPE",
        "PREFIX",
        "SUFFIX",
        "LENGTH",
        "LEMMA",
        "POS",
        "TAG",
        "DEP",
        "ENT_TYPE",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_TITLE",
        "IS_UPPER",
        "LIKE_URL",
        "LIKE_NUM",
        "LIKE_EMAIL",
        "IS_STOP",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_CURRENCY",
    )
)


@dataclass(frozen=True)
class Condition:
    """One test of one token attribute: its value is (or, `negated`, is not) among `values`, or
    its string contains a match of `regex`, as the Matcher's predicates define them."""

    attr: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: str | None = None

    def holds(self, value: int, strings: StringStore) -> bool:
        if self.regex is not None:
            return re.search(self.regex, strings[value]) is not None
        return (value in self.values) != self.negated


def token_conditions(spec: dict[Any, Any], strings: StringStore) -> tuple[Condition, ...] | None:
    """The conditions of one token of a Matcher pattern, or None if only the Matcher can judge it."""
    conditions = []
    for key, value in spec.items():
        attr = IDS.get("ORTH" if key.upper() == "TEXT" else key.upper()) if isinstance(key, str) else key
        if attr not in TESTABLE:  # also "OP" and "_": variable length, extension attributes
            return None
        if isinstance(value, str | int):  # bool is an int: True tests 1, as in the Matcher
            conditions.append(
                Condition(attr, frozenset({strings.add(value) if isinstance(value, str) else int(value)}))
            )
            continue
        if not isinstance(value, dict):
            return None
        for predicate, argument in value.items():
            if predicate in ("IN", "NOT_IN") and _plain_values(argument):
                members = frozenset(get_string_id(v) for v in argument)
                conditions.append(Condition(attr, members, negated=predicate == "NOT_IN"))
            elif predicate == "REGEX" and isinstance(argument, str):
                conditions.append(Condition(attr, regex=argument))
            else:
                return None
    return tuple(conditions)


def _plain_values(argument: object) -> bool:
    return isinstance(argument, list) and all(
        isinstance(v, str | int) and not isinstance(v, bool) for v in argument
    )


def writable(entry: dict[str, Any], vocab: Vocab) -> bool:
    """Whether an AttributeRuler entry writes only what this ruler can write."""
    return set(normalize_token_attrs(vocab, dict(entry["attrs"]))) <= WRITABLE


@dataclass(frozen=True)
class _Rule:
    """One AttributeRuler entry: what it writes (column, value) where its patterns match.

    `single` are token tests of one-token patterns; `fixed` are multi-token patterns as columns
    of the per-token test table plus the offset of the token they annotate.
    """

    order: int
    writes: tuple[tuple[int, int], ...]
    index: int
    single: tuple[int, ...]
    fixed: tuple[tuple[tuple[int, ...], int], ...]


class _ValueClasses:
    """Sorts one attribute's values by which of the rules' conditions on it they meet.

    Remembers each value seen (at most the vocabulary's strings for that attribute), so a
    condition is judged once per value, not once per token.
    """

    def __init__(self, conditions: list[Condition]) -> None:
        self.conditions = conditions
        self.truths: list[tuple[bool, ...]] = []
        self._class_ids: dict[tuple[bool, ...], int] = {}
        self._by_value: dict[int, int] = {}

    def codes(self, column: numpy.ndarray, strings: StringStore) -> numpy.ndarray:
        values, inverse = numpy.unique(column, return_inverse=True)
        classes = numpy.fromiter(
            (self._class_of(v, strings) for v in values.tolist()), dtype=numpy.int64, count=len(values)
        )
        return classes[inverse.reshape(-1)]

    def _class_of(self, value: int, strings: StringStore) -> int:
        found = self._by_value.get(value)
        if found is None:
            truth = tuple(c.holds(value, strings) for c in self.conditions)
            found = self._class_ids.setdefault(truth, len(self._class_ids))
            if found == len(self.truths):
                self.truths.append(truth)
            self._by_value[value] = found
        return found


@dataclass
class Claims:
    """Per token of a batch and per written attribute: the rule that wins it (-1: none) and its value."""

    winners: numpy.ndarray
    values: numpy.ndarray

    def claim(self, rule: _Rule, tokens: numpy.ndarray) -> None:
        """Give `tokens` the rule's values where no later rule has claimed them."""
        for column, value in rule.writes:
            mine = tokens[self.winners[tokens, column] < rule.order]
            self.winners[mine, column] = rule.order
            self.values[mine, column] = value


class FastAttributeRuler(Pipe):
    """Same annotations as spaCy's AttributeRuler with the same patterns, computed per batch."""

    key_limit = 2**62  # largest combination key before renumbering (int64)

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self._entries: list[dict[str, Any]] = []
        self._compile()

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add AttributeRuler entries (`patterns`, `attrs`, `index`), as `AttributeRuler.add_patterns`."""
        entries = [dict(p) for p in patterns]
        unwritable = [e["attrs"] for e in entries if not writable(e, self.vocab)]
        if unwritable:
            raise ValueError(f"{self.name}: rules may only write {WRITABLE_NAMES}, not {unwritable}")
        self._entries.extend(entries)
        self._compile()

    def _compile(self) -> None:
        """Token tests, rules and the fallback Matcher from the entries, in the entries' order."""
        strings = self.vocab.strings
        self._matcher = Matcher(self.vocab)
        conditions: dict[Condition, int] = {}
        tests: dict[tuple[int, ...], int] = {}
        fixed_columns: dict[int, int] = {}
        written = sorted(
            {a for e in self._entries for a in normalize_token_attrs(self.vocab, dict(e["attrs"]))}
        )
        self._written = written
        self._rules: list[_Rule] = []
        for order, entry in enumerate(self._entries):
            attrs = normalize_token_attrs(self.vocab, dict(entry["attrs"]))
            index = int(entry.get("index", 0))
            single: list[int] = []
            fixed: list[tuple[tuple[int, ...], int]] = []
            rest = []
            for pattern in entry["patterns"]:
                parsed = [token_conditions(spec, strings) for spec in pattern]
                target = index if index >= 0 else len(pattern) + index
                if any(p is None for p in parsed) or not 0 <= target < len(pattern):
                    rest.append(pattern)  # the Matcher matches it; a bad index fails as in spaCy
                    continue
                ids = [
                    tests.setdefault(
                        tuple(conditions.setdefault(c, len(conditions)) for c in p or ()), len(tests)
                    )
                    for p in parsed
                ]
                if len(ids) == 1:
                    single.append(ids[0])
                else:
                    fixed.append(
                        (tuple(fixed_columns.setdefault(t, len(fixed_columns)) for t in ids), target)
                    )
            if rest:
                self._matcher.add(str(order), rest)
            writes = tuple((written.index(a), v) for a, v in attrs.items())
            self._rules.append(_Rule(order, writes, index, tuple(single), tuple(fixed)))
        self._tests = list(tests)
        self._fixed_tests = list(fixed_columns)
        self._tested = sorted({c.attr for c in conditions})
        by_attr: list[list[Condition]] = [[c for c in conditions if c.attr == a] for a in self._tested]
        self._condition_ids = [[conditions[c] for c in group] for group in by_attr]
        self._classes = [_ValueClasses(group) for group in by_attr]
        self._columns = self._tested + [a for a in written if a not in self._tested]
        self._rows: dict[tuple[int, ...], int] = {}
        self._row_winners: list[list[int]] = []
        self._row_values: list[list[int]] = []
        self._row_tests: list[list[bool]] = []

    def _row(self, classes: tuple[int, ...]) -> int:
        """The rules' outcome for tokens whose tested attributes fall in these classes."""
        row = self._rows.get(classes)
        if row is None:
            true = {
                cid
                for attr_classes, ids, cls in zip(self._classes, self._condition_ids, classes, strict=True)
                for cid, holds in zip(ids, attr_classes.truths[cls], strict=True)
                if holds
            }
            passed = [all(c in true for c in test) for test in self._tests]
            winners, values = [-1] * len(self._written), [0] * len(self._written)
            for rule in self._rules:
                if any(passed[t] for t in rule.single):
                    for column, value in rule.writes:
                        winners[column], values[column] = rule.order, value
            row = self._rows[classes] = len(self._rows)
            self._row_winners.append(winners)
            self._row_values.append(values)
            self._row_tests.append([passed[t] for t in self._fixed_tests])
        return row

    def match(self, docs: list[Doc]) -> tuple[Claims, numpy.ndarray]:
        """Which rule wins each token's attributes, and the attributes' current values."""
        table = numpy.concatenate([doc.to_array(self._columns) for doc in docs])
        codes = numpy.zeros((len(table), len(self._classes)), dtype=numpy.int64)
        for column, classes in enumerate(self._classes):
            codes[:, column] = classes.codes(table[:, column], self.vocab.strings)
        combinations, inverse = self._combinations(codes)
        rows = numpy.array([self._row(tuple(c)) for c in combinations.tolist()], dtype=numpy.int64)[inverse]
        claims = Claims(
            numpy.array(self._row_winners, dtype=numpy.int64).reshape(-1, len(self._written))[rows],
            numpy.array(self._row_values, dtype=numpy.uint64).reshape(-1, len(self._written))[rows],
        )
        lengths = [len(doc) for doc in docs]
        self._claim_fixed(claims, rows, numpy.repeat(numpy.arange(len(docs)), lengths))
        if len(self._matcher):
            self._claim_matched(claims, docs, lengths)
        current = table[:, [self._columns.index(a) for a in self._written]]
        return claims, current

    def _combinations(self, codes: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The distinct rows of `codes` and each token's row among them: numpy.unique(axis=0),
        but through one integer key per token, which is ~10x faster."""
        key = numpy.zeros(len(codes), dtype=numpy.int64)
        size = 1
        for column, classes in zip(codes.T, self._classes, strict=True):
            count = len(classes.truths)
            if size * count > self.key_limit:  # the key would overflow: renumber what it holds so far
                key = numpy.unique(key, return_inverse=True)[1].reshape(-1)
                size = int(key.max()) + 1
            key = key * count + column
            size *= count
        keys, inverse = numpy.unique(key, return_inverse=True)
        inverse = inverse.reshape(-1)
        example = numpy.empty(len(keys), dtype=numpy.int64)
        example[inverse] = numpy.arange(len(key))
        return codes[example], inverse

    def _claim_fixed(self, claims: Claims, rows: numpy.ndarray, doc_of: numpy.ndarray) -> None:
        """Multi-token patterns: every token in a row passes its test, all in one doc."""
        if not self._fixed_tests:
            return
        passed = numpy.array(self._row_tests, dtype=bool).reshape(-1, len(self._fixed_tests))[rows]
        n = len(rows)
        for rule in self._rules:
            for columns, target in rule.fixed:
                starts = n - len(columns) + 1
                if starts <= 0:
                    continue
                ok = doc_of[:starts] == doc_of[len(columns) - 1 :]
                for offset, column in enumerate(columns):
                    ok &= passed[offset : starts + offset, column]
                claims.claim(rule, numpy.flatnonzero(ok) + target)

    def _claim_matched(self, claims: Claims, docs: list[Doc], lengths: list[int]) -> None:
        """Patterns only the Matcher can judge, annotated as AttributeRuler.set_annotations does."""
        offset = 0
        for doc, length in zip(docs, lengths, strict=True):
            for match_id, start, end in self._matcher(doc, allow_missing=True, as_spans=False):
                rule = self._rules[int(self.vocab.strings[match_id])]
                span = Span(doc, start, end)
                if not -len(span) <= rule.index < len(span):
                    raise ValueError(
                        f"{self.name}: index {rule.index} is outside the match {[t.text for t in span]}"
                    )
                claims.claim(rule, numpy.array([offset + span[rule.index].i]))
            offset += length

    def set_annotations(self, docs: list[Doc], claims: Claims, current: numpy.ndarray) -> None:
        """Write the winning values; tokens no rule claimed keep theirs."""
        values = numpy.where(claims.winners >= 0, claims.values, current)
        start = 0
        for doc in docs:
            if len(doc):
                # spaCy's stubs want Ints2d; this is the uint64 array from_array takes
                doc.from_array(self._written, values[start : start + len(doc)])  # type: ignore[arg-type]
            start += len(doc)

    def _annotate(self, docs: list[Doc]) -> None:
        if self._written and any(len(doc) for doc in docs):
            self.set_annotations(docs, *self.match(docs))

    def __call__(self, doc: Doc) -> Doc:
        try:
            self._annotate([doc])
        except Exception as exc:
            return self.get_error_handler()(self.name, self, [doc], exc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for docs in minibatch(stream, size=batch_size):
            try:
                self._annotate(docs)
            except Exception as exc:
                self.get_error_handler()(self.name, self, docs, exc)
            yield from docs


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty ruler; `use_fast_attributes` fills it with a loaded model's rules."""
    return FastAttributeRuler(nlp.vocab, name)


def use_fast_attributes(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a FastAttributeRuler with the same rules in place of the pipeline's AttributeRuler.

    Returns False, changing nothing, when there is no AttributeRuler by that name or one of its
    rules writes something this ruler cannot (the stock ruler then stays, so output is the same).
    """
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(stock, AttributeRuler):
        return False
    patterns = stock.patterns
    if not all(writable(p, nlp.vocab) for p in patterns):  # type: ignore[arg-type]
        return False
    fast = nlp.replace_pipe(name, FACTORY)
    fast.add_patterns(patterns)  # type: ignore[attr-defined]
    return True
