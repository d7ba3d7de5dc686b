"""Near-duplicate texts: the same wire story republished by several sites.

A syndicated copy differs from its original by a headline, a dateline, a trailing "read more" or a
few edited words, so exact hashes miss it. MinHash signatures of word 5-gram shingles (datasketch)
estimate the Jaccard similarity of two texts, and an LSH index finds candidates without comparing
every pair. Short texts (wire notes, tallies) are left alone: written to a template, they share
many shingles without being copies of each other.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
MIN_WORDS = 50  # shorter texts are never linked as copies
SCHEME = "affine32"  # stored signatures are only comparable within one permutation scheme
THRESHOLD = 0.6  # estimated Jaccard similarity of shingle sets from which a text counts as a copy
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash | None:
    """MinHash of the text's word 5-grams, or None when the text is too short to compare."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch([" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)])
    return m


def to_bytes(sig: MinHash) -> bytes:
    return sig.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64).copy())


class NearDuplicateIndex:
    """Signatures of stored documents by key; finds the most similar earlier copy of a new text."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[int, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: int, sig: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, sig)
            self._sigs[key] = sig

    def find(self, sig: MinHash) -> tuple[int, float] | None:
        """(key, estimated Jaccard) of the closest indexed copy, the earliest among equals; None if none."""
        best: tuple[int, float] | None = None
        for key in self._lsh.query(sig):
            sim = float(sig.jaccard(self._sigs[key]))
            if sim >= THRESHOLD and (best is None or sim > best[1] or (sim == best[1] and key < best[0])):
                best = (key, sim)
        return best
