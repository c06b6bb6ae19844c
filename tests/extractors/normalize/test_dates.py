"""Date normalizer: tables of (expression, publication date) -> (date, precision, period end).

Expected values follow the gold guidelines, "Dates". Weekdays of the publication dates used:
2016-06-01 Wed, 2016-06-06 Mon, 2020-01-02 Thu, 2014-11-03 Mon, 2018-07-08 Sun, 2016-03-01 Tue.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.normalize.dates import ResolvedDate, counted_days, resolve_date

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("expression", "published", "iso", "precision", "end"),
    [
        # days
        ("yesterday", "2016-06-01", "2016-05-31", "day", None),
        ("Yesterday evening", "2016-06-01", "2016-05-31", "day", None),
        ("last night", "2016-06-01", "2016-05-31", "day", None),
        ("late last night", "2016-03-01", "2016-02-29", "day", None),
        ("today", "2016-06-01", "2016-06-01", "day", None),
        ("earlier today", "2016-06-01", "2016-06-01", "day", None),
        ("this morning", "2016-06-01", "2016-06-01", "day", None),
        ("overnight", "2016-06-01", "2016-06-01", "day", None),
        ("after midnight", "2016-06-01", "2016-06-01", "day", None),
        ("tonight", "2016-06-01", "2016-06-01", "day", None),
        ("over the past 24 hours", "2016-06-01", "2016-06-01", "day", None),
        ("in the last 24 hours", "2016-06-01", "2016-06-01", "day", None),
        ("three days ago", "2016-03-01", "2016-02-27", "day", None),
        # weekdays: the most recent one on or before publication
        ("on Monday", "2016-06-01", "2016-05-30", "day", None),
        ("Monday's", "2016-06-01", "2016-05-30", "day", None),
        ("on Monday", "2016-06-06", "2016-06-06", "day", None),
        ("Wednesday", "2016-06-01", "2016-06-01", "day", None),
        ("on Thursday", "2016-06-01", "2016-05-26", "day", None),
        ("last Monday", "2016-06-06", "2016-05-30", "day", None),
        ("on Friday night", "2016-06-01", "2016-05-27", "day", None),
        # a night across two days: the morning it ends in; longer spans stay a period
        ("the night of 2-3 May", "2016-06-01", "2016-05-03", "day", None),
        ("overnight 30-31 May", "2016-06-01", "2016-05-31", "day", None),
        ("the night of 2-4 May", "2016-06-01", "2016-05", "month", "2016-05-04"),
        ("in the early hours of Sunday", "2018-07-08", "2018-07-08", "day", None),
        ("Tuesday, 31 May", "2016-06-01", "2016-05-31", "day", None),
        # a named start: its own precision, the period runs to publication
        ("since Saturday", "2016-06-01", "2016-05-28", "day", "2016-06-01"),
        ("since March", "2016-06-01", "2016-03", "month", "2016-06-01"),
        ("since mid-January", "2016-06-01", "2016-01", "month", "2016-06-01"),
        ("since 2012", "2016-06-01", "2012", "year", "2016-06-01"),
        # periods counted back: the finest of month or year holding the whole period
        ("last week", "2016-06-01", "2016-05", "month", "2016-05-29"),
        ("last week", "2014-11-03", "2014", "year", "2014-11-02"),
        ("last week", "2020-01-02", "2019-12", "month", "2019-12-29"),
        ("this week", "2016-06-01", "2016", "year", "2016-06-01"),
        ("this week", "2020-01-02", "2020", "year", "2020-01-02"),
        ("the beginning of this week", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("two days", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("two days", "2016-06-01", "2016", "year", "2016-06-01"),
        ("in the past three days", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("in the last year", "2016-11-20", "2016", "year", "2016-11-20"),
        ("over the last week", "2018-07-18", "2018-07", "month", "2018-07-18"),
        ("over the past 48 hours", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("in recent months", "2016-11-04", "2016", "year", "2016-11-04"),
        ("in just one month", "2018-07-08", "2018", "year", "2018-07-08"),
        ("over the weekend", "2016-06-01", "2016-05", "month", "2016-05-29"),
        ("this past weekend", "2016-06-01", "2016-05", "month", "2016-05-29"),
        # named months and years
        ("last month", "2016-06-01", "2016-05", "month", "2016-05-31"),
        ("last month", "2020-01-02", "2019-12", "month", "2019-12-31"),
        ("earlier this month", "2016-06-20", "2016-06", "month", "2016-06-20"),
        ("this year", "2016-06-01", "2016", "year", "2016-06-01"),
        ("the beginning of this year", "2016-06-01", "2016", "year", "2016-06-01"),
        ("earlier this year", "2016-06-01", "2016", "year", "2016-06-01"),
        ("last year", "2016-06-01", "2015", "year", "2015-12-31"),
        ("two years ago", "2016-06-01", "2014", "year", None),
        ("more than two years ago", "2016-06-01", "2014", "year", None),
        ("in July", "2016-06-01", "2015-07", "month", None),
        ("July", "2018-07-08", "2018-07", "month", None),
        ("last December", "2016-06-01", "2015-12", "month", None),
        ("late October", "2016-06-01", "2015-10", "month", None),
        # absolute dates at the precision given; years inferred into the past
        ("March 3, 2016", "2016-06-01", "2016-03-03", "day", None),
        ("3 March 2016", "2016-06-01", "2016-03-03", "day", None),
        ("the 3rd of March", "2016-06-01", "2016-03-03", "day", None),
        ("2016-03-03", "2016-06-01", "2016-03-03", "day", None),
        ("March 2016", "2016-06-01", "2016-03", "month", None),
        ("in 2014", "2016-06-01", "2014", "year", None),
        ("on 12 June", "2016-06-01", "2015-06-12", "day", None),
        ("Dec. 30th", "2020-01-02", "2019-12-30", "day", None),
        ("August 19 2015", "2016-06-01", "2015-08-19", "day", None),
        ("February 29", "2016-03-01", "2016-02-29", "day", None),
        ("February 29", "2017-03-01", "2016-02-29", "day", None),
        ("the 3rd", "2016-06-01", "2016-05-03", "day", None),
        ("15/3/2011", "2016-06-01", "2011-03-15", "day", None),
        ("28.05.2016", "2016-06-01", "2016-05-28", "day", None),
        ("17-04-2016", "2016-06-01", "2016-04-17", "day", None),
        ("4/5/2016", "2016-06-01", "2016-05-04", "day", None),  # both readings valid: the latest
        ("2016/04/09", "2016-06-01", "2016-04-09", "day", None),
        # clock times do not change the day
        ("Tuesday at 4:30 pm", "2016-06-01", "2016-05-31", "day", None),
        ("yesterday at 9am", "2016-06-01", "2016-05-31", "day", None),
        ("April 30, 2016, 23:10 GMT", "2016-06-01", "2016-04-30", "day", None),
        # parts and ranges of months, months of a named year
        ("the first week of April", "2016-06-01", "2016-04", "month", None),
        ("the second half of 2015", "2016-06-01", "2015", "year", None),
        ("April and May", "2016-06-01", "2016", "year", "2016-05-31"),
        ("October last year", "2016-06-01", "2015-10", "month", None),
        ("in February this year", "2016-06-01", "2016-02", "month", None),
        ("the past fortnight", "2018-07-30", "2018-07", "month", "2018-07-30"),
        ("Wednesday-Thursday", "2016-06-01", "2016-05", "month", "2016-05-26"),
        ("2018-07-06T21:15:00Z", "2018-07-08", "2018-07-06", "day", None),
        ("the second of July", "2018-07-08", "2018-07-02", "day", None),
        ("Thursday of last week", "2018-07-08", "2018-06-28", "day", None),
        ("Friday night into Saturday", "2018-07-08", "2018-07", "month", "2018-07-07"),
        ("end-June", "2018-07-08", "2018-06", "month", None),
        # a weekday with a day of the month, or among words that carry no other date
        ("Friday 27", "2016-06-01", "2016-05-27", "day", None),
        ("Thursday 14", "2016-06-01", "2016-04-14", "day", None),
        ("Sunday, the third day of the offensive", "2018-07-08", "2018-07-08", "day", None),
        # ranges of days: a period, so month or year
        ("on Thursday and Friday", "2016-06-01", "2016-05", "month", "2016-05-27"),
        ("May 22 and 23", "2016-06-01", "2016-05", "month", "2016-05-23"),
        ("12-14 April", "2016-06-01", "2016-04", "month", "2016-04-14"),
        ("between May 30 and June 1", "2016-06-01", "2016", "year", "2016-06-01"),
        ("December 29 to January 1", "2020-01-02", "2019", "year", "2020-01-01"),
        # vague counts of units
        ("this past week", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("the past few days", "2018-07-08", "2018-07", "month", "2018-07-08"),
        ("a few weeks ago", "2018-07-30", "2018-07", "month", None),
    ],
)
def test_resolve_date(expression: str, published: str, iso: str, precision: str, end: str | None) -> None:
    resolved = resolve_date(expression, D(published))
    assert resolved is not None
    assert (resolved.iso, resolved.precision, resolved.end) == (iso, precision, end and D(end))
    assert resolved.text == expression
    assert resolved.start <= D(published)


@pytest.mark.parametrize(
    "expression",
    [
        "tomorrow",
        "next week",
        "next Monday",
        "every Friday",
        "31/31/2016",
        "recently",
        "in recent years",  # longer than a year: no unit holds it
        "the day after the ceasefire",
        "a day earlier",  # anchored to another event, not to publication
        "the previous day",
        "two weeks later",
        "the 1980s",
        "5",
        "18-year-old",
        "the age of 30",
        "February 30",
        "September 21 2016",  # after publication
        "the regime forces",
        "",
        "   ",
        "!!!",
    ],
)
def test_resolve_date_none(expression: str) -> None:
    assert resolve_date(expression, D("2016-06-01")) is None


@pytest.mark.parametrize(
    ("expression", "days"),
    [("a week", 7), ("about two months", 60), ("three days", 3), ("Monday", None), ("last week", None)],
)
def test_counted_days(expression: str, days: int | None) -> None:
    assert counted_days(expression) == days


def test_month_start_and_text_kept() -> None:
    assert resolve_date("In May", D("2016-06-01")) == ResolvedDate(D("2016-05-01"), "month", None, "In May")


def test_published_datetime_is_accepted() -> None:
    resolved = resolve_date("yesterday", dt.datetime(2016, 6, 1, 23, 59))
    assert resolved is not None and resolved.start == D("2016-05-31")


@given(st.text(max_size=60), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_garbage_never_raises_nor_resolves_after_publication(expression: str, published: dt.date) -> None:
    resolved = resolve_date(expression, published)
    assert resolved is None or (
        resolved.start <= published and (resolved.end is None or resolved.end <= published)
    )


@given(
    st.sampled_from(
        ["on Sunday", "last week", "in March", "since Friday", "this week", "two days ago", "5 June"]
    ),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_relative_expressions_resolve_near_publication(expression: str, published: dt.date) -> None:
    resolved = resolve_date(expression, published)
    assert resolved is not None
    assert resolved.start <= published
    if resolved.precision == "year":
        assert resolved.start.year >= published.year - 1
    else:
        assert published - resolved.start <= dt.timedelta(days=366)
