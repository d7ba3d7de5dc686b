"""Gate: boilerplate removal on 50 real news pages keeps token F1 against the gold bodies ≥ 0.97.

Plain trafilatura with default settings scores 0.975 here; sigact's own cleaning must not be worse.
The same scoring as ``benchmarks/bench_boilerplate.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_boilerplate import prf, score, sigact_text  # noqa: E402

F1_FLOOR = 0.97


def test_token_scoring() -> None:
    assert prf("the cat sat", "the cat sat") == (1.0, 1.0, 1.0)
    p, r, f = prf("the cat sat on ads", "the cat sat")
    assert (p, r) == (0.6, 1.0) and f == pytest.approx(0.75)
    assert prf("", "x") == (0.0, 0.0, 0.0)


def test_boilerplate_f1_floor(corpus_dir: Path) -> None:
    if not (corpus_dir / "aeb_news_html").is_dir():
        pytest.skip("aeb_news_html not available")
    p, r, f, per_page = score(corpus_dir.parent, sigact_text)
    assert len(per_page) == 50
    assert f >= F1_FLOOR, f"boilerplate F1 {f:.4f} (P {p:.4f}, R {r:.4f}) < {F1_FLOOR}"
