"""The model's lemmatizer, remembering each lemma it has made.

The stock rule lemmatizer visits every token in Python and caches only the words its rules
rewrite: a word already in its base form (most nouns, many verbs) is worked out again on every
occurrence. A rule lemma depends only on the word, its POS and its morphology, so here each
distinct (word, POS, morphology) is lemmatized once by the stock lemmatizer itself and the doc's
lemmas are written as one array. Tokens that already have a lemma (from the attribute ruler) keep
it, as with the stock lemmatizer's `overwrite = false`.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer, Pipe
from spacy.tokens import Doc

FACTORY = "sitrep_lemmatizer"


class RememberingLemmatizer(Pipe):
    """Writes the stock lemmatizer's lemmas, asking it once per distinct (word, POS, morphology)."""

    def __init__(self, name: str, stock: Lemmatizer | None = None) -> None:
        self.name = name
        self.stock = stock
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> lemma string id

    def __call__(self, doc: Doc) -> Doc:
        assert self.stock is not None, "use_remembered_lemmas sets the stock lemmatizer"
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            lemma = self.lemmas.get((orth, pos, morph))
            if lemma is None:
                lemma = self.lemmas[orth, pos, morph] = doc.vocab.strings.add(self.stock.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        return doc.from_array([LEMMA], lemmas)  # type: ignore[arg-type]  # stubs: Ints2d is an ndarray


@Language.factory(FACTORY)
def make_remembering_lemmatizer(nlp: Language, name: str) -> RememberingLemmatizer:
    return RememberingLemmatizer(name)


def use_remembered_lemmas(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a RememberingLemmatizer in place of the pipeline's rule lemmatizer.

    Returns False, changing nothing, unless there is a rule-mode Lemmatizer by that name that
    keeps existing lemmas (another mode or `overwrite` reads more than the word, POS and morphology
    or replaces the attribute ruler's lemmas: the stock one then stays).
    """
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule" or stock.overwrite:
        return False
    remembering = nlp.replace_pipe(name, FACTORY)
    assert isinstance(remembering, RememberingLemmatizer)
    remembering.stock = stock
    return True
