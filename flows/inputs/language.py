"""Which language an article is in: one policy for ingest and extraction.

py3langid misreads short English wire items ("Jets struck Douma." -> sv, p=0.04) and
guesses on headlines and captions, so a text is given a language other than the one
expected only on a confident reading of enough letters.
"""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# The opening of a text is enough for py3langid, and cheap on huge texts.
LANGUAGE_SAMPLE_CHARS = 2_000
# Below this many Latin letters py3langid guesses rather than detects (headlines, captions).
MIN_LETTERS_FOR_DETECTION = 40
# Below this probability a reading other than the expected language of a Latin-script text is a guess.
MIN_LANGUAGE_CONFIDENCE = 0.9
# A text whose letters are mostly outside ASCII (Arabic, Cyrillic...) is not English, however short.
LATIN_SHARE = 0.5


@functools.cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model with normalized probabilities, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str, expected: str | None = "en") -> str | None:
    """ISO 639-1 code of the text's language; `expected` when the text is too short or the reading unsure."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return expected
    code, probability = _identifier().classify(sample)
    latin = sum(c.isascii() for c in letters) >= LATIN_SHARE * len(letters)
    unsure = probability < MIN_LANGUAGE_CONFIDENCE or len(letters) < MIN_LETTERS_FOR_DETECTION
    if code != expected and latin and unsure:
        return expected
    return str(code)
