"""Find known names in running text by their keys.

Both gazetteer and actor registry use this: the text is cut into word tokens with offsets, every
n-gram's key is looked up in a dictionary built from the data files, and the longest match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sigact.knowledge.normalise import ARTICLES, fold, join_keys, token_key

_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    is_article: bool
    capitalised: bool
    joined: bool = True  # only spaces, hyphens or an initial's dot between this token and the one before


_JOINERS = frozenset(" \t-‐–'’ʼ")


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    prev_end = 0
    after_possessive = False
    for m in _WORD.finditer(text):
        raw = m.group(0)
        end = m.end()
        possessive = False
        if len(raw) > 4 and raw[-2] in "'’ʼ" and raw[-1] in "sS":
            raw, end, possessive = raw[:-2], end - 2, True  # "the Kurdistan Region’s capital": name, no possessive
        folded = fold(raw).replace(" ", "")
        if not folded:
            continue
        first = raw[0]
        capitalised = first.isupper() or not first.isascii() or first.isdigit()
        sep = text[prev_end : m.start()]
        joined = not after_possessive and (all(ch in _JOINERS or ch.isspace() for ch in sep) or (
            sep.strip(" ") in (".", ".-") and bool(out) and len(out[-1].text) <= 2))
        # "U.S. forces", "the U.S.-led coalition"; not "Iraq, U"
        out.append(Token(m.start(), end, raw, token_key(folded), folded in ARTICLES, capitalised, joined))
        prev_end, after_possessive = m.end(), possessive
    return out


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # offsets in the text
    end: int
    first_token: int
    last_token: int  # inclusive
    key: str


def scan(tokens: list[Token], keys: set[str] | dict[str, object], max_len: int = 7,
         require_capital: bool = True) -> Iterator[Match]:
    """Yield longest, non-overlapping key matches, left to right."""
    i = 0
    n = len(tokens)
    while i < n:
        best: Match | None = None
        for j in range(min(n, i + max_len) - 1, i - 1, -1):
            window = tokens[i : j + 1]
            if not all(t.joined for t in window[1:]):
                continue  # names do not run across commas, full stops or brackets
            content = [t for t in window if not t.is_article]
            if not content:
                continue
            if require_capital and not (content[0].capitalised and content[-1].capitalised):
                continue
            if tokens[j].is_article:
                continue
            key = join_keys([t.key for t in (content if len(window) > 1 else window)])
            if key in keys:
                best = Match(window[0].start, window[-1].end, i, j, key)
                break
        if best is not None:
            yield best
            i = best.last_token + 1
        else:
            i += 1
