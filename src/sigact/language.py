"""Which language a cleaned text is written in, offline (py3langid's bundled model).

Extraction's keywords, gazetteer cues and actor patterns are English; a non-English document is
stored but skipped by extraction with a reason rather than coded badly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

MIN_CHARS = 40  # shorter texts are not classified reliably
SAMPLE_CHARS = 5000  # enough to tell; bounds the time on huge texts
EXTRACTED = frozenset({"en"})


@lru_cache(maxsize=1)
def _model() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short or too unsure to say."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_CHARS:
        return None
    lang, prob = _model().classify(sample)
    return str(lang) if prob >= 0.5 else None


def skip_reason(language: str | None) -> str | None:
    """Why extraction skips a document in this language (None: it is extracted)."""
    if language is None or language in EXTRACTED:
        return None
    return f"language '{language}' is not supported by extraction (English only); not extracted"
