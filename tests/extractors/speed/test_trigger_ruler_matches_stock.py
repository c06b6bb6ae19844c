"""The trigger ruler writes exactly the spans the stock span_ruler writes, on any tagged text."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from bench.corpus import CorpusSpec, make_articles
from extractors.events import PLACES_KEY, TRIGGERS_KEY
from extractors.pattern_catalog import place_ruler_patterns, trigger_ruler_patterns
from extractors.pipeline import load_pipeline
from extractors.speed.trigger_ruler import TRIGGER_RULER, TriggerRuler

# Patterns of shapes the pattern files do not use (yet): '+', '{2}', '{1,}', two '*', a '*' after
# an optional token, a REGEX after the first word, tokens before the anchor, an anchor tested on TEXT,
# no anchor in reach. The ruler must stay exact on them.
ODD_PATTERNS = [
    {
        "id": "odd.plus",
        "label": "odd",
        "pattern": [{"LOWER": "rockets"}, {"IS_ALPHA": True, "OP": "+"}, {"LOWER": "fell"}],
    },
    {
        "id": "odd.exactly_two",
        "label": "odd",
        "pattern": [{"LOWER": "shells"}, {"IS_ALPHA": True, "OP": "{2}"}, {"LOWER": "town"}],
    },
    {
        "id": "odd.star_after_optional",
        "label": "odd",
        "pattern": [
            {"LOWER": "fired"},
            {"LOWER": "upon", "OP": "?"},
            {"LOWER": {"IN": ["the", "a"]}, "OP": "*"},
            {"LOWER": "town"},
        ],
    },
    {"id": "odd.regex_second", "label": "odd", "pattern": [{"LOWER": "was"}, {"LOWER": {"REGEX": "^re"}}]},
    {
        "id": "odd.two_runs",
        "label": "odd",
        "pattern": [
            {"LOWER": "sent"},
            {"LOWER": {"IN": ["the", "a"]}, "OP": "*"},
            {"LOWER": {"IN": ["new", "young"]}, "OP": "*"},
            {"LOWER": "men"},
        ],
    },
    {
        "id": "odd.at_least_one",
        "label": "odd",
        "pattern": [{"LOWER": "more"}, {"LIKE_NUM": True, "OP": "{1,}"}],
    },
    {
        "id": "odd.optional_first",
        "label": "odd",
        "pattern": [{"LOWER": "heavy", "OP": "?"}, {"LOWER": "shelling"}],
    },
    {
        "id": "odd.up_to_two_before",
        "label": "odd",
        "pattern": [{"IS_ALPHA": True, "OP": "{,2}"}, {"IS_DIGIT": True}, {"TEXT": "Men"}, {"LOWER": "died"}],
    },
]
# Without it, the longer patterns are matched in stretches; with it, over the whole doc.
ANY_NUMBER_FIRST = {
    "id": "odd.any_number_first",
    "label": "odd",
    "pattern": [{"IS_ALPHA": True, "OP": "*"}, {"LOWER": "shelling"}],
}
TAGGED_VERBS = {"strike", "strikes", "drafted", "laid", "lay", "raid", "bombing"}  # tagged VERB/VBD below


def rulers(nlp: Language, patterns: list[dict]) -> Language:
    """The stock ruler (key "stock") and ours (key "ours") with the same patterns."""
    nlp.add_pipe("span_ruler", name="stock", config={"spans_key": "stock", "validate": True}).add_patterns(
        patterns
    )  # type: ignore[attr-defined]
    nlp.add_pipe(TRIGGER_RULER, name="ours", config={"spans_key": "ours", "validate": True}).add_patterns(
        patterns
    )  # type: ignore[attr-defined]
    return nlp


def tagged(nlp: Language, words: list[str]) -> Doc:
    """A Doc with POS and TAG set (our ruler's fast path needs them): listed words as verbs."""
    verbs = [w.lower() in TAGGED_VERBS for w in words]
    return Doc(
        nlp.vocab,
        words=words,
        pos=["VERB" if v else "NOUN" for v in verbs],
        tags=["VBD" if v else "NN" for v in verbs],
    )


def spans(doc: Doc, key: str) -> list[tuple[int, int, str, str]]:
    return [(s.start, s.end, s.label_, s.id_) for s in doc.spans[key]]


@pytest.fixture(scope="module", params=["trigger files", "place file", "odd shapes", "odd shapes, whole doc"])
def both(request) -> Language:
    """Both rulers, with the trigger patterns, the place patterns or the odd shapes."""
    patterns = {
        "trigger files": trigger_ruler_patterns(),
        "place file": place_ruler_patterns(),
        "odd shapes": trigger_ruler_patterns() + ODD_PATTERNS,
        "odd shapes, whole doc": [*trigger_ruler_patterns(), *ODD_PATTERNS, ANY_NUMBER_FIRST],
    }
    return rulers(spacy.blank("en"), patterns[request.param])


def run(nlp: Language, doc: Doc) -> Doc:
    for _, pipe in nlp.pipeline:
        doc = pipe(doc)
    return doc


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes",  # a match at both doc edges
        "They said it was an air - strike",  # optional token, match at the doc end
        "barrel",  # a pattern's optional last token past the doc end
        "Jets hit . Barrel bombs fell . Air strikes followed",  # sentence edges
        "The group lost at least about some 40 men . They lost 3 . Lose more than",  # '*' runs
        "Men were summoned to the national reserve army and into the military training camp",
        "sent to the camps of training , to camps of recruitment , into the the the training centre",
        "They settled their legal status . They settled a b c d e status . settled status",
        "The area returned to the government control and is back under state control",
        "Fighters laid down their arms . Others lay down weapons",
        "The raid , the strike and the bombing : strikes drafted draft",  # POS/TAG conditions
        "heavy shelling and shelling ; rockets fell , rockets then fell ; shells hit the town",
        "fired upon the a the town ; fired town ; was returned ; was",
        "sent the a new young men ; sent men ; sent the new ; more 3 4 five more",
        "air strike strikes raid raids air raid airstrikes",  # overlapping matches
        "in Deir ez - Zor Town and al - Raqqa , Kafr Nabl village , the town of Maarat Al Numan Hama",
        "Tal Abyad countryside ; Al-Bab ; al-Bab ; el - Fasher city ; Jisr Town of Idlib - Hama Homs",
        "The Town Of ; Abu Kamal ; Syrian Town ; some 3 Men died ; 3 Men died ; Men died",
        "",
    ],
)
def test_same_spans_as_the_stock_ruler(both, text):
    doc = run(both, tagged(both, text.split()) if text else both.make_doc(text))
    assert spans(doc, "ours") == spans(doc, "stock")


WORDS = sorted(
    {
        w
        for p in [*trigger_ruler_patterns(), *place_ruler_patterns(), *ODD_PATTERNS, ANY_NUMBER_FIRST]
        for token in p["pattern"]
        for w in (
            [token["LOWER"]] if isinstance(token.get("LOWER"), str) else token.get("LOWER", {}).get("IN", [])
        )
    }
    | {"airstrike", "warplanes", "bombarded", "quickly", "12", "seven", "The", ".", ",", "x", "Up"}
    | {"Deir", "al", "Al", "al-", "el-", "Al-Bab", "-", "Raqqa", "Idlib", "Town", "Village", "Men", "3"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_same_spans_on_any_word_sequence(both, words):
    doc = run(both, tagged(both, words))
    assert spans(doc, "ours") == spans(doc, "stock")


def test_untagged_docs_take_the_stock_path():
    nlp = rulers(spacy.blank("en"), trigger_ruler_patterns())
    doc = nlp("Warplanes carried out air strikes and 12 people died.")
    assert spans(doc, "ours") == spans(doc, "stock")
    assert {"air_strike.compound_noun", "casualties.died"} <= {s[3] for s in spans(doc, "ours")}


def test_trigger_files_need_no_whole_doc_match():
    nlp = rulers(spacy.blank("en"), trigger_ruler_patterns())
    ours = nlp.get_pipe("ours")
    assert isinstance(ours, TriggerRuler)
    assert spans(run(nlp, tagged(nlp, ["Jets", "struck", "."])), "ours")
    assert ours._plan is not None and not ours._plan.whole_doc


def test_place_file_needs_no_whole_doc_match():
    """Each place pattern has an anchor in reach: the ruler, run over whole articles, skips most text."""
    nlp = rulers(spacy.blank("en"), place_ruler_patterns())
    ours = nlp.get_pipe("ours")
    assert isinstance(ours, TriggerRuler)
    doc = run(nlp, tagged(nlp, ["Shells", "hit", "the", "Abu", "Kamal", "countryside", "and", "al-Bab"]))
    assert spans(doc, "ours") == spans(doc, "stock")
    assert {(s[0], s[1]) for s in spans(doc, "ours")} >= {(3, 6), (7, 8)}
    assert ours._plan is not None and not ours._plan.whole_doc


def test_tokens_before_the_anchor_are_matched():
    nlp = rulers(spacy.blank("en"), ODD_PATTERNS)
    doc = run(nlp, tagged(nlp, ["so", "some", "3", "Men", "died"]))
    ours = [s for s in spans(doc, "ours") if s[3] == "odd.up_to_two_before"]
    assert ours == [s for s in spans(doc, "stock") if s[3] == "odd.up_to_two_before"]
    assert [(s[0], s[1]) for s in ours] == [(0, 5), (1, 5), (2, 5)]


def test_patterns_added_later_are_used():
    nlp = rulers(spacy.blank("en"), trigger_ruler_patterns())
    ours = nlp.get_pipe("ours")
    assert isinstance(ours, TriggerRuler)
    words = ["the", "shelling", "went", "on"]
    assert not spans(run(nlp, tagged(nlp, words)), "ours")
    ours.add_patterns([{"id": "odd.new", "label": "odd", "pattern": [{"LOWER": "shelling"}]}])
    assert spans(run(nlp, tagged(nlp, words)), "ours") == [(1, 2, "odd", "odd.new")]


@pytest.mark.model
def test_same_spans_on_the_benchmark_corpus():
    nlp = load_pipeline()
    nlp.add_pipe("span_ruler", name="stock", config={"spans_key": "stock", "validate": True}).add_patterns(  # type: ignore[attr-defined]
        trigger_ruler_patterns()
    )
    nlp.add_pipe("span_ruler", name="stock_places", config={"spans_key": "stock_places"}).add_patterns(  # type: ignore[attr-defined]
        place_ruler_patterns()
    )
    texts = [a.text for a in make_articles(CorpusSpec(100, 3, True))]
    docs = list(nlp.pipe(texts))
    assert sum(len(d.spans[TRIGGERS_KEY]) for d in docs) > len(docs)  # the corpus does report events
    assert sum(len(d.spans[PLACES_KEY]) for d in docs) > len(docs) / 2  # and names places the patterns find
    for doc in docs:
        assert spans(doc, TRIGGERS_KEY) == spans(doc, "stock")
        assert spans(doc, PLACES_KEY) == spans(doc, "stock_places")
