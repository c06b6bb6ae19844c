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

from extractors.lexicon import (
    APPROX_PHRASES,
    AT_LEAST_PHRASES,
    AT_MOST_PHRASES,
    COLLECTIVES,
    MULTIPLIERS,
    NO_COUNT,
    NOT_COUNTED,
    NUMBER_SCALES,
    NUMBER_TENS,
    NUMBER_UNITS,
    VAGUE_AMOUNT_BOUNDS,
    VAGUE_OF,
    YEAR_CONTEXT,
    ZERO,
)
from extractors.schema import CountQualifier

EXACT: CountQualifier = "exact"
AT_LEAST: CountQualifier = "at_least"
AT_MOST: CountQualifier = "at_most"
APPROX: CountQualifier = "approx"


@dataclass(frozen=True)
class Amount:
    """A normalized count: an integer and how the text bounds it."""

    value: int
    qualifier: CountQualifier


# Qualifier phrases and the bound each gives (matched longest first).
QUALIFIERS: tuple[tuple[str, CountQualifier], ...] = (
    *((phrase, AT_LEAST) for phrase in AT_LEAST_PHRASES),
    *((phrase, AT_MOST) for phrase in AT_MOST_PHRASES),
    *((phrase, APPROX) for phrase in APPROX_PHRASES),
)
# Longest first, so "no more than" is not read as "more than".
_QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS, key=lambda pq: -len(pq[0].split()))
_QUALIFIER_PHRASES = tuple(phrase for phrase, _ in _QUALIFIERS_LONGEST_FIRST)

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)*")
# Numeric dates ("16-06-2016", "3/4/2017") are removed before numbers are read.
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}\b")
# "1,500-2,000" (a range) but not the dashes of a numeric date.
_NUMERIC_RANGE = re.compile(r"(?<![\d-])(\d[\d,]*)\s*-\s*(\d[\d,]*)(?![\d-])")
# A number with a plus after it is a lower bound ("10+ soldiers", "700-plus recruits", "200 plus men");
# not a sum ("20 plus 15").
_PLUS = re.compile(r"(\d[\d,]*)(?:\+|[- ]plus\b(?![ -]*\d))")
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DECIMAL = re.compile(r"\d+\.\d+")
_ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)")


def number_value(word: str) -> int | None:
    """Value of one number token: digits ("1,200"), a word ("nine") or hyphenated ("twenty-five")."""
    w = word.strip().lower()
    if _DIGITS.fullmatch(w):
        return int(w.replace(",", ""))
    if w in NUMBER_UNITS:
        return NUMBER_UNITS[w]
    if w in NUMBER_TENS:
        return NUMBER_TENS[w]
    if w in NUMBER_SCALES:
        return NUMBER_SCALES[w]
    tens, _, unit = w.partition("-")
    if tens in NUMBER_TENS and unit in NUMBER_UNITS and 0 < NUMBER_UNITS[unit] < 10:
        return NUMBER_TENS[tens] + NUMBER_UNITS[unit]
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
    lowered = _PLUS.sub(r"at least \1", lowered)  # "10+ soldiers", "700-plus recruits"
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


def _qualifier_before(words: list[str], i: int) -> CountQualifier | None:
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
    base = VAGUE_AMOUNT_BOUNDS.get(phrase or words[i])
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
        if i + 1 < len(words) and words[i + 1] in NUMBER_SCALES:
            return int(float(first) * NUMBER_SCALES[words[i + 1]]), 2, False
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
        elif w == "a" and not seen and i + 1 < len(words) and words[i + 1] in NUMBER_SCALES:
            current, seen = 1, True  # "a hundred"
        elif w == "and" and seen and i + 1 < len(words) and words[i - 1] in NUMBER_SCALES:
            pass  # "two hundred and fifty"
        elif value is not None and w not in NUMBER_SCALES and (not seen or _can_follow(words[i - 1], w)):
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
    return (
        previous in MULTIPLIERS or previous in NUMBER_TENS or previous == "and"
    ) and not _DIGITS.fullmatch(word)


def _looks_like_year(words: list[str], i: int) -> bool:
    """A bare 19xx/20xx after "in"/"since"/a month, or before another number ("2016 ... kills 16")."""
    w = words[i]
    if not (len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100):
        return False
    return (i > 0 and words[i - 1] in YEAR_CONTEXT) or any(
        number_value(x) is not None for x in words[i + 1 :]
    )


def _is_range(words: list[str], i: int, j: int) -> bool:
    """A second number after "to"/"or"/"-" makes a range ("10 to 15"), after "and" only with "between"."""
    if j + 1 >= len(words) or number_value(words[j + 1]) is None:
        return False
    return words[j] in ("to", "or") or (words[j] == "and" and i > 0 and words[i - 1] == "between")
