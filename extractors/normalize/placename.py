"""Match keys for place names written in many transliterations.

Arabic (and Persian, Pashto, Kurdish) names reach English news in several
spellings: Daraa / Deraa / Dar'a, Deir ez-Zor / Deir Ezzor / Dayr az Zawr,
Idlib / Idleb. Two keys absorb that variation:

* `exact_key`: accents, apostrophes, ayn/hamza marks, hyphens, spaces,
  case, the Arabic article (al-, el-, ad-, ash- ...; also when assimilated and
  glued on, as in "Ezzor") and doubled letters are dropped.
* `loose_key`: `exact_key` plus the transliteration equivalences
  (q/k, ph/f, dj/j, gh/g, dh/d, th/t, ch/sh, a final ta marbuta h, every vowel run, and w and
  y inside a word) reduced to one symbol. A fallback that is only tried when the exact key
  finds nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from spacy.lang.en.stop_words import STOP_WORDS

from extractors.lexicon import ARABIC_ARTICLES, COMMON_WORDS

# Marks of ayn, hamza and apostrophes that transliterations add or drop at will.
_MARKS = re.compile(r"[\u0027\u0060\u00b4\u02bb\u02bc\u02bd\u02be\u02bf\u2018\u2019\u201b\u2032]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# An article glued to the next word with the sun letter doubled: Ezzor, Assuwayda.
_GLUED_ARTICLE = re.compile(r"^[ae](ss|zz|tt|dd|rr|nn)(?=[a-z]{2,})")
_DOUBLED = re.compile(r"([a-z])\1+")
_LOOSE_SUBSTITUTIONS = (
    ("dj", "j"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("ch", "sh"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
)
# Inside a word, w and y are written for vowels as often as for glides:
# Suwayda/Sweida, Dayr/Deir, Zawr/Zor, Salamiyah/Salamyieh.
_INNER_GLIDE = re.compile(r"(?<=[a-z])[wy]")
# A final h after a vowel is the Arabic ta marbuta, written or not: Raqqa/Raqqah.
_FINAL_H = re.compile(r"(?<=[aeiouy])h$")
_VOWEL_RUN = re.compile(r"[aeiou]+")


def fold(text: str) -> str:
    """Lower-case ASCII letters, digits and single spaces; accents and marks dropped."""
    if text.isascii():  # most names: ASCII has no decompositions and no combining marks
        no_accents = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    no_marks = _MARKS.sub("", no_accents.casefold())
    return _NON_ALNUM.sub(" ", no_marks.replace("ı", "i")).strip()


def _without_articles(words: list[str]) -> list[str]:
    """Drop detached articles before a word and glued, assimilated ones."""
    kept = [w for i, w in enumerate(words) if not (w in ARABIC_ARTICLES and i + 1 < len(words))]
    return [_GLUED_ARTICLE.sub(r"\1", w) for w in kept]


@functools.lru_cache(maxsize=1 << 16)  # pure; news repeats its names, article after article
def exact_key(name: str) -> str:
    """Spelling-insensitive key; equal keys mean the same written name."""
    words = _without_articles(fold(name).split())
    return _DOUBLED.sub(r"\1", "".join(words))


def _loose_word(word: str) -> str:
    for old, new in _LOOSE_SUBSTITUTIONS:
        word = word.replace(old, new)
    word = _INNER_GLIDE.sub("a", _FINAL_H.sub("", word))
    return _VOWEL_RUN.sub("a", word)


def loose_key(name: str) -> str:
    """Transliteration-insensitive key: consonant frame with vowel positions kept."""
    words = _without_articles(fold(name).split())
    return _DOUBLED.sub(r"\1", "".join(_loose_word(_DOUBLED.sub(r"\1", w)) for w in words))


def is_common_word(name: str) -> bool:
    """An English stop word or one of COMMON_WORDS, whatever its case."""
    folded = fold(name)
    return folded in STOP_WORDS or folded in COMMON_WORDS


def is_matchable_name(name: str) -> bool:
    """Whether a gazetteer name is safe to match in running text.

    Kept: Latin-script names of 3+ letters, capitalised, up to five words, with no digits, that
    are neither a lower-case English stop word nor in COMMON_WORDS.
    """
    words = name.split()
    if not name[:1].isupper() or len(words) > 5 or any(ch.isdigit() for ch in name):
        return False
    folded = fold(name)
    letters = folded.replace(" ", "")
    if len(letters) < 3 or not letters.isascii() or not letters.isalpha():
        return False
    return not is_common_word(folded)
