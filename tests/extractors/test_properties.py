"""Property-based tests (hypothesis): extractors and normalizers hold their invariants on any text.

Run with `--hypothesis-show-statistics` to see how many examples each property ran.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.normalize.dates import resolve_date
from extractors.normalize.numbers import parse_amount
from extractors.pipeline import extract_articles, load_pipeline
from extractors.schema import Article, Event, Reject
from flows.extract import chunk_starts
from flows.inputs.readers import read_input

EXAMPLES = 150
# Words that make extractors fire (triggers, numbers, qualifiers, dates, places), so the
# properties are checked on events and not only on empty outputs. Written for this test.
NEWS_WORDS = (
    "warplanes",
    "struck",
    "airstrike",
    "air",
    "strike",
    "drone",
    "helicopter",
    "barrel",
    "bombs",
    "killed",
    "killing",
    "dead",
    "wounded",
    "injured",
    "civilians",
    "fighters",
    "people",
    "at",
    "least",
    "more",
    "than",
    "about",
    "nearly",
    "up",
    "to",
    "dozens",
    "several",
    "three",
    "17",
    "two",
    "hundred",
    "joined",
    "recruited",
    "enlisted",
    "conscripted",
    "militia",
    "army",
    "reconciliation",
    "settlement",
    "agreement",
    "settled",
    "their",
    "status",
    "surrendered",
    "yesterday",
    "today",
    "on",
    "Monday",
    "last",
    "week",
    "month",
    "year",
    "ago",
    "in",
    "March",
    "2019",
    "12",
    "the",
    "town",
    "of",
    "near",
    "village",
    "Alpha",
    "Beta",
    "province",
    "government",
    "forces",
    "rebels",
    "said",
    "reported",
    "according",
    ",",
    ".",
    "-",
    "\n",
    '"',
)


# Slots of a report sentence: who, did what, to how many, where, when. Written for this test.
AGENTS = ("Warplanes", "Government jets", "A drone", "Helicopters", "Gunmen", "The militia", "Rebels")
ACTIONS = ("struck", "bombed", "killed", "shelled", "recruited", "hit", "signed a settlement with")
AMOUNTS = ("at least 12", "three", "dozens of", "about 40", "up to 7", "nine", "several", "2,500", "-4", "")
VICTIMS = ("civilians", "fighters", "people", "young men", "a school", "the elders", "members")
PLACES = ("in the town of Alpha", "near Beta", "in Gamma province", "", "outside the village of Delta")
WHEN = (
    "on Monday",
    "yesterday",
    "last week",
    "on March 3",
    "two years ago",
    "in 2019",
    "next week",
    "on 31 February",
    "tomorrow",
    "",
)


@st.composite
def report_sentences(draw: st.DrawFn) -> str:
    """One to four sentences built from report slots, so that extractors fire often."""
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        parts = [draw(st.sampled_from(slot)) for slot in (AGENTS, ACTIONS, AMOUNTS, VICTIMS, PLACES, WHEN)]
        sentences.append(" ".join(p for p in parts if p) + draw(st.sampled_from((".", ",", "", " -"))))
    return " ".join(sentences)


@st.composite
def news_like_text(draw: st.DrawFn) -> str:
    """Report sentences, loose news words, arbitrary Unicode, or mixtures."""
    words = " ".join(draw(st.lists(st.sampled_from(NEWS_WORDS), max_size=60)))
    report = draw(report_sentences())
    noise = draw(st.text(max_size=80))
    return draw(st.sampled_from((report, words, noise, f"{report} {noise}", f"{noise}. {words}. {report}")))


published_dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
QUALIFIERS = {"exact", "at_least", "at_most", "approx"}


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    yield load_pipeline()


def run(nlp: Language, text: str, published: dt.date | None) -> list[Event]:
    article = Article(article_id="prop-1", text=text, published=published, url="https://news.example/p")
    (result,) = extract_articles(nlp, [article])
    assert result.error is None, result.error
    event(f"events found: {min(len(result.events), 3)}{'+' if len(result.events) >= 3 else ''}")
    return result.events


@pytest.mark.model
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_like_text(), published=published_dates)
def test_events_hold_their_invariants(nlp: Language, text: str, published: dt.date | None) -> None:
    for found in run(nlp, text, published):
        assert found.evidence == text[found.evidence_start : found.evidence_end]
        assert 0 <= found.evidence_start < found.evidence_end <= len(text)
        assert found.event_id == Event.make_id(
            found.article_id, found.event_type, found.evidence_start, found.evidence_end, found.id_part
        )
        assert found.count is None or found.count >= 0
        assert found.injured is None or found.injured >= 0
        if published is not None:
            latest = published + dt.timedelta(days=1)
            assert found.event_date is None or found.event_date <= latest
            assert found.event_date_end is None or found.event_date_end <= latest


@pytest.mark.model
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=news_like_text(), published=published_dates)
def test_same_input_gives_same_event_ids(nlp: Language, text: str, published: dt.date | None) -> None:
    first = [e.event_id for e in run(nlp, text, published)]
    assert first == [e.event_id for e in run(nlp, text, published)]
    assert len(set(first)) == len(first)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(text=st.one_of(st.text(max_size=60), st.lists(st.sampled_from(NEWS_WORDS), max_size=12).map(" ".join)))
def test_parse_amount_never_raises_or_goes_negative(text: str) -> None:
    amount = parse_amount(text)
    assert amount is None or (amount.value >= 0 and amount.qualifier in QUALIFIERS)


# Date language for the date normalizer: weekdays, months, relative words, numbers. Written for this test.
DATE_WORDS = (
    "on",
    "last",
    "this",
    "next",
    "past",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "ago",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "morning",
    "since",
    "in",
    "early",
    "late",
    "Monday",
    "Friday",
    "Sunday",
    "January",
    "March",
    "December",
    "of",
    "the",
    "two",
    "three",
    "10",
    "31",
    "29",
    "2",
    "1999",
    "2016",
    "2040",
    "more",
    "than",
    "-",
    "/",
    ",",
    "between",
    "and",
    "until",
)
date_expressions = st.one_of(
    st.lists(st.sampled_from(DATE_WORDS), min_size=1, max_size=6).map(" ".join),
    st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)).map(lambda d: d.strftime("%d %B %Y")),
    st.text(max_size=30),
)


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(expression=date_expressions, published=st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)))
def test_resolved_dates_are_never_after_publication(expression: str, published: dt.date) -> None:
    resolved = resolve_date(expression, published)
    event("resolved" if resolved else "unresolved")
    if resolved is not None:
        assert resolved.start <= published
        assert resolved.precision in {"day", "month", "year"}
        assert resolved.end is None or resolved.start <= resolved.end <= published


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), size=st.integers(2, 60))
def test_chunks_cover_the_text_in_order_and_within_size(text: str, size: int) -> None:
    starts = chunk_starts(text, size)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0
    assert all(0 < end - start <= size for start, end in zip(starts, ends, strict=True)) or text == ""


@settings(max_examples=EXAMPLES, deadline=None)
@given(lines=st.lists(st.binary(max_size=120).map(lambda b: b.replace(b"\n", b" ")), max_size=12))
def test_any_bytes_read_as_one_article_or_reject_per_line(lines: list[bytes], tmp_path_factory) -> None:
    """Arbitrary bytes as JSON Lines: reading never raises, every non-blank line is one record."""
    path = tmp_path_factory.mktemp("fuzz") / "input.jsonl"
    path.write_bytes(b"\n".join(lines))
    records = list(read_input(path))
    assert len(records) == sum(1 for line in lines if _not_blank(line))
    assert all(isinstance(r, Article | Reject) for r in records)
    for record in records:
        if isinstance(record, Article):
            record.text.encode("utf-8")  # storable
            assert record.text.strip()


def _not_blank(line: bytes) -> bool:
    try:
        return bool(line.decode("utf-8").strip())
    except UnicodeDecodeError:
        return True
