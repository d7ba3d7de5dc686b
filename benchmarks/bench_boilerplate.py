"""Boilerplate removal on real news pages: token precision, recall and F1 of cleaned text vs gold bodies.

Reads the 50 raw pages with human-checked article bodies in ../shared/corpus/aeb_news_html (Zyte's
article-extraction benchmark, see its SOURCE.md), cleans each with sigact's own cleaning (what
``sigact clean`` prints) and scores the bag of word tokens against the gold ``articleBody``, averaged
per page. ``--baseline`` also scores plain trafilatura with default settings, for comparison.

    python benchmarks/bench_boilerplate.py [--shared ../shared] [--baseline] [--worst 5]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def prf(got: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 of one text against its gold text."""
    g, t = tokens(got), tokens(gold)
    overlap = sum((g & t).values())
    p = overlap / sum(g.values()) if g else 0.0
    r = overlap / sum(t.values()) if t else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pages(shared: Path) -> list[tuple[str, Path, str, str]]:
    """(id, html path, url, gold body) for every page of the set."""
    root = shared / "corpus" / "aeb_news_html"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [(pid, root / "html" / f"{pid}.html", g["url"], g["articleBody"]) for pid, g in sorted(gold.items())]


def sigact_text(html: str, url: str, pid: str) -> str:
    from sigact.clean import clean
    from sigact.errors import InputError
    from sigact.records import Document

    try:
        return clean(Document(doc_id=pid, source=pid, html=html, url=url)).body
    except InputError:
        return ""


def trafilatura_text(html: str, url: str, pid: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def score(shared: Path, fn: Callable[[str, str, str], str]) -> tuple[float, float, float, list[tuple[float, str]]]:
    """Mean P, R, F1 over the pages, and per-page F1 for the worst list."""
    rows = []
    for pid, path, url, body in pages(shared):
        rows.append((prf(fn(path.read_text(encoding="utf-8"), url, pid), body), pid))
    n = len(rows)
    return (sum(r[0][0] for r in rows) / n, sum(r[0][1] for r in rows) / n, sum(r[0][2] for r in rows) / n,
            sorted((r[0][2], r[1]) for r in rows))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--baseline", action="store_true", help="also score plain trafilatura defaults")
    ap.add_argument("--worst", type=int, default=5, help="list the pages with the lowest F1")
    args = ap.parse_args()
    if not (args.shared / "corpus" / "aeb_news_html").is_dir():
        print(f"{args.shared}/corpus/aeb_news_html not found", file=sys.stderr)
        return 1
    systems: list[tuple[str, Callable[[str, str, str], str]]] = [("sigact clean", sigact_text)]
    if args.baseline:
        systems.append(("trafilatura default", trafilatura_text))
    for name, fn in systems:
        start = time.perf_counter()
        p, r, f, per_page = score(args.shared, fn)
        took = time.perf_counter() - start
        print(f"{name}: precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}  ({len(per_page)} pages, {took:.1f} s)")
        for f1, pid in per_page[: args.worst]:
            print(f"  F1 {f1:.3f}  {pid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
