"""Throughput and peak memory of `sigact extract` on real short texts.

Builds a JSONL corpus from the ACLED notes and GTD summaries in ../shared/corpus (written to a
temporary folder, never into the project: that data is for evaluation only), then runs
`sigact extract` on it in a fresh process and reports documents/second and peak RSS.

    python benchmarks/bench_extract.py [--docs 1000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def corpus_texts(shared: Path) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    acled = shared / "corpus/acled_iraq_2024_sample/acled_iraq_2024-01_sample.csv"
    with acled.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.append({"id": r["event_id_cnty"], "published": r["event_date"], "text": r["notes"]})
    drone = shared / "corpus/acled_gtd_drone_db/iraq_syria_drone_events.csv"
    with drone.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["day"] not in ("0", "") and r["summary"]:
                pub = f"{int(r['year']):04d}-{int(r['month']):02d}-{int(r['day']):02d}"
                out.append({"id": r["eventid"], "published": pub, "text": r["summary"]})
    gtd = shared / "corpus/gtd_iraq_2012_2017/iraq_conflict_data.csv"
    with gtd.open(encoding="utf-8", newline="") as fh:
        for i, r in enumerate(csv.DictReader(fh)):
            out.append({"id": f"gtd-{i}", "published": r["date"], "text": r["summary"]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    texts = corpus_texts(args.shared)[: args.docs]
    sigact = Path(sys.executable).with_name("sigact")
    cmd = [str(sigact)] if sigact.exists() else [sys.executable, "-m", "sigact.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for t in texts:
                fh.write(json.dumps(t) + "\n")
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(texts[0]) + "\n", encoding="utf-8")
        env = dict(os.environ)
        # warm: the gazetteer index cache exists (the normal case after the first run)
        subprocess.run([*cmd, "extract", str(one)], check=True, stdout=subprocess.DEVNULL, env=env)
        t0 = time.perf_counter()
        subprocess.run([*cmd, "extract", str(one)], check=True, stdout=subprocess.DEVNULL, env=env)
        startup = time.perf_counter() - t0
        t0 = time.perf_counter()
        proc = subprocess.run([*cmd, "extract", str(path)], check=True, stdout=subprocess.PIPE, env=env)
        warm = time.perf_counter() - t0
        warm_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        # cold: first run on a fresh machine, which builds the index from GeoNames
        env["SIGACT_CACHE"] = str(Path(tmp) / "cold-cache")
        t0 = time.perf_counter()
        subprocess.run([*cmd, "extract", str(path)], check=True, stdout=subprocess.DEVNULL, env=env)
        cold = time.perf_counter() - t0
        cold_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n_events = proc.stdout.count(b"\n")
    print(f"documents: {len(texts)}  events: {n_events}")
    print(f"warm run: {warm:.2f} s, {len(texts) / warm:.1f} documents/s end to end "
          f"({len(texts) / max(1e-9, warm - startup):.1f}/s after {startup:.2f} s start-up); peak {warm_mb:.0f} MB")
    print(f"cold run (builds the gazetteer cache): {cold:.2f} s, {len(texts) / cold:.1f} documents/s; "
          f"peak {max(warm_mb, cold_mb):.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
