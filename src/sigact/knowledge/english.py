"""Common English words, from the word-frequency list that ships with ``pyspellchecker``.

A short capitalised word that only reaches a place name through spelling folding ("Road" folds like
"Ruad", an old name of Arwad) is that word, not the place. The list is loaded on first use only.
"""

from __future__ import annotations

from functools import lru_cache

# Words seen this often in the list's corpus are everyday English; place names sit far below
# (Basra and Hama at 50, Abbas at 66; "road" at 120,540).
COMMON = 1000


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def is_common_word(word: str) -> bool:
    return _frequencies().get(word.casefold(), 0) >= COMMON
