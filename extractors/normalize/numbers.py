"""Turn a number expression ("at least 9", "two hundred", "dozens") into a count and a qualifier.

Policy (gold guidelines, "Numbers"): digits and number words count as written; the qualifier
comes from the words before the number; vague amounts take a conservative lower bound with
qualifier `at_least`, as conflict-event coders do (ACLED). Words outside that list and text
without a number give None. Pure functions, no state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

EXACT, AT_LEAST, AT_MOST, APPROX = "exact", "at_least", "at_most", "approx"


@dataclass(frozen=True)
class Amount:
    """A normalized count: an integer and how the text bounds it."""

    value: int
    qualifier: str  # exact | at_least | at_most | approx


UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scale words multiply what precedes them ("two hundred", "3 million").
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# "two dozen" is 24: a dozen behaves like a scale after a number.
MULTIPLIERS = {**SCALES, "dozen": 12}

# Vague amounts and their conservative lower bounds (guidelines, after ACLED coding practice).
VAGUE = {
    "a few": 3,
    "several": 3,
    "many": 10,
    "tens": 10,
    "dozens": 12,
    "a dozen": 12,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "half a dozen": 6,
}
# "tens of thousands": a vague amount of a larger scale multiplies it.
VAGUE_OF = {"thousands": 1_000, "millions": 1_000_000, "hundreds": 100}

# Qualifier phrases (matched longest first).
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("no less than", AT_LEAST),
    ("not less than", AT_LEAST),
    ("no fewer than", AT_LEAST),
    ("not fewer than", AT_LEAST),
    ("at least", AT_LEAST),
    ("more than", AT_LEAST),
    ("over", AT_LEAST),
    ("upwards of", AT_LEAST),
    ("in excess of", AT_LEAST),
    ("including", AT_LEAST),  # "civilians including three children": the named part is a lower bound
    ("as many as", AT_MOST),
    ("no more than", AT_MOST),
    ("not more than", AT_MOST),
    ("up to", AT_MOST),
    ("at most", AT_MOST),
    ("fewer than", AT_MOST),
    ("less than", AT_MOST),
    ("under", AT_MOST),
    ("approximately", APPROX),
    ("about", APPROX),
    ("around", APPROX),
    ("nearly", APPROX),
    ("almost", APPROX),
    ("some", APPROX),
    ("roughly", APPROX),
    ("close to", APPROX),
    ("an estimated", APPROX),
    ("estimated", APPROX),
    ("approx", APPROX),
    ("circa", APPROX),
)
# Words that look like amounts but carry no count per the guidelines.
NO_COUNT = ("a number of", "scores", "a handful", "numerous", "a lot", "lots")
# Words after a number that make it a duration, age, share or distance, not a count of things
# ("two days of shelling killed 38", "a 12-year-old boy"): such numbers are skipped.
NOT_COUNTED = frozenset(
    {
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "year-old",
        "years-old",
        "year-olds",
        "percent",
        "per",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "am",
        "pm",
    }
)
# Nouns after "a" that name a group or a quantity, not one thing ("a group of fighters",
# "a large number of people"): "a" then does not mean 1.
COLLECTIVES = frozenset(
    {
        "group",
        "groups",
        "number",
        "couple",
        "lot",
        "series",
        "wave",
        "batch",
        "handful",
        "host",
        "crowd",
        "convoy",
        "family",
        "unit",
        "squad",
        "band",
        "bunch",
        "pair",
        "total",
        "majority",
        "minority",
        "string",
        "spate",
        "flurry",
        "barrage",
        "volley",
        "salvo",
        "round",
        "further",
        "few",
        "dozen",
        "score",
        "multitude",
        "set",
        "team",
        "column",
        "brigade",
        "battalion",
        "contingent",
        "cell",
    }
)
# Explicit zero ("no one was killed"): checked before "one" can be read as 1.
ZERO = ("no one", "nobody", "none", "zero", "no-one")
# Longest first, so "no more than" is not read as "more than".
_QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS, key=lambda pq: -len(pq[0].split()))
_QUALIFIER_PHRASES = tuple(phrase for phrase, _ in _QUALIFIERS_LONGEST_FIRST)

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)*")
# Numeric dates ("16-06-2016", "3/4/2017") are removed before numbers are read.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")
# "1,500-2,000" (a range) but not the dashes of a numeric date.
_NUMERIC_RANGE = re.compile(r"(?<![\d-])(\d[\d,]*)\s*-\s*(\d[\d,]*)(?![\d-])")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d+\.\d+")
_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)")
_YEAR_CONTEXT = {"in", "since", "of", "year", "until", "by", "from"} | {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}


def number_value(word: str) -> int | None:
    """Value of one number token: digits ("1,200"), a word ("nine") or hyphenated ("twenty-five")."""
    w = word.strip().lower()
    if _DIGITS.fullmatch(w):
        return int(w.replace(",", ""))
    if w in UNITS:
        return UNITS[w]
    if w in TENS:
        return TENS[w]
    if w in SCALES:
        return SCALES[w]
    tens, _, unit = w.partition("-")
    if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
        return TENS[tens] + UNITS[unit]
    return None


def parse_amount(text: str) -> Amount | None:
    """First amount in `text` with its qualifier; None when there is none or it is uncountable."""
    if not isinstance(text, str):
        return None
    words = _words(text)
    for amount in _scan(words):
        return amount
    if len(words) > 1 and words[0] in ("a", "an") and not _collective_or_unit(words[1:3]):
        return Amount(1, EXACT)  # "a child", "an elderly man"
    if len(words) > 1 and words[0] == "no" and not _collective_or_unit(words[1:3]):
        return Amount(0, EXACT)  # "no casualties"
    return None


def _collective_or_unit(words: list[str]) -> bool:
    """ "a group of", "a large number of", "a day": the article does not count one thing."""
    return words[0] in NOT_COUNTED or any(w in COLLECTIVES for w in words)


def parse_amounts(text: str) -> list[Amount]:
    """Every countable amount in `text`, in order ("50 fighters and two civilians" -> 50, 2)."""
    if not isinstance(text, str):
        return []
    return [amount for amount in _scan(_words(text)) if amount is not None]


def total(amounts: list[Amount]) -> Amount | None:
    """Sum of amounts told as parts of one group; the sum is bounded as its least exact part."""
    if not amounts:
        return None
    qualifiers = {a.qualifier for a in amounts}
    qualifier = next((q for q in (AT_LEAST, APPROX, AT_MOST) if q in qualifiers), EXACT)
    return Amount(sum(a.value for a in amounts), qualifier)


def _words(text: str) -> list[str]:
    lowered = _NUMERIC_DATE.sub(" ", text.lower().replace("\u2013", "-").replace("\u2014", "-"))
    return _TOKEN.findall(_NUMERIC_RANGE.sub(r"\1 to \2", lowered))


def _scan(words: list[str]) -> Iterator[Amount | None]:
    """Amounts in reading order; None for an uncountable one ("scores", "a number of")."""
    i = 0
    while i < len(words):
        if phrase := _starts(words, i, NO_COUNT):
            yield None
            i += len(phrase.split())
            continue
        if phrase := _starts(words, i, ZERO):
            yield Amount(0, _qualifier_before(words, i) or EXACT)
            i += len(phrase.split())
            continue
        if phrase := _starts(words, i, _QUALIFIER_PHRASES):
            i += len(phrase.split())
            continue
        found = _vague_at(words, i) or _number_at(words, i)
        if found is None:
            i += 1
            continue
        value, length, vague = found
        if i + length < len(words) and words[i + length] in NOT_COUNTED:
            i += length
            continue
        if i + length < len(words) and words[i + length] == "s":
            vague, length = True, length + 1  # "100s of people" reads as "hundreds"
        # an explicit qualifier wins; else vague amounts and ranges ("10 to 15") are lower bounds
        ranged = _is_range(words, i, i + length)
        yield Amount(value, _qualifier_before(words, i) or (AT_LEAST if vague or ranged else EXACT))
        i += length + (2 if ranged else 0)


def _starts(words: list[str], i: int, phrases: tuple[str, ...]) -> str | None:
    for phrase in phrases:
        parts = phrase.split()
        if words[i : i + len(parts)] == parts:
            return phrase
    return None


def _qualifier_before(words: list[str], i: int) -> str | None:
    for phrase, qualifier in _QUALIFIERS_LONGEST_FIRST:
        parts = phrase.split()
        if i >= len(parts) and words[i - len(parts) : i] == parts:
            return qualifier
    if i >= 1 and words[i - 1] == "between":
        return AT_LEAST
    return None


def _vague_at(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """A vague amount at i: (lower bound, tokens used, True)."""
    phrase = _starts(words, i, ("half a dozen", "a few", "a dozen"))
    length = len(phrase.split()) if phrase else 1
    base = VAGUE.get(phrase or words[i])
    if base is None:
        return None
    nxt = words[i + length : i + length + 2]
    if nxt and nxt[0] in MULTIPLIERS and phrase not in ("a dozen", "half a dozen"):
        return base * MULTIPLIERS[nxt[0]], length + 1, True  # "several hundred", "a few dozen"
    if len(nxt) == 2 and nxt[0] == "of" and nxt[1] in VAGUE_OF:
        return base * VAGUE_OF[nxt[1]], length + 2, True  # "tens of thousands"
    return base, length, True


def _number_at(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """A written number at i ("1,200", "2.5 million", "two hundred and fifty"): (value, tokens, False)."""
    first = words[i]
    if _ORDINAL_DIGITS.fullmatch(first):
        return None
    if _DECIMAL.fullmatch(first):
        if i + 1 < len(words) and words[i + 1] in SCALES:
            return int(float(first) * SCALES[words[i + 1]]), 2, False
        return None
    if _looks_like_year(words, i):
        return None
    start = i
    done = current = 0  # value of the finished thousands groups, and of the group being read
    seen = False
    while i < len(words):
        w = words[i]
        value = number_value(w)
        if w in MULTIPLIERS and seen:
            current = max(current, 1) * MULTIPLIERS[w]
            if MULTIPLIERS[w] >= 1_000:
                done, current = done + current, 0
        elif w == "a" and not seen and i + 1 < len(words) and words[i + 1] in SCALES:
            current, seen = 1, True  # "a hundred"
        elif w == "and" and seen and i + 1 < len(words) and words[i - 1] in SCALES:
            pass  # "two hundred and fifty"
        elif value is not None and w not in SCALES and (not seen or _can_follow(words[i - 1], w)):
            current += value
            seen = True
        else:
            break
        i += 1
    if not seen:
        return None
    return done + current, i - start, False


def _can_follow(previous: str, word: str) -> bool:
    """Number words combine only after a scale or a tens word ("hundred five", "twenty five")."""
    return (previous in MULTIPLIERS or previous in TENS or previous == "and") and not _DIGITS.fullmatch(word)


def _looks_like_year(words: list[str], i: int) -> bool:
    """A bare 19xx/20xx after "in"/"since"/a month, or before another number ("2016 ... kills 16")."""
    w = words[i]
    if not (len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100):
        return False
    return (i > 0 and words[i - 1] in _YEAR_CONTEXT) or any(
        number_value(x) is not None for x in words[i + 1 :]
    )


def _is_range(words: list[str], i: int, j: int) -> bool:
    """A second number after "to"/"or"/"-" makes a range ("10 to 15"), after "and" only with "between"."""
    if j + 1 >= len(words) or number_value(words[j + 1]) is None:
        return False
    return words[j] in ("to", "or") or (words[j] == "and" and i > 0 and words[i - 1] == "between")
