"""The cached doc views give exactly what spaCy's own properties give."""

import pytest
import spacy
from spacy.tokens import Span

from extractors.speed.docviews import doc_entities, doc_sentences, doc_text, made_from, span_entities

TEXT = "Jets hit Aleppo on Monday . Rebels in Idlib said 12 died . Nothing else happened today ."


@pytest.fixture
def doc():
    doc = spacy.blank("en")(TEXT)
    for t in doc:
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    labels = {2: "GPE", 4: "DATE", 8: "GPE", 10: "CARDINAL"}
    doc.ents = [Span(doc, i, i + 1, label) for i, label in labels.items()]
    return doc


def _marks(spans):
    return [(s.start, s.end, s.label_) for s in spans]


def test_sentences_and_entities_match_spacy(doc):
    assert _marks(doc_sentences(doc)) == _marks(doc.sents)
    assert _marks(doc_entities(doc)) == _marks(doc.ents)


@pytest.mark.parametrize("start,end", [(0, 6), (6, 13), (13, 18), (3, 9), (2, 3), (3, 4), (0, 18), (9, 11)])
def test_span_entities_match_span_ents(doc, start, end):
    span = doc[start:end]
    assert _marks(span_entities(span)) == _marks(span.ents)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "Jets hit Aleppo.",
        "  Two  spaces\n\nand lines\t tabs ",
        "Émigrés ‘quoted’ — 12,000 (est.)\u00a0end",
        "a\r\nb",
    ],
)
def test_made_from_records_exactly_the_text_spacy_keeps(text):
    nlp = spacy.blank("en")
    assert doc_text(made_from(nlp.make_doc(text), text)) == nlp.make_doc(text).text == text
