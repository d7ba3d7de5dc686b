"""Which language a cleaned text is written in, offline (py3langid's bundled model).

Extraction's keywords, gazetteer cues and actor patterns are English; a non-English document is
stored but skipped by extraction with a reason rather than coded badly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

MIN_CHARS = 40  # shorter texts are not classified reliably
SAMPLE_CHARS = 5000  # enough to tell; bounds the time on huge texts
EXTRACTED = frozenset({"en"})


@lru_cache(maxsize=1)
def _model() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# English function words: a text made of them is English whatever a character model says about
# a short line of names ("Near Habbaniyah, one strike struck an ISIL tactical unit" reads as Pidgin).
_ENGLISH = frozenset([
    "the", "of", "and", "in", "to", "a", "an", "on", "at", "by", "for", "with", "from", "was", "were", "is", "are",
    "has", "have", "had", "that", "this", "which", "near", "after", "said", "one", "two", "three", "its", "their",
    "it", "as",
])
_WORD = re.compile(r"[A-Za-z]+")


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or too unsure to say."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    words = [w.lower() for w in _WORD.findall(sample)]
    if words and sum(w in _ENGLISH for w in words) >= 0.15 * len(words):
        return "en"
    lang, prob = _model().classify(sample)
    return str(lang) if prob >= 0.5 else None


def skip_reason(language: str | None) -> str | None:
    """Why extraction skips a document in this language (None: it is extracted)."""
    if language is None or language in EXTRACTED:
        return None
    return f"language '{language}' is not supported by extraction (English only); not extracted"
