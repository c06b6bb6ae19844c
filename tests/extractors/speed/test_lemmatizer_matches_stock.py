"""RememberingLemmatizer writes exactly the stock lemmatizer's lemmas: on varied text, on the
bench corpus (twice, so the second pass reads only remembered lemmas) and where it must not
stand in."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer

from bench.corpus import CorpusSpec, make_articles
from extractors.model_name import DEFAULT_MODEL
from extractors.speed.lemmatizer import FACTORY, use_remembered_lemmas

TEXTS = [
    "Two soldiers were killed and three others wounded when militants attacked their base.",
    "The air force said its jets had struck the bases; it strikes again tomorrow.",
    "She is better now, the best of them, and they were the worst hit by the floods.",
    "Government forces retook the towns, freeing hundreds of women and children held there.",
    "   Leading spaces, then tabs\t\tand a line\n break, then more text.\n",
]


def lemmas(nlp: Language, texts: list[str]) -> list[list[tuple[str, str]]]:
    return [[(t.text, t.lemma_) for t in doc] for doc in nlp.pipe(texts, batch_size=16)]


@pytest.fixture(scope="module")
def model_pair() -> tuple[Language, Language]:
    stock = spacy.load(DEFAULT_MODEL)
    remembering = spacy.load(DEFAULT_MODEL)
    assert use_remembered_lemmas(remembering)
    assert remembering.pipe_names == stock.pipe_names
    assert remembering.get_pipe_meta("lemmatizer").factory == FACTORY
    return stock, remembering


@pytest.mark.model
def test_same_lemmas_as_the_stock_lemmatizer(model_pair):
    stock, remembering = model_pair
    assert lemmas(remembering, TEXTS) == lemmas(stock, TEXTS)


@pytest.mark.model
def test_same_lemmas_on_the_bench_corpus_when_remembered(model_pair):
    stock, remembering = model_pair
    texts = [a.text for a in make_articles(CorpusSpec(60, 3, True))]
    expected = lemmas(stock, texts)
    assert lemmas(remembering, texts) == expected
    assert lemmas(remembering, texts) == expected  # now every word's lemma comes from memory


def test_other_lemmatizers_stay():
    overwriting = spacy.blank("en")
    overwriting.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": True})
    assert not use_remembered_lemmas(overwriting)
    assert isinstance(overwriting.get_pipe("lemmatizer"), Lemmatizer)
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_remembered_lemmas(lookup)
    assert lookup.get_pipe_meta("lemmatizer").factory == "lemmatizer"
    assert not use_remembered_lemmas(spacy.blank("en"))
