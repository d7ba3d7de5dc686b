"""Transliteration-insensitive keys for names.

Arabic, Kurdish and Persian names reach English text in many spellings (Hezbollah / Hizbullah /
Hizballah, al-Yusufiyah / Yusufiya, Qassim / Qasim). Knowledge lookups compare *keys*, in which
those differences are folded away, so both the data files and the text go through the same function.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[\u0027\u2019\u2018\u02bc\u02bb\u02be\u02bf\u0060\u00b4\u2032]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
ARTICLES = frozenset({"al", "el", "as", "ad", "ar", "at", "an", "ash", "az", "ath", "adh", "ul", "ed", "es"})
_VOWEL_H = re.compile(r"(?<=[aeiu])h$")
_DOUBLE = re.compile(r"(.)\1+")


def _single(m: re.Match[str]) -> str:
    return m.group(1)  # a function, not the template r"\1": the template is re-expanded on every call


# Letters that do not decompose into a base letter plus a combining mark.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe",
                          "Ł": "L", "Ø": "O", "Đ": "D", "Ħ": "H", "Æ": "AE", "Œ": "OE"})


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes, turn punctuation into single spaces."""
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    text = text.replace("_", " ")
    return _NON_WORD.sub(" ", text).strip()


def _fold_letters(t: str) -> str:
    """Spelling folds, repeated to a fixed point so that a key keyed again stays the same."""
    for _ in range(4):
        before = t
        t = t.replace("ou", "u").replace("oo", "u").replace("ee", "i")
        t = t.replace("e", "i").replace("o", "u").replace("q", "k")
        t = _DOUBLE.sub(_single, t).replace("ck", "k")
        t = _DOUBLE.sub(_single, t)
        t = _VOWEL_H.sub("", t)
        if t == before:
            break
    return t


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Fold the spelling variation inside one already-folded token."""
    if not token.isascii():
        return token
    if len(token) <= 3:  # short words and acronyms ("ez", "AAH", "KCK"): single letters only
        return token.replace("e", "i").replace("o", "u").replace("q", "k")
    return _fold_letters(token)


def tokens(text: str) -> list[str]:
    return fold(text).split()


def join_keys(keys: list[str]) -> str:
    """Join token keys and fold again across the joints ("Deir ez-Zor" = "Deir Ezzor")."""
    joined = "".join(keys)
    return _fold_letters(joined) if len(joined) > 3 else joined


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The lookup key of a whole name: articles dropped, tokens folded, spaces removed.

    Spelling variants of one name share a key (Hezbollah / Hizbullah / Hizbollah; al-Yusufiyah /
    Yusufiya); variants that differ in a vowel the key keeps (Hizballah) are found by fuzzy matching.
    """
    toks = tokens(text)
    if len(toks) > 1:
        kept = [t for t in toks if t not in ARTICLES]
        toks = kept or toks
    return join_keys([token_key(t) for t in toks])
