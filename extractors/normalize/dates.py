"""Resolve a date expression ("on Monday", "last week", "March 3, 2016") against the publication date.

Policy (gold guidelines, "Dates"): a day expression gives a day; a period counted back from
publication ("last week", "in the past three days") gives the finest unit, month or year, that
holds the whole period; a named month or year gives that unit; "since X" starts at X. A small
grammar of our own handles the relative language news uses (it is most of what we see, and
dateparser is slow); dateparser is the fallback for other absolute forms. Nothing after the
publication date is returned; unparseable input gives None, never an exception.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.lexicon import (
    ANCHORED_ELSEWHERE,
    DATE_FILLER,
    DAY_BEFORE,
    MONTHS,
    NOT_THIS_WEEKDAY,
    ORDINAL_DAYS,
    PART_WORDS,
    RANGE_WORDS,
    SAME_DAY,
    TIME_UNITS,
    TIMES_OF_DAY,
    TWO_DAYS_BEFORE,
    VAGUE_UNIT_COUNTS,
    WEEKDAYS,
)
from extractors.normalize.numbers import number_value
from extractors.schema import DatePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DAY: DatePrecision = "day"
MONTH: DatePrecision = "month"
YEAR: DatePrecision = "year"


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: `start` is the first day of the unit at `precision` (what the `date` column shows);
    `end` is the last day of a period the expression names ("last week", "since March"), else None."""

    start: dt.date
    precision: DatePrecision
    end: dt.date | None
    text: str

    @property
    def iso(self) -> str:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as the gold data writes dates."""
        return self.start.isoformat()[: {DAY: 10, MONTH: 7, YEAR: 4}[self.precision]]


@dataclass(frozen=True)
class _Resolution:
    start: dt.date
    precision: DatePrecision
    end: dt.date | None = None


# Leading words that only introduce the expression; "since" is kept as a flag (the period runs to now).
_LEADING = re.compile(
    r"^(?:ever|since|from|on|in|during|at|the|over|for|into|by|until|till|as of|within|between|of|"
    r"around|about|just|only|throughout|through|after)\s+"
)
# How far back "recent days/weeks/months" reach: a judgement, chosen so "recent months" spans
# more than one month (the guidelines resolve it to the year).
_RECENT = {"day": ("day", 7), "week": ("day", 28), "month": ("month", 3)}
# dateparser only sees what names a month (numeric dates are read by the grammar); on anything
# else it tends to answer the reference date itself.
_DATEPARSER_GATE = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b")
# Clock times say nothing about the day: "3:00 pm", "14:35", "10pm", "at 9 a.m. local time".
_CLOCK_TIME = re.compile(
    r"\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\b\.?|z\b)?|\b\d{1,2}\s*[ap]\.?m\b\.?|\b(?:gmt|utc|local time)\b"
)
_NAME_PAIR = re.compile(
    r"\b(" + "|".join([*WEEKDAYS, *MONTHS]) + r")-(" + "|".join([*WEEKDAYS, *MONTHS]) + r")\b"
)


def resolve_date(expression: str, published: dt.date) -> ResolvedDate | None:
    """Resolve `expression` against `published`; None when it names no usable date (never raises)."""
    if not isinstance(expression, str) or not isinstance(published, dt.date):
        return None
    if isinstance(published, dt.datetime):
        published = published.date()
    found = _resolve_normalized(_normalize(expression), published)
    if found is None:
        return None
    return ResolvedDate(found.start, found.precision, found.end, expression)


@functools.lru_cache(maxsize=16384)
def _normalize(expression: str) -> str:
    s = expression.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<=\d)t(?=\d)", " ", s)  # ISO timestamps: "2020-06-12T10:32:00Z"
    s = _CLOCK_TIME.sub(" ", s)
    s = re.sub(r"\b(?:a |one )?fortnight", "two weeks", s)
    s = _NAME_PAIR.sub(r"\1 - \2", s)  # "Thursday-Friday"
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\b(mid|end|early|late)-", r"\1 ", s)
    s = re.sub(r"\bthe last (week|month|year)$", r"past \1", s)  # "in the last year" counts back
    s = re.sub(r"(\d+)-(hour|day|week|month|year)s?\b", r"\1 \2", s)
    s = re.sub(r"(?<![\d-])(\d{1,2})(st|nd|rd|th)?-(\d{1,2})(?![\d-])", r"\1\2 to \3", s)  # "29-30 May"
    s = re.sub(r"(?<=\d)\.(?=\d)", "/", s)  # "30.05.2016"
    s = re.sub(r"[^\w\s/-]|_", " ", s)
    return " ".join(s.split())[:200]


@functools.lru_cache(maxsize=16384)
def _resolve_normalized(s: str, published: dt.date) -> _Resolution | None:
    since = False
    while m := _LEADING.match(s):
        since = since or m.group(0).startswith("since")
        s = s[m.end() :]
    try:
        found = _by_grammar(s, published)
        if found is None and _DATEPARSER_GATE.search(s):
            found = _by_dateparser(s, published)
    except (ValueError, OverflowError):
        return None  # impossible calendar dates ("February 30")
    if found is None or found.start > published:
        return None
    if since:
        return _Resolution(found.start, found.precision, published)
    if found.end is not None and found.end > published:
        return _Resolution(found.start, found.precision, published)
    return found


_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}


def counted_days(expression: str) -> int | None:
    """How many days a counted period spans ("a week" 7, "about two months" 60); None for anything else."""
    words = _normalize(expression).split()
    while words and _LEADING.match(words[0] + " "):
        words = words[1:]
    if len(words) != 2 or words[1] not in TIME_UNITS:
        return None
    count = _count(words[0])
    return None if count is None else count * _UNIT_DAYS[TIME_UNITS[words[1]]]


def _by_grammar(s: str, published: dt.date) -> _Resolution | None:
    words = s.split()
    if not words or words[-1] in ANCHORED_ELSEWHERE:
        return None
    tokens = [t for t in words if t not in DATE_FILLER]
    if len(tokens) > 1 and tokens[0] in ("a", "an") and tokens[1] in VAGUE_UNIT_COUNTS:
        tokens = tokens[1:]  # "a few days", "a couple of days"
    if tokens[:2] == ["this", "past"]:
        tokens = tokens[1:]  # "this past week"
    if tokens == ["past", "weekend"]:
        tokens = ["last", "weekend"]  # "this past weekend": the one just gone, as "last weekend"
    tokens = _name_relative_year(tokens, published)
    if (night := _night_across(tokens, published)) is not None:
        return night
    for candidate in (tokens, [t for t in tokens if t not in TIMES_OF_DAY]):
        if not candidate:
            continue
        phrase = " ".join(candidate)
        if phrase in SAME_DAY:
            return _Resolution(published, DAY)
        if phrase in DAY_BEFORE:
            return _Resolution(published - dt.timedelta(days=1), DAY)
        if phrase in TWO_DAYS_BEFORE:
            return _Resolution(published - dt.timedelta(days=2), DAY)
        for rule in _RULES:
            found = rule(candidate, published)
            if found is not None:
                return found
    return None


# --- rules: each takes the filtered tokens and the publication date -------------------------------


def _night_across(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "the night of 2-3 February": a night across midnight is dated by the morning it ends in, as
    "overnight" is the publication day."""
    if not tokens or tokens[0] not in ("night", "overnight"):
        return None
    found = _calendar_range(tokens[1:], published)
    if found is None or found.end is None:
        return None
    if (found.end - dt.timedelta(days=1)).day != _first_day(tokens):
        return None  # not two days in a row ("the nights of 2-4 February")
    return _Resolution(found.end, DAY)


def _first_day(tokens: list[str]) -> int:
    return next((_day_number(t) for t in tokens if _DAY.fullmatch(t)), 0)


def _counted_back(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "past three days", "two days", "the last 24 hours", "recent months", "in just one month"."""
    head = ""
    if tokens and tokens[0] in ("past", "last", "previous", "recent"):
        head, tokens = tokens[0], tokens[1:]
    if head == "recent" and len(tokens) == 1 and tokens[0] in TIME_UNITS:
        unit, reach = _RECENT.get(TIME_UNITS[tokens[0]], ("", 0))
        return _period_back(unit, reach, published) if reach else None
    if len(tokens) == 2 and tokens[1] in TIME_UNITS:
        count = _count(tokens[0])
        if count is None or count <= 0:
            return None
        return _period_back(TIME_UNITS[tokens[1]], count, published)
    if head == "past" and len(tokens) == 1 and tokens[0] in TIME_UNITS:
        return _period_back(TIME_UNITS[tokens[0]], 1, published)  # "the past week": counted back
    return None


def _ago(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "two days ago", "a week ago", "more than two years ago" (a point, at the unit's precision)."""
    if len(tokens) != 3 or tokens[2] != "ago" or tokens[1] not in TIME_UNITS:
        return None
    count = _count(tokens[0])
    if count is None:
        return None
    unit = TIME_UNITS[tokens[1]]
    if unit == "hour":
        return _Resolution(published - dt.timedelta(days=count // 24), DAY)
    if unit == "day":
        return _Resolution(published - dt.timedelta(days=count), DAY)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() + 7 * count)
        return _period(monday, monday + dt.timedelta(days=6), keep_end=False)
    if unit == "month":
        return _Resolution(_month_start(_shift_months(published, -count)), MONTH)
    return _Resolution(dt.date(published.year - count, 1, 1), YEAR)


def _weekday_of_week(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "Friday last week", "Monday of this week": that weekday in the named calendar week."""
    if (
        len(tokens) != 3
        or tokens[0] not in WEEKDAYS
        or tokens[2] != "week"
        or tokens[1] not in ("last", "this")
    ):
        return None
    monday = published - dt.timedelta(days=published.weekday() + (7 if tokens[1] == "last" else 0))
    return _Resolution(monday + dt.timedelta(days=WEEKDAYS[tokens[0]]), DAY)


def _named_period(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "this week", "last month", "this year", "last year", "the weekend", "last December"."""
    if len(tokens) == 1 and tokens[0] in ("week", "month", "year", "weekend"):
        tokens = ["this", tokens[0]]  # "since the beginning of the year"
    if len(tokens) != 2 or tokens[0] not in ("this", "last", "previous", "past"):
        return None
    which, unit = tokens
    if which == "past":
        return None
    this = which == "this"
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() + (0 if this else 7))
        return _period(monday, min(monday + dt.timedelta(days=6), published))
    if unit == "weekend":
        back = (published.weekday() - 5) % 7
        if not this and back < 2:
            back += 7
        saturday = published - dt.timedelta(days=back)
        return _period(saturday, min(saturday + dt.timedelta(days=1), published))
    if unit == "month":
        first = _month_start(published if this else _shift_months(published, -1))
        return _Resolution(first, MONTH, _month_end(first))
    if unit == "year":
        year = published.year - (0 if this else 1)
        return _Resolution(dt.date(year, 1, 1), YEAR, dt.date(year, 12, 31))
    if unit in MONTHS:
        return _month_on_or_before(MONTHS[unit], published, strictly_before=not this)
    if unit in WEEKDAYS:
        return _weekday_on_or_before(WEEKDAYS[unit], published, strictly_before=not this)
    return None


def _weekdays(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "Monday", "Saturday and Sunday", "Friday to Sunday" (a period of days)."""
    days = [t for t in tokens if t not in RANGE_WORDS]
    if not days or any(t not in WEEKDAYS for t in days) or len(days) > 2:
        return None
    last = _weekday_on_or_before(WEEKDAYS[days[-1]], published, strictly_before=False)
    if len(days) == 1:
        return last
    first = _weekday_on_or_before(WEEKDAYS[days[0]], last.start, strictly_before=False)
    return _period(first.start, last.start)


_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_DAY = re.compile(r"(\d{1,2})(st|nd|rd|th)?")


def _calendar_date(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "March 3, 2016", "3 March", "3rd of March", "March 2016", "2014", "2016-03-03", "Sept 21"."""
    if len(tokens) == 1 and (m := _ISO.fullmatch(tokens[0])):
        return _Resolution(dt.date(int(m[1]), int(m[2]), int(m[3])), DAY)
    if len(tokens) == 1 and (m := _NUMERIC_DATE.fullmatch(tokens[0])):
        return _numeric_date(int(m[1]), int(m[2]), int(m[3]), published)
    words = [t for t in tokens if t not in WEEKDAYS]  # "Monday, March 7": the date decides
    months = [t for t in words if t in MONTHS]
    if months:
        words = [f"{ORDINAL_DAYS[t]}th" if t in ORDINAL_DAYS else t for t in words]
    years = [t for t in words if _YEAR.fullmatch(t)]
    days = [m for t in words if (m := _DAY.fullmatch(t))]
    if (
        len(months) > 1
        or len(years) > 1
        or len(days) > 1
        or len(months) + len(years) + len(days) != len(words)
    ):
        return None
    year = int(years[0]) if years else None
    if not months:
        weekday = next((WEEKDAYS[t] for t in tokens if t in WEEKDAYS), None)
        if days and not year and (days[0][2] or weekday is not None):
            return _day_of_month(int(days[0][1]), published, weekday)  # "the 3rd", "Monday 17"
        return _Resolution(dt.date(year, 1, 1), YEAR) if year and not days else None
    month = MONTHS[months[0]]
    if not days:
        if year:
            return _Resolution(dt.date(year, month, 1), MONTH)
        return _month_on_or_before(month, published, strictly_before=False)
    day = int(days[0][1])
    if year:
        return _Resolution(dt.date(year, month, day), DAY)
    candidate = dt.date(published.year, month, day) if _valid(published.year, month, day) else None
    if candidate is None or candidate > published:
        year = published.year - 1
        while not _valid(year, month, day):  # February 29 in the latest leap year
            year -= 1
            if year < published.year - 8:
                return None
        candidate = dt.date(year, month, day)
    return _Resolution(candidate, DAY)


def _calendar_range(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "May 29 and 30", "29-30 May", "between May 20 and June 2": a period of days."""
    words = [t for t in tokens if t not in WEEKDAYS and t not in RANGE_WORDS]
    day_at = [i for i, t in enumerate(words) if _DAY.fullmatch(t)]
    month_words = [t for t in words if t in MONTHS]
    year_at = [i for i, t in enumerate(words) if _YEAR.fullmatch(t)]
    if len(day_at) != 2 or len(month_words) not in (1, 2) or len(year_at) > 2:
        return None
    if len(day_at) + len(month_words) + len(year_at) != len(words):
        return None
    first_day, last_day = (_day_number(words[i]) for i in day_at)
    first_month, last_month = MONTHS[month_words[0]], MONTHS[month_words[-1]]
    wraps = (first_month, first_day) > (last_month, last_day)  # "December 30 to January 2"
    if year_at:
        year = int(words[year_at[-1]])
        if year_at[-1] < day_at[1]:  # "30 December 2015 to 2 January": the year is the first date's
            year += wraps
        last = dt.date(year, last_month, last_day)
    else:
        inferred = _calendar_date([words[day_at[1]], month_words[-1]], published)
        if inferred is None:
            return None
        last = inferred.start
    first_year = int(words[year_at[0]]) if len(year_at) == 2 else last.year - wraps
    return _period(dt.date(first_year, first_month, first_day), last)


def _day_number(word: str) -> int:
    return int(word.rstrip("stndrh"))


def _weekday_among_words(tokens: list[str], published: dt.date) -> _Resolution | None:
    """Last resort: one weekday among words that carry no other date ("Sunday, the fifth day")."""
    weekdays = [t for t in tokens if t in WEEKDAYS]
    if len(weekdays) != 1 or any(t in NOT_THIS_WEEKDAY or t in MONTHS or t[:1].isdigit() for t in tokens):
        return None
    return _weekday_on_or_before(WEEKDAYS[weekdays[0]], published, strictly_before=False)


def _month_range(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "March and April", "from March to May 2015": a period of months."""
    words = [t for t in tokens if t not in RANGE_WORDS]
    months = [t for t in words if t in MONTHS]
    years = [t for t in words if _YEAR.fullmatch(t)]
    if len(months) != 2 or len(years) > 1 or len(months) + len(years) != len(words):
        return None
    last = _calendar_date([months[1], *years], published)
    if last is None:
        return None
    first_month = MONTHS[months[0]]
    first = dt.date(last.start.year - (first_month > last.start.month), first_month, 1)
    return _period(first, min(_month_end(last.start), published))


def _part_of(tokens: list[str], published: dt.date) -> _Resolution | None:
    """ "the first week of March", "the second half of 2015": the month or year that holds the part."""
    rest = [t for t in tokens if t not in PART_WORDS]
    if len(rest) == len(tokens) or not rest or not any(t in MONTHS or _YEAR.fullmatch(t) for t in rest):
        return None
    found = _calendar_date(rest, published)
    if found is None or found.precision == DAY:
        return None
    return found


_RULES: tuple[Callable[[list[str], dt.date], _Resolution | None], ...] = (
    _counted_back,
    _ago,
    _named_period,
    _weekday_of_week,
    _weekdays,
    _calendar_date,
    _calendar_range,
    _month_range,
    _part_of,
    _weekday_among_words,
)


# --- fallback ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _date_parser(published: dt.date) -> DateDataParser:
    """A dateparser parser for one reference date, built on first use (import and setup are slow)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(published, dt.time(12)),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _by_dateparser(s: str, published: dt.date) -> _Resolution | None:
    try:
        data = _date_parser(published).get_date_data(s)
    except Exception:  # dateparser raises assorted errors on odd input; policy: no date
        return None
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if str(day.year) not in s and not dt.timedelta(0) <= published - day <= dt.timedelta(days=366):
        return None  # a year that the text does not give and that is not the latest one
    if data.period == "year":
        return _Resolution(dt.date(day.year, 1, 1), YEAR)
    if data.period == "month":
        return _Resolution(_month_start(day), MONTH)
    return _Resolution(day, DAY)


# --- calendar helpers ---------------------------------------------------------------------------


def _count(word: str) -> int | None:
    return VAGUE_UNIT_COUNTS.get(word, number_value(word))


def _period_back(unit: str, count: int, published: dt.date) -> _Resolution | None:
    """A period of `count` units ending on the publication day."""
    if unit == "hour":
        first = published - dt.timedelta(days=max(count - 1, 0) // 24)
    elif unit in ("day", "week"):
        first = published - dt.timedelta(days=count * (7 if unit == "week" else 1) - 1)
    elif unit == "month":
        first = _shift_months(published, -count) + dt.timedelta(days=1)
    else:
        first = _shift_months(published, -12 * count) + dt.timedelta(days=1)
    if first == published:
        return _Resolution(published, DAY)  # "over the past 24 hours"
    return _period(first, published)


def _period(first: dt.date, last: dt.date, *, keep_end: bool = True) -> _Resolution | None:
    """The finest unit, month or year, holding first..last; a period across a new year goes to the year
    with most of its days; longer than a year: no usable unit."""
    end = last if keep_end else None
    if (first.year, first.month) == (last.year, last.month):
        return _Resolution(_month_start(first), MONTH, end)
    if first.year == last.year:
        return _Resolution(dt.date(first.year, 1, 1), YEAR, end)
    if (last - first).days > 366:
        return None
    days_in_first = (dt.date(first.year, 12, 31) - first).days + 1
    days_in_last = (last - dt.date(last.year, 1, 1)).days + 1
    year = first.year if days_in_first > days_in_last else last.year
    return _Resolution(dt.date(year, 1, 1), YEAR, end)


def _weekday_on_or_before(weekday: int, published: dt.date, *, strictly_before: bool) -> _Resolution:
    back = (published.weekday() - weekday) % 7
    if strictly_before and back == 0:
        back = 7
    return _Resolution(published - dt.timedelta(days=back), DAY)


def _month_on_or_before(month: int, published: dt.date, *, strictly_before: bool) -> _Resolution:
    this_year = month < published.month or (month == published.month and not strictly_before)
    return _Resolution(dt.date(published.year if this_year else published.year - 1, month, 1), MONTH)


def _day_of_month(day: int, published: dt.date, weekday: int | None = None) -> _Resolution | None:
    """ "the 3rd", "Monday 17": the latest such day on or before publication (on that weekday if one
    is given and a month within a year has it, else the latest such day)."""
    candidates = []
    month = _month_start(published)
    for _ in range(14):
        if _valid(month.year, month.month, day) and dt.date(month.year, month.month, day) <= published:
            candidates.append(dt.date(month.year, month.month, day))
        month = _shift_months(month, -1)
    matching = [d for d in candidates if weekday is None or d.weekday() == weekday]
    best = matching or candidates
    return _Resolution(best[0], DAY) if best else None


def _name_relative_year(tokens: list[str], published: dt.date) -> list[str]:
    """ "March last year" -> "March 2015", "May this year" -> "May 2016" (alone, they are named periods)."""
    if len(tokens) <= 2:
        return tokens
    for i in range(len(tokens) - 1):
        if tokens[i + 1] == "year" and tokens[i] in ("last", "this", "previous"):
            year = published.year - (tokens[i] != "this")
            return [*tokens[:i], str(year), *tokens[i + 2 :]]
    return tokens


def _numeric_date(first: int, second: int, year: int, published: dt.date) -> _Resolution | None:
    """ "30.05.2016", "5/30/16", "16-06-2016": day-month or month-day, whichever reading is valid;
    when both are, the latest one on or before publication (news reports recent dates)."""
    if year < 100:
        year += 2000 if 2000 + year <= published.year else 1900
    readings = [
        dt.date(year, month, day)
        for day, month in ((first, second), (second, first))
        if 1 <= month <= 12 and _valid(year, month, day)
    ]
    past = [d for d in readings if d <= published]
    if not past:
        raise ValueError("no reading of the numeric date on or before publication")
    return _Resolution(max(past), DAY)


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
