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


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes, turn punctuation into single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", text.casefold())
    text = text.replace("_", " ")
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """Fold the spelling variation inside one already-folded token."""
    if not token.isascii() or len(token) <= 3:
        return token  # non-Latin script, and acronyms ("AAH", "KCK"), are compared as written
    t = token.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    t = t.replace("e", "i").replace("o", "u").replace("q", "k").replace("ck", "k")
    t = _DOUBLE.sub(r"\1", t)
    t = _VOWEL_H.sub("", t)
    return t


def tokens(text: str) -> list[str]:
    return fold(text).split()


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The lookup key of a whole name: articles dropped, tokens folded, spaces removed."""
    toks = tokens(text)
    if len(toks) > 1:
        kept = [t for t in toks if t not in ARTICLES]
        toks = kept or toks
    return "".join(token_key(t) for t in toks)
